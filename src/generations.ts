// apig-app-contract/generations: one helper per operation and gateway generation, the generation
// in the name (createAppOnDedicatedGatewayV2, listAppCodesOnSharedGateway…) and the types that
// generation's own. The package root exports them too until 3.0.0; new code imports them here.
export { createAppOnSharedGateway, createAppOnDedicatedGateway, type CreateAppResult } from './client/create-app.js';
export * from './client/generation-helpers.js';
export * from './client/grant-generation-helpers.js';

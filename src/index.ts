// apig-app-contract: typed client, signer and validator for Huawei Cloud APIG's Create APP.
export { createApigClient, regionEndpoint, type ApigClient, type ApigClientOptions, type ApigAuth } from './client/create-apig-client.js';
export { createAppOnSharedGateway, createAppOnDedicatedGateway, type CreateAppResult, type DedicatedInstance, type CallOptions } from './client/create-app.js';
export { ApigError, ApigNetworkError, ApigValidationError, type ApigFailure } from './errors.js';
export { validateCreateAppRequest, type ValidationIssue, type ValidationResult, type RequestField } from './validation/validate-create-app-request.js';
export { signRequest, formatSdkDate, type SignableRequest, type AkSkCredentials, type SignatureHeaders, type SignOptions } from './auth/sign-request.js';
export type { App, CreateAppRequest, ErrorBody, paths, components } from './types.js';

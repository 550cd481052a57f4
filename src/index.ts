// apig-app-contract: typed client, signer and validator for Huawei Cloud APIG's APP API (应用).
export { createApigClient, regionEndpoint, type ApigClient, type ApigClientOptions, type ApigAuth } from './client/create-apig-client.js';
export type { CallOptions, DedicatedInstance, Gateway, InstanceOn, Outcome } from './client/vocabulary.js';
export { createAppOnSharedGateway, createAppOnDedicatedGateway, type CreateAppResult } from './client/create-app.js';
export {
  listApps,
  listAppsPage,
  findAppByName,
  showApp,
  updateApp,
  deleteApp,
  resetAppSecret,
  verifyApp,
  type AppFilters,
  type Paging,
  type AppPage,
  type ListedApp,
  type ShownApp,
} from './client/app-lifecycle.js';
// The per-generation helpers: apig-app-contract/generations (./generations.ts); here until 3.0.0.
export * from './client/generation-helpers.js';
export {
  createAppCode,
  generateAppCode,
  listAppCodesPage,
  listAppCodes,
  showAppCode,
  deleteAppCode,
  authorizeApps,
  authorizationPairs,
  cancelAppAuthorization,
  listApisBoundToAppPage,
  listApisBoundToApp,
  listApisNotBoundToAppPage,
  listApisNotBoundToApp,
  listAppsBoundToApiPage,
  listAppsBoundToApi,
  showAppOutline,
  type AppCodeGateway,
  type AuthorizeAppsInput,
  type AuthorizationPair,
  type AuthorizationReport,
  type AuthorizationRecords,
  type PagingOf,
  type BoundApisQuery,
  type UnboundApisQuery,
  type BoundAppsQuery,
  type BoundPage,
  type BoundEntry,
} from './client/app-grants.js';
export * from './client/grant-generation-helpers.js';
export { showAppAcl, setAppAcl, deleteAppAcl } from './client/app-access-control.js';
export { createAiApiKey, listAiApiKeysPage, listAiApiKeys, showAiApiKey, deleteAiApiKey } from './client/ai-api-keys.js';
export {
  createAppQuota,
  listAppQuotasPage,
  listAppQuotas,
  showAppQuota,
  updateAppQuota,
  deleteAppQuota,
  bindAppsToAppQuota,
  unbindAppFromAppQuota,
  listAppsBoundToAppQuotaPage,
  listAppsBoundToAppQuota,
  listAppsBindableToAppQuotaPage,
  listAppsBindableToAppQuota,
  showAppQuotaOfApp,
  type OffsetPaging,
} from './client/app-quotas.js';
export { ApigError, ApigNetworkError, ApigValidationError, credentialRefusalOf, type ApigFailure, type CredentialRefusal } from './errors.js';
// The synchronous validator and the signer: apig-app-contract/validation and /auth (./validation.ts,
// ./auth.ts), apart so that a page that calls the client carries neither. An issue's type stays here.
export type { ValidationIssue } from './validation/body-issues.js';
export type { App, CreateAppRequest, ErrorBody, CreateAppRequestV2, AppV2, AppList, AppListV2, AppCode, AppOutline, paths, components } from './types.js';

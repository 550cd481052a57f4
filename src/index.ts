// apig-app-contract: typed client, signer and validator for Huawei Cloud APIG's APP API (应用).
export { createApigClient, regionEndpoint, type ApigClient, type ApigClientOptions, type ApigAuth } from './client/create-apig-client.js';
export { createAppOnSharedGateway, createAppOnDedicatedGateway, type CreateAppResult, type DedicatedInstance, type InstanceOn, type CallOptions } from './client/create-app.js';
export { listApps, listAppsPage, findAppByName, showApp, updateApp, deleteApp, resetAppSecret, verifyApp, type Gateway, type Outcome, type AppFilters, type Paging, type AppPage, type ListedApp, type ShownApp } from './client/app-lifecycle.js';
export * from './client/generation-helpers.js';
export {
  createAppCode, generateAppCode, listAppCodesPage, listAppCodes, showAppCode, deleteAppCode,
  authorizeApps, authorizationPairs, cancelAppAuthorization, listApisBoundToAppPage, listApisBoundToApp, listApisNotBoundToAppPage, listApisNotBoundToApp,
  listAppsBoundToApiPage, listAppsBoundToApi, showAppOutline,
  type AppCodeGateway, type AuthorizeAppsInput, type AuthorizationPair, type AuthorizationReport, type AuthorizationRecords, type PagingOf, type BoundApisQuery, type UnboundApisQuery, type BoundAppsQuery, type BoundPage, type BoundEntry,
} from './client/app-grants.js';
export * from './client/grant-generation-helpers.js';
export { ApigError, ApigNetworkError, ApigValidationError, credentialRefusalOf, type ApigFailure, type CredentialRefusal } from './errors.js';
export { validateCreateAppRequest, type ValidationIssue, type ValidationResult, type RequestField } from './validation/validate-create-app-request.js';
export { validateRequestBody, type RequestSchemaName, type BodyValidationOptions } from './validation/validate-request-body.js';
export { signRequest, formatSdkDate, type SignableRequest, type AkSkCredentials, type SignatureHeaders, type SignOptions } from './auth/sign-request.js';
export type { App, CreateAppRequest, ErrorBody, CreateAppRequestV2, AppV2, AppList, AppListV2, AppCode, AppOutline, paths, components } from './types.js';

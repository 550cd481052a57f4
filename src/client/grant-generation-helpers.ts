// The AppCode, authorization and outline helpers per generation, in the style of the lifecycle's
// (…OnSharedGateway, …OnDedicatedGateway, …OnDedicatedGatewayV2): the generation is in the name and
// the types are that generation's own. The dedicated gateway v1 has no AppCode helpers: its pages
// have no AppCode operations.
import type { components } from '../types.js';
import type { ApigClient } from './create-apig-client.js';
import type { CallOptions, InstanceOn, Outcome } from './vocabulary.js';
import { instanceOn } from './gateway-call.js';
import {
  authorizeApps,
  cancelAppAuthorization,
  createAppCode,
  deleteAppCode,
  generateAppCode,
  listAppCodesPage,
  listApisBoundToAppPage,
  listApisNotBoundToAppPage,
  listAppsBoundToApiPage,
  showAppCode,
  showAppOutline,
  type AuthorizeAppsInput,
  type BoundApisQuery,
  type BoundAppsQuery,
  type UnboundApisQuery,
} from './app-grants.js';

type S = components['schemas'];
type PageNo = { pageNo?: number; pageSize?: number };
type OffsetLimit = { offset?: number; limit?: number };
const SHARED = { gateway: 'shared' } as const;
// `{ projectId, instanceId }`, or a Gateway of the helper's own generation (another: ./gateway-call.ts).
type V1 = InstanceOn<'dedicated'>;
type V2 = InstanceOn<'dedicatedV2'>;
const v1 = (instance: V1) => instanceOn('dedicated', instance);
const v2 = (instance: V2) => instanceOn('dedicatedV2', instance);
const cast = <T>(outcome: Promise<Outcome<unknown>>) => outcome as Promise<Outcome<T>>;

// Shared gateway (共享版)
export const createAppCodeOnSharedGateway = (client: ApigClient, appId: string, body: S['CreateAppCodeRequest'], options?: CallOptions) =>
  createAppCode(client, SHARED, appId, body, options);
export const generateAppCodeOnSharedGateway = (client: ApigClient, appId: string, options?: CallOptions) => generateAppCode(client, SHARED, appId, options);
export const listAppCodesOnSharedGateway = (client: ApigClient, appId: string, paging?: PageNo, options?: CallOptions) =>
  listAppCodesPage(client, SHARED, appId, paging, options);
export const showAppCodeOnSharedGateway = (client: ApigClient, appId: string, appCodeId: string, options?: CallOptions) =>
  showAppCode(client, SHARED, appId, appCodeId, options);
export const deleteAppCodeOnSharedGateway = (client: ApigClient, appId: string, appCodeId: string, options?: CallOptions) =>
  deleteAppCode(client, SHARED, appId, appCodeId, options);
export const authorizeAppsOnSharedGateway = (client: ApigClient, input: AuthorizeAppsInput, options?: CallOptions) =>
  authorizeApps(client, SHARED, input, options);
export const cancelAppAuthorizationOnSharedGateway = (client: ApigClient, authorizationId: string, options?: CallOptions) =>
  cancelAppAuthorization(client, SHARED, authorizationId, options);
export const listApisBoundToAppOnSharedGateway = (client: ApigClient, filters: BoundApisQuery, paging?: PageNo, options?: CallOptions) =>
  cast<S['AppAuthorizationList']>(listApisBoundToAppPage(client, SHARED, filters, paging, options));
export const listApisNotBoundToAppOnSharedGateway = (client: ApigClient, filters: UnboundApisQuery, paging?: PageNo, options?: CallOptions) =>
  cast<S['UnboundApiList']>(listApisNotBoundToAppPage(client, SHARED, filters, paging, options));
export const listAppsBoundToApiOnSharedGateway = (client: ApigClient, filters?: BoundAppsQuery, paging?: PageNo, options?: CallOptions) =>
  cast<S['AppAuthorizationList']>(listAppsBoundToApiPage(client, SHARED, filters, paging, options));
export const showAppOutlineOnSharedGateway = (client: ApigClient, options?: CallOptions) => showAppOutline(client, SHARED, options);

// Dedicated gateway (专享版)
export const authorizeAppsOnDedicatedGateway = (client: ApigClient, instance: V1, input: AuthorizeAppsInput, options?: CallOptions) =>
  authorizeApps(client, v1(instance), input, options);
export const cancelAppAuthorizationOnDedicatedGateway = (client: ApigClient, instance: V1, authorizationId: string, options?: CallOptions) =>
  cancelAppAuthorization(client, v1(instance), authorizationId, options);
export const listApisBoundToAppOnDedicatedGateway = (client: ApigClient, instance: V1, filters: BoundApisQuery, paging?: PageNo, options?: CallOptions) =>
  cast<S['AppAuthorizationList']>(listApisBoundToAppPage(client, v1(instance), filters, paging, options));
export const listApisNotBoundToAppOnDedicatedGateway = (client: ApigClient, instance: V1, filters: UnboundApisQuery, paging?: PageNo, options?: CallOptions) =>
  cast<S['UnboundApiList']>(listApisNotBoundToAppPage(client, v1(instance), filters, paging, options));
export const listAppsBoundToApiOnDedicatedGateway = (client: ApigClient, instance: V1, filters?: BoundAppsQuery, paging?: PageNo, options?: CallOptions) =>
  cast<S['AppAuthorizationList']>(listAppsBoundToApiPage(client, v1(instance), filters, paging, options));
export const showAppOutlineOnDedicatedGateway = (client: ApigClient, instance: V1, options?: CallOptions) => showAppOutline(client, v1(instance), options);

// Dedicated gateway v2 (专享版)
export const createAppCodeOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, appId: string, body: S['CreateAppCodeRequestV2'], options?: CallOptions) =>
  createAppCode(client, v2(instance), appId, body, options);
export const generateAppCodeOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, appId: string, options?: CallOptions) =>
  generateAppCode(client, v2(instance), appId, options);
export const listAppCodesOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, appId: string, paging?: OffsetLimit, options?: CallOptions) =>
  listAppCodesPage(client, v2(instance), appId, paging, options);
export const showAppCodeOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, appId: string, appCodeId: string, options?: CallOptions) =>
  showAppCode(client, v2(instance), appId, appCodeId, options);
export const deleteAppCodeOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, appId: string, appCodeId: string, options?: CallOptions) =>
  deleteAppCode(client, v2(instance), appId, appCodeId, options);
export const authorizeAppsOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, input: AuthorizeAppsInput, options?: CallOptions) =>
  authorizeApps(client, v2(instance), input, options);
export const cancelAppAuthorizationOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, authorizationId: string, options?: CallOptions) =>
  cancelAppAuthorization(client, v2(instance), authorizationId, options);
export const listApisBoundToAppOnDedicatedGatewayV2 = (
  client: ApigClient,
  instance: V2,
  filters: BoundApisQuery,
  paging?: OffsetLimit,
  options?: CallOptions,
) => cast<S['AppAuthorizationListV2']>(listApisBoundToAppPage(client, v2(instance), filters, paging, options));
export const listApisNotBoundToAppOnDedicatedGatewayV2 = (
  client: ApigClient,
  instance: V2,
  filters: UnboundApisQuery,
  paging?: OffsetLimit,
  options?: CallOptions,
) => cast<S['UnboundApiListV2']>(listApisNotBoundToAppPage(client, v2(instance), filters, paging, options));
export const listAppsBoundToApiOnDedicatedGatewayV2 = (
  client: ApigClient,
  instance: V2,
  filters?: BoundAppsQuery,
  paging?: OffsetLimit,
  options?: CallOptions,
) => cast<S['AppAuthorizationListV2']>(listAppsBoundToApiPage(client, v2(instance), filters, paging, options));
export const showAppOutlineOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, options?: CallOptions) => showAppOutline(client, v2(instance), options);

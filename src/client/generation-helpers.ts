// One helper per operation and generation, in the style of createAppOn…: the generation is in
// the name, and the types are that generation's own (v2's APP, list and bodies differ).
import type { components } from '../types.js';
import type { ApigClient } from './create-apig-client.js';
import type { CallOptions, InstanceOn, Outcome } from './vocabulary.js';
import { createApp, deleteApp, findAppByName, listAppsPage, resetAppSecret, showApp, updateApp, verifyApp, type AppFilters } from './app-lifecycle.js';
import { instanceOn } from './gateway-call.js';

type S = components['schemas'];
const SHARED = { gateway: 'shared' } as const;
// `{ projectId, instanceId }`, or a Gateway of the helper's own generation (another: ./gateway-call.ts).
type V1 = InstanceOn<'dedicated'>;
type V2 = InstanceOn<'dedicatedV2'>;
const v1 = (instance: V1) => instanceOn('dedicated', instance);
const v2 = (instance: V2) => instanceOn('dedicatedV2', instance);
const cast = <T>(outcome: Promise<Outcome<unknown>>) => outcome as Promise<Outcome<T>>;

// Shared gateway (共享版), /v1.0/apigw/apps
export const listAppsOnSharedGateway = (client: ApigClient, filters?: AppFilters, paging?: { pageNo?: number; pageSize?: number }, options?: CallOptions) =>
  cast<S['AppList']>(listAppsPage(client, SHARED, filters, paging, options));
export const findAppByNameOnSharedGateway = (client: ApigClient, name: string, options?: CallOptions) =>
  cast<S['AppWithBindNum'] | undefined>(findAppByName(client, SHARED, name, options));
export const showAppOnSharedGateway = (client: ApigClient, appId: string, options?: CallOptions) => cast<S['App']>(showApp(client, SHARED, appId, options));
export const updateAppOnSharedGateway = (client: ApigClient, appId: string, body: S['CreateAppRequest'], options?: CallOptions) =>
  cast<S['App']>(updateApp(client, SHARED, appId, body, options));
export const deleteAppOnSharedGateway = (client: ApigClient, appId: string, options?: CallOptions) => deleteApp(client, SHARED, appId, options);
export const resetAppSecretOnSharedGateway = (client: ApigClient, appId: string, body?: S['ResetAppSecretRequest'], options?: CallOptions) =>
  cast<S['AppSecretInfo']>(resetAppSecret(client, SHARED, appId, body, options));
export const verifyAppOnSharedGateway = (client: ApigClient, appId: string, options?: CallOptions) =>
  cast<S['AppBaseInfo']>(verifyApp(client, SHARED, appId, options));

// Dedicated gateway (专享版), /v1/{project_id}/apigw/instances/{instance_id}/apps
export const listAppsOnDedicatedGateway = (
  client: ApigClient,
  instance: V1,
  filters?: AppFilters,
  paging?: { pageNo?: number; pageSize?: number },
  options?: CallOptions,
) => cast<S['AppList']>(listAppsPage(client, v1(instance), filters, paging, options));
export const findAppByNameOnDedicatedGateway = (client: ApigClient, instance: V1, name: string, options?: CallOptions) =>
  cast<S['AppWithBindNum'] | undefined>(findAppByName(client, v1(instance), name, options));
export const showAppOnDedicatedGateway = (client: ApigClient, instance: V1, appId: string, options?: CallOptions) =>
  cast<S['App']>(showApp(client, v1(instance), appId, options));
export const updateAppOnDedicatedGateway = (client: ApigClient, instance: V1, appId: string, body: S['CreateAppRequest'], options?: CallOptions) =>
  cast<S['App']>(updateApp(client, v1(instance), appId, body, options));
export const deleteAppOnDedicatedGateway = (client: ApigClient, instance: V1, appId: string, options?: CallOptions) =>
  deleteApp(client, v1(instance), appId, options);
export const resetAppSecretOnDedicatedGateway = (client: ApigClient, instance: V1, appId: string, body?: S['ResetAppSecretRequest'], options?: CallOptions) =>
  cast<S['AppSecretInfo']>(resetAppSecret(client, v1(instance), appId, body, options));
export const verifyAppOnDedicatedGateway = (client: ApigClient, instance: V1, appId: string, options?: CallOptions) =>
  cast<S['AppBaseInfo']>(verifyApp(client, v1(instance), appId, options));

// Dedicated gateway v2 (专享版, current), /v2/{project_id}/apigw/instances/{instance_id}/apps
/** `POST /v2/{project_id}/apigw/instances/{instance_id}/apps`: 201 with the v2 APP. */
export const createAppOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, body: S['CreateAppRequestV2'], options?: CallOptions) =>
  createApp<S['AppV2']>(client, v2(instance), body, options);
export const listAppsOnDedicatedGatewayV2 = (
  client: ApigClient,
  instance: V2,
  filters?: AppFilters,
  paging?: { offset?: number; limit?: number },
  options?: CallOptions,
) => cast<S['AppListV2']>(listAppsPage(client, v2(instance), filters, paging, options));
export const findAppByNameOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, name: string, options?: CallOptions) =>
  cast<S['AppWithBindNumV2'] | undefined>(findAppByName(client, v2(instance), name, options));
export const showAppOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, appId: string, options?: CallOptions) =>
  cast<S['AppV2']>(showApp(client, v2(instance), appId, options));
export const updateAppOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, appId: string, body: S['UpdateAppRequestV2'], options?: CallOptions) =>
  cast<S['AppV2']>(updateApp(client, v2(instance), appId, body, options));
export const deleteAppOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, appId: string, options?: CallOptions) =>
  deleteApp(client, v2(instance), appId, options);
export const resetAppSecretOnDedicatedGatewayV2 = (
  client: ApigClient,
  instance: V2,
  appId: string,
  body?: S['ResetAppSecretRequestV2'],
  options?: CallOptions,
) => cast<S['AppV2']>(resetAppSecret(client, v2(instance), appId, body, options));
export const verifyAppOnDedicatedGatewayV2 = (client: ApigClient, instance: V2, appId: string, options?: CallOptions) =>
  cast<S['AppBaseInfoV2']>(verifyApp(client, v2(instance), appId, options));

// Task-level helpers for the APP lifecycle on the three gateway generations: create, list,
// show, update, delete, reset the secret and verify (./create-app.ts wraps create in the
// first contract's result shape for v1.0 and v1). Each returns
// `{ ok: true, … }` or `{ ok: false, error }`; expected failures are returned, not thrown.
import type { components } from '../types.js';
import * as schemas from '../../generated/request-rules/index.js';
import type { ApigClient } from './create-apig-client.js';
import type { CallOptions, Gateway, Outcome } from './vocabulary.js';
import { callOn, isV2, refused, type PathValue } from './gateway-call.js';
import { failures } from './settle.js';
import { everyEntry } from './every-entry.js';

type Schemas = components['schemas'];

/** What follows the generation's base path; `{id}` is the APP's id (`{app_id}` on v2). */
type Suffix = '' | '/{id}' | '/secret/{id}' | '/validation/{id}';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** `METHOD …/apps{suffix}` on `target`, checked and sent like every call (./gateway-call.ts). */
function call<T>(
  client: ApigClient,
  method: Method,
  suffix: Suffix,
  target: Gateway,
  appId: string | null,
  init: { query?: Record<string, unknown>; body?: unknown; schema?: schemas.BodySchemaRef },
  options: CallOptions,
): Promise<Outcome<T>> {
  const v2 = isV2(target);
  // Stryker disable next-line ArrayDeclaration: a seeded entry is a one-letter path parameter, which openapi-fetch ignores
  const ids: PathValue[] = appId === null ? [] : [['appId', v2 ? 'app_id' : 'id', appId]];
  return callOn<T>(client, method, target, `/apps${v2 ? suffix.replace('{id}', '{app_id}') : suffix}`, init, options, ids);
}

// ---- List ----------------------------------------------------------------------------

/** The filters every generation takes; `preciseSearch: 'name'` makes `name` an exact match. */
export interface AppFilters {
  id?: string;
  name?: string;
  status?: number;
  appKey?: string;
  creator?: 'USER' | 'MARKET';
  preciseSearch?: 'name';
  /** v2 only: the account and project the APP's credential is related to. */
  relatedDomainId?: string;
  relatedProjectId?: string;
}
/** v1.0 and v1 page with page_no (from 1) and page_size; v2 with offset and limit (the gateway takes a limit of 0 or less as 20, over 500 as 500). */
export type Paging = { pageNo?: number; pageSize?: number } | { offset?: number; limit?: number };

export type AppPage = Schemas['AppList'] | Schemas['AppListV2'];
export type ListedApp = Schemas['AppWithBindNum'] | Schemas['AppWithBindNumV2'];

function listQuery(filters: AppFilters, paging: Paging): Record<string, unknown> {
  const query: Record<string, unknown> = {
    id: filters.id,
    name: filters.name,
    status: filters.status,
    app_key: filters.appKey,
    creator: filters.creator,
    precise_search: filters.preciseSearch,
    related_domain_id: filters.relatedDomainId,
    related_project_id: filters.relatedProjectId,
  };
  // Both styles are passed on: the generation's own is checked, the other refused by name.
  const p = paging as { pageNo?: number; pageSize?: number; offset?: number; limit?: number };
  return { ...query, page_no: p.pageNo, page_size: p.pageSize, offset: p.offset, limit: p.limit };
}

/** One page of APPs: `GET …/apps` with filters and paging (the generation's own style). */
export function listAppsPage(
  client: ApigClient,
  target: Gateway,
  filters: AppFilters = {},
  paging: Paging = {},
  options: CallOptions = {},
): Promise<Outcome<AppPage>> {
  return call<AppPage>(client, 'GET', '', target, null, { query: listQuery(filters, paging) }, options);
}

/**
 * Every APP that matches, page after page (either paging style), as an async iterator. A
 * failure on any page is thrown as the typed error (ApigError, ApigNetworkError, ApigValidationError).
 */
export function listApps(
  client: ApigClient,
  target: Gateway,
  filters: AppFilters = {},
  { pageSize = 100, options = {} }: { pageSize?: number; options?: CallOptions } = {},
): AsyncGenerator<ListedApp> {
  return everyEntry(target, 'apps', (paging) => listAppsPage(client, target, filters, paging, options), pageSize, '查询APP列表');
}

/** The APP with exactly this name, using the pages' exact-name search (`precise_search=name`). */
export async function findAppByName(client: ApigClient, target: Gateway, name: string, options: CallOptions = {}): Promise<Outcome<ListedApp | undefined>> {
  if (typeof name !== 'string' || name.length === 0) return refused('name', 'name must be a non-empty string');
  const result = await listAppsPage(client, target, { name, preciseSearch: 'name' }, isV2(target) ? { limit: 1 } : { pageSize: 1 }, options);
  if (!result.ok) return result;
  const apps = result.data?.apps as ListedApp[] | undefined;
  if (!Array.isArray(apps))
    return {
      ok: false,
      error: (await failures()).malformedList(result.status, 'the list answer has no apps array (查询APP列表响应不符合契约)', result.requestId),
    };
  // The search is exact on the gateway; the comparison guards against a server that is not.
  return { ...result, data: apps.find((app) => app.name === name) };
}

// ---- Create (every generation; createAppOn… in ./create-app.ts and the v2 helper call it)

/** `POST …/apps` on `target`, with its path parameters checked like every other call. */
export function createApp<T>(client: ApigClient, target: Gateway, body: unknown, options: CallOptions = {}): Promise<Outcome<T>> {
  const schema = isV2(target) ? schemas.CreateAppRequestV2Schema : schemas.CreateAppRequestSchema;
  return call<T>(client, 'POST', '', target, null, { body, schema }, options);
}

// ---- Show, update, delete, reset, verify ------------------------------------------------

export type ShownApp = Schemas['App'] | Schemas['AppV2'];
export type UpdateAppBody = Schemas['CreateAppRequest'] | Schemas['UpdateAppRequestV2'];
export type ResetSecretBody = Schemas['ResetAppSecretRequest'] | Schemas['ResetAppSecretRequestV2'];

/** `GET …/apps/{id}`: the APP in full. */
export function showApp(client: ApigClient, target: Gateway, appId: string, options: CallOptions = {}): Promise<Outcome<ShownApp>> {
  return call<ShownApp>(client, 'GET', '/{id}', target, appId, {}, options);
}

/** `PUT …/apps/{id}`: a new name and remark (and key and secret where allowed); 200 on v1.0/v1, 201 on v2. */
export function updateApp(client: ApigClient, target: Gateway, appId: string, body: UpdateAppBody, options: CallOptions = {}): Promise<Outcome<ShownApp>> {
  const schema = isV2(target) ? schemas.UpdateAppRequestV2Schema : schemas.CreateAppRequestSchema;
  return call<ShownApp>(client, 'PUT', '/{id}', target, appId, { body, schema }, options);
}

/** `DELETE …/apps/{id}`: 204, no body. */
export function deleteApp(client: ApigClient, target: Gateway, appId: string, options: CallOptions = {}): Promise<Outcome<undefined>> {
  return call<undefined>(client, 'DELETE', '/{id}', target, appId, {}, options);
}

/** `PUT …/apps/secret/{id}`: the given secret, or (without one) a generated one. */
export function resetAppSecret(
  client: ApigClient,
  target: Gateway,
  appId: string,
  body: ResetSecretBody = {},
  options: CallOptions = {},
): Promise<Outcome<ShownApp | Schemas['AppSecretInfo']>> {
  const schema = isV2(target) ? schemas.ResetAppSecretRequestV2Schema : schemas.ResetAppSecretRequestSchema;
  return call(client, 'PUT', '/secret/{id}', target, appId, { body, schema }, options);
}

/** `GET …/apps/validation/{id}`: whether the APP exists (id, name and remark only). */
export function verifyApp(
  client: ApigClient,
  target: Gateway,
  appId: string,
  options: CallOptions = {},
): Promise<Outcome<Schemas['AppBaseInfo'] | Schemas['AppBaseInfoV2']>> {
  return call(client, 'GET', '/validation/{id}', target, appId, {}, options);
}

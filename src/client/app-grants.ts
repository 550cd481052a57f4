// What an APP is for, on any generation: its AppCodes (simple authentication), authorizing it
// to APIs, the lists of what is and is not authorized, and the APP outline. Each helper returns
// `{ ok: true, … }` or `{ ok: false, error }` like the lifecycle's; the iterators throw the
// typed error of a failing page.
import type { components } from '../types.js';
import * as schemas from '../../generated/request-rules/index.js';
import type { ApigClient } from './create-apig-client.js';
import type { CallOptions, Gateway, Outcome, PagingOf } from './vocabulary.js';
import { callOn, isV2, refused } from './gateway-call.js';
import { everyEntry } from './every-entry.js';

type S = components['schemas'];

/**
 * Where an APP can have AppCodes: the shared gateway and the dedicated gateway v2. The dedicated
 * gateway v1 has no AppCode pages: a v1 `Gateway` does not compile, and from JavaScript the call
 * is refused, not sent.
 */
export type AppCodeGateway = Exclude<Gateway, { gateway: 'dedicated' }>;

function appCodesRest(target: AppCodeGateway, withCode: boolean) {
  if ((target as Gateway)?.gateway === 'dedicated')
    return refused(
      'gateway',
      "the dedicated gateway v1 has no AppCode operations (its pages list none); use 'shared' or 'dedicatedV2'",
      'The AppCode call was not sent',
    );
  return isV2(target) ? `/apps/{app_id}/app-codes${withCode ? '/{app_code_id}' : ''}` : `/apps/{app_id}/app-codes${withCode ? '/{id}' : ''}`;
}

// ---- AppCodes -----------------------------------------------------------------------------

/** `POST …/apps/{app_id}/app-codes`: gives the APP this AppCode (64–180 characters). */
export function createAppCode(
  client: ApigClient,
  target: AppCodeGateway,
  appId: string,
  body: S['CreateAppCodeRequest'] | S['CreateAppCodeRequestV2'],
  options: CallOptions = {},
): Promise<Outcome<S['AppCode']>> {
  const rest = appCodesRest(target, false);
  if (typeof rest !== 'string') return rest;
  const schema = isV2(target) ? schemas.CreateAppCodeRequestV2Schema : schemas.CreateAppCodeRequestSchema;
  return callOn(client, 'POST', target, rest, { body, schema }, options, [['appId', 'app_id', appId]]);
}

/** `PUT …/apps/{app_id}/app-codes`: gives the APP an AppCode the gateway generates. */
export function generateAppCode(client: ApigClient, target: AppCodeGateway, appId: string, options: CallOptions = {}): Promise<Outcome<S['AppCode']>> {
  const rest = appCodesRest(target, false);
  if (typeof rest !== 'string') return rest;
  return callOn(client, 'PUT', target, rest, {}, options, [['appId', 'app_id', appId]]);
}

/** `GET …/apps/{app_id}/app-codes`: one page of the APP's AppCodes. */
export function listAppCodesPage(
  client: ApigClient,
  target: AppCodeGateway,
  appId: string,
  paging: PagingOf = {},
  options: CallOptions = {},
): Promise<Outcome<S['AppCodeList']>> {
  const rest = appCodesRest(target, false);
  if (typeof rest !== 'string') return rest;
  return callOn(client, 'GET', target, rest, { query: pagingQuery(paging) }, options, [['appId', 'app_id', appId]]);
}

/** `GET …/apps/{app_id}/app-codes/{id}`: one AppCode. */
export function showAppCode(
  client: ApigClient,
  target: AppCodeGateway,
  appId: string,
  appCodeId: string,
  options: CallOptions = {},
): Promise<Outcome<S['AppCode']>> {
  const rest = appCodesRest(target, true);
  if (typeof rest !== 'string') return rest;
  return callOn(client, 'GET', target, rest, {}, options, [
    ['appId', 'app_id', appId],
    ['appCodeId', isV2(target) ? 'app_code_id' : 'id', appCodeId],
  ]);
}

/** `DELETE …/apps/{app_id}/app-codes/{id}`: 204, no body. */
export function deleteAppCode(
  client: ApigClient,
  target: AppCodeGateway,
  appId: string,
  appCodeId: string,
  options: CallOptions = {},
): Promise<Outcome<undefined>> {
  const rest = appCodesRest(target, true);
  if (typeof rest !== 'string') return rest;
  return callOn(client, 'DELETE', target, rest, {}, options, [
    ['appId', 'app_id', appId],
    ['appCodeId', isV2(target) ? 'app_code_id' : 'id', appCodeId],
  ]);
}

// ---- Authorizations -----------------------------------------------------------------------

/** What to authorize: every APP to every API, in one environment (RELEASE: `DEFAULT_ENVIRONMENT_RELEASE_ID`). */
export interface AuthorizeAppsInput {
  appIds: string[];
  apiIds: string[];
  envId: string;
}

/** One APP and API of an authorize call, and what became of it. */
export interface AuthorizationPair {
  appId: string;
  apiId: string;
  /** SUCCESS; SKIPPED or FAILED as the gateway said; MISSING when the answer has no record for the pair. */
  status: 'SUCCESS' | 'SKIPPED' | 'FAILED' | 'MISSING';
  /** The authorization's id (to cancel it), when the answer gives one. */
  authorizationId?: string;
  /** The pair's own error code and message (v2 answers them, e.g. APIG.3316 already authorized). */
  errorCode?: string;
  errorMsg?: string;
}

export type AuthorizationRecords = S['AppAuthRecordList'] | S['AppAuthRelationListV2'];

/** The authorize call's answer, and per requested pair what happened: `failed` lists every pair that is not SUCCESS. */
export interface AuthorizationReport {
  records: AuthorizationRecords;
  pairs: AuthorizationPair[];
  failed: AuthorizationPair[];
}

type AnyRecord = { id?: string; api_id?: string; app_id?: string; auth_result?: string | S['AuthResultV2'] };

/** Every requested pair, matched with its record in the answer (v1.0/v1: a bare array with a string result; v2: `auths` with an object). */
export function authorizationPairs(input: AuthorizeAppsInput, records: AuthorizationRecords): AuthorizationPair[] {
  const list = (Array.isArray(records) ? records : (records?.auths ?? [])) as AnyRecord[];
  const pairs: AuthorizationPair[] = [];
  for (const appId of input.appIds) {
    for (const apiId of input.apiIds) {
      const record = list.find((r) => r.app_id === appId && r.api_id === apiId);
      if (!record) {
        pairs.push({ appId, apiId, status: 'MISSING', errorMsg: 'the answer has no record for this APP and API' });
        continue;
      }
      // v1.0 and v1 answer a bare string, v2 an object; both kept open to values the pages do not list.
      const raw = record.auth_result as string | { status?: string; error_code?: string; error_msg?: string } | undefined;
      const result: { status?: string; error_code?: string; error_msg?: string } = typeof raw === 'string' ? { status: raw } : (raw ?? {});
      const status = (['SUCCESS', 'SKIPPED', 'FAILED'] as const).find((s) => s === result.status) ?? 'FAILED';
      const pair: AuthorizationPair = { appId, apiId, status, authorizationId: record.id };
      if (result.error_code !== undefined) pair.errorCode = result.error_code;
      if (result.error_msg !== undefined) pair.errorMsg = result.error_msg;
      pairs.push(pair);
    }
  }
  return pairs;
}

/**
 * `POST …/app-auths`: authorizes every APP to every API in the environment. A request that
 * partly fails is a 201: the report says per pair what happened (`failed` lists the rest), so
 * nothing is thrown away. A refusal of the whole request (an unknown APP, API or environment)
 * is `{ ok: false, error }`.
 */
export async function authorizeApps(
  client: ApigClient,
  target: Gateway,
  input: AuthorizeAppsInput,
  options: CallOptions = {},
): Promise<Outcome<AuthorizationReport>> {
  // Whatever is missing from `input` is named by the body check (app_ids, api_ids, env_id).
  const { appIds, apiIds, envId } = input ?? ({} as Partial<AuthorizeAppsInput>);
  const body = { app_ids: appIds, api_ids: apiIds, env_id: envId };
  const result = await callOn<AuthorizationRecords>(client, 'POST', target, '/app-auths', { body, schema: schemas.AuthorizeAppsRequestSchema }, options);
  if (!result.ok) return result;
  const pairs = authorizationPairs(input, result.data);
  return { ...result, data: { records: result.data, pairs, failed: pairs.filter((p) => p.status !== 'SUCCESS') } };
}

/** `DELETE …/app-auths/{id}`: cancels one authorization; 204, no body. */
export function cancelAppAuthorization(client: ApigClient, target: Gateway, authorizationId: string, options: CallOptions = {}): Promise<Outcome<undefined>> {
  const v2 = isV2(target);
  return callOn(client, 'DELETE', target, v2 ? '/app-auths/{app_auth_id}' : '/app-auths/{id}', {}, options, [
    ['authorizationId', v2 ? 'app_auth_id' : 'id', authorizationId],
  ]);
}

/** Paging: page_no/page_size on v1.0 and v1, offset/limit on v2 (each generation's own is checked). */
export type { PagingOf };

/** A page's query parameters: `page_no`/`page_size` or `offset`/`limit`, whichever `paging` names. */
export function pagingQuery(paging: PagingOf): Record<string, unknown> {
  const p = (paging ?? {}) as { pageNo?: number; pageSize?: number; offset?: number; limit?: number };
  return { page_no: p.pageNo, page_size: p.pageSize, offset: p.offset, limit: p.limit };
}

/** Filters of the APIs bound to an APP (`appId` required). */
export interface BoundApisQuery {
  appId: string;
  apiId?: string;
  apiName?: string;
  groupId?: string;
  groupName?: string;
  envId?: string;
  /** v2 only: APIs with any of these tags; `#no_tags#` for APIs without tags. */
  tags?: string | string[];
}
/** Filters of the APIs not bound to an APP (`appId` and `envId` required). */
export interface UnboundApisQuery {
  appId: string;
  envId: string;
  apiId?: string;
  apiName?: string;
  groupId?: string;
  /** v2 only: APIs with any of these tags; `#no_tags#` for APIs without tags. */
  tags?: string | string[];
}
/** Filters of the APPs bound to an API. */
export interface BoundAppsQuery {
  apiId?: string;
  appId?: string;
  appName?: string;
  envId?: string;
}

const SNAKE: Record<string, string> = {
  appId: 'app_id',
  apiId: 'api_id',
  apiName: 'api_name',
  groupId: 'group_id',
  groupName: 'group_name',
  envId: 'env_id',
  appName: 'app_name',
};
/** camelCase filters as the pages' query names; an unknown filter keeps its name, so the query check names it. */
function filterQuery(filters: object | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters ?? {}).map(([k, v]) => [SNAKE[k] ?? k, v]));
}

export type BoundPage = S['AppAuthorizationList'] | S['AppAuthorizationListV2'];

/** `GET …/app-auths/binded-apis`: one page of the APIs authorized to an APP. */
export function listApisBoundToAppPage(
  client: ApigClient,
  target: Gateway,
  filters: BoundApisQuery,
  paging: PagingOf = {},
  options: CallOptions = {},
): Promise<Outcome<BoundPage>> {
  return callOn(client, 'GET', target, '/app-auths/binded-apis', { query: { ...filterQuery(filters), ...pagingQuery(paging) } }, options);
}

/** `GET …/app-auths/unbinded-apis`: one page of the APIs of an environment not authorized to an APP. */
export type UnboundPage = S['UnboundApiList'] | S['UnboundApiListV2'];

export function listApisNotBoundToAppPage(
  client: ApigClient,
  target: Gateway,
  filters: UnboundApisQuery,
  paging: PagingOf = {},
  options: CallOptions = {},
): Promise<Outcome<UnboundPage>> {
  return callOn(client, 'GET', target, '/app-auths/unbinded-apis', { query: { ...filterQuery(filters), ...pagingQuery(paging) } }, options);
}

/** `GET …/app-auths/binded-apps`: one page of the APPs authorized to an API. */
export function listAppsBoundToApiPage(
  client: ApigClient,
  target: Gateway,
  filters: BoundAppsQuery = {},
  paging: PagingOf = {},
  options: CallOptions = {},
): Promise<Outcome<BoundPage>> {
  return callOn(client, 'GET', target, '/app-auths/binded-apps', { query: { ...filterQuery(filters), ...pagingQuery(paging) } }, options);
}

/** `GET …/resources/outline/apps`: how many APPs are authorized to at least one API, and how many are not. */
export function showAppOutline(client: ApigClient, target: Gateway, options: CallOptions = {}): Promise<Outcome<S['AppOutline']>> {
  return callOn(client, 'GET', target, '/resources/outline/apps', {}, options);
}

export type BoundEntry = S['AppAuthorization'] | S['AppAuthorizationV2'];

/** Every AppCode of the APP. */
export function listAppCodes(
  client: ApigClient,
  target: AppCodeGateway,
  appId: string,
  { pageSize = 100, options = {} }: { pageSize?: number; options?: CallOptions } = {},
): AsyncGenerator<S['AppCode']> {
  return everyEntry(target, 'app_codes', (paging) => listAppCodesPage(client, target, appId, paging, options), pageSize);
}
/** Every API authorized to the APP (one entry per authorization). */
export function listApisBoundToApp(
  client: ApigClient,
  target: Gateway,
  filters: BoundApisQuery,
  { pageSize = 100, options = {} }: { pageSize?: number; options?: CallOptions } = {},
): AsyncGenerator<BoundEntry> {
  return everyEntry(target, 'auths', (paging) => listApisBoundToAppPage(client, target, filters, paging, options), pageSize);
}
/** Every API of the environment not authorized to the APP. */
export function listApisNotBoundToApp(
  client: ApigClient,
  target: Gateway,
  filters: UnboundApisQuery,
  { pageSize = 100, options = {} }: { pageSize?: number; options?: CallOptions } = {},
): AsyncGenerator<S['UnboundApi'] | S['UnboundApiV2']> {
  return everyEntry(target, 'apis', (paging) => listApisNotBoundToAppPage(client, target, filters, paging, options), pageSize);
}
/** Every APP authorized to the API (one entry per authorization). */
export function listAppsBoundToApi(
  client: ApigClient,
  target: Gateway,
  filters: BoundAppsQuery = {},
  { pageSize = 100, options = {} }: { pageSize?: number; options?: CallOptions } = {},
): AsyncGenerator<BoundEntry> {
  return everyEntry(target, 'auths', (paging) => listAppsBoundToApiPage(client, target, filters, paging, options), pageSize);
}

// Client quotas (客户端配额), on the dedicated gateway v2 only (no v1.0 or v1 page has them): a
// budget of calls per period that the APPs bound to it share. Create, list, show, update and delete
// a quota; bind APPs to it, unbind one, list the APPs bound and those that can be; show the quota an
// APP is bound to. Each helper returns `{ ok: true, … }` or `{ ok: false, error }` like the
// lifecycle's; bodies, queries and path parameters are checked before anything is sent.
import { AppQuotaRequestV2Schema, BindAppsToAppQuotaRequestV2Schema } from '../../generated/request-rules/index.js';
import type { components } from '../types.js';
import type { ApigClient } from './create-apig-client.js';
import type { CallOptions, InstanceOn, OffsetPaging, Outcome } from './vocabulary.js';
import { callOn, instanceOn } from './gateway-call.js';
import { pagingQuery } from './app-grants.js';
import { everyEntry } from './every-entry.js';

export type { OffsetPaging };
type S = components['schemas'];
type V2 = InstanceOn<'dedicatedV2'>;
type Iteration = { pageSize?: number; options?: CallOptions };
const QUOTAS = '/app-quotas';
const QUOTA = '/app-quotas/{app_quota_id}';
const quotaId = (id: string) => ['appQuotaId', 'app_quota_id', id] as const;
const paged = (paging: OffsetPaging, filters: Record<string, unknown>) => ({ ...pagingQuery(paging), ...filters });

/** `POST …/app-quotas`: 201 with the quota; its name must be unused on the instance (APIG.3325). */
export function createAppQuota(client: ApigClient, instance: V2, body: S['AppQuotaRequestV2'], options: CallOptions = {}): Promise<Outcome<S['AppQuotaV2']>> {
  return callOn(client, 'POST', instanceOn('dedicatedV2', instance), QUOTAS, { body, schema: AppQuotaRequestV2Schema }, options);
}

/** `GET …/app-quotas`: one page of the quotas, by part of their name. */
export function listAppQuotasPage(
  client: ApigClient,
  instance: V2,
  filters: { name?: string } = {},
  paging: OffsetPaging = {},
  options: CallOptions = {},
): Promise<Outcome<S['AppQuotaListV2']>> {
  return callOn(client, 'GET', instanceOn('dedicatedV2', instance), QUOTAS, { query: paged(paging, { name: filters?.name }) }, options);
}

/** Every quota (by part of the name), page after page; a failing page is thrown as the typed error. */
export function listAppQuotas(
  client: ApigClient,
  instance: V2,
  filters: { name?: string } = {},
  { pageSize = 100, options = {} }: Iteration = {},
): AsyncGenerator<S['AppQuotaV2']> {
  return everyEntry(
    instanceOn('dedicatedV2', instance),
    'quotas',
    (paging) => listAppQuotasPage(client, instance, filters, paging as OffsetPaging, options),
    pageSize,
  );
}

/** `GET …/app-quotas/{app_quota_id}`: one quota. */
export function showAppQuota(client: ApigClient, instance: V2, appQuotaId: string, options: CallOptions = {}): Promise<Outcome<S['AppQuotaV2']>> {
  return callOn(client, 'GET', instanceOn('dedicatedV2', instance), QUOTA, {}, options, [quotaId(appQuotaId)]);
}

/** `PUT …/app-quotas/{app_quota_id}`: replaces the quota (the same body as create); 200 with it. */
export function updateAppQuota(
  client: ApigClient,
  instance: V2,
  appQuotaId: string,
  body: S['AppQuotaRequestV2'],
  options: CallOptions = {},
): Promise<Outcome<S['AppQuotaV2']>> {
  return callOn(client, 'PUT', instanceOn('dedicatedV2', instance), QUOTA, { body, schema: AppQuotaRequestV2Schema }, options, [quotaId(appQuotaId)]);
}

/** `DELETE …/app-quotas/{app_quota_id}`: 204; its APPs are unbound. */
export function deleteAppQuota(client: ApigClient, instance: V2, appQuotaId: string, options: CallOptions = {}): Promise<Outcome<undefined>> {
  return callOn(client, 'DELETE', instanceOn('dedicatedV2', instance), QUOTA, {}, options, [quotaId(appQuotaId)]);
}

/** `POST …/app-quotas/{app_quota_id}/binding-apps`: binds the APPs (each to at most one quota); 201 with a record per APP. */
export function bindAppsToAppQuota(
  client: ApigClient,
  instance: V2,
  appQuotaId: string,
  appIds: string[],
  options: CallOptions = {},
): Promise<Outcome<S['AppQuotaBindingListV2']>> {
  return callOn(
    client,
    'POST',
    instanceOn('dedicatedV2', instance),
    `${QUOTA}/binding-apps`,
    { body: { app_ids: appIds }, schema: BindAppsToAppQuotaRequestV2Schema },
    options,
    [quotaId(appQuotaId)],
  );
}

/** `DELETE …/app-quotas/{app_quota_id}/bound-apps/{app_id}`: unbinds one APP; 204. */
export function unbindAppFromAppQuota(
  client: ApigClient,
  instance: V2,
  appQuotaId: string,
  appId: string,
  options: CallOptions = {},
): Promise<Outcome<undefined>> {
  return callOn(client, 'DELETE', instanceOn('dedicatedV2', instance), `${QUOTA}/bound-apps/{app_id}`, {}, options, [
    quotaId(appQuotaId),
    ['appId', 'app_id', appId],
  ]);
}

/** The two lists of a quota's APPs: those bound to it, and those bound to none (which can be). */
type QuotaAppList = 'bound-apps' | 'bindable-apps';

function quotaAppsPage(
  list: QuotaAppList,
  client: ApigClient,
  instance: V2,
  appQuotaId: string,
  filters: { appName?: string },
  paging: OffsetPaging,
  options: CallOptions,
): Promise<Outcome<S['AppQuotaAppListV2']>> {
  return callOn(client, 'GET', instanceOn('dedicatedV2', instance), `${QUOTA}/${list}`, { query: paged(paging, { app_name: filters?.appName }) }, options, [
    quotaId(appQuotaId),
  ]);
}

function everyQuotaApp(
  list: QuotaAppList,
  client: ApigClient,
  instance: V2,
  appQuotaId: string,
  filters: { appName?: string },
  { pageSize = 100, options = {} }: Iteration,
): AsyncGenerator<S['AppQuotaAppV2']> {
  const page = (paging: unknown) => quotaAppsPage(list, client, instance, appQuotaId, filters, paging as OffsetPaging, options);
  return everyEntry(instanceOn('dedicatedV2', instance), 'apps', page, pageSize);
}

/** `GET …/app-quotas/{app_quota_id}/bound-apps`: one page of the APPs bound to the quota, by part of their name. */
export function listAppsBoundToAppQuotaPage(
  client: ApigClient,
  instance: V2,
  appQuotaId: string,
  filters: { appName?: string } = {},
  paging: OffsetPaging = {},
  options: CallOptions = {},
): Promise<Outcome<S['AppQuotaAppListV2']>> {
  return quotaAppsPage('bound-apps', client, instance, appQuotaId, filters, paging, options);
}

/** `GET …/app-quotas/{app_quota_id}/bindable-apps`: one page of the APPs bound to no quota, by part of their name. */
export function listAppsBindableToAppQuotaPage(
  client: ApigClient,
  instance: V2,
  appQuotaId: string,
  filters: { appName?: string } = {},
  paging: OffsetPaging = {},
  options: CallOptions = {},
): Promise<Outcome<S['AppQuotaAppListV2']>> {
  return quotaAppsPage('bindable-apps', client, instance, appQuotaId, filters, paging, options);
}

/** Every APP bound to the quota, page after page. */
export function listAppsBoundToAppQuota(
  client: ApigClient,
  instance: V2,
  appQuotaId: string,
  filters: { appName?: string } = {},
  iteration: Iteration = {},
): AsyncGenerator<S['AppQuotaAppV2']> {
  return everyQuotaApp('bound-apps', client, instance, appQuotaId, filters, iteration);
}

/** Every APP that can be bound to the quota, page after page. */
export function listAppsBindableToAppQuota(
  client: ApigClient,
  instance: V2,
  appQuotaId: string,
  filters: { appName?: string } = {},
  iteration: Iteration = {},
): AsyncGenerator<S['AppQuotaAppV2']> {
  return everyQuotaApp('bindable-apps', client, instance, appQuotaId, filters, iteration);
}

/** `GET …/apps/{app_id}/bound-quota`: the quota the APP is bound to (404 APIG.3093 when none). */
export function showAppQuotaOfApp(client: ApigClient, instance: V2, appId: string, options: CallOptions = {}): Promise<Outcome<S['AppQuotaV2']>> {
  return callOn(client, 'GET', instanceOn('dedicatedV2', instance), '/apps/{app_id}/bound-quota', {}, options, [['appId', 'app_id', appId]]);
}

// Client quotas (客户端配额) in the mock, per tenant: quotas with names unique on the instance, each
// APP bound to at most one (its bound-quota answer is one quota), the bound and bindable lists, the
// quota an APP is bound to, and bound_app_num agreeing with the bindings. Deleting a quota unbinds its
// APPs (“the binding relationships between the quota and credentials will also be deleted”);
// deleting an APP unbinds it (forgetQuotaBinding). Codes as the current v2 pages give them.
import { randomUUID } from 'node:crypto';
import { errorBody } from '../core/huawei-errors.mjs';
import { pageBounds } from './paging.mjs';

/** @typedef {import('./app-store.mjs').Tenant} Tenant */
/** @typedef {import('./app-store.mjs').StoreAnswer} StoreAnswer */
/** @typedef {import('./app-store.mjs').RequestBody} RequestBody */
/** @typedef {import('./app-store.mjs').Query} Query */
/**
 * @typedef {{ app_quota_id: string, name: string, call_limits: number, time_unit: string, time_interval: number,
 *   remark?: string, reset_time?: string, create_time: string }} Quota
 */
/** @typedef {{ quotaId: string, bound_time: string }} Binding */

/** Go's zero time: the bound_time of an APP bound to no quota (the bindable page's example). */
const NEVER_BOUND = '0001-01-01T00:00:00Z';
const SUPPORT = 'Please refer to the support documentation';

/**
 * @param {number} status
 * @param {string} code
 * @param {string} msg
 */
const fail = (status, code, msg) => ({ status, body: errorBody(code, msg) });
const quotaNotFound = (/** @type {string | undefined} */ id) => fail(404, 'APIG.3093', `App quota ${id} does not exist`);

/** The quota kinds familyRouteOf gives (./family-store.mjs). */
export const QUOTA_KINDS = new Set([
  'createQuota',
  'listQuotas',
  'showQuota',
  'updateQuota',
  'deleteQuota',
  'bindQuotaApps',
  'unbindQuotaApp',
  'quotaBoundApps',
  'quotaBindableApps',
  'quotaOfApp',
]);

/**
 * The quota route of a path below a v2 instance (`rest`), or undefined.
 * @param {string} method
 * @param {string} rest
 * @returns {{ kind: string, itemId?: string, appId?: string } | undefined}
 */
export function quotaRouteOf(method, rest) {
  const ofApp = /^\/apps\/([^/]+)\/bound-quota$/.exec(rest);
  if (ofApp) return method === 'GET' ? { kind: 'quotaOfApp', appId: decodeURIComponent(/** @type {string} */ (ofApp[1])) } : undefined;
  const m = /^\/app-quotas(?:\/([^/]+)(?:\/(binding-apps|bound-apps|bindable-apps)(?:\/([^/]+))?)?)?$/.exec(rest);
  if (!m) return undefined;
  const [, rawQuota, sub, rawApp] = m;
  const itemId = rawQuota === undefined ? undefined : decodeURIComponent(rawQuota);
  const appId = rawApp === undefined ? undefined : decodeURIComponent(rawApp);
  /** @type {Record<string, string | undefined>} */
  const kinds =
    itemId === undefined
      ? { POST: 'createQuota', GET: 'listQuotas' }
      : sub === undefined
        ? { GET: 'showQuota', PUT: 'updateQuota', DELETE: 'deleteQuota' }
        : sub === 'binding-apps'
          ? { POST: appId === undefined ? 'bindQuotaApps' : undefined }
          : sub === 'bound-apps'
            ? appId === undefined
              ? { GET: 'quotaBoundApps' }
              : { DELETE: 'unbindQuotaApp' }
            : { GET: appId === undefined ? 'quotaBindableApps' : undefined };
  const kind = kinds[method];
  return kind ? { kind, ...(itemId === undefined ? {} : { itemId }), ...(appId === undefined ? {} : { appId }) } : undefined;
}

/**
 * How many APPs are bound to the quota.
 * @param {Tenant} tenant
 * @param {string} quotaId
 */
const boundCount = (tenant, quotaId) => [...tenant.quotaOf.values()].filter((b) => b.quotaId === quotaId).length;

/**
 * A quota as an answer shows it: `reset_time` as sent on create and update, and in the form the show,
 * list and bound-quota pages answer (`2020-09-20 00:00:00 +0000 +0000`) there, with bound_app_num.
 * @param {Tenant} tenant
 * @param {Quota} quota
 * @param {'written' | 'read'} how
 */
function quotaView(tenant, quota, how) {
  if (how === 'written') return { ...quota };
  const view = { ...quota, bound_app_num: boundCount(tenant, quota.app_quota_id) };
  if (quota.reset_time !== undefined) view.reset_time = `${quota.reset_time} +0000 +0000`;
  return view;
}

/**
 * An APP as the quota lists show it.
 * @param {Tenant} tenant
 * @param {import('./app-store.mjs').StoredApp} app
 */
function appView(tenant, app) {
  const binding = tenant.quotaOf.get(app.id);
  const quota = binding ? tenant.quotas.get(binding.quotaId) : undefined;
  /** @type {Record<string, unknown>} */
  const view = { app_id: app.id, name: app.name, status: 1, app_key: app.app_key, register_time: app.register_time, update_time: app.update_time };
  for (const key of ['remark', 'related_domain_id', 'related_project_id']) if (app[key] !== undefined) view[key] = app[key];
  if (quota && binding) Object.assign(view, { app_quota_id: quota.app_quota_id, app_quota_name: quota.name, bound_time: binding.bound_time });
  else view.bound_time = NEVER_BOUND;
  return view;
}

/**
 * One page of `items` (v2's offset and limit), with the total.
 * @template T
 * @param {T[]} items
 * @param {Query} query
 * @param {string} listField
 */
function page(items, query, listField) {
  const [start, size] = pageBounds('v2', query);
  const shown = items.slice(start, start + size);
  return { total: items.length, size: shown.length, [listField]: shown };
}

/**
 * APIG.3325 when another quota of the tenant has the name.
 * @param {Tenant} tenant
 * @param {string | undefined} name
 * @param {string} [selfId]
 */
function nameTaken(tenant, name, selfId) {
  for (const quota of tenant.quotas.values())
    if (quota.name === name && quota.app_quota_id !== selfId) return fail(400, 'APIG.3325', 'The API quota name already exists');
  return undefined;
}

/**
 * A quota's fields from a body the contract accepted (a full replacement on update).
 * @param {RequestBody} body
 */
function quotaFields(body) {
  return {
    name: String(body.name),
    call_limits: Number(body.call_limits),
    time_unit: String(body.time_unit),
    time_interval: Number(body.time_interval),
    ...(typeof body.remark === 'string' ? { remark: body.remark } : {}),
    ...(typeof body.reset_time === 'string' ? { reset_time: body.reset_time } : {}),
  };
}

/**
 * Binds the APPs, all or none: each must exist (404 APIG.3004) and be bound to no quota (400 APIG.2012).
 * @param {Tenant} tenant
 * @param {string} quotaId
 * @param {string[]} appIds
 * @returns {StoreAnswer}
 */
function bindApps(tenant, quotaId, appIds) {
  const ids = [...new Set(appIds)];
  const missing = ids.find((id) => !tenant.byId.has(id));
  if (missing !== undefined) return fail(404, 'APIG.3004', `App ${missing} does not exist`);
  if (ids.some((id) => tenant.quotaOf.has(id))) return fail(400, 'APIG.2012', `Invalid parameter value,parameterName:app_ids. ${SUPPORT}`);
  const bound_time = new Date().toISOString();
  for (const id of ids) tenant.quotaOf.set(id, { quotaId, bound_time });
  return { status: 201, body: { applies: ids.map((app_id) => ({ app_quota_id: quotaId, app_id, bound_time })) } };
}

/**
 * The operations on one quota, which exists.
 * @param {Tenant} tenant
 * @param {Quota} quota
 * @param {{ kind: string, appId?: string, query?: Query, body?: RequestBody }} request
 * @returns {StoreAnswer}
 */
function handleOneQuota(tenant, quota, { kind, appId, query = {}, body = {} }) {
  const id = quota.app_quota_id;
  switch (kind) {
    case 'showQuota':
      return { status: 200, body: quotaView(tenant, quota, 'read') };
    case 'updateQuota': {
      const taken = nameTaken(tenant, body.name, id);
      if (taken) return taken;
      const updated = { app_quota_id: id, ...quotaFields(body), create_time: quota.create_time };
      tenant.quotas.set(id, updated);
      return { status: 200, body: quotaView(tenant, updated, 'written') };
    }
    case 'deleteQuota':
      tenant.quotas.delete(id);
      for (const [app, binding] of tenant.quotaOf) if (binding.quotaId === id) tenant.quotaOf.delete(app);
      return { status: 204 };
    case 'bindQuotaApps':
      return bindApps(tenant, id, /** @type {string[]} */ (body.app_ids));
    case 'unbindQuotaApp':
      if (tenant.quotaOf.get(appId)?.quotaId !== id) return fail(404, 'APIG.3004', `App ${appId} does not exist`);
      tenant.quotaOf.delete(appId);
      return { status: 204 };
    case 'quotaBoundApps':
    case 'quotaBindableApps': {
      const wanted = (/** @type {import('./app-store.mjs').StoredApp} */ app) =>
        (kind === 'quotaBoundApps' ? tenant.quotaOf.get(app.id)?.quotaId === id : !tenant.quotaOf.has(app.id)) &&
        (query.app_name === undefined || app.name.includes(query.app_name));
      return {
        status: 200,
        body: page(
          [...tenant.byId.values()].filter(wanted).map((app) => appView(tenant, app)),
          query,
          'apps',
        ),
      };
    }
    default:
      throw new Error(`quota store: unknown operation ${kind}`);
  }
}

/**
 * Answers one client quota operation for a tenant; `{ status, body }`.
 * @param {Tenant} tenant
 * @param {{ kind: string, appId?: string, itemId?: string, query?: Query, body?: RequestBody }} request
 * @returns {StoreAnswer}
 */
export function handleQuota(tenant, { kind, appId, itemId, query = {}, body = {} }) {
  switch (kind) {
    case 'createQuota': {
      const taken = nameTaken(tenant, body.name);
      if (taken) return taken;
      const quota = { app_quota_id: randomUUID().replaceAll('-', ''), ...quotaFields(body), create_time: new Date().toISOString() };
      tenant.quotas.set(quota.app_quota_id, quota);
      return { status: 201, body: quotaView(tenant, quota, 'written') };
    }
    case 'listQuotas': {
      const quotas = [...tenant.quotas.values()].filter((q) => query.name === undefined || q.name.includes(query.name));
      return {
        status: 200,
        body: page(
          quotas.map((q) => quotaView(tenant, q, 'read')),
          query,
          'quotas',
        ),
      };
    }
    case 'quotaOfApp': {
      // The page's example for a missing APP is APIG.3002 (its own code; the catalogue files it for APIs).
      if (!tenant.byId.has(appId)) return fail(404, 'APIG.3002', `App ${appId} does not exist`);
      const binding = tenant.quotaOf.get(appId);
      const quota = binding && tenant.quotas.get(binding.quotaId);
      return quota ? { status: 200, body: quotaView(tenant, quota, 'read') } : fail(404, 'APIG.3093', `App quota of app ${appId} does not exist`);
    }
    default: {
      const quota = tenant.quotas.get(itemId);
      return quota ? handleOneQuota(tenant, quota, { kind, appId, query, body }) : quotaNotFound(itemId);
    }
  }
}

/**
 * What an APP's deletion takes with it: its binding.
 * @param {Tenant} tenant
 * @param {string | undefined} appId
 */
export function forgetQuotaBinding(tenant, appId) {
  tenant.quotaOf.delete(appId);
}

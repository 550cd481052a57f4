// The v2 families beside the APP, remembered per tenant like its APPs: APP access control
// (APP访问控制: an IP allow or deny list per APP), AI API keys (per APP, unique in the tenant,
// generated when none is given, masked in the list) and client quotas (./quota-store.mjs). Only on
// the dedicated gateway v2: the shared and v1 generations have none of these operations. Deleting an
// APP forgets its list, its keys and its quota binding (forgetFamilies).
import { randomBytes, randomUUID } from 'node:crypto';
import { errorBody } from '../core/huawei-errors.mjs';
import { pageBounds } from './paging.mjs';
import { QUOTA_KINDS, forgetQuotaBinding, handleQuota, quotaRouteOf } from './quota-store.mjs';

/** @typedef {import('./app-store.mjs').Tenant} Tenant */
/** @typedef {import('./app-store.mjs').StoreAnswer} StoreAnswer */
/** @typedef {{ app_acl_type: string, app_acl_values: string[] }} Acl */
/** @typedef {{ id: string, ai_api_key: string, alias?: string, app_id: string, create_time: string }} AiApiKey */

const V2 = /^\/v2\/([^/]+)\/apigw\/instances\/([^/]+)(\/.*)$/;

/**
 * @param {number} status
 * @param {string} code
 * @param {string} msg
 */
const fail = (status, code, msg) => ({ status, body: errorBody(code, msg) });

/**
 * Which family operation a request is, or undefined.
 * @param {string} method
 * @param {string} pathname
 * @returns {{ generation: 'v2', kind: string, params: { project_id: string, instance_id: string }, appId?: string, itemId?: string } | undefined}
 */
export function familyRouteOf(method, pathname) {
  const m = V2.exec(pathname);
  if (!m) return undefined;
  const params = { project_id: decodeURIComponent(/** @type {string} */ (m[1])), instance_id: decodeURIComponent(/** @type {string} */ (m[2])) };
  const rest = /** @type {string} */ (m[3]);
  const quota = quotaRouteOf(method, rest);
  if (quota) return { generation: 'v2', params, ...quota };
  const acl = /^\/apps\/([^/]+)\/app-acl$/.exec(rest);
  if (acl) {
    const kind = /** @type {Record<string, string | undefined>} */ ({ GET: 'showAcl', PUT: 'setAcl', DELETE: 'deleteAcl' })[method];
    return kind ? { generation: 'v2', kind, params, appId: decodeURIComponent(/** @type {string} */ (acl[1])) } : undefined;
  }
  const keys = /^\/apps\/([^/]+)\/ai-api-keys(?:\/([^/]+))?$/.exec(rest);
  if (!keys) return undefined;
  const [appId, itemId] = [decodeURIComponent(/** @type {string} */ (keys[1])), keys[2] === undefined ? undefined : decodeURIComponent(keys[2])];
  const kind =
    itemId === undefined
      ? /** @type {Record<string, string | undefined>} */ ({ POST: 'createAiKey', GET: 'listAiKeys' })[method]
      : /** @type {Record<string, string | undefined>} */ ({ GET: 'showAiKey', DELETE: 'deleteAiKey' })[method];
  return kind ? { generation: 'v2', kind, params, appId, ...(itemId === undefined ? {} : { itemId }) } : undefined;
}

/** The kinds familyRouteOf gives. */
export const FAMILY_KINDS = new Set(['showAcl', 'setAcl', 'deleteAcl', 'createAiKey', 'listAiKeys', 'showAiKey', 'deleteAiKey', ...QUOTA_KINDS]);

/**
 * What an APP's deletion takes with it.
 * @param {Tenant} tenant
 * @param {string | undefined} appId
 */
export function forgetFamilies(tenant, appId) {
  tenant.acls.delete(appId);
  tenant.aiKeys.delete(appId);
  forgetQuotaBinding(tenant, appId);
}

/** A key as the list shows it: its first four characters, then `****` (“展示匿名化的已经创建的AIAPIKey”). */
const masked = (/** @type {AiApiKey} */ key) => ({ ...key, ai_api_key: `${key.ai_api_key.slice(0, 4)}****` });

/** A generated key: 32 characters of the allowed set (letters and digits), as a create without one gets. */
const generatedKey = () =>
  randomBytes(24)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '0');

/**
 * The AI API key operations of one APP (which exists).
 * @param {Tenant} tenant
 * @param {string} appId
 * @param {{ kind: string, itemId?: string, query?: import('./app-store.mjs').Query, body?: import('./app-store.mjs').RequestBody }} request
 * @returns {StoreAnswer}
 */
function handleAiKeys(tenant, appId, { kind, itemId, query = {}, body = {} }) {
  const keys = tenant.aiKeys.get(appId) ?? new Map();
  switch (kind) {
    case 'createAiKey': {
      const value = typeof body.ai_api_key === 'string' ? body.ai_api_key : generatedKey();
      // Unique in the tenant (no source says; a key names its caller, as an app_key does).
      for (const appKeys of tenant.aiKeys.values())
        for (const key of appKeys.values()) if (key.ai_api_key === value) return fail(400, 'APIG.3310', 'The AI API key already exists');
      /** @type {AiApiKey} */
      const key = { id: randomUUID().replaceAll('-', ''), ai_api_key: value, app_id: appId, create_time: new Date().toISOString() };
      if (typeof body.alias === 'string') key.alias = body.alias;
      keys.set(key.id, key);
      tenant.aiKeys.set(appId, keys);
      return { status: 201, body: { ...key } };
    }
    case 'listAiKeys': {
      const [start, size] = pageBounds('v2', query);
      const page = [...keys.values()].slice(start, start + size).map(masked);
      return { status: 200, body: { total: keys.size, size: page.length, ai_api_keys: page } };
    }
    case 'showAiKey':
    case 'deleteAiKey': {
      const key = keys.get(itemId);
      // No source names the code of a missing key: APIG.3000, a stand-in no catalogue entry uses.
      if (!key) return fail(404, 'APIG.3000', `The AI API key ${itemId} does not exist`);
      if (kind === 'showAiKey') return { status: 200, body: { ...key } };
      keys.delete(itemId);
      return { status: 204 };
    }
    default:
      throw new Error(`family store: unknown operation ${kind}`);
  }
}

/**
 * Answers one family operation for a tenant; `{ status, body }`. A missing APP is 404 APIG.3004,
 * the access control pages' example.
 * @param {Tenant} tenant
 * @param {{ kind: string, appId?: string, itemId?: string, query?: import('./app-store.mjs').Query, body?: import('./app-store.mjs').RequestBody }} request
 * @returns {StoreAnswer}
 */
export function handleFamily(tenant, { kind, appId, itemId, query, body = {} }) {
  if (QUOTA_KINDS.has(kind)) return handleQuota(tenant, { kind, appId, itemId, query, body });
  if (!tenant.byId.has(appId)) return fail(404, 'APIG.3004', `App ${appId} does not exist`);
  const id = /** @type {string} */ (appId);
  if (kind.endsWith('AiKey') || kind === 'listAiKeys') return handleAiKeys(tenant, id, { kind, itemId, query, body });
  switch (kind) {
    case 'showAcl':
      // An APP without a list answers its id alone (the contract's decision: the page shows only an APP with one).
      return { status: 200, body: { app_id: id, ...tenant.acls.get(id) } };
    case 'setAcl': {
      // The contract checked the body: both fields are there, as the page requires.
      const acl = { app_acl_type: String(body.app_acl_type), app_acl_values: [.../** @type {string[]} */ (body.app_acl_values)] };
      tenant.acls.set(id, acl);
      return { status: 201, body: { app_id: id, ...acl } };
    }
    case 'deleteAcl':
      tenant.acls.delete(id);
      return { status: 204 };
    default:
      throw new Error(`family store: unknown operation ${kind}`);
  }
}

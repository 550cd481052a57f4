// The v2 families beside the APP, remembered per tenant like its APPs: APP access control
// (APP访问控制: an IP allow or deny list per APP). Only on the dedicated gateway v2: the shared
// and v1 generations have none of these operations. Deleting an APP forgets its list (forgetFamilies).
import { errorBody } from '../core/huawei-errors.mjs';

/** @typedef {import('./app-store.mjs').Tenant} Tenant */
/** @typedef {import('./app-store.mjs').StoreAnswer} StoreAnswer */
/** @typedef {{ app_acl_type: string, app_acl_values: string[] }} Acl */

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
 * @returns {{ generation: 'v2', kind: string, params: { project_id: string, instance_id: string }, appId?: string } | undefined}
 */
export function familyRouteOf(method, pathname) {
  const m = V2.exec(pathname);
  if (!m) return undefined;
  const params = { project_id: decodeURIComponent(/** @type {string} */ (m[1])), instance_id: decodeURIComponent(/** @type {string} */ (m[2])) };
  const acl = /^\/apps\/([^/]+)\/app-acl$/.exec(/** @type {string} */ (m[3]));
  if (!acl) return undefined;
  const kind = /** @type {Record<string, string | undefined>} */ ({ GET: 'showAcl', PUT: 'setAcl', DELETE: 'deleteAcl' })[method];
  return kind ? { generation: 'v2', kind, params, appId: decodeURIComponent(/** @type {string} */ (acl[1])) } : undefined;
}

/** The kinds familyRouteOf gives. */
export const FAMILY_KINDS = new Set(['showAcl', 'setAcl', 'deleteAcl']);

/**
 * What an APP's deletion takes with it.
 * @param {Tenant} tenant
 * @param {string | undefined} appId
 */
export function forgetFamilies(tenant, appId) {
  tenant.acls.delete(appId);
}

/**
 * Answers one family operation for a tenant; `{ status, body }`. A missing APP is 404 APIG.3004,
 * the access control pages' example.
 * @param {Tenant} tenant
 * @param {{ kind: string, appId?: string, body?: import('./app-store.mjs').RequestBody }} request
 * @returns {StoreAnswer}
 */
export function handleFamily(tenant, { kind, appId, body = {} }) {
  if (!tenant.byId.has(appId)) return fail(404, 'APIG.3004', `App ${appId} does not exist`);
  const id = /** @type {string} */ (appId);
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

// The mock's memory: the APPs created through it, kept per tenant and gateway (v1.0 per
// credential, v1 and v2 per project and instance), so parallel test runs never meet. It
// answers each lifecycle operation the way the source pages describe, with the codes the
// gateway uses (APIG.3203 name taken, APIG.3310 key taken, APIG.3103 over quota, 404 with
// the generation's code). Bounded: a quota per tenant and a cap on tenants.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errorBody } from '../core/huawei-errors.mjs';
import { DEFAULT_CATALOGUE, bindCount, forgetApp, handleGrant } from './grant-store.mjs';
import { pageBounds } from './paging.mjs';
import { FAMILY_KINDS, forgetFamilies, handleFamily } from './family-store.mjs';

/** @typedef {'v1.0' | 'v1' | 'v2'} Generation */

/**
 * An APP as the store keeps it: its create's fields and what the gateway generates. (Updates
 * copy the fields a body gives by name, hence the index.)
 * @typedef {{
 *   id: string, name: string, remark?: string, app_key: string, app_secret: string, register_time: string, update_time: string,
 *   related_domain_id?: string, related_project_id?: string, [field: string]: unknown
 * }} StoredApp
 */

/**
 * A request body the contract accepted (Prism checked it against the operation's schema): the
 * fields the stores read, each operation its own (an APP's, an AppCode's, an authorization's).
 * @typedef {{
 *   name?: string, remark?: string, app_key?: string, app_secret?: string, related_domain_id?: string, related_project_id?: string,
 *   app_code?: string, app_ids?: string[], api_ids?: string[], env_id?: string, [field: string]: unknown
 * }} RequestBody
 */

/**
 * A request's query as the stores read it: every parameter once, but `tags` (v2's API lists), a list.
 * @typedef {object} Query
 * @property {string} [offset] v2's paging
 * @property {string} [limit]
 * @property {string} [page_no] v1.0's and v1's paging
 * @property {string} [page_size]
 * @property {string} [id] the APP list's filters
 * @property {string} [name]
 * @property {string} [app_key]
 * @property {string} [creator]
 * @property {string} [status]
 * @property {string} [related_domain_id]
 * @property {string} [related_project_id]
 * @property {string} [precise_search]
 * @property {string} [app_id] the authorization lists' filters
 * @property {string} [app_name]
 * @property {string} [api_id]
 * @property {string} [api_name]
 * @property {string} [group_id]
 * @property {string} [group_name]
 * @property {string} [env_id]
 * @property {string[]} [tags]
 */

/**
 * One tenant's records. The Maps are asked for ids a request may leave out (`undefined`), which
 * they never hold.
 * @typedef {object} Tenant
 * @property {Map<string | undefined, StoredApp>} byId APP id → APP, in creation order
 * @property {Map<string | undefined, string>} byName name → APP id
 * @property {Map<string | undefined, string>} byKey app_key → APP id
 * @property {Map<string | undefined, Map<string | undefined, import('./grant-store.mjs').AppCode>>} codes APP id → AppCode id → AppCode
 * @property {Map<string | undefined, import('./grant-store.mjs').Authorization>} auths authorization id → authorization
 * @property {Map<string | undefined, import('./family-store.mjs').Acl>} acls APP id → its access control (v2)
 * @property {Map<string | undefined, Map<string | undefined, import('./family-store.mjs').AiApiKey>>} aiKeys APP id → AI API key id → key (v2)
 * @property {Map<string | undefined, import('./quota-store.mjs').Quota>} quotas client quota id → quota (v2)
 * @property {Map<string | undefined, import('./quota-store.mjs').Binding>} quotaOf APP id → its quota binding (v2)
 * @property {import('./grant-store.mjs').Catalogue} catalogue the APIs and environments APPs are authorized to
 */

/**
 * An APP to start with, per tenant, as seed.mjs's checkedSeed gives them (checked, complete).
 * @typedef {{ key: string, generation?: Generation, apps: StoredApp[], catalogue?: import('./grant-store.mjs').Catalogue, acls?: Array<[string, import('./family-store.mjs').Acl]> }} SeededTenant
 */

/**
 * An answer: `{ status, body }` (no body for a 204).
 * @typedef {{ status: number, body?: unknown }} StoreAnswer
 */

/** The mock's default quota of APPs per tenant (the sources give the gateway's none). */
export const DEFAULT_QUOTA = 1000;
/** At most this many tenants are kept; the one idle longest is dropped first. */
export const DEFAULT_MAX_TENANTS = 1000;

const hex32 = () => randomBytes(16).toString('hex');
/** @type {Record<Generation, string>} */
const NOT_FOUND_CODE = { 'v1.0': 'APIG.3004', v1: 'APIG.3004', v2: 'APIG.3002' };

/**
 * The key the mock files a v1.0 request's APPs under: a digest of its credential, never the credential.
 * @param {string} credential
 */
export const sharedTenantKey = (credential) => `v1.0 ${createHash('sha256').update(credential).digest('hex').slice(0, 32)}`;

/**
 * A stored APP made from a (valid) Create APP body, with what the gateway generates as the
 * pages' examples show it: `id` and `app_key` a UUID on v1.0/v1, 32 hex digits on v2; a
 * 32-hex `app_secret`; both times now. A create and a seed make APPs the same way.
 * @param {Generation} generation
 * @param {RequestBody & { name: string }} body
 * @param {string} [id]
 * @returns {StoredApp}
 */
export function newApp(generation, body, id) {
  const now = new Date().toISOString();
  return {
    id: id ?? (generation === 'v2' ? hex32() : randomUUID()),
    name: body.name,
    // v2 sends no remark for an APP that has none (the list page's example); v1.0 and v1 an empty one.
    remark: body.remark ?? (generation === 'v2' ? undefined : ''),
    app_key: body.app_key ?? (generation === 'v2' ? hex32() : randomUUID()),
    app_secret: body.app_secret ?? hex32(),
    register_time: now,
    update_time: now,
    related_domain_id: body.related_domain_id,
    related_project_id: body.related_project_id,
  };
}

/**
 * `{ status, body }` of an error the gateway would send.
 * @param {number} status
 * @param {string} code
 * @param {string} msg
 */
const fail = (status, code, msg) => ({ status, body: errorBody(code, msg) });

/**
 * @param {Generation} generation
 * @param {string | undefined} id
 */
function notFound(generation, id) {
  return generation === 'v2' ? fail(404, 'APIG.3002', `App ${id} does not exist`) : fail(404, NOT_FOUND_CODE[generation], 'The app does not exist');
}

/**
 * What an APP looks like in a generation's answers (the v1.0/v1 reset page lists no app_type).
 * @param {StoredApp} app
 * @param {Generation} generation
 * @param {string} [kind] `list`, `reset`, `verify`, or another operation's
 * @param {Tenant} [tenant] with `list`: the tenant whose authorizations give `bind_num`
 */
function view(app, generation, kind, tenant) {
  /** @type {{ remark?: string, app_type?: string, [field: string]: unknown }} */
  const base = {
    id: app.id,
    name: app.name,
    status: 1,
    app_key: app.app_key,
    app_secret: app.app_secret,
    creator: 'USER',
    register_time: app.register_time,
    update_time: app.update_time,
    remark: app.remark,
    app_type: 'apig',
  };
  if (generation === 'v2') {
    for (const key of ['related_domain_id', 'related_project_id']) if (app[key] !== undefined) base[key] = app[key];
    if (app.remark === undefined) delete base.remark;
  }
  if (kind === 'list') return { ...base, bind_num: bindCount(/** @type {Tenant} */ (tenant), app.id) };
  if (kind === 'reset' && generation !== 'v2') delete base.app_type;
  if (kind === 'verify') return app.remark === undefined ? { id: app.id, name: app.name } : { id: app.id, name: app.name, remark: app.remark };
  return base;
}

/**
 * The list's filters (v2's related_* ones are sent only there: the contract has them on v2 only).
 * @type {Array<keyof Query>}
 */
const LIST_FILTERS = ['id', 'name', 'app_key', 'creator', 'status', 'related_domain_id', 'related_project_id'];

/** The operations beside the APP itself (./grant-store.mjs answers them). */
export const GRANT_KINDS = new Set([
  'createAppCode',
  'generateAppCode',
  'listAppCodes',
  'showAppCode',
  'deleteAppCode',
  'authorize',
  'cancel',
  'boundApis',
  'unboundApis',
  'boundApps',
  'outline',
]);

export class AppStore {
  /** @param {{ quota?: number, maxTenants?: number }} [options] */
  constructor({ quota = DEFAULT_QUOTA, maxTenants = DEFAULT_MAX_TENANTS } = {}) {
    this.quota = quota;
    this.maxTenants = maxTenants;
    /**
     * tenant key → { byId, byName, byKey } (Maps; byId in creation order); tenants in recency order.
     * @type {Map<string | undefined, Tenant>} (the Map's first key, when it has none, is undefined)
     */
    this.tenants = new Map();
  }

  /**
   * The tenant a request belongs to: the credential on v1.0, the instance on v1 and v2.
   * @param {Generation} generation
   * @param {{ project_id?: string, instance_id?: string }} params
   * @param {import('node:http').IncomingHttpHeaders} headers
   */
  static tenantOf(generation, params, headers) {
    if (generation !== 'v1.0') return `${generation} ${params.project_id} ${params.instance_id}`;
    // Stryker disable next-line StringLiteral: with no Authorization, any text without Access= finds no AK
    const credential = /** @type {string | undefined} */ (headers['x-auth-token']) ?? /Access=([^,\s]+)/.exec(headers.authorization ?? '')?.[1] ?? '';
    // Keyed by a digest: the token itself is a secret and never kept.
    return sharedTenantKey(credential);
  }

  /**
   * A tenant's record: its APPs (byId, byName, byKey), their AppCodes (`codes`: APP id → Map) and
   * authorizations (`auths`), and the catalogue of APIs and environments they are authorized to.
   * @param {string} tenant
   * @param {boolean} create keep the record of a tenant not kept yet
   * @param {import('./grant-store.mjs').Catalogue} [catalogue]
   * @returns {Tenant}
   */
  apps(tenant, create, catalogue = DEFAULT_CATALOGUE) {
    let apps = this.tenants.get(tenant);
    if (apps) {
      this.tenants.delete(tenant);
      this.tenants.set(tenant, apps);
    } else if (create) {
      if (this.tenants.size >= this.maxTenants) this.tenants.delete(this.tenants.keys().next().value);
      apps = AppStore.emptyTenant(catalogue);
      this.tenants.set(tenant, apps);
    }
    return apps ?? AppStore.emptyTenant(catalogue);
  }

  /**
   * @param {import('./grant-store.mjs').Catalogue} catalogue
   * @returns {Tenant}
   */
  static emptyTenant(catalogue) {
    return {
      byId: new Map(),
      byName: new Map(),
      byKey: new Map(),
      codes: new Map(),
      auths: new Map(),
      acls: new Map(),
      aiKeys: new Map(),
      quotas: new Map(),
      quotaOf: new Map(),
      catalogue,
    };
  }

  /**
   * Stores (or re-indexes) an APP; names and keys are looked up, never scanned.
   * @param {Tenant} apps
   * @param {StoredApp} app
   * @param {{ name: string, app_key: string }} [before] its name and key before an update
   */
  static put(apps, app, before) {
    if (before) {
      apps.byName.delete(before.name);
      apps.byKey.delete(before.app_key);
    }
    apps.byId.set(app.id, app);
    apps.byName.set(app.name, app.id);
    apps.byKey.set(app.app_key, app.id);
  }

  /** Back to the seed: every APP created since is forgotten, the seeded ones are as they were. */
  reset() {
    this.tenants.clear();
    for (const { key, apps, catalogue, acls = [] } of this.seeded ?? []) {
      const store = this.apps(key, true, catalogue ?? DEFAULT_CATALOGUE);
      for (const app of apps) AppStore.put(store, { ...app });
      for (const [appId, acl] of acls) store.acls.set(appId, structuredClone(acl));
    }
  }

  /**
   * Starts with these APPs, `[{ key, apps }]` as seed.mjs's checkedSeed gives them (checked, complete).
   * @param {SeededTenant[]} tenants
   */
  seed(tenants) {
    this.seeded = tenants;
    this.reset();
  }

  /**
   * Answers one lifecycle (or, through grant-store.mjs, AppCode, authorization or outline) operation; `{ status, body }`.
   * @param {{ generation: Generation, kind: string, tenant: string, appId?: string, itemId?: string, query?: Query, body?: RequestBody }} request
   * @returns {StoreAnswer}
   */
  handle({ generation, kind, tenant, appId, itemId, query = {}, body = {} }) {
    // A tenant is kept from its first write that needs no APP: an APP's create, a client quota's.
    const apps = this.apps(tenant, kind === 'create' || kind === 'createQuota');
    if (GRANT_KINDS.has(kind)) return handleGrant(apps, { generation, kind, appId, itemId, query, body });
    if (FAMILY_KINDS.has(kind)) return handleFamily(apps, { kind, appId, itemId, query, body });
    switch (kind) {
      case 'create': {
        if (apps.byId.size >= this.quota) return fail(403, 'APIG.3103', 'The number of apps exceeds the maximum allowed limit');
        const taken = this.conflict(apps, body);
        if (taken) return taken;
        // The contract requires a name to create.
        const app = newApp(generation, /** @type {RequestBody & { name: string }} */ (body));
        AppStore.put(apps, app);
        return { status: 201, body: view(app, generation) };
      }
      case 'list':
        return { status: 200, body: this.list(apps, generation, query) };
      case 'show':
      case 'verify': {
        const app = apps.byId.get(appId);
        return app ? { status: 200, body: view(app, generation, kind) } : notFound(generation, appId);
      }
      case 'update': {
        const app = apps.byId.get(appId);
        if (!app) return notFound(generation, appId);
        const taken = this.conflict(apps, body, appId);
        if (taken) return taken;
        const before = { name: app.name, app_key: app.app_key };
        Object.assign(app, { name: body.name, update_time: new Date().toISOString() });
        for (const key of ['remark', 'app_key', 'app_secret', 'related_domain_id', 'related_project_id']) if (body[key] !== undefined) app[key] = body[key];
        AppStore.put(apps, app, before);
        return { status: generation === 'v2' ? 201 : 200, body: view(app, generation) };
      }
      case 'reset': {
        const app = apps.byId.get(appId);
        if (!app) return notFound(generation, appId);
        Object.assign(app, { app_secret: body.app_secret ?? hex32(), update_time: new Date().toISOString() });
        return { status: 200, body: view(app, generation, 'reset') };
      }
      case 'delete': {
        const app = apps.byId.get(appId);
        if (!app) return notFound(generation, appId);
        apps.byId.delete(appId);
        apps.byName.delete(app.name);
        apps.byKey.delete(app.app_key);
        forgetApp(apps, appId);
        forgetFamilies(apps, appId);
        return { status: 204 };
      }
      default:
        throw new Error(`AppStore: unknown operation ${kind}`);
    }
  }

  /**
   * APIG.3203 / APIG.3310 when another APP of the tenant has the name or the key.
   * @param {Tenant} apps
   * @param {RequestBody} body
   * @param {string} [selfId] the APP being updated
   */
  conflict(apps, body, selfId) {
    const named = apps.byName.get(body.name);
    if (named !== undefined && named !== selfId) return fail(400, 'APIG.3203', 'The app name already exists');
    // No key sent: byKey has no undefined key, so nothing is found.
    const keyed = apps.byKey.get(body.app_key);
    if (keyed !== undefined && keyed !== selfId) return fail(400, 'APIG.3310', 'The app key already exists');
    return undefined;
  }

  /**
   * Filters (name contains, unless precise_search=name), then the generation's paging.
   * @param {Tenant} apps
   * @param {Generation} generation
   * @param {Query} query
   */
  list(apps, generation, query) {
    const [start, size] = pageBounds(generation, query);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a fast path; the filtering below with no filter gives the same page
    const filtered = LIST_FILTERS.some((key) => query[key] !== undefined);
    // Stryker disable next-line ConditionalExpression,BlockStatement: the same fast path
    if (!filtered) {
      // No filter: the total is the tenant's size, and only the page asked for is walked,
      // so a list costs the same with 10 APPs stored as with 10,000.
      const page = [];
      let index = 0;
      for (const app of apps.byId.values()) {
        if (index++ < start) continue;
        if (page.length >= size) break;
        page.push(view(app, generation, 'list', apps));
      }
      return { total: apps.byId.size, size: page.length, apps: page };
    }
    const exactName = query.precise_search === 'name';
    const matches = [...apps.byId.values()].filter(
      (app) =>
        (query.id === undefined || app.id === query.id) &&
        (query.name === undefined || (exactName ? app.name === query.name : app.name.includes(query.name))) &&
        (query.app_key === undefined || app.app_key === query.app_key) &&
        (query.creator === undefined || query.creator === 'USER') &&
        (query.status === undefined || Number(query.status) === 1) &&
        (query.related_domain_id === undefined || app.related_domain_id === query.related_domain_id) &&
        (query.related_project_id === undefined || app.related_project_id === query.related_project_id),
    );
    const page = matches.slice(start, start + size).map((app) => view(app, generation, 'list', apps));
    return { total: matches.length, size: page.length, apps: page };
  }
}

/**
 * Which lifecycle operation a request is: generation, kind and path parameters, or undefined.
 * @type {Array<[Generation, RegExp]>}
 */
const ROUTES = [
  ['v1.0', /^\/v1\.0\/apigw\/apps(?:\/(secret|validation))?(?:\/([^/]+))?$/],
  ['v1', /^\/v1\/([^/]+)\/apigw\/instances\/([^/]+)\/apps(?:\/(secret|validation))?(?:\/([^/]+))?$/],
  ['v2', /^\/v2\/([^/]+)\/apigw\/instances\/([^/]+)\/apps(?:\/(secret|validation))?(?:\/([^/]+))?$/],
];

/**
 * @param {string} method
 * @param {string} pathname
 * @returns {{ generation: Generation, kind: string, params: { project_id?: string, instance_id?: string }, appId?: string } | undefined}
 */
export function routeOf(method, pathname) {
  for (const [generation, re] of ROUTES) {
    const m = re.exec(pathname);
    if (!m) continue;
    const [project_id, instance_id, sub, rawId] =
      generation === 'v1.0'
        ? [undefined, undefined, m[1], m[2]]
        : [decodeURIComponent(/** @type {string} */ (m[1])), decodeURIComponent(/** @type {string} */ (m[2])), m[3], m[4]];
    const appId = rawId === undefined ? undefined : decodeURIComponent(rawId);
    const kind =
      sub === 'secret'
        ? method === 'PUT'
          ? 'reset'
          : undefined
        : sub === 'validation'
          ? method === 'GET'
            ? 'verify'
            : undefined
          : appId === undefined
            ? /** @type {Record<string, string | undefined>} */ ({ POST: 'create', GET: 'list' })[method]
            : /** @type {Record<string, string | undefined>} */ ({ GET: 'show', PUT: 'update', DELETE: 'delete' })[method];
    return kind ? { generation, kind, params: { project_id, instance_id }, appId } : undefined;
  }
  return undefined;
}

// The mock's memory: the APPs created through it, kept per tenant and gateway (v1.0 per
// credential, v1 and v2 per project and instance), so parallel test runs never meet. It
// answers each lifecycle operation the way the source pages describe, with the codes the
// gateway uses (APIG.3203 name taken, APIG.3310 key taken, APIG.3103 over quota, 404 with
// the generation's code). Bounded: a quota per tenant and a cap on tenants.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errorBody } from './huawei-errors.mjs';

/** The mock's default quota of APPs per tenant (the sources give the gateway's none). */
export const DEFAULT_QUOTA = 1000;
/** At most this many tenants are kept; the one idle longest is dropped first. */
export const DEFAULT_MAX_TENANTS = 1000;

const hex32 = () => randomBytes(16).toString('hex');
const NOT_FOUND_CODE = { 'v1.0': 'APIG.3004', v1: 'APIG.3004', v2: 'APIG.3002' };

/** `{ status, body }` of an error the gateway would send. */
const fail = (status, code, msg) => ({ status, body: errorBody(code, msg) });

function notFound(generation, id) {
  return generation === 'v2' ? fail(404, 'APIG.3002', `App ${id} does not exist`) : fail(404, NOT_FOUND_CODE[generation], 'The app does not exist');
}

/** What an APP looks like in a generation's answers (the v1.0/v1 reset page lists no app_type). */
function view(app, generation, kind) {
  const base = { id: app.id, name: app.name, status: 1, app_key: app.app_key, app_secret: app.app_secret, creator: 'USER', register_time: app.register_time, update_time: app.update_time, remark: app.remark, app_type: 'apig' };
  if (generation === 'v2') {
    for (const key of ['related_domain_id', 'related_project_id']) if (app[key] !== undefined) base[key] = app[key];
  }
  if (kind === 'list') return { ...base, bind_num: 0 };
  if (kind === 'reset' && generation !== 'v2') delete base.app_type;
  if (kind === 'verify') return { id: app.id, name: app.name, remark: app.remark };
  return base;
}

export class AppStore {
  constructor({ quota = DEFAULT_QUOTA, maxTenants = DEFAULT_MAX_TENANTS } = {}) {
    this.quota = quota;
    this.maxTenants = maxTenants;
    /** tenant key → Map(id → app), in creation order; Map order doubles as recency. */
    this.tenants = new Map();
  }

  /** The tenant a request belongs to: the credential on v1.0, the instance on v1 and v2. */
  static tenantOf(generation, params, headers) {
    if (generation !== 'v1.0') return `${generation} ${params.project_id} ${params.instance_id}`;
    const credential = headers['x-auth-token'] ?? /Access=([^,\s]+)/.exec(headers.authorization ?? '')?.[1] ?? '';
    // Keyed by a digest: the token itself is a secret and never kept.
    return `v1.0 ${createHash('sha256').update(credential).digest('hex').slice(0, 32)}`;
  }

  apps(tenant, create = false) {
    let apps = this.tenants.get(tenant);
    if (apps) {
      this.tenants.delete(tenant);
      this.tenants.set(tenant, apps);
    } else if (create) {
      if (this.tenants.size >= this.maxTenants) this.tenants.delete(this.tenants.keys().next().value);
      apps = new Map();
      this.tenants.set(tenant, apps);
    }
    return apps ?? new Map();
  }

  reset() {
    this.tenants.clear();
  }

  /** Loads APPs: `[{ tenant, apps: [{ name, … }] }]` as `--seed` gives them. */
  seed(entries) {
    for (const { tenant, apps = [] } of entries) {
      const store = this.apps(tenant, true);
      for (const app of apps) {
        const now = new Date().toISOString();
        const v2 = tenant.startsWith('v2 ');
        const full = { id: v2 ? hex32() : randomUUID(), app_key: v2 ? hex32() : randomUUID(), app_secret: hex32(), remark: '', register_time: now, update_time: now, ...app };
        store.set(full.id, full);
      }
    }
  }

  /** Answers one lifecycle operation; `{ status, body }`. */
  handle({ generation, kind, tenant, appId, query = {}, body = {} }) {
    const apps = this.apps(tenant, kind === 'create');
    switch (kind) {
      case 'create': {
        if (apps.size >= this.quota) return fail(403, 'APIG.3103', 'The number of apps exceeds the maximum allowed limit');
        const taken = this.conflict(apps, body);
        if (taken) return taken;
        const now = new Date().toISOString();
        const app = {
          id: generation === 'v2' ? hex32() : randomUUID(),
          name: body.name,
          remark: body.remark ?? '',
          app_key: body.app_key ?? (generation === 'v2' ? hex32() : randomUUID()),
          app_secret: body.app_secret ?? hex32(),
          register_time: now,
          update_time: now,
          related_domain_id: body.related_domain_id,
          related_project_id: body.related_project_id,
        };
        apps.set(app.id, app);
        return { status: 201, body: view(app, generation, 'show') };
      }
      case 'list':
        return { status: 200, body: this.list(apps, generation, query) };
      case 'show':
      case 'verify': {
        const app = apps.get(appId);
        return app ? { status: 200, body: view(app, generation, kind) } : notFound(generation, appId);
      }
      case 'update': {
        const app = apps.get(appId);
        if (!app) return notFound(generation, appId);
        const taken = this.conflict(apps, body, appId);
        if (taken) return taken;
        Object.assign(app, { name: body.name, update_time: new Date().toISOString() });
        for (const key of ['remark', 'app_key', 'app_secret']) if (body[key] !== undefined) app[key] = body[key];
        return { status: generation === 'v2' ? 201 : 200, body: view(app, generation, 'show') };
      }
      case 'reset': {
        const app = apps.get(appId);
        if (!app) return notFound(generation, appId);
        Object.assign(app, { app_secret: body?.app_secret ?? hex32(), update_time: new Date().toISOString() });
        return { status: 200, body: view(app, generation, 'reset') };
      }
      case 'delete':
        return apps.delete(appId) ? { status: 204 } : notFound(generation, appId);
      default:
        throw new Error(`AppStore: unknown operation ${kind}`);
    }
  }

  /** APIG.3203 / APIG.3310 when another APP of the tenant has the name or the key. */
  conflict(apps, body, selfId) {
    for (const app of apps.values()) {
      if (app.id === selfId) continue;
      if (app.name === body.name) return fail(400, 'APIG.3203', 'The app name already exists');
      if (body.app_key !== undefined && app.app_key === body.app_key) return fail(400, 'APIG.3310', 'The app key already exists');
    }
    return undefined;
  }

  /** Filters (name contains, unless precise_search=name), then the generation's paging. */
  list(apps, generation, query) {
    const exactName = query.precise_search === 'name';
    const matches = [...apps.values()].filter(
      (app) =>
        (query.id === undefined || app.id === query.id) &&
        (query.name === undefined || (exactName ? app.name === query.name : app.name.includes(query.name))) &&
        (query.app_key === undefined || app.app_key === query.app_key) &&
        (query.creator === undefined || query.creator === 'USER') &&
        (query.status === undefined || Number(query.status) === 1),
    );
    let start;
    let size;
    if (generation === 'v2') {
      start = Math.max(0, Number(query.offset ?? 0));
      size = Number(query.limit ?? 20);
    } else {
      size = Number(query.page_size ?? 20);
      start = (Math.max(1, Number(query.page_no ?? 1)) - 1) * size;
    }
    const page = matches.slice(start, start + size).map((app) => view(app, generation, 'list'));
    return { total: matches.length, size: page.length, apps: page };
  }
}

/** Which lifecycle operation a request is: generation, kind and path parameters, or undefined. */
const ROUTES = [
  ['v1.0', /^\/v1\.0\/apigw\/apps(?:\/(secret|validation))?(?:\/([^/]+))?$/],
  ['v1', /^\/v1\/([^/]+)\/apigw\/instances\/([^/]+)\/apps(?:\/(secret|validation))?(?:\/([^/]+))?$/],
  ['v2', /^\/v2\/([^/]+)\/apigw\/instances\/([^/]+)\/apps(?:\/(secret|validation))?(?:\/([^/]+))?$/],
];

export function routeOf(method, pathname) {
  for (const [generation, re] of ROUTES) {
    const m = re.exec(pathname);
    if (!m) continue;
    const [project_id, instance_id, sub, rawId] = generation === 'v1.0' ? [undefined, undefined, m[1], m[2]] : [decodeURIComponent(m[1]), decodeURIComponent(m[2]), m[3], m[4]];
    const appId = rawId === undefined ? undefined : decodeURIComponent(rawId);
    const kind =
      sub === 'secret' ? (method === 'PUT' ? 'reset' : undefined)
      : sub === 'validation' ? (method === 'GET' ? 'verify' : undefined)
      : appId === undefined ? { POST: 'create', GET: 'list' }[method]
      : { GET: 'show', PUT: 'update', DELETE: 'delete' }[method];
    return kind ? { generation, kind, params: { project_id, instance_id }, appId } : undefined;
  }
  return undefined;
}

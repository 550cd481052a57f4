// What an APP is for, remembered per tenant beside its APPs: AppCodes per APP, a catalogue of
// APIs and environments to authorize against, and the authorizations. Each operation answers the
// way its source page describes, with the codes the pages (or the error-code catalogue) give:
// APIG.3131 past 5 AppCodes, APIG.3082 no such AppCode, APIG.3004 / 3002 / 3003 no such APP, API
// or environment, APIG.3009 no such authorization, APIG.3316 in a pair's result when it exists.
import { randomBytes } from 'node:crypto';
import { errorBody } from '../core/huawei-errors.mjs';
import { pageBounds } from './paging.mjs';

/** “每个应用最多可创建5个AppCode” (user guide, 为简易认证添加AppCode). */
export const APP_CODES_PER_APP = 5;
export const RELEASE_ID = 'DEFAULT_ENVIRONMENT_RELEASE_ID';

/** @typedef {import('./app-store.mjs').Tenant} Tenant */
/** @typedef {import('./app-store.mjs').Generation} Generation */
/** @typedef {import('./app-store.mjs').Query} Query */
/** @typedef {import('./app-store.mjs').StoredApp} StoredApp */
/** @typedef {import('./types.d.mts').MockEnvironment} Environment */

/**
 * An AppCode of an APP (the create's body gives `app_code`; a generate makes one).
 * @typedef {{ id: string, app_code?: string, app_id?: string, create_time: string }} AppCode
 */

/**
 * An authorization: an APP's to an API in an environment.
 * @typedef {{ id: string, app_id: string, api_id: string, env_id: string, auth_time: string }} Authorization
 */

/**
 * An API of a tenant's catalogue, as the answers show it, with its publications (environment id → publish id).
 * @typedef {object} CatalogueApi
 * @property {string} id
 * @property {string} name
 * @property {string} group_id
 * @property {string} group_name
 * @property {string} remark
 * @property {string} req_uri
 * @property {string} auth_type
 * @property {number} api_type
 * @property {string[]} tags
 * @property {Map<string | undefined, string>} published
 */

/**
 * A tenant's APIs and environments, by id (asked for ids a request may leave out).
 * @typedef {{ environments: Map<string | undefined, import('./types.d.mts').MockEnvironment>, apis: Map<string | undefined, CatalogueApi> }} Catalogue
 */

const hex32 = () => randomBytes(16).toString('hex');
/**
 * @param {number} status
 * @param {string} code
 * @param {string} msg
 */
const fail = (status, code, msg) => ({ status, body: errorBody(code, msg) });
const SUPPORT = 'Please refer to the support documentation';

/**
 * Every tenant's catalogue unless its seed gives one: RELEASE and TEST, and four APIs in two
 * groups, three published in RELEASE and one published nowhere (ids from the v2 pages' examples).
 */
export const DEFAULT_CATALOGUE = catalogueOf({
  environments: [
    { id: RELEASE_ID, name: 'RELEASE' },
    { id: '7a1ad0c350844ee69479b47df9a881cb', name: 'TEST' },
  ],
  apis: [
    {
      id: '5f918d104dc84480a75166ba99efff21',
      name: 'Api_http',
      group_id: 'c77f5e81d9cb4424bf704ef2b0ac7600',
      group_name: 'api_group_001',
      remark: 'Web backend API',
      req_uri: '/test/http',
      published_in: [RELEASE_ID],
    },
    {
      id: 'abd9c4b2ff974888b0ba79be7e6b2763',
      name: 'Api_function',
      group_id: 'c77f5e81d9cb4424bf704ef2b0ac7600',
      group_name: 'api_group_001',
      remark: 'FunctionGraph backend API',
      req_uri: '/test/function',
      published_in: [],
    },
    {
      id: '11cbec3a7a8345ca981b86d161bc436e',
      name: 'API_test',
      group_id: '6acd94abe58747ee8a73b10c70817bac',
      group_name: 'APIGroup_d3da',
      remark: 'FunctionGraph backend API',
      req_uri: '/appcode',
      published_in: [RELEASE_ID],
    },
    {
      id: '40e7162dc6b94bbbbb1a60d2a24b1b0c',
      name: 'Api_mock',
      group_id: '6acd94abe58747ee8a73b10c70817bac',
      group_name: 'APIGroup_d3da',
      remark: 'Mock backend API',
      req_uri: '/test/mock',
      published_in: [RELEASE_ID, '7a1ad0c350844ee69479b47df9a881cb'],
    },
  ],
});

/**
 * `{ environments, apis }` as a seed gives them (checked) → Maps, each API with its publications.
 * @param {{ environments: import('./types.d.mts').MockEnvironment[], apis: import('./types.d.mts').MockApi[] }} seeded
 * @returns {Catalogue}
 */
export function catalogueOf({ environments, apis }) {
  return {
    environments: new Map(environments.map((env) => [env.id, { id: env.id, name: env.name }])),
    apis: new Map(
      apis.map((api) => [
        api.id,
        {
          id: api.id,
          name: api.name,
          group_id: api.group_id ?? '',
          group_name: api.group_name ?? '',
          remark: api.remark ?? '',
          req_uri: api.req_uri ?? '/',
          auth_type: 'APP',
          api_type: 1,
          tags: api.tags ?? [],
          published: new Map((api.published_in ?? []).map((envId) => [envId, hex32()])),
        },
      ]),
    ),
  };
}

/**
 * A missing APP as each operation's page names it (v2 AppCode and authorization pages: APIG.3004 with the id).
 * @param {Generation} generation
 * @param {string | undefined} id
 */
function appNotFound(generation, id) {
  return generation === 'v2' ? fail(404, 'APIG.3004', `App ${id} does not exist`) : fail(404, 'APIG.3004', 'The app does not exist');
}

/** The v1.0 AppCode pages that list no 404 (create, generate, list): an unknown APP id is a 400. */
const badAppId = () => fail(400, 'APIG.2012', `Invalid parameter value,parameterName:app_id. ${SUPPORT}`);

/**
 * @template Item
 * @param {Item[]} items
 * @param {Generation} generation
 * @param {Query} query
 */
function page(items, generation, query) {
  const [start, size] = pageBounds(generation, query);
  const entries = items.slice(start, start + size);
  return { total: items.length, size: entries.length, entries };
}

/**
 * @param {string} value
 * @param {string | undefined} part
 */
const contains = (value, part) => part === undefined || String(value).includes(part);
/**
 * @param {string} value
 * @param {string | undefined} wanted
 */
const equals = (value, wanted) => wanted === undefined || value === wanted;

/**
 * The v2 `tags` filter (model_list_apis_binded_to_app_v2_request.go: 该参数可指定多个，多个不同的参数值为
 * 或关系；不指定或为空时，表示不筛选标签；指定为#no_tags#时，表示筛选无标签API): any one of the tags
 * asked for, `#no_tags#` for an API without tags; none asked (or only empty ones) filters nothing.
 * @param {{ tags: string[] }} api
 * @param {string[]} [wanted]
 */
export function tagsMatch(api, wanted = []) {
  const asked = wanted.filter((tag) => tag !== '');
  if (asked.length === 0) return true;
  return asked.some((tag) => (tag === '#no_tags#' ? api.tags.length === 0 : api.tags.includes(tag)));
}

/**
 * The API's tags on a v2 record, when it has any (the gateway's answers omit what is empty).
 * @param {CatalogueApi} api
 */
const tagsOf = (api) => (api.tags.length > 0 ? { tags: api.tags } : {});

/**
 * The authorizations a bound list shows: those whose API is published in their environment (查看APP已绑定的API列表: “将API发布到相应的授权的环境后，才能查询到结果”).
 * (An authorization's API, environment and APP are always the tenant's: each is checked when it
 * is made, and an APP's go with it.)
 * @param {Tenant} tenant
 */
function visibleAuths(tenant) {
  return [...tenant.auths.values()].filter((auth) => /** @type {CatalogueApi} */ (tenant.catalogue.apis.get(auth.api_id)).published.has(auth.env_id));
}

/**
 * @param {Tenant} tenant
 * @param {Authorization} auth
 * @param {Generation} generation
 */
function boundView(tenant, auth, generation) {
  const api = /** @type {CatalogueApi} */ (tenant.catalogue.apis.get(auth.api_id));
  const app = /** @type {StoredApp} */ (tenant.byId.get(auth.app_id));
  const env = /** @type {Environment} */ (tenant.catalogue.environments.get(auth.env_id));
  const common = {
    id: auth.id,
    api_id: api.id,
    api_name: api.name,
    group_name: api.group_name,
    api_remark: api.remark,
    api_type: api.api_type,
    env_id: auth.env_id,
    auth_role: 'PROVIDER',
    auth_time: auth.auth_time,
    app_name: app.name,
    app_creator: 'USER',
    app_type: 'apig',
    publish_id: api.published.get(auth.env_id),
  };
  return generation === 'v2'
    ? {
        ...common,
        app_id: app.id,
        env_name: env.name,
        group_id: api.group_id,
        auth_tunnel: 'NORMAL',
        ...(app.remark === undefined ? {} : { app_remark: app.remark }),
        ...tagsOf(api),
      }
    : { ...common, appid: app.id, envname: env.name, app_remark: app.remark };
}

/**
 * @param {CatalogueApi} api
 * @param {string | undefined} envId
 * @param {Environment} env
 * @param {Generation} generation
 */
function unboundView(api, envId, env, generation) {
  const publishId = api.published.get(envId);
  return {
    id: api.id,
    name: api.name,
    group_id: api.group_id,
    group_name: api.group_name,
    remark: api.remark,
    auth_type: api.auth_type,
    req_uri: api.req_uri,
    run_env_name: publishId ? env.name : '',
    run_env_id: publishId ? envId : '',
    publish_id: publishId ?? '',
    ...(generation === 'v2' ? tagsOf(api) : {}),
  };
}

/**
 * How many APIs are bound to an APP (a listed APP's bind_num).
 * @param {Tenant} tenant
 * @param {string} appId
 */
export function bindCount(tenant, appId) {
  let count = 0;
  for (const auth of tenant.auths.values()) if (auth.app_id === appId) count++;
  return count;
}

/**
 * Forgets an APP's AppCodes and authorizations (its deletion).
 * @param {Tenant} tenant
 * @param {string | undefined} appId
 */
export function forgetApp(tenant, appId) {
  tenant.codes.delete(appId);
  for (const [id, auth] of tenant.auths) if (auth.app_id === appId) tenant.auths.delete(id);
}

/**
 * Answers one AppCode, authorization or outline operation for a tenant; `{ status, body }`.
 * @param {Tenant} tenant
 * @param {{ generation: Generation, kind: string, appId?: string, itemId?: string, query?: Query, body?: import('./app-store.mjs').RequestBody }} request
 * @returns {import('./app-store.mjs').StoreAnswer}
 */
export function handleGrant(tenant, { generation, kind, appId, itemId, query = {}, body = {} }) {
  const app = tenant.byId.get(appId);
  switch (kind) {
    case 'createAppCode':
    case 'generateAppCode': {
      if (!app) return generation === 'v2' ? appNotFound(generation, appId) : badAppId();
      const codes = tenant.codes.get(appId) ?? new Map();
      if (codes.size >= APP_CODES_PER_APP) return fail(403, 'APIG.3131', 'The number of APP codes exceeds the maximum allowed limit');
      const code = {
        id: hex32(),
        app_code: kind === 'createAppCode' ? body.app_code : randomBytes(32).toString('hex'),
        app_id: appId,
        create_time: new Date().toISOString(),
      };
      codes.set(code.id, code);
      tenant.codes.set(appId, codes);
      return { status: 201, body: { ...code } };
    }
    case 'listAppCodes': {
      if (!app) return generation === 'v2' ? appNotFound(generation, appId) : badAppId();
      const { total, size, entries } = page([...(tenant.codes.get(appId)?.values() ?? [])], generation, query);
      return { status: 200, body: { total, size, app_codes: entries.map((code) => ({ ...code })) } };
    }
    case 'showAppCode':
    case 'deleteAppCode': {
      if (!app) return appNotFound(generation, appId);
      const code = tenant.codes.get(appId)?.get(itemId);
      if (!code) return fail(404, 'APIG.3082', 'The APP code does not exist');
      if (kind === 'deleteAppCode') {
        /** @type {Map<string | undefined, AppCode>} */ (tenant.codes.get(appId)).delete(itemId);
        return { status: 204 };
      }
      // The v2 page answers this GET with 201; v1.0's with 200.
      return { status: generation === 'v2' ? 201 : 200, body: { ...code } };
    }
    case 'authorize':
      // The contract requires all three.
      return authorize(tenant, generation, /** @type {{ app_ids: string[], api_ids: string[], env_id: string }} */ (body));
    case 'cancel': {
      if (!tenant.auths.has(itemId)) return fail(404, 'APIG.3009', `The app authorization record does not exist,id:${itemId}`);
      tenant.auths.delete(itemId);
      return { status: 204 };
    }
    case 'boundApis': {
      if (!tenant.byId.has(query.app_id)) return appNotFound(generation, query.app_id);
      const matches = visibleAuths(tenant).filter((auth) => {
        const api = /** @type {CatalogueApi} */ (tenant.catalogue.apis.get(auth.api_id));
        return (
          auth.app_id === query.app_id &&
          equals(auth.api_id, query.api_id) &&
          contains(api.name, query.api_name) &&
          equals(api.group_id, query.group_id) &&
          contains(api.group_name, query.group_name) &&
          equals(auth.env_id, query.env_id) &&
          tagsMatch(api, query.tags)
        );
      });
      const { total, size, entries } = page(matches, generation, query);
      return { status: 200, body: { total, size, auths: entries.map((auth) => boundView(tenant, auth, generation)) } };
    }
    case 'unboundApis': {
      if (!tenant.byId.has(query.app_id)) return appNotFound(generation, query.app_id);
      const env = tenant.catalogue.environments.get(query.env_id);
      if (!env) return fail(404, 'APIG.3003', 'The environment does not exist');
      const bound = new Set(
        [...tenant.auths.values()].filter((auth) => auth.app_id === query.app_id && auth.env_id === query.env_id).map((auth) => auth.api_id),
      );
      const matches = [...tenant.catalogue.apis.values()].filter(
        (api) =>
          !bound.has(api.id) &&
          equals(api.id, query.api_id) &&
          contains(api.name, query.api_name) &&
          equals(api.group_id, query.group_id) &&
          tagsMatch(api, query.tags),
      );
      const { total, size, entries } = page(matches, generation, query);
      return { status: 200, body: { total, size, apis: entries.map((api) => unboundView(api, query.env_id, env, generation)) } };
    }
    case 'boundApps': {
      if (query.api_id !== undefined && !tenant.catalogue.apis.has(query.api_id)) return fail(404, 'APIG.3002', `API ${query.api_id} does not exist`);
      const matches = visibleAuths(tenant).filter(
        (auth) =>
          equals(auth.api_id, query.api_id) &&
          equals(auth.app_id, query.app_id) &&
          contains(/** @type {StoredApp} */ (tenant.byId.get(auth.app_id)).name, query.app_name) &&
          equals(auth.env_id, query.env_id),
      );
      const { total, size, entries } = page(matches, generation, query);
      return { status: 200, body: { total, size, auths: entries.map((auth) => boundView(tenant, auth, generation)) } };
    }
    case 'outline': {
      const authed = new Set([...tenant.auths.values()].map((auth) => auth.app_id)).size;
      return { status: 200, body: { authed_nums: authed, unauthed_nums: tenant.byId.size - authed } };
    }
    default:
      throw new Error(`grant store: unknown operation ${kind}`);
  }
}

/**
 * Every APP to every API in the environment. Unknown APPs, APIs or environment refuse the whole
 * request (404); otherwise one record per pair: a new pair SUCCESS, an existing one SKIPPED
 * (v2: with APIG.3316 in its auth_result). v1.0 and v1 answer a bare array, v2 `{ auths }`.
 * @param {Tenant} tenant
 * @param {Generation} generation
 * @param {{ app_ids: string[], api_ids: string[], env_id: string }} body what the contract requires of an authorization
 */
function authorize(tenant, generation, { app_ids: appIds, api_ids: apiIds, env_id: envId }) {
  const unknownApp = appIds.find((id) => !tenant.byId.has(id));
  if (unknownApp !== undefined) return appNotFound(generation, unknownApp);
  const unknownApi = apiIds.find((id) => !tenant.catalogue.apis.has(id));
  if (unknownApi !== undefined) return fail(404, 'APIG.3002', `API ${unknownApi} does not exist`);
  if (!tenant.catalogue.environments.has(envId)) return fail(404, 'APIG.3003', 'The environment does not exist');
  const records = [];
  for (const appId of appIds) {
    for (const apiId of apiIds) {
      const existing = [...tenant.auths.values()].find((auth) => auth.app_id === appId && auth.api_id === apiId && auth.env_id === envId);
      const auth = existing ?? { id: hex32(), app_id: appId, api_id: apiId, env_id: envId, auth_time: new Date().toISOString() };
      // Stryker disable next-line ConditionalExpression: storing an existing pair again puts the same record under the same id
      if (!existing) tenant.auths.set(auth.id, auth);
      const record = { id: auth.id, api_id: apiId, app_id: appId, auth_time: auth.auth_time, auth_role: 'PROVIDER' };
      if (generation !== 'v2') {
        records.push({ ...record, auth_result: existing ? 'SKIPPED' : 'SUCCESS' });
        continue;
      }
      const result = existing
        ? {
            status: 'SKIPPED',
            error_code: 'APIG.3316',
            error_msg: 'The api auth relation already exists',
            api_name: /** @type {CatalogueApi} */ (tenant.catalogue.apis.get(apiId)).name,
            app_name: /** @type {StoredApp} */ (tenant.byId.get(appId)).name,
          }
        : { status: 'SUCCESS' };
      records.push({ ...record, auth_result: result, auth_tunnel: 'NORMAL' });
    }
  }
  return { status: 201, body: generation === 'v2' ? { auths: records } : records };
}

/**
 * Which grant operation a request is: generation, kind and ids, or undefined.
 * @type {Array<[Generation, RegExp]>}
 */
const PREFIXES = [
  ['v1.0', /^\/v1\.0\/apigw(\/.*)$/],
  ['v1', /^\/v1\/([^/]+)\/apigw\/instances\/([^/]+)(\/.*)$/],
  ['v2', /^\/v2\/([^/]+)\/apigw\/instances\/([^/]+)(\/.*)$/],
];

/**
 * @param {string} method
 * @param {string} pathname
 * @returns {{ generation: Generation, kind: string, params: { project_id?: string, instance_id?: string }, appId?: string, itemId?: string } | undefined}
 */
export function grantRouteOf(method, pathname) {
  for (const [generation, re] of PREFIXES) {
    // v1.0's one group, v1's and v2's three: each read where its pattern has it.
    const m = /** @type {(RegExpExecArray & [string, string, string, string]) | null} */ (re.exec(pathname));
    if (!m) continue;
    const [project_id, instance_id, rest] = generation === 'v1.0' ? [undefined, undefined, m[1]] : [decodeURIComponent(m[1]), decodeURIComponent(m[2]), m[3]];
    const params = { project_id, instance_id };
    const codes = generation === 'v1' ? null : /^\/apps\/([^/]+)\/app-codes(?:\/([^/]+))?$/.exec(rest);
    if (codes) {
      const [appId, itemId] = [decodeURIComponent(/** @type {string} */ (codes[1])), codes[2] === undefined ? undefined : decodeURIComponent(codes[2])];
      const kind =
        itemId === undefined
          ? /** @type {Record<string, string | undefined>} */ ({ POST: 'createAppCode', PUT: 'generateAppCode', GET: 'listAppCodes' })[method]
          : /** @type {Record<string, string | undefined>} */ ({ GET: 'showAppCode', DELETE: 'deleteAppCode' })[method];
      return kind ? { generation, kind, params, appId, itemId } : undefined;
    }
    if (rest === '/resources/outline/apps') return method === 'GET' ? { generation, kind: 'outline', params } : undefined;
    /** @type {Record<string, string | undefined>} */
    const lists = { '/app-auths/binded-apis': 'boundApis', '/app-auths/unbinded-apis': 'unboundApis', '/app-auths/binded-apps': 'boundApps' };
    if (method === 'GET' && lists[rest]) return { generation, kind: lists[rest], params };
    if (rest === '/app-auths') return method === 'POST' ? { generation, kind: 'authorize', params } : undefined;
    const cancel = /^\/app-auths\/([^/]+)$/.exec(rest);
    if (cancel && method === 'DELETE') return { generation, kind: 'cancel', params, itemId: decodeURIComponent(/** @type {string} */ (cancel[1])) };
    return undefined;
  }
  return undefined;
}

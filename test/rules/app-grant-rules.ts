/**
 * What an APP is for — AppCodes, authorizing APPs to APIs and the APP outline — as the source
 * pages state it, written by hand from the pages' text (never read back from spec/). Pages, by
 * title and generation:
 *   - shared gateway (共享版, v1.0): 创建App Code, 自动生成App Code, 查询App Code列表, 查看App Code详情,
 *     删除App Code, 授权, 解除授权, 查看APP已绑定的API列表, 查看APP未绑定的API列表,
 *     查看API已绑定的APP列表, 查询APP概况;
 *   - dedicated gateway (专享版, v1): the same authorization and outline pages (their tables are the
 *     v1.0 ones with project_id and instance_id); no AppCode page;
 *   - dedicated gateway v2 (专享版, current): 创建APP Code, 自动生成APP Code, 查询APP Code列表,
 *     查看APP Code详情, 删除APP Code, APP授权, 解除授权, the three list pages, 查询APP概况;
 *     where they speak, Huawei's Go SDK models (AppCodeCreate) win over the 2021 page;
 *   - the error-code catalogue (错误码) where a page gives no example, and the user guide's
 *     为简易认证添加AppCode (每个应用最多可创建5个AppCode).
 */
import { V2_LIMIT, type Generation, type QueryRule } from './lifecycle-rules.js';

export type GrantKind =
  | 'createAppCode'
  | 'generateAppCode'
  | 'listAppCodes'
  | 'showAppCode'
  | 'deleteAppCode'
  | 'authorize'
  | 'cancel'
  | 'boundApis'
  | 'unboundApis'
  | 'boundApps'
  | 'outline';

export interface GrantQueryRule extends QueryRule {
  required: boolean;
}

export interface GrantOperationRule {
  generation: Generation;
  kind: GrantKind;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  page: string;
  pathParams: readonly string[];
  query: Readonly<Record<string, GrantQueryRule>>;
  /** The body's fields and whether each is required; undefined when the page has no body. */
  body?: Readonly<
    Record<string, { required: boolean; type: 'string' | 'array'; minLength?: number; maxLength?: number; pattern?: string; refusedCharacters?: string }>
  >;
  statuses: readonly string[];
  /** The success answer: `object` fields, a bare `array` of records (v1.0/v1 authorize), or none. */
  success:
    | { shape: 'none' }
    | { shape: 'object'; fields: readonly string[] }
    | { shape: 'array'; fields: readonly string[] }
    | { shape: 'list'; listField: string; itemFields: readonly string[] };
  errorCodes: Readonly<Record<string, readonly string[]>>;
}

const PREFIX: Record<Generation, string> = {
  'v1.0': '/v1.0/apigw',
  v1: '/v1/{project_id}/apigw/instances/{instance_id}',
  v2: '/v2/{project_id}/apigw/instances/{instance_id}',
};
const INSTANCE: Record<Generation, readonly string[]> = { 'v1.0': [], v1: ['project_id', 'instance_id'], v2: ['project_id', 'instance_id'] };

const opt = (type: 'string' | 'integer' = 'string'): GrantQueryRule => ({ type, required: false });
const req = (): GrantQueryRule => ({ type: 'string', required: true });
/** v1.0/v1: “每页显示的条数，默认值：20”, “页码，默认值：1”. */
const PAGE_NO = { page_size: { type: 'integer', default: 20, required: false }, page_no: { type: 'integer', default: 1, required: false } } as const;
/** v2: offset “缺省值：0”; limit as the current definitions take it (V2_LIMIT: ≤ 0 → 20, > 500 → 500, any int32). */
const OFFSET = { offset: { type: 'integer', default: 0, required: false }, limit: { ...V2_LIMIT, required: false } } as const;

/** 表 4 / AppCodeBaseInfo: id, app_code, app_id, create_time. */
const APP_CODE_FIELDS = ['id', 'app_code', 'app_id', 'create_time'];
/** 表 4 API与APP授权关系列表 (v1.0, v1). */
const AUTH_RECORD_FIELDS = ['id', 'api_id', 'app_id', 'auth_time', 'auth_role', 'auth_result'];
/** 表 5 AppAuthResp (v2). */
const AUTH_RECORD_FIELDS_V2 = ['api_id', 'auth_result', 'auth_time', 'id', 'app_id', 'auth_role', 'auth_tunnel', 'auth_whitelist', 'auth_blacklist'];
/** Go SDK model_api_auth_relations.go adds visit_params (“访问参数。”). */
const AUTH_RECORD_FIELDS_V2_CURRENT = [...AUTH_RECORD_FIELDS_V2, 'visit_params'];
/** auths参数说明 (v1.0, v1): the bound lists' entries (binded-apis and binded-apps list the same fields). */
const BOUND_FIELDS = [
  'id',
  'api_id',
  'api_name',
  'group_name',
  'api_remark',
  'api_type',
  'envname',
  'env_id',
  'auth_role',
  'auth_time',
  'appid',
  'app_name',
  'app_creator',
  'app_remark',
  'app_type',
  'publish_id',
];
/** AppAuthBindedApiResp (v2). */
const BOUND_FIELDS_V2 = [
  'api_id',
  'app_name',
  'env_id',
  'env_name',
  'group_id',
  'group_name',
  'api_type',
  'api_name',
  'app_id',
  'auth_time',
  'app_creator',
  'app_type',
  'id',
  'api_remark',
  'auth_role',
  'auth_tunnel',
  'auth_whitelist',
  'auth_blacklist',
];
/**
 * Go SDK model_api_auth_info.go, the entries of both bound lists (model_list_apis_binded_to_app_v2_response.go,
 * model_list_apps_binded_to_api_v2_response.go), adds publish_id, app_remark (“APP的描述”), visit_param
 * (“访问参数。”), roma_app_type and tags (“API绑定的标签…”).
 */
const BOUND_FIELDS_V2_CURRENT = [...BOUND_FIELDS_V2, 'publish_id', 'app_remark', 'visit_param', 'roma_app_type', 'tags'];
/** apis参数说明 / AppAuthUnBindedApiResp: the same ten fields on every generation. */
const UNBOUND_FIELDS = ['id', 'name', 'group_id', 'group_name', 'remark', 'run_env_name', 'run_env_id', 'publish_id', 'auth_type', 'req_uri'];
/** Go SDK model_api_outline.go (v2) adds tags (“API绑定的标签…”). */
const UNBOUND_FIELDS_V2 = [...UNBOUND_FIELDS, 'tags'];
/**
 * v2, current definitions (model_list_apis_binded_to_app_v2_request.go, model_list_apis_unbinded_to_app_v2_request.go):
 * tags “API标签，该参数可指定多个，多个不同的参数值为或关系…”, a list of values.
 */
const TAGS = { tags: { type: 'array', required: false } } as const;

/**
 * app_code: v1.0 “支持英文，+_!@#$%/=，且只能以英文和+、/开头，64-180个字符。” with the digits of the
 * page's own examples; v2 (current definitions) “支持英文、数字，+_!@#$%-/=，且只能以英文、数字和+、/开头，64-180个字符。”
 */
export const APP_CODE_RULE = {
  'v1.0': {
    required: true,
    type: 'string',
    minLength: 64,
    maxLength: 180,
    pattern: '^[A-Za-z+/][A-Za-z0-9+_!@#$%/=]{63,179}$',
    refusedCharacters: '[^A-Za-z0-9+_!@#$%/=]',
  },
  v2: {
    required: true,
    type: 'string',
    minLength: 64,
    maxLength: 180,
    pattern: '^[A-Za-z0-9+/][A-Za-z0-9+_!@#$%/=-]{63,179}$',
    refusedCharacters: '[^A-Za-z0-9+_!@#$%/=-]',
  },
} as const;

function operations(generation: Generation): GrantOperationRule[] {
  const base = PREFIX[generation];
  const v2 = generation === 'v2';
  const paging = v2 ? OFFSET : PAGE_NO;
  const op = (kind: GrantKind, method: GrantOperationRule['method'], path: string, page: string, rest: Partial<GrantOperationRule>): GrantOperationRule => ({
    generation,
    kind,
    method,
    path: `${base}${path}`,
    page,
    pathParams: INSTANCE[generation],
    query: {},
    statuses: [],
    success: { shape: 'none' },
    errorCodes: {},
    ...rest,
  });
  const list = [] as GrantOperationRule[];
  if (generation !== 'v1') {
    // No AppCode pages on v1 (its APP管理 group page lists none).
    const codes = '/apps/{app_id}/app-codes';
    const one = `${codes}/${v2 ? '{app_code_id}' : '{id}'}`;
    const withApp = [...INSTANCE[generation], 'app_id'];
    const withCode = [...withApp, v2 ? 'app_code_id' : 'id'];
    // v2 pages' examples: 400 APIG.2012 (app_id), 404 APIG.3004; catalogue: APIG.3131 quota, APIG.3082 no such AppCode.
    list.push(
      op('createAppCode', 'post', codes, v2 ? '创建APP Code' : '创建App Code', {
        pathParams: withApp,
        body: { app_code: APP_CODE_RULE[v2 ? 'v2' : 'v1.0'] },
        statuses: v2 ? ['201', '400', '401', '403', '404', '500'] : ['201', '400', '401', '403', '500'],
        success: { shape: 'object', fields: APP_CODE_FIELDS },
        errorCodes: { '400': ['APIG.2011', 'APIG.2012'], '403': ['APIG.3131'], ...(v2 ? { '404': ['APIG.3004'] } : {}) },
      }),
      op('generateAppCode', 'put', codes, v2 ? '自动生成APP Code' : '自动生成App Code', {
        pathParams: withApp,
        statuses: v2 ? ['201', '400', '401', '403', '404', '500'] : ['201', '400', '401', '403', '500'],
        success: { shape: 'object', fields: APP_CODE_FIELDS },
        errorCodes: { '400': ['APIG.2012'], '403': ['APIG.3131'], ...(v2 ? { '404': ['APIG.3004'] } : {}) },
      }),
      op('listAppCodes', 'get', codes, v2 ? '查询APP Code列表' : '查询App Code列表', {
        pathParams: withApp,
        query: paging,
        statuses: v2 ? ['200', '400', '401', '403', '404', '500'] : ['200', '400', '401', '500'],
        success: { shape: 'list', listField: 'app_codes', itemFields: APP_CODE_FIELDS },
        errorCodes: { '400': ['APIG.2012'], ...(v2 ? { '404': ['APIG.3004'] } : {}) },
      }),
      // v2: the page says 201 for this GET; the contract declares 200 as well.
      op('showAppCode', 'get', one, v2 ? '查看APP Code详情' : '查看App Code详情', {
        pathParams: withCode,
        statuses: v2 ? ['200', '201', '400', '401', '403', '404', '500'] : ['200', '401', '403', '404', '500'],
        success: { shape: 'object', fields: APP_CODE_FIELDS },
        errorCodes: { '404': ['APIG.3004', 'APIG.3082'] },
      }),
      op('deleteAppCode', 'delete', one, v2 ? '删除APP Code' : '删除App Code', {
        pathParams: withCode,
        statuses: v2 ? ['204', '400', '401', '403', '404', '500'] : ['204', '400', '401', '403', '404', '409', '500'],
        errorCodes: { '404': ['APIG.3004', 'APIG.3082'] },
      }),
    );
  }
  list.push(
    op('authorize', 'post', '/app-auths', v2 ? 'APP授权' : '授权', {
      body: {
        api_ids: { required: true, type: 'array' },
        app_ids: { required: true, type: 'array' },
        env_id: { required: true, type: 'string', minLength: 1 },
      },
      statuses: v2 ? ['201', '400', '401', '403', '404', '500'] : ['201', '400', '401', '403', '404', '409', '500'],
      success: v2 ? { shape: 'list', listField: 'auths', itemFields: AUTH_RECORD_FIELDS_V2_CURRENT } : { shape: 'array', fields: AUTH_RECORD_FIELDS },
      errorCodes: { '400': ['APIG.2011'], '404': ['APIG.3004', 'APIG.3002', 'APIG.3003'] },
    }),
    op('cancel', 'delete', v2 ? '/app-auths/{app_auth_id}' : '/app-auths/{id}', '解除授权', {
      pathParams: [...INSTANCE[generation], v2 ? 'app_auth_id' : 'id'],
      statuses: ['204', '400', '401', '403', '404', '500'],
      errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3009'] },
    }),
    op('boundApis', 'get', '/app-auths/binded-apis', '查看APP已绑定的API列表', {
      query: { app_id: req(), api_id: opt(), api_name: opt(), group_id: opt(), group_name: opt(), env_id: opt(), ...(v2 ? TAGS : {}), ...paging },
      statuses: ['200', '400', '401', '403', '404', '500'],
      success: { shape: 'list', listField: 'auths', itemFields: v2 ? BOUND_FIELDS_V2_CURRENT : BOUND_FIELDS },
      errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3004'] },
    }),
    op('unboundApis', 'get', '/app-auths/unbinded-apis', '查看APP未绑定的API列表', {
      query: { app_id: req(), env_id: req(), group_id: opt(), api_id: opt(), api_name: opt(), ...(v2 ? TAGS : {}), ...paging },
      statuses: ['200', '400', '401', '403', '404', '500'],
      success: { shape: 'list', listField: 'apis', itemFields: v2 ? UNBOUND_FIELDS_V2 : UNBOUND_FIELDS },
      errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3004'] },
    }),
    op('boundApps', 'get', '/app-auths/binded-apps', '查看API已绑定的APP列表', {
      query: { api_id: opt(), app_name: opt(), app_id: opt(), env_id: opt(), ...paging },
      statuses: ['200', '400', '401', '403', '404', '500'],
      success: { shape: 'list', listField: 'auths', itemFields: v2 ? BOUND_FIELDS_V2_CURRENT : BOUND_FIELDS },
      errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3002'] },
    }),
    op('outline', 'get', '/resources/outline/apps', '查询APP概况', {
      statuses: v2 ? ['200', '400', '401', '403', '404', '500'] : ['200', '400', '401', '403', '500'],
      success: { shape: 'object', fields: ['authed_nums', 'unauthed_nums'] },
      errorCodes: v2 ? { '400': ['APIG.2012'], '404': ['APIG.3030'] } : {},
    }),
  );
  return list;
}

export const GRANT_OPERATIONS: readonly GrantOperationRule[] = (['v1.0', 'v1', 'v2'] as const).flatMap(operations);

/** “每个应用最多可创建5个AppCode” (user guide, 为简易认证添加AppCode). */
export const APP_CODES_PER_APP = 5;

/**
 * AppCode boundary cases. v1.0: the page's rule (英文，+_!@#$%/=，以英文和+、/开头，64-180个字符)
 * with the digits its own examples carry. v2: the current rule (英文、数字，+_!@#$%-/=，以英文、数字和+、/开头).
 */
const letters = (n: number) => 'a'.repeat(n);
const PAGE_EXAMPLE =
  'GjOD3g80AABuuFeEJpVQADBlAjBh3UzC7W+gr4VJBB5BtJ4fdVOQoSvoji3gFxUDb5pWBz9wUcw9+8/bFZ1B/4pq29wCMQC0pQWX6zTndljDEl99As1pw+WntAU9xcq+ffagoH6zDpKUvdxV6Ezj8LcCcPZN6BU=';
export const APP_CODE_CASES: ReadonlyArray<{ generation: 'v1.0' | 'v2'; value: unknown; valid: boolean; why: string }> = [
  ...(['v1.0', 'v2'] as const).flatMap((generation) => [
    { generation, value: PAGE_EXAMPLE, valid: true, why: 'the page example (160 characters, with digits)' },
    { generation, value: letters(64), valid: true, why: '64 characters: the minimum' },
    { generation, value: letters(63), valid: false, why: '63 characters' },
    { generation, value: letters(180), valid: true, why: '180 characters: the maximum' },
    { generation, value: letters(181), valid: false, why: '181 characters' },
    { generation, value: `+${letters(63)}`, valid: true, why: 'starts with +' },
    { generation, value: `/${letters(63)}`, valid: true, why: 'starts with /' },
    { generation, value: `_${letters(63)}`, valid: false, why: 'starts with _ (only English, + and / may start it)' },
    { generation, value: `=${letters(63)}`, valid: false, why: 'starts with =' },
    { generation, value: `${letters(60)}_!@#$%/=`, valid: true, why: 'every listed symbol after the first character' },
    { generation, value: `${letters(63)}^`, valid: false, why: '^ is not listed' },
    { generation, value: `${letters(63)} `, valid: false, why: 'a space is not listed' },
    { generation, value: `${letters(64)}\n`, valid: false, why: 'a trailing newline' },
    { generation, value: `${letters(63)}码`, valid: false, why: 'a Chinese character is not listed' },
    { generation, value: 64, valid: false, why: 'a number, not a string' },
  ]),
  // The generations differ: v2's current rule adds digits as first character and '-'.
  { generation: 'v1.0', value: `7${letters(63)}`, valid: false, why: 'v1.0: starts with a digit (以英文和+、/开头)' },
  { generation: 'v2', value: `7${letters(63)}`, valid: true, why: 'v2: starts with a digit (以英文、数字和+、/开头)' },
  { generation: 'v1.0', value: `${letters(63)}-`, valid: false, why: 'v1.0: - is not listed' },
  { generation: 'v2', value: `${letters(63)}-`, valid: true, why: 'v2: - is listed' },
  {
    generation: 'v2',
    value: 'fdc8d90a30174460a91ddacfa54d6f04c92e523a85cc4a1894f87cb13b6f572a',
    valid: true,
    why: 'v2: the generated example (64 hex digits)',
  },
];

/** Authorize body cases (every generation: api_ids, app_ids, env_id all 是). */
export const AUTHORIZE_CASES: ReadonlyArray<{ body: unknown; valid: boolean; why: string }> = [
  {
    body: {
      api_ids: ['5bbc47e2-95b0-4a56-904e-a3cdc422f8e9', '6632a062-9dcf-4f18-9646-3cabb925a290'],
      app_ids: ['14b399ac-967f-4115-bb62-c0346b4537e9'],
      env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID',
    },
    valid: true,
    why: 'the page example',
  },
  { body: { app_ids: ['a'], env_id: 'e' }, valid: false, why: 'api_ids missing' },
  { body: { api_ids: ['a'], env_id: 'e' }, valid: false, why: 'app_ids missing' },
  { body: { api_ids: ['a'], app_ids: ['b'] }, valid: false, why: 'env_id missing' },
  { body: { api_ids: [], app_ids: ['b'], env_id: 'e' }, valid: false, why: 'an empty api_ids authorizes nothing' },
  { body: { api_ids: ['a'], app_ids: [], env_id: 'e' }, valid: false, why: 'an empty app_ids authorizes nothing' },
  { body: { api_ids: 'a', app_ids: ['b'], env_id: 'e' }, valid: false, why: 'api_ids is a list (Array of strings), not a string' },
  { body: { api_ids: [1], app_ids: ['b'], env_id: 'e' }, valid: false, why: 'an API id is a string' },
  { body: { api_ids: [''], app_ids: ['b'], env_id: 'e' }, valid: false, why: 'an empty API id' },
  { body: { api_ids: ['a'], app_ids: ['b'], env_id: '' }, valid: false, why: 'an empty env_id' },
];

/**
 * The APP lifecycle on the three gateway generations as the source pages state it, written by
 * hand from the pages' text (never read back from spec/). Pages, by title and generation:
 *   - shared gateway (共享版, v1.0) and dedicated gateway (专享版, v1): 创建APP, 查询APP列表,
 *     查看APP详情, 修改APP, 删除APP, 重置密钥, 校验APP (the same tables on both generations);
 *   - dedicated gateway v2 (专享版, current): the same seven titles, 2021 snapshot, and where
 *     they speak the current API Explorer definitions (CreateAnAppV2, CheckAppV2, DeleteAppV2)
 *     and Huawei's Go SDK models AppCreate / AppResetCreate, which win over the 2021 page;
 *   - the error-code catalogue (错误码), where a page gives no example.
 * Create's own field rules and boundary cases are in create-app-rules.ts.
 */
import { REQUEST_FIELDS } from './create-app-rules.js';

export type Generation = 'v1.0' | 'v1' | 'v2';
export type OperationKind = 'create' | 'list' | 'show' | 'update' | 'delete' | 'reset' | 'verify';

export interface FieldRule {
  required: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  refusedCharacters?: string;
}

export interface QueryRule {
  /** `array`: a list of strings, the parameter repeated once per value (form, exploded). */
  type: 'string' | 'integer' | 'array';
  default?: number;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
}

export interface OperationRule {
  generation: Generation;
  kind: OperationKind;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** The page's title (its 功能介绍 names the operation). */
  page: string;
  pathParams: readonly string[];
  query: Readonly<Record<string, QueryRule>>;
  /** 请求消息 / 请求Body参数: the fields and their rules; undefined when the page has no body. */
  body?: Readonly<Record<string, FieldRule>>;
  /** 状态码 table. */
  statuses: readonly string[];
  /** The fields the success response's table lists (for a list: the fields of each APP). */
  responseFields: readonly string[];
  /**
   * Response fields a page's own example leaves out of an APP, so the gateway does not always send
   * them and the contract must not require them (for a list: of each APP).
   */
  responseMayBeAbsent?: readonly string[];
  /** Error codes the page's examples (or, without one, the catalogue) give, by status. */
  errorCodes: Readonly<Record<string, readonly string[]>>;
}

const BASES: Record<Generation, string> = {
  'v1.0': '/v1.0/apigw/apps',
  v1: '/v1/{project_id}/apigw/instances/{instance_id}/apps',
  v2: '/v2/{project_id}/apigw/instances/{instance_id}/apps',
};
/** 表 2 路径参数: `id` on v1.0 and v1 (“APP的编号”), `app_id` on v2. */
const APP_ID: Record<Generation, string> = { 'v1.0': 'id', v1: 'id', v2: 'app_id' };
const INSTANCE_PARAMS: Record<Generation, readonly string[]> = { 'v1.0': [], v1: ['project_id', 'instance_id'], v2: ['project_id', 'instance_id'] };

const NAME_RULE: FieldRule = {
  required: true,
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z一-龥][A-Za-z0-9_一-龥]{2,63}$',
  refusedCharacters: '[^A-Za-z0-9_一-龥]',
};
const KEY_CHARS = '[^A-Za-z0-9_-]';
const SECRET_CHARS = '[^A-Za-z0-9_!@#$%-]';

/** v1.0 / v1 bodies: the create table (create-app-rules.ts), repeated by 修改APP. */
const V1_BODY: Record<string, FieldRule> = Object.fromEntries(
  REQUEST_FIELDS.map((f) => [
    f.field,
    { required: f.required, minLength: f.minLength, maxLength: f.maxLength, pattern: f.pattern, refusedCharacters: f.refusedCharacters },
  ]),
);
/** 重置密钥 v1.0 / v1: app_secret 否, “8 ~ 64个字符”. */
const V1_RESET_BODY: Record<string, FieldRule> = { app_secret: { ...V1_BODY.app_secret!, required: false } };
/** v2 (current definitions): app_key “8 ~ 200个字符”, app_secret “8 ~ 128个字符”. */
const V2_KEY: FieldRule = { required: false, minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{7,199}$', refusedCharacters: KEY_CHARS };
const V2_SECRET: FieldRule = {
  required: false,
  minLength: 8,
  maxLength: 128,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_!@#$%-]{7,127}$',
  refusedCharacters: SECRET_CHARS,
};
/**
 * CreateAnAppV2 (API Explorer's AppCreate): related_domain_id / related_project_id, “minLength 32,
 * maxLength 36”. UpdateAppV2 takes the same model (Go SDK model_update_app_v2_request.go:
 * `Body *AppCreate`), so the same fields and rules.
 */
const V2_APP_BODY: Record<string, FieldRule> = {
  name: NAME_RULE,
  remark: { required: false, maxLength: 255 },
  app_key: V2_KEY,
  app_secret: V2_SECRET,
  related_domain_id: { required: false, minLength: 32, maxLength: 36 },
  related_project_id: { required: false, minLength: 32, maxLength: 36 },
};

/** 查询APP列表 表 2: the filters every generation takes. */
const FILTERS: Record<string, QueryRule> = {
  id: { type: 'string' },
  name: { type: 'string' },
  status: { type: 'integer' },
  app_key: { type: 'string' },
  creator: { type: 'string', enum: ['USER', 'MARKET'] },
  precise_search: { type: 'string', enum: ['name'] }, // “目前仅支持name”
};
/** v2, current definitions (Go SDK model_list_apps_v2_request.go): “凭据关联的账号ID。”, “凭据关联的项目ID。”. */
const V2_FILTERS: Record<string, QueryRule> = { related_domain_id: { type: 'string' }, related_project_id: { type: 'string' } };
/** v1.0 / v1: “每页显示的条数，默认值：20”, “页码，默认值：1”. */
const PAGE_NO_PAGING: Record<string, QueryRule> = { page_size: { type: 'integer', default: 20 }, page_no: { type: 'integer', default: 1 } };
/**
 * v2: offset “缺省值： 0” (negative counts as 0). limit: the current definitions (Go SDK
 * model_list_apps_v2_request.go, `Limit *int32`) win over the 2021 page's “最小值： 1 最大值： 500”:
 * “条目数量小于等于0时，自动转换为20，条目数量大于500时，自动转换为500” — adjusted, not refused, so any
 * int32 is taken; “缺省值： 20”.
 */
export const V2_LIMIT: QueryRule = { type: 'integer', minimum: -2147483648, maximum: 2147483647, default: 20 };
const OFFSET_PAGING: Record<string, QueryRule> = { offset: { type: 'integer', default: 0 }, limit: V2_LIMIT };

/** 响应消息 tables. */
const APP_FIELDS = ['id', 'name', 'status', 'app_key', 'app_secret', 'creator', 'register_time', 'remark', 'update_time', 'app_type'];
const RESET_FIELDS = APP_FIELDS.filter((f) => f !== 'app_type'); // 重置密钥 v1.0/v1 lists nine
const LIST_ITEM_FIELDS = [...APP_FIELDS, 'bind_num'];
const V2_LIST_ITEM_FIELDS = ['creator', 'update_time', 'app_key', 'name', 'remark', 'id', 'app_secret', 'register_time', 'status', 'bind_num'];
/** Go SDK model_app_info_with_bind_num.go adds app_type (in the page's example), related_domain_id, related_project_id and roma_app_type. */
const V2_LIST_ITEM_FIELDS_CURRENT = [...V2_LIST_ITEM_FIELDS, 'app_type', 'related_domain_id', 'related_project_id', 'roma_app_type'];
const VERIFY_FIELDS = ['id', 'name', 'remark'];
/**
 * v2 查询APP列表's example: its second APP (app_001) has no `remark` and no `app_type`, and the
 * current definitions mark both optional (omitempty; sdk-go-v2 README: such a field “is not
 * guaranteed by the gateway”). The same APP shown, updated, reset or verified lacks them too.
 */
const V2_ABSENT_IN_EXAMPLE = ['remark', 'app_type'];

/** Error codes: v2 pages' examples; v1.0/v1 pages give none, so the catalogue's. */
const CREATE_ERRORS = {
  '400': ['APIG.2011', 'APIG.2001', 'APIG.3203'],
  '401': ['APIG.1002', 'APIG.1000'],
  '403': ['APIG.1005', 'APIG.3103'],
  '500': ['APIG.9999'],
};
const NOT_FOUND: Record<Generation, string> = { 'v1.0': 'APIG.3004', v1: 'APIG.3004', v2: 'APIG.3002' };

function operations(generation: Generation): OperationRule[] {
  const base = BASES[generation];
  const id = `{${APP_ID[generation]}}`;
  const v2 = generation === 'v2';
  const withId = [...INSTANCE_PARAMS[generation], APP_ID[generation]];
  const notFound = { '404': [NOT_FOUND[generation]] };
  const badId: Record<string, readonly string[]> = v2 ? { '400': ['APIG.2012'] } : {};
  const mayBeAbsent = (fields: readonly string[]): Partial<OperationRule> => (v2 ? { responseMayBeAbsent: fields } : {});
  const op = (kind: OperationKind, method: OperationRule['method'], path: string, page: string, rest: Partial<OperationRule>): OperationRule => ({
    generation,
    kind,
    method,
    path,
    page,
    pathParams: INSTANCE_PARAMS[generation],
    query: {},
    statuses: [],
    responseFields: [],
    errorCodes: {},
    ...rest,
  });
  return [
    op('create', 'post', base, '创建APP', {
      body: v2 ? V2_APP_BODY : V1_BODY,
      statuses: ['201', '400', '401', '403', '500'],
      responseFields: APP_FIELDS,
      errorCodes: CREATE_ERRORS,
      ...mayBeAbsent(V2_ABSENT_IN_EXAMPLE),
    }),
    op('list', 'get', base, '查询APP列表', {
      query: { ...FILTERS, ...(v2 ? { ...V2_FILTERS, ...OFFSET_PAGING } : PAGE_NO_PAGING) },
      statuses: v2 ? ['200', '400', '401', '403', '500'] : ['200', '400', '401', '500'],
      responseFields: v2 ? V2_LIST_ITEM_FIELDS_CURRENT : LIST_ITEM_FIELDS,
      errorCodes: { '400': ['APIG.2011'] },
      ...mayBeAbsent(V2_ABSENT_IN_EXAMPLE),
    }),
    op('show', 'get', `${base}/${id}`, '查看APP详情', {
      pathParams: withId,
      statuses: v2 ? ['200', '400', '401', '403', '404', '500'] : ['200', '401', '403', '404', '500'],
      responseFields: APP_FIELDS,
      errorCodes: { ...notFound, ...badId },
      ...mayBeAbsent(V2_ABSENT_IN_EXAMPLE),
    }),
    op('update', 'put', `${base}/${id}`, '修改APP', {
      pathParams: withId,
      body: v2 ? V2_APP_BODY : V1_BODY,
      statuses: [v2 ? '201' : '200', '400', '401', '403', '404', '500'],
      responseFields: APP_FIELDS,
      errorCodes: { ...notFound, '400': v2 ? ['APIG.2012'] : ['APIG.2011'] },
      ...mayBeAbsent(V2_ABSENT_IN_EXAMPLE),
    }),
    op('delete', 'delete', `${base}/${id}`, '删除APP', {
      pathParams: withId,
      statuses: v2 ? ['204', '400', '401', '403', '404', '500'] : ['204', '400', '401', '403', '404', '409', '500'],
      responseFields: [],
      errorCodes: { ...notFound, ...badId },
    }),
    op('reset', 'put', `${base}/secret/${id}`, '重置密钥', {
      pathParams: withId,
      body: v2 ? { app_secret: V2_SECRET } : V1_RESET_BODY,
      statuses: ['200', '400', '401', '403', '404', '500'],
      responseFields: v2 ? APP_FIELDS : RESET_FIELDS,
      errorCodes: { ...notFound, ...badId },
      ...mayBeAbsent(V2_ABSENT_IN_EXAMPLE),
    }),
    op('verify', 'get', `${base}/validation/${id}`, '校验APP', {
      pathParams: withId,
      statuses: v2 ? ['200', '400', '401', '403', '404', '500'] : ['200', '401', '404', '500'],
      responseFields: VERIFY_FIELDS,
      errorCodes: { ...notFound, ...badId },
      ...mayBeAbsent(['remark']),
    }),
  ];
}

export const GENERATIONS: readonly Generation[] = ['v1.0', 'v1', 'v2'];
export const OPERATIONS: readonly OperationRule[] = GENERATIONS.flatMap(operations);

/** Boundary cases of the bodies that differ from Create v1 (written from the v2 limits). */
export const V2_BODY_CASES: ReadonlyArray<{ kind: OperationKind; body: Record<string, unknown>; valid: boolean; why: string }> = [
  { kind: 'create', body: { name: 'app_demo' }, valid: true, why: 'only the required name' },
  { kind: 'create', body: { name: 'app_demo', app_key: 'k'.repeat(200) }, valid: true, why: 'app_key of 200: the v2 maximum' },
  { kind: 'create', body: { name: 'app_demo', app_key: 'k'.repeat(201) }, valid: false, why: 'app_key of 201' },
  { kind: 'create', body: { name: 'app_demo', app_key: 'k'.repeat(65) }, valid: true, why: 'app_key of 65 (refused on v1.0/v1)' },
  { kind: 'create', body: { name: 'app_demo', app_secret: 's'.repeat(128) }, valid: true, why: 'app_secret of 128: the v2 maximum' },
  { kind: 'create', body: { name: 'app_demo', app_secret: 's'.repeat(129) }, valid: false, why: 'app_secret of 129' },
  { kind: 'create', body: { name: 'app_demo', app_secret: '!secret1' }, valid: false, why: 'app_secret starts with !' },
  { kind: 'create', body: { name: 'app_demo', related_domain_id: 'd'.repeat(32) }, valid: true, why: 'related_domain_id of 32' },
  { kind: 'create', body: { name: 'app_demo', related_domain_id: 'd'.repeat(31) }, valid: false, why: 'related_domain_id of 31' },
  { kind: 'create', body: { name: 'app_demo', related_project_id: 'p'.repeat(36) }, valid: true, why: 'related_project_id of 36' },
  { kind: 'create', body: { name: 'app_demo', related_project_id: 'p'.repeat(37) }, valid: false, why: 'related_project_id of 37' },
  { kind: 'create', body: { name: 'ab' }, valid: false, why: 'name of 2' },
  { kind: 'create', body: { name: 'app_demo\n' }, valid: false, why: 'name with a trailing newline' },
  { kind: 'update', body: { remark: 'no name' }, valid: false, why: 'update needs the name (是否必选: 是)' },
  { kind: 'update', body: { name: 'app_demo', app_key: 'k'.repeat(200) }, valid: true, why: 'update takes the v2 key limit' },
  { kind: 'update', body: { name: 'app_demo', app_secret: 's'.repeat(129) }, valid: false, why: 'update: app_secret of 129' },
  { kind: 'update', body: { name: 'app_demo', related_domain_id: 'd'.repeat(32) }, valid: true, why: 'update takes related_domain_id (AppCreate)' },
  { kind: 'update', body: { name: 'app_demo', related_project_id: 'p'.repeat(37) }, valid: false, why: 'update: related_project_id of 37' },
  { kind: 'reset', body: {}, valid: true, why: 'reset without a secret: the gateway generates one' },
  { kind: 'reset', body: { app_secret: 's'.repeat(128) }, valid: true, why: 'reset: app_secret of 128' },
  { kind: 'reset', body: { app_secret: 's'.repeat(7) }, valid: false, why: 'reset: app_secret of 7' },
  { kind: 'reset', body: { app_secret: '_secret12' }, valid: false, why: 'reset: app_secret starts with _' },
];

/** Boundary cases of the v1.0/v1 reset body (重置密钥: app_secret 否, 8 ~ 64). */
export const V1_RESET_CASES: ReadonlyArray<{ body: Record<string, unknown>; valid: boolean; why: string }> = [
  { body: {}, valid: true, why: 'no secret: the gateway generates one' },
  { body: { app_secret: 'app_secret_sample' }, valid: true, why: 'the source example' },
  { body: { app_secret: 's'.repeat(64) }, valid: true, why: '64 characters' },
  { body: { app_secret: 's'.repeat(65) }, valid: false, why: '65 characters: v1.0/v1 keep 8 ~ 64' },
  { body: { app_secret: 'secret^1' }, valid: false, why: '^ is not listed' },
];

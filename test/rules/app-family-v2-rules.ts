/**
 * Three v2 families beside the APP — client (credential) quotas, APP access control and AI API keys —
 * as Huawei's sources state them, written by hand from the sources' text (never read back from spec/,
 * which has none of these operations yet). All on the dedicated gateway v2 (专享版, current),
 * prefix /v2/{project_id}/apigw/instances/{instance_id}. Sources, by title:
 *   - Huawei's Go SDK (huaweicloud-sdk-go-v3, services/apig/v2, sdk-go-v2/ in the shared sources):
 *     operations.json, apig_meta_excerpt.go (path/query/body of each operation, its response model) and
 *     the models AppQuotaCreate, AppQuotaInfo, AppQuotaAppInfo, AppQuotaAppBinding,
 *     CreateAppQuotaBindingApp, AppAclCreate, AiApiKeyCreate, AiApiKeyBaseInfo and the request/response
 *     models of the 17 operations (CreateAppQuotaRequest … DeleteAiApiKeyResponse). They win for fields,
 *     types, optionality, enums and the rule text in their comments;
 *   - Open Telekom Cloud's current English v2 reference (current-v2-en/), which wins for statuses,
 *     error codes, examples and value ranges: Creating a Credential Quota, Querying Credential Quotas,
 *     Querying Credential Quota Details, Modifying a Credential Quota, Deleting a Credential Quota,
 *     Binding a Credential Quota with Credentials, Unbinding a Credential Quota from a Credential,
 *     Querying the Credentials Bound to a Specified Quota, Querying Credentials That Can Be Bound to a
 *     Credential Quota (credential_quota_management/), Querying Quotas Associated with a Credential,
 *     Configuring Access Control Settings for an App, Querying Access Control Details About an App,
 *     Deleting Access Control Settings of an App (credential_management/), and Error Codes (appendix/);
 *   - no page covers AI API keys: their fields and rules are the SDK models' alone, and every status
 *     and error code for them is a decision, marked `decided` with its reason.
 * Between a page's own example and the error-code catalogue, the page's example is what the operation
 * answers (sources README, rule 3). Patterns use the portable subset of lifecycle-rules.ts (汉字 as the
 * characters 一-龥, no \d, \w or lookaround); `refusedCharacters` is the negated class that keeps a
 * trailing newline out where `$` alone would let it through (create-app-rules.ts, RequestFieldRule).
 */
import { V2_LIMIT, type Generation, type QueryRule } from './lifecycle-rules.js';

export type Family = 'quota' | 'acl' | 'aiKey';

export type FamilySdkName =
  | 'CreateAppQuota'
  | 'ListAppQuotas'
  | 'ShowAppQuota'
  | 'UpdateAppQuota'
  | 'DeleteAppQuota'
  | 'AssociateAppsForAppQuota'
  | 'DisassociateAppQuotaWithApp'
  | 'ListAppQuotaBoundApps'
  | 'ListAppQuotaBindableApps'
  | 'ShowAppBoundAppQuota'
  | 'ShowDetailsOfAppAcl'
  | 'UpdateAppAcl'
  | 'DeleteAppAcl'
  | 'CreateAiApiKey'
  | 'ListAiApiKeys'
  | 'ShowDetailsOfAiApiKey'
  | 'DeleteAiApiKey';

/** The rule text as each source words it: the SDK model's comment (Chinese), the page's table (English). */
export interface SourceWords {
  sdk?: string;
  page?: string;
}

export interface FamilyQueryRule extends QueryRule {
  required: boolean;
  /** The SDK's Go type: `Offset *int64` (the page's “Long”), `Limit *int32`. */
  format?: 'int32' | 'int64';
  /** The page's 功能 says the filter matches part of the name (“Fuzzy query by name is supported.”). */
  fuzzy?: boolean;
  source: SourceWords;
}

export interface BodyFieldRule {
  required: boolean;
  type: 'string' | 'integer' | 'array';
  /** For integers, the SDK's Go type (int32). */
  format?: 'int32';
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  refusedCharacters?: string;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
  /** Arrays: each element's rule. */
  items?: { type: 'string'; minLength?: number; pattern?: string; refusedCharacters?: string };
  minItems?: number;
  maxItems?: number;
  source: SourceWords;
  /** Where the sources are silent or disagree: what the table takes, and why. */
  decided?: string;
}

export interface SuccessRule {
  status: string;
  /** `none`: no body (204); `object`: one record; `list`: an envelope with a list of records. */
  shape: 'none' | 'object' | 'list';
  /** For a list: the field holding the records. */
  listField?: string;
  /** For a list: the envelope's fields besides the list (the SDK requires them: no omitempty). */
  envelope?: readonly string[];
  /** The record's fields: the page's table, then what the SDK model adds (sdkOnly). */
  fields: readonly string[];
  /** Fields the SDK model has and the page's table lacks. */
  sdkOnly?: readonly string[];
  /** Fields of the record that the page's own success example shows (every record of it). */
  inExample: readonly string[];
  /** Fields of the record the SDK marks optional (omitempty; Go's convention for responses). */
  sdkOptional: readonly string[];
  /** The table's decision: fields the contract must not require (the rest are required). */
  mayBeAbsent: readonly string[];
}

export interface FamilyOperationRule {
  generation: Extract<Generation, 'v2'>;
  family: Family;
  sdkName: FamilySdkName;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** The page's title, or (AI API keys) the SDK model files. */
  page: string;
  pathParams: readonly string[];
  query: Readonly<Record<string, FamilyQueryRule>>;
  /** Whether a request body must be sent; undefined when the operation takes none. */
  bodyRequired?: boolean;
  body?: Readonly<Record<string, BodyFieldRule>>;
  /** The page's Status Codes table (AI keys: decided). */
  statuses: readonly string[];
  success: SuccessRule;
  /** Codes the page's examples give, by status (AI keys: decided). */
  errorCodes: Readonly<Record<string, readonly string[]>>;
  /** Where a source is silent: what the contract takes, and why. */
  decided: readonly string[];
}

const PREFIX = '/v2/{project_id}/apigw/instances/{instance_id}';
const INSTANCE = ['project_id', 'instance_id'] as const;

// ---------------------------------------------------------------------------------------------
// Query parameters (the three quota lists and the AI key list: the same paging).

/** “偏移量，表示从此偏移量开始查询，偏移量小于0时，自动转换为0” (int64; the page: Long, “Default: 0”). */
const OFFSET: FamilyQueryRule = {
  type: 'integer',
  format: 'int64',
  default: 0,
  required: false,
  source: {
    sdk: '偏移量，表示从此偏移量开始查询，偏移量小于0时，自动转换为0',
    page: 'Offset from which the query starts. If the value is less than 0, it is automatically converted to 0.',
  },
};
/**
 * The page says “Minimum: 1 / Maximum: 500” beside its own “A value less than or equal to 0 will be
 * automatically converted to 20, and a value greater than 500 will be automatically converted to 500”;
 * the SDK says the same conversion. Adjusted, not refused: V2_LIMIT, as the APP list already decides.
 */
const LIMIT: FamilyQueryRule = {
  ...V2_LIMIT,
  format: 'int32',
  required: false,
  source: {
    sdk: '每页显示的条目数量，条目数量小于等于0时，自动转换为20，条目数量大于500时，自动转换为500',
    page: 'Number of items displayed on each page. A value less than or equal to 0 will be automatically converted to 20, and a value greater than 500 will be automatically converted to 500. Minimum: 1 Maximum: 500 Default: 20',
  },
};
const PAGING = { offset: OFFSET, limit: LIMIT } as const;

// ---------------------------------------------------------------------------------------------
// Bodies.

/**
 * AppQuotaCreate (CreateAppQuota and UpdateAppQuota take the same model: model_update_app_quota_request.go
 * `Body *AppQuotaCreate`). No omitempty on name, call_limits, time_unit, time_interval ⇒ required; the
 * pages say Mandatory: Yes for the same four.
 */
export const QUOTA_BODY: Readonly<Record<string, BodyFieldRule>> = {
  name: {
    required: true,
    type: 'string',
    minLength: 3,
    maxLength: 255,
    pattern: '^[A-Za-z一-龥][A-Za-z0-9_一-龥]{2,254}$',
    refusedCharacters: '[^A-Za-z0-9_一-龥]',
    source: {
      sdk: '配额名称。支持汉字，英文，数字，下划线，且只能以英文和汉字开头',
      page: 'Quota name. Start with a letter. Use letters, digits, or underscores (_). Minimum: 3 Maximum: 255',
    },
    decided:
      'Characters from the SDK (汉字 allowed, and as the first character): its rule text wins over the English page, which leaves 汉字 out as it does for the APP name (the contract keeps 汉字 there too). Lengths from the page (3–255), which wins for value ranges; the SDK create model states none, its response models say the same “3-255字符”.',
  },
  call_limits: {
    required: true,
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 2147483647,
    source: { sdk: '凭据配额的访问次数限制', page: 'Maximum number of times a credential quota can be called. Minimum: 1 Maximum: 2147483647' },
  },
  time_unit: {
    required: true,
    type: 'string',
    enum: ['SECOND', 'MINUTE', 'HOUR', 'DAY'],
    source: {
      sdk: '限定时间单位：SECOND:秒、MINUTE:分、HOUR:时、DAY:天',
      page: 'Time unit. The options are SECOND, MINUTE, HOUR, and DAY. Enumeration values: SECOND MINUTE HOUR DAY',
    },
  },
  time_interval: {
    required: true,
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 2147483647,
    source: { sdk: '流控的限定时间值', page: 'Time interval for throttling. Minimum: 1 Maximum: 2147483647' },
  },
  reset_time: {
    required: false,
    type: 'string',
    pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$',
    refusedCharacters: '[^0-9 :-]',
    source: {
      sdk: '首次配额重置时间点，不配置默认为首次调用时间计算',
      page: 'Time when the quota is reset for the first time. If this parameter is not specified, the time is calculated based on the first calling time by default.',
    },
    decided:
      'No source states a format. Taken: the form of both request examples, “2020-09-20 00:00:00” (yyyy-MM-dd HH:mm:ss, no zone), months 01–12, days 01–31, hours 00–23; the calendar (2020-02-30) is not checked by the schema. ISO 8601 with T/Z and the form the gateway answers on show and list (“2020-09-20 00:00:00 +0000 +0000”) are refused on requests.',
  },
  remark: {
    required: false,
    type: 'string',
    maxLength: 255,
    pattern: '^[^<>]*$',
    refusedCharacters: '[<>]',
    source: { sdk: '参数说明和描述。  不支持<，>字符', page: 'Parameter description. Brackets (<>) are not supported. Maximum: 255' },
    decided: 'Length from the page (the SDK states none); an empty remark is taken (no minimum stated).',
  },
};

/** CreateAppQuotaBindingApp: `AppIds []string` (no omitempty); the page: app_ids, Yes, Array of strings, “Credential ID List.”. */
export const BINDING_BODY: Readonly<Record<string, BodyFieldRule>> = {
  app_ids: {
    required: true,
    type: 'array',
    items: { type: 'string', minLength: 1 },
    minItems: 1,
    source: { sdk: '凭据编号列表', page: 'Credential ID List.' },
    decided:
      'Neither source bounds the list. minItems 1 and non-empty ids: an empty list binds nothing (as AUTHORIZE_CASES decides for app_ids). No maximum stated, so none; duplicates are not refused by the schema (the mock binds an APP once).',
  },
};

/** IPv4 octet 0–255 without leading zeros; mask 0–32. */
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = `${OCTET}([.]${OCTET}){3}`;
const MASK = '(3[0-2]|[12][0-9]|[0-9])';
/** An ACL value: an IP, an IP range `a-b` (ASCII hyphen: 英文中划线), or a CIDR block `a/n`. */
export const ACL_VALUE_PATTERN = `^${IPV4}(-${IPV4}|/${MASK})?$`;

/** AppAclCreate: both fields without omitempty ⇒ required; the page: both Mandatory: Yes. */
export const ACL_BODY: Readonly<Record<string, BodyFieldRule>> = {
  app_acl_type: {
    required: true,
    type: 'string',
    enum: ['PERMIT', 'DENY'],
    source: { sdk: '类型 - PERMIT：白名单类型 - DENY：黑名单类型', page: 'Type: - PERMIT (whitelist) - DENY (blacklist)' },
    decided:
      'The SDK types the field as a plain string (no Go enum type), its comment lists PERMIT and DENY, and so does the page: the enum is those two, exact case.',
  },
  app_acl_values: {
    required: true,
    type: 'array',
    items: { type: 'string', pattern: ACL_VALUE_PATTERN, refusedCharacters: '[^0-9./-]' },
    minItems: 1,
    source: {
      sdk: 'ACL策略值，支持IP、IP范围和CIDR方式。IP范围以英文中划线分隔。',
      page: 'Access control values. The values can be IP addresses, IP address ranges, or CIDR blocks. Use hyphens (-) to separate IP address segments.',
    },
    decided:
      'IPv4 only: both sources say “IP” and every example is dotted IPv4 (192.168.0.1, 192.168.0.5-192.168.0.10, 192.168.0.100/28); no source mentions IPv6, so it is refused. Octets 0–255 without leading zeros, masks /0–/32; a CIDR need not be a network address (the page example 192.168.0.100/28 has host bits set). A range is two IPs joined by the ASCII hyphen (英文中划线), no spaces; the order of its ends is not stated, so not checked. List size: no source bounds it; minItems 1 (an empty list configures nothing: DeleteAppAcl removes the settings), no maximum, duplicates not refused.',
  },
};

/** AiApiKeyCreate: both fields omitempty ⇒ optional, and the request's Body is omitempty too. */
export const AI_API_KEY_BODY: Readonly<Record<string, BodyFieldRule>> = {
  ai_api_key: {
    required: false,
    type: 'string',
    minLength: 8,
    maxLength: 128,
    pattern: '^[A-Za-z0-9+_/=-]{8,128}$',
    refusedCharacters: '[^A-Za-z0-9+_/=-]',
    source: { sdk: 'AIAPIKey值，不指定具体值时，由后台自动生成随机字符串。 支持大小写英文字母、数字，以及+-_/=特殊字符，长度为8~128个字符。' },
    decided: 'No rule for the first character is stated (unlike app_key), so any listed character may start the key.',
  },
  alias: {
    required: false,
    type: 'string',
    minLength: 1,
    maxLength: 100,
    pattern: '^[A-Za-z0-9_-]{1,100}$',
    refusedCharacters: '[^A-Za-z0-9_-]',
    source: { sdk: 'AIAPIKey的别名。支持大小写字母，数字，下划线，中划线，长度为1~100个字符。' },
    decided: '大小写字母 read as the English letters A–Z, a–z (upper and lower case exist only there); 汉字 refused.',
  },
};

// ---------------------------------------------------------------------------------------------
// Success records.

/** Table 4 (Creating a Credential Quota) and AppQuotaInfo: the quota as every quota operation answers it. */
const QUOTA_FIELDS = ['app_quota_id', 'name', 'call_limits', 'time_unit', 'time_interval', 'remark', 'reset_time', 'create_time', 'bound_app_num'];
/** Create, show, list and update examples: a quota created with reset_time, no remark, no bound_app_num. */
const QUOTA_IN_EXAMPLE = ['app_quota_id', 'call_limits', 'create_time', 'name', 'reset_time', 'time_interval', 'time_unit'];
/**
 * remark and bound_app_num are left out of four of the five examples; reset_time is in all five, but
 * every example quota was created with one and the field is optional on create (“If this parameter is
 * not specified, the time is calculated based on the first calling time by default”).
 */
const QUOTA_MAY_BE_ABSENT = ['remark', 'reset_time', 'bound_app_num'];
const quotaObject = (status: string, inExample: readonly string[] = QUOTA_IN_EXAMPLE): SuccessRule => ({
  status,
  shape: 'object',
  fields: QUOTA_FIELDS,
  inExample,
  sdkOptional: QUOTA_FIELDS,
  mayBeAbsent: QUOTA_MAY_BE_ABSENT,
});

/** Table 5 AppQuotaAppInfo (bound and bindable lists); the SDK model adds related_domain_id and related_project_id. */
const QUOTA_APP_PAGE_FIELDS = ['app_id', 'name', 'status', 'app_key', 'remark', 'register_time', 'update_time', 'app_quota_id', 'app_quota_name', 'bound_time'];
const QUOTA_APP_SDK_ONLY = ['related_domain_id', 'related_project_id'];
const QUOTA_APP_FIELDS = [...QUOTA_APP_PAGE_FIELDS, ...QUOTA_APP_SDK_ONLY];
/** Both examples show these seven; bound adds app_quota_name (but not app_quota_id). */
const QUOTA_APP_IN_BOTH = ['app_id', 'app_key', 'bound_time', 'name', 'register_time', 'status', 'update_time'];
const QUOTA_APP_MAY_BE_ABSENT = ['remark', 'app_quota_id', 'app_quota_name', 'related_domain_id', 'related_project_id'];

/** Table 5 AppQuotaAppBinding. */
const BINDING_FIELDS = ['app_quota_id', 'app_id', 'bound_time'];
/** Table 4 of the three ACL pages. */
const ACL_FIELDS = ['app_id', 'app_acl_type', 'app_acl_values'];
/** AiApiKeyBaseInfo / Create…, ShowDetailsOf…Response: all omitempty. */
const AI_KEY_FIELDS = ['ai_api_key', 'alias', 'app_id', 'create_time', 'id'];

const NONE = (status: string): SuccessRule => ({ status, shape: 'none', fields: [], inExample: [], sdkOptional: [], mayBeAbsent: [] });
const AUTH_ERRORS = { '401': ['APIG.1002'], '403': ['APIG.1005'], '500': ['APIG.9999'] } as const;

// ---------------------------------------------------------------------------------------------
// The 17 operations.

const op = (
  family: Family,
  sdkName: FamilySdkName,
  method: FamilyOperationRule['method'],
  path: string,
  page: string,
  rest: Partial<FamilyOperationRule> & Pick<FamilyOperationRule, 'statuses' | 'success' | 'errorCodes'>,
): FamilyOperationRule => ({
  generation: 'v2',
  family,
  sdkName,
  method,
  path: `${PREFIX}${path}`,
  page,
  pathParams: INSTANCE,
  query: {},
  decided: [],
  ...rest,
});

const QUOTA = '/app-quotas/{app_quota_id}';
const WITH_QUOTA = [...INSTANCE, 'app_quota_id'];
const WITH_APP = [...INSTANCE, 'app_id'];
const WITH_AI_KEY = [...INSTANCE, 'app_id', 'ai_api_key_id'];
const ALL_STATUSES = (success: string) => [success, '400', '401', '403', '404', '500'];
const INVALID_BODY_DECIDED =
  "A body that breaks a field rule answers 400 APIG.2012 (the family's invalid-parameter example, “Invalid parameter value,parameterName:…”; the catalogue: “Invalid parameter value.”).";
const AI_PAGE = 'none (SDK models only): model_ai_api_key_create.go, model_ai_api_key_base_info.go';
const AI_STATUSES_DECIDED =
  "decided: the statuses of the v2 AppCode operations beside it (an APP's credential under /apps/{app_id}/…: 201 create, 200 list and show, 204 delete, each with 400, 401, 403, 404, 500), since no page exists; show answers 200 only (the AppCode page's 201 for a GET is not copied).";
const AI_ERRORS_DECIDED =
  "decided: 400 APIG.2012, 401 APIG.1002, 403 APIG.1005, 404 APIG.3004 (the APP), 500 APIG.9999: the codes the family's pages give for the same situations, since no page exists.";

export const FAMILY_OPERATIONS: readonly FamilyOperationRule[] = [
  // ----- client quotas (客户端配额 / credential quotas)
  op('quota', 'CreateAppQuota', 'post', '/app-quotas', 'Creating a Credential Quota', {
    bodyRequired: true,
    body: QUOTA_BODY,
    statuses: ALL_STATUSES('201'),
    success: quotaObject('201'),
    errorCodes: { '400': ['APIG.3325'], '404': ['APIG.3030'], ...AUTH_ERRORS },
    decided: [
      INVALID_BODY_DECIDED,
      'The request Body is omitempty in the SDK (every Go request body is), but its model requires four fields: the body is required.',
    ],
  }),
  op('quota', 'ListAppQuotas', 'get', '/app-quotas', 'Querying Credential Quotas', {
    query: {
      ...PAGING,
      name: { type: 'string', required: false, fuzzy: true, source: { sdk: '凭据配额名称', page: 'Credential quota name.' } },
    },
    statuses: ['200', '400', '401', '403', '500'],
    success: { ...quotaObject('200'), shape: 'list', listField: 'quotas', envelope: ['size', 'total'] },
    errorCodes: { '400': ['APIG.2012'], ...AUTH_ERRORS },
    decided: [
      'The page lists no 404 (nor any 404 example), so none is declared.',
      "quotas is omitempty in the SDK but in the page's table and example: required, as the APP list decides for apps.",
    ],
  }),
  op('quota', 'ShowAppQuota', 'get', QUOTA, 'Querying Credential Quota Details', {
    pathParams: WITH_QUOTA,
    statuses: ALL_STATUSES('200'),
    success: quotaObject('200'),
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3093'], ...AUTH_ERRORS },
  }),
  op('quota', 'UpdateAppQuota', 'put', QUOTA, 'Modifying a Credential Quota', {
    pathParams: WITH_QUOTA,
    bodyRequired: true,
    body: QUOTA_BODY,
    statuses: ALL_STATUSES('200'),
    success: quotaObject('200'),
    errorCodes: { '400': ['APIG.3325'], '404': ['APIG.3093'], ...AUTH_ERRORS },
    decided: [
      INVALID_BODY_DECIDED,
      "A full replacement: the same model as create, the same four fields required. Keeping the quota's own name is not a name conflict.",
    ],
  }),
  op('quota', 'DeleteAppQuota', 'delete', QUOTA, 'Deleting a Credential Quota', {
    pathParams: WITH_QUOTA,
    statuses: ALL_STATUSES('204'),
    success: NONE('204'),
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3093'], ...AUTH_ERRORS },
  }),
  op('quota', 'AssociateAppsForAppQuota', 'post', `${QUOTA}/binding-apps`, 'Binding a Credential Quota with Credentials', {
    pathParams: WITH_QUOTA,
    bodyRequired: true,
    body: BINDING_BODY,
    statuses: ALL_STATUSES('201'),
    success: {
      status: '201',
      shape: 'list',
      listField: 'applies',
      envelope: [],
      fields: BINDING_FIELDS,
      inExample: BINDING_FIELDS,
      sdkOptional: BINDING_FIELDS,
      mayBeAbsent: [],
    },
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3093'], ...AUTH_ERRORS },
    decided: [
      INVALID_BODY_DECIDED,
      "An id in app_ids naming no APP of the gateway: 404 APIG.3004 (the catalogue's “The app does not exist.”, the code the ACL pages give for a missing APP); no page says.",
      'An APP already bound to a quota (this one or another): 400 APIG.2012 naming app_ids; see FAMILY_BEHAVIOUR (one quota per APP).',
      'applies lists one record per APP bound by this call, all three fields in the example: all required (the SDK marks them optional).',
    ],
  }),
  op('quota', 'DisassociateAppQuotaWithApp', 'delete', `${QUOTA}/bound-apps/{app_id}`, 'Unbinding a Credential Quota from a Credential', {
    pathParams: [...WITH_QUOTA, 'app_id'],
    statuses: ALL_STATUSES('204'),
    success: NONE('204'),
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3093'], ...AUTH_ERRORS },
    decided: [
      "An app_id that names no APP, or an APP not bound to this quota: 404 APIG.3004 (the catalogue's “The app does not exist.”; no code names a missing quota binding). The page's example 404 is the missing quota (APIG.3093).",
    ],
  }),
  op('quota', 'ListAppQuotaBoundApps', 'get', `${QUOTA}/bound-apps`, 'Querying the Credentials Bound to a Specified Quota', {
    pathParams: WITH_QUOTA,
    query: {
      ...PAGING,
      app_name: { type: 'string', required: false, fuzzy: true, source: { sdk: 'APP凭据名称。', page: 'Credential name.' } },
    },
    statuses: ALL_STATUSES('200'),
    success: {
      status: '200',
      shape: 'list',
      listField: 'apps',
      envelope: ['size', 'total'],
      fields: QUOTA_APP_FIELDS,
      sdkOnly: QUOTA_APP_SDK_ONLY,
      inExample: [...QUOTA_APP_IN_BOTH, 'app_quota_name'],
      sdkOptional: QUOTA_APP_FIELDS,
      mayBeAbsent: QUOTA_APP_MAY_BE_ABSENT,
    },
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3093'], ...AUTH_ERRORS },
    decided: [
      "The example's APP has app_quota_name but no app_quota_id (nor remark): both optional. related_domain_id and related_project_id are the SDK's only, for an APP created with them.",
    ],
  }),
  op('quota', 'ListAppQuotaBindableApps', 'get', `${QUOTA}/bindable-apps`, 'Querying Credentials That Can Be Bound to a Credential Quota', {
    pathParams: WITH_QUOTA,
    query: {
      ...PAGING,
      app_name: { type: 'string', required: false, fuzzy: true, source: { sdk: '应用名称', page: 'App name.' } },
    },
    statuses: ALL_STATUSES('200'),
    success: {
      status: '200',
      shape: 'list',
      listField: 'apps',
      envelope: ['size', 'total'],
      fields: QUOTA_APP_FIELDS,
      sdkOnly: QUOTA_APP_SDK_ONLY,
      inExample: QUOTA_APP_IN_BOTH,
      sdkOptional: QUOTA_APP_FIELDS,
      mayBeAbsent: QUOTA_APP_MAY_BE_ABSENT,
    },
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3093'], ...AUTH_ERRORS },
    decided: [
      "The example's unbound APP carries bound_time “0001-01-01T00:00:00Z” (Go's zero time) and no app_quota_id or app_quota_name: bound_time stays required and the mock sends the zero time for an APP bound to no quota.",
    ],
  }),
  op('quota', 'ShowAppBoundAppQuota', 'get', '/apps/{app_id}/bound-quota', 'Querying Quotas Associated with a Credential', {
    pathParams: WITH_APP,
    statuses: ALL_STATUSES('200'),
    success: quotaObject('200', QUOTA_FIELDS),
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3002'], ...AUTH_ERRORS },
    decided: [
      "The missing APP answers APIG.3002 (“App 98df09fb-… does not exist”) as the page's example gives it, though the catalogue files APIG.3002 as “The API does not exist.” and the ACL pages use APIG.3004: the page's example wins for this operation (sources README, rule 3).",
      "An APP bound to no quota: 404 APIG.3093 (the family's “App quota … does not exist”), so the 200 answer keeps its required fields; no page says.",
      'The example shows all nine fields (remark, bound_app_num 0) but the same quota shapes elsewhere omit remark and bound_app_num: mayBeAbsent as for the other quota answers.',
    ],
  }),

  // ----- APP access control (APP访问控制)
  op('acl', 'ShowDetailsOfAppAcl', 'get', '/apps/{app_id}/app-acl', 'Querying Access Control Details About an App', {
    pathParams: WITH_APP,
    statuses: ALL_STATUSES('200'),
    success: {
      status: '200',
      shape: 'object',
      fields: ACL_FIELDS,
      inExample: ACL_FIELDS,
      sdkOptional: ACL_FIELDS,
      mayBeAbsent: ['app_acl_type', 'app_acl_values'],
    },
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3004'], ...AUTH_ERRORS },
    decided: [
      "An APP without access control settings (never set, or deleted): 200 with app_id only, app_acl_type and app_acl_values left out. The settings belong to the APP (no id of their own, set by PUT, removed by DELETE), the SDK marks both optional, and the page's 404 is the missing APP (APIG.3004). So only app_id is required on this answer.",
    ],
  }),
  op('acl', 'UpdateAppAcl', 'put', '/apps/{app_id}/app-acl', 'Configuring Access Control Settings for an App', {
    pathParams: WITH_APP,
    bodyRequired: true,
    body: ACL_BODY,
    statuses: ALL_STATUSES('201'),
    success: { status: '201', shape: 'object', fields: ACL_FIELDS, inExample: ACL_FIELDS, sdkOptional: ACL_FIELDS, mayBeAbsent: [] },
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3004'], ...AUTH_ERRORS },
    decided: [
      INVALID_BODY_DECIDED,
      "The PUT replaces the APP's settings (type and values) and answers 201 (the page's status, though a PUT) with them as stored.",
    ],
  }),
  op('acl', 'DeleteAppAcl', 'delete', '/apps/{app_id}/app-acl', 'Deleting Access Control Settings of an App', {
    pathParams: WITH_APP,
    statuses: ALL_STATUSES('204'),
    success: NONE('204'),
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3004'], ...AUTH_ERRORS },
    decided: ['An APP without settings: 204 as well (nothing left to delete is not an error); 404 only for a missing APP.'],
  }),

  // ----- AI API keys (no page: SDK models only)
  op('aiKey', 'CreateAiApiKey', 'post', '/apps/{app_id}/ai-api-keys', AI_PAGE, {
    pathParams: WITH_APP,
    bodyRequired: false,
    body: AI_API_KEY_BODY,
    statuses: ALL_STATUSES('201'),
    success: { status: '201', shape: 'object', fields: AI_KEY_FIELDS, inExample: [], sdkOptional: AI_KEY_FIELDS, mayBeAbsent: ['alias'] },
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3004'], ...AUTH_ERRORS, '403': ['APIG.1005', 'APIG.3100'] },
    decided: [
      AI_STATUSES_DECIDED,
      AI_ERRORS_DECIDED,
      "The body is optional (the SDK's Body and both its fields are omitempty): no body or {} ⇒ the gateway generates the key (“不指定具体值时，由后台自动生成随机字符串”), as ResetAppSecretV2's optional body.",
      "Required in the answer: id, ai_api_key, app_id, create_time (the key's identity, value, APP and time, as the AppCode answers keep theirs); alias only when one was given.",
      "Over the per-APP count limit (“AIAPIKey的创建数量上限可以通过配额调整”, no number given): 403 APIG.3100 (the catalogue's generic “The number of resources exceeds the maximum allowed limit.”).",
      "A key value already used on the gateway: 400; no source names the code, so tests pin the status only (the mock answers APIG.3310, the catalogue's “The AppKey already exists.”).",
    ],
  }),
  op('aiKey', 'ListAiApiKeys', 'get', '/apps/{app_id}/ai-api-keys', AI_PAGE, {
    pathParams: WITH_APP,
    query: PAGING,
    statuses: ALL_STATUSES('200'),
    success: {
      status: '200',
      shape: 'list',
      listField: 'ai_api_keys',
      envelope: ['size', 'total'],
      fields: AI_KEY_FIELDS,
      inExample: [],
      sdkOptional: AI_KEY_FIELDS,
      mayBeAbsent: ['alias'],
    },
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3004'], ...AUTH_ERRORS },
    decided: [
      AI_STATUSES_DECIDED,
      AI_ERRORS_DECIDED,
      'The list shows the keys masked: “AIAPIKey列表，展示匿名化的已经创建的AIAPIKey。” The contract states that the values are not the keys; the mock sends the first 4 characters followed by ****.',
    ],
  }),
  op('aiKey', 'ShowDetailsOfAiApiKey', 'get', '/apps/{app_id}/ai-api-keys/{ai_api_key_id}', AI_PAGE, {
    pathParams: WITH_AI_KEY,
    statuses: ALL_STATUSES('200'),
    success: { status: '200', shape: 'object', fields: AI_KEY_FIELDS, inExample: [], sdkOptional: AI_KEY_FIELDS, mayBeAbsent: ['alias'] },
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3004'], ...AUTH_ERRORS },
    decided: [
      AI_STATUSES_DECIDED,
      AI_ERRORS_DECIDED,
      'A missing key: 404; no page or catalogue entry names its code, so the contract fixes the status and the {error_code, error_msg} shape only.',
      "Show answers the key unmasked (only the list's comment says 匿名化).",
    ],
  }),
  op('aiKey', 'DeleteAiApiKey', 'delete', '/apps/{app_id}/ai-api-keys/{ai_api_key_id}', AI_PAGE, {
    pathParams: WITH_AI_KEY,
    statuses: ALL_STATUSES('204'),
    success: NONE('204'),
    errorCodes: { '400': ['APIG.2012'], '404': ['APIG.3004'], ...AUTH_ERRORS },
    decided: [AI_STATUSES_DECIDED, AI_ERRORS_DECIDED, 'A missing key: 404, code not pinned (as show).'],
  }),
];

// ---------------------------------------------------------------------------------------------
// Stateful behaviour, for the mock and its tests.

export interface BehaviourRule {
  /** `app`: what the APP's own lifecycle does to these families. */
  family: Family | 'app';
  rule: string;
  /** `page`/`sdk`: the source states it (quoted); `implied`: the operations' shape says it; `decided`: no source does. */
  basis: 'page' | 'sdk' | 'implied' | 'decided';
  quote?: string;
  /** What the mock does. */
  mock: string;
}

export const FAMILY_BEHAVIOUR: readonly BehaviourRule[] = [
  {
    family: 'quota',
    rule: 'Deleting a quota deletes its bindings.',
    basis: 'page',
    quote: 'When a credential quota is deleted, the association between the quota and credential is also deleted. (Deleting a Credential Quota)',
    mock: 'After DeleteAppQuota, each formerly bound APP has no quota: ShowAppBoundAppQuota answers 404 APIG.3093 and the APP is bindable again.',
  },
  {
    family: 'quota',
    rule: 'Quota names are unique on a gateway (create and update).',
    basis: 'page',
    quote: '400 APIG.3325 “The API quota name already exists” (the examples of Creating and Modifying a Credential Quota)',
    mock: 'Exact, case-sensitive match against the other quotas of the same project and instance (as APP names, APIG.3203); an update that keeps its own name passes.',
  },
  {
    family: 'quota',
    rule: 'bound_app_num counts the APPs bound to the quota.',
    basis: 'page',
    quote: 'Number of applications bound to the quota policy. / 配额策略已绑定应用数量',
    mock: 'Rises by the APPs a binding call binds, falls on unbinding, on deleting a bound APP; 0 for a new quota. Note: the bound-quota example shows bound_app_num 0 for a quota the APP is bound to — an example artefact, not a rule.',
  },
  {
    family: 'quota',
    rule: 'An APP is bound to at most one quota.',
    basis: 'implied',
    quote: 'GET /apps/{app_id}/bound-quota answers one quota object (Querying Quotas Associated with a Credential)',
    mock: 'Binding an APP already bound (to this quota or another) answers 400 APIG.2012 (decided: no page says whether it moves or is refused).',
  },
  {
    family: 'quota',
    rule: "The bindable APPs are the gateway's APPs bound to no quota.",
    basis: 'decided',
    quote:
      "the example's APP has bound_time “0001-01-01T00:00:00Z” and no app_quota_id / app_quota_name (Querying Credentials That Can Be Bound to a Credential Quota)",
    mock: "bindable-apps lists the unbound APPs with bound_time 0001-01-01T00:00:00Z; bound-apps lists this quota's APPs with app_quota_name and their bound_time.",
  },
  {
    family: 'quota',
    rule: 'The name filters match part of the name.',
    basis: 'page',
    quote: 'Fuzzy query by name is supported. / Fuzzy match by credential name is supported. / Fuzzy search by credential name is supported.',
    mock: 'name (ListAppQuotas) and app_name (bound-apps, bindable-apps) are case-sensitive substring filters (decided: case sensitivity unstated).',
  },
  {
    family: 'quota',
    rule: 'reset_time is answered in two forms.',
    basis: 'page',
    quote: 'create and update answer “2020-09-20 00:00:00” as sent; show, list and bound-quota answer “2020-09-20 00:00:00 +0000 +0000”',
    mock: 'Answers reset_time as sent (the contract types the answer as any string); create_time in RFC 3339 (“2020-09-19T07:27:47Z”).',
  },
  {
    family: 'quota',
    rule: 'No number of quotas per gateway or APPs per quota is stated.',
    basis: 'decided',
    mock: "No limit beyond the mock's own memory bounds.",
  },
  {
    family: 'acl',
    rule: 'An APP has one set of access control settings, replaced by each PUT.',
    basis: 'implied',
    quote: 'PUT/GET/DELETE /apps/{app_id}/app-acl, no id of its own',
    mock: 'PUT stores { app_acl_type, app_acl_values } as sent (replacing, not merging) and answers 201 with app_id; GET answers them, or { app_id } alone when none are set; DELETE removes them (204, also when none are set).',
  },
  {
    family: 'acl',
    rule: 'PERMIT is a whitelist, DENY a blacklist of caller IPs.',
    basis: 'sdk',
    quote: '类型 - PERMIT：白名单类型 - DENY：黑名单类型',
    mock: 'Stored only: the management API has no call that shows the filtering.',
  },
  {
    family: 'aiKey',
    rule: 'A key not given is generated.',
    basis: 'sdk',
    quote: 'AIAPIKey值，不指定具体值时，由后台自动生成随机字符串。',
    mock: 'Generates a random key within its own rule (8–128 of A–Z a–z 0–9 + - _ / =; the mock uses 64 alphanumerics).',
  },
  {
    family: 'aiKey',
    rule: 'The list shows keys anonymized.',
    basis: 'sdk',
    quote: 'AIAPIKey列表，展示匿名化的已经创建的AIAPIKey。',
    mock: 'ListAiApiKeys sends the first 4 characters then **** (decided format); create and show send the key itself.',
  },
  {
    family: 'aiKey',
    rule: 'The number of AI API keys is limited, adjustable by quota; the number is not stated.',
    basis: 'sdk',
    quote: 'AIAPIKey的创建数量上限可以通过配额调整。',
    mock: 'Decided: no limit by default; a test that needs the refusal configures one, and create then answers 403 APIG.3100.',
  },
  {
    family: 'aiKey',
    rule: 'Key values are unique on a gateway.',
    basis: 'decided',
    mock: 'A key value already used answers 400 (mock: APIG.3310); aliases may repeat (no rule stated).',
  },
  {
    family: 'app',
    rule: 'Deleting an APP removes what hangs on it: its quota binding, its access control settings, its AI API keys.',
    basis: 'decided',
    quote: "by analogy with the page's rule for deleting a quota",
    mock: 'DeleteAppV2 unbinds the APP (bound_app_num falls) and drops its ACL and AI keys.',
  },
];

/** Stated counts: none of the three families gives a number. */
export const FAMILY_LIMITS = {
  aiApiKeysPerApp: null,
  appAclValues: { min: 1, max: null },
  bindingAppIds: { min: 1, max: null },
  quotasPerGateway: null,
} as const;

// ---------------------------------------------------------------------------------------------
// Where the sources disagree, and which wins (sources README: the SDK for fields, types,
// optionality, enums and its rule text; current-v2-en for statuses, error codes, examples, ranges).

export const SOURCE_DISAGREEMENTS: ReadonlyArray<{ about: string; sdk: string; page: string; wins: string }> = [
  {
    about: 'quota name characters',
    sdk: '支持汉字，英文，数字，下划线，且只能以英文和汉字开头',
    page: 'Start with a letter. Use letters, digits, or underscores (_).',
    wins: 'SDK (its rule text): 汉字 allowed and may start the name, as the contract keeps for the APP name. Length 3–255: page (the SDK create model gives none).',
  },
  {
    about: 'list limit (four lists)',
    sdk: '条目数量小于等于0时，自动转换为20，条目数量大于500时，自动转换为500',
    page: 'the same conversion, beside “Minimum: 1 Maximum: 500”',
    wins: "The conversion (the SDK, and the page's own description): any int32 taken, V2_LIMIT, as the APP list already decides.",
  },
  {
    about: 'quota remark and create-body lengths',
    sdk: '参数说明和描述。  不支持<，>字符 (no length; call_limits and time_interval without bounds)',
    page: 'Maximum: 255; call_limits and time_interval Minimum: 1 Maximum: 2147483647',
    wins: 'Page (value ranges); the character rule agrees.',
  },
  {
    about: 'AppQuotaAppInfo fields',
    sdk: 'adds related_domain_id, related_project_id',
    page: 'ten fields without them',
    wins: 'SDK (fields): listed, optional (in no example).',
  },
  {
    about: 'app_acl_type enum',
    sdk: 'plain string; the comment lists PERMIT / DENY',
    page: 'PERMIT (whitelist), DENY (blacklist)',
    wins: 'Agree on the values; the enum is taken from both.',
  },
  {
    about: 'response optionality',
    sdk: 'every response field omitempty (except size and total of the lists)',
    page: 'examples show subsets (no remark/bound_app_num on quotas, no app_quota_id on bound APPs)',
    wins: 'Neither alone: required = what every example shows and the record is, mayBeAbsent = what an example omits or the SDK adds (SuccessRule).',
  },
  {
    about: 'error codes absent from the catalogue',
    sdk: '—',
    page: 'APIG.3093 (“App quota … does not exist”), APIG.3325 (“The API quota name already exists”); APIG.3002 for a missing APP (catalogue: “The API does not exist.”); 403 APIG.1005 (catalogue: 401)',
    wins: "The page's examples, per operation (sources README, rule 3).",
  },
  {
    about: 'missing APP code between pages',
    sdk: '—',
    page: 'ACL pages: 404 APIG.3004; Querying Quotas Associated with a Credential: 404 APIG.3002',
    wins: 'Each page for its own operation.',
  },
  {
    about: 'project_id',
    sdk: 'not a request field (the SDK fills it from its credentials)',
    page: 'Path parameter, Mandatory: Yes',
    wins: 'Both say it is in the path: pathParams keep it.',
  },
];

// ---------------------------------------------------------------------------------------------
// Case tables, to run through the spec's validators (whole request bodies).

export interface BodyCase {
  body: unknown;
  valid: boolean;
  why: string;
}
export interface ValueCase {
  value: unknown;
  valid: boolean;
  why: string;
}

/** The smallest valid quota body: the page's request example without the optional reset_time. */
export const QUOTA_BASE = { name: 'ClientQuota_demo', call_limits: 1000, time_unit: 'DAY', time_interval: 1 } as const;
/** The base quota body with one field changed (`undefined` drops it). */
export function quotaBody(field: string, value: unknown): Record<string, unknown> {
  const body: Record<string, unknown> = { ...QUOTA_BASE };
  if (value === undefined) delete body[field];
  else body[field] = value;
  return body;
}
const s = (c: string, n: number) => c.repeat(n);

/** Create and update quota bodies (AppQuotaCreate, both operations). */
export const QUOTA_CASES: readonly BodyCase[] = [
  {
    body: { call_limits: 1000, name: 'ClientQuota_demo', reset_time: '2020-09-20 00:00:00', time_interval: 1, time_unit: 'DAY' },
    valid: true,
    why: "the page's request example (create and modify)",
  },
  { body: QUOTA_BASE, valid: true, why: 'the four required fields only' },
  { body: {}, valid: false, why: 'an empty body: name, call_limits, time_unit, time_interval are Mandatory: Yes' },
  // name: 3–255 (page), 汉字/英文/数字/下划线, starting with 英文 or 汉字 (SDK)
  { body: quotaBody('name', undefined), valid: false, why: 'name missing (Mandatory: Yes; no omitempty)' },
  { body: quotaBody('name', 'abc'), valid: true, why: 'name of 3: the minimum (Minimum: 3)' },
  { body: quotaBody('name', 'ab'), valid: false, why: 'name of 2: one under Minimum: 3' },
  { body: quotaBody('name', s('q', 255)), valid: true, why: 'name of 255: the maximum (Maximum: 255)' },
  { body: quotaBody('name', s('q', 256)), valid: false, why: 'name of 256: one over Maximum: 255' },
  { body: quotaBody('name', s('配', 255)), valid: true, why: 'name of 255 汉字: characters, not bytes' },
  { body: quotaBody('name', '配额_01'), valid: true, why: 'starts with 汉字 (SDK: 只能以英文和汉字开头; wins over the page)' },
  { body: quotaBody('name', 'Quota_2_b'), valid: true, why: 'letters, digits and _ after a letter' },
  { body: quotaBody('name', '_quota'), valid: false, why: 'starts with _ (只能以英文和汉字开头 / Start with a letter)' },
  { body: quotaBody('name', '1quota'), valid: false, why: 'starts with a digit' },
  { body: quotaBody('name', 'quota-1'), valid: false, why: '- is not listed (英文，数字，下划线)' },
  { body: quotaBody('name', 'quota 1'), valid: false, why: 'a space is not listed' },
  { body: quotaBody('name', 'quota.1'), valid: false, why: '. is not listed' },
  { body: quotaBody('name', 'ClientQuota_demo\n'), valid: false, why: 'a trailing newline' },
  { body: quotaBody('name', 123), valid: false, why: 'a number, not a String' },
  // call_limits: Integer 1–2147483647
  { body: quotaBody('call_limits', undefined), valid: false, why: 'call_limits missing' },
  { body: quotaBody('call_limits', 1), valid: true, why: 'call_limits 1: Minimum: 1' },
  { body: quotaBody('call_limits', 0), valid: false, why: 'call_limits 0: one under Minimum: 1' },
  { body: quotaBody('call_limits', -1), valid: false, why: 'call_limits negative' },
  { body: quotaBody('call_limits', 2147483647), valid: true, why: 'call_limits 2147483647: Maximum' },
  { body: quotaBody('call_limits', 2147483648), valid: false, why: 'call_limits 2147483648: one over Maximum (int32)' },
  { body: quotaBody('call_limits', 1.5), valid: false, why: 'call_limits 1.5: not an Integer' },
  { body: quotaBody('call_limits', '1000'), valid: false, why: 'call_limits as a string' },
  // time_unit: SECOND, MINUTE, HOUR, DAY
  { body: quotaBody('time_unit', undefined), valid: false, why: 'time_unit missing' },
  { body: quotaBody('time_unit', 'SECOND'), valid: true, why: 'time_unit SECOND (SECOND:秒)' },
  { body: quotaBody('time_unit', 'MINUTE'), valid: true, why: 'time_unit MINUTE (MINUTE:分)' },
  { body: quotaBody('time_unit', 'HOUR'), valid: true, why: 'time_unit HOUR (HOUR:时)' },
  { body: quotaBody('time_unit', 'DAY'), valid: true, why: 'time_unit DAY (DAY:天)' },
  { body: quotaBody('time_unit', 'day'), valid: false, why: 'time_unit in lower case: the enumeration is upper case' },
  { body: quotaBody('time_unit', 'WEEK'), valid: false, why: 'time_unit WEEK: not an enumeration value' },
  { body: quotaBody('time_unit', ''), valid: false, why: 'time_unit empty' },
  // time_interval: Integer 1–2147483647
  { body: quotaBody('time_interval', undefined), valid: false, why: 'time_interval missing' },
  { body: quotaBody('time_interval', 1), valid: true, why: 'time_interval 1: Minimum: 1' },
  { body: quotaBody('time_interval', 0), valid: false, why: 'time_interval 0: one under Minimum: 1' },
  { body: quotaBody('time_interval', 2147483647), valid: true, why: 'time_interval 2147483647: Maximum' },
  { body: quotaBody('time_interval', 2147483648), valid: false, why: 'time_interval 2147483648: one over Maximum' },
  { body: quotaBody('time_interval', 2.5), valid: false, why: 'time_interval 2.5: not an Integer' },
  // reset_time: optional; decided format yyyy-MM-dd HH:mm:ss (the request examples' form)
  { body: quotaBody('reset_time', '2020-09-20 00:00:00'), valid: true, why: 'reset_time as the request example writes it' },
  { body: quotaBody('reset_time', '2099-12-31 23:59:59'), valid: true, why: 'reset_time: the last second of a day' },
  { body: quotaBody('reset_time', '2020-09-20T00:00:00Z'), valid: false, why: "reset_time in ISO 8601 (decided: only the examples' form)" },
  {
    body: quotaBody('reset_time', '2020-09-20 00:00:00 +0000 +0000'),
    valid: false,
    why: "reset_time in the form show and list answer (decided: requests take the examples' form)",
  },
  { body: quotaBody('reset_time', '2020-09-20'), valid: false, why: 'reset_time without the time' },
  { body: quotaBody('reset_time', '2020-13-01 00:00:00'), valid: false, why: 'reset_time with month 13' },
  { body: quotaBody('reset_time', '2020-09-20 24:00:00'), valid: false, why: 'reset_time with hour 24' },
  { body: quotaBody('reset_time', ''), valid: false, why: 'reset_time empty (leave it out for the first-call default)' },
  { body: quotaBody('reset_time', '2020-09-20 00:00:00\n'), valid: false, why: 'reset_time with a trailing newline' },
  // remark: optional, ≤ 255, no < or >
  { body: quotaBody('remark', s('r', 255)), valid: true, why: 'remark of 255: Maximum: 255' },
  { body: quotaBody('remark', s('r', 256)), valid: false, why: 'remark of 256: one over Maximum: 255' },
  { body: quotaBody('remark', ''), valid: true, why: 'remark empty: no minimum stated' },
  { body: quotaBody('remark', '客户端配额 demo, 1000/day'), valid: true, why: 'remark: any characters but < and >' },
  { body: quotaBody('remark', 'a<b'), valid: false, why: 'remark with < (不支持<，>字符 / Brackets (<>) are not supported)' },
  { body: quotaBody('remark', 'a>b'), valid: false, why: 'remark with >' },
  { body: quotaBody('remark', 'line one\nline two'), valid: true, why: 'remark with a newline: only < and > are refused' },
];

/** AssociateAppsForAppQuota bodies. */
export const BINDING_CASES: readonly BodyCase[] = [
  { body: { app_ids: ['98df09fb-d459-4cbf-83a7-2b55ca6f3d5d'] }, valid: true, why: "the page's request example" },
  { body: { app_ids: ['a1', 'a2', 'a3'] }, valid: true, why: 'several APPs in one call' },
  { body: { app_ids: Array.from({ length: 500 }, (_, i) => `app-${i}`) }, valid: true, why: '500 ids: no maximum is stated' },
  { body: {}, valid: false, why: 'app_ids missing (Mandatory: Yes; no omitempty)' },
  { body: { app_ids: [] }, valid: false, why: 'an empty list binds nothing (decided minItems 1)' },
  { body: { app_ids: '98df09fb-d459-4cbf-83a7-2b55ca6f3d5d' }, valid: false, why: 'a string, not an Array of strings' },
  { body: { app_ids: [1] }, valid: false, why: 'an id is a string' },
  { body: { app_ids: [''] }, valid: false, why: 'an empty id (decided minLength 1)' },
];

/** One app_acl_values entry. */
export const ACL_VALUE_CASES: readonly ValueCase[] = [
  { value: '192.168.0.1', valid: true, why: 'an IP (the page example)' },
  { value: '192.168.0.5-192.168.0.10', valid: true, why: 'an IP range joined by a hyphen (the page example)' },
  { value: '192.168.0.100/28', valid: true, why: 'a CIDR block (the page example, host bits set)' },
  { value: '0.0.0.0', valid: true, why: 'the lowest IP' },
  { value: '255.255.255.255', valid: true, why: 'every octet at 255: the maximum' },
  { value: '10.0.0.0/0', valid: true, why: 'mask /0: the minimum' },
  { value: '10.0.0.0/32', valid: true, why: 'mask /32: the maximum' },
  { value: '1.1.1.1-1.1.1.1', valid: true, why: 'a range of one IP' },
  { value: '192.168.0.10-192.168.0.5', valid: true, why: 'a range written high to low: no order is stated (decided: not checked)' },
  { value: '1.2.3.256', valid: false, why: 'octet 256: one over 255' },
  { value: '10.0.0.0/33', valid: false, why: 'mask /33: one over 32' },
  { value: '10.0.0.0/', valid: false, why: 'a / without a mask' },
  { value: '10.0.0.0/08', valid: false, why: 'a mask with a leading zero' },
  { value: '1.1.1.1-', valid: false, why: 'a range without its end' },
  { value: '-1.1.1.1', valid: false, why: 'a range without its start' },
  { value: '1.1.1.1 - 1.1.1.2', valid: false, why: 'spaces around the hyphen' },
  { value: '1.1.1.1–1.1.1.2', valid: false, why: 'an en dash, not the ASCII hyphen (英文中划线)' },
  { value: '1.1.1.1－1.1.1.2', valid: false, why: 'a full-width hyphen (not 英文中划线)' },
  { value: '1.1.1.0/24-1.1.2.0/24', valid: false, why: 'a range of CIDR blocks: neither an IP range nor a CIDR' },
  { value: '1.1.1.1-1.1.1.2/24', valid: false, why: 'a range with a mask' },
  { value: '1.1.1', valid: false, why: 'three octets' },
  { value: '1.1.1.1.1', valid: false, why: 'five octets' },
  { value: '01.1.1.1', valid: false, why: 'an octet with a leading zero (decided: ambiguous, octal in some parsers)' },
  { value: ' 1.1.1.1', valid: false, why: 'a leading space' },
  { value: '1.1.1.1\n', valid: false, why: 'a trailing newline' },
  { value: '::1', valid: false, why: 'IPv6 (decided: the sources speak of dotted IPv4 only)' },
  { value: '2001:db8::/32', valid: false, why: 'an IPv6 CIDR (decided: IPv4 only)' },
  { value: 'example.com', valid: false, why: 'a host name is not an IP' },
  { value: '', valid: false, why: 'an empty string' },
  { value: 19216801, valid: false, why: 'a number, not a string' },
];

/** A valid ACL body with the given values. */
export const aclBody = (values: unknown, type: unknown = 'PERMIT'): Record<string, unknown> => ({ app_acl_type: type, app_acl_values: values });

/** UpdateAppAcl bodies: the type, the list, and each ACL_VALUE_CASES entry alone in a PERMIT list. */
export const ACL_CASES: readonly BodyCase[] = [
  { body: aclBody(['192.168.0.1', '192.168.0.5-192.168.0.10', '192.168.0.100/28']), valid: true, why: "the page's request example" },
  { body: aclBody(['10.0.0.0/8'], 'DENY'), valid: true, why: 'app_acl_type DENY (黑名单类型 / blacklist)' },
  { body: aclBody(['10.0.0.1'], 'permit'), valid: false, why: 'app_acl_type in lower case' },
  { body: aclBody(['10.0.0.1'], 'ALLOW'), valid: false, why: 'app_acl_type ALLOW: only PERMIT and DENY' },
  { body: aclBody(['10.0.0.1'], ''), valid: false, why: 'app_acl_type empty' },
  { body: { app_acl_values: ['10.0.0.1'] }, valid: false, why: 'app_acl_type missing (Mandatory: Yes)' },
  { body: { app_acl_type: 'PERMIT' }, valid: false, why: 'app_acl_values missing (Mandatory: Yes)' },
  { body: aclBody([]), valid: false, why: 'an empty list (decided minItems 1: DeleteAppAcl removes the settings)' },
  { body: aclBody('192.168.0.1'), valid: false, why: 'a string, not an Array of strings' },
  { body: aclBody(['10.0.0.1', '10.0.0.1']), valid: true, why: 'a repeated value: no uniqueness is stated' },
  { body: aclBody(Array.from({ length: 200 }, (_, i) => `10.0.${i}.1`)), valid: true, why: '200 values: no maximum is stated' },
  { body: aclBody(['192.168.0.1', '1.2.3.256']), valid: false, why: 'one bad value among good ones' },
  ...ACL_VALUE_CASES.map((c) => ({ body: aclBody([c.value]), valid: c.valid, why: `one value: ${c.why}` })),
];

/** CreateAiApiKey bodies (AiApiKeyCreate). */
export const AI_API_KEY_CASES: readonly BodyCase[] = [
  { body: {}, valid: true, why: 'no key: the gateway generates one (不指定具体值时，由后台自动生成随机字符串)' },
  { body: { alias: 'my_key-1' }, valid: true, why: 'an alias only: the key is generated' },
  { body: { ai_api_key: 'Ab3+-_/=', alias: 'k' }, valid: true, why: 'key of 8 with every listed special character (+-_/=), alias of 1' },
  { body: { ai_api_key: s('k', 8) }, valid: true, why: 'key of 8: the minimum (8~128个字符)' },
  { body: { ai_api_key: s('k', 7) }, valid: false, why: 'key of 7: one under 8' },
  { body: { ai_api_key: s('k', 128) }, valid: true, why: 'key of 128: the maximum' },
  { body: { ai_api_key: s('k', 129) }, valid: false, why: 'key of 129: one over 128' },
  { body: { ai_api_key: '+abcdefg' }, valid: true, why: 'key starting with +: no rule for the first character' },
  { body: { ai_api_key: '=abcdefg' }, valid: true, why: 'key starting with =' },
  { body: { ai_api_key: 'abcdefg!' }, valid: false, why: 'key with !: not listed (+-_/=)' },
  { body: { ai_api_key: 'abcdefg@' }, valid: false, why: 'key with @: not listed' },
  { body: { ai_api_key: 'abcd efgh' }, valid: false, why: 'key with a space' },
  { body: { ai_api_key: 'abcdefgh\n' }, valid: false, why: 'key with a trailing newline' },
  { body: { ai_api_key: 'abcdefg密' }, valid: false, why: 'key with 汉字: only 大小写英文字母、数字 and +-_/=' },
  { body: { ai_api_key: 12345678 }, valid: false, why: 'key as a number' },
  { body: { alias: s('a', 100) }, valid: true, why: 'alias of 100: the maximum (1~100个字符)' },
  { body: { alias: s('a', 101) }, valid: false, why: 'alias of 101: one over 100' },
  { body: { alias: '' }, valid: false, why: 'alias of 0: one under 1' },
  { body: { alias: 'my key' }, valid: false, why: 'alias with a space' },
  { body: { alias: 'my.key' }, valid: false, why: 'alias with .: not listed (字母，数字，下划线，中划线)' },
  { body: { alias: 'key+1' }, valid: false, why: 'alias with +: allowed in the key, not in the alias' },
  { body: { alias: '别名' }, valid: false, why: 'alias with 汉字 (decided: 大小写字母 = A–Z, a–z)' },
  { body: { alias: 'key_1\n' }, valid: false, why: 'alias with a trailing newline' },
];

/** Which operations each case table is for. */
export const FAMILY_CASE_SETS: ReadonlyArray<{ name: string; operations: readonly FamilySdkName[]; cases: readonly BodyCase[] }> = [
  { name: 'quota create and update', operations: ['CreateAppQuota', 'UpdateAppQuota'], cases: QUOTA_CASES },
  { name: 'bind APPs to a quota', operations: ['AssociateAppsForAppQuota'], cases: BINDING_CASES },
  { name: 'APP access control', operations: ['UpdateAppAcl'], cases: ACL_CASES },
  { name: 'AI API key create', operations: ['CreateAiApiKey'], cases: AI_API_KEY_CASES },
];

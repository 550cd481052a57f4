/**
 * The Create APP contract as the source pages state it, written by hand from the pages'
 * text (never read back from spec/). Source pages, both titled 创建APP in Huawei Cloud's
 * API Gateway API reference:
 *   - 创建APP, shared gateway (共享版): POST /v1.0/apigw/apps
 *   - 创建APP, dedicated gateway (专享版): POST /v1/{project_id}/apigw/instances/{instance_id}/apps
 * Both pages give the same request table (请求消息), response table (响应消息) and status
 * table (状态码). Facts beyond the pages (error codes, 汉字 = U+4E00–U+9FA5, lengths in
 * characters) come from Huawei's public APIG documentation and are marked as such.
 */

export type Variant = 'shared' | 'dedicated';

export interface Endpoint {
  variant: Variant;
  method: 'post';
  path: string;
  /** 表 2 of the dedicated page: name → the page's description (both 是否必选 = 是, String). */
  pathParams: Record<string, string>;
}

export const ENDPOINTS: readonly Endpoint[] = [
  { variant: 'shared', method: 'post', path: '/v1.0/apigw/apps', pathParams: {} },
  {
    variant: 'dedicated',
    method: 'post',
    path: '/v1/{project_id}/apigw/instances/{instance_id}/apps',
    pathParams: {
      project_id: '项目ID。可从控制台“我的凭证”中获取region下项目ID，管理员权限可查询。',
      instance_id: '实例ID，可从API网关控制台的专享版实例信息中获取。',
    },
  },
];

/** 状态码 table: 201 Created, 400 Bad Request, 401 Unauthorized, 403 Forbidden, 500 Server Internal Error. */
export const STATUSES = ['201', '400', '401', '403', '500'] as const;

/** One request field of 请求消息, with the exact encoding of its rule (contract issue #2). */
export interface RequestFieldRule {
  field: 'name' | 'remark' | 'app_key' | 'app_secret';
  required: boolean;
  /** The page's wording, quoted. */
  source: string;
  minLength?: number;
  maxLength: number;
  /**
   * The exact encoding: a pattern in the portable regex subset (汉字 written as the
   * characters 一-龥, no \\uXXXX, \\d, \\w or lookaround)…
   */
  pattern?: string;
  /**
   * …and the allowed characters as one negated class, for the schema's `not`: in Python,
   * Java and PCRE `$` also matches before a final newline, so the pattern alone would let
   * `"app_001\n"` through there. Both list exactly the characters the wording allows.
   */
  refusedCharacters?: string;
}

export const REQUEST_FIELDS: readonly RequestFieldRule[] = [
  {
    field: 'name',
    required: true,
    source: '支持汉字，英文，数字，“_”，且只能以英文和汉字开头，3 ~ 64个字符。',
    minLength: 3,
    maxLength: 64,
    pattern: '^[A-Za-z一-龥][A-Za-z0-9_一-龥]{2,63}$',
    refusedCharacters: '[^A-Za-z0-9_一-龥]',
  },
  { field: 'remark', required: false, source: '字符长度不能大于255', maxLength: 255 },
  {
    field: 'app_key',
    required: false,
    source: '支持英文，数字，“_”,“-”,且只能以英文或数字开头，8 ~ 64个字符。',
    minLength: 8,
    maxLength: 64,
    pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$',
    refusedCharacters: '[^A-Za-z0-9_-]',
  },
  {
    field: 'app_secret',
    required: false,
    source: '支持英文，数字，“_”,“-”,“_”,“!”,“@”,“#”,“$”,“%”,且只能以英文或数字开头，8 ~ 64个字符。',
    minLength: 8,
    maxLength: 64,
    pattern: '^[A-Za-z0-9][A-Za-z0-9_!@#$%-]{7,63}$',
    refusedCharacters: '[^A-Za-z0-9_!@#$%-]',
  },
];

/** 响应消息: the ten fields, with the page's 类型 column. */
export const RESPONSE_FIELDS = {
  id: 'string',
  name: 'string',
  status: 'integer',
  app_key: 'string',
  app_secret: 'string',
  creator: 'string',
  register_time: 'date-time',
  update_time: 'date-time',
  remark: 'string',
  app_type: 'string',
} as const;

/** creator: “USER：用户自行创建”, “MARKET：云市场分配”. */
export const CREATOR_VALUES = ['USER', 'MARKET'] as const;

/** app_type: “APP类型，默认为apig”. */
export const APP_TYPE_DEFAULT = 'apig';

/** 请求消息样例, verbatim. */
export const SOURCE_REQUEST_EXAMPLE = {
  name: 'app_001',
  remark: 'first app',
  app_key: 'app_key_sample',
  app_secret: 'app_secret_sample',
};

/** 响应消息样例, verbatim (app_secret redacted by the page itself). */
export const SOURCE_RESPONSE_EXAMPLE = {
  id: '14b399ac-967f-4115-bb62-c0346b4537e9',
  name: 'app_001',
  status: 1,
  app_key: 'd49b1cbf-cc81-4a5f-b2a0-61b568e376eb',
  app_secret: '******',
  creator: 'USER',
  remark: '第一个应用',
  register_time: '2017-12-28T12:26:54.2345858Z',
  update_time: '2017-12-28T12:26:54.2345858Z',
  app_type: 'apig',
};

/**
 * Huawei's documented error codes for this call, by the status it answers with: the v2 Create
 * page's examples (2011, 1002, 1005 under 403, 9999) and the error-code catalogue (错误码):
 * 2001 请求参数为空, 3203 指定的应用名称已存在, 1000 未识别到用户认证信息, 3103 应用数量超过限额.
 */
export const ERROR_CODES = {
  '400': ['APIG.2011', 'APIG.2001', 'APIG.3203'],
  '401': ['APIG.1002', 'APIG.1000'],
  '403': ['APIG.1005', 'APIG.3103'],
  '500': ['APIG.9999'],
} as const;

// ---------------------------------------------------------------------------------------
// Reference predicates: each field's rule re-stated in code from the page's wording, with
// no regular expression, so that they can judge generated strings independently.

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a); // 英文
const isDigit = (c: number) => c >= 0x30 && c <= 0x39; // 数字
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fa5; // 汉字
const codePoints = (s: string) => Array.from(s, (ch) => ch.codePointAt(0)!);

function follows(value: unknown, min: number, max: number, first: (c: number) => boolean, rest: (c: number) => boolean) {
  if (typeof value !== 'string') return false;
  const cps = codePoints(value);
  return cps.length >= min && cps.length <= max && first(cps[0]!) && cps.every(rest);
}

const SECRET_SYMBOLS = new Set(Array.from('_-!@#$%', (ch) => ch.codePointAt(0)!));

export const REFERENCE_PREDICATES: Record<RequestFieldRule['field'], (value: unknown) => boolean> = {
  // 支持汉字，英文，数字，“_”，且只能以英文和汉字开头，3 ~ 64个字符。
  name: (v) =>
    follows(
      v,
      3,
      64,
      (c) => isLetter(c) || isHan(c),
      (c) => isLetter(c) || isDigit(c) || c === 0x5f || isHan(c),
    ),
  // 字符长度不能大于255
  remark: (v) => typeof v === 'string' && codePoints(v).length <= 255,
  // 支持英文，数字，“_”,“-”,且只能以英文或数字开头，8 ~ 64个字符。
  app_key: (v) =>
    follows(
      v,
      8,
      64,
      (c) => isLetter(c) || isDigit(c),
      (c) => isLetter(c) || isDigit(c) || c === 0x5f || c === 0x2d,
    ),
  // 支持英文，数字，“_”,“-”,“_”,“!”,“@”,“#”,“$”,“%”,且只能以英文或数字开头，8 ~ 64个字符。
  app_secret: (v) =>
    follows(
      v,
      8,
      64,
      (c) => isLetter(c) || isDigit(c),
      (c) => isLetter(c) || isDigit(c) || SECRET_SYMBOLS.has(c),
    ),
};

// ---------------------------------------------------------------------------------------
// Boundary cases. Each expectation is written by hand from the page's wording.

export interface FieldCase {
  field: RequestFieldRule['field'];
  value: unknown;
  valid: boolean;
  why: string;
}

const r = (s: string, n: number) => s.repeat(n);

const NAME_CASES: Array<[unknown, boolean, string]> = [
  ['ab', false, '2 characters: below 3'],
  ['abc', true, '3 characters: the minimum'],
  [r('a', 64), true, '64 characters: the maximum'],
  [r('a', 65), false, '65 characters: above 64'],
  ['', false, 'empty'],
  ['应用', false, '2 汉字: below 3'],
  ['应用一', true, '3 汉字'],
  [r('应', 64), true, '64 汉字 (192 UTF-8 bytes): lengths count characters'],
  [r('应', 65), false, '65 汉字'],
  ['app_001', true, 'the source example'],
  ['App_Name_123', true, 'letters, digits and _'],
  ['Zz9', true, 'upper and lower case letters and a digit'],
  ['应用_01', true, 'starts with a 汉字, then _ and digits'],
  ['测试应用_01', true, 'Chinese name'],
  ['a__', true, 'underscores after the first character'],
  ['1app', false, 'starts with a digit'],
  ['_app', false, 'starts with _'],
  ['-app', false, 'starts with -'],
  [' app', false, 'starts with a space'],
  ['app-001', false, '- is not allowed'],
  ['app 001', false, 'space is not allowed'],
  ['app.001', false, '. is not allowed'],
  ['app@001', false, '@ is not allowed'],
  ['app！01', false, 'full-width ！ is not allowed'],
  ['app，01', false, 'full-width ， is not allowed'],
  ['app＿01', false, 'full-width ＿ is not _'],
  ['ａｐｐ', false, 'full-width letters are not 英文'],
  ['appé', false, 'accented letters are not 英文'],
  ['一ab', true, 'U+4E00 first: the first 汉字'],
  ['ab一', true, 'U+4E00 last'],
  ['龥ab', true, 'U+9FA5 first: the last 汉字'],
  ['ab龥', true, 'U+9FA5 last'],
  ['ab\u9fa6', false, 'U+9FA6 is just past the 汉字 range'],
  ['ab\u4dff', false, 'U+4DFF is just before the 汉字 range'],
  ['\u9fa6ab', false, 'U+9FA6 first'],
  ['あいう', false, 'hiragana is not 汉字'],
  ['abカ', false, 'katakana is not 汉字'],
  ['ab😀', false, 'emoji'],
  ['ab𠀀', false, 'U+20000 (CJK Extension B, astral) is outside U+4E00–U+9FA5'],
  ['ab\uff10', false, 'full-width digit'],
  ['app_001\n', false, 'trailing newline'],
  ['app_001\r\n', false, 'trailing CR LF'],
  ['app_001\u2028', false, 'trailing U+2028 line separator (Java’s `$` matches before it)'],
  ['app_001\u0085', false, 'trailing U+0085 next line'],
  ['\napp_001', false, 'leading newline'],
  ['app\t001', false, 'tab'],
  [123, false, 'a number, not a String'],
  [null, false, 'null'],
  [true, false, 'a boolean'],
  [['app_001'], false, 'an array'],
  [{ name: 'app_001' }, false, 'an object'],
];

const REMARK_CASES: Array<[unknown, boolean, string]> = [
  ['', true, 'empty'],
  ['first app', true, 'the source example'],
  [r('x', 255), true, '255 characters: the maximum'],
  [r('x', 256), false, '256 characters: above 255'],
  [r('应', 255), true, '255 汉字 (765 UTF-8 bytes): lengths count characters'],
  [r('应', 256), false, '256 汉字'],
  [r('😀', 255), true, '255 emoji: each one character (two UTF-16 units)'],
  [r('😀', 256), false, '256 emoji'],
  ['第一个应用', true, 'Chinese text'],
  ['any text: !@#$%^&*()\n\t　ａ😀', true, 'remark has no character rule'],
  [255, false, 'a number'],
  [null, false, 'null'],
  [['first app'], false, 'an array'],
];

const APP_KEY_CASES: Array<[unknown, boolean, string]> = [
  ['abcdefg', false, '7 characters: below 8'],
  ['abcdefgh', true, '8 characters: the minimum'],
  [r('k', 64), true, '64 characters: the maximum'],
  [r('k', 65), false, '65 characters: above 64'],
  ['', false, 'empty'],
  ['app_key_sample', true, 'the source example'],
  ['1abcdefg', true, 'starts with a digit'],
  ['Abcdefgh', true, 'starts with an upper-case letter'],
  ['A_b-c_d-', true, 'letters, _ and -'],
  ['12345678', true, 'digits only'],
  ['_abcdefg', false, 'starts with _'],
  ['-abcdefg', false, 'starts with -'],
  ['abcd efg', false, 'space'],
  ['abcd!efg', false, '! is allowed in app_secret, not in app_key'],
  ['abcd.efg', false, '.'],
  ['abcd@efg', false, '@'],
  ['应用abcdefg', false, 'starts with 汉字'],
  ['abcdefg应', false, '汉字 inside'],
  ['ａbcdefgh', false, 'full-width letter first'],
  ['abcdefg－', false, 'full-width hyphen'],
  ['abcdefgh\n', false, 'trailing newline'],
  ['abcdefg😀', false, 'emoji'],
  [12345678, false, 'a number'],
  [null, false, 'null'],
];

const APP_SECRET_CASES: Array<[unknown, boolean, string]> = [
  ['abcdefg', false, '7 characters: below 8'],
  ['abcdefgh', true, '8 characters: the minimum'],
  [r('s', 64), true, '64 characters: the maximum'],
  [r('s', 65), false, '65 characters: above 64'],
  ['', false, 'empty'],
  ['app_secret_sample', true, 'the source example'],
  ['Abc_-!@#$%', true, 'every allowed symbol'],
  ['1secret!', true, 'starts with a digit'],
  ['s_______', true, 'underscores'],
  ['s%%%%%%%', true, 'percent signs'],
  ['!secret1', false, 'starts with !'],
  ['_secret1', false, 'starts with _'],
  ['-secret1', false, 'starts with -'],
  ['#secret1', false, 'starts with #'],
  ['secret^1', false, '^ is not listed'],
  ['secret&1', false, '& is not listed'],
  ['secret*1', false, '* is not listed'],
  ['secret.1', false, '. is not listed'],
  ['secret 1', false, 'space'],
  ['secret应用1', false, '汉字'],
  ['secret！1', false, 'full-width ！'],
  ['secret1\n', false, 'trailing newline'],
  ['secret1\r', false, 'trailing carriage return'],
  [12345678, false, 'a number'],
  [null, false, 'null'],
];

function cases(field: FieldCase['field'], rows: Array<[unknown, boolean, string]>): FieldCase[] {
  return rows.map(([value, valid, why]) => ({ field, value, valid, why }));
}

export const FIELD_CASES: readonly FieldCase[] = [
  ...cases('name', NAME_CASES),
  ...cases('remark', REMARK_CASES),
  ...cases('app_key', APP_KEY_CASES),
  ...cases('app_secret', APP_SECRET_CASES),
];

/** A valid body with one field replaced, so that a case tests that field alone. */
export function bodyWith(field: FieldCase['field'], value: unknown): Record<string, unknown> {
  return { ...SOURCE_REQUEST_EXAMPLE, [field]: value };
}

/** Whole-body cases beyond single fields. */
export const BODY_CASES: ReadonlyArray<{ body: unknown; valid: boolean; why: string; field?: string }> = [
  { body: { name: 'app_001' }, valid: true, why: 'only the required name' },
  { body: SOURCE_REQUEST_EXAMPLE, valid: true, why: 'the source example' },
  { body: {}, valid: false, why: 'name is missing (是否必选: 是)', field: 'name' },
  { body: { remark: 'first app' }, valid: false, why: 'name is missing', field: 'name' },
  { body: [], valid: false, why: 'an array, not an object' },
  { body: 'app_001', valid: false, why: 'a string, not an object' },
  { body: null, valid: false, why: 'null body' },
];

/** A readable label for a value in test names (long strings abbreviated). */
export function label(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value) ?? String(value);
  const n = Array.from(value).length;
  const shown = n > 12 ? `${Array.from(value).slice(0, 6).join('')}…(${n} chars)` : value;
  return JSON.stringify(shown);
}

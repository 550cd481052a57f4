// The wording and the shape of every issue the validators give, from the pages' rules: list
// query parameters (查询APP列表 表 2, and v2's limit 1–500), and request bodies (type, required,
// unknown fields with the field a typo probably meant, and which character rule a value breaks).
// Nothing here quotes a secret.
import { describe, expect, it } from 'vitest';
import { validateRequestBody } from '../../src/validation.js';
import { queryIssues } from '../../src/validation/validate-query.js';
import { OPERATIONS } from '../rules/lifecycle-rules.js';
import { BODY_RULES } from '../../generated/request-rules/bodies.js';

const LISTS = OPERATIONS.filter((o) => o.kind === 'list');

describe.each(LISTS.map((o) => [`GET ${o.path}`, o] as const))('query of %s', (operation, rule) => {
  const names = Object.keys(rule.query);

  it('accepts every parameter the page lists, and skips undefined ones', async () => {
    const valid = Object.fromEntries(
      names.map((n) => [n, rule.query[n]!.type === 'integer' ? (rule.query[n]!.minimum ?? 1) : (rule.query[n]!.enum?.[0] ?? 'x')]),
    );
    expect(await queryIssues(operation, valid)).toEqual([]);
    expect(await queryIssues(operation, { sort: undefined })).toEqual([]);
    expect(await queryIssues(operation, undefined)).toEqual([]);
  });

  it('refuses a parameter the page does not list, naming every one it does', async () => {
    const [issue, ...rest] = await queryIssues(operation, { sort: 'name' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ field: 'sort', rule: 'unknown' });
    expect(issue!.message).toMatch(
      new RegExp(`^sort is not a query parameter of ${operation.replace(/[{}.]/g, '\\$&')} \\(the source page lists [a-z_, ]+\\)\\. 该参数不在查询参数表中。$`),
    );
    expect(
      issue!.message
        .match(/lists ([a-z_, ]+)\)/)![1]!
        .split(', ')
        .sort(),
    ).toEqual([...names].sort());
  });

  it('integers must be safe integers, strings strings', async () => {
    const integer = names.find((n) => rule.query[n]!.type === 'integer')!;
    for (const bad of ['5', 1.5, Number.MAX_SAFE_INTEGER + 1])
      expect(await queryIssues(operation, { [integer]: bad })).toEqual([{ field: integer, rule: 'type', message: `${integer} must be an integer.` }]);
    expect(await queryIssues(operation, { name: 5 })).toEqual([{ field: 'name', rule: 'type', message: 'name must be a string.' }]);
    // Only a list parameter (v2's tags) takes a list: a string one does not.
    expect(await queryIssues(operation, { name: ['a', 'b'] })).toEqual([{ field: 'name', rule: 'type', message: 'name must be a string.' }]);
  });

  it('creator and precise_search take only the page’s values', async () => {
    expect(await queryIssues(operation, { creator: 'ADMIN' })).toEqual([
      { field: 'creator', rule: 'characters', message: 'creator must be one of USER, MARKET (取值：USER、MARKET).' },
    ]);
    expect(await queryIssues(operation, { precise_search: 'id' })).toEqual([
      { field: 'precise_search', rule: 'characters', message: 'precise_search must be one of name (取值：name).' },
    ]);
  });
});

describe('v2 limit: adjusted by the gateway (≤ 0 → 20, > 500 → 500), any 32-bit integer sent', () => {
  const v2 = `GET ${LISTS.find((o) => o.generation === 'v2')!.path}`;
  it('0, negatives and more than 500 pass; only what no int32 holds fails', async () => {
    for (const limit of [-1, 0, 1, 500, 501, 1000, 2 ** 31 - 1, -(2 ** 31)]) expect(await queryIssues(v2, { limit }), String(limit)).toEqual([]);
    expect(await queryIssues(v2, { limit: 2 ** 31 })).toEqual([
      { field: 'limit', rule: 'maxLength', message: 'limit must be at most 2147483647 (最大值：2147483647).' },
    ]);
    expect(await queryIssues(v2, { limit: -(2 ** 31) - 1 })).toEqual([
      { field: 'limit', rule: 'minLength', message: 'limit must be at least -2147483648 (最小值：-2147483648).' },
    ]);
  });
});

describe('a list parameter (v2 tags)', () => {
  const rules = { 'GET /x': { tags: { type: 'array' as const } } };
  it('takes a string or a list of strings, and says so otherwise', async () => {
    const { LOAD_QUERY_RULES } = await import('../../generated/request-rules/load-query-rules.js');
    LOAD_QUERY_RULES['GET /x'] = async () => ({ default: rules['GET /x'] });
    try {
      expect(await queryIssues('GET /x', { tags: 'red' })).toEqual([]);
      expect(await queryIssues('GET /x', { tags: ['red', '#no_tags#'] })).toEqual([]);
      expect(await queryIssues('GET /x', { tags: ['red', 1] })).toEqual([
        { field: 'tags', rule: 'type', message: 'tags must be a string or a list of strings (each sent as its own parameter).' },
      ]);
      expect(await queryIssues('GET /x', { tags: 3 })).toEqual([
        { field: 'tags', rule: 'type', message: 'tags must be a string or a list of strings (each sent as its own parameter).' },
      ]);
    } finally {
      delete LOAD_QUERY_RULES['GET /x'];
    }
  });
});

it('an operation without query parameters says the page lists none', async () => {
  expect(await queryIssues('GET /v1.0/apigw/apps/{id}', { name: 'x' })).toEqual([
    {
      field: 'name',
      rule: 'unknown',
      message: 'name is not a query parameter of GET /v1.0/apigw/apps/{id} (the source page lists none). 该参数不在查询参数表中。',
    },
  ]);
});

describe('request bodies', () => {
  const issues = (schema: Parameters<typeof validateRequestBody>[0], body: unknown) => {
    const result = validateRequestBody(schema, body);
    return result.valid ? [] : result.issues;
  };

  it('a body that is not a JSON object gets one issue, and no made-up fields', async () => {
    for (const body of ['app_001', 42, null, ['app_001']]) {
      expect(issues('CreateAppRequest', body)).toEqual([
        { field: '(body)', rule: 'type', message: 'The request body must be a JSON object (请求消息必须为JSON对象).' },
      ]);
    }
  });

  it('a wrong type says what it got (null, an array, a number), once per field', async () => {
    const got = (value: unknown) => issues('CreateAppRequest', { name: value });
    expect(got(null)).toEqual([{ field: 'name', rule: 'type', message: expect.stringMatching(/^name must be a string, not null\. Rule: .+\. 规则：.+/) }]);
    expect(got(['app_001'])[0]!.message).toMatch(/^name must be a string, not an array\./);
    expect(got(5)).toHaveLength(1);
    expect(got(5)[0]!.message).toMatch(/^name must be a string, not number\./);
  });

  it('names each missing required field, on every schema that has one', async () => {
    expect(issues('CreateAppRequest', {})).toEqual([
      expect.objectContaining({ field: 'name', rule: 'required', message: expect.stringMatching(/^name is required \(是否必选：是\)\. Rule: /) }),
    ]);
    expect(issues('CreateAppRequestV2', { remark: 'x' })).toEqual([expect.objectContaining({ field: 'name', rule: 'required' })]);
    expect(issues('UpdateAppRequestV2', {})).toEqual([expect.objectContaining({ field: 'name', rule: 'required' })]);
  });

  it('reports every rule a field breaks, once each', async () => {
    expect(issues('CreateAppRequest', { name: '!' }).map((i) => [i.field, i.rule])).toEqual([
      ['name', 'characters'],
      ['name', 'minLength'],
    ]);
  });

  it('reports every field at fault, not only the first', async () => {
    expect(issues('CreateAppRequest', { name: 'a', remark: 'r'.repeat(256) }).map((i) => [i.field, i.rule])).toEqual([
      ['name', 'minLength'],
      ['remark', 'maxLength'],
    ]);
  });

  it('refuses unknown fields by default, with the field a typo probably meant', async () => {
    const unknown = (field: string) => issues('CreateAppRequest', { name: 'app_001', [field]: 'x' }).find((i) => i.rule === 'unknown')!;
    const meant = (field: string) => /did you mean ([a-z_]+)\?/.exec(unknown(field).message)?.[1];
    expect(unknown('appKey').message).toBe(
      'appKey is not a field of this request (the source page lists name, remark, app_key, app_secret); did you mean app_key? 该参数不在请求参数表中。Pass allowUnknownFields to send it anyway.',
    );
    expect(meant('nmae')).toBe('name'); // two letters swapped: distance 2, the smallest limit
    expect(meant('app_secretxyz')).toBe('app_secret'); // distance 3 on a 13-letter name: limit 4
    expect(meant('REMARK')).toBe('remark');
    expect(meant('namexyz')).toBeUndefined(); // distance 3 on 7 letters: limit 2
    expect(unknown('description').message).toBe(
      'description is not a field of this request (the source page lists name, remark, app_key, app_secret) 该参数不在请求参数表中。Pass allowUnknownFields to send it anyway.',
    );
  });

  it('allowUnknownFields accepts them', async () => {
    expect(validateRequestBody('CreateAppRequest', { name: 'app_001', tags: 'x' }, { allowUnknownFields: true })).toEqual({
      valid: true,
      value: { name: 'app_001', tags: 'x' },
    });
  });
});

describe('required query parameters (查看APP已绑定的API列表: app_id 是否必选 是)', () => {
  it('are named when the query is left out entirely', async () => {
    expect(await queryIssues('GET /v2/{project_id}/apigw/instances/{instance_id}/app-auths/binded-apis', undefined)).toEqual([
      { field: 'app_id', rule: 'required', message: 'app_id is required (是否必选：是).' },
    ]);
    expect((await queryIssues('GET /v1.0/apigw/app-auths/unbinded-apis', { app_id: 'a' })).map((i) => i.field)).toEqual(['env_id']);
    expect(await queryIssues('GET /v1.0/apigw/app-auths/binded-apps', undefined)).toEqual([]);
  });
});

describe('a character rule broken: which one, in English and the page’s Chinese (issue 25: not “a character that is not allowed, or starts with one that is not allowed there”)', () => {
  // Every field with a pattern, on every schema: a bad first character, then a bad later one,
  // with what each page says of them (the v1.0/v1 pages, v2's, and the AppCode rules of each
  // generation in test/rules/app-grant-rules.ts). The secrets (app_secret, app_code) show no character.
  const NAME_V1: [string, string] = [
    'an English letter or a Chinese character (只能以英文和汉字开头)',
    'Chinese characters (U+4E00–U+9FA5), English letters, digits and _ (支持汉字，英文，数字，“_”)',
  ];
  const KEY_V1: [string, string] = ['an English letter or a digit (只能以英文或数字开头)', 'English letters, digits, _ and - (支持英文，数字，“_”,“-”)'];
  const SECRET_V1: [string, string] = [
    'an English letter or a digit (只能以英文或数字开头)',
    'English letters, digits and _ - ! @ # $ % (支持英文，数字，“_”,“-”,“_”,“!”,“@”,“#”,“$”,“%”)',
  ];
  const CASES: Array<[schema: Parameters<typeof validateRequestBody>[0], field: string, [first: string, later: string], body: Record<string, unknown>]> = [
    ['CreateAppRequest', 'name', NAME_V1, {}],
    ['CreateAppRequest', 'app_key', KEY_V1, { name: 'app_001' }],
    ['CreateAppRequest', 'app_secret', SECRET_V1, { name: 'app_001' }],
    ['CreateAppRequestV2', 'name', [NAME_V1[0], 'Chinese characters (U+4E00–U+9FA5), English letters, digits and _ (支持汉字,英文,数字,下划线)'], {}],
    ['CreateAppRequestV2', 'app_key', [KEY_V1[0], 'English letters, digits, _ and - (支持英文,数字,“_”,“-”)'], { name: 'app_001' }],
    [
      'CreateAppRequestV2',
      'app_secret',
      [SECRET_V1[0], 'English letters, digits and _ - ! @ # $ % (支持英文,数字,“_”,“-”,“!”,“@”,“#”,“$”,“%”)'],
      { name: 'app_001' },
    ],
    ['UpdateAppRequestV2', 'name', [NAME_V1[0], 'Chinese characters (U+4E00–U+9FA5), English letters, digits and _ (支持汉字，英文，数字，下划线)'], {}],
    ['UpdateAppRequestV2', 'app_key', KEY_V1, { name: 'app_001' }],
    [
      'UpdateAppRequestV2',
      'app_secret',
      [SECRET_V1[0], 'English letters, digits and _ - ! @ # $ % (支持英文，数字，“_”,“-”,“!”,“@”,“#”,“$”,“%”)'],
      { name: 'app_001' },
    ],
    ['ResetAppSecretRequest', 'app_secret', SECRET_V1, {}],
    ['ResetAppSecretRequestV2', 'app_secret', [SECRET_V1[0], 'English letters, digits and _ - ! @ # $ % (支持英文，数字，“_”,“-”,“!”,“@”,“#”,“$”,“%”)'], {}],
    [
      'CreateAppCodeRequest',
      'app_code',
      ['an English letter, + or / (只能以英文和+、/开头)', 'English letters, digits and + _ ! @ # $ % / = (支持英文，+_!@#$%/=)'],
      {},
    ],
    [
      'CreateAppCodeRequestV2',
      'app_code',
      ['an English letter, a digit, + or / (只能以英文、数字和+、/开头)', 'English letters, digits and + _ ! @ # $ % - / = (支持英文、数字，+_!@#$%-/=)'],
      {},
    ],
    [
      'AppQuotaRequestV2',
      'name',
      [NAME_V1[0], 'Chinese characters, English letters, digits and _ (支持汉字，英文，数字，下划线)'],
      { call_limits: 1, time_unit: 'DAY', time_interval: 1 },
    ],
  ];
  const issueOf = (schema: Parameters<typeof validateRequestBody>[0], body: Record<string, unknown>, field: string) => {
    const result = validateRequestBody(schema, body);
    return result.valid ? undefined : result.issues.find((i) => i.field === field && i.rule === 'characters');
  };

  it('covers every field the contract checks with a first-character rule', async () => {
    const patterned = Object.entries(BODY_RULES).flatMap(([schema, { fields }]) =>
      Object.entries(fields as Record<string, { pattern?: string; startsWith?: unknown }>)
        .filter(([, r]) => r.startsWith !== undefined)
        .map(([field]) => `${schema} ${field}`),
    );
    expect(CASES.map(([schema, field]) => `${schema} ${field}`).sort()).toEqual(patterned.sort());
  });

  it('a field any allowed character may start (an AI API key, its alias) names only the character not allowed', async () => {
    const alias = issueOf('CreateAiApiKeyRequestV2', { alias: 'my.key' }, 'alias');
    expect(alias?.message).toBe(
      'alias has a character that is not allowed: "." (U+002E), character 3; it may hold only English letters, digits, _ and - (支持大小写字母，数字，下划线，中划线，长度为1~100个字符。). Rule: 1 to 100 characters; English letters, digits, _ and -. 规则：支持大小写字母，数字，下划线，中划线，长度为1~100个字符。',
    );
    const key = issueOf('CreateAiApiKeyRequestV2', { ai_api_key: '!bcdefghi' }, 'ai_api_key');
    expect(key?.message).toMatch(
      /^ai_api_key has a character that is not allowed: character 1; it may hold only English letters, digits and \+ - _ \/ = \(支持大小写英文字母/,
    );
    expect(key?.message).not.toContain('!');
    expect(key?.message).not.toContain('must start');
  });

  it('a format (a quota’s reset_time) or a refused character without a set (a remark’s < >) quotes the rule whole', async () => {
    const body = { name: 'quota_1', call_limits: 1, time_unit: 'DAY', time_interval: 1 };
    expect(issueOf('AppQuotaRequestV2', { ...body, reset_time: '2020-09-20T00:00:00Z' }, 'reset_time')?.message).toBe(
      'reset_time does not follow its rule. Rule: yyyy-MM-dd HH:mm:ss, e.g. 2020-09-20 00:00:00. 规则：首次配额重置时间点，格式如 2020-09-20 00:00:00',
    );
    expect(issueOf('AppQuotaRequestV2', { ...body, remark: 'a<b' }, 'remark')?.message).toMatch(
      /^remark does not follow its rule\. Rule: at most 255 characters, without < or >\./,
    );
    expect(validateRequestBody('AppQuotaRequestV2', { ...body, reset_time: 7 }).valid).toBe(false);
    expect(issueOf('AppQuotaRequestV2', { ...body, reset_time: 7 }, 'reset_time')).toBeUndefined();
  });

  it.each(CASES)('%s %s', (schema, field, [first, later], body) => {
    const secret = field === 'app_secret' || field === 'app_code';
    const length = field === 'app_code' ? 64 : 8;
    // 'é' is allowed nowhere: first, then (after a valid start) as character 5.
    const badFirst = issueOf(schema, { ...body, [field]: `é${'a'.repeat(length)}` }, field);
    expect(badFirst?.message).toMatch(
      new RegExp(`^${field} must start with ${regexpEscaped(first)}${secret ? '' : '; it starts with "é" \\(U\\+00E9\\)'}\\. Rule: `),
    );
    const badLater = issueOf(schema, { ...body, [field]: `abcdé${'a'.repeat(length)}` }, field);
    expect(badLater?.message).toMatch(
      new RegExp(
        `^${field} has a character that is not allowed: ${secret ? '' : '"é" \\(U\\+00E9\\), '}character 5; it may hold only ${regexpEscaped(later)}\\. Rule: `,
      ),
    );
    for (const issue of [badFirst, badLater]) expect(issue!.message).not.toContain('or starts with one that is not allowed there');
    if (secret) expect(`${badFirst!.message}${badLater!.message}`).not.toMatch(/é|U\+00E9/);
  });
});

function regexpEscaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

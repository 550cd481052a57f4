// The wording and the shape of every issue the validators give, from the pages' rules: list
// query parameters (查询APP列表 表 2, and v2's limit 1–500), and request bodies (type, required,
// unknown fields with the field a typo probably meant). Nothing here quotes a value.
import { describe, expect, it } from 'vitest';
import { validateRequestBody } from '../../src/index.js';
import { queryIssues } from '../../src/validation/validate-query.js';
import { OPERATIONS } from '../rules/lifecycle-rules.js';

const LISTS = OPERATIONS.filter((o) => o.kind === 'list');

describe.each(LISTS.map((o) => [`GET ${o.path}`, o] as const))('query of %s', (operation, rule) => {
  const names = Object.keys(rule.query);

  it('accepts every parameter the page lists, and skips undefined ones', () => {
    const valid = Object.fromEntries(names.map((n) => [n, rule.query[n]!.type === 'integer' ? (rule.query[n]!.minimum ?? 1) : (rule.query[n]!.enum?.[0] ?? 'x')]));
    expect(queryIssues(operation, valid)).toEqual([]);
    expect(queryIssues(operation, { sort: undefined })).toEqual([]);
    expect(queryIssues(operation, undefined)).toEqual([]);
  });

  it('refuses a parameter the page does not list, naming every one it does', () => {
    const [issue, ...rest] = queryIssues(operation, { sort: 'name' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ field: 'sort', rule: 'unknown' });
    expect(issue!.message).toMatch(new RegExp(`^sort is not a query parameter of ${operation.replace(/[{}.]/g, '\\$&')} \\(the source page lists [a-z_, ]+\\)\\. 该参数不在查询参数表中。$`));
    expect(issue!.message.match(/lists ([a-z_, ]+)\)/)![1]!.split(', ').sort()).toEqual([...names].sort());
  });

  it('integers must be safe integers, strings strings', () => {
    const integer = names.find((n) => rule.query[n]!.type === 'integer')!;
    for (const bad of ['5', 1.5, Number.MAX_SAFE_INTEGER + 1]) expect(queryIssues(operation, { [integer]: bad })).toEqual([{ field: integer, rule: 'type', message: `${integer} must be an integer.` }]);
    expect(queryIssues(operation, { name: 5 })).toEqual([{ field: 'name', rule: 'type', message: 'name must be a string.' }]);
  });

  it('creator and precise_search take only the page’s values', () => {
    expect(queryIssues(operation, { creator: 'ADMIN' })).toEqual([{ field: 'creator', rule: 'characters', message: 'creator must be one of USER, MARKET (取值：USER、MARKET).' }]);
    expect(queryIssues(operation, { precise_search: 'id' })).toEqual([{ field: 'precise_search', rule: 'characters', message: 'precise_search must be one of name (取值：name).' }]);
  });
});

describe('v2 limit: 最小值 1, 最大值 500', () => {
  const v2 = `GET ${LISTS.find((o) => o.generation === 'v2')!.path}`;
  it('the bounds themselves pass; one past each fails with its own message', () => {
    expect(queryIssues(v2, { limit: 1 })).toEqual([]);
    expect(queryIssues(v2, { limit: 500 })).toEqual([]);
    expect(queryIssues(v2, { limit: 0 })).toEqual([{ field: 'limit', rule: 'minLength', message: 'limit must be at least 1 (最小值：1).' }]);
    expect(queryIssues(v2, { limit: 501 })).toEqual([{ field: 'limit', rule: 'maxLength', message: 'limit must be at most 500 (最大值：500).' }]);
  });
});

it('an operation without query parameters says the page lists none', () => {
  expect(queryIssues('GET /v1.0/apigw/apps/{id}', { name: 'x' })).toEqual([{ field: 'name', rule: 'unknown', message: 'name is not a query parameter of GET /v1.0/apigw/apps/{id} (the source page lists none). 该参数不在查询参数表中。' }]);
});

describe('request bodies', () => {
  const issues = (schema: Parameters<typeof validateRequestBody>[0], body: unknown) => {
    const result = validateRequestBody(schema, body);
    return result.valid ? [] : result.issues;
  };

  it('a body that is not a JSON object gets one issue, and no made-up fields', () => {
    for (const body of ['app_001', 42, null, ['app_001']]) {
      expect(issues('CreateAppRequest', body)).toEqual([{ field: '(body)', rule: 'type', message: 'The request body must be a JSON object (请求消息必须为JSON对象).' }]);
    }
  });

  it('a wrong type says what it got (null, an array, a number), once per field', () => {
    const got = (value: unknown) => issues('CreateAppRequest', { name: value });
    expect(got(null)).toEqual([{ field: 'name', rule: 'type', message: expect.stringMatching(/^name must be a string, not null\. Rule: .+\. 规则：.+/) }]);
    expect(got(['app_001'])[0]!.message).toMatch(/^name must be a string, not an array\./);
    expect(got(5)).toHaveLength(1);
    expect(got(5)[0]!.message).toMatch(/^name must be a string, not number\./);
  });

  it('names each missing required field, on every schema that has one', () => {
    expect(issues('CreateAppRequest', {})).toEqual([expect.objectContaining({ field: 'name', rule: 'required', message: expect.stringMatching(/^name is required \(是否必选：是\)\. Rule: /) })]);
    expect(issues('CreateAppRequestV2', { remark: 'x' })).toEqual([expect.objectContaining({ field: 'name', rule: 'required' })]);
    expect(issues('UpdateAppRequestV2', {})).toEqual([expect.objectContaining({ field: 'name', rule: 'required' })]);
  });

  it('reports every rule a field breaks, once each', () => {
    expect(issues('CreateAppRequest', { name: '!' }).map((i) => [i.field, i.rule])).toEqual([['name', 'characters'], ['name', 'minLength']]);
  });

  it('reports every field at fault, not only the first', () => {
    expect(issues('CreateAppRequest', { name: 'a', remark: 'r'.repeat(256) }).map((i) => [i.field, i.rule])).toEqual([['name', 'minLength'], ['remark', 'maxLength']]);
  });

  it('refuses unknown fields by default, with the field a typo probably meant', () => {
    const unknown = (field: string) => issues('CreateAppRequest', { name: 'app_001', [field]: 'x' }).find((i) => i.rule === 'unknown')!;
    const meant = (field: string) => /did you mean ([a-z_]+)\?/.exec(unknown(field).message)?.[1];
    expect(unknown('appKey').message).toBe('appKey is not a field of this request (the source page lists name, remark, app_key, app_secret); did you mean app_key? 该参数不在请求参数表中。Pass allowUnknownFields to send it anyway.');
    expect(meant('nmae')).toBe('name'); // two letters swapped: distance 2, the smallest limit
    expect(meant('app_secretxyz')).toBe('app_secret'); // distance 3 on a 13-letter name: limit 4
    expect(meant('REMARK')).toBe('remark');
    expect(meant('namexyz')).toBeUndefined(); // distance 3 on 7 letters: limit 2
    expect(unknown('description').message).toBe('description is not a field of this request (the source page lists name, remark, app_key, app_secret) 该参数不在请求参数表中。Pass allowUnknownFields to send it anyway.');
  });

  it('allowUnknownFields accepts them', () => {
    expect(validateRequestBody('CreateAppRequest', { name: 'app_001', tags: 'x' }, { allowUnknownFields: true })).toEqual({ valid: true, value: { name: 'app_001', tags: 'x' } });
  });
});

describe('required query parameters (查看APP已绑定的API列表: app_id 是否必选 是)', () => {
  it('are named when the query is left out entirely', () => {
    expect(queryIssues('GET /v2/{project_id}/apigw/instances/{instance_id}/app-auths/binded-apis', undefined)).toEqual([{ field: 'app_id', rule: 'required', message: 'app_id is required (是否必选：是).' }]);
    expect(queryIssues('GET /v1.0/apigw/app-auths/unbinded-apis', { app_id: 'a' }).map((i) => i.field)).toEqual(['env_id']);
    expect(queryIssues('GET /v1.0/apigw/app-auths/binded-apps', undefined)).toEqual([]);
  });
});

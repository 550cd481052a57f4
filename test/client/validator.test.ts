// validateCreateAppRequest, ajv on the bundled document and the mock give the same verdict on
// every case of the rule table; issues name the field and the rule, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { validateCreateAppRequest } from '../../src/index.js';
import { BODY_CASES, FIELD_CASES, REQUEST_FIELDS, bodyWith, label } from '../rules/create-app-rules.js';
import { loadBundledDocument, schemaValidators } from '../helpers/bundled-document.js';
import { useExampleMock } from '../helpers/example-mock.js';

const ajvOnBundle = schemaValidators(loadBundledDocument())('CreateAppRequest');
const mock = useExampleMock();

async function mockVerdict(body: unknown): Promise<boolean> {
  const response = await fetch(`${mock.url}/v1.0/apigw/apps`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-token': 't' }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status === 201;
}

const cases = [
  ...FIELD_CASES.map((c) => ({ title: `${c.field} = ${label(c.value)}: ${c.why}`, body: bodyWith(c.field, c.value), valid: c.valid })),
  ...BODY_CASES.map((c) => ({ title: `body: ${c.why}`, body: c.body, valid: c.valid })),
];

describe('three verdicts agree with the rule table', () => {
  it.each(cases)('$title', async ({ body, valid }) => {
    expect(validateCreateAppRequest(body).valid, 'validateCreateAppRequest').toBe(valid);
    expect(ajvOnBundle(body), 'ajv on the bundled document').toBe(valid);
    expect(await mockVerdict(body), 'the mock').toBe(valid);
  });
});

describe('issues', () => {
  const issuesOf = (body: unknown) => {
    const result = validateCreateAppRequest(body);
    if (result.valid) throw new Error('expected invalid');
    return result.issues;
  };
  const zh = (field: string) => REQUEST_FIELDS.find((f) => f.field === field)!.source;

  it('a missing name is one `required` issue quoting the source rule', () => {
    expect(issuesOf({ remark: 'x' })).toEqual([{ field: 'name', rule: 'required', message: expect.stringContaining(zh('name')) }]);
  });

  it('a short name is a length issue only, with the count', () => {
    const issues = issuesOf({ name: 'ab' });
    expect(issues).toEqual([{ field: 'name', rule: 'minLength', message: expect.stringMatching(/at least 3 characters \(it has 2\)/) }]);
  });

  it('a bad first character is a `characters` issue', () => {
    expect(issuesOf({ name: '1app' })).toEqual([{ field: 'name', rule: 'characters', message: expect.stringContaining('not allowed') }]);
  });

  it('a character outside the allowed set (a trailing newline too) is one `characters` issue', () => {
    for (const name of ['app_001\n', 'app-001', 'ab😀']) {
      expect(issuesOf({ name })).toEqual([{ field: 'name', rule: 'characters', message: expect.stringContaining('not allowed') }]);
    }
  });

  it('a long remark counts characters, not bytes', () => {
    expect(issuesOf({ name: 'app_001', remark: '应'.repeat(256) })[0]).toMatchObject({ field: 'remark', rule: 'maxLength', message: expect.stringContaining('it has 256') });
  });

  it('wrong types and a non-object body are named', () => {
    expect(issuesOf({ name: null })[0]).toMatchObject({ field: 'name', rule: 'type', message: expect.stringContaining('not null') });
    expect(issuesOf([])[0]).toMatchObject({ field: '(body)', rule: 'type' });
  });

  it('reports every broken field, in English with the Chinese rule', () => {
    const issues = issuesOf({ name: '1', app_key: 'bad key!', app_secret: 'short' });
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['name', 'app_key', 'app_secret']));
    for (const issue of issues) expect(issue.message).toContain(zh(issue.field));
  });

  it('never quotes the value (an app_secret is a secret)', () => {
    const secret = 'Secret^Value^9999';
    const issues = issuesOf({ name: 'app_001', app_secret: secret });
    expect(JSON.stringify(issues)).not.toContain(secret);
  });
});

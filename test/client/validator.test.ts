// validateCreateAppRequest, ajv on the bundled document and the mock give the same verdict on
// every case of the rule table; issues name the field and the rule, in English and Chinese.
import { describe, expect, it } from 'vitest';
import { validateCreateAppRequest } from '../../src/validation.js';
import { BODY_CASES, FIELD_CASES, REQUEST_FIELDS, bodyWith, label } from '../rules/create-app-rules.js';
import { loadBundledDocument, schemaValidators } from '../helpers/bundled-document.js';
import { useExampleMock } from '../helpers/example-mock.js';

const ajvOnBundle = schemaValidators(loadBundledDocument())('CreateAppRequest');
const mock = useExampleMock();

async function mockVerdict(body: unknown): Promise<boolean> {
  const response = await fetch(`${mock.url}/v1.0/apigw/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
    body: JSON.stringify(body),
  });
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

  it('a bad first character is a `characters` issue saying the first character must be a letter or 汉字 (只能以英文和汉字开头)', () => {
    expect(zh('name')).toContain('只能以英文和汉字开头');
    expect(issuesOf({ name: '1bad' })).toEqual([
      {
        field: 'name',
        rule: 'characters',
        message: `name must start with an English letter or a Chinese character (只能以英文和汉字开头); it starts with "1" (U+0031). Rule: 3 to 64 characters; Chinese characters (U+4E00–U+9FA5), English letters, digits and _; starts with an English letter or a Chinese character. 规则：${zh('name')}`,
      },
    ]);
    // A first character that is allowed nowhere is told once, as the first character.
    expect(issuesOf({ name: '-ab' })[0]!.message).toMatch(
      /^name must start with an English letter or a Chinese character \(只能以英文和汉字开头\); it starts with "-" \(U\+002D\)\. Rule: /,
    );
  });

  it('a character outside the allowed set (a trailing newline too) is one `characters` issue naming it and where it is (支持汉字，英文，数字，“_”)', () => {
    expect(zh('name')).toContain('支持汉字，英文，数字，“_”');
    const allowed = 'it may hold only Chinese characters (U+4E00–U+9FA5), English letters, digits and _ (支持汉字，英文，数字，“_”). Rule: ';
    for (const [name, which] of [
      ['app_001\n', '"\\n" (U+000A), character 8'],
      ['app-001', '"-" (U+002D), character 4'],
      ['ab😀', '"😀" (U+1F600), character 3'],
      ['应用 一', '" " (U+0020), character 3'],
    ]) {
      const issues = issuesOf({ name });
      expect(issues).toEqual([{ field: 'name', rule: 'characters', message: expect.any(String) }]);
      const expected = `name has a character that is not allowed: ${which}; ${allowed}`;
      expect(issues[0]!.message.slice(0, expected.length)).toBe(expected);
    }
  });

  it('a bad first character and a bad later one: both said, the first of the later ones by position', () => {
    expect(issuesOf({ name: '1a-b!' })).toEqual([
      {
        field: 'name',
        rule: 'characters',
        message: expect.stringMatching(
          /^name must start with an English letter or a Chinese character \(只能以英文和汉字开头\); it starts with "1" \(U\+0031\)\. name has a character that is not allowed: "-" \(U\+002D\), character 3; it may hold only /,
        ),
      },
    ]);
  });

  it('the same for app_key (支持英文，数字，“_”,“-”,且只能以英文或数字开头)', () => {
    expect(zh('app_key')).toContain('只能以英文或数字开头');
    expect(issuesOf({ name: 'app_001', app_key: '_key_0001' })[0]!.message).toMatch(
      /^app_key must start with an English letter or a digit \(只能以英文或数字开头\); it starts with "_" \(U\+005F\)\. Rule: /,
    );
    expect(issuesOf({ name: 'app_001', app_key: 'key.0001' })[0]!.message).toMatch(
      /^app_key has a character that is not allowed: "\." \(U\+002E\), character 4; it may hold only English letters, digits, _ and - \(支持英文，数字，“_”,“-”\)\. Rule: /,
    );
  });

  it('an app_secret is told by position only, its characters never shown', () => {
    const [issue] = issuesOf({ name: 'app_001', app_secret: '^ecret-ab^cd' });
    expect(issue!.message).toMatch(
      /^app_secret must start with an English letter or a digit \(只能以英文或数字开头\)\. app_secret has a character that is not allowed: character 10; it may hold only English letters, digits and _ - ! @ # \$ % \(支持英文，数字，“_”,“-”,“_”,“!”,“@”,“#”,“\$”,“%”\)\. Rule: /,
    );
    expect(issue!.message).not.toMatch(/"\^"|U\+005E/);
  });

  it('a value whose every character is allowed breaks only its length: no characters issue (an empty name too)', () => {
    expect(issuesOf({ name: '' })).toEqual([{ field: 'name', rule: 'minLength', message: expect.stringContaining('(it has 0)') }]);
    expect(issuesOf({ name: 'a'.repeat(65) }).map((i) => i.rule)).toEqual(['maxLength']);
  });

  it('a long remark counts characters, not bytes', () => {
    expect(issuesOf({ name: 'app_001', remark: '应'.repeat(256) })[0]).toMatchObject({
      field: 'remark',
      rule: 'maxLength',
      message: expect.stringContaining('it has 256'),
    });
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

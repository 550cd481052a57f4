// The v2 families beside the APP (client quotas, APP access control, AI API keys) in the contract,
// against the rule tables written from Huawei's sources (test/rules/app-family-v2-rules.ts): every
// operation's path, parameters, statuses, error codes, success fields (required only where the
// gateway always sends them) and request body, and each body case through the contract's schemas.
import { describe, expect, it } from 'vitest';
import { FAMILY_CASE_SETS, FAMILY_OPERATIONS, type FamilyOperationRule } from '../rules/app-family-v2-rules.js';
import { FAMILIES_IN_CONTRACT } from './contract-mismatches.js';
import { loadBundledDocument, schemaValidators } from '../helpers/bundled-document.js';
import { deref } from '../../scripts/generate/json-pointer.mjs';

const doc = loadBundledDocument();
const validators = schemaValidators(doc);
const operations = FAMILY_OPERATIONS.filter((o) => FAMILIES_IN_CONTRACT.includes(o.family));
const operationOf = (rule: FamilyOperationRule) => doc.paths?.[rule.path]?.[rule.method];
const responseOf = (rule: FamilyOperationRule, status: string) => deref(doc, operationOf(rule)?.responses?.[status]);
const jsonSchemaOf = (response: any) => deref(doc, response?.content?.['application/json']?.schema);
const schemaName = (ref: unknown) =>
  String(ref ?? '')
    .split('/')
    .pop() ?? '';

describe.each(operations.map((rule) => [`${rule.sdkName}: ${rule.method.toUpperCase()} ${rule.path}`, rule] as const))('%s', (_name, rule) => {
  it('is in the contract, named in today’s style, with the path parameters of the page', () => {
    const op = operationOf(rule);
    expect(op, 'operation missing').toBeDefined();
    expect(op.operationId).toMatch(/^[a-z][A-Za-z]+OnDedicatedGatewayV2$/);
    const params = (op.parameters ?? []).map((p: any) => deref(doc, p));
    expect(
      params
        .filter((p: any) => p.in === 'path')
        .map((p: any) => p.name)
        .sort(),
    ).toEqual([...rule.pathParams].sort());
    expect(
      params
        .filter((p: any) => p.in === 'query')
        .map((p: any) => p.name)
        .sort(),
    ).toEqual(Object.keys(rule.query).sort());
  });

  it('answers the page’s statuses, each with an X-Request-Id, errors as the Huawei error body with the page’s codes', () => {
    const responses = operationOf(rule)?.responses ?? {};
    expect(Object.keys(responses).sort()).toEqual([...rule.statuses].sort());
    for (const status of rule.statuses) {
      const response = responseOf(rule, status);
      expect(response?.headers?.['X-Request-Id'], `${status}: X-Request-Id`).toBeDefined();
      if (/^[45]/.test(status)) expect(response?.content?.['application/json']?.schema?.$ref, `${status}: ErrorBody`).toBe('#/components/schemas/ErrorBody');
    }
    for (const [status, codes] of Object.entries(rule.errorCodes)) {
      const examples = Object.values(responseOf(rule, status)?.content?.['application/json']?.examples ?? {}).map(
        (e: any) => (deref(doc, e) as any)?.value?.error_code,
      );
      expect(examples, `${status} examples`).toEqual(expect.arrayContaining([...codes]));
    }
  });

  it('promises in its success answer only what the gateway always sends', () => {
    const { success } = rule;
    const response = responseOf(rule, success.status);
    const schema = jsonSchemaOf(response);
    if (success.shape === 'none') {
      expect(schema).toBeUndefined();
      return;
    }
    const record = success.shape === 'list' ? deref(doc, schema?.properties?.[success.listField ?? '']?.items) : schema;
    if (success.shape === 'list') expect(schema?.required ?? []).toEqual(expect.arrayContaining([...(success.envelope ?? [])]));
    expect(Object.keys(record?.properties ?? {}).sort()).toEqual([...success.fields].sort());
    const mustSend = success.fields.filter((f) => !success.mayBeAbsent.includes(f));
    expect([...(record?.required ?? [])].sort()).toEqual(mustSend.sort());
  });

  it('takes the body the page describes: required fields, and each field’s rule in both languages', () => {
    const body = deref(doc, operationOf(rule)?.requestBody);
    if (!rule.body) {
      expect(body).toBeUndefined();
      return;
    }
    expect(body?.required ?? false).toBe(rule.bodyRequired);
    const schema = jsonSchemaOf(body);
    expect([...(schema?.required ?? [])].sort()).toEqual(
      Object.entries(rule.body)
        .filter(([, field]) => field.required)
        .map(([name]) => name)
        .sort(),
    );
    for (const name of Object.keys(rule.body)) {
      const field = deref(doc, schema?.properties?.[name]);
      const ruled = field?.type === 'array' ? deref(doc, field.items) : field;
      expect(ruled?.['x-rule-en'] ?? field?.['x-rule-en'], `${name}: x-rule-en`).toBeTruthy();
      expect(ruled?.['x-rule-zh'] ?? field?.['x-rule-zh'], `${name}: x-rule-zh`).toBeTruthy();
    }
  });
});

describe.each(FAMILY_CASE_SETS.filter((set) => operations.some((o) => set.operations.includes(o.sdkName))).map((set) => [set.name, set] as const))(
  '%s: each body as the rule table judges it',
  (_name, set) => {
    const rule = operations.find((o) => set.operations.includes(o.sdkName)) as FamilyOperationRule;
    const validate = validators(schemaName(deref(doc, operationOf(rule)?.requestBody)?.content?.['application/json']?.schema?.$ref));
    it.each(set.cases.map((c) => [c.why, c] as const))('%s', (_why, c) => {
      expect(validate(c.body)).toBe(c.valid);
    });
  },
);

// The mock on the lifecycle operations: every operation of every generation answers its page's
// status, a delete's 204 has no body, and a broken query or path parameter is named in the 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../rules/lifecycle-rules.js';
import { GRANT_OPERATIONS } from '../../rules/app-grant-rules.js';
import { startMockServer } from '../../../mock/server/index.mjs';

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, stateless: true }); // answers with the pages' examples
});
afterAll(async () => {
  await mock?.close();
});

const concrete = (path: string) =>
  path
    .replace('{project_id}', 'p1')
    .replace('{instance_id}', 'i1')
    .replace(/\{(app_)?id\}/, 'a1');
const BODIES: Record<string, unknown> = { create: { name: 'app_001' }, update: { name: 'app_001' }, reset: {} };

describe('every operation of every generation', () => {
  it.each(OPERATIONS.map((o) => ({ ...o, label: `${o.method.toUpperCase()} ${o.path}` })))('$label answers $statuses.0', async (op) => {
    const body = BODIES[op.kind];
    const response = await fetch(`${mock.url}${concrete(op.path)}`, {
      method: op.method.toUpperCase(),
      headers: { 'x-auth-token': 't', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status).toBe(Number(op.statuses[0]));
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    const text = await response.text();
    if (response.status === 204) {
      expect(text).toBe('');
      expect(response.headers.get('content-length')).toBeNull();
    } else {
      for (const field of op.kind === 'list' ? ['total', 'size', 'apps'] : op.responseFields) expect(JSON.parse(text)).toHaveProperty(field);
    }
  });
});

const GRANT_BODIES: Record<string, unknown> = {
  createAppCode: { app_code: 'a'.repeat(64) },
  authorize: { app_ids: ['a1'], api_ids: ['b1'], env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID' },
};
const grantConcrete = (path: string) => concrete(path).replace(/\{(id|app_code_id|app_auth_id)\}/, 'x1');
const REQUIRED_QUERY: Record<string, string> = { boundApis: '?app_id=a1', unboundApis: '?app_id=a1&env_id=e1' };

describe('every AppCode, authorization and outline operation, stateless', () => {
  it.each(GRANT_OPERATIONS.map((o) => ({ ...o, label: `${o.method.toUpperCase()} ${o.path}` })))(
    '$label answers $statuses.0 with its page example',
    async (op) => {
      const body = GRANT_BODIES[op.kind];
      const response = await fetch(`${mock.url}${grantConcrete(op.path)}${REQUIRED_QUERY[op.kind] ?? ''}`, {
        method: op.method.toUpperCase(),
        headers: { 'x-auth-token': 't', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(response.status).toBe(Number(op.statuses[0]));
      const text = await response.text();
      const success = op.success;
      if (success.shape === 'none') return expect(text).toBe('');
      const json = JSON.parse(text);
      if (success.shape === 'array') for (const field of success.fields) expect(json[0]).toHaveProperty(field);
      if (success.shape === 'object') for (const field of success.fields) expect(json).toHaveProperty(field);
      if (success.shape === 'list') expect(json).toHaveProperty(success.listField);
    },
  );
});

describe('a broken parameter is named', () => {
  it.each([
    ['/v2/p1/apigw/instances/i1/apps?limit=2147483648', 'APIG.2011', 'limit'],
    ['/v2/p1/apigw/instances/i1/apps?limit=ten', 'APIG.2011', 'limit'],
    ['/v1.0/apigw/apps?page_size=ten', 'APIG.2011', 'page_size'],
    ['/v1/p1/apigw/instances/i1/apps?creator=ADMIN', 'APIG.2011', 'creator'],
    ['/v1.0/apigw/apps?precise_search=remark', 'APIG.2011', 'precise_search'],
    ['/v1//apigw/instances/i1/apps', 'APIG.2001', 'project_id'],
    ['/v2/p1/apigw/instances//apps/a1', 'APIG.2001', 'instance_id'],
    ['/v1.0/apigw/apps/', 'APIG.2001', 'id'],
  ])('GET %s → 400 %s naming %s', async (path, code, name) => {
    const response = await fetch(`${mock.url}${path}`, { headers: { 'x-auth-token': 't' } });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error_code).toBe(code);
    expect(body.error_msg).toContain(`parameterName:${name}`);
  });
});

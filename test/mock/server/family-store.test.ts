// The v2 families' state in-process (mock/server/family-store.mjs), as the current v2 pages state
// it: APP access control per APP, its routes on v2 only, and what deleting an APP takes with it.
import { describe, expect, it } from 'vitest';
import { AppStore } from '../../../mock/server/app-store.mjs';
import { familyRouteOf } from '../../../mock/server/family-store.mjs';

const TENANT = 'v2 p i';
const store = () => {
  const s = new AppStore();
  const created = s.handle({ generation: 'v2', kind: 'create', tenant: TENANT, body: { name: 'acl_app' } }) as { body: { id: string } };
  return { s, id: created.body.id };
};
const acl = (s: AppStore, kind: string, appId: string, body?: Record<string, unknown>) => s.handle({ generation: 'v2', kind, tenant: TENANT, appId, body });

describe('family routes', () => {
  it.each([
    ['GET', 'showAcl'],
    ['PUT', 'setAcl'],
    ['DELETE', 'deleteAcl'],
  ])('%s …/apps/{app_id}/app-acl is %s, on v2 only', (method, kind) => {
    expect(familyRouteOf(method, '/v2/p%201/apigw/instances/i/apps/a%2Fb/app-acl')).toEqual({
      generation: 'v2',
      kind,
      params: { project_id: 'p 1', instance_id: 'i' },
      appId: 'a/b',
    });
    expect(familyRouteOf(method, '/v1/p/apigw/instances/i/apps/a/app-acl')).toBeUndefined();
    expect(familyRouteOf(method, '/v1.0/apigw/apps/a/app-acl')).toBeUndefined();
  });

  it.each([
    ['POST', '/apps/a1/ai-api-keys', { kind: 'createAiKey', appId: 'a1' }],
    ['GET', '/apps/a1/ai-api-keys', { kind: 'listAiKeys', appId: 'a1' }],
    ['GET', '/apps/a1/ai-api-keys/k%201', { kind: 'showAiKey', appId: 'a1', itemId: 'k 1' }],
    ['DELETE', '/apps/a1/ai-api-keys/k1', { kind: 'deleteAiKey', appId: 'a1', itemId: 'k1' }],
  ])('%s …%s is an AI API key operation', (method, rest, expected) => {
    expect(familyRouteOf(method, `/v2/p/apigw/instances/i${rest}`)).toEqual({ generation: 'v2', params: { project_id: 'p', instance_id: 'i' }, ...expected });
  });

  it('knows no other method or path', () => {
    expect(familyRouteOf('PUT', '/v2/p/apigw/instances/i/apps/a/ai-api-keys')).toBeUndefined();
    expect(familyRouteOf('POST', '/v2/p/apigw/instances/i/apps/a/ai-api-keys/k')).toBeUndefined();
    expect(familyRouteOf('POST', '/v2/p/apigw/instances/i/apps/a/app-acl')).toBeUndefined();
    expect(familyRouteOf('GET', '/v2/p/apigw/instances/i/apps/a/app-acl/x')).toBeUndefined();
    expect(familyRouteOf('GET', '/v2/p/apigw/instances/i/apps/a')).toBeUndefined();
  });
});

describe('APP access control', () => {
  it('set replaces, show reads, delete removes (again: still 204); an APP without one shows its id alone', () => {
    const { s, id } = store();
    expect(acl(s, 'showAcl', id)).toEqual({ status: 200, body: { app_id: id } });
    expect(acl(s, 'setAcl', id, { app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] })).toEqual({
      status: 201,
      body: { app_id: id, app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] },
    });
    acl(s, 'setAcl', id, { app_acl_type: 'DENY', app_acl_values: ['2.2.2.2', '3.3.3.0/24'] });
    expect(acl(s, 'showAcl', id)).toEqual({ status: 200, body: { app_id: id, app_acl_type: 'DENY', app_acl_values: ['2.2.2.2', '3.3.3.0/24'] } });
    expect(acl(s, 'deleteAcl', id)).toEqual({ status: 204 });
    expect(acl(s, 'deleteAcl', id)).toEqual({ status: 204 });
    expect(acl(s, 'showAcl', id)).toEqual({ status: 200, body: { app_id: id } });
  });

  it('the stored list is a copy: changing the request body afterwards changes nothing', () => {
    const { s, id } = store();
    const values = ['1.1.1.1'];
    acl(s, 'setAcl', id, { app_acl_type: 'PERMIT', app_acl_values: values });
    values.push('9.9.9.9');
    expect(acl(s, 'showAcl', id)).toEqual({ status: 200, body: { app_id: id, app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] } });
  });

  it('a missing APP is 404 APIG.3004 naming it, on each', () => {
    const { s } = store();
    for (const kind of ['showAcl', 'setAcl', 'deleteAcl']) {
      expect(acl(s, kind, 'nope', { app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] })).toEqual({
        status: 404,
        body: { error_code: 'APIG.3004', error_msg: 'App nope does not exist' },
      });
    }
  });

  it('deleting the APP forgets its list; another tenant never sees it', () => {
    const { s, id } = store();
    acl(s, 'setAcl', id, { app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] });
    expect(s.handle({ generation: 'v2', kind: 'showAcl', tenant: 'v2 p other', appId: id }).status).toBe(404);
    s.handle({ generation: 'v2', kind: 'delete', tenant: TENANT, appId: id });
    expect(s.apps(TENANT, false).acls.has(id)).toBe(false);
  });

  it('reset forgets every list', () => {
    const { s, id } = store();
    acl(s, 'setAcl', id, { app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] });
    s.reset();
    expect(s.apps(TENANT, false).acls.size).toBe(0);
  });
});

describe('AI API keys', () => {
  const keys = (s: AppStore, kind: string, appId: string, extra: Record<string, unknown> = {}) =>
    s.handle({ generation: 'v2', kind, tenant: TENANT, appId, ...extra }) as { status: number; body: any };

  it('a key given is kept as given; none given, one is generated (8~128 of the allowed characters); show gives it whole, the list masked', () => {
    const { s, id } = store();
    const given = keys(s, 'createAiKey', id, { body: { ai_api_key: 'Given+key/01=', alias: 'prod_1' } });
    expect(given.status).toBe(201);
    expect(given.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      ai_api_key: 'Given+key/01=',
      alias: 'prod_1',
      app_id: id,
      create_time: expect.any(String),
    });
    const generated = keys(s, 'createAiKey', id, { body: {} });
    expect(generated.body.ai_api_key).toMatch(/^[A-Za-z0-9+_/=-]{8,128}$/);
    expect(generated.body).not.toHaveProperty('alias');
    expect(keys(s, 'showAiKey', id, { itemId: given.body.id })).toEqual({ status: 200, body: given.body });
    const list = keys(s, 'listAiKeys', id, { query: {} });
    expect(list.body.total).toBe(2);
    expect(list.body.ai_api_keys.map((k: { ai_api_key: string }) => k.ai_api_key)).toEqual(['Give****', `${generated.body.ai_api_key.slice(0, 4)}****`]);
  });

  it('pages with offset and limit (v2’s paging)', () => {
    const { s, id } = store();
    for (let i = 0; i < 3; i += 1) keys(s, 'createAiKey', id, { body: { ai_api_key: `key-${i}-abcdef` } });
    const page = keys(s, 'listAiKeys', id, { query: { offset: '1', limit: '1' } });
    expect(page.body).toMatchObject({ total: 3, size: 1 });
    expect(page.body.ai_api_keys[0].ai_api_key).toBe('key-****');
    expect(keys(s, 'listAiKeys', id, { query: { offset: '3' } }).body).toEqual({ total: 3, size: 0, ai_api_keys: [] });
  });

  it('a key already used in the tenant is refused (400 APIG.3310); in another tenant it is not', () => {
    const { s, id } = store();
    keys(s, 'createAiKey', id, { body: { ai_api_key: 'shared-key-1' } });
    const other = s.handle({ generation: 'v2', kind: 'create', tenant: TENANT, body: { name: 'second_app' } }) as { body: { id: string } };
    expect(keys(s, 'createAiKey', other.body.id, { body: { ai_api_key: 'shared-key-1' } })).toEqual({
      status: 400,
      body: { error_code: 'APIG.3310', error_msg: 'The AI API key already exists' },
    });
    const elsewhere = s.handle({ generation: 'v2', kind: 'create', tenant: 'v2 p2 i2', body: { name: 'acl_app' } }) as { body: { id: string } };
    expect(s.handle({ generation: 'v2', kind: 'createAiKey', tenant: 'v2 p2 i2', appId: elsewhere.body.id, body: { ai_api_key: 'shared-key-1' } }).status).toBe(
      201,
    );
  });

  it('delete removes one key (then 404 APIG.3000, the stand-in); deleting the APP forgets every key', () => {
    const { s, id } = store();
    const key = keys(s, 'createAiKey', id, { body: {} }).body;
    expect(keys(s, 'deleteAiKey', id, { itemId: key.id })).toEqual({ status: 204 });
    expect(keys(s, 'showAiKey', id, { itemId: key.id })).toEqual({
      status: 404,
      body: { error_code: 'APIG.3000', error_msg: `The AI API key ${key.id} does not exist` },
    });
    keys(s, 'createAiKey', id, { body: {} });
    s.handle({ generation: 'v2', kind: 'delete', tenant: TENANT, appId: id });
    expect(s.apps(TENANT, false).aiKeys.has(id)).toBe(false);
    expect(keys(s, 'listAiKeys', id).status).toBe(404);
  });
});

// The v2 families over HTTP, every answer checked against the contract's schema for its status:
// stateful (what the current v2 pages say each call does), stateless (the pages' examples), with
// credentials (the front door first), and a body that breaks the contract (the 400 naming the field).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../../mock/server/index.mjs';
import { checkedCaller } from '../../helpers/checked-call.js';

const BASE = '/v2/p-fam/apigw/instances/i-fam';
// The page's example (Configuring Access Control Settings for an App).
const PAGE_ACL = { app_acl_type: 'PERMIT', app_acl_values: ['192.168.0.1', '192.168.0.5-192.168.0.10', '192.168.0.100/28'] };

let stateful: Awaited<ReturnType<typeof startMockServer>>;
let stateless: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  [stateful, stateless] = await Promise.all([startMockServer({ port: 0 }), startMockServer({ port: 0, stateless: true })]);
});
afterAll(async () => {
  await Promise.all([stateful?.close(), stateless?.close()]);
});
const call = checkedCaller(() => stateful.url);
const example = checkedCaller(() => stateless.url);

describe('APP access control, stateful', () => {
  it('set, show, replace, delete: each answer valid against its schema', async () => {
    const app = (await call('POST', `${BASE}/apps`, { name: 'acl_http' })).json.id;
    const acl = `${BASE}/apps/${app}/app-acl`;
    expect(await call('GET', acl)).toEqual({ status: 200, json: { app_id: app } });
    expect(await call('PUT', acl, PAGE_ACL)).toEqual({ status: 201, json: { app_id: app, ...PAGE_ACL } });
    expect(await call('GET', acl)).toEqual({ status: 200, json: { app_id: app, ...PAGE_ACL } });
    expect((await call('DELETE', acl)).status).toBe(204);
    expect(await call('GET', acl)).toEqual({ status: 200, json: { app_id: app } });
    expect((await call('DELETE', `${BASE}/apps/${app}`)).status).toBe(204);
    expect((await call('GET', acl)).json.error_code).toBe('APIG.3004');
  });

  it('a value that is no IP, range or CIDR: 400 APIG.2011 naming app_acl_values; a wrong type: naming app_acl_type', async () => {
    const app = (await call('POST', `${BASE}/apps`, { name: 'acl_http_bad' })).json.id;
    const bad = await call('PUT', `${BASE}/apps/${app}/app-acl`, { app_acl_type: 'PERMIT', app_acl_values: ['10.0.0.0/33'] });
    expect(bad.status).toBe(400);
    expect(bad.json.error_msg).toContain('app_acl_values');
    const type = await call('PUT', `${BASE}/apps/${app}/app-acl`, { app_acl_type: 'ALLOW', app_acl_values: ['10.0.0.1'] });
    expect(type.status).toBe(400);
    expect(type.json.error_msg).toContain('app_acl_type');
    expect((await call('GET', `${BASE}/apps/${app}/app-acl`)).json).toEqual({ app_id: app });
  });

  it('on v1.0 and v1 the family is no route: 404 APIG.0101', async () => {
    for (const path of ['/v1.0/apigw/apps/a1/app-acl', '/v1/p/apigw/instances/i/apps/a1/app-acl']) {
      const response = await fetch(`${stateful.url}${path}`, { headers: { 'x-auth-token': 't' } });
      expect(response.status).toBe(404);
      expect((await response.json()).error_code).toBe('APIG.0101');
    }
  });
});

describe('AI API keys, stateful', () => {
  it('create (generated, given), list masked, show, delete: each answer valid against its schema', async () => {
    const app = (await call('POST', `${BASE}/apps`, { name: 'ai_http' })).json.id;
    const keys = `${BASE}/apps/${app}/ai-api-keys`;
    const generated = await call('POST', keys, {});
    expect(generated.status).toBe(201);
    const given = await call('POST', keys, { ai_api_key: 'Given-key-0001', alias: 'ops' });
    expect(given.json).toMatchObject({ ai_api_key: 'Given-key-0001', alias: 'ops', app_id: app });
    const list = await call('GET', `${keys}?offset=0&limit=10`);
    expect(list.json.total).toBe(2);
    expect(list.json.ai_api_keys.map((k: { ai_api_key: string }) => k.ai_api_key)).toEqual([`${generated.json.ai_api_key.slice(0, 4)}****`, 'Give****']);
    expect((await call('GET', `${keys}/${given.json.id}`)).json).toEqual(given.json);
    expect((await call('POST', keys, { ai_api_key: 'Given-key-0001' })).status).toBe(400);
    expect((await call('DELETE', `${keys}/${given.json.id}`)).status).toBe(204);
    expect((await call('GET', `${keys}/${given.json.id}`)).status).toBe(404);
    expect((await call('POST', keys, { ai_api_key: 'bad!' })).json.error_msg).toContain('ai_api_key');
  });
});

describe('client quotas, stateful', () => {
  it('create → bind → both lists and the APP’s quota → update → unbind → delete: each answer valid against its schema', async () => {
    const app = (await call('POST', `${BASE}/apps`, { name: 'quota_http' })).json.id;
    const body = { name: 'ClientQuota_http', call_limits: 1000, time_unit: 'DAY', time_interval: 1, reset_time: '2020-09-20 00:00:00' };
    const created = await call('POST', `${BASE}/app-quotas`, body);
    expect(created.status).toBe(201);
    const quota = `${BASE}/app-quotas/${created.json.app_quota_id}`;
    expect((await call('POST', `${BASE}/app-quotas`, body)).json.error_code).toBe('APIG.3325');
    expect((await call('GET', `${quota}/bindable-apps?app_name=quota_http`)).json.apps.map((a: { app_id: string }) => a.app_id)).toEqual([app]);
    expect((await call('POST', `${quota}/binding-apps`, { app_ids: [app] })).status).toBe(201);
    expect((await call('GET', `${quota}/bound-apps?offset=0&limit=5`)).json).toMatchObject({ total: 1, apps: [{ app_id: app }] });
    expect((await call('GET', `${BASE}/apps/${app}/bound-quota`)).json).toMatchObject({ app_quota_id: created.json.app_quota_id, bound_app_num: 1 });
    expect((await call('GET', `${BASE}/app-quotas?name=http`)).json.total).toBe(1);
    expect((await call('PUT', quota, { ...body, call_limits: 10 })).json.call_limits).toBe(10);
    expect((await call('DELETE', `${quota}/bound-apps/${app}`)).status).toBe(204);
    expect((await call('GET', `${BASE}/apps/${app}/bound-quota`)).json.error_code).toBe('APIG.3093');
    expect((await call('DELETE', quota)).status).toBe(204);
    expect((await call('GET', quota)).json.error_code).toBe('APIG.3093');
  });

  it('bodies that break the contract: 400 naming the field (an integer out of range, a unit not listed, a time in another form)', async () => {
    const body = { name: 'ClientQuota_bad', call_limits: 1000, time_unit: 'DAY', time_interval: 1 };
    for (const [field, value] of [
      ['call_limits', 0],
      ['time_unit', 'WEEK'],
      ['reset_time', '2020-09-20T00:00:00Z'],
      ['remark', 'a<b'],
    ] as const) {
      const bad = await call('POST', `${BASE}/app-quotas`, { ...body, [field]: value });
      expect([field, bad.status]).toEqual([field, 400]);
      expect(bad.json.error_msg).toContain(field);
    }
  });
});

describe('APP access control, stateless: the pages’ examples', () => {
  it('show and set answer the example; delete 204', async () => {
    const acl = `${BASE}/apps/9ed8b7fe84224de681e7d7a5587e76dc/app-acl`;
    expect(await example('GET', acl)).toEqual({ status: 200, json: { app_id: '9ed8b7fe84224de681e7d7a5587e76dc', ...PAGE_ACL } });
    expect((await example('PUT', acl, PAGE_ACL)).status).toBe(201);
    expect((await example('DELETE', acl)).status).toBe(204);
  });

  it('client quotas answer the pages’ examples', async () => {
    const quota = `${BASE}/app-quotas/c900c5612dbe451bb43cbcc49cfaf2f3`;
    expect((await example('GET', quota)).json.reset_time).toBe('2020-09-20 00:00:00 +0000 +0000');
    expect((await example('GET', `${quota}/bindable-apps`)).json.apps[0].bound_time).toBe('0001-01-01T00:00:00Z');
    expect((await example('GET', `${BASE}/apps/98df09fb-d459-4cbf-83a7-2b55ca6f3d5d/bound-quota`)).json.bound_app_num).toBe(0);
    expect((await example('POST', `${quota}/binding-apps`, { app_ids: ['98df09fb-d459-4cbf-83a7-2b55ca6f3d5d'] })).status).toBe(201);
  });

  it('AI API keys answer the contract’s examples (no page gives one)', async () => {
    const keys = `${BASE}/apps/9ed8b7fe84224de681e7d7a5587e76dc/ai-api-keys`;
    expect((await example('POST', keys, { alias: 'chatbot_prod' })).json.alias).toBe('chatbot_prod');
    expect((await example('GET', keys)).json.ai_api_keys[0].ai_api_key).toBe('Q2hh****');
    expect((await example('GET', `${keys}/5f2a1c3e9b8d4e7fa6c0b1d2e3f4a5b6`)).status).toBe(200);
    expect((await example('DELETE', `${keys}/5f2a1c3e9b8d4e7fa6c0b1d2e3f4a5b6`)).status).toBe(204);
  });
});

describe('with credentials', () => {
  it('the front door answers first: no known token, 401', async () => {
    const guarded = await startMockServer({ port: 0, credentials: { tokens: ['known-token-fam'] } });
    try {
      const unknown = await fetch(`${guarded.url}${BASE}/apps/a1/app-acl`, { headers: { 'x-auth-token': 'other' } });
      expect(unknown.status).toBe(401);
      const known = await fetch(`${guarded.url}${BASE}/apps/a1/app-acl`, { headers: { 'x-auth-token': 'known-token-fam' } });
      expect(known.status).toBe(404);
    } finally {
      await guarded.close();
    }
  });
});

describe('a seed with access control', () => {
  it('serves a seeded APP’s list, and POST /_mock/reset returns to it', async () => {
    const seeded = await startMockServer({
      port: 0,
      seed: [
        { tenant: 'v2 p-seed i-seed', apps: [{ id: 'app-with-acl', name: 'seeded_acl', app_acl: { app_acl_type: 'DENY', app_acl_values: ['10.0.0.0/8'] } }] },
      ],
    });
    try {
      const acl = `${seeded.url}/v2/p-seed/apigw/instances/i-seed/apps/app-with-acl/app-acl`;
      const read = async () => (await fetch(acl, { headers: { 'x-auth-token': 't' } })).json();
      expect(await read()).toEqual({ app_id: 'app-with-acl', app_acl_type: 'DENY', app_acl_values: ['10.0.0.0/8'] });
      await fetch(acl, { method: 'DELETE', headers: { 'x-auth-token': 't' } });
      expect(await read()).toEqual({ app_id: 'app-with-acl' });
      await fetch(`${seeded.url}/_mock/reset`, { method: 'POST' });
      expect(await read()).toEqual({ app_id: 'app-with-acl', app_acl_type: 'DENY', app_acl_values: ['10.0.0.0/8'] });
    } finally {
      await seeded.close();
    }
  });

  it('refuses a list that breaks the contract, or one on v1, naming the APP and the rule', async () => {
    await expect(
      startMockServer({
        port: 0,
        seed: [
          { tenant: 'v2 p i', apps: [{ name: 'bad_acl', app_acl: { app_acl_type: 'PERMIT', app_acl_values: ['1.2.3.256'] } }] },
          { tenant: 'v1 p i', apps: [{ name: 'v1_acl', app_acl: { app_acl_type: 'PERMIT', app_acl_values: ['1.2.3.4'] } }] },
        ],
      }),
    ).rejects.toThrow(
      /seed tenant #1 \(v2 p i\), APP #1, app_acl: app_acl_values entry 0 does not follow its rule[\s\S]*seed tenant #2 \(v1 p i\), APP #1: app_acl exists on v2 only/,
    );
  });
});

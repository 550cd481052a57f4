// The stateful mock: per-tenant memory, the gateway's codes for taken names and keys, the
// quota, filters and paging as each generation's page describes them — and every answer
// valid against the contract's response schema for its operation and status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../../mock/server/index.mjs';
import { checkedCaller } from '../../helpers/checked-call.js';

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, quota: 6 });
});
afterAll(async () => {
  await mock?.close();
});

/** Sends a request and checks the answer against the contract's schema for that status. */
const call = checkedCaller(() => mock.url);

const BASES = { 'v1.0': '/v1.0/apigw/apps', v1: '/v1/p1/apigw/instances/i1/apps', v2: '/v2/p1/apigw/instances/i1/apps' } as const;

describe.each(Object.entries(BASES))('%s', (generation, base) => {
  it('answers every step of the lifecycle from memory, each valid against its response schema', async () => {
    const made = await call('POST', base, { name: `${generation.replace('.', '_')}_app`, remark: 'r1', app_key: `key_${generation.replace('.', '')}_12345` });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ remark: 'r1', creator: 'USER', status: 1, app_type: 'apig' });
    const id = made.json.id;
    expect((await call('GET', `${base}/${id}`)).json.name).toBe(made.json.name);
    expect((await call('POST', base, { name: made.json.name })).json.error_code).toBe('APIG.3203');
    expect((await call('POST', base, { name: 'other_app', app_key: made.json.app_key })).json.error_code).toBe('APIG.3310');
    const updated = await call('PUT', `${base}/${id}`, { name: 'renamed_app', remark: 'r2' });
    expect(updated.status).toBe(generation === 'v2' ? 201 : 200);
    expect(updated.json).toMatchObject({ id, name: 'renamed_app', remark: 'r2', app_key: made.json.app_key });
    expect((await call('PUT', `${base}/secret/${id}`, { app_secret: 'Chosen_secret1' })).json.app_secret).toBe('Chosen_secret1');
    const generated = (await call('PUT', `${base}/secret/${id}`, {})).json.app_secret;
    expect(generated).toMatch(/^[0-9a-f]{32}$/);
    expect((await call('GET', `${base}/validation/${id}`)).json).toEqual({ id, name: 'renamed_app', remark: 'r2' });
    expect((await call('DELETE', `${base}/${id}`)).status).toBe(204);
    const gone = await call('GET', `${base}/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.json.error_code).toBe(generation === 'v2' ? 'APIG.3002' : 'APIG.3004');
    expect((await call('DELETE', `${base}/${id}`)).status).toBe(404);
  });

  it('filters and pages as the page says, with total and size right', async () => {
    for (const name of ['alpha_1', 'alpha_2', 'alpha_3', 'beta_1']) expect((await call('POST', base, { name }, 'tenant-b')).status).toBe(201);
    const all = await call('GET', `${base}?name=alpha`, undefined, 'tenant-b');
    if (generation !== 'v1.0') expect(all.json.total).toBe(3); // v1/v2 tenants are instances, shared by tokens
    const exact = await call('GET', `${base}?name=alpha_2&precise_search=name`, undefined, 'tenant-b');
    expect(exact.json).toMatchObject({ total: 1, size: 1, apps: [{ name: 'alpha_2', bind_num: 0 }] });
    const page = generation === 'v2' ? `${base}?name=alpha&offset=2&limit=2` : `${base}?name=alpha&page_no=2&page_size=2`;
    const second = await call('GET', page, undefined, 'tenant-b');
    expect(second.json.size).toBe(1);
    expect(second.json.apps.map((a: { name: string }) => a.name)).toEqual(['alpha_3']);
    expect((await call('GET', `${base}?creator=MARKET`, undefined, 'tenant-b')).json).toMatchObject({ total: 0, size: 0, apps: [] });
  });
});

describe('tenants and limits', () => {
  it('keeps v1.0 APPs per credential and v1/v2 APPs per instance', async () => {
    expect((await call('POST', BASES['v1.0'], { name: 'private_app' }, 'tenant-c')).status).toBe(201);
    expect((await call('GET', `${BASES['v1.0']}?name=private_app&precise_search=name`, undefined, 'tenant-d')).json.total).toBe(0);
    expect((await call('POST', '/v2/p1/apigw/instances/i9/apps', { name: 'instance_app' })).status).toBe(201);
    expect((await call('GET', `/v2/p1/apigw/instances/i8/apps?name=instance_app&precise_search=name`)).json.total).toBe(0);
  });

  it('refuses an APP past the quota with APIG.3103', async () => {
    const base = '/v2/quota/apigw/instances/q1/apps';
    for (let i = 0; i < 6; i++) expect((await call('POST', base, { name: `quota_app_${i}` })).status).toBe(201);
    const over = await call('POST', base, { name: 'quota_app_6' });
    expect(over.status).toBe(403);
    expect(over.json.error_code).toBe('APIG.3103');
  });

  it('validates before it remembers: a broken body changes nothing', async () => {
    const base = '/v1/p7/apigw/instances/i7/apps';
    expect((await call('POST', base, { name: '1bad' })).status).toBe(400);
    expect((await call('GET', base)).json.total).toBe(0);
  });

  it('Prefer still picks a response, and POST /_mock/reset forgets everything', async () => {
    const forced = await call('POST', BASES.v2, { name: 'preferred_app' }, 'tenant-a');
    expect(forced.status).toBe(201);
    const response = await fetch(`${mock.url}${BASES.v2}`, {
      method: 'POST',
      headers: { 'x-auth-token': 't', 'content-type': 'application/json', prefer: 'code=403' },
      body: JSON.stringify({ name: 'another_app' }),
    });
    expect(response.status).toBe(403);
    expect((await fetch(`${mock.url}/_mock/reset`, { method: 'POST' })).status).toBe(204);
    expect((await call('GET', BASES.v2)).json.total).toBe(0);
  });
});

// The mock as today's v2 gateway answers (issue: "the gateway users call today"): no `remark`
// for an APP that has none (查询APP列表's example), `limit` adjusted rather than refused (≤ 0 is
// 20, more than 500 is 500: Huawei's current definitions, model_list_apps_v2_request.go), the
// related_* fields stored, shown and filtered on, and the `tags` filter of the API lists
// (model_list_apis_binded_to_app_v2_request.go: several values are OR'ed, #no_tags# is an API
// without tags, none or empty filters nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../../mock/server/index.mjs';
import { tagsMatch } from '../../../mock/server/grant-store.mjs';
import { v2Limit } from '../../../mock/server/paging.mjs';

const V2 = '/v2/p1/apigw/instances/i1';
const TOKEN = { 'x-auth-token': 'current-v2' };
const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({
    port: 0,
    seed: [
      {
        tenant: 'v2 p9 i9',
        apps: [{ name: 'tagged_app', remark: 'has a remark' }],
        environments: [{ id: RELEASE, name: 'RELEASE' }],
        apis: [
          { id: 'api-red', name: 'Red', published_in: [RELEASE], tags: ['red', 'warm'] },
          { id: 'api-blue', name: 'Blue', published_in: [RELEASE], tags: ['blue'] },
          { id: 'api-bare', name: 'Bare', published_in: [RELEASE] },
        ],
      },
    ],
  });
});
afterAll(async () => {
  await mock?.close();
});
const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: { ...TOKEN, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
};

describe('an APP without a remark', () => {
  it('is answered without remark on create, show, list and verify (v2), with an empty one on v1', async () => {
    const created = await call('POST', `${V2}/apps`, { name: 'no_remark_app' });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('remark');
    expect((await call('GET', `${V2}/apps/${created.body.id}`)).body).not.toHaveProperty('remark');
    expect((await call('GET', `${V2}/apps/validation/${created.body.id}`)).body).toEqual({ id: created.body.id, name: 'no_remark_app' });
    const listed = (await call('GET', `${V2}/apps?name=no_remark_app`)).body.apps[0];
    expect(listed).not.toHaveProperty('remark');
    expect(listed).toMatchObject({ id: created.body.id, app_type: 'apig', bind_num: 0 });
    const updated = await call('PUT', `${V2}/apps/${created.body.id}`, { name: 'no_remark_app', remark: 'now it has one' });
    expect(updated.body.remark).toBe('now it has one');
    expect((await call('POST', '/v1/p1/apigw/instances/i1/apps', { name: 'v1_no_remark' })).body.remark).toBe('');
  });
});

describe('limit, as the gateway takes it', () => {
  it('0 or less is 20, more than 500 is 500, in between as asked', () => {
    expect([-5, 0, 1, 20, 499, 500, 501, 1000].map((limit) => v2Limit(limit))).toEqual([20, 20, 1, 20, 499, 500, 500, 500]);
    expect(v2Limit(undefined)).toBe(20);
  });

  it('limit=1000 and limit=0 are answered 200 with the adjusted page, not refused', async () => {
    for (let i = 0; i < 25; i += 1) expect((await call('POST', '/v2/p2/apigw/instances/i2/apps', { name: `paged_app_${i}` })).status).toBe(201);
    const many = await call('GET', '/v2/p2/apigw/instances/i2/apps?limit=1000');
    expect([many.status, many.body.total, many.body.size]).toEqual([200, 25, 25]);
    const none = await call('GET', '/v2/p2/apigw/instances/i2/apps?limit=0');
    expect([none.status, none.body.size]).toEqual([200, 20]);
    const codes = await call('GET', `/v2/p2/apigw/instances/i2/apps/${many.body.apps[0].id}/app-codes?limit=-1`);
    expect(codes.status).toBe(200);
  });
});

describe('related_domain_id and related_project_id', () => {
  it('kept from create and update, shown, and filtered on', async () => {
    const related = { related_domain_id: 'd'.repeat(32), related_project_id: 'p'.repeat(32) };
    const created = await call('POST', '/v2/p3/apigw/instances/i3/apps', { name: 'related_app', ...related });
    expect(created.body).toMatchObject(related);
    await call('POST', '/v2/p3/apigw/instances/i3/apps', { name: 'unrelated_app' });
    const filtered = await call('GET', `/v2/p3/apigw/instances/i3/apps?related_domain_id=${related.related_domain_id}`);
    expect(filtered.body.apps.map((app: { name: string }) => app.name)).toEqual(['related_app']);
    const other = 'q'.repeat(32);
    const updated = await call('PUT', `/v2/p3/apigw/instances/i3/apps/${created.body.id}`, { name: 'related_app', related_project_id: other });
    expect(updated.body.related_project_id).toBe(other);
    expect((await call('GET', `/v2/p3/apigw/instances/i3/apps?related_project_id=${other}`)).body.total).toBe(1);
    expect((await call('GET', `/v2/p3/apigw/instances/i3/apps?related_project_id=${'p'.repeat(32)}`)).body.total).toBe(0);
  });
});

describe('tags on the API lists (v2)', () => {
  const NINE = '/v2/p9/apigw/instances/i9';
  it('filter the not-bound and the bound lists: any tag asked for, #no_tags#, none', async () => {
    const app = (await call('GET', `${NINE}/apps?name=tagged_app`)).body.apps[0];
    const unbound = async (query: string) =>
      (await call('GET', `${NINE}/app-auths/unbinded-apis?app_id=${app.id}&env_id=${RELEASE}${query}`)).body.apis.map((api: { id: string }) => api.id).sort();
    expect(await unbound('')).toEqual(['api-bare', 'api-blue', 'api-red']);
    expect(await unbound('&tags=red')).toEqual(['api-red']);
    expect(await unbound('&tags=red&tags=blue')).toEqual(['api-blue', 'api-red']);
    expect(await unbound('&tags=%23no_tags%23')).toEqual(['api-bare']);
    expect(await unbound('&tags=')).toEqual(['api-bare', 'api-blue', 'api-red']);
    const record = (await call('GET', `${NINE}/app-auths/unbinded-apis?app_id=${app.id}&env_id=${RELEASE}&tags=red`)).body.apis[0];
    expect(record.tags).toEqual(['red', 'warm']);
    expect((await call('POST', `${NINE}/app-auths`, { app_ids: [app.id], api_ids: ['api-red', 'api-bare'], env_id: RELEASE })).status).toBe(201);
    const bound = (await call('GET', `${NINE}/app-auths/binded-apis?app_id=${app.id}&tags=warm`)).body.auths;
    expect(bound.map((auth: { api_id: string }) => auth.api_id)).toEqual(['api-red']);
    expect(bound[0]).toMatchObject({ tags: ['red', 'warm'], app_remark: 'has a remark' });
    const bare = (await call('GET', `${NINE}/app-auths/binded-apis?app_id=${app.id}&tags=%23no_tags%23`)).body.auths[0];
    expect(bare.api_id).toBe('api-bare');
    expect(bare).not.toHaveProperty('tags');
  });

  it('tagsMatch: OR of the tags asked for, #no_tags#, empty values ignored', () => {
    const red = { tags: ['red'] };
    const bare = { tags: [] };
    expect([
      tagsMatch(red),
      tagsMatch(red, []),
      tagsMatch(red, ['']),
      tagsMatch(red, ['blue']),
      tagsMatch(red, ['blue', 'red']),
      tagsMatch(red, ['#no_tags#']),
    ]).toEqual([true, true, true, false, true, false]);
    expect([tagsMatch(bare, ['#no_tags#']), tagsMatch(bare, ['red'])]).toEqual([true, false]);
  });

  it('a seed API’s tags must be non-empty strings', async () => {
    await expect(
      startMockServer({
        port: 0,
        seed: [{ tenant: 'v2 p8 i8', apps: [], environments: [{ id: RELEASE, name: 'RELEASE' }], apis: [{ id: 'a', name: 'A', tags: ['ok', ''] }] }],
      }),
    ).rejects.toThrow(/tags must be an array of non-empty strings/);
  });
});

// AppCodes, authorizations and the outline in the mock's memory (mock/server/grant-store.mjs, through
// AppStore.handle), in-process: what the pages say of each (at most 5 AppCodes per APP, 用户指南;
// a pair authorized twice is skipped; the bound lists show APIs published in the environment,
// 查看APP已绑定的API列表), with each generation's codes and paging.
import { describe, expect, it } from 'vitest';
import { AppStore } from '../../../mock/server/app-store.mjs';
import { APP_CODES_PER_APP, DEFAULT_CATALOGUE, RELEASE_ID, grantRouteOf, handleGrant } from '../../../mock/server/grant-store.mjs';

type Generation = 'v1.0' | 'v1' | 'v2';
const TEST_ENV = '7a1ad0c350844ee69479b47df9a881cb';
const API = {
  http: '5f918d104dc84480a75166ba99efff21',
  fn: 'abd9c4b2ff974888b0ba79be7e6b2763',
  test: '11cbec3a7a8345ca981b86d161bc436e',
  mock: '40e7162dc6b94bbbbb1a60d2a24b1b0c',
};
const GROUP_1 = 'c77f5e81d9cb4424bf704ef2b0ac7600';

function tenantOf(generation: Generation) {
  const store = new AppStore();
  const tenant = `${generation} p i`;
  const op = (kind: string, extra: Record<string, any> = {}): { status: number; body?: any } => store.handle({ generation, kind, tenant, ...extra });
  const app = (name: string) => op('create', { body: { name } }).body.id as string;
  return {
    store,
    op,
    app,
    authorize: (app_ids: string[], api_ids: string[], env_id = RELEASE_ID) => op('authorize', { body: { app_ids, api_ids, env_id } }),
    list: (kind: string, query: Record<string, string>) => op(kind, { query }).body,
  };
}

describe('AppCodes', () => {
  it(`at most ${APP_CODES_PER_APP} per APP (APIG.3131, 403); a delete makes room; each APP counts its own`, () => {
    expect(APP_CODES_PER_APP).toBe(5);
    const t = tenantOf('v2');
    const [a, b] = [t.app('app_a'), t.app('app_b')];
    const ids = Array.from(
      { length: 5 },
      (_, i) => t.op(i % 2 ? 'generateAppCode' : 'createAppCode', { appId: a, body: { app_code: `code_${i}_${'x'.repeat(64)}` } }).body.id,
    );
    const over = t.op('generateAppCode', { appId: a });
    expect(over).toEqual({ status: 403, body: { error_code: 'APIG.3131', error_msg: 'The number of APP codes exceeds the maximum allowed limit' } });
    expect(t.op('createAppCode', { appId: a, body: { app_code: 'y'.repeat(64) } }).status).toBe(403);
    expect(t.op('createAppCode', { appId: b, body: { app_code: 'z'.repeat(64) } }).status).toBe(201);
    expect(t.op('deleteAppCode', { appId: a, itemId: ids[0] })).toEqual({ status: 204 });
    expect(t.op('generateAppCode', { appId: a }).status).toBe(201);
    expect(t.op('listAppCodes', { appId: a }).body.total).toBe(5);
  });

  it('create keeps the code sent; generate makes a 64-hex one; both with an id, the APP and the time', () => {
    const t = tenantOf('v1.0');
    const a = t.app('app_a');
    const created = t.op('createAppCode', { appId: a, body: { app_code: `Chosen+code/${'a'.repeat(60)}` } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ app_code: `Chosen+code/${'a'.repeat(60)}`, app_id: a });
    expect(created.body.id).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(created.body.create_time)).not.toBeNaN();
    const generated = t.op('generateAppCode', { appId: a, body: { app_code: 'ignored' } }).body;
    expect(generated.app_code).toMatch(/^[0-9a-f]{64}$/);
    expect(generated.id).not.toBe(created.body.id);
  });

  it('show answers 201 on v2 (its page) and 200 on v1.0; an AppCode of another APP is not found (APIG.3082)', () => {
    for (const [generation, status] of [
      ['v2', 201],
      ['v1.0', 200],
    ] as const) {
      const t = tenantOf(generation);
      const [a, b] = [t.app('app_a'), t.app('app_b')];
      const code = t.op('generateAppCode', { appId: a }).body;
      expect(t.op('showAppCode', { appId: a, itemId: code.id })).toEqual({ status, body: code });
      const missing = { status: 404, body: { error_code: 'APIG.3082', error_msg: 'The APP code does not exist' } };
      expect(t.op('showAppCode', { appId: b, itemId: code.id })).toEqual(missing);
      expect(t.op('deleteAppCode', { appId: b, itemId: code.id })).toEqual(missing);
      expect(t.op('showAppCode', { appId: a, itemId: 'nope' })).toEqual(missing);
      t.op('deleteAppCode', { appId: a, itemId: code.id });
      expect(t.op('showAppCode', { appId: a, itemId: code.id })).toEqual(missing);
    }
  });

  it('an unknown APP: v2 404 APIG.3004 with its id; v1.0 create, generate and list 400 APIG.2012 (their pages list no 404), show and delete 404', () => {
    const v2 = tenantOf('v2');
    for (const kind of ['createAppCode', 'generateAppCode', 'listAppCodes', 'showAppCode', 'deleteAppCode']) {
      expect(v2.op(kind, { appId: 'ghost', itemId: 'c1', body: { app_code: 'x' } }), kind).toEqual({
        status: 404,
        body: { error_code: 'APIG.3004', error_msg: 'App ghost does not exist' },
      });
    }
    const v10 = tenantOf('v1.0');
    for (const kind of ['createAppCode', 'generateAppCode', 'listAppCodes']) {
      expect(v10.op(kind, { appId: 'ghost', body: { app_code: 'x' } }), kind).toEqual({
        status: 400,
        body: { error_code: 'APIG.2012', error_msg: 'Invalid parameter value,parameterName:app_id. Please refer to the support documentation' },
      });
    }
    for (const kind of ['showAppCode', 'deleteAppCode']) {
      expect(v10.op(kind, { appId: 'ghost', itemId: 'c1' }), kind).toEqual({
        status: 404,
        body: { error_code: 'APIG.3004', error_msg: 'The app does not exist' },
      });
    }
  });

  it('the list pages: v2 offset/limit, v1.0 page_no/page_size', () => {
    const v2 = tenantOf('v2');
    const a = v2.app('app_a');
    const codes = Array.from({ length: 5 }, () => v2.op('generateAppCode', { appId: a }).body.id);
    const idsOf = (body: any) => body.app_codes.map((c: { id: string }) => c.id);
    expect(idsOf(v2.op('listAppCodes', { appId: a, query: { offset: '1', limit: '2' } }).body)).toEqual(codes.slice(1, 3));
    expect(v2.op('listAppCodes', { appId: a, query: { offset: '5' } }).body).toEqual({ total: 5, size: 0, app_codes: [] });
    const v10 = tenantOf('v1.0');
    const b = v10.app('app_b');
    const more = Array.from({ length: 5 }, () => v10.op('generateAppCode', { appId: b }).body.id);
    expect(idsOf(v10.op('listAppCodes', { appId: b, query: { page_no: '2', page_size: '2' } }).body)).toEqual(more.slice(2, 4));
    expect(v10.op('listAppCodes', { appId: b, query: { page_no: '3', page_size: '2' } }).body).toMatchObject({ total: 5, size: 1 });
    expect(v10.op('listAppCodes', { appId: b }).body).toMatchObject({ total: 5, size: 5 });
  });
});

describe('authorizing APPs to APIs', () => {
  it('every APP to every API, in that order: SUCCESS, then SKIPPED for a pair that exists (v1.0/v1 a bare array)', () => {
    for (const generation of ['v1.0', 'v1'] as const) {
      const t = tenantOf(generation);
      const [a, b] = [t.app('app_a'), t.app('app_b')];
      const first = t.authorize([a, b], [API.http, API.test]);
      expect(first.status).toBe(201);
      expect(first.body.map((r: any) => [r.app_id, r.api_id, r.auth_result, r.auth_role])).toEqual([
        [a, API.http, 'SUCCESS', 'PROVIDER'],
        [a, API.test, 'SUCCESS', 'PROVIDER'],
        [b, API.http, 'SUCCESS', 'PROVIDER'],
        [b, API.test, 'SUCCESS', 'PROVIDER'],
      ]);
      const again = t.authorize([a], [API.http, API.mock]);
      expect(again.body.map((r: any) => r.auth_result)).toEqual(['SKIPPED', 'SUCCESS']);
      expect(again.body[0].id).toBe(first.body[0].id);
      expect(again.body[0].auth_time).toBe(first.body[0].auth_time);
    }
  });

  it('v2 answers { auths } with auth_result { status } and, for a pair that exists, APIG.3316 naming the API and APP', () => {
    const t = tenantOf('v2');
    const a = t.app('app_a');
    expect(t.authorize([a], [API.http]).body).toEqual({
      auths: [expect.objectContaining({ app_id: a, api_id: API.http, auth_result: { status: 'SUCCESS' }, auth_tunnel: 'NORMAL', auth_role: 'PROVIDER' })],
    });
    expect(t.authorize([a], [API.http]).body.auths[0].auth_result).toEqual({
      status: 'SKIPPED',
      error_code: 'APIG.3316',
      error_msg: 'The api auth relation already exists',
      api_name: 'Api_http',
      app_name: 'app_a',
    });
  });

  it('the same pair in another environment is another authorization', () => {
    const t = tenantOf('v2');
    const a = t.app('app_a');
    t.authorize([a], [API.mock]);
    expect(t.authorize([a], [API.mock], TEST_ENV).body.auths[0].auth_result.status).toBe('SUCCESS');
  });

  it('an unknown APP, API or environment refuses the whole request, storing nothing', () => {
    const t = tenantOf('v2');
    const a = t.app('app_a');
    expect(t.authorize([a, 'ghost'], [API.http])).toEqual({ status: 404, body: { error_code: 'APIG.3004', error_msg: 'App ghost does not exist' } });
    expect(t.authorize([a], [API.http, 'ghost_api'])).toEqual({ status: 404, body: { error_code: 'APIG.3002', error_msg: 'API ghost_api does not exist' } });
    expect(t.authorize([a], [API.http], 'ghost_env')).toEqual({ status: 404, body: { error_code: 'APIG.3003', error_msg: 'The environment does not exist' } });
    expect(t.list('boundApis', { app_id: a }).total).toBe(0);
    expect(tenantOf('v1').authorize(['ghost'], [API.http]).body).toEqual({ error_code: 'APIG.3004', error_msg: 'The app does not exist' });
  });

  it('cancelling: 204, the API is unbound again; an unknown id is APIG.3009 naming it', () => {
    const t = tenantOf('v1');
    const a = t.app('app_a');
    const [auth] = t.authorize([a], [API.http]).body;
    expect(t.list('unboundApis', { app_id: a, env_id: RELEASE_ID }).apis.map((x: any) => x.id)).not.toContain(API.http);
    expect(t.op('cancel', { itemId: auth.id })).toEqual({ status: 204 });
    expect(t.op('cancel', { itemId: auth.id })).toEqual({
      status: 404,
      body: { error_code: 'APIG.3009', error_msg: `The app authorization record does not exist,id:${auth.id}` },
    });
    expect(t.list('unboundApis', { app_id: a, env_id: RELEASE_ID }).apis.map((x: any) => x.id)).toContain(API.http);
  });
});

describe('the bound and not-bound lists', () => {
  function granted(generation: Generation) {
    const t = tenantOf(generation);
    const [a, b] = [t.app('app_alpha'), t.app('app_beta')];
    t.authorize([a], [API.http, API.fn, API.test, API.mock]);
    t.authorize([a, b], [API.mock], TEST_ENV);
    return { t, a, b };
  }
  const apiIds = (body: any) => body.auths.map((x: any) => x.api_id);

  it('an APP’s bound APIs: only those published in the authorization’s environment (Api_function is published nowhere)', () => {
    const { t, a } = granted('v2');
    const all = t.list('boundApis', { app_id: a });
    expect(all.total).toBe(4);
    expect(all.auths.map((x: any) => `${x.api_name}@${x.env_name}`)).toEqual(['Api_http@RELEASE', 'API_test@RELEASE', 'Api_mock@RELEASE', 'Api_mock@TEST']);
    expect(all.auths[0]).toMatchObject({
      app_id: a,
      api_id: API.http,
      group_id: GROUP_1,
      group_name: 'api_group_001',
      env_id: RELEASE_ID,
      auth_role: 'PROVIDER',
      app_name: 'app_alpha',
      auth_tunnel: 'NORMAL',
    });
    expect(all.auths[0].publish_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('v1.0 and v1 name the APP appid and the environment envname, with the APP’s remark', () => {
    const { t, a } = granted('v1');
    const [first] = t.list('boundApis', { app_id: a }).auths;
    expect(first).toMatchObject({ appid: a, envname: 'RELEASE', app_remark: '', api_id: API.http });
    expect(first).not.toHaveProperty('app_id');
  });

  it('filters: api_id and group_id whole, api_name and group_name contained, env_id whole', () => {
    const { t, a } = granted('v2');
    expect(apiIds(t.list('boundApis', { app_id: a, api_id: API.test }))).toEqual([API.test]);
    expect(apiIds(t.list('boundApis', { app_id: a, api_name: 'Api_' }))).toEqual([API.http, API.mock, API.mock]);
    expect(apiIds(t.list('boundApis', { app_id: a, group_id: GROUP_1 }))).toEqual([API.http]);
    expect(apiIds(t.list('boundApis', { app_id: a, group_name: 'd3da' }))).toEqual([API.test, API.mock, API.mock]);
    expect(apiIds(t.list('boundApis', { app_id: a, env_id: TEST_ENV }))).toEqual([API.mock]);
    expect(t.list('boundApis', { app_id: a, group_id: 'c77f' }).total).toBe(0);
  });

  it('pages: v2 offset/limit, v1 page_no/page_size', () => {
    const v2 = granted('v2');
    expect(v2.t.list('boundApis', { app_id: v2.a, offset: '1', limit: '2' })).toMatchObject({
      total: 4,
      size: 2,
      auths: [{ api_id: API.test }, { api_id: API.mock }],
    });
    const v1 = granted('v1');
    expect(v1.t.list('boundApis', { app_id: v1.a, page_no: '2', page_size: '3' })).toMatchObject({
      total: 4,
      size: 1,
      auths: [{ api_id: API.mock, env_id: TEST_ENV }],
    });
  });

  it('an unknown APP is 404 on both APP lists; an unknown environment is APIG.3003 on the not-bound list', () => {
    const { t } = granted('v2');
    expect(t.op('boundApis', { query: { app_id: 'ghost' } }).body).toEqual({ error_code: 'APIG.3004', error_msg: 'App ghost does not exist' });
    expect(t.op('unboundApis', { query: { app_id: 'ghost', env_id: RELEASE_ID } }).status).toBe(404);
    const { t: t1, a } = granted('v1');
    expect(t1.op('unboundApis', { query: { app_id: a, env_id: 'ghost_env' } })).toEqual({
      status: 404,
      body: { error_code: 'APIG.3003', error_msg: 'The environment does not exist' },
    });
  });

  it('not bound: every API not authorized to the APP in that environment; an unpublished one with empty run_env fields', () => {
    const { t, a, b } = granted('v2');
    expect(t.list('unboundApis', { app_id: a, env_id: RELEASE_ID })).toEqual({ total: 0, size: 0, apis: [] });
    expect(t.list('unboundApis', { app_id: a, env_id: TEST_ENV }).apis.map((x: any) => x.id)).toEqual([API.http, API.fn, API.test]);
    const forB = t.list('unboundApis', { app_id: b, env_id: RELEASE_ID });
    expect(forB.apis.map((x: any) => x.id)).toEqual([API.http, API.fn, API.test, API.mock]);
    expect(forB.apis[0]).toMatchObject({
      name: 'Api_http',
      group_id: GROUP_1,
      group_name: 'api_group_001',
      auth_type: 'APP',
      req_uri: '/test/http',
      run_env_name: 'RELEASE',
      run_env_id: RELEASE_ID,
    });
    expect(forB.apis[0].publish_id).toMatch(/^[0-9a-f]{32}$/);
    expect(forB.apis[1]).toMatchObject({ name: 'Api_function', run_env_name: '', run_env_id: '', publish_id: '' });
    expect(t.list('unboundApis', { app_id: b, env_id: RELEASE_ID, api_name: 'function' }).apis.map((x: any) => x.id)).toEqual([API.fn]);
    expect(t.list('unboundApis', { app_id: b, env_id: RELEASE_ID, api_id: API.test }).total).toBe(1);
    expect(t.list('unboundApis', { app_id: b, env_id: RELEASE_ID, group_id: GROUP_1 }).total).toBe(2);
    expect(t.list('unboundApis', { app_id: b, env_id: RELEASE_ID, limit: '1', offset: '3' })).toMatchObject({ total: 4, size: 1, apis: [{ id: API.mock }] });
  });

  it('an API’s bound APPs: filters by app_id, app_name (contained) and env_id; an unknown API is APIG.3002', () => {
    const { t, a, b } = granted('v2');
    const apps = (query: Record<string, string>) => t.list('boundApps', query).auths.map((x: any) => `${x.app_name}@${x.env_name}`);
    expect(apps({ api_id: API.mock })).toEqual(['app_alpha@RELEASE', 'app_alpha@TEST', 'app_beta@TEST']);
    expect(apps({ api_id: API.mock, app_id: b })).toEqual(['app_beta@TEST']);
    expect(apps({ api_id: API.mock, app_name: 'beta' })).toEqual(['app_beta@TEST']);
    expect(apps({ api_id: API.mock, env_id: RELEASE_ID })).toEqual(['app_alpha@RELEASE']);
    expect(apps({ api_id: API.fn })).toEqual([]); // authorized, but published nowhere
    expect(t.list('boundApps', {}).total).toBe(5);
    expect(t.op('boundApps', { query: { api_id: 'ghost' } })).toEqual({
      status: 404,
      body: { error_code: 'APIG.3002', error_msg: 'API ghost does not exist' },
    });
    expect(a).not.toBe(b);
  });
});

describe('the outline, bind_num, and deleting an APP', () => {
  it('counts APPs with and without an authorization; the list’s bind_num agrees', () => {
    const t = tenantOf('v2');
    const [a, b] = [t.app('app_a'), t.app('app_b')];
    t.app('app_c');
    expect(t.op('outline').body).toEqual({ authed_nums: 0, unauthed_nums: 3 });
    t.authorize([a], [API.http, API.test]);
    t.authorize([a, b], [API.mock], TEST_ENV);
    expect(t.op('outline')).toEqual({ status: 200, body: { authed_nums: 2, unauthed_nums: 1 } });
    expect(t.list('list', {}).apps.map((x: any) => x.bind_num)).toEqual([3, 1, 0]);
  });

  it('deleting an APP forgets its AppCodes and authorizations, and only its own', () => {
    const t = tenantOf('v2');
    const [a, b] = [t.app('app_a'), t.app('app_b')];
    t.op('generateAppCode', { appId: a });
    t.op('generateAppCode', { appId: b });
    t.authorize([a, b], [API.http]);
    t.op('delete', { appId: a });
    expect(t.list('boundApps', { api_id: API.http }).auths.map((x: any) => x.app_name)).toEqual(['app_b']);
    expect(t.op('outline').body).toEqual({ authed_nums: 1, unauthed_nums: 0 });
    expect(t.op('listAppCodes', { appId: b }).body.total).toBe(1);
    expect(t.store.tenants.get('v2 p i')!.codes.has(a)).toBe(false);
  });

  it('an unknown grant operation is a bug, said as one', () => {
    const t = tenantOf('v2');
    expect(() => t.op('approve')).toThrow('AppStore: unknown operation approve');
    expect(() => handleGrant(AppStore.emptyTenant(DEFAULT_CATALOGUE), { generation: 'v2', kind: 'approve' })).toThrow('grant store: unknown operation approve');
  });
});

describe('the default catalogue', () => {
  it('RELEASE and TEST; four APIs in two groups, three published in RELEASE, one nowhere', () => {
    expect([...DEFAULT_CATALOGUE.environments.values()].map((e: any) => e.name)).toEqual(['RELEASE', 'TEST']);
    const apis = [...DEFAULT_CATALOGUE.apis.values()] as any[];
    expect(apis.map((x) => [x.name, [...x.published.keys()]])).toEqual([
      ['Api_http', [RELEASE_ID]],
      ['Api_function', []],
      ['API_test', [RELEASE_ID]],
      ['Api_mock', [RELEASE_ID, TEST_ENV]],
    ]);
    expect(new Set(apis.map((x) => x.group_id)).size).toBe(2);
  });
});

describe('grantRouteOf: which operation a path and method are', () => {
  it.each([
    ['POST', '/v1.0/apigw/apps/a1/app-codes', { generation: 'v1.0', kind: 'createAppCode', appId: 'a1', itemId: undefined }],
    ['PUT', '/v2/p1/apigw/instances/i1/apps/a1/app-codes', { generation: 'v2', kind: 'generateAppCode', params: { project_id: 'p1', instance_id: 'i1' } }],
    ['GET', '/v2/p1/apigw/instances/i1/apps/a1/app-codes', { kind: 'listAppCodes' }],
    ['GET', '/v2/p1/apigw/instances/i1/apps/a%201/app-codes/c%2F1', { kind: 'showAppCode', appId: 'a 1', itemId: 'c/1' }],
    ['DELETE', '/v1.0/apigw/apps/a1/app-codes/c1', { kind: 'deleteAppCode', itemId: 'c1' }],
    ['POST', '/v1/p%201/apigw/instances/i1/app-auths', { generation: 'v1', kind: 'authorize', params: { project_id: 'p 1', instance_id: 'i1' } }],
    ['DELETE', '/v1/p1/apigw/instances/i1/app-auths/x%201', { kind: 'cancel', itemId: 'x 1' }],
    ['GET', '/v1.0/apigw/app-auths/binded-apis', { kind: 'boundApis' }],
    ['GET', '/v2/p/apigw/instances/i/app-auths/unbinded-apis', { kind: 'unboundApis' }],
    ['GET', '/v1/p/apigw/instances/i/app-auths/binded-apps', { kind: 'boundApps' }],
    ['GET', '/v2/p/apigw/instances/i/resources/outline/apps', { kind: 'outline' }],
  ])('%s %s', (method, path, expected) => {
    expect(grantRouteOf(method, path)).toMatchObject(expected);
  });

  it.each([
    ['POST', '/v1/p1/apigw/instances/i1/apps/a1/app-codes'], // no AppCodes on v1
    ['DELETE', '/v2/p/apigw/instances/i/apps/a1/app-codes'],
    ['POST', '/v2/p/apigw/instances/i/apps/a1/app-codes/c1'],
    ['POST', '/v2/p/apigw/instances/i/resources/outline/apps'],
    ['POST', '/v2/p/apigw/instances/i/app-auths/binded-apis'],
    ['GET', '/v2/p/apigw/instances/i/app-auths'],
    ['GET', '/v2/p/apigw/instances/i/app-auths/x1'],
    ['GET', '/v2/p/apigw/instances/i/apps'],
    ['GET', '/v3/p/apigw/instances/i/resources/outline/apps'],
    ['GET', '/v1.0/apigw/resources/outline/apps/extra'],
    ['GET', '/v2/p/apigw/instances/i/extra/apps/a1/app-codes'],
    ['GET', '/v2/p/apigw/instances/i/apps/a1/app-codes/c1/more'],
    ['DELETE', '/v2/p/apigw/instances/i/extra/app-auths/x1'],
    ['DELETE', '/v2/p/apigw/instances/i/app-auths/x1/more'],
  ])('%s %s is none of them', (method, path) => {
    expect(grantRouteOf(method, path)).toBeUndefined();
  });
});

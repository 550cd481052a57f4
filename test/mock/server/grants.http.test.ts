// The stateful mock on what an APP is for: AppCodes per APP, the API catalogue, authorizations,
// the bound and not-bound lists and the outline — every answer valid against the contract's
// schema for its operation and status, with the codes the pages give.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../../mock/server/index.mjs';
import { checkedCaller } from '../../helpers/checked-call.js';
import { APP_CODES_PER_APP } from '../../rules/app-grant-rules.js';

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({
    port: 0,
    seed: [
      {
        tenant: 'v2 seeded i1',
        apps: [{ name: 'seeded_app' }],
        environments: [{ id: 'env-prod', name: 'PROD' }],
        apis: [
          { id: 'api-orders', name: 'orders', group_id: 'g1', group_name: 'shop', published_in: ['env-prod'] },
          { id: 'api-draft', name: 'draft', group_id: 'g1', group_name: 'shop' },
        ],
      },
    ],
  });
});
afterAll(async () => {
  await mock?.close();
});

const call = checkedCaller(() => mock.url);
const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
/** Two APIs of the mock's default catalogue published in RELEASE, one published nowhere. */
const HTTP_API = '5f918d104dc84480a75166ba99efff21';
const TEST_API = '11cbec3a7a8345ca981b86d161bc436e';
const UNPUBLISHED_API = 'abd9c4b2ff974888b0ba79be7e6b2763';

const GENERATIONS = {
  'v1.0': { base: '/v1.0/apigw', page: (no: number, size: number) => `page_no=${no}&page_size=${size}` },
  v1: { base: '/v1/p1/apigw/instances/grants', page: (no: number, size: number) => `page_no=${no}&page_size=${size}` },
  v2: { base: '/v2/p1/apigw/instances/grants', page: (no: number, size: number) => `offset=${(no - 1) * size}&limit=${size}` },
} as const;

const records = (json: any) => (Array.isArray(json) ? json : json.auths);
const result = (record: any) => (typeof record.auth_result === 'string' ? record.auth_result : record.auth_result.status);

describe.each(Object.entries(GENERATIONS))('%s', (generation, { base, page }) => {
  const token = `grants-${generation}`;
  const newApp = async (name: string) => (await call('POST', `${base}/apps`, { name }, token)).json.id as string;

  it('authorizes pairs one by one: new SUCCESS, existing reported in its own result, unknowns refused whole', async () => {
    const app = await newApp(`grant_app_${generation.replace('.', '_')}`);
    const first = await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: [HTTP_API, TEST_API], env_id: RELEASE }, token);
    expect(first.status).toBe(201);
    expect(records(first.json).map(result)).toEqual(['SUCCESS', 'SUCCESS']);
    const again = await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: [HTTP_API, UNPUBLISHED_API], env_id: RELEASE }, token);
    expect(again.status).toBe(201); // a partly skipped request is not an error
    const [existing, fresh] = records(again.json);
    expect(result(existing)).toBe('SKIPPED');
    expect(existing.id).toBe(records(first.json)[0].id);
    if (generation === 'v2') expect(existing.auth_result).toMatchObject({ error_code: 'APIG.3316', error_msg: 'The api auth relation already exists' });
    expect(result(fresh)).toBe('SUCCESS');

    const unknownApp = await call('POST', `${base}/app-auths`, { app_ids: [app, 'no-such-app'], api_ids: [HTTP_API], env_id: RELEASE }, token);
    expect([unknownApp.status, unknownApp.json.error_code]).toEqual([404, 'APIG.3004']);
    const unknownApi = await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: ['no-such-api'], env_id: RELEASE }, token);
    expect([unknownApi.status, unknownApi.json.error_code]).toEqual([404, 'APIG.3002']);
    const unknownEnv = await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: [HTTP_API], env_id: 'no-such-env' }, token);
    expect([unknownEnv.status, unknownEnv.json.error_code]).toEqual([404, 'APIG.3003']);
    const empty = await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: [], env_id: RELEASE }, token);
    expect([empty.status, empty.json.error_code]).toEqual([400, 'APIG.2011']);
  });

  it('lists what is bound and not bound, filters and pages them, and the outline agrees', async () => {
    const app = await newApp(`list_app_${generation.replace('.', '_')}`);
    const idle = await newApp(`idle_app_${generation.replace('.', '_')}`);
    await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: [HTTP_API, TEST_API, UNPUBLISHED_API], env_id: RELEASE }, token);

    // Only APIs published in the authorization's environment show (“将API发布到相应的授权的环境后，才能查询到结果”).
    const bound = await call('GET', `${base}/app-auths/binded-apis?app_id=${app}`, undefined, token);
    expect(bound.json.total).toBe(2);
    expect(bound.json.auths.map((a: any) => a.api_id).sort()).toEqual([HTTP_API, TEST_API].sort());
    const appIdField = generation === 'v2' ? 'app_id' : 'appid';
    expect(bound.json.auths.every((a: any) => a[appIdField] === app && a.env_id === RELEASE)).toBe(true);
    expect((await call('GET', `${base}/app-auths/binded-apis?app_id=${app}&api_name=http`, undefined, token)).json.total).toBe(1);
    expect((await call('GET', `${base}/app-auths/binded-apis?app_id=${app}&group_name=d3da`, undefined, token)).json.auths.map((a: any) => a.api_id)).toEqual([
      TEST_API,
    ]);
    const second = await call('GET', `${base}/app-auths/binded-apis?app_id=${app}&${page(2, 1)}`, undefined, token);
    expect([second.json.total, second.json.size, second.json.auths.length]).toEqual([2, 1, 1]);
    const past = await call('GET', `${base}/app-auths/binded-apis?app_id=${app}&${page(3, 1)}`, undefined, token);
    expect([past.json.total, past.json.size]).toEqual([2, 0]);

    const unbound = await call('GET', `${base}/app-auths/unbinded-apis?app_id=${app}&env_id=${RELEASE}`, undefined, token);
    expect(unbound.json.apis.map((a: any) => a.id)).not.toContain(HTTP_API);
    expect(unbound.json.total).toBe(1); // four APIs, three authorized
    const idleUnbound = await call('GET', `${base}/app-auths/unbinded-apis?app_id=${idle}&env_id=${RELEASE}`, undefined, token);
    expect(idleUnbound.json.total).toBe(4);
    const unpublished = idleUnbound.json.apis.find((a: any) => a.id === UNPUBLISHED_API);
    expect(unpublished).toMatchObject({ run_env_name: '', run_env_id: '', publish_id: '' });
    expect(idleUnbound.json.apis.find((a: any) => a.id === HTTP_API)).toMatchObject({ run_env_name: 'RELEASE', run_env_id: RELEASE });

    const boundApps = await call('GET', `${base}/app-auths/binded-apps?api_id=${HTTP_API}&app_name=list_app`, undefined, token);
    expect(boundApps.json.total).toBe(1);
    expect(boundApps.json.auths[0].app_name).toBe(`list_app_${generation.replace('.', '_')}`);
    const unknownApi = await call('GET', `${base}/app-auths/binded-apps?api_id=no-such-api`, undefined, token);
    expect([unknownApi.status, unknownApi.json.error_code]).toEqual([404, 'APIG.3002']);
    const unknownApp = await call('GET', `${base}/app-auths/binded-apis?app_id=no-such-app`, undefined, token);
    expect([unknownApp.status, unknownApp.json.error_code]).toEqual([404, 'APIG.3004']);
    const missing = await call('GET', `${base}/app-auths/unbinded-apis?app_id=${app}`, undefined, token);
    expect([missing.status, missing.json.error_code, missing.json.error_msg]).toEqual([400, 'APIG.2001', expect.stringContaining('parameterName:env_id')]);

    // The outline counts the tenant's APPs with and without an authorization.
    const apps = (await call('GET', `${base}/apps`, undefined, token)).json.apps;
    const outline = (await call('GET', `${base}/resources/outline/apps`, undefined, token)).json;
    expect(outline.authed_nums + outline.unauthed_nums).toBe(apps.length);
    expect(outline.authed_nums).toBe(apps.filter((a: any) => a.bind_num > 0).length);
    expect(apps.find((a: any) => a.id === app).bind_num).toBe(3);
  });

  it('cancelling moves the API back to not bound; deleting the APP removes its authorizations', async () => {
    const app = await newApp(`cancel_app_${generation.replace('.', '_')}`);
    const made = records((await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: [HTTP_API, TEST_API], env_id: RELEASE }, token)).json);
    expect((await call('DELETE', `${base}/app-auths/${made[0].id}`, undefined, token)).status).toBe(204);
    const gone = await call('DELETE', `${base}/app-auths/${made[0].id}`, undefined, token);
    expect([gone.status, gone.json.error_code]).toEqual([404, 'APIG.3009']);
    const unbound = (await call('GET', `${base}/app-auths/unbinded-apis?app_id=${app}&env_id=${RELEASE}&api_id=${HTTP_API}`, undefined, token)).json;
    expect(unbound.apis.map((a: any) => a.id)).toEqual([HTTP_API]);

    const before = (await call('GET', `${base}/resources/outline/apps`, undefined, token)).json;
    expect((await call('DELETE', `${base}/apps/${app}`, undefined, token)).status).toBe(204);
    const after = (await call('GET', `${base}/resources/outline/apps`, undefined, token)).json;
    expect(after.authed_nums).toBe(before.authed_nums - 1);
    expect((await call('DELETE', `${base}/app-auths/${made[1].id}`, undefined, token)).status).toBe(404);
    expect((await call('GET', `${base}/app-auths/binded-apps?app_id=${app}`, undefined, token)).json.total).toBe(0);
  });
});

describe.each([
  ['v1.0', '/v1.0/apigw'],
  ['v2', '/v2/p1/apigw/instances/codes'],
] as const)('AppCodes on %s', (generation, base) => {
  const token = `codes-${generation}`;

  it('creates, generates, lists, shows and deletes, up to the quota of 5, and forgets them with the APP', async () => {
    const app = (await call('POST', `${base}/apps`, { name: 'coded_app' }, token)).json.id;
    const chosen = await call('POST', `${base}/apps/${app}/app-codes`, { app_code: `Code+${'x'.repeat(70)}=` }, token);
    expect(chosen.status).toBe(201);
    expect(chosen.json).toMatchObject({ app_code: `Code+${'x'.repeat(70)}=`, app_id: app });
    const generated = await call('PUT', `${base}/apps/${app}/app-codes`, undefined, token);
    expect(generated.status).toBe(201);
    expect(generated.json.app_code).toMatch(/^[0-9a-f]{64}$/);
    const shown = await call('GET', `${base}/apps/${app}/app-codes/${chosen.json.id}`, undefined, token);
    expect(shown.status).toBe(generation === 'v2' ? 201 : 200); // the v2 page's 201
    expect(shown.json).toEqual(chosen.json);
    const list = await call('GET', `${base}/apps/${app}/app-codes`, undefined, token);
    expect([list.json.total, list.json.size]).toEqual([2, 2]);

    for (let i = 2; i < APP_CODES_PER_APP; i++) expect((await call('PUT', `${base}/apps/${app}/app-codes`, undefined, token)).status).toBe(201);
    const over = await call('PUT', `${base}/apps/${app}/app-codes`, undefined, token);
    expect([over.status, over.json.error_code]).toEqual([403, 'APIG.3131']);

    expect((await call('DELETE', `${base}/apps/${app}/app-codes/${chosen.json.id}`, undefined, token)).status).toBe(204);
    const missing = await call('GET', `${base}/apps/${app}/app-codes/${chosen.json.id}`, undefined, token);
    expect([missing.status, missing.json.error_code]).toEqual([404, 'APIG.3082']);
    const bad = await call('POST', `${base}/apps/${app}/app-codes`, { app_code: '_starts_with_underscore'.padEnd(64, 'x') }, token);
    expect([bad.status, bad.json.error_code]).toEqual([400, 'APIG.2011']);

    expect((await call('DELETE', `${base}/apps/${app}`, undefined, token)).status).toBe(204);
    // The APP is gone: v2 pages answer 404 APIG.3004; v1.0's create/list pages list no 404, so 400 APIG.2012 naming app_id.
    const after = await call('GET', `${base}/apps/${app}/app-codes`, undefined, token);
    expect([after.status, after.json.error_code]).toEqual(generation === 'v2' ? [404, 'APIG.3004'] : [400, 'APIG.2012']);
    const showAfter = await call('GET', `${base}/apps/${app}/app-codes/${generated.json.id}`, undefined, token);
    expect([showAfter.status, showAfter.json.error_code]).toEqual([404, 'APIG.3004']);
  });

  it('keeps AppCodes per tenant', async () => {
    const app = (await call('POST', `${base}/apps`, { name: 'private_coded_app' }, `${token}-a`)).json.id;
    expect((await call('PUT', `${base}/apps/${app}/app-codes`, undefined, `${token}-a`)).status).toBe(201);
    if (generation === 'v1.0') {
      const other = await call('GET', `${base}/apps/${app}/app-codes`, undefined, `${token}-b`);
      expect(other.status).toBe(400); // another credential, another tenant: no such APP
    }
  });
});

describe('catalogue and control', () => {
  it('a seed gives a tenant its own APIs and environments', async () => {
    const base = '/v2/seeded/apigw/instances/i1';
    const app = (await call('GET', `${base}/apps`)).json.apps[0].id;
    const unbound = (await call('GET', `${base}/app-auths/unbinded-apis?app_id=${app}&env_id=env-prod`)).json;
    expect(unbound.apis.map((a: any) => a.id).sort()).toEqual(['api-draft', 'api-orders']);
    expect(records((await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: ['api-orders'], env_id: 'env-prod' })).json).map(result)).toEqual([
      'SUCCESS',
    ]);
    expect((await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: [HTTP_API], env_id: 'env-prod' })).json.error_code).toBe('APIG.3002');
    expect((await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: ['api-orders'], env_id: RELEASE })).json.error_code).toBe('APIG.3003');
    const bound = (await call('GET', `${base}/app-auths/binded-apis?app_id=${app}`)).json;
    expect(bound.auths[0]).toMatchObject({ api_name: 'orders', env_name: 'PROD', group_name: 'shop' });
  });

  it('POST /_mock/reset forgets AppCodes and authorizations, and keeps the seed', async () => {
    const base = '/v2/seeded/apigw/instances/i1';
    const app = (await call('GET', `${base}/apps`)).json.apps[0].id;
    await call('PUT', `${base}/apps/${app}/app-codes`);
    await call('POST', `${base}/app-auths`, { app_ids: [app], api_ids: ['api-orders'], env_id: 'env-prod' });
    expect((await fetch(`${mock.url}/_mock/reset`, { method: 'POST' })).status).toBe(204);
    expect((await call('GET', `${base}/apps/${app}/app-codes`)).json.total).toBe(0);
    expect((await call('GET', `${base}/resources/outline/apps`)).json).toEqual({ authed_nums: 0, unauthed_nums: 1 });
    expect((await call('GET', `${base}/app-auths/unbinded-apis?app_id=${app}&env_id=env-prod`)).json.total).toBe(2);
  });
});

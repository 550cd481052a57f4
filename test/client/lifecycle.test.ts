// The lifecycle helpers on every generation: against the mock (the pages' examples), paging
// through more APPs than a page holds, the exact-name search, validation of every body, query
// and path parameter before sending, and AK/SK signatures on GET, PUT and DELETE that match
// Huawei's official signer.
import { describe, expect, it } from 'vitest';
import {
  ApigValidationError,
  createApigClient,
  createAppOnDedicatedGatewayV2,
  deleteAppOnDedicatedGateway,
  deleteAppOnDedicatedGatewayV2,
  deleteAppOnSharedGateway,
  findAppByName,
  listApps,
  listAppsOnDedicatedGatewayV2,
  listAppsOnSharedGateway,
  resetAppSecretOnSharedGateway,
  showAppOnDedicatedGatewayV2,
  showAppOnSharedGateway,
  updateAppOnDedicatedGateway,
  updateAppOnDedicatedGatewayV2,
  verifyAppOnDedicatedGatewayV2,
  verifyAppOnSharedGateway,
  type Gateway,
} from '../../src/index.js';
import { useExampleMock } from '../helpers/example-mock.js';
import { fakeGateway } from '../helpers/fake-gateway.js';
import { GUIDE_AKSK, officialAuthorization } from '../helpers/official-signer.js';

const INSTANCE = { projectId: '73d69ae0cfcf460190522d06b60f05ad', instanceId: 'eddc4d25480b4cd6b512f270a1b8b341' };
const TOKEN = { token: 'MIIZtoken-never-logged-0123456789' };
const AKSK = GUIDE_AKSK;

const mock = useExampleMock();

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'r1' } });

describe('against the mock: each helper gets its page example and status', () => {
  const client = () => createApigClient({ baseUrl: mock.url, auth: TOKEN });

  it('shared gateway (v1.0): show, update, reset, verify, delete', async () => {
    const shown = await showAppOnSharedGateway(client(), '14b399ac-967f-4115-bb62-c0346b4537e9');
    expect(shown).toMatchObject({ ok: true, status: 200, data: { name: 'app_001', app_type: 'apig' } });
    const reset = await resetAppSecretOnSharedGateway(client(), '14b399ac');
    expect(reset).toMatchObject({ ok: true, status: 200, data: { update_time: '2017-12-28T12:29:35.571Z' } });
    expect(await verifyAppOnSharedGateway(client(), 'a')).toMatchObject({
      ok: true,
      data: { id: '14b399ac-967f-4115-bb62-c0346b4537e9', name: 'app_001', remark: '第一个APP' },
    });
    expect(await deleteAppOnSharedGateway(client(), 'a')).toEqual({
      ok: true,
      status: 204,
      data: undefined,
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const page = await listAppsOnSharedGateway(client(), { creator: 'USER' }, { pageNo: 1, pageSize: 20 });
    expect(page).toMatchObject({ ok: true, data: { total: 2, size: 2 } });
  });

  it('dedicated gateway (v1): update answers 200; v2: update answers 201', async () => {
    expect(await updateAppOnDedicatedGateway(client(), INSTANCE, 'a', { name: 'app_001', remark: '第一个APP' })).toMatchObject({ ok: true, status: 200 });
    expect(await updateAppOnDedicatedGatewayV2(client(), INSTANCE, 'a', { name: 'app_demo', remark: 'Demo app' })).toMatchObject({
      ok: true,
      status: 201,
      data: { name: 'app_demo' },
    });
  });

  it('dedicated gateway v2: create, list, show, verify, delete', async () => {
    expect(await createAppOnDedicatedGatewayV2(client(), INSTANCE, { name: 'app_demo', app_key: 'k'.repeat(200) })).toMatchObject({
      ok: true,
      status: 201,
      data: { app_type: 'apig' },
    });
    expect(await listAppsOnDedicatedGatewayV2(client(), INSTANCE, {}, { offset: 0, limit: 500 })).toMatchObject({ ok: true, data: { total: 2 } });
    // The gateway adjusts a limit rather than refusing it (≤ 0 is 20, over 500 is 500): sent as given.
    for (const limit of [0, -1, 501, 1000])
      expect(await listAppsOnDedicatedGatewayV2(client(), INSTANCE, {}, { limit })).toMatchObject({ ok: true, data: { total: 2 } });
    expect(await showAppOnDedicatedGatewayV2(client(), INSTANCE, '356de8eb7a8742168586e5daf5339965')).toMatchObject({
      ok: true,
      data: { id: '356de8eb7a8742168586e5daf5339965' },
    });
    expect(await verifyAppOnDedicatedGatewayV2(client(), INSTANCE, 'a')).toMatchObject({ ok: true, data: { name: 'app_demo' } });
    expect(await deleteAppOnDedicatedGatewayV2(client(), INSTANCE, 'a')).toMatchObject({ ok: true, status: 204 });
  });

  it('a Prefer: code=404 answers the generation’s own code', async () => {
    const v1 = await deleteAppOnDedicatedGateway(client(), INSTANCE, 'gone', { headers: { Prefer: 'code=404' } });
    const v2 = await deleteAppOnDedicatedGatewayV2(client(), INSTANCE, 'gone', { headers: { Prefer: 'code=404' } });
    expect(v1).toMatchObject({ ok: false, error: { kind: 'api', status: 404, errorCode: 'APIG.3004' } });
    expect(v2).toMatchObject({ ok: false, error: { kind: 'api', status: 404, errorCode: 'APIG.3002' } });
  });
});

describe('listApps walks every page, in either paging style', () => {
  const APPS = Array.from({ length: 5 }, (_, i) => ({ id: `id${i}`, name: `app_00${i}` }));
  function pagedGateway() {
    return fakeGateway((request) => {
      const url = new URL(request.url);
      const q = url.searchParams;
      const v2 = url.pathname.startsWith('/v2/');
      const start = v2 ? Number(q.get('offset') ?? 0) : (Number(q.get('page_no') ?? 1) - 1) * Number(q.get('page_size') ?? 20);
      const size = Number((v2 ? q.get('limit') : q.get('page_size')) ?? 20);
      const apps = APPS.slice(start, start + size);
      return json(200, { total: APPS.length, size: apps.length, apps });
    });
  }
  const targets: Gateway[] = [{ gateway: 'shared' }, { gateway: 'dedicated', ...INSTANCE }, { gateway: 'dedicatedV2', ...INSTANCE }];

  it.each(targets)('$gateway: 5 APPs in pages of 2', async (target) => {
    const gateway = pagedGateway();
    const client = createApigClient({ baseUrl: 'https://apig.example.test', auth: TOKEN, fetch: gateway.fetch });
    const names: string[] = [];
    for await (const app of listApps(client, target, { creator: 'USER' }, { pageSize: 2 })) names.push(app.name);
    expect(names).toEqual(APPS.map((a) => a.name));
    const queries = gateway.sent.map((r) => new URL(r.url).searchParams);
    if (target.gateway === 'dedicatedV2')
      expect(queries.map((q) => [q.get('offset'), q.get('limit')])).toEqual([
        ['0', '2'],
        ['2', '2'],
        ['4', '2'],
      ]);
    else
      expect(queries.map((q) => [q.get('page_no'), q.get('page_size')])).toEqual([
        ['1', '2'],
        ['2', '2'],
        ['3', '2'],
      ]);
    expect(queries.every((q) => q.get('creator') === 'USER')).toBe(true);
  });

  it('throws the typed failure of a page that fails', async () => {
    const gateway = fakeGateway(() => json(401, { error_code: 'APIG.1002', error_msg: 'Incorrect token or token resolution failed' }));
    const client = createApigClient({ baseUrl: 'https://apig.example.test', auth: TOKEN, fetch: gateway.fetch });
    await expect(async () => {
      for await (const app of listApps(client, { gateway: 'shared' })) void app;
    }).rejects.toMatchObject({ kind: 'api', status: 401, errorCode: 'APIG.1002' });
  });

  it('refuses a page that is not a list answer, with a clear error', async () => {
    const gateway = fakeGateway(() => json(200, { total: 3 }));
    const client = createApigClient({ baseUrl: 'https://apig.example.test', auth: TOKEN, fetch: gateway.fetch });
    await expect(async () => {
      for await (const app of listApps(client, { gateway: 'shared' })) void app;
    }).rejects.toMatchObject({ kind: 'api', status: 200, errorMsg: expect.stringContaining('no apps array') });
  });

  it('findAppByName uses the exact-name search and returns the APP or undefined', async () => {
    const gateway = fakeGateway((request) => {
      const q = new URL(request.url).searchParams;
      const found = q.get('precise_search') === 'name' && q.get('name') === '测试应用_01';
      return json(200, { total: found ? 1 : 0, size: found ? 1 : 0, apps: found ? [{ id: 'x', name: '测试应用_01' }] : [] });
    });
    const client = createApigClient({ baseUrl: 'https://apig.example.test', auth: TOKEN, fetch: gateway.fetch });
    expect(await findAppByName(client, { gateway: 'dedicatedV2', ...INSTANCE }, '测试应用_01')).toMatchObject({ ok: true, data: { id: 'x' } });
    expect(await findAppByName(client, { gateway: 'shared' }, 'app_missing')).toMatchObject({ ok: true, data: undefined });
    expect(new URL(gateway.sent[0]!.url).pathname).toBe(`/v2/${INSTANCE.projectId}/apigw/instances/${INSTANCE.instanceId}/apps`);
  });
});

describe('nothing invalid leaves the process', () => {
  const gateway = fakeGateway(() => json(200, {}));
  const client = createApigClient({ baseUrl: 'https://apig.example.test', auth: TOKEN, fetch: gateway.fetch });

  it.each([
    ['limit past 32 bits (the gateway reads an int32)', () => listAppsOnDedicatedGatewayV2(client, INSTANCE, {}, { limit: 2 ** 31 }), 'limit'],
    ['page_size 1.5', () => listAppsOnSharedGateway(client, {}, { pageSize: 1.5 }), 'page_size'],
    ['creator ADMIN', () => listAppsOnSharedGateway(client, { creator: 'ADMIN' as 'USER' }), 'creator'],
    ['an empty app id', () => showAppOnSharedGateway(client, ''), 'appId'],
    ['an empty project id', () => showAppOnDedicatedGatewayV2(client, { ...INSTANCE, projectId: '' }, 'a'), 'projectId'],
    ['v2 create with an empty instance id', () => createAppOnDedicatedGatewayV2(client, { ...INSTANCE, instanceId: '' }, { name: 'app_demo' }), 'instanceId'],
    [
      'v2 create with an app_secret of 129',
      () => createAppOnDedicatedGatewayV2(client, INSTANCE, { name: 'app_demo', app_secret: 's'.repeat(129) }),
      'app_secret',
    ],
    ['v2 update with an app_key of 201', () => updateAppOnDedicatedGatewayV2(client, INSTANCE, 'a', { name: 'app_demo', app_key: 'k'.repeat(201) }), 'app_key'],
    ['v1 reset with a secret of 65', () => resetAppSecretOnSharedGateway(client, 'a', { app_secret: 's'.repeat(65) }), 'app_secret'],
    ['v1 update without a name', () => updateAppOnDedicatedGateway(client, INSTANCE, 'a', { remark: 'x' } as never), 'name'],
  ])('%s', async (_label, run, field) => {
    const before = gateway.sent.length;
    const result = (await run()) as { ok: boolean; error?: ApigValidationError };
    expect(result.ok).toBe(false);
    expect(result.error).toBeInstanceOf(ApigValidationError);
    expect(result.error!.issues.map((i) => i.field)).toContain(field);
    expect(gateway.sent.length).toBe(before);
  });

  it('a typo in a body field is refused with the field it meant; allowUnknownFields sends it', async () => {
    const refused = await client.POST('/v1.0/apigw/apps', { body: { name: 'app_001', appKey: 'my-custom-key-1' } as never }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApigValidationError);
    expect((refused as ApigValidationError).issues).toEqual([
      expect.objectContaining({ field: 'appKey', rule: 'unknown', message: expect.stringContaining('did you mean app_key?') }),
    ]);
    const open = createApigClient({ baseUrl: 'https://apig.example.test', auth: TOKEN, fetch: gateway.fetch, allowUnknownFields: true });
    await open.POST('/v1.0/apigw/apps', { body: { name: 'app_001', tags: 'new-field' } as never });
    expect(await gateway.sent.at(-1)!.json()).toEqual({ name: 'app_001', tags: 'new-field' });
  });
});

describe('AK/SK signs every method, query strings included, as the official SDK does', () => {
  it.each([
    ['GET list with repeated and non-ASCII filters', 'GET'],
    ['PUT update', 'PUT'],
    ['PUT reset without a body', 'PUT'],
    ['DELETE', 'DELETE'],
  ])('%s', async (label, method) => {
    const gateway = fakeGateway(() => json(method === 'DELETE' ? 204 : 200, { total: 0, size: 0, apps: [] }));
    const client = createApigClient({ baseUrl: 'https://apig.cn-north-4.myhuaweicloud.com', auth: AKSK, fetch: gateway.fetch });
    if (label.startsWith('GET'))
      await listAppsOnSharedGateway(client, { name: '测试 应用/01', creator: 'USER', preciseSearch: 'name' }, { pageNo: 2, pageSize: 50 });
    else if (label === 'PUT update') await updateAppOnDedicatedGatewayV2(client, INSTANCE, 'app1', { name: 'app_demo', remark: '第一个' });
    else if (label.startsWith('PUT reset')) await resetAppSecretOnSharedGateway(client, 'app1', {});
    else await deleteAppOnDedicatedGateway(client, INSTANCE, 'app1');
    const request = gateway.sent[0]!;
    expect(request.method).toBe(method);
    expect(request.headers.get('authorization')).toBe(await officialAuthorization(request, AKSK));
    expect(request.headers.get('authorization')).not.toContain(AKSK.sk);
  });
});

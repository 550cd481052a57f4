// The AppCode, authorization and outline helpers on every generation: against the stateful mock
// (what the pages say each call does), the per-pair report of an authorization, iterators over
// every paged list, everything checked before sending, and secrets kept out of errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import {
  ApigError,
  ApigValidationError,
  authorizationPairs,
  authorizeApps,
  cancelAppAuthorization,
  createApigClient,
  createAppCode,
  deleteAppCode,
  generateAppCode,
  listAppCodes,
  listAppCodesPage,
  listApisBoundToApp,
  listApisBoundToAppPage,
  listApisNotBoundToApp,
  listApisNotBoundToAppPage,
  listAppsBoundToApi,
  listAppsBoundToApiPage,
  showAppCode,
  showAppOutline,
  type AppCodeGateway,
  type Gateway,
} from '../../src/index.js';
import { operationName } from '../../src/client/operation-name.js';
import { createApp } from '../../src/client/app-lifecycle.js';
import { startMockServer } from '../../mock/server/index.mjs';
import { fakeGateway } from '../helpers/fake-gateway.js';
import { GUIDE_AKSK, officialAuthorization } from '../helpers/official-signer.js';

const INSTANCE = { projectId: 'p-grants', instanceId: 'i-grants' };
const TOKEN = { token: 'MIIZtoken-grants-never-logged-0123' };
const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
const HTTP_API = '5f918d104dc84480a75166ba99efff21';
const TEST_API = '11cbec3a7a8345ca981b86d161bc436e';
const MOCK_API = '40e7162dc6b94bbbbb1a60d2a24b1b0c';
const UNPUBLISHED_API = 'abd9c4b2ff974888b0ba79be7e6b2763';
const GATEWAYS: Array<[string, Gateway]> = [
  ['shared', { gateway: 'shared' }],
  ['dedicated', { gateway: 'dedicated', ...INSTANCE }],
  ['dedicatedV2', { gateway: 'dedicatedV2', ...INSTANCE }],
];

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await mock?.close();
});
const client = () => createApigClient({ baseUrl: mock.url, auth: TOKEN });
const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'r1' } });

async function newApp(target: Gateway, name: string): Promise<string> {
  const created = await createApp<{ id: string }>(client(), target, { name });
  if (!created.ok) throw created.error;
  return created.data.id;
}

describe.each(GATEWAYS)('on %s, against the stateful mock', (label, target) => {
  it('authorizes, reports per pair, lists bound and not bound, counts, and cancels', async () => {
    const app = await newApp(target, `client_${label}`);
    const first = await authorizeApps(client(), target, { appIds: [app], apiIds: [HTTP_API, TEST_API], envId: RELEASE });
    expect(first.ok && first.status).toBe(201);
    if (!first.ok) return;
    expect(first.data.pairs.map((p) => [p.apiId, p.status])).toEqual([
      [HTTP_API, 'SUCCESS'],
      [TEST_API, 'SUCCESS'],
    ]);
    expect(first.data.failed).toEqual([]);
    expect(first.data.pairs.every((p) => p.appId === app && typeof p.authorizationId === 'string')).toBe(true);

    // A partly skipped request is a 201 whose report names the pair that was not made.
    const again = await authorizeApps(client(), target, { appIds: [app], apiIds: [HTTP_API, MOCK_API], envId: RELEASE });
    if (!again.ok) throw again.error;
    expect(again.data.failed).toEqual([
      {
        appId: app,
        apiId: HTTP_API,
        status: 'SKIPPED',
        authorizationId: first.data.pairs[0]!.authorizationId,
        ...(label === 'dedicatedV2' ? { errorCode: 'APIG.3316', errorMsg: 'The api auth relation already exists' } : {}),
      },
    ]);
    expect(again.data.pairs[1]).toMatchObject({ apiId: MOCK_API, status: 'SUCCESS' });

    const unknown = await authorizeApps(client(), target, { appIds: [app], apiIds: ['no-such-api'], envId: RELEASE });
    expect(unknown.ok).toBe(false);
    expect(Object.keys(unknown)).toEqual(['ok', 'error']); // no report made up for a refused request
    if (!unknown.ok) expect(unknown.error).toMatchObject({ status: 404, errorCode: 'APIG.3002' });

    const boundPage = await listApisBoundToAppPage(
      client(),
      target,
      { appId: app, apiName: 'Api_' },
      label === 'dedicatedV2' ? { offset: 0, limit: 1 } : { pageNo: 1, pageSize: 1 },
    );
    if (!boundPage.ok) throw boundPage.error;
    expect([boundPage.data.total, boundPage.data.size]).toEqual([2, 1]);
    const bound = [];
    for await (const entry of listApisBoundToApp(client(), target, { appId: app }, { pageSize: 1 })) bound.push(entry.api_id);
    expect(bound.sort()).toEqual([HTTP_API, MOCK_API, TEST_API].sort());

    const notBound = [];
    for await (const entry of listApisNotBoundToApp(client(), target, { appId: app, envId: RELEASE }, { pageSize: 1 })) notBound.push(entry.id);
    expect(notBound).toEqual([UNPUBLISHED_API]);
    const notBoundPage = await listApisNotBoundToAppPage(client(), target, { appId: app, envId: RELEASE, groupId: 'c77f5e81d9cb4424bf704ef2b0ac7600' });
    expect(notBoundPage.ok && notBoundPage.data.apis.map((a) => a.name)).toEqual(['Api_function']);

    const apps = [];
    for await (const entry of listAppsBoundToApi(client(), target, { apiId: HTTP_API, appName: `client_${label}` }, { pageSize: 2 })) apps.push(entry.app_name);
    expect(apps).toEqual([`client_${label}`]);
    const appsPage = await listAppsBoundToApiPage(client(), target, { apiId: HTTP_API, envId: RELEASE, appId: app });
    expect(appsPage.ok && appsPage.data.total).toBe(1);

    const outline = await showAppOutline(client(), target);
    expect(outline.ok && outline.data.authed_nums).toBeGreaterThanOrEqual(1);

    const cancelled = await cancelAppAuthorization(client(), target, first.data.pairs[0]!.authorizationId!);
    expect(cancelled).toMatchObject({ ok: true, status: 204, data: undefined });
    const twice = await cancelAppAuthorization(client(), target, first.data.pairs[0]!.authorizationId!);
    expect(!twice.ok && twice.error).toMatchObject({ status: 404, errorCode: 'APIG.3009' });
  });
});

describe.each(GATEWAYS.filter(([label]) => label !== 'dedicated') as Array<[string, AppCodeGateway]>)('AppCodes on %s', (label, target) => {
  it('creates, generates, pages, shows and deletes', async () => {
    const app = await newApp(target, `coded_${label}`);
    const chosen = await createAppCode(client(), target, app, { app_code: `Code+${'q'.repeat(60)}/=` });
    expect(chosen.ok && chosen.data.app_code).toBe(`Code+${'q'.repeat(60)}/=`);
    const generated = await generateAppCode(client(), target, app);
    expect(generated.ok && generated.data.app_code).toMatch(/^[0-9a-f]{64}$/);
    if (!chosen.ok || !generated.ok) return;
    const page = await listAppCodesPage(client(), target, app, label === 'dedicatedV2' ? { limit: 1 } : { pageSize: 1 });
    expect(page.ok && [page.data.total, page.data.size]).toEqual([2, 1]);
    const all = [];
    for await (const code of listAppCodes(client(), target, app, { pageSize: 1 })) all.push(code.id);
    expect(all.sort()).toEqual([chosen.data.id, generated.data.id].sort());
    const shown = await showAppCode(client(), target, app, chosen.data.id);
    expect(shown.ok && shown.data).toEqual(chosen.data);
    expect(await deleteAppCode(client(), target, app, chosen.data.id)).toMatchObject({ ok: true, status: 204 });
    const gone = await showAppCode(client(), target, app, chosen.data.id);
    expect(!gone.ok && gone.error).toMatchObject({ status: 404, errorCode: 'APIG.3082' });
  });
});

describe('the per-generation helpers', () => {
  it('each calls its own generation, 28 in all (no AppCodes on the dedicated gateway v1)', async () => {
    const names = Object.keys(api).filter((n) =>
      /(AppCode|AuthorizeApps|authorizeApps|AppAuthorization|BoundTo|Outline).*On(Shared|Dedicated)Gateway(V2)?$/.test(n),
    );
    expect(names).toHaveLength(28);
    expect(names.filter((n) => /AppCode.*OnDedicatedGateway$/.test(n))).toEqual([]);
    const { fetch, sent } = fakeGateway((request) => json(request.method === 'DELETE' ? 204 : request.method === 'GET' ? 200 : 201, {}));
    const c = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch, validate: false });
    const args: Record<string, unknown[]> = {
      createAppCode: ['a1', { app_code: 'c'.repeat(64) }],
      generateAppCode: ['a1'],
      listAppCodes: ['a1'],
      showAppCode: ['a1', 'c1'],
      deleteAppCode: ['a1', 'c1'],
      authorizeApps: [{ appIds: ['a1'], apiIds: ['x1'], envId: RELEASE }],
      cancelAppAuthorization: ['z1'],
      listApisBoundToApp: [{ appId: 'a1' }],
      listApisNotBoundToApp: [{ appId: 'a1', envId: RELEASE }],
      listAppsBoundToApi: [{}],
      showAppOutline: [],
    };
    // Each operation's method and path below the generation's base, as its page gives it.
    const expected: Record<string, string> = {
      createAppCode: 'POST /apps/a1/app-codes',
      generateAppCode: 'PUT /apps/a1/app-codes',
      listAppCodes: 'GET /apps/a1/app-codes',
      showAppCode: 'GET /apps/a1/app-codes/c1',
      deleteAppCode: 'DELETE /apps/a1/app-codes/c1',
      authorizeApps: 'POST /app-auths',
      cancelAppAuthorization: 'DELETE /app-auths/z1',
      listApisBoundToApp: 'GET /app-auths/binded-apis',
      listApisNotBoundToApp: 'GET /app-auths/unbinded-apis',
      listAppsBoundToApi: 'GET /app-auths/binded-apps',
      showAppOutline: 'GET /resources/outline/apps',
    };
    const BASES: Record<string, string> = {
      SharedGateway: '/v1.0/apigw',
      DedicatedGateway: '/v1/p-grants/apigw/instances/i-grants',
      DedicatedGatewayV2: '/v2/p-grants/apigw/instances/i-grants',
    };
    for (const name of names) {
      const [, op, generation] = /^(.*)On(SharedGateway|DedicatedGateway|DedicatedGatewayV2)$/.exec(name)!;
      const fn = (api as unknown as Record<string, (...a: unknown[]) => Promise<{ ok: boolean }>>)[name]!;
      const before = sent.length;
      const result = await fn(c, ...(generation === 'SharedGateway' ? [] : [INSTANCE]), ...args[op!]!);
      expect(result.ok, name).toBe(true);
      expect(sent.length, name).toBe(before + 1);
      const [method, rest] = expected[op!]!.split(' ');
      expect(`${sent.at(-1)!.method} ${new URL(sent.at(-1)!.url).pathname}`, name).toBe(`${method} ${BASES[generation!]}${rest}`);
    }
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(
      expect.arrayContaining([
        'GET /v2/p-grants/apigw/instances/i-grants/apps/a1/app-codes/c1',
        'GET /v1.0/apigw/apps/a1/app-codes/c1',
        'DELETE /v2/p-grants/apigw/instances/i-grants/app-auths/z1',
        'DELETE /v1/p-grants/apigw/instances/i-grants/app-auths/z1',
        'GET /v1/p-grants/apigw/instances/i-grants/resources/outline/apps',
        'PUT /v1.0/apigw/apps/a1/app-codes',
      ]),
    );
  });
});

describe('a per-generation helper given a Gateway', () => {
  // Every helper of a dedicated generation, lifecycle and grants: 8 + 8 for the APP itself, 6 + 11 beside it.
  const names = Object.keys(api).filter((n) => /On(DedicatedGateway|DedicatedGatewayV2)$/.test(n));
  const { fetch, sent } = fakeGateway((request) => json(request.method === 'DELETE' ? 204 : request.method === 'GET' ? 200 : 201, { apps: [], total: 0 }));
  const c = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch, validate: false });
  const args: Record<string, unknown[]> = {
    createApp: [{ name: 'app_001' }],
    listApps: [],
    findAppByName: ['app_001'],
    showApp: ['a1'],
    updateApp: ['a1', { name: 'app_001' }],
    deleteApp: ['a1'],
    resetAppSecret: ['a1'],
    verifyApp: ['a1'],
    createAppCode: ['a1', { app_code: 'c'.repeat(64) }],
    generateAppCode: ['a1'],
    listAppCodes: ['a1'],
    showAppCode: ['a1', 'c1'],
    deleteAppCode: ['a1', 'c1'],
    authorizeApps: [{ appIds: ['a1'], apiIds: ['x1'], envId: RELEASE }],
    cancelAppAuthorization: ['z1'],
    listApisBoundToApp: [{ appId: 'a1' }],
    listApisNotBoundToApp: [{ appId: 'a1', envId: RELEASE }],
    listAppsBoundToApi: [{}],
    showAppOutline: [],
  };
  const call = (name: string, instance: unknown) => {
    const op = /^(.*)On(DedicatedGateway|DedicatedGatewayV2)$/.exec(name)![1]!;
    return (api as unknown as Record<string, (...a: unknown[]) => Promise<{ ok: boolean; error?: unknown }>>)[name]!(c, instance, ...args[op]!);
  };

  it('of its own generation is sent there, as a bare instance is', async () => {
    expect(names).toHaveLength(33);
    for (const name of names) {
      const generation = name.endsWith('V2') ? 'v2' : 'v1';
      for (const instance of [{ gateway: generation === 'v2' ? 'dedicatedV2' : 'dedicated', ...INSTANCE }, INSTANCE]) {
        const result = await call(name, instance);
        expect(result.ok, name).toBe(true);
        expect(new URL(sent.at(-1)!.url).pathname, name).toMatch(new RegExp(`^/${generation}/p-grants/apigw/instances/i-grants/`));
      }
    }
  });

  it('of another generation is refused and sent to neither, for JavaScript callers as TypeScript refuses it', async () => {
    for (const name of names) {
      const v2 = name.endsWith('V2');
      for (const other of v2 ? ['dedicated', 'shared'] : ['dedicatedV2', 'shared']) {
        const before = sent.length;
        const result = await call(name, { gateway: other, ...INSTANCE });
        expect(result.ok, name).toBe(false);
        expect(sent.length, name).toBe(before);
        expect(result.error, name).toBeInstanceOf(ApigValidationError);
        expect((result.error as ApigValidationError).message, name).toBe(
          `The call was sent to neither generation: the instance names gateway '${other}', but ${v2 ? '…OnDedicatedGatewayV2 calls the dedicated gateway v2' : '…OnDedicatedGateway calls the dedicated gateway v1'}; use the helper of the generation you mean, or the generic one with the gateway`,
        );
        expect((result.error as ApigValidationError).issues, name).toEqual([{ field: 'gateway', rule: 'required', message: expect.any(String) }]);
      }
    }
  });

  it('of no instance at all is refused naming the path parameter, never a TypeError, for JavaScript callers', async () => {
    for (const name of names) {
      const before = sent.length;
      const result = await call(name, undefined);
      expect(result.ok, name).toBe(false);
      expect(sent.length, name).toBe(before);
      expect((result.error as ApigValidationError).issues, name).toEqual([
        { field: 'projectId', rule: 'required', message: 'projectId must be a non-empty string (path parameter project_id)' },
      ]);
    }
  });
});

describe('checked before sending', () => {
  const { fetch, sent } = fakeGateway(() => json(200, {}));
  const c = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch });
  const v2: Gateway = { gateway: 'dedicatedV2', ...INSTANCE };
  const notSent = async (outcome: Promise<{ ok: boolean; error?: unknown }>) => {
    const before = sent.length;
    const result = await outcome;
    expect(result.ok).toBe(false);
    expect(sent.length).toBe(before);
    expect(result.error).toBeInstanceOf(ApigValidationError);
    return (result.error as ApigValidationError).message;
  };

  it('AppCodes on the dedicated gateway v1, which has none (from JavaScript: TypeScript refuses it, test/types)', async () => {
    const v1 = { gateway: 'dedicated', ...INSTANCE } as Gateway as AppCodeGateway;
    expect(await notSent(createAppCode(c, v1, 'a1', { app_code: 'c'.repeat(64) }))).toBe(
      "The AppCode call was not sent: the dedicated gateway v1 has no AppCode operations (its pages list none); use 'shared' or 'dedicatedV2'",
    );
    const refused = await generateAppCode(c, v1, 'a1');
    expect(!refused.ok && (refused.error as ApigValidationError).issues).toEqual([{ field: 'gateway', rule: 'required', message: expect.any(String) }]);
    // No target at all: refused as naming no generation, never a TypeError.
    for (const call of [
      createAppCode(c, undefined as never, 'a1', { app_code: 'c'.repeat(64) }),
      showAppCode(c, undefined as never, 'a1', 'c1'),
      cancelAppAuthorization(c, undefined as never, 'z1'),
    ]) {
      expect(await notSent(call)).toContain("gateway must be 'shared', 'dedicated' or 'dedicatedV2'");
    }
    for (const call of [generateAppCode(c, v1, 'a1'), listAppCodesPage(c, v1, 'a1'), showAppCode(c, v1, 'a1', 'c1'), deleteAppCode(c, v1, 'a1', 'c1')]) {
      expect(await notSent(call)).toContain("use 'shared' or 'dedicatedV2'");
    }
  });

  it('path parameters, naming the argument', async () => {
    expect(await notSent(showAppCode(c, v2, 'a1', ''))).toBe(
      'The Show AppCode path parameters (GET /v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}/app-codes/{app_code_id}) break the contract and the call was not sent: appCodeId must be a non-empty string (path parameter app_code_id)',
    );
    expect(await notSent(deleteAppCode(c, { gateway: 'shared' }, '', 'c1'))).toContain('appId must be a non-empty string (path parameter app_id)');
    expect(await notSent(cancelAppAuthorization(c, { gateway: 'dedicated', ...INSTANCE }, undefined as never))).toContain(
      'authorizationId must be a non-empty string (path parameter id)',
    );
    expect(await notSent(cancelAppAuthorization(c, v2, ''))).toBe(
      'The Cancel authorization path parameters (DELETE /v2/{project_id}/apigw/instances/{instance_id}/app-auths/{app_auth_id}) break the contract and the call was not sent: authorizationId must be a non-empty string (path parameter app_auth_id)',
    );
    expect(await notSent(listAppCodesPage(c, { gateway: 'shared' }, ''))).toContain(
      '(GET /v1.0/apigw/apps/{app_id}/app-codes) break the contract and the call was not sent: appId must be a non-empty string (path parameter app_id)',
    );
    expect(await notSent(generateAppCode(c, v2, ''))).toContain('appId must be a non-empty string (path parameter app_id)');
    expect(await notSent(createAppCode(c, v2, '', { app_code: 'c'.repeat(64) }))).toContain('appId must be a non-empty string (path parameter app_id)');
    expect(await notSent(showAppCode(c, v2, '', 'c1'))).toContain('appId must be a non-empty string (path parameter app_id)');
    expect(await notSent(deleteAppCode(c, undefined as never, 'a1', 'c1'))).toContain("gateway must be 'shared', 'dedicated' or 'dedicatedV2'");
    await expect(listAppCodes(c, undefined as never, 'a1').next()).rejects.toBeInstanceOf(ApigValidationError);
    expect(await notSent(showAppCode(c, { gateway: 'shared' }, 'a1', ''))).toContain('appCodeId must be a non-empty string (path parameter id)');
    expect(await notSent(deleteAppCode(c, v2, 'a1', ''))).toContain('appCodeId must be a non-empty string (path parameter app_code_id)');
    expect(await notSent(showAppOutline(c, { gateway: 'dedicatedV2', projectId: '', instanceId: 'i' }))).toContain(
      'projectId must be a non-empty string (path parameter project_id)',
    );
    expect(await notSent(showAppOutline(c, { gateway: 'v3' } as never))).toContain("gateway must be 'shared', 'dedicated' or 'dedicatedV2'");
  });

  it('the query: required filters, unknown ones, the generation’s paging', async () => {
    expect(await notSent(listApisBoundToAppPage(c, v2, {} as never))).toBe(
      'The List APIs bound to APP query (GET /v2/{project_id}/apigw/instances/{instance_id}/app-auths/binded-apis) breaks the contract and it was not sent: app_id is required (是否必选：是).',
    );
    expect(await notSent(listApisNotBoundToAppPage(c, v2, { appId: 'a1' } as never))).toContain('env_id is required (是否必选：是).');
    const missing = await listApisNotBoundToAppPage(c, v2, { envId: 'e1' } as never);
    expect(!missing.ok && (missing.error as ApigValidationError).issues).toEqual([
      { field: 'app_id', rule: 'required', message: 'app_id is required (是否必选：是).' },
    ]);
    await listApisBoundToAppPage(c, v2, { appId: 'a1', groupName: 'shop', groupId: 'g1', apiId: 'x1', apiName: 'n', envId: 'e1' });
    expect(new URL(sent.at(-1)!.url).search).toBe('?app_id=a1&group_name=shop&group_id=g1&api_id=x1&api_name=n&env_id=e1');
    await listAppsBoundToApiPage(c, { gateway: 'shared' }, { appName: 'a', appId: 'b', apiId: 'c', envId: 'd' }, { pageNo: 2, pageSize: 5 });
    expect(new URL(sent.at(-1)!.url).search).toBe('?app_name=a&app_id=b&api_id=c&env_id=d&page_no=2&page_size=5');
    expect(await notSent(listAppsBoundToApiPage(c, v2, { apiName: 'x' } as never))).toContain(
      'api_name is not a query parameter of GET /v2/{project_id}/apigw/instances/{instance_id}/app-auths/binded-apps',
    );
    expect(await notSent(listAppCodesPage(c, v2, 'a1', { pageNo: 2 }))).toContain('page_no is not a query parameter');
    expect(await notSent(listAppCodesPage(c, { gateway: 'shared' }, 'a1', { limit: 2 }))).toContain('limit is not a query parameter');
    expect(await notSent(listApisBoundToAppPage(c, v2, { appId: 'a1' }, { limit: 2 ** 31 }))).toContain('limit must be at most 2147483647');
  });

  it('the authorize body: lists of ids and the environment, in English and the page’s Chinese', async () => {
    const messages = await notSent(authorizeApps(c, v2, { appIds: [], apiIds: 'x' as never, envId: '' }));
    expect(messages).toContain(
      'The Authorize APPs body (POST /v2/{project_id}/apigw/instances/{instance_id}/app-auths) breaks the contract and it was not sent',
    );
    expect(messages).toContain('api_ids must be a list, not string. Rule: a list of at least one API id, each a non-empty string. 规则：API的编号列表');
    expect(messages).toContain('app_ids must list at least 1 (it lists 0).');
    expect(messages).toContain('env_id must be at least 1 characters');
    const refusedBody = await authorizeApps(c, v2, { appIds: [], apiIds: ['x', 9 as never], envId: RELEASE });
    expect(!refusedBody.ok && (refusedBody.error as ApigValidationError).issues.map((i) => [i.field, i.rule])).toEqual([
      ['api_ids', 'type'],
      ['app_ids', 'minLength'],
    ]);
    const entries = await notSent(authorizeApps(c, v2, { appIds: ['a', 7 as never], apiIds: [''], envId: RELEASE }));
    expect(entries).toContain('app_ids must list non-empty strings; entry 1 is number.');
    expect(entries).toContain('api_ids must list non-empty strings; entry 0 is empty.');
    // No input at all: the body check names what is missing.
    const none = await notSent(authorizeApps(c, v2, undefined as never));
    for (const field of ['api_ids', 'app_ids', 'env_id']) expect(none).toContain(`${field} is required (是否必选：是)`);
  });

  it('the AppCode body, by each generation’s rule', async () => {
    // v1.0: “且只能以英文和+、/开头”, a leading digit refused; an AppCode is a credential: its characters are never shown.
    expect(await notSent(createAppCode(c, { gateway: 'shared' }, 'a1', { app_code: `7${'a'.repeat(63)}` }))).toContain(
      'breaks the contract and it was not sent: app_code must start with an English letter, + or / (只能以英文和+、/开头). Rule: 64 to 180 characters; English letters, digits and + _ ! @ # $ % / =; starts with an English letter, + or /',
    );
    // v2: “支持英文、数字，+_!@#$%-/=”: a space is not allowed, told by its position only.
    expect(await notSent(createAppCode(c, v2, 'a1', { app_code: `7${'a'.repeat(40)} ${'a'.repeat(30)}` }))).toContain(
      'breaks the contract and it was not sent: app_code has a character that is not allowed: character 42; it may hold only English letters, digits and + _ ! @ # $ % - / = (支持英文、数字，+_!@#$%-/=). Rule: ',
    );
    expect(await notSent(createAppCode(c, v2, 'a1', { app_code: 'a'.repeat(63) }))).toContain('app_code must be at least 64 characters (it has 63)');
    expect(await notSent(createAppCode(c, v2, 'a1', { appCode: 'x' } as never))).toContain(
      'appCode is not a field of this request (the source page lists app_code); did you mean app_code?',
    );
  });
});

describe('authorizationPairs: every requested pair, whatever the answer holds', () => {
  const input = { appIds: ['app1', 'app2'], apiIds: ['api1'], envId: RELEASE };
  it('reads v1.0/v1 string results and v2 result objects', () => {
    expect(
      authorizationPairs(input, [{ id: 'r1', app_id: 'app1', api_id: 'api1', auth_time: 't', auth_role: 'PROVIDER', auth_result: 'SKIPPED' }] as never),
    ).toEqual([
      { appId: 'app1', apiId: 'api1', status: 'SKIPPED', authorizationId: 'r1' },
      { appId: 'app2', apiId: 'api1', status: 'MISSING', errorMsg: 'the answer has no record for this APP and API' },
    ]);
    expect(
      authorizationPairs(input, {
        auths: [
          {
            id: 'r2',
            app_id: 'app2',
            api_id: 'api1',
            auth_result: { status: 'FAILED', error_code: 'APIG.3411', error_msg: 'The APIs belong to different tenants.' },
          },
        ],
      } as never),
    ).toEqual([
      { appId: 'app1', apiId: 'api1', status: 'MISSING', errorMsg: 'the answer has no record for this APP and API' },
      { appId: 'app2', apiId: 'api1', status: 'FAILED', authorizationId: 'r2', errorCode: 'APIG.3411', errorMsg: 'The APIs belong to different tenants.' },
    ]);
  });
  it('a pair carries only the codes its record has', () => {
    expect(
      authorizationPairs({ ...input, appIds: ['app1'] }, {
        auths: [{ id: 'r', app_id: 'app1', api_id: 'api1', auth_result: { status: 'SUCCESS', error_code: undefined, error_msg: undefined } }],
      } as never),
    ).toStrictEqual([{ appId: 'app1', apiId: 'api1', status: 'SUCCESS', authorizationId: 'r' }]);
    expect(
      authorizationPairs({ ...input, appIds: ['app1'] }, {
        auths: [{ id: 'r', app_id: 'app1', api_id: 'api1', auth_result: { status: 'SKIPPED', error_code: 'APIG.3316' } }],
      } as never),
    ).toStrictEqual([{ appId: 'app1', apiId: 'api1', status: 'SKIPPED', authorizationId: 'r', errorCode: 'APIG.3316' }]);
    expect(
      authorizationPairs({ ...input, appIds: ['app1'] }, {
        auths: [{ id: 'r', app_id: 'app1', api_id: 'api1', auth_result: { status: 'FAILED', error_msg: 'no' } }],
      } as never),
    ).toStrictEqual([{ appId: 'app1', apiId: 'api1', status: 'FAILED', authorizationId: 'r', errorMsg: 'no' }]);
  });
  it('an unknown or absent result is a failure, not a success', () => {
    expect(authorizationPairs({ ...input, appIds: ['app1'] }, [{ app_id: 'app1', api_id: 'api1', auth_result: 'PENDING' }] as never)[0]!.status).toBe('FAILED');
    expect(authorizationPairs({ ...input, appIds: ['app1'] }, { auths: [{ app_id: 'app1', api_id: 'api1' }] } as never)[0]!.status).toBe('FAILED');
    expect(authorizationPairs({ ...input, appIds: ['app1'] }, {} as never)[0]!.status).toBe('MISSING');
  });
  it('authorizeApps reports a 201 with a missing record as failed, not dropped', async () => {
    const { fetch } = fakeGateway(() =>
      json(201, [{ id: 'r1', app_id: 'app1', api_id: 'api1', auth_time: 't', auth_role: 'PROVIDER', auth_result: 'SUCCESS' }]),
    );
    const c = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch });
    const report = await authorizeApps(c, { gateway: 'shared' }, input);
    expect(report.ok && report.data.failed.map((p) => [p.appId, p.status])).toEqual([['app2', 'MISSING']]);
    expect(report.ok && report.requestId).toBe('r1');
  });
});

describe('iterators refuse a broken page', () => {
  it('throws the typed error of a failing page, and of a page without its list', async () => {
    const failing = fakeGateway(() => json(404, { error_code: 'APIG.3004', error_msg: 'App a1 does not exist' }));
    const c1 = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch: failing.fetch });
    await expect(listAppCodes(c1, { gateway: 'dedicatedV2', ...INSTANCE }, 'a1').next()).rejects.toMatchObject({ errorCode: 'APIG.3004' });
    const listless = fakeGateway(() => json(200, { total: 3, size: 0 }));
    const c2 = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch: listless.fetch });
    await expect(listApisBoundToApp(c2, { gateway: 'shared' }, { appId: 'a1' }).next()).rejects.toThrow(
      new ApigError(200, undefined, 'the list answer has no auths array or no total (列表响应不符合契约)', 'r1'),
    );
    await expect(listAppsBoundToApi(c2, { gateway: 'nope' } as never).next()).rejects.toBeInstanceOf(ApigValidationError);
    const totalless = fakeGateway(() => json(200, { size: 1, auths: [{ id: 'x' }] }));
    const c3 = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch: totalless.fetch });
    await expect(listApisBoundToApp(c3, { gateway: 'shared' }, { appId: 'a1' }).next()).rejects.toThrow('the list answer has no auths array or no total');
    const bodiless = fakeGateway(() => json(204, undefined));
    const c4 = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch: bodiless.fetch });
    await expect(listAppCodes(c4, { gateway: 'shared' }, 'a1').next()).rejects.toBeInstanceOf(ApigError);
  });

  it('stops at the total, and at an empty page', async () => {
    const pages = fakeGateway((request) => {
      const offset = Number(new URL(request.url).searchParams.get('offset'));
      return json(200, { total: 5, size: offset < 4 ? 2 : 0, apis: offset < 4 ? [{ id: `x${offset}` }, { id: `y${offset}` }] : [] });
    });
    const c = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch: pages.fetch });
    const seen = [];
    for await (const entry of listApisNotBoundToApp(c, { gateway: 'dedicatedV2', ...INSTANCE }, { appId: 'a', envId: RELEASE }, { pageSize: 2 }))
      seen.push(entry.id);
    expect(seen).toEqual(['x0', 'y0', 'x2', 'y2']);
    expect(pages.sent.map((r) => new URL(r.url).searchParams.get('offset'))).toEqual(['0', '2', '4']);
    const byPageNo = fakeGateway((request) =>
      json(200, { total: 3, size: 2, app_codes: Number(new URL(request.url).searchParams.get('page_no')) === 1 ? [{ id: 'a' }, { id: 'b' }] : [{ id: 'c' }] }),
    );
    const c2 = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch: byPageNo.fetch });
    const codes = [];
    for await (const code of listAppCodes(c2, { gateway: 'shared' }, 'a1', { pageSize: 2 })) codes.push(code.id);
    expect(codes).toEqual(['a', 'b', 'c']);
    expect(byPageNo.sent.map((r) => new URL(r.url).search)).toEqual(['?page_no=1&page_size=2', '?page_no=2&page_size=2']);
  });
});

describe('secrets and signatures', () => {
  it('an AppCode never appears in an error', async () => {
    const code = `Secret+AppCode${'s'.repeat(60)}`;
    const { fetch } = fakeGateway(() => json(400, { error_code: 'APIG.2011', error_msg: `Invalid parameter value,app_code:${code}` }));
    const c = createApigClient({ baseUrl: 'https://apig.example.com', auth: TOKEN, fetch });
    const result = await createAppCode(c, { gateway: 'shared' }, 'a1', { app_code: code });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).not.toContain(code);
      expect(JSON.stringify(result.error)).not.toContain(code);
    }
  });

  it('AK/SK signs the new calls as Huawei’s signer does (query and DELETE included)', async () => {
    const { fetch, sent } = fakeGateway(() => json(200, { total: 0, size: 0, auths: [] }));
    const c = createApigClient({ baseUrl: 'https://apig.example.com', auth: GUIDE_AKSK, fetch });
    await listApisBoundToAppPage(c, { gateway: 'dedicatedV2', ...INSTANCE }, { appId: 'a1', apiName: 'Api http' }, { offset: 0, limit: 5 });
    await cancelAppAuthorization(c, { gateway: 'shared' }, 'z1');
    for (const request of sent) {
      expect(request.headers.get('authorization')).toBe(await officialAuthorization(request, GUIDE_AKSK));
    }
  });
});

describe('operationName', () => {
  it.each([
    ['POST', '/v1.0/apigw/apps/{app_id}/app-codes', 'Create AppCode'],
    ['PUT', '/v1.0/apigw/apps/{app_id}/app-codes', 'Generate AppCode'],
    ['GET', '/v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}/app-codes', 'List AppCodes'],
    ['GET', '/v1.0/apigw/apps/{app_id}/app-codes/{id}', 'Show AppCode'],
    ['DELETE', '/v1.0/apigw/apps/{app_id}/app-codes/{id}', 'Delete AppCode'],
    ['POST', '/v1.0/apigw/app-auths', 'Authorize APPs'],
    ['DELETE', '/v2/{project_id}/apigw/instances/{instance_id}/app-auths/{app_auth_id}', 'Cancel authorization'],
    ['GET', '/v1.0/apigw/app-auths/binded-apis', 'List APIs bound to APP'],
    ['GET', '/v1.0/apigw/app-auths/unbinded-apis', 'List APIs not bound to APP'],
    ['GET', '/v1.0/apigw/app-auths/binded-apps', 'List APPs bound to API'],
    ['GET', '/v1.0/apigw/resources/outline/apps', 'Show APP outline'],
  ])('%s %s is %s', (method, path, name) => {
    expect(operationName(method, path)).toBe(name);
  });
});

// Every helper sends its page's method to its page's path (表 1 URI, from the rule table), with
// the path parameters filled and encoded, the body as given, and hands back the answer; and
// every path parameter is checked before anything is sent.
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { createApigClient, type ApigClient, type Gateway, type Outcome } from '../../src/index.js';
import { OPERATIONS, type Generation, type OperationKind } from '../rules/lifecycle-rules.js';
import { fakeGateway } from '../helpers/fake-gateway.js';

const INSTANCE = { projectId: 'proj-1', instanceId: 'inst_1' };
/** An id with characters that must be percent-encoded in a path segment. */
const APP_ID = 'app/1 é';
const V1_BODY = { name: 'app_001', remark: '第一个APP' };
const V2_BODY = { name: 'app_demo', remark: 'Demo app' };
const RESET_BODY = { app_secret: 'Secret_12345' };

type Call = (client: ApigClient) => Promise<Outcome<unknown> | api.CreateAppResult>;

/** The per-generation helpers, by generation and operation. */
const HELPERS: Record<Generation, Record<OperationKind, Call>> = {
  'v1.0': {
    create: (c) => api.createAppOnSharedGateway(c, V1_BODY),
    list: (c) => api.listAppsOnSharedGateway(c),
    show: (c) => api.showAppOnSharedGateway(c, APP_ID),
    update: (c) => api.updateAppOnSharedGateway(c, APP_ID, V1_BODY),
    delete: (c) => api.deleteAppOnSharedGateway(c, APP_ID),
    reset: (c) => api.resetAppSecretOnSharedGateway(c, APP_ID, RESET_BODY),
    verify: (c) => api.verifyAppOnSharedGateway(c, APP_ID),
  },
  v1: {
    create: (c) => api.createAppOnDedicatedGateway(c, INSTANCE, V1_BODY),
    list: (c) => api.listAppsOnDedicatedGateway(c, INSTANCE),
    show: (c) => api.showAppOnDedicatedGateway(c, INSTANCE, APP_ID),
    update: (c) => api.updateAppOnDedicatedGateway(c, INSTANCE, APP_ID, V1_BODY),
    delete: (c) => api.deleteAppOnDedicatedGateway(c, INSTANCE, APP_ID),
    reset: (c) => api.resetAppSecretOnDedicatedGateway(c, INSTANCE, APP_ID, RESET_BODY),
    verify: (c) => api.verifyAppOnDedicatedGateway(c, INSTANCE, APP_ID),
  },
  v2: {
    create: (c) => api.createAppOnDedicatedGatewayV2(c, INSTANCE, V2_BODY),
    list: (c) => api.listAppsOnDedicatedGatewayV2(c, INSTANCE),
    show: (c) => api.showAppOnDedicatedGatewayV2(c, INSTANCE, APP_ID),
    update: (c) => api.updateAppOnDedicatedGatewayV2(c, INSTANCE, APP_ID, V2_BODY),
    delete: (c) => api.deleteAppOnDedicatedGatewayV2(c, INSTANCE, APP_ID),
    reset: (c) => api.resetAppSecretOnDedicatedGatewayV2(c, INSTANCE, APP_ID, RESET_BODY),
    verify: (c) => api.verifyAppOnDedicatedGatewayV2(c, INSTANCE, APP_ID),
  },
};

const TARGETS: Record<Generation, Gateway> = {
  'v1.0': { gateway: 'shared' },
  v1: { gateway: 'dedicated', ...INSTANCE },
  v2: { gateway: 'dedicatedV2', ...INSTANCE },
};

/** The generic helpers (create has none: it is per generation). */
const GENERIC: Record<Exclude<OperationKind, 'create'>, (c: ApigClient, target: Gateway, generation: Generation) => Promise<Outcome<unknown>>> = {
  list: (c, t) => api.listAppsPage(c, t),
  show: (c, t) => api.showApp(c, t, APP_ID),
  update: (c, t, g) => api.updateApp(c, t, APP_ID, g === 'v2' ? V2_BODY : V1_BODY),
  delete: (c, t) => api.deleteApp(c, t, APP_ID),
  reset: (c, t) => api.resetAppSecret(c, t, APP_ID, RESET_BODY),
  verify: (c, t) => api.verifyApp(c, t, APP_ID),
};

const ANSWER = { id: 'x1', name: 'app_001', total: 0, size: 0, apps: [] };

/** A gateway that records each request and answers the operation's success status. */
function recorder(status: number) {
  const gateway = fakeGateway(
    () => new Response(status === 204 ? null : JSON.stringify(ANSWER), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req-7' } }),
  );
  return { sent: gateway.sent, client: createApigClient({ baseUrl: 'https://apig.example.test/', auth: { token: 'tok-123456' }, fetch: gateway.fetch }) };
}

function expectedUrl(path: string): string {
  const filled = path
    .replace('{project_id}', INSTANCE.projectId)
    .replace('{instance_id}', INSTANCE.instanceId)
    .replace(/\{(app_)?id\}/, encodeURIComponent(APP_ID));
  return `https://apig.example.test${filled}`;
}

const successOf = (kind: OperationKind, generation: Generation) => OPERATIONS.find((o) => o.kind === kind && o.generation === generation)!.statuses[0]!;

describe.each(OPERATIONS.map((o) => [`${o.generation} ${o.kind}`, o] as const))('%s', (_label, operation) => {
  const { generation, kind } = operation;
  const status = Number(successOf(kind, generation));

  async function expectSentAsThePageSays(run: (client: ApigClient) => Promise<unknown>) {
    const { sent, client } = recorder(status);
    const result = (await run(client)) as { ok: boolean; status?: number; requestId?: string };
    expect(result).toMatchObject({ ok: true, status, requestId: 'req-7' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe(operation.method.toUpperCase());
    expect(sent[0]!.url).toBe(expectedUrl(operation.path));
    const body = await sent[0]!.text();
    if (kind === 'create' || kind === 'update') expect(JSON.parse(body)).toEqual(generation === 'v2' ? V2_BODY : V1_BODY);
    else if (kind === 'reset') expect(JSON.parse(body)).toEqual(RESET_BODY);
    else expect(body).toBe('');
    return result;
  }

  it(`the per-generation helper: ${operation.method.toUpperCase()} ${operation.path}`, async () => {
    const result = await expectSentAsThePageSays(HELPERS[generation][kind]);
    if (status === 204) expect(result).toMatchObject({ data: undefined });
    else if (kind === 'create' && generation !== 'v2')
      expect(result).toMatchObject({ data: ANSWER, app: ANSWER }); // CreateAppResult on v1.0 and v1: app, the deprecated alias
    else expect(result).toMatchObject({ data: ANSWER });
  });

  if (kind !== 'create') {
    it('the generic helper sends the same', async () => {
      await expectSentAsThePageSays((client) => GENERIC[kind](client, TARGETS[generation], generation));
    });
  }

  for (const param of operation.pathParams) {
    const name = { project_id: 'projectId', instance_id: 'instanceId', id: 'appId', app_id: 'appId' }[param]!;
    it.each(['', undefined, 42])(`refuses ${name} = %j before sending (path parameter ${param})`, async (bad) => {
      const { sent, client } = recorder(status);
      const instance = { ...INSTANCE, ...(name === 'appId' ? {} : { [name]: bad }) } as typeof INSTANCE;
      const appId = (name === 'appId' ? bad : APP_ID) as string;
      const target = { ...TARGETS[generation], ...(generation === 'v1.0' ? {} : instance) } as Gateway;
      const runs: Record<OperationKind, () => Promise<unknown>> = {
        create: () =>
          generation === 'v1.0'
            ? api.createAppOnSharedGateway(client, V1_BODY)
            : generation === 'v1'
              ? api.createAppOnDedicatedGateway(client, instance, V1_BODY)
              : api.createAppOnDedicatedGatewayV2(client, instance, V2_BODY),
        list: () => api.listAppsPage(client, target),
        show: () => api.showApp(client, target, appId),
        update: () => api.updateApp(client, target, appId, generation === 'v2' ? V2_BODY : V1_BODY),
        delete: () => api.deleteApp(client, target, appId),
        reset: () => api.resetAppSecret(client, target, appId, RESET_BODY),
        verify: () => api.verifyApp(client, target, appId),
      };
      const result = (await runs[kind]()) as { ok: boolean; error?: api.ApigValidationError };
      expect(result.ok).toBe(false);
      expect(result.error).toBeInstanceOf(api.ApigValidationError);
      expect(result.error!.issues).toEqual([{ field: name, rule: 'required', message: `${name} must be a non-empty string (path parameter ${param})` }]);
      expect(sent).toHaveLength(0);
    });
  }
});

describe('a target that is not a gateway', () => {
  it.each([undefined, null, {}, { gateway: 'v3' }, { gateway: 'toString' }])('%j is refused by every generic helper, nothing sent', async (target) => {
    const { sent, client } = recorder(200);
    const bad = target as unknown as Gateway;
    for (const run of [
      () => api.listAppsPage(client, bad),
      () => api.findAppByName(client, bad, 'app_001'),
      () => api.showApp(client, bad, APP_ID),
      () => api.updateApp(client, bad, APP_ID, V1_BODY),
      () => api.deleteApp(client, bad, APP_ID),
      () => api.resetAppSecret(client, bad, APP_ID),
      () => api.verifyApp(client, bad, APP_ID),
    ]) {
      const result = await run();
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatchObject({
        kind: 'validation',
        issues: [{ field: 'gateway', rule: 'required', message: "gateway must be 'shared', 'dedicated' or 'dedicatedV2'" }],
      });
    }
    await expect(api.listApps(client, bad).next()).rejects.toMatchObject({ kind: 'validation', issues: [{ field: 'gateway' }] });
    expect(sent).toHaveLength(0);
  });
});

describe('findAppByName on each generation: GET the list path with precise_search=name', () => {
  it.each([
    ['v1.0', (c: ApigClient) => api.findAppByNameOnSharedGateway(c, 'app_001'), '/v1.0/apigw/apps?name=app_001&precise_search=name&page_size=1'],
    [
      'v1',
      (c: ApigClient) => api.findAppByNameOnDedicatedGateway(c, INSTANCE, 'app_001'),
      '/v1/proj-1/apigw/instances/inst_1/apps?name=app_001&precise_search=name&page_size=1',
    ],
    [
      'v2',
      (c: ApigClient) => api.findAppByNameOnDedicatedGatewayV2(c, INSTANCE, 'app_001'),
      '/v2/proj-1/apigw/instances/inst_1/apps?name=app_001&precise_search=name&limit=1',
    ],
  ] as const)('%s', async (_generation, run, url) => {
    const { sent, fetch } = fakeGateway(() => Response.json({ total: 1, size: 1, apps: [{ id: 'x1', name: 'app_001' }] }));
    const result = await run(createApigClient({ baseUrl: 'https://apig.example.test', auth: { token: 'tok-123456' }, fetch }));
    expect(result).toMatchObject({ ok: true, data: { id: 'x1', name: 'app_001' } });
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([`GET https://apig.example.test${url}`]);
  });
});

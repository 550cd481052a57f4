// The client against the mock: both variants, both auth modes, validation before sending,
// typed errors for every failure.
import { describe, expect, it } from 'vitest';
import {
  ApigError,
  ApigNetworkError,
  ApigValidationError,
  createApigClient,
  createAppOnDedicatedGateway,
  createAppOnSharedGateway,
  regionEndpoint,
} from '../../src/index.js';
import { SOURCE_REQUEST_EXAMPLE, SOURCE_RESPONSE_EXAMPLE } from '../rules/create-app-rules.js';
import { useExampleMock } from '../helpers/example-mock.js';
import { freePort } from '../helpers/child-process.js';
import { AKSKSigner, GUIDE_AKSK } from '../helpers/official-signer.js';

const INSTANCE = { projectId: '77b6a44cba5143ab91d13ab9a8ff44fd', instanceId: 'eddc4d25480b4cd6b512f270a1b8b341' };
const TOKEN = { token: 'MIIZtoken-never-logged-0123456789' };
const AKSK = GUIDE_AKSK;

const mock = useExampleMock();

/** A fetch that records what the client sends. */
function recordingFetch(transform?: (request: Request) => Request) {
  const sent: Request[] = [];
  const fetchFn = async (input: Request) => {
    const request = transform ? transform(input) : input;
    sent.push(request.clone());
    return fetch(request);
  };
  return { sent, fetch: fetchFn as typeof fetch };
}

describe.each([
  ['token', TOKEN],
  ['AK/SK', { ...AKSK, projectId: INSTANCE.projectId }],
] as const)('with %s auth', (_mode, auth) => {
  it('creates an APP on the shared gateway', async () => {
    const client = createApigClient({ baseUrl: mock.url, auth });
    const result = await createAppOnSharedGateway(client, SOURCE_REQUEST_EXAMPLE);
    expect(result).toMatchObject({ ok: true, status: 201, data: SOURCE_RESPONSE_EXAMPLE });
    expect(result.ok && result.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers { ok: true, data } like every other helper; app is the same APP, kept as a deprecated alias until 2.0.0', async () => {
    const client = createApigClient({ baseUrl: mock.url, auth });
    for (const result of [
      await createAppOnSharedGateway(client, SOURCE_REQUEST_EXAMPLE),
      await createAppOnDedicatedGateway(client, INSTANCE, SOURCE_REQUEST_EXAMPLE),
    ]) {
      expect(Object.keys(result).sort()).toEqual(['app', 'data', 'ok', 'requestId', 'status']);
      if (!result.ok) throw result.error;
      expect(result.data).toEqual(SOURCE_RESPONSE_EXAMPLE);
      expect(result.app).toBe(result.data);
    }
  });

  it('creates an APP on a dedicated instance', async () => {
    const client = createApigClient({ baseUrl: mock.url, auth });
    const result = await createAppOnDedicatedGateway(client, INSTANCE, { name: '测试应用_01', remark: '第一个应用' });
    expect(result).toMatchObject({ ok: true, data: { creator: 'USER' } });
  });

  it('gives 403 and 500 as typed errors (Prefer on the mock)', async () => {
    const client = createApigClient({ baseUrl: mock.url, auth });
    for (const [code, errorCode] of [
      [403, 'APIG.1005'],
      [500, 'APIG.9999'],
    ] as const) {
      const result = await createAppOnSharedGateway(client, SOURCE_REQUEST_EXAMPLE, { headers: { Prefer: `code=${code}` } });
      expect(result.ok).toBe(false);
      const error = !result.ok && result.error;
      expect(error).toBeInstanceOf(ApigError);
      expect(error).toMatchObject({ kind: 'api', status: code, errorCode, requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    }
  });
});

describe('what goes on the wire', () => {
  it('token auth sends X-Auth-Token', async () => {
    const wire = recordingFetch();
    await createAppOnSharedGateway(createApigClient({ baseUrl: mock.url, auth: TOKEN, fetch: wire.fetch }), SOURCE_REQUEST_EXAMPLE);
    expect(wire.sent[0]!.headers.get('x-auth-token')).toBe(TOKEN.token);
  });

  it('AK/SK auth signs the request as sent, matching the official SDK signer', async () => {
    const wire = recordingFetch();
    const client = createApigClient({ baseUrl: mock.url, auth: { ...AKSK, projectId: INSTANCE.projectId }, fetch: wire.fetch });
    const result = await createAppOnDedicatedGateway(client, INSTANCE, { name: '测试应用_01', remark: '第一个应用' });
    expect(result.ok).toBe(true);
    const request = wire.sent[0]!;
    const url = new URL(request.url);
    expect(request.headers.get('x-project-id')).toBe(INSTANCE.projectId);
    const date = request.headers.get('x-sdk-date')!;
    expect(date).toMatch(/^\d{8}T\d{6}Z$/);
    const sdk = AKSKSigner.sign(
      {
        endpoint: `${url.origin}${url.pathname}`,
        method: request.method,
        headers: { 'content-type': request.headers.get('content-type'), 'x-project-id': INSTANCE.projectId, 'X-Sdk-Date': date },
        queryParams: {},
        data: JSON.parse(await request.text()),
      },
      { getAk: () => AKSK.ak, getSk: () => AKSK.sk },
    );
    expect(request.headers.get('authorization')).toBe(sdk.Authorization);
    expect(sdk.Authorization).toMatch(/SignedHeaders=content-type;host;x-project-id;x-sdk-date,/);
  });

  it('signs what it cannot foresee (a query string, a custom body serializer) on the finished request, like the SDK', async () => {
    const wire = recordingFetch();
    const client = createApigClient({ baseUrl: mock.url, auth: AKSK, fetch: wire.fetch });
    const body = { name: 'app_001', remark: '第一个应用' };
    const result = await client.POST('/v1.0/apigw/apps', {
      body,
      params: { query: { trace: 'a b', lang: '中文' } },
      bodySerializer: (b: unknown) => JSON.stringify(b),
    } as never);
    expect(result.response.status).toBe(201);
    const request = wire.sent[0]!;
    const url = new URL(request.url);
    const sdk = AKSKSigner.sign(
      {
        endpoint: `${url.origin}${url.pathname}`,
        method: 'POST',
        headers: { 'content-type': request.headers.get('content-type'), 'X-Sdk-Date': request.headers.get('x-sdk-date') },
        queryParams: Object.fromEntries(url.searchParams),
        data: JSON.parse(await request.text()),
      },
      { getAk: () => AKSK.ak, getSk: () => AKSK.sk },
    );
    expect(request.headers.get('authorization')).toBe(sdk.Authorization);
  });
});

describe('validation before sending', () => {
  it('refuses an invalid body without sending anything', async () => {
    const wire = recordingFetch();
    const client = createApigClient({ baseUrl: mock.url, auth: TOKEN, fetch: wire.fetch });
    const result = await createAppOnSharedGateway(client, { name: '1app', app_key: 'short' });
    expect(wire.sent).toHaveLength(0);
    expect(result.ok).toBe(false);
    const error = !result.ok && result.error;
    expect(error).toBeInstanceOf(ApigValidationError);
    expect((error as ApigValidationError).issues.map((i) => i.field)).toEqual(['name', 'app_key']);
    await expect(client.POST('/v1.0/apigw/apps', { body: { name: 'ab' } })).rejects.toBeInstanceOf(ApigValidationError);
    expect(wire.sent).toHaveLength(0);
  });

  it('with validate: false the server’s 400 comes back as a typed error naming the field', async () => {
    const wire = recordingFetch();
    const client = createApigClient({ baseUrl: mock.url, auth: TOKEN, validate: false, fetch: wire.fetch });
    const result = await createAppOnSharedGateway(client, { name: 'app_001', app_key: 'bad key!' });
    expect(wire.sent).toHaveLength(1);
    expect(!result.ok && result.error).toMatchObject({
      kind: 'api',
      status: 400,
      errorCode: 'APIG.2011',
      errorMsg: expect.stringContaining('parameterName:app_key'),
    });
  });

  it('rejects empty path parameters before sending', async () => {
    const wire = recordingFetch();
    const result = await createAppOnDedicatedGateway(
      createApigClient({ baseUrl: mock.url, auth: TOKEN, fetch: wire.fetch }),
      { projectId: '', instanceId: 'i' },
      { name: 'app_001' },
    );
    expect(!result.ok && result.error).toBeInstanceOf(ApigValidationError);
    expect(wire.sent).toHaveLength(0);
  });
});

describe('failures', () => {
  it('401 without credentials is a typed API error', async () => {
    const stripAuth = recordingFetch((r) => {
      const headers = new Headers(r.headers);
      headers.delete('x-auth-token');
      return new Request(r, { headers });
    });
    const result = await createAppOnSharedGateway(createApigClient({ baseUrl: mock.url, auth: TOKEN, fetch: stripAuth.fetch }), SOURCE_REQUEST_EXAMPLE);
    expect(!result.ok && result.error).toMatchObject({ kind: 'api', status: 401, errorCode: 'APIG.1000' });
  });

  it('a network failure is an ApigNetworkError, not an API error', async () => {
    const port = await freePort();
    const result = await createAppOnSharedGateway(createApigClient({ baseUrl: `http://127.0.0.1:${port}`, auth: TOKEN }), SOURCE_REQUEST_EXAMPLE);
    const error = !result.ok && result.error;
    expect(error).toBeInstanceOf(ApigNetworkError);
    expect(error).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
  });

  it('a non-Huawei error body still gives an ApigError with the status', async () => {
    const html = (async () => new Response('<html>bad gateway</html>', { status: 502, headers: { 'x-request-id': 'abc' } })) as unknown as typeof fetch;
    const result = await createAppOnSharedGateway(createApigClient({ baseUrl: mock.url, auth: TOKEN, fetch: html }), SOURCE_REQUEST_EXAMPLE);
    expect(!result.ok && result.error).toMatchObject({ kind: 'api', status: 502, errorCode: undefined, requestId: 'abc' });
  });

  it('bad options are refused with a clear message', () => {
    expect(() => createApigClient({ baseUrl: 'apig.example.com', auth: TOKEN })).toThrow(/baseUrl must be an http\(s\) URL/);
    expect(() => createApigClient({ baseUrl: mock.url, auth: { token: '' } })).toThrow(/auth.token must be a non-empty string/);
    expect(() => createApigClient({ baseUrl: mock.url, auth: { ak: 'AK', sk: '' } })).toThrow(/auth.sk must be a non-empty string/);
    expect(() => createApigClient({ baseUrl: mock.url, auth: {} as never })).toThrow(/auth must be/);
    expect(() => regionEndpoint('Beijing 4')).toThrow(/region must look like cn-north-4/);
    expect(regionEndpoint('cn-north-4')).toBe('https://apig.cn-north-4.myhuaweicloud.com');
  });
});

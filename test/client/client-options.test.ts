// What createApigClient and regionEndpoint accept and refuse, how the client turns every kind
// of answer into an outcome (a Huawei error, a proxy's HTML page, no body), and that no
// credential or app_secret survives into an error on any path (docs/client.md, "Secrets").
import { describe, expect, it } from 'vitest';
import {
  ApigNetworkError,
  createApigClient,
  createAppOnSharedGateway,
  deleteAppOnSharedGateway,
  findAppByName,
  listApps,
  regionEndpoint,
  showAppOnSharedGateway,
  type ApigAuth,
} from '../../src/index.js';
import { settle } from '../../src/client/settle.js';
import { ERROR_TEXT_LIMIT } from '../../src/client/failures.js';
import { fakeGateway } from '../helpers/fake-gateway.js';

const TOKEN = 'tok3n-SECRET-never-logged-7f9a';
const SK = 'sk-SECRET-never-logged-MFyfvK41ba2g';
const APP_SECRET = 'AppSecret_NeverLogged99';

describe('regionEndpoint', () => {
  it.each(['cn-north-4', 'ap-southeast-1', 'la-south-2', 'cn-east-3'])('%s → the regional APIG endpoint', (region) => {
    expect(regionEndpoint(region)).toBe(`https://apig.${region}.myhuaweicloud.com`);
  });

  it.each(['evil.example/cn-north-4', 'cn-north-4/evil', 'cn-north-4.evil.example', 'CN-NORTH-4', 'cn', 'c-north-4', '', ' cn-north-4'])(
    'refuses %j (it would not be a Huawei endpoint)',
    (region) => {
      expect(() => regionEndpoint(region)).toThrow(
        new TypeError(`regionEndpoint: region must look like cn-north-4 or ap-southeast-1 (got ${JSON.stringify(region)})`),
      );
    },
  );

  it('refuses a non-string, and quotes at most 40 characters of what it got', () => {
    expect(() => regionEndpoint(42 as never)).toThrow('(got "42")');
    expect(() => regionEndpoint(`${'x'.repeat(40)}TAIL`)).toThrow(`(got "${'x'.repeat(40)}")`);
  });
});

describe('createApigClient options', () => {
  const BASE_URL_RULE = 'createApigClient: baseUrl must be an http(s) URL, e.g. regionEndpoint("cn-north-4")';

  it.each([
    'ftp://apig.example',
    'apig.example',
    ' https://apig.example',
    'xhttps://apig.example',
    'https:///v1.0',
    '',
    42,
    undefined,
    { toString: () => 'https://apig.example' },
  ])('refuses baseUrl %j', (baseUrl) => {
    expect(() => createApigClient({ baseUrl: baseUrl as string, auth: { token: TOKEN } })).toThrow(new TypeError(BASE_URL_RULE));
  });

  it('refuses a missing options object with the baseUrl rule', () => {
    expect(() => createApigClient(undefined as never)).toThrow(new TypeError(BASE_URL_RULE));
  });

  it('drops trailing slashes of baseUrl, keeping its own path', async () => {
    const sent: string[] = [];
    const fetchFn = (async (request: Request) => {
      sent.push(request.url);
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    for (const baseUrl of ['https://gw.example/base///', 'https://gw.example/base']) {
      await deleteAppOnSharedGateway(createApigClient({ baseUrl, auth: { token: TOKEN }, fetch: fetchFn }), 'a1');
    }
    expect(sent).toEqual(['https://gw.example/base/v1.0/apigw/apps/a1', 'https://gw.example/base/v1.0/apigw/apps/a1']);
  });

  const rejects = (auth: unknown, message: string) =>
    expect(() => createApigClient({ baseUrl: 'https://apig.example', auth: auth as ApigAuth })).toThrow(new TypeError(message));

  it('refuses auth that is neither { token } nor { ak, sk }', () => {
    for (const auth of [undefined, null, {}, { sk: SK }, 'token']) rejects(auth, 'createApigClient: auth must be { token } or { ak, sk, projectId? }');
  });

  it.each([
    [{ token: '' }, 'auth.token must be a non-empty string'],
    [{ token: '   ' }, 'auth.token must be a non-empty string'],
    [{ token: 42 }, 'auth.token must be a non-empty string'],
    [{ token: `${TOKEN}\r\nX-Injected: 1` }, 'auth.token has characters that cannot go in an HTTP header (such as a line break)'],
    [{ ak: '', sk: SK }, 'auth.ak must be a non-empty string'],
    [{ ak: 'AK1', sk: ' \t' }, 'auth.sk must be a non-empty string'],
    [{ ak: 'AK1\n', sk: SK }, 'auth.ak has characters that cannot go in an HTTP header (such as a line break)'],
    [{ ak: 'AK1', sk: `${SK}\u0000` }, 'auth.sk has characters that cannot go in an HTTP header (such as a line break)'],
  ])('refuses %j naming the field, never its value', (auth, rule) => {
    rejects(auth, `createApigClient: ${rule}`);
  });

  it.each(['', 'p1\r\nX-Injected: 1', 'p1/../p2', 'p 1', 'p1.', '项目', 42])('refuses projectId %j: it goes into the X-Project-Id header', (projectId) => {
    rejects({ ak: 'AK1', sk: SK, projectId }, 'createApigClient: auth.projectId must be a project ID (letters, digits, _ and -)');
  });

  it('accepts a project ID and sends it as X-Project-Id; accepts no project ID', async () => {
    const sent: Request[] = [];
    const fetchFn = (async (request: Request) => {
      sent.push(request);
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    await deleteAppOnSharedGateway(
      createApigClient({ baseUrl: 'https://apig.example', auth: { ak: 'AK1', sk: SK, projectId: '73d69ae0cfcf-4601_90' }, fetch: fetchFn }),
      'a1',
    );
    await deleteAppOnSharedGateway(
      createApigClient({ baseUrl: 'https://apig.example', auth: { ak: 'AK1', sk: SK, projectId: undefined }, fetch: fetchFn }),
      'a1',
    );
    expect(sent.map((r) => r.headers.get('x-project-id'))).toEqual(['73d69ae0cfcf-4601_90', null]);
  });
});

/** A client whose gateway answers `response` to everything. */
function answering(response: () => Response, auth: ApigAuth = { token: TOKEN }) {
  return createApigClient({ baseUrl: 'https://apig.example', auth, validate: false, fetch: (async () => response()) as unknown as typeof fetch });
}

describe('answers that are not the contract’s', () => {
  it('a Huawei error body: its code, message and request_id (the header when the body has none)', async () => {
    const withId = answering(() =>
      Response.json(
        { error_code: 'APIG.3203', error_msg: 'The app name already exists', request_id: 'body-id' },
        { status: 400, headers: { 'x-request-id': 'header-id' } },
      ),
    );
    expect(await createAppOnSharedGateway(withId, { name: 'app_001' })).toEqual({
      ok: false,
      error: expect.objectContaining({ status: 400, errorCode: 'APIG.3203', errorMsg: 'The app name already exists', requestId: 'body-id' }),
    });
    const headerOnly = answering(() => Response.json({ error_code: 'APIG.1002' }, { status: 401, headers: { 'x-request-id': 'header-id' } }));
    expect(await showAppOnSharedGateway(headerOnly, 'a1')).toEqual({
      ok: false,
      error: expect.objectContaining({ status: 401, errorCode: 'APIG.1002', errorMsg: '', requestId: 'header-id' }),
    });
  });

  it(`a proxy's HTML 502: no code, the page's first ${ERROR_TEXT_LIMIT} characters`, async () => {
    const page = `<html><body>${'Bad Gateway '.repeat(60)}</body></html>`;
    const client = answering(() => new Response(page, { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }));
    const result = await showAppOnSharedGateway(client, 'a1');
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'api', status: 502, errorCode: undefined, errorMsg: page.slice(0, ERROR_TEXT_LIMIT), requestId: undefined }),
    });
  });

  it('JSON that is not a Huawei error: the JSON itself', async () => {
    const client = answering(() => Response.json({ message: 'upstream timeout', error_code: 504 }, { status: 504 }));
    expect(await showAppOnSharedGateway(client, 'a1')).toMatchObject({
      ok: false,
      error: { errorCode: undefined, errorMsg: '{"message":"upstream timeout","error_code":504}' },
    });
  });

  it('a bare JSON string, a JSON null, an empty body: the text, or the status text, or the status', async () => {
    const quoted = answering(() => new Response('"quota exceeded"', { status: 429, headers: { 'content-type': 'application/json' } }));
    expect(await showAppOnSharedGateway(quoted, 'a1')).toMatchObject({ ok: false, error: { status: 429, errorMsg: 'quota exceeded' } });
    const nullBody = answering(() => new Response('null', { status: 503, statusText: 'Service Unavailable', headers: { 'content-type': 'application/json' } }));
    expect(await showAppOnSharedGateway(nullBody, 'a1')).toMatchObject({ ok: false, error: { status: 503, errorMsg: 'Service Unavailable' } });
    const empty = answering(() => new Response('', { status: 500 }));
    expect(await showAppOnSharedGateway(empty, 'a1')).toMatchObject({ ok: false, error: { status: 500, errorMsg: 'HTTP 500' } });
  });

  it('a success without a body (other than a 204) is not an APP', async () => {
    const client = answering(() => new Response(null, { status: 200, statusText: 'OK' }));
    expect(await showAppOnSharedGateway(client, 'a1')).toMatchObject({ ok: false, error: { kind: 'api', status: 200, errorCode: undefined, errorMsg: 'OK' } });
  });

  it('an app_secret echoed by a non-Huawei error body is redacted too', async () => {
    const client = answering(() => new Response(`<html>rejected ${APP_SECRET}</html>`, { status: 502 }));
    const result = await createAppOnSharedGateway(client, { name: 'app_001', app_secret: APP_SECRET });
    expect(result).toMatchObject({ ok: false, error: { errorMsg: '<html>rejected ***</html>' } });
  });

  it('settle rethrows what is not an expected failure (a bug must not pass as an outcome)', async () => {
    const bug = new RangeError('a bug in the caller');
    await expect(
      settle(async () => {
        throw bug;
      }, {}),
    ).rejects.toBe(bug);
    const network = new ApigNetworkError('GET', 'https://x', new Error('down'), []);
    await expect(
      settle(async () => {
        throw network;
      }, {}),
    ).resolves.toEqual({ ok: false, error: network });
  });
});

describe('no secret in a network error, whatever the failing fetch says', () => {
  /** A fetch whose error quotes the request, and whose cause quotes the credential. */
  const leaky = (credential: string) =>
    (async (request: Request) => {
      throw new TypeError(`refused ${request.headers.get('authorization') ?? request.headers.get('x-auth-token')} with body ${await request.text()}`, {
        cause: new Error(`credential was ${credential}`),
      });
    }) as unknown as typeof fetch;

  it.each([
    ['token', { token: TOKEN }, TOKEN],
    ['AK/SK', { ak: 'AKAKAKAKAK', sk: SK }, SK],
  ] as const)('%s, with an app_secret in the body', async (_mode, auth, credential) => {
    const client = createApigClient({ baseUrl: 'https://apig.example', auth, fetch: leaky(credential) });
    const result = await createAppOnSharedGateway(client, { name: 'app_001', app_secret: APP_SECRET });
    expect(result.ok).toBe(false);
    const error = !result.ok ? result.error : undefined;
    expect(error).toBeInstanceOf(ApigNetworkError);
    const text = `${error!.message} ${JSON.stringify(error)}`;
    expect(error!.message).toMatch(
      /^POST https:\/\/apig\.example\/v1\.0\/apigw\/apps failed: refused .* with body \{"name":"app_001","app_secret":"\*\*\*"\}: credential was \*\*\*$/,
    );
    for (const secret of [credential, APP_SECRET]) expect(text).not.toContain(secret);
  });
});

it('a generic call with no path parameters that gets no answer: a network error naming the URL as sent', async () => {
  const down = (async () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
  }) as unknown as typeof fetch;
  const client = createApigClient({ baseUrl: 'https://apig.example/', auth: { token: TOKEN }, fetch: down });
  const error = await client.POST('/v1.0/apigw/apps', { body: { name: 'app_001' } }).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ApigNetworkError);
  expect(error).toMatchObject({ code: 'ECONNREFUSED', message: 'POST https://apig.example/v1.0/apigw/apps failed: fetch failed: connect ECONNREFUSED' });
});

describe('findAppByName and listApps', () => {
  function gateway(answer: (url: URL) => unknown) {
    const urls: URL[] = [];
    const { fetch } = fakeGateway((request) => {
      urls.push(new URL(request.url));
      return Response.json(answer(urls.at(-1)!));
    });
    return { urls, client: createApigClient({ baseUrl: 'https://apig.example', auth: { token: TOKEN }, fetch }) };
  }

  it('asks for one exact match (page_size=1, limit=1 on v2) and checks the name itself', async () => {
    const { urls, client } = gateway(() => ({ total: 1, size: 1, apps: [{ id: 'x', name: 'app_0011' }] }));
    expect(await findAppByName(client, { gateway: 'shared' }, 'app_001')).toMatchObject({ ok: true, data: undefined });
    expect(await findAppByName(client, { gateway: 'dedicatedV2', projectId: 'p', instanceId: 'i' }, 'app_0011')).toMatchObject({ ok: true, data: { id: 'x' } });
    expect(urls.map((u) => u.search)).toEqual(['?name=app_001&precise_search=name&page_size=1', '?name=app_0011&precise_search=name&limit=1']);
  });

  it.each(['', 42, undefined])('refuses the name %j without asking', async (name) => {
    const { urls, client } = gateway(() => ({}));
    expect(await findAppByName(client, { gateway: 'shared' }, name as string)).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'validation', issues: [{ field: 'name', rule: 'required', message: 'name must be a non-empty string' }] }),
    });
    expect(urls).toEqual([]);
  });

  it('refuses a list answer without an apps array', async () => {
    const { client } = gateway(() => ({ total: 1 }));
    expect(await findAppByName(client, { gateway: 'shared' }, 'app_001')).toMatchObject({
      ok: false,
      error: { kind: 'api', status: 200, errorMsg: 'the list answer has no apps array (查询APP列表响应不符合契约)' },
    });
  });

  it('listApps refuses a page whose total is not a number, and stops at an empty page whatever total says', async () => {
    const noTotal = gateway(() => ({ apps: [{ id: 'a', name: 'app_001' }] }));
    await expect(listApps(noTotal.client, { gateway: 'shared' }).next()).rejects.toMatchObject({
      kind: 'api',
      errorMsg: 'the list answer has no apps array or no total (查询APP列表响应不符合契约)',
    });
    const lying = gateway(() => ({ total: 10, size: 0, apps: [] }));
    const names: string[] = [];
    for await (const app of listApps(lying.client, { gateway: 'shared' })) names.push(app.name);
    expect(names).toEqual([]);
    expect(lying.urls).toHaveLength(1);
    expect(lying.urls[0]!.search).toBe('?page_no=1&page_size=100');
  });
});

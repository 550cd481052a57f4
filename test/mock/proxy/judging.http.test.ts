// The validating proxy in-process against a scripted upstream (each request says what the
// upstream answers): every finding exactly as the report gives it, what is forwarded each way,
// and the proxy's own answers (too large, bad signature, upstream down). proxy.http.test.ts runs the
// bin and the whole suites through it; here each rule of the judging is pinned.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startProxy } from '../../../mock/proxy/index.mjs';
import { listenOn } from '../../../mock/core/listen.mjs';
import { credentialProblem, parseCredentials } from '../../../mock/core/credentials.mjs';
import { signRequest } from '../../../src/auth/sign-request.js';
import { SOURCE_REQUEST_EXAMPLE, SOURCE_RESPONSE_EXAMPLE } from '../../rules/create-app-rules.js';

interface Script {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}
interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}
const JSON_TYPE = { 'content-type': 'application/json' };
const PAIR = { ak: 'PROXYJUDGEAK', sk: 'proxy-judge-secret' };
const UPSTREAM_PAIR = parseCredentials({ aksk: [PAIR] });

let upstream: { url: string; received: Received[]; close(): void };
let proxy: Awaited<ReturnType<typeof startProxy>>;

/** An upstream that answers what the request's x-script header says, and keeps what it received. */
async function scriptedUpstream() {
  const received: Received[] = [];
  const server = createServer({ maxHeaderSize: 80 * 1024 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      const script: Script = JSON.parse(Buffer.from(String(req.headers['x-script']), 'base64url').toString());
      res.writeHead(script.status, script.headers ?? {});
      res.end(script.body ?? '');
    });
  });
  const url = await listenOn(server, 0, '127.0.0.1');
  return {
    url,
    received,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

/** Sends `init` through the proxy with the upstream's answer scripted. */
function through(path: string, script: Script, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const headers = { 'x-auth-token': 'judge-token', ...init.headers, 'x-script': Buffer.from(JSON.stringify(script)).toString('base64url') };
  return fetch(`${proxy.url}${path}`, { ...init, headers });
}
const created = (extra: Record<string, unknown> = {}, headers: Record<string, string> = { ...JSON_TYPE, 'x-request-id': 'req-1' }): Script => ({
  status: 201,
  headers,
  body: JSON.stringify({ ...SOURCE_RESPONSE_EXAMPLE, ...extra }),
});
const create = (script: Script, body: unknown = SOURCE_REQUEST_EXAMPLE, headers: Record<string, string> = {}) =>
  through('/v1.0/apigw/apps', script, { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) });
const CREATE = 'POST /v1.0/apigw/apps';
const report = () => proxy.report();

beforeAll(async () => {
  upstream = await scriptedUpstream();
  proxy = await startProxy({ upstream: upstream.url, port: 0, credentials: { aksk: [PAIR] } });
});
afterAll(async () => {
  await proxy?.close();
  upstream?.close();
});
let before: { findings: number; requests: number; news: number; outside: number; unjudged: number };
beforeEach(() => {
  const r = report();
  before = { findings: r.findings.length, requests: r.requests.length, news: r.news.length, outside: r.outside.length, unjudged: r.unjudged.length };
});
/** What this test added to the report. */
const added = () => {
  const r = report();
  return {
    findings: r.findings.slice(before.findings),
    requests: r.requests.slice(before.requests),
    news: r.news.slice(before.news),
    outside: r.outside.slice(before.outside),
    unjudged: r.unjudged.slice(before.unjudged),
  };
};

describe('judging the upstream’s answer', () => {
  it('a clean exchange adds nothing and names the operation reached', async () => {
    const response = await create(created());
    expect(response.status).toBe(201);
    expect(added()).toEqual({ findings: [], requests: [], news: [], outside: [], unjudged: [] });
    expect(report().operations).toContain(CREATE);
  });

  it('no X-Request-Id', async () => {
    await create(created({}, JSON_TYPE));
    expect(added().findings).toEqual([
      {
        method: 'POST',
        path: '/v1.0/apigw/apps',
        status: 201,
        requestId: undefined,
        operation: CREATE,
        kind: 'response',
        where: 'response',
        location: 'headers.X-Request-Id',
        message: 'the response has no X-Request-Id header',
      },
    ]);
  });

  it('an answer that is not JSON: its content type and its body, each once', async () => {
    await create({ status: 201, headers: { 'content-type': 'text/html', 'x-request-id': 'req-2' }, body: '<html>oops</html>' });
    expect(added().findings.map(({ location, message, requestId }) => [location, message, requestId])).toEqual([
      ['headers.Content-Type', 'the content type is "text/html", not application/json', 'req-2'],
      ['body', 'the body is not JSON', 'req-2'],
    ]);
  });

  it('JSON with a charset is JSON; a 204 needs no content type', async () => {
    await create(created({}, { 'content-type': 'Application/JSON; charset=utf-8', 'x-request-id': 'r' }));
    await through('/v1.0/apigw/apps/a1', { status: 204, headers: { 'x-request-id': 'r' } }, { method: 'DELETE' });
    expect(added().findings).toEqual([]);
  });

  it('a status the operation does not declare, and its body is not judged further', async () => {
    await create({ status: 418, headers: { ...JSON_TYPE, 'x-request-id': 'r' }, body: '{"tea":1}' });
    const [finding] = added().findings;
    expect(added().findings).toHaveLength(1);
    expect(finding).toMatchObject({ kind: 'status', where: 'response', location: '(whole)', status: 418 });
    expect(finding!.message).toMatch(/^status 418 is not declared for POST \/v1\.0\/apigw\/apps \(declared: 201, 400, .*\)$/);
  });

  it('a body that breaks its schema: each place once, its messages joined', async () => {
    await create(created({ status: 'on', name: 7 }));
    const findings = added().findings;
    expect(findings.map((f) => f.location).sort()).toEqual(['body.name', 'body.status']);
    for (const f of findings) expect(f).toMatchObject({ kind: 'response', where: 'response', operation: CREATE, requestId: 'req-1' });
    expect(new Set(findings.map((f) => `${f.kind} ${f.where} ${f.location}`)).size).toBe(findings.length);
  });

  it('an error_code that is not APIG.xxxx, on an error status only', async () => {
    await create({
      status: 400,
      headers: { ...JSON_TYPE, 'x-request-id': 'r' },
      body: JSON.stringify({ error_code: 'ERR_NAME_TAKEN_BECAUSE_SOMEONE_HAD_IT_FIRST', error_msg: 'x' }),
    });
    const f = added().findings.find((x) => x.location === 'body.error_code');
    // One finding for the place: the schema's messages and this check's, joined.
    expect(f?.message).toMatch(
      /^Response body property error_code must .*; error_code "ERR_NAME_TAKEN_BECAUSE_SOMEONE_HAD_IT_FI" is not APIG\.xxxx \(or APIGW\.xxxx\)$/,
    );
    expect(added().findings.filter((x) => x.location === 'body.error_code')).toHaveLength(1);
    const ok = added().findings.length;
    await create({ status: 400, headers: { ...JSON_TYPE, 'x-request-id': 'r' }, body: JSON.stringify({ error_code: 'APIG.2011', error_msg: 'x' }) });
    expect(added().findings).toHaveLength(ok);
  });

  it('fields the contract does not list are news, at any depth (list entries as [])', async () => {
    await create(created({ extra: 1 }));
    await through('/v1.0/apigw/apps', {
      status: 200,
      headers: { ...JSON_TYPE, 'x-request-id': 'r' },
      body: JSON.stringify({ total: 1, size: 1, apps: [{ ...SOURCE_RESPONSE_EXAMPLE, bind_num: 0, tag: 'x' }], page: 1 }),
    });
    const { news, findings } = added();
    expect(findings).toEqual([]);
    expect(news.map((n) => [n.operation, n.location, n.message, n.kind, n.where])).toEqual([
      [CREATE, 'body.extra', 'body.extra is not a field the contract lists for 201', 'undeclared-field', 'response'],
      ['GET /v1.0/apigw/apps', 'body.apps[].tag', 'body.apps[].tag is not a field the contract lists for 200', 'undeclared-field', 'response'],
      ['GET /v1.0/apigw/apps', 'body.page', 'body.page is not a field the contract lists for 200', 'undeclared-field', 'response'],
    ]);
  });

  it('a route the contract does not have: listed outside the contract, not drift', async () => {
    await through('/v9/apigw/things', { status: 404, headers: { ...JSON_TYPE, 'x-request-id': 'r9' }, body: '{}' });
    const { findings, outside } = added();
    expect(findings).toEqual([]);
    expect(outside).toEqual([
      {
        method: 'GET',
        path: '/v9/apigw/things',
        status: 404,
        requestId: 'r9',
        operation: undefined,
        kind: 'unknown-route',
        where: 'request',
        location: 'path',
        message: 'GET /v9/apigw/things is not an operation of the contract',
      },
    ]);
  });
});

describe('judging the caller’s request', () => {
  it('refused upstream, as it should be: listed with the callers’ requests, not drift', async () => {
    await create(
      { status: 400, headers: { ...JSON_TYPE, 'x-request-id': 'r' }, body: JSON.stringify({ error_code: 'APIG.2011', error_msg: 'x' }) },
      { name: '1bad' },
    );
    const { findings, requests } = added();
    expect(findings).toEqual([]);
    expect(requests).toEqual([expect.objectContaining({ kind: 'request', where: 'request', location: 'body.name', operation: CREATE, status: 400 })]);
  });

  it('a redirect is no acceptance: listed with the callers’ requests', async () => {
    await create({ status: 300, headers: { ...JSON_TYPE, 'x-request-id': 'r' }, body: '{}' }, { name: '1bad' });
    expect(added().findings.filter((f) => f.kind === 'accepted-invalid')).toEqual([]);
    expect(added().requests).toEqual([expect.objectContaining({ location: 'body.name', status: 300 })]);
  });

  it('accepted upstream: drift ("accepted-invalid") naming the rule broken', async () => {
    await create(created(), { name: '1bad' });
    const [finding] = added().findings;
    expect(finding).toMatchObject({ kind: 'accepted-invalid', where: 'request', location: 'body.name', status: 201 });
    expect(finding!.message).toMatch(/^the upstream answered 201 to a request the contract refuses: /);
  });

  it('a request with no credential is listed (the upstream’s 401 tells the caller)', async () => {
    await fetch(`${proxy.url}/v1.0/apigw/apps`, {
      headers: {
        'x-script': Buffer.from(
          JSON.stringify({ status: 401, headers: { ...JSON_TYPE, 'x-request-id': 'r401' }, body: JSON.stringify({ error_code: 'APIG.1002', error_msg: 'x' }) }),
        ).toString('base64url'),
      },
    });
    expect(added().requests).toContainEqual({
      method: 'GET',
      path: '/v1.0/apigw/apps',
      status: 401,
      requestId: 'r401',
      operation: 'GET /v1.0/apigw/apps',
      kind: 'request',
      where: 'request',
      location: 'headers',
      message: 'the request carries no credential (X-Auth-Token, or an AK/SK Authorization)',
    });
  });
});

describe('what passes through', () => {
  it('the request reaches the upstream byte for byte, for the upstream’s host, without hop-by-hop headers', async () => {
    const body = JSON.stringify({ name: 'app_bytes', remark: '字节 为字节' });
    await create(created(), JSON.parse(body), { 'x-custom': 'kept', connection: 'keep-alive' });
    const got = upstream.received.at(-1)!;
    expect(got.body.toString('utf8')).toBe(body);
    expect(got.headers.host).toBe(new URL(upstream.url).host);
    expect(got.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(got.headers['x-custom']).toBe('kept');
    expect(got.headers['x-auth-token']).toBe('judge-token');
    expect(got.url).toBe('/v1.0/apigw/apps');
  });

  it('a GET carries its query as sent and no body length', async () => {
    await through('/v1.0/apigw/apps?name=%E5%BA%94&page_size=5', {
      status: 200,
      headers: { ...JSON_TYPE, 'x-request-id': 'r' },
      body: JSON.stringify({ total: 0, size: 0, apps: [] }),
    });
    const got = upstream.received.at(-1)!;
    expect(got.url).toBe('/v1.0/apigw/apps?name=%E5%BA%94&page_size=5');
    expect(got.headers['content-length']).toBeUndefined();
  });

  it('the caller gets the upstream’s status, headers and body, with the body’s own length', async () => {
    const response = await create({
      status: 201,
      headers: { ...JSON_TYPE, 'x-request-id': 'kept-id', 'x-upstream': 'yes' },
      body: JSON.stringify(SOURCE_RESPONSE_EXAMPLE),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('kept-id');
    expect(response.headers.get('x-upstream')).toBe('yes');
    const text = await response.text();
    expect(text).toBe(JSON.stringify(SOURCE_RESPONSE_EXAMPLE));
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
  });

  it('a token request passes untouched; an AK/SK one is checked, then signed anew for the upstream (content-type and x-project-id signed too)', async () => {
    const url = `${proxy.url}/v1/p1/apigw/instances/i1/apps`;
    const body = JSON.stringify({ name: 'signed_app' });
    const headers: Record<string, string> = { ...JSON_TYPE, 'x-project-id': 'p1', 'x-script': Buffer.from(JSON.stringify(created())).toString('base64url') };
    Object.assign(headers, await signRequest({ method: 'POST', url, headers: { 'content-type': 'application/json', 'x-project-id': 'p1' }, body }, PAIR));
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(201);
    const got = upstream.received.at(-1)!;
    expect(got.headers.authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=PROXYJUDGEAK, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(got.headers.authorization).not.toBe(headers.authorization);
    expect(credentialProblem({ method: got.method, url: got.url, headers: got.headers }, got.body, UPSTREAM_PAIR)).toBeUndefined();
  });

  it('a wrong signature is the proxy’s 401 with the reason, and never reaches the upstream', async () => {
    const count = upstream.received.length;
    const response = await fetch(`${proxy.url}/v1.0/apigw/apps`, {
      headers: {
        'x-sdk-date': '20261130T120000Z',
        authorization: `SDK-HMAC-SHA256 Access=${PAIR.ak}, SignedHeaders=host;x-sdk-date, Signature=${'0'.repeat(64)}`,
      },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers.get('x-mock-auth-reason')).toMatch(/^signature expired|^signature does not match/);
    expect(await response.json()).toEqual({
      error_code: 'APIGW.0301',
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      request_id: response.headers.get('x-request-id'),
    });
    expect(upstream.received.length).toBe(count);
  });

  it('a body over 4 MiB is refused whole (never cut), and not forwarded', async () => {
    const count = upstream.received.length;
    const response = await create(created(), { name: 'big', remark: 'x'.repeat(4 * 1024 * 1024) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('connection')).toBe('close');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(await response.json()).toEqual({ error_code: 'APIG.2000', error_msg: 'Parameter error: the request body is larger than 4 MiB' });
    expect(upstream.received.length).toBe(count);
  });
});

describe('an upstream that is not there', () => {
  it('502 APIG.9999 naming why, and a finding', async () => {
    const gone = await startProxy({ upstream: 'http://127.0.0.1:9', port: 0 });
    try {
      const response = await fetch(`${gone.url}/v1.0/apigw/apps`, { headers: { 'x-auth-token': 't' } });
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
      expect(await response.json()).toEqual({ error_code: 'APIG.9999', error_msg: 'Bad gateway: the upstream did not answer (ECONNREFUSED)' });
      expect(gone.findings()).toEqual([
        {
          method: 'GET',
          path: '/v1.0/apigw/apps',
          status: 502,
          requestId: undefined,
          operation: undefined,
          kind: 'upstream',
          where: 'response',
          location: '(upstream)',
          message: 'the upstream did not answer: ECONNREFUSED',
        },
      ]);
      expect(gone.report()).toMatchObject({
        upstream: 'http://127.0.0.1:9',
        exchanges: 1,
        passed: false,
        summary:
          '1 exchanges, 1 drift findings, 0 invalid requests (refused upstream), 0 response fields the contract does not list, 0 outside the contract, 0 not judged',
      });
      expect(gone.report()).not.toHaveProperty('differences');
      expect(gone.har().log.entries).toEqual([]);
    } finally {
      await gone.close();
    }
    await expect(fetch(`${gone.url}/v1.0/apigw/apps`)).rejects.toThrow(); // closed: the port is free
  });

  it.each(['ftp://gw.example', 'not a url', 'http//gw', 'httpsx://gw', 'xhttp://gw'])('an upstream %j is refused, naming what it needs', async (bad) => {
    await expect(startProxy({ upstream: bad, port: 0 })).rejects.toThrow(
      `the proxy needs the upstream's http(s) URL, e.g. https://apig.cn-north-4.myhuaweicloud.com (got ${JSON.stringify(bad)})`,
    );
  });
});

describe('the report', () => {
  it('counts every exchange; the summary says each list’s length; the HAR holds each forwarded exchange', async () => {
    const start = report();
    const harBefore = proxy.har().log.entries.length;
    await create(created({ extra: 1 }, JSON_TYPE));
    const now = report();
    expect(now.exchanges).toBe(start.exchanges + 1);
    expect(now.upstream).toBe(new URL(upstream.url).origin);
    expect(now.summary).toBe(
      `${now.exchanges} exchanges, ${now.findings.length} drift findings, ${now.requests.length} invalid requests (refused upstream), ${now.news.length} response fields the contract does not list, ${now.outside.length} outside the contract, ${now.unjudged.length} not judged`,
    );
    const entries = proxy.har().log.entries;
    expect(entries).toHaveLength(harBefore + 1);
    expect(entries.at(-1)).toMatchObject({ request: { method: 'POST', url: `${upstream.url}/v1.0/apigw/apps` }, response: { status: 201 } });
    expect(entries.at(-1)!.time).toBeGreaterThanOrEqual(0);
    expect(entries.at(-1)!.time).toBeLessThan(60_000); // milliseconds the exchange took, not a date
    // What the report hands out is a copy: changing it changes nothing.
    now.findings.length = 0;
    now.news.push({} as never);
    expect(report().findings.length).toBeGreaterThan(0);
    expect(report().news.length).toBe(now.news.length - 1);
    const findings = proxy.findings();
    findings.length = 0;
    expect(proxy.findings().length).toBeGreaterThan(0);
  });
});

describe('compare: this project’s mock answers each request too', () => {
  let mirrored: Awaited<ReturnType<typeof startProxy>>;
  beforeAll(async () => {
    mirrored = await startProxy({ upstream: upstream.url, port: 0, compare: true });
  });
  afterAll(async () => {
    await mirrored?.close();
  });
  const send = (method: string, path: string, script: Script, body?: unknown) =>
    fetch(`${mirrored.url}${path}`, {
      method,
      headers: { 'x-auth-token': 'compare-token', ...JSON_TYPE, 'x-script': Buffer.from(JSON.stringify(script)).toString('base64url') },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const differences = () => mirrored.report().differences as Array<Record<string, any>>;
  const FIELDS = Object.keys(SOURCE_RESPONSE_EXAMPLE).sort();

  it('the upstream’s ids stand for the mock’s: a later request for the upstream’s APP reaches the mock’s', async () => {
    const upstreamApp = { ...SOURCE_RESPONSE_EXAMPLE, id: 'upstream-app-1', name: 'compare_app' };
    await send(
      'POST',
      '/v1.0/apigw/apps',
      { status: 201, headers: { ...JSON_TYPE, 'x-request-id': 'c1' }, body: JSON.stringify(upstreamApp) },
      { name: 'compare_app' },
    );
    await send('GET', '/v1.0/apigw/apps/upstream-app-1', { status: 200, headers: { ...JSON_TYPE, 'x-request-id': 'c2' }, body: JSON.stringify(upstreamApp) });
    expect(differences()).toEqual([]);
    expect(mirrored.report().summary).toMatch(/, 0 differences from the mock$/);
  });

  it('a different status says what each answered (an error’s code, a success’s fields)', async () => {
    await send('GET', '/v1.0/apigw/apps/unknown-to-the-mock', {
      status: 200,
      headers: { ...JSON_TYPE, 'x-request-id': 'c3' },
      body: JSON.stringify(SOURCE_RESPONSE_EXAMPLE),
    });
    expect(differences().at(-1)).toEqual({
      operation: 'GET /v1.0/apigw/apps/{id}',
      method: 'GET',
      path: '/v1.0/apigw/apps/unknown-to-the-mock',
      requestId: 'c3',
      what: 'status',
      upstream: { status: 200, error_code: undefined, fields: FIELDS },
      mock: { status: 404, error_code: 'APIG.3004', fields: undefined },
    });
  });

  it('the same status with another error_code', async () => {
    await send(
      'POST',
      '/v1.0/apigw/apps',
      { status: 400, headers: { ...JSON_TYPE, 'x-request-id': 'c4' }, body: JSON.stringify({ error_code: 'APIG.2012', error_msg: 'x' }) },
      { name: '1bad' },
    );
    expect(differences().at(-1)).toMatchObject({
      what: 'error_code',
      upstream: { status: 400, error_code: 'APIG.2012' },
      mock: { status: 400, error_code: 'APIG.2011' },
    });
  });

  it('the same status with other fields; a route the contract lacks has no operation', async () => {
    const count = differences().length;
    await send(
      'POST',
      '/v1.0/apigw/apps',
      { status: 201, headers: { ...JSON_TYPE, 'x-request-id': 'c5' }, body: JSON.stringify({ ...SOURCE_RESPONSE_EXAMPLE, extra: 1 }) },
      { name: 'compare_fields' },
    );
    expect(differences().at(-1)).toMatchObject({
      what: 'fields',
      upstream: { status: 201, fields: [...FIELDS, 'extra'].sort() },
      mock: { status: 201, fields: FIELDS },
    });
    await send('GET', '/v9/nowhere', {
      status: 404,
      headers: { ...JSON_TYPE, 'x-request-id': 'c6' },
      body: JSON.stringify({ error_code: 'APIG.0101', error_msg: 'x' }),
    });
    expect(differences()).toHaveLength(count + 1);
  });

  it('a bare array (v1 authorize) is compared by its first entry’s fields', async () => {
    const app = await (
      await send(
        'POST',
        '/v1/p1/apigw/instances/i1/apps',
        {
          status: 201,
          headers: { ...JSON_TYPE, 'x-request-id': 'c7' },
          body: JSON.stringify({ ...SOURCE_RESPONSE_EXAMPLE, id: 'up-app-2', name: 'bare_app' }),
        },
        { name: 'bare_app' },
      )
    ).json();
    expect(app.id).toBe('up-app-2');
    const record = {
      id: 'up-auth-1',
      api_id: '5f918d104dc84480a75166ba99efff21',
      app_id: 'up-app-2',
      auth_time: '2026-01-01T00:00:00Z',
      auth_role: 'PROVIDER',
      auth_result: 'SUCCESS',
      extra: true,
    };
    await send(
      'POST',
      '/v1/p1/apigw/instances/i1/app-auths',
      { status: 201, headers: { ...JSON_TYPE, 'x-request-id': 'c8' }, body: JSON.stringify([record]) },
      { app_ids: ['up-app-2'], api_ids: ['5f918d104dc84480a75166ba99efff21'], env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID' },
    );
    expect(differences().at(-1)).toMatchObject({
      what: 'fields',
      requestId: 'c8',
      upstream: { status: 201, fields: Object.keys(record).sort() },
      mock: {
        status: 201,
        fields: Object.keys(record)
          .filter((k) => k !== 'extra')
          .sort(),
      },
    });
    // The record's id in the upstream's array stands for the mock's: cancelling it reaches the mock's authorization.
    const count = differences().length;
    await send('DELETE', '/v1/p1/apigw/instances/i1/app-auths/up-auth-1', { status: 204, headers: { 'x-request-id': 'c9' } });
    expect(differences()).toHaveLength(count);
  });
});

describe('what no caller can take the proxy down with', () => {
  /** A raw request to the proxy (targets fetch would encode), with the upstream's answer scripted. */
  function rawThrough(requestTarget: string, script: Script, extra = ''): Promise<{ status: number; headers: string; body: string }> {
    const { port } = new URL(proxy.url);
    const scriptHeader = Buffer.from(JSON.stringify(script)).toString('base64url');
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(`GET ${requestTarget} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nX-Script: ${scriptHeader}\r\nConnection: close\r\n${extra}\r\n`),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('close', () => {
        const [head = '', ...rest] = text.split('\r\n\r\n');
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head, body: rest.join('\r\n\r\n') });
      });
      socket.on('error', reject);
    });
  }
  const notFound = { status: 404, headers: { ...JSON_TYPE, 'x-request-id': 'r404' }, body: JSON.stringify({ error_code: 'APIG.0101', error_msg: 'no' }) };
  const refused = { status: 400, headers: { ...JSON_TYPE, 'x-request-id': 'r400' }, body: JSON.stringify({ error_code: 'APIG.2011', error_msg: 'no' }) };

  it('a malformed percent-escape in a path parameter: forwarded, the upstream’s answer passed on, listed as the request’s fault', async () => {
    const answer = await rawThrough('/v2/p5/apigw/instances/i5/apps/%zz', refused);
    expect(answer.status).toBe(400);
    expect(upstream.received.at(-1)!.url).toBe('/v2/p5/apigw/instances/i5/apps/%zz');
    const { findings, requests, unjudged } = added();
    expect(findings).toEqual([]);
    expect(unjudged).toEqual([]);
    expect(requests).toEqual([
      expect.objectContaining({
        operation: 'GET /v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}',
        location: 'path.app_id',
        message: 'path parameter app_id is not valid percent-encoding',
        status: 400,
      }),
    ]);
    // And the proxy is still there.
    expect((await create(created())).status).toBe(201);
  });

  it('a target that names another host (`//host/…`, absolute form) still goes to the upstream, path and query as sent', async () => {
    for (const [requestTarget, sentPath] of [
      ['//v1.0//apigw//apps', '//v1.0//apigw//apps'],
      ['http://elsewhere.invalid/v1.0/apigw/apps?x=1', '/v1.0/apigw/apps?x=1'],
      ['//elsewhere.invalid/x', '//elsewhere.invalid/x'],
    ]) {
      const answer = await rawThrough(requestTarget!, notFound);
      expect(answer.status, requestTarget).toBe(404);
      expect(upstream.received.at(-1)!.url, requestTarget).toBe(sentPath);
      expect(upstream.received.at(-1)!.headers.host, requestTarget).toBe(new URL(upstream.url).host);
    }
  });

  it('routes outside the contract, `/` and preflights are listed apart, never as drift', async () => {
    await rawThrough('/', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' });
    await through('/v1.0/apigw/apps', { status: 204 }, { method: 'OPTIONS' });
    const { findings, outside } = added();
    expect(findings).toEqual([]);
    expect(outside.map((o) => [o.kind, o.method, o.path])).toEqual([
      ['unknown-route', 'GET', '/'],
      ['preflight', 'OPTIONS', '/v1.0/apigw/apps'],
    ]);
  });

  it('headers or a URL over 64 KiB: 431 with the Huawei error body, recorded as not judged', async () => {
    for (const extra of [`X-Big: ${'a'.repeat(70 * 1024)}\r\n`, '']) {
      const answer = await rawThrough(extra ? '/v1.0/apigw/apps' : `/v1.0/apigw/apps?x=${'a'.repeat(100 * 1024)}`, created(), extra);
      expect(answer.status).toBe(431);
      expect(answer.headers).toMatch(/\r\nX-Request-Id: [0-9a-f]{32}\r\n/);
      expect(JSON.parse(answer.body)).toEqual({ error_code: 'APIG.2000', error_msg: 'Parameter error: the request headers are larger than 64 KiB' });
    }
    expect(added().unjudged).toEqual([
      expect.objectContaining({ kind: 'unjudged', status: 431, message: 'refused by the proxy: the request headers are larger than 64 KiB' }),
      expect.objectContaining({ kind: 'unjudged', status: 431, message: 'refused by the proxy: the request headers are larger than 64 KiB' }),
    ]);
  });

  it('headers up to 64 KiB are forwarded (the mock takes them too)', async () => {
    const answer = await rawThrough(
      '/v1.0/apigw/apps',
      { status: 200, headers: { ...JSON_TYPE, 'x-request-id': 'r' }, body: JSON.stringify({ total: 0, size: 0, apps: [] }) },
      `X-Big: ${'a'.repeat(60 * 1024)}\r\n`,
    );
    expect(answer.status).toBe(200);
    expect(upstream.received.at(-1)!.headers['x-big']).toHaveLength(60 * 1024);
  });

  it('an Expect it does not do: 417 with the error body, recorded, nothing forwarded', async () => {
    const before = upstream.received.length;
    const answer = await rawThrough('/v1.0/apigw/apps', created(), 'Expect: teapot\r\n');
    expect(answer.status).toBe(417);
    expect(JSON.parse(answer.body).error_code).toBe('APIG.2000');
    expect(upstream.received.length).toBe(before);
    expect(added().unjudged).toEqual([expect.objectContaining({ status: 417, method: 'GET', path: '/v1.0/apigw/apps' })]);
  });
});

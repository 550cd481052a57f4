// The mock's own HTTP edges, in-process (mock/server/index.mjs): its pages and documents, CORS for a
// browser, the reset control, fresh request ids, and the error body for what a gateway refuses
// before the contract is read (an unknown route, a body too large, malformed HTTP, Prefer).
import { connect } from 'node:net';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../../mock/server/index.mjs';

const GENERATED = fileURLToPath(new URL('../../../generated/', import.meta.url));
let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await mock?.close();
});
const TOKEN = { 'x-auth-token': 'server-http' };
const create = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}/v2/p1/apigw/instances/i1/apps`, { method: 'POST', headers: { 'content-type': 'application/json', ...TOKEN, ...headers }, body });

/** Raw bytes to the mock, and the whole answer as text (for what fetch cannot send). */
function raw(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(mock.url);
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(bytes));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('pages and documents', () => {
  it('the front page links what this install serves, in both languages', async () => {
    const page = await fetch(`${mock.url}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    for (const path of ['/docs/index.html', '/docs/zh-CN/index.html', '/openapi.json', '/openapi.yaml', '/openapi-3.0.json'])
      expect(html).toContain(`href="${path}"`);
    expect(html).toContain('简体中文');
    expect(mock.served).toEqual(
      expect.arrayContaining(['/', '/docs', '/docs/index.html', '/openapi.json', '/openapi.yaml', '/openapi-3.0.json', '/openapi-3.0.yaml']),
    );
  });

  it('serves the documents with this mock’s own address as the local server', async () => {
    const response = await fetch(`${mock.url}/openapi.json`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(text).toBe(readFileSync(`${GENERATED}openapi.json`, 'utf8').replaceAll('http://127.0.0.1:4010', mock.url));
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(await (await fetch(`${mock.url}/openapi-3.0.yaml`)).text()).toContain(mock.url);
    expect((await fetch(`${mock.url}/openapi.yaml`)).headers.get('content-type')).toBe('application/yaml; charset=utf-8');
  });

  it('a trailing slash names the same page; HEAD answers the headers without the body', async () => {
    expect((await fetch(`${mock.url}/docs//`)).status).toBe(200);
    const docs = await fetch(`${mock.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toBe(readFileSync(`${GENERATED}docs/index.html`, 'utf8').replaceAll('http://127.0.0.1:4010', mock.url));
    const head = await fetch(`${mock.url}/openapi.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await head.text()).toBe('');
    expect(head.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('a page is for GET and HEAD only; another method is an unknown API (APIG.0101)', async () => {
    const response = await fetch(`${mock.url}/openapi.json`, { method: 'DELETE', headers: TOKEN });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error_code: 'APIG.0101', error_msg: 'The API does not exist or has not been published in the environment' });
  });
});

describe('what a mock serves is what its generated/ holds (each mock started in its test)', () => {
  it('everything: the front page links every page and document, each served with its type, the documents naming this mock', async () => {
    const own = await startMockServer({ port: 0 });
    try {
      const html = await (await fetch(`${own.url}/`)).text();
      const links = [...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
      expect(links).toEqual([
        '/docs/index.html English',
        '/docs/zh-CN/index.html 简体中文',
        '/review/index.html English',
        '/review/review.pdf PDF',
        '/review/zh-CN/index.html 契约一览',
        '/review/zh-CN/review.pdf PDF',
        '/openapi.json openapi.json',
        '/openapi.yaml openapi.yaml',
        '/openapi-3.0.json openapi-3.0.json (OpenAPI 3.0.3)',
      ]);
      expect(html).toContain('<li>Docs: <a href="/docs/index.html">English</a> · <a href="/docs/zh-CN/index.html">简体中文</a></li>');
      expect(html).toContain('<li>Documents: ');
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(own.served.sort()).toEqual(
        [
          '/',
          '/docs',
          '/docs/index.html',
          '/docs/zh-CN',
          '/docs/zh-CN/index.html',
          '/openapi-3.0.json',
          '/openapi-3.0.yaml',
          '/openapi.json',
          '/openapi.yaml',
          '/review',
          '/review/index.html',
          '/review/review.pdf',
          '/review/zh-CN',
          '/review/zh-CN/index.html',
          '/review/zh-CN/review.pdf',
        ].sort(),
      );
      for (const [path, file, type] of [
        ['/openapi.json', 'openapi.json', 'application/json; charset=utf-8'],
        ['/openapi.yaml', 'openapi.yaml', 'application/yaml; charset=utf-8'],
        ['/openapi-3.0.json', 'openapi-3.0.json', 'application/json; charset=utf-8'],
        ['/openapi-3.0.yaml', 'openapi-3.0.yaml', 'application/yaml; charset=utf-8'],
      ] as const) {
        const response = await fetch(`${own.url}${path}`);
        expect(response.headers.get('content-type'), path).toBe(type);
        const text = await response.text();
        expect(text, path).toBe(readFileSync(`${GENERATED}${file}`, 'utf8').replaceAll('http://127.0.0.1:4010', own.url));
        expect(text, path).toContain(own.url);
      }
      for (const [path, type] of [
        ['/review/zh-CN', 'text/html; charset=utf-8'],
        ['/review/review.pdf', 'application/pdf'],
        ['/docs/zh-CN/index.html', 'text/html; charset=utf-8'],
      ] as const) {
        const response = await fetch(`${own.url}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toBe(type);
      }
    } finally {
      await own.close();
    }
  });

  it('part of it: only what is there is linked and served; the rest is an unknown API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-generated-'));
    try {
      for (const file of ['openapi.json', 'prism-operations.json']) copyFileSync(`${GENERATED}${file}`, join(dir, file));
      const own = await startMockServer({ port: 0, generatedDir: dir });
      try {
        expect(own.served.sort()).toEqual(['/', '/openapi.json']);
        const html = await (await fetch(`${own.url}/`)).text();
        expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/openapi.json']);
        expect(html).not.toContain('<li>Docs');
        expect(html).not.toContain('review sheet');
        expect((await fetch(`${own.url}/docs`, { headers: TOKEN })).status).toBe(404);
        expect(await (await fetch(`${own.url}/openapi.json`)).text()).toContain(own.url);
      } finally {
        await own.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('options a mock starts with (each mock started in its test)', () => {
  it('a quota: the tenant’s APPs past it are refused (APIG.3103)', async () => {
    const own = await startMockServer({ port: 0, quota: 1 });
    try {
      const post = (name: string) =>
        fetch(`${own.url}/v1/p1/apigw/instances/i1/apps`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...TOKEN },
          body: JSON.stringify({ name }),
        });
      expect((await post('first_app')).status).toBe(201);
      expect((await post('second_app')).status).toBe(403);
    } finally {
      await own.close();
    }
  });

  it('stateless: the reset control answers 204 all the same; after close the port is free', async () => {
    const own = await startMockServer({ port: 0, stateless: true });
    const reset = await fetch(`${own.url}/_mock/reset`, { method: 'POST' });
    expect(reset.status).toBe(204);
    await own.close();
    await expect(fetch(`${own.url}/`)).rejects.toThrow();
  });
});

describe('a browser calling the mock (CORS)', () => {
  it('answers a preflight with 204, every method, the headers asked for, cached 10 minutes', async () => {
    const response = await fetch(`${mock.url}/v2/p1/apigw/instances/i1/apps`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-auth-token, content-type' },
    });
    expect(response.status).toBe(204);
    expect(
      Object.fromEntries(
        ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age'].map((h) => [
          h,
          response.headers.get(h),
        ]),
      ),
    ).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
      'access-control-allow-headers': 'x-auth-token, content-type',
      'access-control-max-age': '600',
    });
    const any = await fetch(`${mock.url}/`, { method: 'OPTIONS' });
    expect(any.headers.get('access-control-allow-headers')).toBe('*');
  });

  it('lets a page read the request id, the violations and the auth reason', async () => {
    const response = await create('{"name":"1bad"}');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('X-Request-Id, sl-violations, X-Mock-Auth-Reason');
  });
});

describe('answers', () => {
  it('every answer has its own 32-hex X-Request-Id; a 204 carries no body or content headers', async () => {
    const made = await create(JSON.stringify({ name: 'server_http_app' }));
    const { id } = await made.json();
    const deleted = await fetch(`${mock.url}/v2/p1/apigw/instances/i1/apps/${id}`, { method: 'DELETE', headers: TOKEN });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('content-type')).toBeNull();
    expect(deleted.headers.get('content-length')).toBeNull();
    expect(await deleted.text()).toBe('');
    const ids = [made, deleted].map((r) => r.headers.get('x-request-id'));
    for (const requestId of ids) expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(made.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('POST /_mock/reset (with or without a trailing slash) forgets what was made: 204 with a request id', async () => {
    expect((await create(JSON.stringify({ name: 'reset_me_app' }))).status).toBe(201);
    const reset = await fetch(`${mock.url}/_mock/reset/`, { method: 'POST' });
    expect(reset.status).toBe(204);
    expect(reset.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect((await create(JSON.stringify({ name: 'reset_me_app' }))).status).toBe(201);
    expect((await fetch(`${mock.url}/_mock/reset`, { method: 'GET', headers: TOKEN })).status).toBe(404);
  });

  it('an unknown route is 404 APIG.0101, as the gateway says it', async () => {
    for (const path of ['/v3/apps', '/v1.0/apigw/applications', '/v2/p1/apigw/instances/i1/apps/a1/extra']) {
      const response = await fetch(`${mock.url}${path}`, { headers: TOKEN });
      expect(response.status, path).toBe(404);
      expect((await response.json()).error_code).toBe('APIG.0101');
    }
  });
});

describe('what is refused before the contract is read', () => {
  it('a body over 4 MiB: 400 APIG.2000, and the connection is closed', async () => {
    const response = await create(JSON.stringify({ name: 'big_app', remark: 'x'.repeat(4 * 1024 * 1024) }));
    expect(response.status).toBe(400);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ error_code: 'APIG.2000', error_msg: 'Parameter error: the request body is larger than 4 MiB' });
  });

  it('a body that is not JSON, or not UTF-8: 400 APIG.2000 saying which', async () => {
    const broken = await create('{"name":');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error_msg).toMatch(/^Parameter error: the request body is not valid JSON/);
    const typed = await create('{"name":"app_xml"}', { 'content-type': 'application/xml' });
    expect(await typed.json()).toEqual({
      error_code: 'APIG.2000',
      error_msg: 'Parameter error: Content-Type must be application/json with UTF-8 (got "application/xml")',
    });
  });

  it('a broken field: 400 naming it, and the violations in sl-violations (ASCII, 汉字 escaped)', async () => {
    const response = await create(JSON.stringify({ name: '应用!' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error_code: 'APIG.2011',
      error_msg: 'Invalid parameter value,parameterName:name. Please refer to the support documentation',
    });
    const header = response.headers.get('sl-violations')!;
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    const violations = JSON.parse(header);
    expect(violations[0]).toMatchObject({ location: ['request', 'body', 'name'] });
    expect(JSON.stringify(violations)).toMatch(/\\u4e00|一/);
  });

  it('a body that does not parse: 400 without a violations header; without a credential, 401 first', async () => {
    const broken = await create('{"name":');
    expect(broken.status).toBe(400);
    expect(broken.headers.get('sl-violations')).toBeNull();
    const anonymous = await fetch(`${mock.url}/v2/p1/apigw/instances/i1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(anonymous.status).toBe(401);
  });

  it('no violations header on an answer without violations', async () => {
    const response = await create(JSON.stringify({ name: 'no_violations_app' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('sl-violations')).toBeNull();
  });

  it('a missing field: APIG.2001 naming it', async () => {
    const response = await create(JSON.stringify({ remark: 'no name' }));
    expect(await response.json()).toEqual({
      error_code: 'APIG.2001',
      error_msg: 'The request parameters must be specified,parameterName:name. Please refer to the support documentation',
    });
  });

  it('Prefer picks a declared response; one the contract lacks, or dynamic=true, is a 400 saying so', async () => {
    const forbidden = await create(JSON.stringify({ name: 'prefer_app' }), { prefer: 'code=403' });
    expect(forbidden.status).toBe(403);
    const missing = await create(JSON.stringify({ name: 'prefer_app' }), { prefer: 'code=418' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error_code: 'APIG.2000', error_msg: 'Parameter error: the contract has no response for Prefer: code=418' });
    const long = await create(JSON.stringify({ name: 'prefer_app' }), { prefer: `code=418, example=${'x'.repeat(200)}` });
    expect((await long.json()).error_msg).toBe(
      `Parameter error: the contract has no response for Prefer: ${`code=418, example=${'x'.repeat(200)}`.slice(0, 100)}`,
    );
    const example = await create(JSON.stringify({ name: 'prefer_app' }), { prefer: 'example=nope' });
    expect((await example.json()).error_msg).toBe('Parameter error: the contract has no response for Prefer: example=nope');
    const dynamic = await create(JSON.stringify({ name: 'prefer_app' }), { prefer: 'dynamic=true' });
    expect(dynamic.status).toBe(400);
    expect((await dynamic.json()).error_msg).toMatch(/^Parameter error: Prefer dynamic=true is not supported/);
    // A Prefer answer is the page's example: nothing was created.
    expect((await create(JSON.stringify({ name: 'prefer_app' }))).status).toBe(201);
  });

  it('malformed HTTP and headers over 64 KiB: 400 APIG.2000 with a request id, connection closed', async () => {
    const bad = await raw('GARBAGE / HTTP/1.1\r\n\r\n');
    expect(bad).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(bad).toMatch(/\r\nX-Request-Id: [0-9a-f]{32}\r\n/);
    expect(bad).toContain('Connection: close');
    const body = bad.split('\r\n\r\n')[1]!;
    expect(JSON.parse(body)).toEqual({ error_code: 'APIG.2000', error_msg: 'Parameter error: the request is not valid HTTP' });
    expect(bad).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    const huge = await raw(`GET /v1.0/apigw/apps HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70 * 1024)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(huge.split('\r\n\r\n')[1]!).error_msg).toBe('Parameter error: the request headers are larger than 64 KiB');
  });

  it('headers just under 64 KiB are read', async () => {
    const response = await fetch(`${mock.url}/v1.0/apigw/apps`, { headers: { ...TOKEN, 'x-big': 'a'.repeat(60 * 1024) } });
    expect(response.status).toBe(200);
  });
});

describe('request targets no parser should trip on (never a 5xx)', () => {
  /** Status and body of a raw request line, as a client that does not encode may send it. */
  async function target(requestTarget: string, method = 'GET', extra = '') {
    const text = await raw(`${method} ${requestTarget} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nConnection: close\r\n${extra}\r\n`);
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
    const body = text.split('\r\n\r\n').slice(1).join('\r\n\r\n');
    return { status, body: body ? JSON.parse(body) : undefined };
  }
  const invalid = (name: string) => ({
    error_code: 'APIG.2011',
    error_msg: `Invalid parameter value,parameterName:${name}. Please refer to the support documentation`,
  });

  // The code the pages give a parameter that breaks its rule (APIG.2011), naming the parameter
  // the undecodable segment fills; Prism's router would throw (URIError) on it.
  it.each([
    ['/v2/p5/apigw/instances/i5/apps/%zz', 'app_id'],
    ['/v2/%zz/apigw/instances/i5/apps', 'project_id'],
    ['/v2/p5/apigw/instances/%E0%A4%A/apps', 'instance_id'],
    ['/v1/%zz/apigw/instances/i/apps', 'project_id'],
    ['/v1.0/apigw/apps/%E0%A4%A', 'id'],
    ['/v2/p5/apigw/instances/i5/apps/%zz/app-codes', 'app_id'],
    ['/v1.0/apigw/apps/validation/%', 'id'],
  ])('a malformed percent-escape in %s: 400 naming %s', async (path, name) => {
    expect(await target(path)).toEqual({ status: 400, body: invalid(name) });
  });

  it('a malformed escape in a literal segment, a doubled slash, `*`, an unknown path: 404 APIG.0101', async () => {
    for (const path of ['/v1.0/apigw/%zz', '//v1.0//apigw//apps', '/%zz', '*']) {
      const answer = await target(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.error_code, path).toBe('APIG.0101');
    }
  });

  it('absolute form: the path and query are the request (the authority is the connection’s)', async () => {
    const answer = await target('http://elsewhere.invalid/v1.0/apigw/apps?page_size=1');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ apps: expect.any(Array) });
  });

  it('an Accept the gateway ignores, a body on a GET, an Expect it does not do: 2xx or a 4xx error body', async () => {
    expect((await target('/v1.0/apigw/apps', 'GET', 'Accept: !\r\n')).status).toBe(200);
    const withBody = await raw(
      'GET /v1.0/apigw/apps HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]',
    );
    expect(withBody).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(withBody.split('\r\n\r\n')[1]!)).toEqual({
      error_code: 'APIG.2000',
      error_msg: 'Parameter error: GET /v1.0/apigw/apps takes no request body',
    });
    const expectation = await target('/v1.0/apigw/apps', 'GET', 'Expect: teapot\r\n');
    expect(expectation.status).toBe(417);
    expect(expectation.body.error_code).toBe('APIG.2000');
  });
});

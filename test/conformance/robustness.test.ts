// Over a thousand hostile requests must never crash the mock or draw a 5xx; afterwards it
// still answers a valid request correctly. Only run against this project's mock: hammering
// someone else's gateway is not a conformance check.
import { request, Agent } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_REQUEST_EXAMPLE, SOURCE_RESPONSE_EXAMPLE } from '../rules/create-app-rules.js';
import { ONLY_OWN_MOCK, RUN, pathOf, send, target } from './target.js';

interface Hostile {
  label: string;
  path?: string;
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

// A credential of its own: on the shared gateway the APPs its valid requests create are this
// credential's, apart from the other suites', and are deleted at the end.
const AUTH = { 'x-auth-token': `robustness-${RUN}` };
const JSON_HEADERS = { 'content-type': 'application/json', ...AUTH };
const FIELDS = ['name', 'remark', 'app_key', 'app_secret'];
const MB = 1024 * 1024;

function hostileRequests(): Hostile[] {
  const list: Hostile[] = [];
  const valid = JSON.stringify({ ...SOURCE_REQUEST_EXAMPLE, remark: '第一个应用' });
  // Truncated JSON at every length.
  for (let i = 0; i < valid.length; i += 1) list.push({ label: `truncated at ${i}`, body: valid.slice(0, i) });
  // Truncated in the middle of a multi-byte character.
  const bytes = Buffer.from(valid);
  for (let i = 1; i < bytes.length; i += 3) list.push({ label: `truncated bytes at ${i}`, body: bytes.subarray(0, i) });
  // 1 MB strings in every field, a body over the limit.
  for (const field of FIELDS) list.push({ label: `1 MB ${field}`, body: JSON.stringify({ name: 'app_001', [field]: 'a'.repeat(MB) }) });
  list.push({ label: '1 MB 汉字 name', body: JSON.stringify({ name: '应'.repeat(MB / 3) }) });
  list.push({ label: '5 MB body', body: JSON.stringify({ name: 'app_001', remark: 'x'.repeat(5 * MB) }) });
  // Deep nesting, at the root and inside a field.
  for (const depth of [100, 5_000, 50_000]) {
    list.push({ label: `[ × ${depth}`, body: '['.repeat(depth) + ']'.repeat(depth) });
    list.push({ label: `unclosed [ × ${depth}`, body: '['.repeat(depth) });
    list.push({ label: `{"a": × ${depth}`, body: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` });
    list.push({ label: `name nested × ${depth}`, body: `{"name":${'['.repeat(depth)}${']'.repeat(depth)}}` });
  }
  // Wrong JSON types in every field and as the body.
  const wrong = [0, -1, 1e308, 3.14, true, false, null, [], ['app_001'], {}, { a: 1 }, '', ' '];
  for (const field of FIELDS)
    for (const value of wrong) list.push({ label: `${field} = ${JSON.stringify(value)}`, body: JSON.stringify({ name: 'app_001', [field]: value }) });
  for (const value of [...wrong, 'app_001']) list.push({ label: `body ${JSON.stringify(value)}`, body: JSON.stringify(value) });
  // Prototype pollution attempts.
  for (const key of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']) {
    list.push({ label: `${key} key`, body: `{"name":"app_001","${key}":{"polluted":true,"name":"1bad"}}` });
    list.push({ label: `${key} as the only key`, body: `{"${key}":{"name":"app_001"}}` });
    list.push({ label: `${key} nested`, body: `{"name":"app_001","remark":{"${key}":{"x":1}}}` });
  }
  // Invalid UTF-8.
  for (const bad of ['ff', 'fe', 'c0af', 'e080af', 'eda080', 'f4908080', 'c3', 'e6b8', '80', 'f8888080af']) {
    list.push({ label: `invalid UTF-8 ${bad} in name`, body: Buffer.concat([Buffer.from('{"name":"ab'), Buffer.from(bad, 'hex'), Buffer.from('c"}')]) });
  }
  list.push({ label: 'UTF-16 body', body: Buffer.from(valid, 'utf16le') });
  list.push({ label: 'BOM + body', body: Buffer.concat([Buffer.from('efbbbf', 'hex'), Buffer.from(valid)]) });
  // Headers: huge, many, odd content types, odd Prefer, odd credentials.
  list.push({ label: '100 KB header', headers: { ...JSON_HEADERS, 'x-big': 'a'.repeat(100 * 1024) }, body: valid });
  list.push({ label: '60 KB header', headers: { ...JSON_HEADERS, 'x-big': 'a'.repeat(60 * 1024) }, body: valid });
  list.push({ label: '1 MB token', headers: { 'content-type': 'application/json', 'x-auth-token': 't'.repeat(MB) }, body: valid });
  list.push({
    label: '500 headers',
    headers: { ...JSON_HEADERS, ...Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`x-h${i}`, String(i)])) },
    body: valid,
  });
  for (const type of [
    'text/plain',
    'application/xml',
    'application/json; charset=gbk',
    'application/json; charset=utf-16',
    'multipart/form-data; boundary=x',
    '',
    'application/json, text/plain',
    '*/*',
    'application/problem+json',
  ]) {
    list.push({ label: `content-type ${JSON.stringify(type)}`, headers: { ...AUTH, 'content-type': type }, body: valid });
  }
  for (const prefer of [
    'code=999',
    'code=abc',
    'code=',
    'example=',
    'example=__proto__',
    'dynamic=maybe',
    'code=200',
    'code=404',
    'code=418',
    '=,=;',
    ';;;',
    'code=201, example=constructor',
    'x'.repeat(4000),
  ]) {
    list.push({ label: `Prefer ${prefer.slice(0, 30)}`, headers: { ...JSON_HEADERS, prefer }, body: valid });
  }
  for (const auth of ['', ' ', 'Bearer', 'SDK-HMAC-SHA256', '\u00ff'.repeat(100)]) {
    list.push({
      label: `authorization ${JSON.stringify(auth.slice(0, 10))}`,
      headers: { 'content-type': 'application/json', authorization: auth },
      body: valid,
    });
  }
  // Paths, methods and query strings outside the contract.
  const paths = [
    '/',
    '/v1.0/apigw/apps/',
    '/v1.0/apigw/apps/../../../etc/passwd',
    '/v1.0/apigw/%2e%2e/apps',
    '/v1//apigw/instances//apps',
    `/v1/${'p'.repeat(8000)}/apigw/instances/i/apps`,
    '/v1.0/apigw/apps?__proto__[x]=1&a=%ff',
    '/docs/../openapi.json',
    '/%00',
    '/v1.0/apigw/apps#frag',
  ];
  for (const path of paths)
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'GET', 'OPTIONS'])
      list.push({ label: `${method} ${path.slice(0, 40)}`, path, method, headers: JSON_HEADERS, body: method === 'GET' ? undefined : valid });
  // Random bytes and random JSON, seeded.
  const randomBytes = fc.sample(fc.uint8Array({ maxLength: 300 }), { seed: 1, numRuns: 500 });
  for (const [i, b] of randomBytes.entries()) list.push({ label: `random bytes #${i}`, body: Buffer.from(b) });
  const randomJson = fc.sample(fc.jsonValue({ maxDepth: 4 }), { seed: 2, numRuns: 200 });
  for (const [i, v] of randomJson.entries()) list.push({ label: `random JSON #${i}`, body: JSON.stringify({ name: v, remark: v }) });
  return list;
}

const agent = new Agent({ keepAlive: true, maxSockets: 10 });

function fire(h: Hostile): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const url = new URL(h.path ?? pathOf('shared'), target.baseUrl);
    const req = request(url, { method: h.method ?? 'POST', headers: h.headers ?? JSON_HEADERS, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: -1, body: 'response error' }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    // The server may answer and close before it reads everything (oversized requests).
    req.on('error', (error) => resolve({ status: -1, body: String(error) }));
    req.end(h.body);
  });
}

function rawExchange(payload: string): Promise<string> {
  return new Promise((resolve) => {
    const { hostname, port } = new URL(target.baseUrl);
    const socket = connect(Number(port), hostname, () => socket.end(payload));
    let text = '';
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

describe.skipIf(!target.ownMock)(`robustness${ONLY_OWN_MOCK}`, () => {
  it('answers over 1,000 hostile requests with no 5xx, then a valid one correctly', { timeout: 180_000 }, async () => {
    const list = hostileRequests();
    expect(list.length).toBeGreaterThanOrEqual(1000);
    const seen: Array<{ label: string; status: number; body: string }> = [];
    for (let i = 0; i < list.length; i += 10) {
      const batch = list.slice(i, i + 10);
      const replies = await Promise.all(batch.map(fire));
      for (const [j, r] of replies.entries()) seen.push({ label: batch[j]!.label, ...r });
    }
    const serverErrors = seen.filter((s) => s.status >= 500);
    expect(serverErrors.map((s) => `${s.label}: ${s.status} ${s.body.slice(0, 200)}`)).toEqual([]);
    // Every refusal carries the Huawei error body (the one allowed exception: OPTIONS/204 and docs pages).
    const bare = seen.filter((s) => s.status >= 400 && !/"error_code":"APIG\.\d{4}"/.test(s.body));
    expect(bare.map((s) => `${s.label}: ${s.status} ${s.body.slice(0, 120)}`)).toEqual([]);
    // Requests the server cut short (too large) are the only ones allowed to fail at the socket.
    const dropped = seen.filter((s) => s.status === -1).map((s) => s.label);
    expect(
      dropped.every((l) => /5 MB|1 MB token/.test(l)),
      seen
        .filter((s) => s.status === -1)
        .map((s) => `${s.label}: ${s.body}`)
        .join('\n'),
    ).toBe(true);

    // Nothing left behind: what the valid ones among them created is listed and deleted.
    if (target.stateful) {
      const listed = await fire({ label: 'list', method: 'GET', path: `${pathOf('shared')}?page_size=500`, headers: AUTH });
      const apps: Array<{ id: string }> = JSON.parse(listed.body).apps;
      for (const { id } of apps)
        expect((await fire({ label: 'delete', method: 'DELETE', path: `${pathOf('shared')}/${encodeURIComponent(id)}`, headers: AUTH })).status).toBe(204);
      expect(JSON.parse((await fire({ label: 'list', method: 'GET', path: pathOf('shared'), headers: AUTH })).body).total).toBe(0);
    }

    // Still answers a valid create as before: the example (stateless) or the APP sent.
    const name = `ct_${RUN}_after_hostile`;
    const after = await send('shared', { json: { ...SOURCE_REQUEST_EXAMPLE, name, app_key: `ck${RUN}after` } });
    expect(after.status, after.text).toBe(201);
    expect(after.json).toEqual(target.stateful ? expect.objectContaining({ name, remark: SOURCE_REQUEST_EXAMPLE.remark }) : SOURCE_RESPONSE_EXAMPLE);
  });

  it('answers malformed HTTP with a 400 error body and keeps serving', async () => {
    for (const payload of [
      'GARBAGE\r\n\r\n',
      'POST /v1.0/apigw/apps HTTP/1.1\r\nContent-Length: abc\r\n\r\n',
      'POST /v1.0/apigw/apps HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
    ]) {
      const reply = await rawExchange(payload);
      expect(reply, JSON.stringify(payload)).toMatch(/^HTTP\/1\.1 400/);
      expect(reply).toContain('"error_code":"APIG.2000"');
    }
    expect((await send('shared', { json: { name: `ct_${RUN}_after_malformed` } })).status).toBe(201);
  });
});

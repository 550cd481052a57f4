// Credentials that mean something: with `credentials`, the mock accepts only the tokens and
// AK/SK pairs it was given and checks every signature, against its own reading of Huawei's
// signing guide. The official SDK's signatures and our client's pass; anything else is a 401
// APIG.1002 with the reason in X-Mock-Auth-Reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApigClient, deleteApp, listAppsPage, updateApp } from '../../src/index.js';
import { startMockServer } from '../../mock/server.mjs';
import { parseCredentials } from '../../mock/credentials.mjs';
import { AKSKSigner, GUIDE_AKSK } from '../helpers/official-signer.js';


const TOKEN = 'known-token-0123456789';
const PAIR = GUIDE_AKSK;
let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, stateless: true, credentials: { tokens: [TOKEN], aksk: [PAIR] } });
});
afterAll(async () => {
  await mock?.close();
});

const post = (headers: Record<string, string>, body = '{"name":"app_001"}') => fetch(`${mock.url}/v1.0/apigw/apps`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('with credentials', () => {
  it('accepts a known token and refuses another, saying why (without the value)', async () => {
    expect((await post({ 'x-auth-token': TOKEN })).status).toBe(201);
    const refused = await post({ 'x-auth-token': 'stolen-token' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error_code: 'APIG.1002', error_msg: 'Incorrect token or token resolution failed' });
    expect(refused.headers.get('x-mock-auth-reason')).toBe('unknown token');
  });

  it('accepts what Huawei’s official signer signs, on every method and with query strings', async () => {
    const cases: Array<[string, string, Record<string, string | string[]>, unknown]> = [
      ['POST', '/v1.0/apigw/apps', {}, { name: 'app_001' }],
      ['GET', '/v2/p1/apigw/instances/i1/apps', { name: '测试 应用', creator: 'USER', limit: '20' }, undefined],
      ['PUT', '/v1/p1/apigw/instances/i1/apps/a1', {}, { name: 'app_001', remark: '第一个' }],
      ['DELETE', '/v2/p1/apigw/instances/i1/apps/a1', {}, undefined],
    ];
    for (const [method, path, query, body] of cases) {
      const host = new URL(mock.url).host;
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Sdk-Date': '20261126T080000Z', host };
      const signed = AKSKSigner.sign({ endpoint: `${mock.url}${path}`, method, headers: { ...headers }, queryParams: query, data: body }, { getAk: () => PAIR.ak, getSk: () => PAIR.sk });
      const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => [v].flat().map((x) => [k, x]))).toString();
      const response = await fetch(`${mock.url}${path}${search ? `?${search}` : ''}`, { method, headers: { 'content-type': 'application/json', 'x-sdk-date': headers['X-Sdk-Date']!, authorization: signed.Authorization! }, body: body === undefined ? undefined : JSON.stringify(body) });
      expect(response.status, `${method} ${path}: ${response.headers.get('x-mock-auth-reason')}`).toBeLessThan(300);
    }
  });

  it('accepts our client’s signatures on GET with a query, PUT and DELETE', async () => {
    const client = createApigClient({ baseUrl: mock.url, auth: PAIR });
    const gateway = { gateway: 'dedicatedV2', projectId: 'p1', instanceId: 'i1' } as const;
    expect(await listAppsPage(client, gateway, { name: '测试/应用 01', creator: 'USER' }, { offset: 0, limit: 10 })).toMatchObject({ ok: true });
    expect(await updateApp(client, gateway, 'a1', { name: 'app_demo' })).toMatchObject({ ok: true, status: 201 });
    expect(await deleteApp(client, gateway, 'a1')).toMatchObject({ ok: true, status: 204 });
  });

  it.each([
    ['an unknown AK', { authorization: `SDK-HMAC-SHA256 Access=UNKNOWNAK, SignedHeaders=host;x-sdk-date, Signature=${'0'.repeat(64)}`, 'x-sdk-date': '20261126T080000Z' }, 'unknown AK'],
    ['a wrong signature', { authorization: `SDK-HMAC-SHA256 Access=${PAIR.ak}, SignedHeaders=host;x-sdk-date, Signature=${'0'.repeat(64)}`, 'x-sdk-date': '20261126T080000Z' }, 'signature does not match'],
    ['no x-sdk-date signed', { authorization: `SDK-HMAC-SHA256 Access=${PAIR.ak}, SignedHeaders=host, Signature=${'0'.repeat(64)}` }, 'must include host and x-sdk-date'],
    ['garbage', { authorization: 'garbage' }, 'Authorization is not'],
  ])('refuses %s', async (_label, headers, reason) => {
    const response = await post(headers as Record<string, string>);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-mock-auth-reason')).toContain(reason);
    expect(response.headers.get('x-mock-auth-reason')).not.toContain(PAIR.sk);
  });

  it('refuses a body changed after signing', async () => {
    const tamper = async (request: Request) => fetch(request.method === 'POST' ? new Request(request, { body: '{"name":"app_002"}' }) : request);
    const client = createApigClient({ baseUrl: mock.url, auth: PAIR, fetch: tamper as typeof fetch });
    const result = await listAppsPage(client, { gateway: 'shared' });
    expect(result.ok).toBe(true); // a GET has no body to change
    const tampered = await client.POST('/v1.0/apigw/apps', { body: { name: 'app_001' } });
    expect(tampered.response.status).toBe(401);
    expect(tampered.response.headers.get('x-mock-auth-reason')).toContain('signature does not match');
  });

  it('says what a credentials file lacks', () => {
    expect(() => parseCredentials({ tokens: [''] })).toThrow(/"tokens" must be non-empty strings/);
    expect(() => parseCredentials({ aksk: [{ ak: 'a' }] })).toThrow(/"aksk" must be \{ ak, sk \} pairs/);
    expect(() => parseCredentials({})).toThrow(/no token and no AK\/SK pair/);
  });
});

// Credentials that mean something: with `credentials`, the mock accepts only the tokens and
// AK/SK pairs it was given and checks every signature, against its own reading of Huawei's
// signing guide. The official SDK's signatures and our client's pass; anything else is a 401
// the front door's 401 APIGW.0301 with the reason in X-Mock-Auth-Reason (the AK lockout: ../core/front-door.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApigClient, deleteApp, listAppsPage, updateApp } from '../../../src/index.js';
import { startMockServer } from '../../../mock/server/index.mjs';
import { credentialProblem, parseCredentials } from '../../../mock/core/credentials.mjs';
import { AKSKSigner, GUIDE_AKSK } from '../../helpers/official-signer.js';
import { signRequest } from '../../../src/auth/sign-request.js';

/** X-Sdk-Date for now plus `offsetMs` (UTC YYYYMMDDTHHMMSSZ). */
const sdkDate = (offsetMs = 0) =>
  new Date(Date.now() + offsetMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const MINUTE = 60_000;

const TOKEN = 'known-token-0123456789';
const PAIR = GUIDE_AKSK;
let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, stateless: true, credentials: { tokens: [TOKEN], aksk: [PAIR] } });
});
afterAll(async () => {
  await mock?.close();
});
// Each test starts with no failure counted against the AK (five in a row lock it: ../core/front-door.test.ts).
beforeEach(async () => {
  await fetch(`${mock.url}/_mock/reset`, { method: 'POST' });
});
/** The front door's body, its request id the header's. */
async function frontDoorBody(response: Response, message: string) {
  expect(await response.json()).toEqual({
    error_code: 'APIGW.0301',
    error_msg: `Incorrect IAM authentication information: ${message}`,
    request_id: response.headers.get('x-request-id'),
  });
}

const post = (headers: Record<string, string>, body = '{"name":"app_001"}') =>
  fetch(`${mock.url}/v1.0/apigw/apps`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('with credentials', () => {
  it('accepts a known token and refuses another, saying why (without the value)', async () => {
    expect((await post({ 'x-auth-token': TOKEN })).status).toBe(201);
    const refused = await post({ 'x-auth-token': 'stolen-token' });
    expect(refused.status).toBe(401);
    await frontDoorBody(refused, 'decrypt token fail');
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
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Sdk-Date': sdkDate(), host };
      const signed = AKSKSigner.sign(
        { endpoint: `${mock.url}${path}`, method, headers: { ...headers }, queryParams: query, data: body },
        { getAk: () => PAIR.ak, getSk: () => PAIR.sk },
      );
      const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => [v].flat().map((x) => [k, x]))).toString();
      const response = await fetch(`${mock.url}${path}${search ? `?${search}` : ''}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-sdk-date': headers['X-Sdk-Date']!, authorization: signed.Authorization! },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
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
    [
      'an unknown AK',
      { authorization: `SDK-HMAC-SHA256 Access=UNKNOWNAK, SignedHeaders=host;x-sdk-date, Signature=${'0'.repeat(64)}`, 'x-sdk-date': sdkDate() },
      'unknown AK',
    ],
    [
      'a wrong signature',
      { authorization: `SDK-HMAC-SHA256 Access=${PAIR.ak}, SignedHeaders=host;x-sdk-date, Signature=${'0'.repeat(64)}`, 'x-sdk-date': sdkDate() },
      'signature does not match',
    ],
    [
      'a date that is not a day',
      { authorization: `SDK-HMAC-SHA256 Access=${PAIR.ak}, SignedHeaders=host;x-sdk-date, Signature=${'0'.repeat(64)}`, 'x-sdk-date': '20261332T000000Z' },
      'X-Sdk-Date must be UTC YYYYMMDDTHHMMSSZ',
    ],
    [
      'no x-sdk-date signed',
      { authorization: `SDK-HMAC-SHA256 Access=${PAIR.ak}, SignedHeaders=host, Signature=${'0'.repeat(64)}` },
      'must include host and x-sdk-date',
    ],
    ['garbage', { authorization: 'garbage' }, 'Authorization is not'],
  ])('refuses %s', async (_label, headers, reason) => {
    const response = await post(headers as Record<string, string>);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-mock-auth-reason')).toContain(reason);
    expect(response.headers.get('x-mock-auth-reason')).not.toContain(PAIR.sk);
  });

  describe('X-Sdk-Date: the gateway refuses a signature more than 15 minutes from its clock', () => {
    /** A POST signed correctly by our signer at now + offset. */
    const signedAt = async (offsetMs: number) => {
      const url = `${mock.url}/v1.0/apigw/apps`;
      const body = '{"name":"app_001"}';
      const headers = { 'content-type': 'application/json', 'x-sdk-date': sdkDate(offsetMs) };
      const signed = await signRequest({ method: 'POST', url, headers, body }, PAIR);
      return fetch(url, { method: 'POST', headers: { ...headers, ...signed }, body });
    };

    it.each([
      ['an hour old', -60 * MINUTE],
      ['a day old', -24 * 60 * MINUTE],
      ['16 minutes old', -16 * MINUTE],
      ['an hour ahead', 60 * MINUTE],
      ['16 minutes ahead', 16 * MINUTE],
    ])('refuses one signed %s: 401 APIGW.0301, "signature expired" with both times', async (_label, offset) => {
      const response = await signedAt(offset);
      expect(response.status).toBe(401);
      await frontDoorBody(response, 'verify aksk signature fail');
      expect(response.headers.get('x-mock-auth-reason')).toMatch(
        /^signature expired: X-Sdk-Date is more than 15 minutes from the clock \(signature time:\d{8}T\d{6}Z,server time:\d{8}T\d{6}Z\)$/,
      );
    });

    it('the window is 15 minutes inclusive, on both sides (checked before the signature)', () => {
      const now = Date.UTC(2026, 10, 30, 12, 0, 0);
      const at = (date: string) =>
        credentialProblem(
          {
            method: 'POST',
            url: '/v1.0/apigw/apps',
            headers: {
              host: 'h',
              'x-sdk-date': date,
              authorization: `SDK-HMAC-SHA256 Access=${PAIR.ak}, SignedHeaders=host;x-sdk-date, Signature=${'0'.repeat(64)}`,
            },
          },
          Buffer.alloc(0),
          parseCredentials({ aksk: [PAIR] }),
          now,
        )?.reason;
      expect(at('20261130T114500Z')).toMatch(/^signature does not match/);
      expect(at('20261130T121500Z')).toMatch(/^signature does not match/);
      expect(at('20261130T114459Z')).toBe(
        'signature expired: X-Sdk-Date is more than 15 minutes from the clock (signature time:20261130T114459Z,server time:20261130T120000Z)',
      );
      expect(at('20261130T121501Z')).toMatch(/^signature expired/);
    });

    it.each([
      ['14 minutes old', -14 * MINUTE],
      ['just now', 0],
      ['14 minutes ahead (a fast client clock)', 14 * MINUTE],
    ])('accepts one signed %s', async (_label, offset) => {
      const response = await signedAt(offset);
      expect(response.status, response.headers.get('x-mock-auth-reason') ?? '').toBe(201);
    });
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

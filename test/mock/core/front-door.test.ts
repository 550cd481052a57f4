// The cloud's front door in credentials mode (mock/core/front-door.mjs): each kind of bad credential
// answered as Huawei's gateway answers it (401 APIGW.0301, the FAQ's message, the request id in
// the body), and the AK lockout: five failed signatures in a row lock the AK for five minutes,
// a success in between starts the count again, /_mock/reset and the clock unlock it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../../mock/server/index.mjs';
import { LOCK_AFTER_FAILURES, LOCK_MS, akOf, frontDoor, frontDoorError } from '../../../mock/core/front-door.mjs';
import { parseCredentials } from '../../../mock/core/credentials.mjs';
import { signRequest } from '../../../src/auth/sign-request.js';

const PAIR = { ak: 'FRONTDOORAK', sk: 'front-door-secret-never-shown' };
const OTHER = { ak: 'OTHERDOORAK', sk: 'other-door-secret' };
let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, stateless: true, credentials: { tokens: ['good-token'], aksk: [PAIR, OTHER] } });
});
afterAll(async () => {
  await mock?.close();
});

const URL_PATH = '/v2/p1/apigw/instances/i1/apps';
async function signed(pair: { ak: string; sk: string }) {
  const url = `${mock.url}${URL_PATH}`;
  const headers = await signRequest({ method: 'GET', url, headers: { host: new URL(url).host } }, pair);
  return fetch(url, { headers: { ...headers } as Record<string, string> });
}
const wrongSk = (ak: string) => signed({ ak, sk: 'not-the-secret' });
async function body(response: Response) {
  const json = await response.json();
  expect(json.request_id).toBe(response.headers.get('x-request-id'));
  return json;
}

describe('each kind of bad credential, as the front door words it', () => {
  it('a token it cannot decrypt, a wrong signature, an unknown AK: 401 APIGW.0301 saying which', async () => {
    const token = await fetch(`${mock.url}${URL_PATH}`, { headers: { 'x-auth-token': 'not-a-token' } });
    expect([token.status, (await body(token)).error_msg]).toEqual([401, 'Incorrect IAM authentication information: decrypt token fail']);
    const signature = await wrongSk(OTHER.ak);
    expect([signature.status, (await body(signature)).error_msg]).toEqual([401, 'Incorrect IAM authentication information: verify aksk signature fail']);
    const unknown = await signed({ ak: 'NOSUCHAK', sk: 'x' });
    expect(await body(unknown)).toMatchObject({
      error_code: 'APIGW.0301',
      error_msg: 'Incorrect IAM authentication information: Get secretKey failed,ak:NOSUCHAK,err:ak not exist',
    });
    // Never a secret, in the body or the reason.
    for (const response of [token, signature, unknown]) expect(response.headers.get('x-mock-auth-reason')).not.toMatch(/secret|not-the/);
    expect((await fetch(`${mock.url}/_mock/reset`, { method: 'POST' })).status).toBe(204);
  });
});

describe('the AK lockout', () => {
  it(`${LOCK_AFTER_FAILURES} failed signatures in a row lock the AK: even a right one is refused until reset`, async () => {
    for (let i = 0; i < LOCK_AFTER_FAILURES - 1; i += 1) expect((await wrongSk(PAIR.ak)).status).toBe(401);
    expect((await signed(PAIR)).status).toBe(200); // four, then a success: the count starts again
    for (let i = 0; i < LOCK_AFTER_FAILURES; i += 1) expect((await wrongSk(PAIR.ak)).status).toBe(401);
    const locked = await signed(PAIR);
    expect(locked.status).toBe(401);
    expect((await body(locked)).error_msg).toBe('Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.');
    expect(locked.headers.get('x-mock-auth-reason')).toBe('AK locked: 5 failed authentications in a row, for 5 minutes');
    // Another AK and a token are not locked.
    expect((await signed(OTHER)).status).toBe(200);
    expect((await fetch(`${mock.url}${URL_PATH}`, { headers: { 'x-auth-token': 'good-token' } })).status).toBe(200);
    expect((await fetch(`${mock.url}/_mock/reset`, { method: 'POST' })).status).toBe(204);
    expect((await signed(PAIR)).status).toBe(200);
  });

  it('the lock lasts five minutes by the clock, then one more failure is counted from one', () => {
    let now = Date.UTC(2026, 11, 2, 12, 0, 0);
    const door = frontDoor(parseCredentials({ aksk: [PAIR] }), () => now);
    const request = (signature: string) => ({
      method: 'GET',
      url: '/',
      headers: {
        host: 'h',
        'x-sdk-date': '20261202T120000Z',
        authorization: `SDK-HMAC-SHA256 Access=${PAIR.ak}, SignedHeaders=host;x-sdk-date, Signature=${signature}`,
      },
    });
    const bad = request('0'.repeat(64));
    for (let i = 0; i < LOCK_AFTER_FAILURES; i += 1) expect(door.check(bad, Buffer.alloc(0))).toMatchObject({ kind: 'signature' });
    expect(door.check(bad, Buffer.alloc(0))).toMatchObject({ kind: 'locked', ak: PAIR.ak });
    now += LOCK_MS - 1;
    expect(door.check(bad, Buffer.alloc(0))).toMatchObject({ kind: 'locked' });
    now += 1;
    expect(door.check(bad, Buffer.alloc(0))).toMatchObject({ kind: 'signature' });
    // Counted from one again: four more do not lock it.
    for (let i = 0; i < LOCK_AFTER_FAILURES - 2; i += 1) expect(door.check(bad, Buffer.alloc(0))).toMatchObject({ kind: 'signature' });
    expect(door.check(bad, Buffer.alloc(0))).toMatchObject({ kind: 'signature' });
    expect(door.check(bad, Buffer.alloc(0))).toMatchObject({ kind: 'locked' });
    door.reset();
    expect(door.check(bad, Buffer.alloc(0))).toMatchObject({ kind: 'signature' });
  });

  it('unknown AKs and tokens are not counted; akOf reads the AK of an Authorization', () => {
    const door = frontDoor(parseCredentials({ tokens: ['t'], aksk: [PAIR] }));
    const unknown = {
      method: 'GET',
      url: '/',
      headers: { authorization: `SDK-HMAC-SHA256 Access=NOPE, SignedHeaders=host;x-sdk-date, Signature=${'0'.repeat(64)}` },
    };
    for (let i = 0; i < LOCK_AFTER_FAILURES + 2; i += 1) expect(door.check(unknown, Buffer.alloc(0))).toMatchObject({ kind: 'unknown-ak' });
    expect(akOf({ headers: { authorization: 'SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host' } })).toBe('AK1');
    expect(akOf({ headers: {} })).toBeUndefined();
    expect(frontDoorError({ kind: 'whatever' }, 'r1')).toEqual({
      error_code: 'APIGW.0301',
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      request_id: 'r1',
    });
  });
});

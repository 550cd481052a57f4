// The credentials check (mock/core/credentials.mjs), in-process: a request signed by Huawei's own SDK
// signer passes; every way a signature can be wrong is refused, each with its reason and never
// with a secret. (../server/credentials.http.test.ts shows the same through the server, as a 401.)
import { describe, expect, it } from 'vitest';
import { credentialProblem, parseCredentials, SDK_DATE_WINDOW_MS } from '../../../mock/core/credentials.mjs';
import { AKSKSigner, GUIDE_AKSK } from '../../helpers/official-signer.js';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const DATE = '20261130T120000Z';
const HOST = 'apig.example.test';
const CREDENTIALS = parseCredentials({ tokens: ['token-1'], aksk: [GUIDE_AKSK, { ak: 'OTHERAK', sk: 'other-secret' }] });

interface Sent {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A request as node:http gives it to the mock, signed by the official SDK signer. */
function signed({ method, path, query = {}, headers = {}, body }: Sent, pair = GUIDE_AKSK) {
  const all = { 'Content-Type': 'application/json', 'X-Sdk-Date': DATE, host: HOST, ...headers };
  const { Authorization } = AKSKSigner.sign(
    { endpoint: `https://${HOST}${path}`, method, headers: { ...all }, queryParams: structuredClone(query), data: body },
    { getAk: () => pair.ak, getSk: () => pair.sk },
  );
  const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => [v].flat().map((x) => [k, x]))).toString();
  const lower = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    req: { method, url: `${path}${search ? `?${search}` : ''}`, headers: { ...lower, authorization: Authorization! } as Record<string, string> },
    body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
  };
}
const problem = (r: ReturnType<typeof signed>, now = NOW) => credentialProblem(r.req, r.body, CREDENTIALS, now)?.reason;
const CASES: Sent[] = [
  { method: 'POST', path: '/v1.0/apigw/apps', body: { name: 'app_001', remark: '第一个' } },
  { method: 'GET', path: '/v2/p1/apigw/instances/i1/apps', query: { name: '测试 应用/1', offset: '0', limit: '20', creator: 'USER' } },
  { method: 'GET', path: '/v2/p1/apigw/instances/i1/app-auths', query: { app_id: 'a1', env_id: ['e2', 'e1'] } },
  { method: 'PUT', path: '/v1/p1/apigw/instances/i1/apps/secret/a1', body: { app_secret: 'Chosen_secret1' } },
  { method: 'DELETE', path: '/v2/p1/apigw/instances/i1/apps/a1' },
];

describe('a signature made by Huawei’s SDK signer', () => {
  it.each(CASES)('passes: $method $path', (sent) => {
    expect(problem(signed(sent))).toBeUndefined();
  });

  it('passes whatever order the query is sent in: keys, then each key’s values, sorted by code unit (B before a, 10 before 2)', () => {
    const query = { b: ['z', 'a', 'm'], B: '1', a_b: '2', ab: '3', a: ['2', '10', '1'], 'a-b': ['y', 'x'] };
    const r = signed({ method: 'GET', path: '/v2/p1/apigw/instances/i1/app-auths/binded-apis', query });
    expect(r.req.url).toBe('/v2/p1/apigw/instances/i1/app-auths/binded-apis?b=z&b=a&b=m&B=1&a_b=2&ab=3&a=2&a=10&a=1&a-b=y&a-b=x');
    expect(problem(r)).toBeUndefined();
    // The same query in another order is the same request; other values are not.
    expect(
      problem({ ...r, req: { ...r.req, url: '/v2/p1/apigw/instances/i1/app-auths/binded-apis?a-b=x&a=1&a=10&a=2&B=1&b=m&ab=3&b=a&a_b=2&b=z&a-b=y' } }),
    ).toBeUndefined();
    expect(problem({ ...r, req: { ...r.req, url: r.req.url.replace('a=10', 'a=11') } })).toMatch(/^signature does not match/);
  });

  it('passes for any of the pairs given, and with a known token', () => {
    expect(problem(signed(CASES[0]!, { ak: 'OTHERAK', sk: 'other-secret' }))).toBeUndefined();
    expect(credentialProblem({ method: 'GET', url: '/', headers: { 'x-auth-token': 'token-1' } }, Buffer.alloc(0), CREDENTIALS)).toBeUndefined();
  });

  it('a request with neither a token nor a signature is left to the contract (Prism: 401)', () => {
    expect(credentialProblem({ method: 'GET', url: '/', headers: {} }, Buffer.alloc(0), CREDENTIALS)).toBeUndefined();
  });
});

describe('every way it can be wrong is refused, naming what', () => {
  const base = () => signed(CASES[1]!);
  const post = () => signed(CASES[0]!);
  const MISMATCH = /^signature does not match \(canonical request sha256 [0-9a-f]{64}\)$/;

  it.each<[string, (r: ReturnType<typeof signed>) => void]>([
    [
      'another method',
      (r) => {
        r.req.method = 'DELETE';
      },
    ],
    [
      'another path',
      (r) => {
        r.req.url = r.req.url.replace('/apps', '/app-auths');
      },
    ],
    [
      'a path segment encoded otherwise',
      (r) => {
        r.req.url = r.req.url.replace('/i1/', '/i2/');
      },
    ],
    [
      'a query value changed',
      (r) => {
        r.req.url = r.req.url.replace('limit=20', 'limit=21');
      },
    ],
    [
      'a query parameter added',
      (r) => {
        r.req.url += '&status=1';
      },
    ],
    [
      'a query parameter removed',
      (r) => {
        r.req.url = r.req.url.replace('&creator=USER', '');
      },
    ],
    [
      'a signed header changed',
      (r) => {
        r.req.headers.host = 'evil.example.test';
      },
    ],
    [
      'X-Sdk-Date changed within the window',
      (r) => {
        r.req.headers['x-sdk-date'] = '20261130T120001Z';
      },
    ],
    [
      'the signature of another request',
      (r) => {
        r.req.headers.authorization = signed(CASES[3]!).req.headers.authorization!;
      },
    ],
  ])('%s', (_label, change) => {
    const r = base();
    change(r);
    expect(problem(r)).toMatch(MISMATCH);
  });

  it('a body changed, shortened or added after signing', () => {
    for (const body of ['{"name":"app_002","remark":"第一个"}', '{"name":"app_001"}', `${JSON.stringify({ name: 'app_001', remark: '第一个' })} `]) {
      expect(problem({ ...post(), body: Buffer.from(body) }), body).toMatch(MISMATCH);
    }
    expect(problem({ ...base(), body: Buffer.from('{}') })).toMatch(MISMATCH);
  });

  it('signed with the wrong SK for a known AK', () => {
    expect(problem(signed(CASES[0]!, { ak: GUIDE_AKSK.ak, sk: 'not-the-secret' }))).toMatch(MISMATCH);
  });

  it('an AK that is not given', () => {
    expect(problem(signed(CASES[0]!, { ak: 'UNKNOWNAK', sk: GUIDE_AKSK.sk }))).toBe('unknown AK');
  });

  it('a token that is not given (the token wins over a valid signature beside it)', () => {
    const r = post();
    r.req.headers['x-auth-token'] = 'token-2';
    expect(problem(r)).toBe('unknown token');
    r.req.headers['x-auth-token'] = 'token-1';
    expect(problem(r)).toBeUndefined();
  });

  it.each([
    ['another scheme', (a: string) => a.replace('SDK-HMAC-SHA256', 'SDK-HMAC-SHA1')],
    ['a signature that is not 64 hex digits', (a: string) => a.replace(/Signature=([0-9a-f]{64})/, 'Signature=$1a')],
    ['an upper-case signature', (a: string) => a.replace(/Signature=([0-9a-f]{64})/, (_m, s: string) => `Signature=${s.toUpperCase()}`)],
    ['no Access', (a: string) => a.replace(/Access=[^,]+,\s*/, '')],
    ['no SignedHeaders', (a: string) => a.replace(/SignedHeaders=[^,]+,\s*/, '')],
    ['text after the signature', (a: string) => `${a}, extra=1`],
    ['text before the scheme', (a: string) => `Bearer ${a}`],
  ])('an Authorization of the wrong shape: %s', (_label, edit) => {
    const r = post();
    r.req.headers.authorization = edit(r.req.headers.authorization!);
    expect(problem(r)).toBe('Authorization is not "SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=<64 hex>"');
  });

  it('SignedHeaders without host or without x-sdk-date', () => {
    for (const names of ['content-type;x-sdk-date', 'content-type;host']) {
      const r = post();
      r.req.headers.authorization = r.req.headers.authorization!.replace(/SignedHeaders=[^,]+/, `SignedHeaders=${names}`);
      expect(problem(r), names).toBe('SignedHeaders must include host and x-sdk-date');
    }
  });

  it('SignedHeaders out of order or not lower-case', () => {
    for (const names of ['host;content-type;x-sdk-date', 'content-type;host;X-Sdk-Date;x-sdk-date', 'Content-Type;host;x-sdk-date']) {
      const r = post();
      r.req.headers.authorization = r.req.headers.authorization!.replace(/SignedHeaders=[^,]+/, `SignedHeaders=${names}`);
      expect(problem(r), names).toBe('SignedHeaders must be lower-case and sorted');
    }
  });

  it('a signed header the request does not carry', () => {
    const r = post();
    delete r.req.headers['content-type'];
    expect(problem(r)).toBe('signed header content-type is not on the request');
  });

  it.each([
    '2026-11-30T12:00:00Z',
    '20261130T120000',
    '20261130T120000z',
    '20261301T120000Z',
    '20260230T120000Z',
    '20261130T240000Z',
    '20261130T126000Z',
    '20261130T120060Z',
    ' 20261130T120000Z',
  ])('an X-Sdk-Date that is not a UTC time: %j', (date) => {
    const r = post();
    r.req.headers['x-sdk-date'] = date;
    expect(problem(r)).toBe('X-Sdk-Date must be UTC YYYYMMDDTHHMMSSZ');
  });

  it('accepts the last second of a day, month and leap year', () => {
    for (const date of ['20261130T235959Z', '20281231T235959Z', '20280229T000000Z']) {
      const now = Date.UTC(
        Number(date.slice(0, 4)),
        Number(date.slice(4, 6)) - 1,
        Number(date.slice(6, 8)),
        Number(date.slice(9, 11)),
        Number(date.slice(11, 13)),
        Number(date.slice(13, 15)),
      );
      const r = signed({ ...CASES[0]!, headers: { 'X-Sdk-Date': date } });
      expect(problem(r, now), date).toBeUndefined();
    }
  });

  it('a signature more than 15 minutes from the clock, either way; the edge itself passes', () => {
    expect(SDK_DATE_WINDOW_MS).toBe(15 * 60 * 1000);
    const r = post();
    expect(problem(r, NOW + SDK_DATE_WINDOW_MS)).toBeUndefined();
    expect(problem(r, NOW - SDK_DATE_WINDOW_MS)).toBeUndefined();
    expect(problem(r, NOW + SDK_DATE_WINDOW_MS + 1000)).toBe(
      'signature expired: X-Sdk-Date is more than 15 minutes from the clock (signature time:20261130T120000Z,server time:20261130T121501Z)',
    );
    expect(problem(r, NOW - SDK_DATE_WINDOW_MS - 1000)).toBe(
      'signature expired: X-Sdk-Date is more than 15 minutes from the clock (signature time:20261130T120000Z,server time:20261130T114459Z)',
    );
  });

  it('no reason ever holds the SK', () => {
    const reasons = [signed(CASES[0]!, { ak: GUIDE_AKSK.ak, sk: 'wrong' }), post()].map((r) => problem(r, NOW + 10 * 60 * 60 * 1000) ?? '');
    for (const reason of reasons) expect(reason).not.toContain(GUIDE_AKSK.sk);
  });
});

describe('parseCredentials: a credentials file, checked', () => {
  const EXPECTED = '; expected { "tokens": ["…"], "aksk": [{ "ak": "…", "sk": "…" }] }';
  it.each([
    [null, 'not an object'],
    [[], 'not an object'],
    ['tokens', 'not an object'],
    [{ tokens: 'one' }, '"tokens" must be non-empty strings'],
    [{ tokens: [1] }, '"tokens" must be non-empty strings'],
    [{ tokens: [''] }, '"tokens" must be non-empty strings'],
    [{ aksk: {} }, '"aksk" must be { ak, sk } pairs of non-empty strings'],
    [{ aksk: [{ ak: 'a', sk: '' }] }, '"aksk" must be { ak, sk } pairs of non-empty strings'],
    [{ aksk: [{ ak: '', sk: 's' }] }, '"aksk" must be { ak, sk } pairs of non-empty strings'],
    [{ aksk: [{ ak: 1, sk: 's' }] }, '"aksk" must be { ak, sk } pairs of non-empty strings'],
    [{ aksk: [{ ak: 'a', sk: 1 }] }, '"aksk" must be { ak, sk } pairs of non-empty strings'],
    [{ aksk: [null] }, '"aksk" must be { ak, sk } pairs of non-empty strings'],
    [{ tokens: [], aksk: [] }, 'no token and no AK/SK pair'],
  ])('%j: %s', (json, what) => {
    expect(() => parseCredentials(json, 'creds.json')).toThrow(`creds.json: ${what}${EXPECTED}`);
  });

  it('names the file as told, "credentials" by default', () => {
    expect(() => parseCredentials({})).toThrow(/^credentials: no token/);
  });

  it('keeps tokens and pairs; either alone is enough', () => {
    expect(parseCredentials({ tokens: ['t'] })).toEqual({ tokens: new Set(['t']), secrets: new Map() });
    expect(parseCredentials({ aksk: [{ ak: 'a', sk: 's' }] })).toEqual({ tokens: new Set(), secrets: new Map([['a', 's']]) });
  });
});

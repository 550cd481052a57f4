// The signer's canonical forms, rule by rule, from Huawei's signing guide (API签名指南): URI
// segments and query strings percent-encoded except A-Z a-z 0-9 _ - . ~ with upper-case hex,
// query pairs sorted by name then value, header names lower-cased and values trimmed, and
// X-Sdk-Date in UTC YYYYMMDDTHHMMSSZ. Big inputs and key sizes are checked against node:crypto
// and Huawei's official signer.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSigningInput, canonicalQuery, canonicalUri, percentEncode, signRequest, signRequestSync } from '../../src/auth/sign-request.js';
import { hmacSha256Hex, sha256Hex } from '../../src/auth/sha256.js';
import { AKSKSigner, GUIDE_AKSK } from '../helpers/official-signer.js';

const NOW = new Date(Date.UTC(2019, 10, 15, 3, 36, 55));
const URL_ = 'https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/apps';

describe('percent-encoding (URI segments and query values)', () => {
  it('keeps exactly the unreserved characters, including the range ends A, Z, a, z, 0, 9', () => {
    expect(percentEncode('AZaz09_-.~')).toBe('AZaz09_-.~');
    expect(percentEncode('AZaz09_-.~ ')).toBe('AZaz09_-.~%20');
    expect(percentEncode('@[`{/:')).toBe('%40%5B%60%7B%2F%3A');
  });

  it('encodes bytes below 0x10 with two hex digits, and UTF-8 as upper-case bytes', () => {
    expect(percentEncode('a\nb\u0001')).toBe('a%0Ab%01');
    expect(percentEncode('应用 é')).toBe('%E5%BA%94%E7%94%A8%20%C3%A9');
  });

  it('signs a path segment that is not valid percent-encoding as written, and always ends the URI with /', () => {
    expect(canonicalUri('/v1.0/apigw/apps/%zz')).toBe('/v1.0/apigw/apps/%25zz/');
    expect(canonicalUri('/v1.0/apigw/apps/%E5%BA%94 x/')).toBe('/v1.0/apigw/apps/%E5%BA%94%20x/');
  });
});

describe('canonical query', () => {
  it('sorts by name, then by value, whatever order they came in', () => {
    expect(canonicalQuery(new URLSearchParams('b=1&a=2&a=1&a=10&c='))).toBe('a=1&a=10&a=2&b=1&c=');
    expect(canonicalQuery(new URLSearchParams('a=2&a=1'))).toBe('a=1&a=2');
    expect(canonicalQuery(new URLSearchParams('a=1&a=2'))).toBe('a=1&a=2');
    expect(canonicalQuery(new URLSearchParams('z=1&y=1&x=1'))).toBe('x=1&y=1&z=1');
  });

  it('sorts long lists too (the engine’s sort switches strategy past a few dozen items)', () => {
    const values = Array.from({ length: 80 }, (_, i) => `v${String((i * 37) % 80).padStart(2, '0')}`);
    const query = new URLSearchParams([...values.map((v) => ['k', v]), ...values.slice(0, 40).map((v) => ['j', v])]);
    const sorted = [...values].sort();
    expect(canonicalQuery(query)).toBe([...[...values.slice(0, 40)].sort().map((v) => `j=${v}`), ...sorted.map((v) => `k=${v}`)].join('&'));
  });
});

describe('signed headers', () => {
  it('lower-cases names, trims values, leaves out a given Authorization, and keeps a given Host', () => {
    const input = buildSigningInput(
      { method: 'post', url: URL_, headers: { 'Content-Type': '  application/json ', Authorization: 'SDK-HMAC-SHA256 old', Host: 'gateway.internal:8443' } },
      { now: NOW },
    );
    expect(input.signedHeaders).toBe('content-type;host;x-sdk-date');
    expect(input.canonicalRequest.split('\n').slice(0, 6)).toEqual([
      'POST',
      '/v1.0/apigw/apps/',
      '',
      'content-type:application/json',
      'host:gateway.internal:8443',
      'x-sdk-date:20191115T033655Z',
    ]);
  });

  it('takes Headers objects like records, and skips headers whose value is undefined or null', () => {
    const asRecord = signRequestSync({ method: 'GET', url: URL_, headers: { 'x-project-id': 'p1' } }, GUIDE_AKSK, { now: NOW });
    const asHeaders = signRequestSync({ method: 'GET', url: URL_, headers: new Headers({ 'X-Project-Id': 'p1' }) }, GUIDE_AKSK, { now: NOW });
    const withGaps = signRequestSync({ method: 'GET', url: URL_, headers: { 'x-project-id': 'p1', 'x-a': undefined, 'x-b': null } as never }, GUIDE_AKSK, {
      now: NOW,
    });
    expect(asHeaders).toEqual(asRecord);
    expect(withGaps).toEqual(asRecord);
    expect(asRecord.Authorization).toContain('SignedHeaders=host;x-project-id;x-sdk-date,');
  });
});

describe('X-Sdk-Date', () => {
  it('uses a given date as it is and adds none', () => {
    const signed = signRequestSync({ method: 'GET', url: URL_, headers: { 'X-Sdk-Date': '20240101T000000Z' } }, GUIDE_AKSK, { now: NOW });
    expect(signed['X-Sdk-Date']).toBeUndefined();
    expect(buildSigningInput({ method: 'GET', url: URL_, headers: { 'X-Sdk-Date': '20240101T000000Z' } }).date).toBe('20240101T000000Z');
  });

  it.each(['20240101T000000Zjunk', 'junk20240101T000000Z', '2024-01-01T00:00:00Z', '20240101T000000'])('refuses %j, quoting at most 40 characters', (date) => {
    expect(() => signRequestSync({ method: 'GET', url: URL_, headers: { 'x-sdk-date': date } }, GUIDE_AKSK)).toThrow(
      new TypeError(`signRequest: X-Sdk-Date must be UTC YYYYMMDDTHHMMSSZ (got ${JSON.stringify(date)})`),
    );
  });

  it('quotes no more than 40 characters of a bad date', () => {
    expect(() => signRequestSync({ method: 'GET', url: URL_, headers: { 'x-sdk-date': `${'9'.repeat(40)}END` } }, GUIDE_AKSK)).toThrow(
      `(got "${'9'.repeat(40)}")`,
    );
  });
});

describe('refusals name the input, never the secret', () => {
  it.each([
    [{ ak: '', sk: 'sk-1234' }, 'ak'],
    [{ ak: 'AK', sk: '' }, 'sk'],
    [{ ak: 'AK', sk: 42 }, 'sk'],
    [undefined, 'ak'],
  ])('credentials %j → %s', (credentials, field) => {
    expect(() => signRequestSync({ method: 'GET', url: URL_ }, credentials as never)).toThrow(
      new TypeError(`signRequest: ${field} must be a non-empty string`),
    );
  });

  it('a missing request or method', () => {
    expect(() => signRequestSync(undefined as never, GUIDE_AKSK)).toThrow(new TypeError('signRequest: method must be a non-empty string'));
    expect(() => signRequestSync({ method: '', url: URL_ }, GUIDE_AKSK)).toThrow(new TypeError('signRequest: method must be a non-empty string'));
  });

  it('a relative URL, quoting at most 200 characters of it', async () => {
    await expect(signRequest({ method: 'GET', url: '/v1.0/apigw/apps' }, GUIDE_AKSK)).rejects.toThrow(
      new TypeError('signRequest: url must be an absolute URL (got "/v1.0/apigw/apps")'),
    );
    expect(() => signRequestSync({ method: 'GET', url: `${'u'.repeat(200)}TAIL` }, GUIDE_AKSK)).toThrow(`(got "${'u'.repeat(200)}")`);
  });
});

describe('big inputs and key sizes', () => {
  it('a body far past the signer’s scratch buffer signs as Huawei’s official signer signs it', () => {
    const data = { name: 'app_001', remark: '应用'.repeat(3000) };
    const body = JSON.stringify(data);
    const headers = { 'content-type': 'application/json', 'X-Sdk-Date': '20191115T033655Z' };
    const ours = signRequestSync({ method: 'POST', url: URL_, headers, body }, GUIDE_AKSK);
    const sdk = AKSKSigner.sign(
      { endpoint: URL_, method: 'POST', headers: { ...headers }, queryParams: {}, data },
      { getAk: () => GUIDE_AKSK.ak, getSk: () => GUIDE_AKSK.sk },
    );
    expect(ours.Authorization).toBe(sdk.Authorization);
  });

  it('many secret keys in turn each sign as node:crypto does (the per-key cache never mixes them up)', () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 12; i++) {
        const sk = `secret-key-${i}`;
        const input = buildSigningInput({ method: 'GET', url: URL_ }, { now: NOW });
        const expected = createHmac('sha256', sk).update(input.stringToSign).digest('hex');
        expect(signRequestSync({ method: 'GET', url: URL_ }, { ak: 'AK', sk }, { now: NOW }).Authorization).toBe(
          `SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=${expected}`,
        );
      }
    }
  });

  it('hashes 3 MiB as node:crypto does (bit lengths past 2^24 in the padding)', () => {
    const data = randomBytes(3 * 1024 * 1024 + 7);
    expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it.each([63, 64, 65])('HMAC with a %i-byte key as node:crypto (a key longer than 64 bytes is hashed first)', (size) => {
    const key = randomBytes(size);
    const message = new TextEncoder().encode('SDK-HMAC-SHA256\n20191115T033655Z\nabc');
    expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', key).update(message).digest('hex'));
  });
});

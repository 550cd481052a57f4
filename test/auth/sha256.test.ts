// The hand-written SHA-256/HMAC equals Web Crypto byte for byte, across block boundaries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, hmacSha256HexKeyed, sha256, sha256Hex, toHex } from '../../src/auth/sha256.js';

const webDigest = async (data: Uint8Array) => toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource)));
const webHmac = async (key: Uint8Array, data: Uint8Array) => {
  const k = await crypto.subtle.importKey(
    'raw',
    (key.length ? key : new Uint8Array(1).subarray(0, 0)) as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return toHex(new Uint8Array(await crypto.subtle.sign('HMAC', k, data as BufferSource)));
};
// Lengths around the 64-byte block and the 56-byte padding edge, and some long inputs.
const length = fc.oneof(fc.constantFrom(0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129), fc.integer({ min: 0, max: 2000 }));
const bytes = length.chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));

describe('sha256', () => {
  it('hashes the FIPS 180-4 examples', () => {
    const enc = new TextEncoder();
    expect(toHex(sha256(enc.encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(enc.encode('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(enc.encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals Web Crypto on 400 generated inputs', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, async (data) => {
        const expected = await webDigest(data);
        expect(toHex(sha256(data))).toBe(expected);
        expect(sha256Hex(data)).toBe(expected);
      }),
      { seed: 256, numRuns: 400 },
    );
  });
});

describe('hmacSha256', () => {
  it('equals Web Crypto on 300 generated keys and messages (keys longer than a block too)', async () => {
    const key = fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.uint8Array({ minLength: 65, maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(key, bytes, async (k, m) => {
        const expected = await webHmac(k, m);
        expect(hmacSha256Hex(k, m)).toBe(expected);
        expect(hmacSha256HexKeyed(k)(m)).toBe(expected);
      }),
      { seed: 5104, numRuns: 300 },
    );
  });

  it('matches RFC 4231 test case 2', () => {
    const enc = new TextEncoder();
    expect(hmacSha256Hex(enc.encode('Jefe'), enc.encode('what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});

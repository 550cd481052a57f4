// The signer reproduces Huawei's published test vectors (signing guide; Go SDK signer tests).
import { describe, expect, it } from 'vitest';
import { buildSigningInput, signRequest } from '../../src/auth/sign-request.js';

describe('published SDK-HMAC-SHA256 test vectors', () => {
  it('official signing guide: GET …/vpcs?limit=2&marker=…', async () => {
    const request = {
      method: 'GET',
      url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': '20191115T033655Z' },
      body: '',
    };
    const credentials = { ak: 'QTWAOYTTINDUT2QVKYUC', sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' };
    const input = await buildSigningInput(request);
    const canonicalHash = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input.canonicalRequest))).toString('hex');
    expect(canonicalHash).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
    expect(await signRequest(request, credentials)).toEqual({
      Authorization:
        'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    });
  });

  // The Go SDK's test chooses to sign only x-sdk-date.
  const go = { ak: 'AccessKey', sk: 'SecretKey' };
  it.each([
    ['GET', 'https://example.huaweicloud.com/path?limit=1', '', '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624'],
    ['POST', 'https://example.huaweicloud.com/path?key=value', '{"Name":"test","Id":1}\n', 'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59'],
  ])('huaweicloud-sdk-go-v3 signer_test: %s %s', async (method, url, body, signature) => {
    const result = await signRequest({ method, url, headers: { 'X-Sdk-Date': '20060102T150405Z' }, body }, go, { signedHeaders: ['x-sdk-date'] });
    expect(result).toEqual({ Authorization: `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=${signature}` });
  });
});

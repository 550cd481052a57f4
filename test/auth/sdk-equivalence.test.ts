// Our Web Crypto signer and Huawei's official Node.js SDK signer (AKSKSigner) give the same
// headers on generated Create APP requests to both endpoints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/auth/sign-request.js';
import { AKSKSigner } from '../helpers/official-signer.js';

const id = fc.stringMatching(/^[a-z0-9]{1,32}$/);
const host = fc.constantFrom('apig.cn-north-4.myhuaweicloud.com', 'apig.ap-southeast-1.myhuaweicloud.com', '127.0.0.1:4010', 'localhost:8080');
const path = fc.oneof(
  fc.constant('/v1.0/apigw/apps'),
  fc.tuple(id, id).map(([project, instance]) => `/v1/${project}/apigw/instances/${instance}/apps`),
);
const text = fc.string({ unit: fc.constantFrom(...Array.from('abcXYZ019 _-.~!@#$%&*+=/?:中文应用😀')), maxLength: 12 });
const query = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), text, { maxKeys: 4 });
// Header names the SDK and Go order alike; values without surrounding spaces (the SDK does not trim).
const extraHeaders = fc.dictionary(
  fc.stringMatching(/^x-[a-z][a-z0-9-]{0,10}$/).filter((n) => n !== 'x-sdk-date'),
  fc.stringMatching(/^[!-~]([ -~]{0,20}[!-~])?$/),
  { maxKeys: 4 },
);
const body = fc.record(
  {
    name: fc.constantFrom('app_001', '测试应用_01', '应用一', 'App_Name_123'),
    remark: fc.string({ maxLength: 30 }),
    app_key: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{7,20}$/),
  },
  { requiredKeys: ['name'] },
);
const sdkDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, ''),
);
const credentials = fc.record({ ak: fc.stringMatching(/^[A-Z0-9]{20}$/), sk: fc.stringMatching(/^[A-Za-z0-9]{40}$/) });

describe('signRequest matches the official SDK signer', () => {
  it('on 300 generated requests to both endpoints', async () => {
    await fc.assert(
      fc.asyncProperty(
        host,
        path,
        query,
        extraHeaders,
        fc.option(body),
        fc.constantFrom('POST', 'GET'),
        sdkDate,
        credentials,
        async (h, p, q, extra, b, method, date, { ak, sk }) => {
          const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Sdk-Date': date, ...extra };
          const search = new URLSearchParams(q).toString();
          const url = `https://${h}${p}${search ? `?${search}` : ''}`;
          const sdk = AKSKSigner.sign(
            { endpoint: `https://${h}${p}`, method, headers: { ...headers }, queryParams: q, data: b ?? undefined },
            { getAk: () => ak, getSk: () => sk },
          );
          const ours = await signRequest({ method, url, headers, body: b ? JSON.stringify(b) : undefined }, { ak, sk });
          expect(ours.Authorization).toBe(sdk.Authorization);
        },
      ),
      { seed: 20261122, numRuns: 300 },
    );
  });

  // The lifecycle's methods and query strings: filters with non-ASCII values, repeated keys
  // (the SDK takes an array and signs each value), PUT and DELETE with and without a body.
  const lifecyclePath = fc.oneof(
    fc.constant('/v1.0/apigw/apps'),
    id.map((app) => `/v1.0/apigw/apps/secret/${app}`),
    fc.tuple(id, id, id).map(([project, instance, app]) => `/v2/${project}/apigw/instances/${instance}/apps/${app}`),
    fc.tuple(id, id, id).map(([project, instance, app]) => `/v1/${project}/apigw/instances/${instance}/apps/validation/${app}`),
  );
  const repeatedQuery = fc.dictionary(
    fc.constantFrom('name', 'app_key', 'creator', 'limit', 'offset', 'precise_search', '名称'),
    fc.array(text, { minLength: 1, maxLength: 3 }),
    { maxKeys: 4 },
  );

  it('on 300 generated GET, PUT, DELETE and POST requests with repeated and non-ASCII query values', async () => {
    await fc.assert(
      fc.asyncProperty(
        host,
        lifecyclePath,
        repeatedQuery,
        extraHeaders,
        fc.option(body),
        fc.constantFrom('GET', 'PUT', 'DELETE', 'POST'),
        sdkDate,
        credentials,
        async (h, p, q, extra, b, method, date, { ak, sk }) => {
          const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Sdk-Date': date, ...extra };
          const search = new URLSearchParams(Object.entries(q).flatMap(([k, vs]) => vs.map((v) => [k, v]))).toString();
          const url = `https://${h}${p}${search ? `?${search}` : ''}`;
          const queryParams = Object.fromEntries(Object.entries(q).map(([k, vs]) => [k, vs.length === 1 ? vs[0] : [...vs]]));
          const sdk = AKSKSigner.sign(
            { endpoint: `https://${h}${p}`, method, headers: { ...headers }, queryParams, data: b ?? undefined },
            { getAk: () => ak, getSk: () => sk },
          );
          const ours = await signRequest({ method, url, headers, body: b ? JSON.stringify(b) : undefined }, { ak, sk });
          expect(ours.Authorization).toBe(sdk.Authorization);
        },
      ),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it('adds X-Sdk-Date like the SDK when the request has none', async () => {
    const now = new Date('2026-11-22T08:09:10.123Z');
    const ours = await signRequest(
      { method: 'POST', url: 'https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/apps', headers: {}, body: '{"name":"app_001"}' },
      { ak: 'AK', sk: 'SK' },
      { now },
    );
    expect(ours['X-Sdk-Date']).toBe('20261122T080910Z');
    const sdk = AKSKSigner.sign(
      {
        endpoint: 'https://apig.cn-north-4.myhuaweicloud.com/v1.0/apigw/apps',
        method: 'POST',
        headers: { 'X-Sdk-Date': '20261122T080910Z' },
        queryParams: {},
        data: { name: 'app_001' },
      },
      { getAk: () => 'AK', getSk: () => 'SK' },
    );
    expect(ours.Authorization).toBe(sdk.Authorization);
  });
});

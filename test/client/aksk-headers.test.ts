// AK/SK requests carry exactly the headers the caller and the contract ask for, in any form the
// Fetch API allows (a record, a Headers object, an array of pairs; null or undefined to leave
// one out), and Huawei's official signer computes the same signature over what was sent.
import { describe, expect, it } from 'vitest';
import { createApigClient, deleteAppOnSharedGateway, listAppsOnDedicatedGatewayV2, showAppOnSharedGateway, type CallOptions } from '../../src/index.js';
import { GUIDE_AKSK, officialAuthorization } from '../helpers/official-signer.js';
import { fakeGateway } from '../helpers/fake-gateway.js';

const INSTANCE = { projectId: '73d69ae0cfcf460190522d06b60f05ad', instanceId: 'i1' };

function recorder() {
  const { sent, fetch } = fakeGateway(() => Response.json({ id: 'a1', name: 'app_001', total: 0, size: 0, apps: [] }));
  return {
    sent,
    client: createApigClient({ baseUrl: 'https://apig.cn-north-4.myhuaweicloud.com', auth: { ...GUIDE_AKSK, projectId: INSTANCE.projectId }, fetch }),
  };
}

const signedNames = (request: Request) => /SignedHeaders=([^,]+),/.exec(request.headers.get('authorization') ?? '')?.[1];

describe('caller headers in every form, signed as sent', () => {
  it.each([
    ['a record', { 'X-Trace-Id': 't-1' }],
    ['a Headers object', new Headers({ 'X-Trace-Id': 't-1' })],
    ['an array of pairs', [['X-Trace-Id', 't-1']]],
  ])('%s', async (_form, headers) => {
    const { sent, client } = recorder();
    await showAppOnSharedGateway(client, 'a1', { headers } as unknown as CallOptions);
    const request = sent[0]!;
    expect(request.headers.get('x-trace-id')).toBe('t-1');
    expect(request.headers.get('x-project-id')).toBe(INSTANCE.projectId);
    expect(signedNames(request)).toBe('host;x-project-id;x-sdk-date;x-trace-id');
    expect(request.headers.get('authorization')).toBe(await officialAuthorization(request));
  });

  it('a raw client call without params is signed too', async () => {
    const { sent, client } = recorder();
    await client.POST('/v1.0/apigw/apps', { body: { name: 'app_001' } });
    expect(sent[0]!.headers.get('content-type')).toBe('application/json');
    expect(signedNames(sent[0]!)).toBe('content-type;host;x-project-id;x-sdk-date');
    expect(sent[0]!.headers.get('authorization')).toBe(await officialAuthorization(sent[0]!));
  });

  it('a bodiless call sends and signs no content type', async () => {
    const { sent, client } = recorder();
    await deleteAppOnSharedGateway(client, 'a1');
    expect(sent[0]!.headers.get('content-type')).toBeNull();
    expect(signedNames(sent[0]!)).toBe('host;x-project-id;x-sdk-date');
    expect(sent[0]!.headers.get('authorization')).toBe(await officialAuthorization(sent[0]!));
  });

  it('a caller’s Content-Type replaces the JSON default in any letter case, and is what is signed', async () => {
    const { sent, client } = recorder();
    await client.PUT('/v1.0/apigw/apps/{id}', {
      params: { path: { id: 'a1' } },
      body: { name: 'app_001' },
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
    });
    expect(sent[0]!.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(sent[0]!.headers.get('authorization')).toBe(await officialAuthorization(sent[0]!));
  });

  it('null or undefined leaves a header out, the project header included', async () => {
    const { sent, client } = recorder();
    await showAppOnSharedGateway(client, 'a1', { headers: { 'X-Project-Id': null, 'X-Trace-Id': undefined } } as unknown as CallOptions);
    expect(sent[0]!.headers.get('x-project-id')).toBeNull();
    expect(sent[0]!.headers.has('x-trace-id')).toBe(false);
    expect(signedNames(sent[0]!)).toBe('host;x-sdk-date');
    expect(sent[0]!.headers.get('authorization')).toBe(await officialAuthorization(sent[0]!));
  });

  it('a call with a query string keeps the project header and the caller’s headers', async () => {
    const { sent, client } = recorder();
    await listAppsOnDedicatedGatewayV2(client, INSTANCE, { name: 'app_001' }, { limit: 5 }, { headers: { 'X-Trace-Id': 't-2' } });
    const request = sent[0]!;
    expect(new URL(request.url).search).toBe('?name=app_001&limit=5');
    expect(request.headers.get('x-project-id')).toBe(INSTANCE.projectId);
    expect(request.headers.get('x-trace-id')).toBe('t-2');
    expect(request.headers.get('authorization')).toBe(await officialAuthorization(request));
  });
});

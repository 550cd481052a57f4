// What a caller reads when the client refuses a call before sending it: the message names the
// operation and the part that broke the contract (body, query, path parameters, gateway), not
// always "the Create APP body". Programming mistakes (an unknown schema name, a password in
// baseUrl) are clear TypeErrors that never repeat a secret.
import { describe, expect, it } from 'vitest';
import { createApigClient, listAppsPage, showApp, updateApp, deleteApp, resetAppSecret, verifyApp, type Gateway } from '../../src/index.js';
import { createAppOnSharedGateway } from '../../src/index.js';
import { operationName } from '../../src/client/operation-name.js';
import { validateRequestBody } from '../../src/validation.js';

// Never reached: every call below is refused before anything is sent.
const unreachable: typeof fetch = () => Promise.reject(new Error('nothing may be sent'));
const client = createApigClient({ baseUrl: 'http://127.0.0.1:9', auth: { token: 'tok-messages' }, fetch: unreachable });
const shared: Gateway = { gateway: 'shared' };
const v2: Gateway = { gateway: 'dedicatedV2', projectId: 'p1', instanceId: 'i1' };

async function refusal(outcome: Promise<{ ok: boolean; error?: { kind: string; message: string } }>) {
  const result = await outcome;
  expect(result.ok).toBe(false);
  expect(result.error?.kind).toBe('validation');
  return result.error!.message;
}

describe('a refused call says which operation and which part', () => {
  it('a show with an empty id: the path parameters of Show APP', async () => {
    expect(await refusal(showApp(client, shared, ''))).toBe(
      'The Show APP path parameters (GET /v1.0/apigw/apps/{id}) break the contract and the call was not sent: appId must be a non-empty string (path parameter id)',
    );
  });

  it('a list with a limit past 32 bits: the query of List APPs', async () => {
    const message = await refusal(listAppsPage(client, v2, {}, { limit: 2 ** 31 }));
    expect(message).toMatch(
      /^The List APPs query \(GET \/v2\/\{project_id\}\/apigw\/instances\/\{instance_id\}\/apps\) breaks the contract and it was not sent: limit /,
    );
  });

  it('an unknown gateway name: the call names no generation', async () => {
    const message = await refusal(showApp(client, { gateway: 'v3' } as unknown as Gateway, 'a1'));
    expect(message).toBe("The call names no gateway generation of the contract and was not sent: gateway must be 'shared', 'dedicated' or 'dedicatedV2'");
  });

  it('each body names its operation: Create, Update, Reset APP secret', async () => {
    expect(await refusal(createAppOnSharedGateway(client, { name: '1x' }))).toMatch(
      /^The Create APP body \(POST \/v1\.0\/apigw\/apps\) breaks the contract and it was not sent: name /,
    );
    expect(await refusal(updateApp(client, v2, 'a1', { name: '1x' }))).toMatch(
      /^The Update APP body \(PUT \/v2\/\{project_id\}\/apigw\/instances\/\{instance_id\}\/apps\/\{app_id\}\) breaks the contract and it was not sent: name /,
    );
    expect(await refusal(resetAppSecret(client, shared, 'a1', { app_secret: 'short' }))).toMatch(
      /^The Reset APP secret body \(PUT \/v1\.0\/apigw\/apps\/secret\/\{id\}\) breaks the contract and it was not sent: app_secret /,
    );
  });

  it('delete and verify name themselves too', async () => {
    expect(await refusal(deleteApp(client, v2, ''))).toMatch(/^The Delete APP path parameters \(DELETE \/v2\/.*\/apps\/\{app_id\}\) break the contract/);
    expect(await refusal(verifyApp(client, shared, ''))).toMatch(
      /^The Verify APP path parameters \(GET \/v1\.0\/apigw\/apps\/validation\/\{id\}\) break the contract/,
    );
  });
});

describe('operationName', () => {
  it('names every operation of every generation, and falls back to method and path', () => {
    expect(operationName('POST', '/v2/{project_id}/apigw/instances/{instance_id}/apps')).toBe('Create APP');
    expect(operationName('GET', '/v1.0/apigw/apps')).toBe('List APPs');
    expect(operationName('GET', '/v1.0/apigw/apps/{id}')).toBe('Show APP');
    expect(operationName('PUT', '/v1/{project_id}/apigw/instances/{instance_id}/apps/{id}')).toBe('Update APP');
    expect(operationName('DELETE', '/v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}')).toBe('Delete APP');
    expect(operationName('PUT', '/v2/{project_id}/apigw/instances/{instance_id}/apps/secret/{app_id}')).toBe('Reset APP secret');
    expect(operationName('GET', '/v1.0/apigw/apps/validation/{id}')).toBe('Verify APP');
    expect(operationName('PATCH', '/v1.0/apigw/apps/{id}')).toBe('PATCH /v1.0/apigw/apps/{id}');
  });
});

describe('programming mistakes are clear TypeErrors', () => {
  it('an unknown schema name is quoted short (60 characters at most)', () => {
    expect(() => validateRequestBody('X'.repeat(100) as never, {})).toThrow(`validateRequestBody: "${'X'.repeat(60)}" is not a request body schema`);
  });

  it('validateRequestBody with a schema the contract does not have names the ones it has', () => {
    expect(() => validateRequestBody('NoSuchSchema' as never, {})).toThrow(
      new TypeError(
        'validateRequestBody: "NoSuchSchema" is not a request body schema of the contract; the schemas are AppAclRequestV2, AppQuotaRequestV2, AuthorizeAppsRequest, BindAppsToAppQuotaRequestV2, CreateAiApiKeyRequestV2, CreateAppCodeRequest, CreateAppCodeRequestV2, CreateAppRequest, CreateAppRequestV2, ResetAppSecretRequest, ResetAppSecretRequestV2, UpdateAppRequestV2',
      ),
    );
  });

  it('a user and password in baseUrl are refused without being repeated', () => {
    let thrown: unknown;
    try {
      createApigClient({ baseUrl: 'https://alice:pa55word-secret@apig.cn-north-4.myhuaweicloud.com', auth: { token: 't0k3n' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(String(thrown)).toBe('TypeError: createApigClient: baseUrl must not carry a user or password (user:password@host); give credentials in auth');
    expect(() => createApigClient({ baseUrl: 'http://bob@127.0.0.1:4010', auth: { token: 't0k3n' } })).toThrow(/must not carry a user or password/);
    // An @ after the host (a path, or a URL in the query) is not userinfo.
    expect(createApigClient({ baseUrl: 'https://apig.cn-north-4.myhuaweicloud.com/path@v1', auth: { token: 't0k3n' } })).toBeDefined();
    expect(createApigClient({ baseUrl: 'https://apig.example.com/?next=https://a@b', auth: { token: 't0k3n' } })).toBeDefined();
  });
});

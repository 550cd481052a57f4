// A 401 says which check refused the credential: the cloud's front door (APIGW.0301, APIG.0301
// in older regions) with the FAQ's messages (Huawei's API Request Signing Guide and APIG FAQ,
// "Common Errors Related to IAM Authentication Information"), or the APP API's own codes
// (APIG.1000 no credential, APIG.1002 incorrect token). Expectations are the FAQ's wording.
import { describe, expect, it } from 'vitest';
import { ApigError, credentialRefusalOf } from '../../src/index.js';

const FAQ = 'Incorrect IAM authentication information: ';

describe('credentialRefusalOf', () => {
  it.each([
    ['APIGW.0301', `${FAQ}decrypt token fail`, 'token-not-decrypted'],
    ['APIGW.0301', `${FAQ}verify aksk signature fail, more text`, 'signature-mismatch'],
    ['APIG.0301', `${FAQ}verify aksk signature fail`, 'signature-mismatch'],
    ['APIGW.0301', `${FAQ}Get secretKey failed,ak:AK1,err:ak not exist`, 'unknown-ak'],
    ['APIGW.0301', `${FAQ}AK access failed to reach the limit,forbidden.`, 'ak-locked'],
    ['APIGW.0301', `${FAQ}something new`, 'front-door'],
    ['APIG.1000', 'Token missing', 'missing-credential'],
    ['APIG.1002', 'Incorrect token or token resolution failed', 'incorrect-token'],
  ] as const)('%s "%s" → %s', (code, message, refusal) => {
    expect(credentialRefusalOf(401, code, message)).toBe(refusal);
  });

  it('only on a 401, and only for those codes', () => {
    expect(credentialRefusalOf(403, 'APIGW.0301', `${FAQ}decrypt token fail`)).toBeUndefined();
    expect(credentialRefusalOf(401, 'APIG.1005', 'Forbidden')).toBeUndefined();
    expect(credentialRefusalOf(401, undefined, 'no body')).toBeUndefined();
    expect(credentialRefusalOf(401, 'APIGW.03010', `${FAQ}decrypt token fail`)).toBeUndefined();
    expect(credentialRefusalOf(401, 'XAPIG.0301', `${FAQ}decrypt token fail`)).toBeUndefined();
  });
});

describe('ApigError on a 401', () => {
  it('says which check refused the credential, in the message and as credentialRefusal', () => {
    const locked = new ApigError(401, 'APIGW.0301', `${FAQ}AK access failed to reach the limit,forbidden.`, 'r1');
    expect(locked.credentialRefusal).toBe('ak-locked');
    expect(locked.message).toBe(
      `APIGW.0301 (HTTP 401): ${FAQ}AK access failed to reach the limit,forbidden. (the AK is locked for 5 minutes after 5 failed authentications in a row; wait before trying again) [request id r1]`,
    );
    expect(locked.toJSON()).toMatchObject({ credentialRefusal: 'ak-locked', errorCode: 'APIGW.0301', requestId: 'r1' });
    const signature = new ApigError(401, 'APIGW.0301', `${FAQ}verify aksk signature fail`, undefined);
    expect(signature.message).toBe(
      `APIGW.0301 (HTTP 401): ${FAQ}verify aksk signature fail (the AK/SK signature did not verify at the cloud’s front door (a wrong SK, or X-Sdk-Date more than 15 minutes from the gateway’s clock))`,
    );
    for (const [code, message, words] of [
      ['APIGW.0301', `${FAQ}decrypt token fail`, 'could not decrypt the IAM token'],
      ['APIGW.0301', `${FAQ}Get secretKey failed,ak:AK1,err:ak not exist`, 'does not know the AK'],
      ['APIGW.0301', `${FAQ}new`, 'front door refused the credential'],
      ['APIG.1000', 'Token missing', 'carried no credential'],
      ['APIG.1002', 'Incorrect token or token resolution failed', 'found the token incorrect'],
    ])
      expect(new ApigError(401, code, message!, undefined).message).toContain(words);
  });

  it('adds nothing to other errors', () => {
    const other = new ApigError(400, 'APIG.2011', 'Invalid parameter value,parameterName:name', 'r2');
    expect(other.credentialRefusal).toBeUndefined();
    expect(other.message).toBe('APIG.2011 (HTTP 400): Invalid parameter value,parameterName:name [request id r2]');
    expect(other.toJSON()).toEqual({
      name: 'ApigError',
      kind: 'api',
      status: 400,
      errorCode: 'APIG.2011',
      errorMsg: 'Invalid parameter value,parameterName:name',
      requestId: 'r2',
      credentialRefusal: undefined,
    });
  });
});

describe('against the mock in credentials mode', () => {
  it('a wrong SK comes back as signature-mismatch, an unknown AK as unknown-ak', async () => {
    const { startMockServer } = await import('../../mock/server/index.mjs');
    const { createApigClient, listAppsPage } = await import('../../src/index.js');
    const mock = await startMockServer({ port: 0, credentials: { aksk: [{ ak: 'REFUSALAK', sk: 'refusal-secret' }] } });
    try {
      const wrong = await listAppsPage(createApigClient({ baseUrl: mock.url, auth: { ak: 'REFUSALAK', sk: 'not-it' } }), {
        gateway: 'dedicatedV2',
        projectId: 'p1',
        instanceId: 'i1',
      });
      expect(!wrong.ok && wrong.error).toMatchObject({ kind: 'api', status: 401, errorCode: 'APIGW.0301', credentialRefusal: 'signature-mismatch' });
      const unknown = await listAppsPage(createApigClient({ baseUrl: mock.url, auth: { ak: 'NOSUCHAK', sk: 'x' } }), {
        gateway: 'dedicatedV2',
        projectId: 'p1',
        instanceId: 'i1',
      });
      expect(!unknown.ok && unknown.error).toMatchObject({ credentialRefusal: 'unknown-ak' });
      expect(JSON.stringify(!wrong.ok && wrong.error)).not.toContain('not-it');
    } finally {
      await mock.close();
    }
  });
});

// The conformance suite's target from the environment (scripts/dev/conformance-target.mjs): one set
// of names everywhere, Huawei's SDK convention (HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK, and
// HUAWEICLOUD_SDK_TOKEN for an IAM token), with the names the suite read before (APIG_AUTH_TOKEN,
// APIG_AK, APIG_SK) still read as aliases; the SDK name wins when both are set (issue 25).
import { describe, expect, it } from 'vitest';
import { targetFromEnvironment } from '../../scripts/dev/conformance-target.mjs';

const BASE = { APIG_BASE_URL: 'http://127.0.0.1:4010/' };
const problems = (env: Record<string, string>) => {
  try {
    targetFromEnvironment({ ...BASE, ...env });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the target to be refused');
};

describe('credentials', () => {
  it('the SDK names: HUAWEICLOUD_SDK_TOKEN, or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK', () => {
    expect(targetFromEnvironment({ ...BASE, HUAWEICLOUD_SDK_TOKEN: 'tok' })).toEqual({ baseUrl: 'http://127.0.0.1:4010', auth: { token: 'tok' } });
    expect(targetFromEnvironment({ ...BASE, HUAWEICLOUD_SDK_AK: 'AK1', HUAWEICLOUD_SDK_SK: 'SK1' })).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      auth: { ak: 'AK1', sk: 'SK1' },
    });
  });

  it('the old names still read: APIG_AUTH_TOKEN, APIG_AK and APIG_SK', () => {
    expect(targetFromEnvironment({ ...BASE, APIG_AUTH_TOKEN: 'old-tok' })?.auth).toEqual({ token: 'old-tok' });
    expect(targetFromEnvironment({ ...BASE, APIG_AK: 'OLDAK', APIG_SK: 'old-sk' })?.auth).toEqual({ ak: 'OLDAK', sk: 'old-sk' });
    // Each read on its own: a pair may mix the two spellings.
    expect(targetFromEnvironment({ ...BASE, HUAWEICLOUD_SDK_AK: 'AK1', APIG_SK: 'old-sk' })?.auth).toEqual({ ak: 'AK1', sk: 'old-sk' });
  });

  it('both set: the SDK name wins', () => {
    expect(targetFromEnvironment({ ...BASE, HUAWEICLOUD_SDK_TOKEN: 'new-tok', APIG_AUTH_TOKEN: 'old-tok' })?.auth).toEqual({ token: 'new-tok' });
    expect(targetFromEnvironment({ ...BASE, HUAWEICLOUD_SDK_AK: 'NEWAK', HUAWEICLOUD_SDK_SK: 'new-sk', APIG_AK: 'OLDAK', APIG_SK: 'old-sk' })?.auth).toEqual({
      ak: 'NEWAK',
      sk: 'new-sk',
    });
    // An empty SDK variable is not set: the alias is read.
    expect(targetFromEnvironment({ ...BASE, HUAWEICLOUD_SDK_TOKEN: '', APIG_AUTH_TOKEN: 'old-tok' })?.auth).toEqual({ token: 'old-tok' });
  });

  it('messages name the SDK variables, never a value', () => {
    const none = problems({});
    expect(none).toContain(
      'no credentials: set HUAWEICLOUD_SDK_TOKEN (an IAM token; any value for a mock started without --credentials), or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK',
    );
    expect(none).toContain(
      'The suite reads APIG_BASE_URL, then HUAWEICLOUD_SDK_TOKEN, or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (their old names APIG_AUTH_TOKEN, APIG_AK and APIG_SK are read too)',
    );
    expect(problems({ APIG_AK: 'only-the-ak' })).toContain('HUAWEICLOUD_SDK_SK is missing: AK/SK signing needs both HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK');
    expect(problems({ HUAWEICLOUD_SDK_SK: 'only-the-sk' })).toContain('HUAWEICLOUD_SDK_AK is missing');
    const both = problems({ HUAWEICLOUD_SDK_TOKEN: 'tok-secret', APIG_AK: 'AK-secret', HUAWEICLOUD_SDK_SK: 'sk-secret' });
    expect(both).toContain('give either a token or an AK/SK pair, not both (set: HUAWEICLOUD_SDK_TOKEN, APIG_AK, HUAWEICLOUD_SDK_SK)');
    expect(both).not.toMatch(/secret/);
  });
});

// APP access control (APP访问控制) through the client against the stateful mock: what the current v2
// pages say each call does (set answers 201 with the list, show reads it back, delete answers 204),
// the body checked before sending (an ACL value that is no IP, range or CIDR is refused with the rule),
// and the decisions where the pages are silent (an APP without a list shows its id alone).
import { describe, expect, it } from 'vitest';
import { ApigError, ApigValidationError, deleteAppAcl, setAppAcl, showAppAcl } from '../../src/index.js';
import { deleteApp } from '../../src/client/app-lifecycle.js';
import { familyMock } from '../helpers/v2-family-mock.js';

const INSTANCE = { projectId: 'p-acl', instanceId: 'i-acl' };
const V2 = { gateway: 'dedicatedV2', ...INSTANCE } as const;
// The page's request example (Configuring Access Control Settings for an App).
const PAGE_VALUES = ['192.168.0.1', '192.168.0.5-192.168.0.10', '192.168.0.100/28'];

const { client, newApp, requestsSent } = familyMock(INSTANCE, 'MIIZtoken-acl-0123');

describe('APP access control', () => {
  it('set answers 201 with the list as set; show reads it back; delete answers 204 and show has the id alone', async () => {
    const appId = await newApp('acl_lifecycle');
    const set = await setAppAcl(client(), INSTANCE, appId, { app_acl_type: 'PERMIT', app_acl_values: PAGE_VALUES });
    expect(set.ok && set.status).toBe(201);
    expect(set.ok && set.data).toEqual({ app_id: appId, app_acl_type: 'PERMIT', app_acl_values: PAGE_VALUES });
    const shown = await showAppAcl(client(), INSTANCE, appId);
    expect(shown.ok && shown.data).toEqual({ app_id: appId, app_acl_type: 'PERMIT', app_acl_values: PAGE_VALUES });
    const replaced = await setAppAcl(client(), V2, appId, { app_acl_type: 'DENY', app_acl_values: ['10.0.0.0/8'] });
    expect(replaced.ok && replaced.data).toEqual({ app_id: appId, app_acl_type: 'DENY', app_acl_values: ['10.0.0.0/8'] });
    const deleted = await deleteAppAcl(client(), INSTANCE, appId);
    expect(deleted.ok && deleted.status).toBe(204);
    const after = await showAppAcl(client(), INSTANCE, appId);
    expect(after.ok && after.data).toEqual({ app_id: appId });
  });

  it('an APP that does not exist: 404 APIG.3004 (the pages’ example) on each', async () => {
    for (const outcome of [
      await showAppAcl(client(), INSTANCE, 'no-such-app'),
      await setAppAcl(client(), INSTANCE, 'no-such-app', { app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] }),
      await deleteAppAcl(client(), INSTANCE, 'no-such-app'),
    ]) {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error).toBeInstanceOf(ApigError);
      expect((outcome.error as ApigError).status).toBe(404);
      expect((outcome.error as ApigError).errorCode).toBe('APIG.3004');
    }
  });

  it('deleting the APP takes its list with it', async () => {
    const appId = await newApp('acl_with_app');
    await setAppAcl(client(), INSTANCE, appId, { app_acl_type: 'DENY', app_acl_values: ['1.1.1.1'] });
    await deleteApp(client(), V2, appId);
    const shown = await showAppAcl(client(), INSTANCE, appId);
    expect(!shown.ok && (shown.error as ApigError).status).toBe(404);
    const recreated = await newApp('acl_with_app');
    const fresh = await showAppAcl(client(), INSTANCE, recreated);
    expect(fresh.ok && fresh.data).toEqual({ app_id: recreated });
  });

  it.each([
    [
      { app_acl_type: 'PERMIT', app_acl_values: ['1.2.3.256'] },
      'app_acl_values',
      'characters',
      /entry 0 does not follow its rule.*IPv4 address.*IP范围以英文中划线分隔/,
    ],
    [{ app_acl_type: 'PERMIT', app_acl_values: ['10.0.0.0/33'] }, 'app_acl_values', 'characters', /entry 0/],
    [{ app_acl_type: 'permit', app_acl_values: ['1.1.1.1'] }, 'app_acl_type', 'enum', /must be one of PERMIT, DENY.*白名单类型/],
    [{ app_acl_type: 'PERMIT', app_acl_values: [] }, 'app_acl_values', 'minLength', /at least 1/],
    [{ app_acl_values: ['1.1.1.1'] }, 'app_acl_type', 'required', /是否必选/],
  ])('%j is refused before sending: %s breaks %s', async (body, field, rule, message) => {
    const before = requestsSent();
    const appId = 'any-app';
    const outcome = await setAppAcl(client(), INSTANCE, appId, body as never);
    expect(requestsSent()).toBe(before);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(ApigValidationError);
    const issue = (outcome.error as ApigValidationError).issues.find((i) => i.field === field);
    expect(issue?.rule).toBe(rule);
    expect(issue?.message).toMatch(message);
  });

  it('an instance of another generation, or none, is refused, not sent', async () => {
    const before = requestsSent();
    const outcome = await showAppAcl(client(), { gateway: 'dedicated', ...INSTANCE } as never, 'a');
    expect(outcome.ok).toBe(false);
    const noApp = await showAppAcl(client(), INSTANCE, '');
    expect(noApp.ok).toBe(false);
    expect(requestsSent()).toBe(before);
  });
});

// The v2 families' state in-process (mock/server/family-store.mjs), as the current v2 pages state
// it: APP access control per APP, its routes on v2 only, and what deleting an APP takes with it.
import { describe, expect, it } from 'vitest';
import { AppStore } from '../../../mock/server/app-store.mjs';
import { familyRouteOf } from '../../../mock/server/family-store.mjs';

const TENANT = 'v2 p i';
const store = () => {
  const s = new AppStore();
  const created = s.handle({ generation: 'v2', kind: 'create', tenant: TENANT, body: { name: 'acl_app' } }) as { body: { id: string } };
  return { s, id: created.body.id };
};
const acl = (s: AppStore, kind: string, appId: string, body?: Record<string, unknown>) => s.handle({ generation: 'v2', kind, tenant: TENANT, appId, body });

describe('family routes', () => {
  it.each([
    ['GET', 'showAcl'],
    ['PUT', 'setAcl'],
    ['DELETE', 'deleteAcl'],
  ])('%s …/apps/{app_id}/app-acl is %s, on v2 only', (method, kind) => {
    expect(familyRouteOf(method, '/v2/p%201/apigw/instances/i/apps/a%2Fb/app-acl')).toEqual({
      generation: 'v2',
      kind,
      params: { project_id: 'p 1', instance_id: 'i' },
      appId: 'a/b',
    });
    expect(familyRouteOf(method, '/v1/p/apigw/instances/i/apps/a/app-acl')).toBeUndefined();
    expect(familyRouteOf(method, '/v1.0/apigw/apps/a/app-acl')).toBeUndefined();
  });

  it('knows no other method or path', () => {
    expect(familyRouteOf('POST', '/v2/p/apigw/instances/i/apps/a/app-acl')).toBeUndefined();
    expect(familyRouteOf('GET', '/v2/p/apigw/instances/i/apps/a/app-acl/x')).toBeUndefined();
    expect(familyRouteOf('GET', '/v2/p/apigw/instances/i/apps/a')).toBeUndefined();
  });
});

describe('APP access control', () => {
  it('set replaces, show reads, delete removes (again: still 204); an APP without one shows its id alone', () => {
    const { s, id } = store();
    expect(acl(s, 'showAcl', id)).toEqual({ status: 200, body: { app_id: id } });
    expect(acl(s, 'setAcl', id, { app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] })).toEqual({
      status: 201,
      body: { app_id: id, app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] },
    });
    acl(s, 'setAcl', id, { app_acl_type: 'DENY', app_acl_values: ['2.2.2.2', '3.3.3.0/24'] });
    expect(acl(s, 'showAcl', id)).toEqual({ status: 200, body: { app_id: id, app_acl_type: 'DENY', app_acl_values: ['2.2.2.2', '3.3.3.0/24'] } });
    expect(acl(s, 'deleteAcl', id)).toEqual({ status: 204 });
    expect(acl(s, 'deleteAcl', id)).toEqual({ status: 204 });
    expect(acl(s, 'showAcl', id)).toEqual({ status: 200, body: { app_id: id } });
  });

  it('the stored list is a copy: changing the request body afterwards changes nothing', () => {
    const { s, id } = store();
    const values = ['1.1.1.1'];
    acl(s, 'setAcl', id, { app_acl_type: 'PERMIT', app_acl_values: values });
    values.push('9.9.9.9');
    expect(acl(s, 'showAcl', id)).toEqual({ status: 200, body: { app_id: id, app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] } });
  });

  it('a missing APP is 404 APIG.3004 naming it, on each', () => {
    const { s } = store();
    for (const kind of ['showAcl', 'setAcl', 'deleteAcl']) {
      expect(acl(s, kind, 'nope', { app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] })).toEqual({
        status: 404,
        body: { error_code: 'APIG.3004', error_msg: 'App nope does not exist' },
      });
    }
  });

  it('deleting the APP forgets its list; another tenant never sees it', () => {
    const { s, id } = store();
    acl(s, 'setAcl', id, { app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] });
    expect(s.handle({ generation: 'v2', kind: 'showAcl', tenant: 'v2 p other', appId: id }).status).toBe(404);
    s.handle({ generation: 'v2', kind: 'delete', tenant: TENANT, appId: id });
    expect(s.apps(TENANT, false).acls.has(id)).toBe(false);
  });

  it('reset forgets every list', () => {
    const { s, id } = store();
    acl(s, 'setAcl', id, { app_acl_type: 'PERMIT', app_acl_values: ['1.1.1.1'] });
    s.reset();
    expect(s.apps(TENANT, false).acls.size).toBe(0);
  });
});

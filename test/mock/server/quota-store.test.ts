// Client quotas in the mock, in-process (mock/server/quota-store.mjs), as the current v2 pages say:
// names unique on the instance (APIG.3325), one quota per APP, the bound and bindable lists,
// bound_app_num, reset_time in the two forms the pages answer, deleting a quota unbinds its APPs.
import { describe, expect, it } from 'vitest';
import { AppStore, GRANT_KINDS } from '../../../mock/server/app-store.mjs';
import { FAMILY_KINDS, familyRouteOf } from '../../../mock/server/family-store.mjs';

const TENANT = 'v2 p i';
const QUOTA = { name: 'ClientQuota_demo', call_limits: 1000, time_unit: 'DAY', time_interval: 1, reset_time: '2020-09-20 00:00:00' };
function setUp(appCount = 2) {
  const s = new AppStore();
  const apps = Array.from(
    { length: appCount },
    (_, i) => (s.handle({ generation: 'v2', kind: 'create', tenant: TENANT, body: { name: `quota_app_${i}` } }) as any).body.id as string,
  );
  const q = (kind: string, extra: Record<string, unknown> = {}) =>
    s.handle({ generation: 'v2', kind, tenant: TENANT, ...extra }) as { status: number; body: any };
  return { s, apps, q };
}

describe('routes', () => {
  it.each([
    ['POST', '/app-quotas', { kind: 'createQuota' }],
    ['GET', '/app-quotas', { kind: 'listQuotas' }],
    ['GET', '/app-quotas/q%201', { kind: 'showQuota', itemId: 'q 1' }],
    ['PUT', '/app-quotas/q1', { kind: 'updateQuota', itemId: 'q1' }],
    ['DELETE', '/app-quotas/q1', { kind: 'deleteQuota', itemId: 'q1' }],
    ['POST', '/app-quotas/q1/binding-apps', { kind: 'bindQuotaApps', itemId: 'q1' }],
    ['GET', '/app-quotas/q1/bound-apps', { kind: 'quotaBoundApps', itemId: 'q1' }],
    ['DELETE', '/app-quotas/q1/bound-apps/a%2F1', { kind: 'unbindQuotaApp', itemId: 'q1', appId: 'a/1' }],
    ['GET', '/app-quotas/q1/bindable-apps', { kind: 'quotaBindableApps', itemId: 'q1' }],
    ['GET', '/apps/a1/bound-quota', { kind: 'quotaOfApp', appId: 'a1' }],
  ])('%s …%s', (method, rest, expected) => {
    expect(familyRouteOf(method, `/v2/p/apigw/instances/i${rest}`)).toEqual({ generation: 'v2', params: { project_id: 'p', instance_id: 'i' }, ...expected });
  });

  it.each([
    ['PATCH', '/app-quotas'],
    ['DELETE', '/app-quotas/q1/binding-apps'],
    ['POST', '/app-quotas/q1/binding-apps/a1'],
    ['GET', '/app-quotas/q1/bound-apps/a1'],
    ['GET', '/app-quotas/q1/bindable-apps/a1'],
    ['PUT', '/apps/a1/bound-quota'],
    ['GET', '/app-quotas/q1/other'],
  ])('%s …%s is no route', (method, rest) => {
    expect(familyRouteOf(method, `/v2/p/apigw/instances/i${rest}`)).toBeUndefined();
  });

  it('no family operation shares a name with an authorization one (the store dispatches by name)', () => {
    expect([...FAMILY_KINDS].filter((kind) => GRANT_KINDS.has(kind))).toEqual([]);
  });
});

describe('client quotas', () => {
  it('create answers reset_time as sent; show, list and the APP’s quota in the pages’ read form with bound_app_num', () => {
    const { apps, q } = setUp();
    const created = q('createQuota', { body: QUOTA });
    expect(created).toEqual({
      status: 201,
      body: { app_quota_id: expect.stringMatching(/^[0-9a-f]{32}$/), ...QUOTA, create_time: expect.any(String) },
    });
    const id = created.body.app_quota_id;
    const read = { ...created.body, reset_time: '2020-09-20 00:00:00 +0000 +0000', bound_app_num: 0 };
    expect(q('showQuota', { itemId: id })).toEqual({ status: 200, body: read });
    expect(q('listQuotas', { query: {} }).body).toEqual({ total: 1, size: 1, quotas: [read] });
    q('bindQuotaApps', { itemId: id, body: { app_ids: [apps[0]] } });
    expect(q('quotaOfApp', { appId: apps[0] })).toEqual({ status: 200, body: { ...read, bound_app_num: 1 } });
  });

  it('a quota without reset_time or remark sends neither', () => {
    const { q } = setUp();
    const { body } = q('createQuota', { body: { name: 'bare_quota', call_limits: 5, time_unit: 'SECOND', time_interval: 3 } });
    expect(Object.keys(body).sort()).toEqual(['app_quota_id', 'call_limits', 'create_time', 'name', 'time_interval', 'time_unit']);
    expect(q('showQuota', { itemId: body.app_quota_id }).body).not.toHaveProperty('reset_time');
  });

  it('names are unique on the instance, on create and on update (keeping its own name is no conflict)', () => {
    const { q } = setUp();
    const first = q('createQuota', { body: QUOTA }).body.app_quota_id;
    const taken = { status: 400, body: { error_code: 'APIG.3325', error_msg: 'The API quota name already exists' } };
    expect(q('createQuota', { body: QUOTA })).toEqual(taken);
    const second = q('createQuota', { body: { ...QUOTA, name: 'Other_quota' } }).body.app_quota_id;
    expect(q('updateQuota', { itemId: second, body: QUOTA })).toEqual(taken);
    const kept = q('updateQuota', { itemId: first, body: { ...QUOTA, call_limits: 5, remark: 'r' } });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ app_quota_id: first, call_limits: 5, remark: 'r', reset_time: '2020-09-20 00:00:00' });
  });

  it('update replaces: a field not sent again is gone', () => {
    const { q } = setUp();
    const id = q('createQuota', { body: { ...QUOTA, remark: 'first' } }).body.app_quota_id;
    const { body } = q('updateQuota', { itemId: id, body: { name: 'ClientQuota_demo', call_limits: 2, time_unit: 'HOUR', time_interval: 4 } });
    expect(body).not.toHaveProperty('remark');
    expect(body).not.toHaveProperty('reset_time');
  });

  it('binding: all or none; an APP has at most one quota; the bound and bindable lists agree with bound_app_num', () => {
    const { apps, q } = setUp(3);
    const a = q('createQuota', { body: QUOTA }).body.app_quota_id;
    const b = q('createQuota', { body: { ...QUOTA, name: 'Second_quota' } }).body.app_quota_id;
    const bound = q('bindQuotaApps', { itemId: a, body: { app_ids: [apps[0], apps[1], apps[0]] } });
    expect(bound.status).toBe(201);
    expect(bound.body.applies.map((x: { app_id: string; app_quota_id: string }) => [x.app_id, x.app_quota_id])).toEqual([
      [apps[0], a],
      [apps[1], a],
    ]);
    expect(q('bindQuotaApps', { itemId: b, body: { app_ids: [apps[2], apps[0]] } })).toEqual({
      status: 400,
      body: { error_code: 'APIG.2012', error_msg: 'Invalid parameter value,parameterName:app_ids. Please refer to the support documentation' },
    });
    expect(q('bindQuotaApps', { itemId: b, body: { app_ids: [apps[2], 'nope'] } })).toEqual({
      status: 404,
      body: { error_code: 'APIG.3004', error_msg: 'App nope does not exist' },
    });
    // Neither refused call bound apps[2].
    const bindable = q('quotaBindableApps', { itemId: b, query: {} }).body;
    expect(bindable.apps.map((x: { app_id: string }) => x.app_id)).toEqual([apps[2]]);
    expect(bindable.apps[0]).toMatchObject({ bound_time: '0001-01-01T00:00:00Z', status: 1, name: 'quota_app_2' });
    expect(bindable.apps[0]).not.toHaveProperty('app_quota_id');
    const boundList = q('quotaBoundApps', { itemId: a, query: { app_name: 'app_1' } }).body;
    expect(boundList).toMatchObject({ total: 1, size: 1 });
    expect(boundList.apps[0]).toMatchObject({ app_id: apps[1], app_quota_id: a, app_quota_name: 'ClientQuota_demo' });
    expect(q('showQuota', { itemId: a }).body.bound_app_num).toBe(2);
  });

  it('unbinding one APP; an APP not bound to this quota is 404 APIG.3004', () => {
    const { apps, q } = setUp();
    const a = q('createQuota', { body: QUOTA }).body.app_quota_id;
    q('bindQuotaApps', { itemId: a, body: { app_ids: apps } });
    expect(q('unbindQuotaApp', { itemId: a, appId: apps[0] })).toEqual({ status: 204 });
    expect(q('unbindQuotaApp', { itemId: a, appId: apps[0] }).body.error_code).toBe('APIG.3004');
    expect(q('showQuota', { itemId: a }).body.bound_app_num).toBe(1);
  });

  it('deleting a quota unbinds its APPs; deleting an APP unbinds it', () => {
    const { s, apps, q } = setUp(3);
    const a = q('createQuota', { body: QUOTA }).body.app_quota_id;
    const b = q('createQuota', { body: { ...QUOTA, name: 'Second_quota' } }).body.app_quota_id;
    q('bindQuotaApps', { itemId: a, body: { app_ids: [apps[0], apps[1]] } });
    q('bindQuotaApps', { itemId: b, body: { app_ids: [apps[2]] } });
    s.handle({ generation: 'v2', kind: 'delete', tenant: TENANT, appId: apps[1] });
    expect(q('showQuota', { itemId: a }).body.bound_app_num).toBe(1);
    expect(q('deleteQuota', { itemId: a })).toEqual({ status: 204 });
    expect(q('quotaOfApp', { appId: apps[0] })).toEqual({
      status: 404,
      body: { error_code: 'APIG.3093', error_msg: `App quota of app ${apps[0]} does not exist` },
    });
    expect(q('quotaOfApp', { appId: apps[2] }).status).toBe(200);
    expect(q('showQuota', { itemId: a })).toEqual({ status: 404, body: { error_code: 'APIG.3093', error_msg: `App quota ${a} does not exist` } });
  });

  it('a missing APP on bound-quota is APIG.3002 (the page’s example); a missing quota is APIG.3093 on every quota operation', () => {
    const { q } = setUp();
    expect(q('quotaOfApp', { appId: 'nope' }).body).toEqual({ error_code: 'APIG.3002', error_msg: 'App nope does not exist' });
    for (const kind of ['showQuota', 'updateQuota', 'deleteQuota', 'bindQuotaApps', 'unbindQuotaApp', 'quotaBoundApps', 'quotaBindableApps'])
      expect([kind, q(kind, { itemId: 'q0', appId: 'a', body: QUOTA, query: {} }).body.error_code]).toEqual([kind, 'APIG.3093']);
  });

  it('lists: the name filter matches part of the name; offset and limit page it', () => {
    const { q } = setUp(0);
    for (const name of ['alpha_quota', 'beta_quota', 'alphabet']) q('createQuota', { body: { ...QUOTA, name } });
    expect(q('listQuotas', { query: { name: 'alpha' } }).body.quotas.map((x: { name: string }) => x.name)).toEqual(['alpha_quota', 'alphabet']);
    expect(q('listQuotas', { query: { offset: '1', limit: '1' } }).body).toMatchObject({ total: 3, size: 1, quotas: [{ name: 'beta_quota' }] });
  });
});

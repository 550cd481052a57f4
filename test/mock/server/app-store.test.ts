// The mock's APP memory (mock/server/app-store.mjs), in-process: what the APP pages say a gateway does
// with names, keys, quota, filters and paging, per tenant. The HTTP suites (stateful-mock,
// conformance) show the same through the server; here each edge is pinned where it lives.
import { describe, expect, it } from 'vitest';
import { AppStore, newApp, routeOf, sharedTenantKey } from '../../../mock/server/app-store.mjs';

type Answer = { status: number; body?: any };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX32 = /^[0-9a-f]{32}$/;
const NAME_TAKEN = { error_code: 'APIG.3203', error_msg: 'The app name already exists' };
const KEY_TAKEN = { error_code: 'APIG.3310', error_msg: 'The app key already exists' };
const OVER_QUOTA = { error_code: 'APIG.3103', error_msg: 'The number of apps exceeds the maximum allowed limit' };

/** A store and one tenant of a generation, with the operations as a caller names them. */
function tenantOf(generation: 'v1.0' | 'v1' | 'v2' = 'v2', options: { quota?: number; maxTenants?: number } = {}, tenant = `${generation} p i`) {
  const store = new AppStore(options);
  const op = (kind: string, extra: Record<string, unknown> = {}): Answer => store.handle({ generation, kind, tenant, ...extra });
  return {
    store,
    create: (body: Record<string, unknown>) => op('create', { body }),
    update: (appId: string, body: Record<string, unknown>) => op('update', { appId, body }),
    list: (query: Record<string, string> = {}) => op('list', { query }).body as { total: number; size: number; apps: Array<Record<string, any>> },
    show: (appId: string) => op('show', { appId }),
    verify: (appId: string) => op('verify', { appId }),
    reset: (appId: string, body: Record<string, unknown> = {}) => op('reset', { appId, body }),
    remove: (appId: string) => op('delete', { appId }),
  };
}
const names = (list: { apps: Array<Record<string, any>> }) => list.apps.map((a) => a.name);

describe('names and keys are unique per tenant (APIG.3203, APIG.3310)', () => {
  it('on create: a taken name, a taken key; the same name in another tenant is fine', () => {
    const t = tenantOf('v2');
    expect(t.create({ name: 'app_one', app_key: 'key_one_123456' }).status).toBe(201);
    expect(t.create({ name: 'app_one' })).toEqual({ status: 400, body: NAME_TAKEN });
    expect(t.create({ name: 'app_two', app_key: 'key_one_123456' })).toEqual({ status: 400, body: KEY_TAKEN });
    expect(t.create({ name: 'app_two', app_key: 'key_two_123456' }).status).toBe(201);
    const other = t.store.handle({ generation: 'v2', kind: 'create', tenant: 'v2 p other', body: { name: 'app_one', app_key: 'key_one_123456' } });
    expect(other.status).toBe(201);
  });

  it('on rename: its own name and key may stay; another APP’s may not', () => {
    const t = tenantOf('v1');
    const one = t.create({ name: 'app_one', app_key: 'key_one_123456' }).body;
    const two = t.create({ name: 'app_two', app_key: 'key_two_123456' }).body;
    expect(t.update(one.id, { name: 'app_one', app_key: 'key_one_123456', remark: 'same name and key' }).status).toBe(200);
    expect(t.update(one.id, { name: 'app_two' })).toEqual({ status: 400, body: NAME_TAKEN });
    expect(t.update(one.id, { name: 'app_one', app_key: 'key_two_123456' })).toEqual({ status: 400, body: KEY_TAKEN });
    // A refused rename changes nothing.
    expect(t.show(one.id).body).toMatchObject({ name: 'app_one', app_key: 'key_one_123456', remark: 'same name and key' });
    expect(t.show(two.id).body).toMatchObject({ name: 'app_two', app_key: 'key_two_123456' });
  });

  it('a rename frees the old name and key; a delete frees both', () => {
    const t = tenantOf('v1.0');
    const one = t.create({ name: 'app_one', app_key: 'key_one_123456' }).body;
    expect(t.update(one.id, { name: 'app_renamed', app_key: 'key_new_123456' }).status).toBe(200);
    expect(t.create({ name: 'app_renamed' })).toEqual({ status: 400, body: NAME_TAKEN });
    expect(t.create({ name: 'app_x', app_key: 'key_new_123456' })).toEqual({ status: 400, body: KEY_TAKEN });
    const again = t.create({ name: 'app_one', app_key: 'key_one_123456' });
    expect(again.status).toBe(201);
    expect(t.remove(again.body.id)).toEqual({ status: 204 });
    expect(t.create({ name: 'app_one', app_key: 'key_one_123456' }).status).toBe(201);
    expect(t.list({ name: 'app_one', precise_search: 'name' }).total).toBe(1);
  });
});

describe('quota (APIG.3103, 403)', () => {
  it('takes exactly the quota, refuses the next, and takes one again after a delete', () => {
    const t = tenantOf('v2', { quota: 3 });
    const ids = [1, 2, 3].map((i) => t.create({ name: `app_${i}` }).body.id);
    expect(t.create({ name: 'app_4' })).toEqual({ status: 403, body: OVER_QUOTA });
    expect(t.list().total).toBe(3);
    t.remove(ids[0]);
    expect(t.create({ name: 'app_4' }).status).toBe(201);
    expect(t.create({ name: 'app_5' }).status).toBe(403);
  });

  it('is counted per tenant, and quota 0 refuses the first APP', () => {
    const t = tenantOf('v2', { quota: 1 });
    expect(t.create({ name: 'app_1' }).status).toBe(201);
    expect(t.store.handle({ generation: 'v2', kind: 'create', tenant: 'v2 p elsewhere', body: { name: 'app_1' } }).status).toBe(201);
    expect(tenantOf('v1', { quota: 0 }).create({ name: 'app_1' })).toEqual({ status: 403, body: OVER_QUOTA });
  });

  it('is checked before the name: a full tenant says so even for a taken name', () => {
    const t = tenantOf('v2', { quota: 1 });
    t.create({ name: 'app_1' });
    expect(t.create({ name: 'app_1' }).body).toEqual(OVER_QUOTA);
  });
});

describe('what a created APP holds (the pages’ examples)', () => {
  it('v1.0 and v1: UUID id and key; v2: 32 hex digits; a 32-hex secret; both times now', () => {
    for (const [generation, shape] of [
      ['v1.0', UUID],
      ['v1', UUID],
      ['v2', HEX32],
    ] as const) {
      const before = Date.now();
      const app = tenantOf(generation).create({ name: 'app_shape' }).body;
      expect(app.id, generation).toMatch(shape);
      expect(app.app_key, generation).toMatch(shape);
      expect(app.app_secret).toMatch(HEX32);
      expect(app).toMatchObject({ name: 'app_shape', status: 1, creator: 'USER', app_type: 'apig' });
      // No remark sent: v1.0 and v1 answer an empty one, v2 none (查询APP列表's example).
      if (generation === 'v2') expect(app).not.toHaveProperty('remark');
      else expect(app.remark, generation).toBe('');
      expect(app.register_time).toBe(app.update_time);
      expect(Date.parse(app.register_time)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(app.register_time)).toBeLessThanOrEqual(Date.now());
    }
  });

  it('keeps the key and secret sent; every new APP gets its own id, key and secret', () => {
    const t = tenantOf('v2');
    expect(t.create({ name: 'app_a', remark: '备注', app_key: 'chosen_key_123', app_secret: 'Chosen_secret1' }).body).toMatchObject({
      remark: '备注',
      app_key: 'chosen_key_123',
      app_secret: 'Chosen_secret1',
    });
    const [b, c] = [t.create({ name: 'app_b' }).body, t.create({ name: 'app_c' }).body];
    for (const field of ['id', 'app_key', 'app_secret']) expect(b[field], field).not.toBe(c[field]);
  });

  it('v2 answers with related_domain_id and related_project_id when given; v1 never', () => {
    const body = { name: 'app_related', related_domain_id: 'd1', related_project_id: 'p1' };
    expect(tenantOf('v2').create(body).body).toMatchObject({ related_domain_id: 'd1', related_project_id: 'p1' });
    expect(tenantOf('v2').create({ name: 'app_plain' }).body).not.toHaveProperty('related_domain_id');
    const v1 = tenantOf('v1').create(body).body;
    expect(v1).not.toHaveProperty('related_domain_id');
    expect(v1).not.toHaveProperty('related_project_id');
  });

  it('newApp takes a seed’s id', () => {
    expect(newApp('v2', { name: 'seeded' }, 'fixed_id').id).toBe('fixed_id');
  });
});

describe('show, verify, update, reset secret, delete', () => {
  it('answer 404 with the generation’s code for an APP that is not there (or is in another tenant)', () => {
    for (const [generation, code, msg] of [
      ['v1.0', 'APIG.3004', 'The app does not exist'],
      ['v1', 'APIG.3004', 'The app does not exist'],
      ['v2', 'APIG.3002', 'App nope does not exist'],
    ] as const) {
      const t = tenantOf(generation);
      for (const answer of [t.show('nope'), t.verify('nope'), t.update('nope', { name: 'x_app' }), t.reset('nope'), t.remove('nope')]) {
        expect(answer, generation).toEqual({ status: 404, body: { error_code: code, error_msg: msg } });
      }
    }
    const t = tenantOf('v2');
    const id = t.create({ name: 'mine' }).body.id;
    expect(t.store.handle({ generation: 'v2', kind: 'show', tenant: 'v2 p other', appId: id }).status).toBe(404);
  });

  it('update: 201 on v2, 200 before; the name changes, what is not sent stays, update_time moves', async () => {
    for (const generation of ['v1.0', 'v1', 'v2'] as const) {
      const t = tenantOf(generation);
      const made = t.create({ name: 'app_old', remark: 'kept', app_key: 'key_old_123456', app_secret: 'Secret_old1' }).body;
      await new Promise((resolve) => setTimeout(resolve, 5));
      const updated = t.update(made.id, { name: 'app_new' });
      expect(updated.status).toBe(generation === 'v2' ? 201 : 200);
      expect(updated.body).toMatchObject({
        id: made.id,
        name: 'app_new',
        remark: 'kept',
        app_key: 'key_old_123456',
        app_secret: 'Secret_old1',
        register_time: made.register_time,
      });
      expect(Date.parse(updated.body.update_time)).toBeGreaterThan(Date.parse(made.update_time));
      const changed = t.update(made.id, { name: 'app_new', remark: '', app_key: 'key_new_123456', app_secret: 'Secret_new1' }).body;
      expect(changed).toMatchObject({ remark: '', app_key: 'key_new_123456', app_secret: 'Secret_new1' });
      expect(t.show(made.id).body).toEqual(changed);
    }
  });

  it('reset secret: the one sent, else a new 32-hex one; no app_type on v1.0/v1 (their pages list none)', async () => {
    for (const generation of ['v1.0', 'v1', 'v2'] as const) {
      const t = tenantOf(generation);
      const made = t.create({ name: 'app_reset' }).body;
      await new Promise((resolve) => setTimeout(resolve, 5));
      const chosen = t.reset(made.id, { app_secret: 'Chosen_secret1' });
      expect(chosen.status).toBe(200);
      expect(chosen.body.app_secret).toBe('Chosen_secret1');
      expect(Date.parse(chosen.body.update_time)).toBeGreaterThan(Date.parse(made.update_time));
      expect('app_type' in chosen.body, generation).toBe(generation === 'v2');
      const fresh = t.reset(made.id).body.app_secret;
      expect(fresh).toMatch(HEX32);
      expect(fresh).not.toBe(made.app_secret);
      expect(t.show(made.id).body.app_secret).toBe(fresh);
    }
  });

  it('verify answers only id, name and remark', () => {
    const t = tenantOf('v1');
    const made = t.create({ name: 'app_verify', remark: 'r' }).body;
    expect(t.verify(made.id)).toEqual({ status: 200, body: { id: made.id, name: 'app_verify', remark: 'r' } });
  });

  it('an unknown operation is a bug, said as one', () => {
    expect(() => tenantOf().store.handle({ generation: 'v2', kind: 'rename', tenant: 't' })).toThrow('AppStore: unknown operation rename');
  });
});

describe('list: filters (查询APP列表)', () => {
  const t = tenantOf('v2');
  const made = ['alpha_1', 'alpha_2', 'beta_alpha', 'gamma'].map((name) => t.create({ name, app_key: `key_${name}_1234` }).body);

  it('name is a contained part unless precise_search=name', () => {
    expect(names(t.list({ name: 'alpha' }))).toEqual(['alpha_1', 'alpha_2', 'beta_alpha']);
    expect(names(t.list({ name: 'alpha', precise_search: 'name' }))).toEqual([]);
    expect(names(t.list({ name: 'alpha_2', precise_search: 'name' }))).toEqual(['alpha_2']);
    expect(names(t.list({ name: 'alpha_2', precise_search: 'other' }))).toEqual(['alpha_2']);
  });

  it('id and app_key match whole values', () => {
    expect(names(t.list({ id: made[2].id }))).toEqual(['beta_alpha']);
    expect(names(t.list({ id: made[2].id.slice(0, 8) }))).toEqual([]);
    expect(names(t.list({ app_key: 'key_gamma_1234' }))).toEqual(['gamma']);
    expect(names(t.list({ app_key: 'key_gamma' }))).toEqual([]);
  });

  it('every APP made here is USER-created and valid (status 1): creator=MARKET and status=2 find none', () => {
    expect(t.list({ creator: 'USER' }).total).toBe(4);
    expect(t.list({ creator: 'MARKET' })).toEqual({ total: 0, size: 0, apps: [] });
    expect(t.list({ status: '1' }).total).toBe(4);
    expect(t.list({ status: '2' }).total).toBe(0);
  });

  it('filters combine (all must hold)', () => {
    expect(names(t.list({ name: 'alpha', app_key: 'key_alpha_2_1234' }))).toEqual(['alpha_2']);
    expect(t.list({ name: 'gamma', id: made[0].id }).total).toBe(0);
  });

  it('a listed APP carries bind_num; no filter lists all in creation order', () => {
    const all = t.list();
    expect(all).toMatchObject({ total: 4, size: 4 });
    expect(names(all)).toEqual(['alpha_1', 'alpha_2', 'beta_alpha', 'gamma']);
    for (const app of all.apps) expect(app.bind_num).toBe(0);
  });
});

describe('list: paging at its edges', () => {
  const seven = (generation: 'v1' | 'v2') => {
    const t = tenantOf(generation);
    for (let i = 1; i <= 7; i++) t.create({ name: `page_${i}` });
    return t;
  };
  // Each with and without a filter: the store walks only the page asked for when nothing filters.
  const filters: Array<Record<string, string>> = [{}, { name: 'page_' }];

  it('v2 offset and limit: from 0, across the end, at the end, past it', () => {
    const t = seven('v2');
    for (const filter of filters) {
      expect(t.list({ ...filter })).toMatchObject({ total: 7, size: 7 });
      expect(names(t.list({ ...filter, offset: '0', limit: '3' }))).toEqual(['page_1', 'page_2', 'page_3']);
      expect(names(t.list({ ...filter, offset: '3', limit: '3' }))).toEqual(['page_4', 'page_5', 'page_6']);
      expect(t.list({ ...filter, offset: '6', limit: '3' })).toMatchObject({ total: 7, size: 1, apps: [{ name: 'page_7' }] });
      expect(t.list({ ...filter, offset: '7', limit: '3' })).toEqual({ total: 7, size: 0, apps: [] });
      expect(t.list({ ...filter, offset: '70', limit: '1' })).toEqual({ total: 7, size: 0, apps: [] });
      expect(names(t.list({ ...filter, limit: '1' }))).toEqual(['page_1']);
    }
  });

  it('v2 default limit is 20', () => {
    const t = tenantOf('v2');
    for (let i = 1; i <= 21; i++) t.create({ name: `many_${i}` });
    for (const filter of [{}, { name: 'many_' }] as Array<Record<string, string>>) expect(t.list(filter)).toMatchObject({ total: 21, size: 20 });
  });

  it('v1 page_no and page_size: the first page, the last part-filled one, past the end; page_no counts from 1', () => {
    const t = seven('v1');
    for (const filter of filters) {
      expect(names(t.list({ ...filter, page_no: '1', page_size: '3' }))).toEqual(['page_1', 'page_2', 'page_3']);
      expect(names(t.list({ ...filter, page_no: '2', page_size: '3' }))).toEqual(['page_4', 'page_5', 'page_6']);
      expect(t.list({ ...filter, page_no: '3', page_size: '3' })).toMatchObject({ total: 7, size: 1, apps: [{ name: 'page_7' }] });
      expect(t.list({ ...filter, page_no: '4', page_size: '3' })).toEqual({ total: 7, size: 0, apps: [] });
      expect(names(t.list({ ...filter, page_size: '2' }))).toEqual(['page_1', 'page_2']);
      expect(names(t.list({ ...filter, page_no: '2' }))).toEqual([]);
    }
  });
});

describe('tenants', () => {
  it('v1.0 is per credential (a token, or the AK of a signature), filed by digest; v1 and v2 per project and instance', () => {
    expect(AppStore.tenantOf('v1.0', {}, { 'x-auth-token': 'secret-token' })).toBe(sharedTenantKey('secret-token'));
    expect(sharedTenantKey('secret-token')).toMatch(/^v1\.0 [0-9a-f]{32}$/);
    expect(sharedTenantKey('secret-token')).not.toContain('secret-token');
    expect(AppStore.tenantOf('v1.0', {}, { authorization: 'SDK-HMAC-SHA256 Access=MYAK, SignedHeaders=host, Signature=00' })).toBe(sharedTenantKey('MYAK'));
    expect(AppStore.tenantOf('v1.0', {}, {})).toBe(sharedTenantKey(''));
    expect(AppStore.tenantOf('v1', { project_id: 'p1', instance_id: 'i1' }, { 'x-auth-token': 'x' })).toBe('v1 p1 i1');
    expect(AppStore.tenantOf('v2', { project_id: 'p1', instance_id: 'i1' }, {})).toBe('v2 p1 i1');
  });

  it('reading a tenant that has nothing creates nothing', () => {
    const t = tenantOf('v2');
    expect(t.list()).toEqual({ total: 0, size: 0, apps: [] });
    t.show('x');
    expect(t.store.tenants.size).toBe(0);
  });

  it('past maxTenants, the tenant idle longest is dropped; one just read is kept', () => {
    const store = new AppStore({ maxTenants: 2 });
    const create = (tenant: string) => store.handle({ generation: 'v2', kind: 'create', tenant, body: { name: 'app_1' } });
    const total = (tenant: string) => (store.handle({ generation: 'v2', kind: 'list', tenant }) as Answer).body.total;
    create('a');
    create('b');
    expect(total('a')).toBe(1); // a is now the most recent
    create('c');
    expect([total('a'), total('b'), total('c')]).toEqual([1, 0, 1]);
    expect(store.tenants.size).toBe(2);
  });
});

describe('seed and reset', () => {
  it('reset returns to the seed: seeded APPs as they were, others gone, names free again', () => {
    const store = new AppStore();
    const seeded = newApp('v2', { name: 'seeded_app', app_key: 'seeded_key_1234' }, 'seed1');
    store.seed([{ key: 'v2 p i', apps: [seeded] }]);
    const op = (kind: string, extra: Record<string, unknown> = {}) => store.handle({ generation: 'v2', kind, tenant: 'v2 p i', ...extra });
    expect(op('create', { body: { name: 'seeded_app' } }).body).toEqual(NAME_TAKEN);
    op('update', { appId: 'seed1', body: { name: 'renamed_seed' } });
    op('create', { body: { name: 'extra_app' } });
    store.reset();
    expect(op('list').body).toMatchObject({ total: 1, apps: [{ id: 'seed1', name: 'seeded_app', app_key: 'seeded_key_1234' }] });
    expect(op('create', { body: { name: 'extra_app' } }).status).toBe(201);
    expect(op('create', { body: { name: 'renamed_seed' } }).status).toBe(201);
  });

  it('reset without a seed forgets every tenant', () => {
    const t = tenantOf('v1');
    t.create({ name: 'app_1' });
    t.store.reset();
    expect(t.store.tenants.size).toBe(0);
  });
});

describe('routeOf: which operation a path and method are', () => {
  it.each([
    ['POST', '/v1.0/apigw/apps', { generation: 'v1.0', kind: 'create', appId: undefined }],
    ['GET', '/v1.0/apigw/apps', { generation: 'v1.0', kind: 'list' }],
    ['GET', '/v1.0/apigw/apps/a%201', { generation: 'v1.0', kind: 'show', appId: 'a 1' }],
    ['PUT', '/v1/p%2F1/apigw/instances/i1/apps/a1', { generation: 'v1', kind: 'update', appId: 'a1', params: { project_id: 'p/1', instance_id: 'i1' } }],
    ['DELETE', '/v2/p1/apigw/instances/i%201/apps/a1', { generation: 'v2', kind: 'delete', params: { project_id: 'p1', instance_id: 'i 1' } }],
    ['PUT', '/v2/p1/apigw/instances/i1/apps/secret/a1', { kind: 'reset', appId: 'a1' }],
    ['GET', '/v1/p1/apigw/instances/i1/apps/validation/a1', { kind: 'verify', appId: 'a1' }],
  ])('%s %s', (method, path, expected) => {
    expect(routeOf(method, path)).toMatchObject(expected);
  });

  it.each([
    ['POST', '/v1.0/apigw/apps/a1'],
    ['DELETE', '/v1.0/apigw/apps'],
    ['GET', '/v2/p1/apigw/instances/i1/apps/secret/a1'],
    ['PUT', '/v2/p1/apigw/instances/i1/apps/validation/a1'],
    ['GET', '/v2/p1/apigw/instances/i1/apps/a1/extra'],
    ['GET', '/v3/p1/apigw/instances/i1/apps'],
    ['GET', '/prefix/v1.0/apigw/apps'],
    ['GET', '/v1.0/apigw/apps-list'],
  ])('%s %s is none of them', (method, path) => {
    expect(routeOf(method, path)).toBeUndefined();
  });

  it('v1.0 has no project or instance', () => {
    expect(routeOf('GET', '/v1.0/apigw/apps')?.params).toEqual({ project_id: undefined, instance_id: undefined });
  });
});

// checkedSeed (mock/server/seed.mjs), in-process: what a `--seed` file becomes (tenants a request can
// reach, complete APPs, catalogues), and how every problem in it is told at once.
import { describe, expect, it } from 'vitest';
import { checkedSeed } from '../../../mock/server/seed.mjs';
import { sharedTenantKey } from '../../../mock/server/app-store.mjs';
import { DEFAULT_CATALOGUE, RELEASE_ID } from '../../../mock/server/grant-store.mjs';

const failure = (seed: unknown) =>
  checkedSeed(seed as never).then(
    () => '',
    (error: Error) => error.message,
  );

describe('a valid seed', () => {
  it('files each tenant where requests find it: v1.0 by the credential’s digest, v1 and v2 by project and instance', async () => {
    const tenants = await checkedSeed([
      { tenant: 'v1.0 team-token', apps: [{ name: 'shared_app' }] },
      { tenant: 'v1 p1 i1', apps: [] },
      { tenant: 'v2 p2 i2', apps: [{ name: 'v2_app' }] },
    ] as never);
    expect(tenants.map((t: any) => [t.key, t.generation])).toEqual([
      [sharedTenantKey('team-token'), 'v1.0'],
      ['v1 p1 i1', 'v1'],
      ['v2 p2 i2', 'v2'],
    ]);
    expect(JSON.stringify(tenants)).not.toContain('team-token');
  });

  it('makes each APP complete as a create would, keeping the id, key and secret given', async () => {
    const [tenant] = (await checkedSeed([
      {
        tenant: 'v2 p i',
        apps: [{ id: 'chosen_id', name: 'seeded_app', remark: '备注', app_key: 'seeded_key_1234', app_secret: 'Seeded_secret1' }, { name: 'plain_app' }],
      },
    ] as never)) as any[];
    expect(tenant.apps[0]).toMatchObject({ id: 'chosen_id', name: 'seeded_app', remark: '备注', app_key: 'seeded_key_1234', app_secret: 'Seeded_secret1' });
    expect(tenant.apps[1].id).toMatch(/^[0-9a-f]{32}$/);
    expect(tenant.apps[1].app_key).toMatch(/^[0-9a-f]{32}$/);
    expect(tenant.apps[1]).not.toHaveProperty('catalogue');
  });

  it('a tenant without environments or apis has no catalogue of its own (the default serves it)', async () => {
    const [tenant] = await checkedSeed([{ tenant: 'v1 p i', apps: [] }] as never);
    expect(tenant).not.toHaveProperty('catalogue');
  });

  it('apis alone are published in the default environments; environments alone come with no API', async () => {
    const [withApis, withEnvironments] = (await checkedSeed([
      { tenant: 'v2 p i', apps: [], apis: [{ id: 'api-1', name: 'Orders', published_in: [RELEASE_ID] }] },
      { tenant: 'v2 p j', apps: [], environments: [{ id: 'env-a', name: 'STAGING' }] },
    ] as never)) as any[];
    expect([...withApis.catalogue.environments.keys()]).toEqual([...DEFAULT_CATALOGUE.environments.keys()]);
    expect(withApis.catalogue.apis.size).toBe(1);
    expect(withApis.catalogue.apis.get('api-1')).toMatchObject({
      id: 'api-1',
      name: 'Orders',
      group_id: '',
      group_name: '',
      remark: '',
      req_uri: '/',
      auth_type: 'APP',
      api_type: 1,
    });
    expect([...withApis.catalogue.apis.get('api-1').published.keys()]).toEqual([RELEASE_ID]);
    expect([...withEnvironments.catalogue.environments.values()]).toEqual([{ id: 'env-a', name: 'STAGING' }]);
    expect(withEnvironments.catalogue.apis.size).toBe(0);
  });

  it('the same name, key or id in two tenants is fine', async () => {
    const app = { id: 'same', name: 'same_app', app_key: 'same_key_1234' };
    expect(
      await checkedSeed([
        { tenant: 'v2 p i', apps: [app] },
        { tenant: 'v2 p j', apps: [app] },
      ] as never),
    ).toHaveLength(2);
  });
});

describe('a broken seed', () => {
  it('not a list', async () => {
    expect(await failure({ tenant: 'v2 p i' })).toBe(
      'seed: expected [{ "tenant": "v1.0 <token or AK>", "v1 <project_id> <instance_id>" or "v2 <project_id> <instance_id>", "apps": [{ "name": "…" }] }]',
    );
  });

  it.each([
    [null, 'seed tenant #1: expected { "tenant": "…", "apps": [ … ] }'],
    [{ tenant: 1, apps: [] }, 'seed tenant #1: expected { "tenant": "…", "apps": [ … ] }'],
    [{ tenant: 'v2 p i', apps: {} }, 'seed tenant #1: expected { "tenant": "…", "apps": [ … ] }'],
    [{ tenant: 'v2 p i', apps: [null] }, 'seed tenant #1 (v2 p i), APP #1: expected an object with at least a "name"'],
    [{ tenant: 'v2 p i', apps: [['app']] }, 'seed tenant #1 (v2 p i), APP #1: expected an object with at least a "name"'],
    [{ tenant: 'v2 p i', apps: [{ id: '', name: 'app_1' }] }, 'seed tenant #1 (v2 p i), APP #1: id must be a non-empty string'],
    [{ tenant: 'v2 p i', apps: [{ id: 7, name: 'app_1' }] }, 'seed tenant #1 (v2 p i), APP #1: id must be a non-empty string'],
    [
      {
        tenant: 'v2 p i',
        apps: [
          { id: 'x', name: 'app_1' },
          { id: 'x', name: 'app_2' },
        ],
      },
      'seed tenant #1 (v2 p i), APP #2: the id x is taken by an earlier APP of this tenant',
    ],
    [
      { tenant: 'v1.0 secret-token', apps: [{ name: 'app_1' }, { name: 'app_1' }] },
      'seed tenant #1 (v1.0 <credential>), APP #2: the name app_1 is taken by an earlier APP of this tenant (APIG.3203 The app name already exists)',
    ],
    [
      {
        tenant: 'v2 p i',
        apps: [
          { name: 'app_1', app_key: 'k_1234567' },
          { name: 'app_2', app_key: 'k_1234567' },
        ],
      },
      'seed tenant #1 (v2 p i), APP #2: its app_key is taken by an earlier APP of this tenant (APIG.3310 The app key already exists)',
    ],
    [
      { tenant: 'v3 p i', apps: [] },
      'seed tenant #1 ("v3"…): no request can reach it; write "v1.0 <token or AK>", "v1 <project_id> <instance_id>" or "v2 <project_id> <instance_id>"',
    ],
    [{ tenant: 'v1.0 two words', apps: [] }, 'seed tenant #1 ("v1.0"…): no request can reach it'],
    [{ tenant: 'xv1.0 token', apps: [] }, 'seed tenant #1 ("xv1.0"…): no request can reach it'],
    [{ tenant: 'v1.0-shared-tenant-name token', apps: [] }, 'seed tenant #1 ("v1.0-share"…): no request can reach it'],
    [{ tenant: 'v2 p i', apps: [{ name: 'app_1' }, 7] }, 'seed tenant #1 (v2 p i), APP #2: expected an object with at least a "name"'],
    [{ tenant: 'v2 p i?x', apps: [] }, 'seed tenant #1 ("v2"…): no request can reach it'],
    [{ tenant: 'v2 p i#x', apps: [] }, 'no request can reach it'],
    [{ tenant: 'v2 p i extra', apps: [] }, 'no request can reach it'],
    [{ tenant: ' v2 p i', apps: [] }, 'no request can reach it'],
    [
      { tenant: 'v2 p i', apps: [], environments: [{ id: 'e' }] },
      'seed tenant #1 (v2 p i), environment #1: expected { "id": "…", "name": "…" } (e.g. { "id": "DEFAULT_ENVIRONMENT_RELEASE_ID", "name": "RELEASE" })',
    ],
    [{ tenant: 'v2 p i', apps: [], environments: [null] }, 'environment #1: expected { "id": "…", "name": "…" }'],
    [{ tenant: 'v2 p i', apps: [], environments: [{ id: '', name: 'X' }] }, 'environment #1: expected'],
    [{ tenant: 'v2 p i', apps: [], environments: {} }, 'seed tenant #1 (v2 p i): "environments" and "apis" must be arrays'],
    [
      { tenant: 'v2 p i', apps: [], apis: [null] },
      'seed tenant #1 (v2 p i), API #1: expected { "id": "…", "name": "…" } with optional group_id, group_name, remark, req_uri, tags and published_in',
    ],
    [{ tenant: 'v2 p i', apps: [], apis: [{ id: 'a', name: '' }] }, 'API #1: expected { "id": "…", "name": "…" }'],
    [{ tenant: 'v2 p i', apps: [], apis: [{ id: 'a', name: 'A', req_uri: 5 }] }, 'API #1: req_uri must be a string'],
    [{ tenant: 'v2 p i', apps: [], apis: [{ id: 'a', name: 'A', remark: false }] }, 'API #1: remark must be a string'],
    [{ tenant: 'v2 p i', apps: [], apis: [{ id: 'a', name: 'A', group_id: {} }] }, 'API #1: group_id must be a string'],
    [{ tenant: 'v2 p i', apps: [], apis: [{ id: 'a', name: 'A', published_in: RELEASE_ID }] }, 'API #1: published_in must be an array of environment ids'],
    [
      { tenant: 'v2 p i', apps: [], apis: [{ id: 'a', name: 'A', published_in: ['x'.repeat(60)] }] },
      `API #1: published_in names "${'x'.repeat(40)}", which is not an environment of this tenant`,
    ],
  ])('%j', async (tenant, message) => {
    const text = await failure([tenant]);
    expect(text.startsWith('the seed breaks the contract; nothing was served:\n  ')).toBe(true);
    expect(text).toContain(message);
  });

  it('checks v2 APPs against v2’s own rule and v1.0/v1 APPs against theirs (app_key: v1 at most 64)', async () => {
    const long = { name: 'app_1', app_key: 'k'.repeat(65) };
    expect(await failure([{ tenant: 'v1 p i', apps: [long] }])).toContain('APP #1: app_key must be at most 64 characters');
    expect(await failure([{ tenant: 'v2 p i', apps: [{ name: 'app_1', app_secret: 's' }] }])).toContain('APP #1: app_secret');
  });

  it('tells every problem, up to 20, then how many more', async () => {
    const apps = Array.from({ length: 25 }, (_, i) => ({ name: `x${i}!` }));
    const text = await failure([{ tenant: 'v2 p i', apps }]);
    const lines = text.split('\n').slice(1);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/^ {2}seed tenant #1 \(v2 p i\), APP #1: name/);
    expect(lines[19]).toMatch(/APP #20: name/);
    expect(lines[20]).toBe('  … and 5 more');
    const twenty = (await failure([{ tenant: 'v2 p i', apps: apps.slice(0, 20) }])).split('\n');
    expect(twenty).toHaveLength(21);
    expect(twenty[20]).toMatch(/APP #20: name .*规则/);
    expect(twenty[20]).not.toMatch(/more$/);
  });
});

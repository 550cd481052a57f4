// `seed`: the APPs a mock starts with. Each is checked against the contract as a create would
// be, each tenant must be one a request can reach (a v1.0 tenant is named by its credential),
// and POST /_mock/reset returns to the seed, not to nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../../mock/server/index.mjs';

const running: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(running.map((m) => m.close()));
});
async function start(seed: unknown) {
  const mock = await startMockServer({ port: 0, seed: seed as never });
  running.push(mock);
  return mock;
}
const get = async (url: string, token = 't') => (await fetch(url, { headers: { 'x-auth-token': token } })).json();

describe('a seed', () => {
  it('is served, and POST /_mock/reset returns to it: seeded APPs as they were, created ones gone', async () => {
    const mock = await start([{ tenant: 'v2 p1 i1', apps: [{ name: 'seeded_app', remark: 'from the seed' }] }]);
    const base = `${mock.url}/v2/p1/apigw/instances/i1/apps`;
    const before = await get(base);
    expect(before).toMatchObject({ total: 1, apps: [{ name: 'seeded_app', remark: 'from the seed' }] });
    const seededId = before.apps[0].id;

    await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
      body: JSON.stringify({ name: 'created_later' }),
    });
    await fetch(`${base}/${seededId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
      body: JSON.stringify({ name: 'seeded_renamed' }),
    });
    expect((await get(base)).total).toBe(2);

    expect((await fetch(`${mock.url}/_mock/reset`, { method: 'POST' })).status).toBe(204);
    expect(await get(base)).toMatchObject({ total: 1, apps: [{ id: seededId, name: 'seeded_app', remark: 'from the seed' }] });
  });

  it('keeps v1.0 APPs per credential: "v1.0 <token>" is what that token lists, and no other', async () => {
    const mock = await start([
      { tenant: 'v1.0 team-token', apps: [{ name: 'shared_app' }] },
      { tenant: 'v1 p1 i1', apps: [{ name: 'dedicated_app' }] },
    ]);
    expect(await get(`${mock.url}/v1.0/apigw/apps`, 'team-token')).toMatchObject({ total: 1, apps: [{ name: 'shared_app' }] });
    expect(await get(`${mock.url}/v1.0/apigw/apps`, 'another-token')).toMatchObject({ total: 0 });
    expect(await get(`${mock.url}/v1/p1/apigw/instances/i1/apps`)).toMatchObject({ total: 1, apps: [{ name: 'dedicated_app' }] });
  });

  it.each([
    [
      'a name that breaks its pattern',
      [{ tenant: 'v2 p1 i1', apps: [{ name: 'bad-name!' }] }],
      /seed tenant #1 \(v2 p1 i1\), APP #1: name has a character that is not allowed.*规则：/,
    ],
    ['a name too short', [{ tenant: 'v1 p1 i1', apps: [{ name: 'ok_app' }, { name: 'x' }] }], /APP #2: name must be at least 3 characters/],
    [
      'an app_key v1 does not take (over 64)',
      [{ tenant: 'v1 p1 i1', apps: [{ name: 'app_1', app_key: 'k'.repeat(65) }] }],
      /APP #1: app_key must be at most 64 characters/,
    ],
    [
      'a field the page does not list',
      [{ tenant: 'v2 p1 i1', apps: [{ name: 'app_1', appKey: 'abcdefgh' }] }],
      /appKey is not a field of this request.*did you mean app_key\?/,
    ],
    [
      'two APPs of one name',
      [{ tenant: 'v2 p1 i1', apps: [{ name: 'app_1' }, { name: 'app_1' }] }],
      /APP #2: the name app_1 is taken by an earlier APP of this tenant \(APIG\.3203/,
    ],
    [
      'two APPs of one key',
      [
        {
          tenant: 'v2 p1 i1',
          apps: [
            { name: 'app_1', app_key: 'same_key_1' },
            { name: 'app_2', app_key: 'same_key_1' },
          ],
        },
      ],
      /APP #2: its app_key is taken .*APIG\.3310/,
    ],
    [
      'a dedicated tenant without an instance',
      [{ tenant: 'v2 p', apps: [{ name: 'app_1' }] }],
      /seed tenant #1 \("v2"…\): no request can reach it; write "v1\.0 <token or AK>", "v1 <project_id> <instance_id>" or "v2 <project_id> <instance_id>"/,
    ],
    ['a tenant of no generation', [{ tenant: 'shared', apps: [{ name: 'app_1' }] }], /seed tenant #1 \("shared"…\): no request can reach it/],
    ['a tenant with a slash in its project', [{ tenant: 'v1 p/x i1', apps: [{ name: 'app_1' }] }], /no request can reach it/],
    [
      'an API without a name',
      [{ tenant: 'v2 p1 i1', apps: [], apis: [{ id: 'api-1' }] }],
      /seed tenant #1 \(v2 p1 i1\), API #1: expected \{ "id": "…", "name": "…" \}/,
    ],
    [
      'two APIs of one id',
      [
        {
          tenant: 'v2 p1 i1',
          apps: [],
          apis: [
            { id: 'api-1', name: 'a' },
            { id: 'api-1', name: 'b' },
          ],
        },
      ],
      /API #2: the id api-1 is taken by an earlier API/,
    ],
    [
      'an API published in an environment the tenant lacks',
      [
        {
          tenant: 'v1 p1 i1',
          apps: [],
          environments: [{ id: 'env-a', name: 'A' }],
          apis: [{ id: 'api-1', name: 'a', published_in: ['DEFAULT_ENVIRONMENT_RELEASE_ID'] }],
        },
      ],
      /API #1: published_in names "DEFAULT_ENVIRONMENT_RELEASE_ID", which is not an environment of this tenant/,
    ],
    [
      'two environments of one id',
      [
        {
          tenant: 'v2 p1 i1',
          apps: [],
          environments: [
            { id: 'e', name: 'A' },
            { id: 'e', name: 'B' },
          ],
        },
      ],
      /environment #2: the id e is taken by an earlier environment/,
    ],
    ['apis that are not a list', [{ tenant: 'v2 p1 i1', apps: [], apis: { id: 'x' } }], /"environments" and "apis" must be arrays/],
    [
      'an API whose group_name is a number',
      [{ tenant: 'v2 p1 i1', apps: [], apis: [{ id: 'api-1', name: 'a', group_name: 7 }] }],
      /API #1: group_name must be a string/,
    ],
  ])('with %s is refused, naming the tenant, the APP and the rule', async (_label, seed, message) => {
    await expect(startMockServer({ port: 0, seed: seed as never })).rejects.toThrow(message);
  });

  it('lists every problem at once, and never repeats a secret or a v1.0 credential', async () => {
    const seed = [
      { tenant: 'v1.0', apps: [{ name: 'a' }] },
      { tenant: 'v2 p1 i1', apps: [{ name: '1st', app_secret: 'Secret!Value#1 with space' }] },
    ];
    const error = await startMockServer({ port: 0, seed: seed as never }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^the seed breaks the contract; nothing was served:\n/);
    expect(error?.message).toContain('seed tenant #1');
    expect(error?.message).toMatch(/seed tenant #2 \(v2 p1 i1\), APP #1: name/);
    expect(error?.message).toMatch(/APP #1: app_secret has a character/);
    expect(error?.message).not.toContain('Secret!Value');
  });
});

// A page loads only what a call needs (docs/client.md#bundle-size): the code that words issues
// only when a body breaks a rule, the query checker only for a call that sends a query (every
// list helper gives one, empty or not, so that a required parameter left out is refused). The modules are wrapped to count their use; what a bundle weighs
// is in test/package/bundle-size.test.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callOn } from '../../src/client/gateway-call.js';
import { type ApigValidationError, createApigClient, createAppOnSharedGateway, listAppsPage, showApp } from '../../src/index.js';

const used = vi.hoisted(() => ({ issuesOf: 0, queryIssues: 0, index: 0 }));
vi.mock('../../generated/request-rules/body-schema-of.js', async (original) => {
  const real = await original<typeof import('../../generated/request-rules/body-schema-of.js')>();
  return {
    BODY_SCHEMA_OF: new Proxy(real.BODY_SCHEMA_OF, {
      get: (target, key) => {
        used.index++;
        return target[key as string];
      },
    }),
  };
});
vi.mock('../../src/validation/body-issues.js', async (original) => {
  const real = await original<typeof import('../../src/validation/body-issues.js')>();
  return {
    ...real,
    issuesOf: (...args: Parameters<typeof real.issuesOf>) => {
      used.issuesOf++;
      return real.issuesOf(...args);
    },
  };
});
vi.mock('../../src/validation/validate-query.js', async (original) => {
  const real = await original<typeof import('../../src/validation/validate-query.js')>();
  return {
    ...real,
    queryIssues: (...args: Parameters<typeof real.queryIssues>) => {
      used.queryIssues++;
      return real.queryIssues(...args);
    },
  };
});

const sent: string[] = [];
const client = createApigClient({
  baseUrl: 'https://apig.cn-north-4.myhuaweicloud.com',
  auth: { token: 'a-token' },
  fetch: async (request) => {
    sent.push(`${(request as Request).method} ${new URL((request as Request).url).pathname}${new URL((request as Request).url).search}`);
    return new Response(JSON.stringify({ id: 'a1', name: 'app_001', total: 0, size: 0, apps: [] }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  },
});
const shared = { gateway: 'shared' } as const;

/** `field rule` of each issue of a refused call (none for a call that went through). */
const issuesOf = (outcome: { ok: boolean; error?: unknown }) =>
  outcome.ok ? [] : ((outcome.error as ApigValidationError).issues ?? []).map((i) => `${i.field} ${i.rule}`);

beforeEach(() => {
  used.issuesOf = 0;
  used.queryIssues = 0;
  used.index = 0;
  sent.length = 0;
});

describe('the wording of issues', () => {
  it('is not used for a body that follows the rules, nor for an unknown field allowed', async () => {
    expect((await createAppOnSharedGateway(client, { name: 'app_001' })).ok).toBe(true);
    const lenient = createApigClient({
      baseUrl: 'https://x.example',
      auth: { token: 't' },
      allowUnknownFields: true,
      fetch: async () => new Response('{}', { status: 201 }),
    });
    const { error, response } = await lenient.POST('/v1.0/apigw/apps', { body: { name: 'app_001', later_field: 'x' } as never });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(used.issuesOf).toBe(0);
  });

  it('is used when a body breaks a rule, or has a field the page does not list', async () => {
    const broken = await createAppOnSharedGateway(client, { name: '1app' });
    const unknown = await createAppOnSharedGateway(client, { name: 'app_001', appKey: 'x' } as never);
    expect(broken.ok || unknown.ok).toBe(false);
    expect(issuesOf(broken)).toEqual(['name characters']);
    expect(issuesOf(unknown)).toEqual(['appKey unknown']);
    expect(used.issuesOf).toBe(2);
    expect(sent).toEqual([]);
  });
});

describe('the query checker', () => {
  it('is not used for an operation without query parameters called without a query', async () => {
    expect((await showApp(client, shared, 'a1')).ok).toBe(true);
    expect(used.queryIssues).toBe(0);
    expect(sent).toEqual(['GET /v1.0/apigw/apps/a1']);
  });

  it('checks a list’s query: a bad one refused, nothing sent', async () => {
    const refused = await listAppsPage(client, shared, {}, { pageSize: 1.5 });
    expect(issuesOf(refused)).toEqual(['page_size type']);
    expect((await listAppsPage(client, shared, { name: 'app' })).ok).toBe(true);
    expect(used.queryIssues).toBe(2);
    expect(sent).toEqual(['GET /v1.0/apigw/apps?name=app']);
  });

  it('checks a query sent to an operation the page gives none: refused as unknown', async () => {
    const refused = await callOn(client, 'GET', shared, '/apps/{id}', { query: { name: 'x' } }, {}, [['appId', 'id', 'a1']]);
    expect(issuesOf(refused)).toEqual(['name unknown']);
    expect(used.queryIssues).toBe(1);
    expect(sent).toEqual([]);
  });
});

describe('the index of every operation’s body schema', () => {
  it('is not read by a helper’s call: the helper names its schema', async () => {
    expect((await createAppOnSharedGateway(client, { name: 'app_001' })).ok).toBe(true);
    expect((await showApp(client, shared, 'a1')).ok).toBe(true);
    expect(issuesOf(await createAppOnSharedGateway(client, { name: '1app' }))).toEqual(['name characters']);
    expect(used.index).toBe(0);
  });

  it('is read by a generic call, whose body is checked by its path', async () => {
    await expect(client.POST('/v1.0/apigw/apps', { body: { name: '1app' } })).rejects.toMatchObject({
      kind: 'validation',
      issues: [expect.objectContaining({ field: 'name', rule: 'characters' })],
    });
    expect((await client.GET('/v1.0/apigw/apps/{id}', { params: { path: { id: 'a1' } } })).response.status).toBe(200);
    expect(used.index).toBe(2);
    expect(sent).toEqual(['GET /v1.0/apigw/apps/a1']);
  });
});

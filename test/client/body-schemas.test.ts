// Each helper names the schema its operation's body takes, so that a page loads no index of every
// operation's (docs/client.md#bundle-size). A helper that named the wrong one, or none, would
// check a body against the wrong rules or not at all: every body helper, on every generation it
// serves, must refuse a probe body with exactly the issues the document's schema for that
// operation gives it (the schema read from the document's requestBody, not from the generated index).
import { describe, expect, it } from 'vitest';
import document from '../../generated/openapi.json' with { type: 'json' };
import {
  authorizeApps,
  bindAppsToAppQuota,
  createAiApiKey,
  createAppCode,
  createAppOnDedicatedGateway,
  createAppOnSharedGateway,
  createAppQuota,
  createApigClient,
  resetAppSecret,
  setAppAcl,
  updateApp,
  updateAppQuota,
  type ApigValidationError,
  type Gateway,
} from '../../src/index.js';
import { createAppOnDedicatedGatewayV2 } from '../../src/generations.js';
import { validateRequestBody, type RequestSchemaName } from '../../src/validation.js';

type Body = { $ref?: string; content?: Record<string, { schema: { $ref: string } }> };
type Doc = { paths: Record<string, Record<string, { requestBody?: Body }>>; components: { requestBodies: Record<string, Body> } };
const doc = document as unknown as Doc;
/** A request body, or the one of the components it names. */
const bodyOf = (body: Body) => (body.$ref ? doc.components.requestBodies[body.$ref.split('/').pop()!]! : body);

/** `METHOD path` → the schema its request body names in the document. */
const SCHEMA_OF_OPERATION = new Map(
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => operation?.requestBody)
      .map(([method, operation]) => [
        `${method.toUpperCase()} ${path}`,
        bodyOf(operation.requestBody!).content!['application/json']!.schema.$ref.split('/').pop() as RequestSchemaName,
      ]),
  ),
);

const unreachable: typeof fetch = () => Promise.reject(new Error('nothing may be sent'));
const client = createApigClient({ baseUrl: 'https://apig.cn-north-4.myhuaweicloud.com', auth: { token: 'tok-schemas' }, fetch: unreachable });
const INSTANCE = { projectId: 'p1', instanceId: 'i1' };
const TARGETS: Gateway[] = [{ gateway: 'shared' }, { gateway: 'dedicated', ...INSTANCE }, { gateway: 'dedicatedV2', ...INSTANCE }];

/**
 * Bodies no schema accepts, each refused differently by schemas with different rules: every
 * field of every body schema with a value too long for most, and fields no schema has.
 */
const FIELDS = ['name', 'remark', 'app_key', 'app_secret', 'related_domain_id', 'app_code', 'app_acl_type', 'app_acl_values', 'ai_api_key', 'alias'];
const PROBES: Record<string, unknown>[] = [
  { probe_field: 1 },
  Object.fromEntries(FIELDS.map((field) => [field, 'x'.repeat(150)])),
  Object.fromEntries(FIELDS.map((field) => [field, 'a1_'.repeat(22)])),
  { call_limits: 0, time_unit: 'WEEK', time_interval: 1.5, reset_time: '2026-1-1', name: 'q' },
];

/** Each body helper, on each generation it serves, with the body it sends for `probe`. */
type Case = {
  helper: string;
  call: (probe: Record<string, unknown>) => Promise<{ ok: boolean; error?: unknown }>;
  sent: (probe: Record<string, unknown>) => unknown;
};
const asIs = (probe: Record<string, unknown>) => probe;
const CASES: Case[] = [
  { helper: 'createAppOnSharedGateway', call: (p) => createAppOnSharedGateway(client, p as never), sent: asIs },
  { helper: 'createAppOnDedicatedGateway', call: (p) => createAppOnDedicatedGateway(client, INSTANCE, p as never), sent: asIs },
  { helper: 'createAppOnDedicatedGatewayV2', call: (p) => createAppOnDedicatedGatewayV2(client, INSTANCE, p as never), sent: asIs },
  ...TARGETS.flatMap((target): Case[] => [
    { helper: `updateApp on ${target.gateway}`, call: (p) => updateApp(client, target, 'a1', p as never), sent: asIs },
    { helper: `resetAppSecret on ${target.gateway}`, call: (p) => resetAppSecret(client, target, 'a1', p as never), sent: asIs },
    {
      helper: `authorizeApps on ${target.gateway}`,
      call: (p) => authorizeApps(client, target, { appIds: p.name, apiIds: [''], envId: p.remark } as never),
      sent: (p) => ({ app_ids: p.name, api_ids: [''], env_id: p.remark }),
    },
  ]),
  ...TARGETS.filter((target) => target.gateway !== 'dedicated').map(
    (target): Case => ({ helper: `createAppCode on ${target.gateway}`, call: (p) => createAppCode(client, target as never, 'a1', p as never), sent: asIs }),
  ),
  { helper: 'setAppAcl', call: (p) => setAppAcl(client, INSTANCE, 'a1', p as never), sent: asIs },
  { helper: 'createAiApiKey', call: (p) => createAiApiKey(client, INSTANCE, 'a1', p as never), sent: asIs },
  { helper: 'createAppQuota', call: (p) => createAppQuota(client, INSTANCE, p as never), sent: asIs },
  { helper: 'updateAppQuota', call: (p) => updateAppQuota(client, INSTANCE, 'q1', p as never), sent: asIs },
  {
    helper: 'bindAppsToAppQuota',
    call: (p) => bindAppsToAppQuota(client, INSTANCE, 'q1', p.app_acl_values as never),
    sent: (p) => ({ app_ids: p.app_acl_values }),
  },
];

/** The operation a refusal names: `… body (METHOD path) breaks the contract …`. */
const operationOf = (error: ApigValidationError) => /\(([A-Z]+ [^)]+)\) breaks the contract/.exec(error.message)?.[1];

describe('every body helper checks its body against the schema its operation takes in the document', () => {
  const reached = new Set<string>();

  it.each(CASES.map((c) => [c.helper, c] as const))('%s', async (_name, { call, sent }) => {
    for (const probe of PROBES) {
      const result = await call(probe);
      expect(result.ok).toBe(false);
      const error = result.error as ApigValidationError;
      const operation = operationOf(error);
      const schema = SCHEMA_OF_OPERATION.get(operation ?? '');
      expect(schema, `${error.message}`).toBeDefined();
      reached.add(operation!);
      const expected = validateRequestBody(schema!, sent(probe));
      expect(expected.valid).toBe(false);
      expect(error.issues).toEqual(expected.valid ? [] : expected.issues);
    }
  });

  it('the helpers reach every operation that takes a body', () => {
    expect([...reached].sort()).toEqual([...SCHEMA_OF_OPERATION.keys()].sort());
  });
});

it('the probes tell apart every two schemas whose rules differ', () => {
  const names = [...new Set(SCHEMA_OF_OPERATION.values())];
  const verdicts = (name: RequestSchemaName) => JSON.stringify(PROBES.map((probe) => validateRequestBody(name, probe)));
  for (const a of names)
    for (const b of names) {
      if (a >= b) continue;
      const schemas = (document as unknown as { components: { schemas: Record<string, { properties: unknown; required?: unknown }> } }).components.schemas;
      const same = JSON.stringify([schemas[a]!.properties, schemas[a]!.required]) === JSON.stringify([schemas[b]!.properties, schemas[b]!.required]);
      if (!same) expect(verdicts(a), `${a} and ${b}`).not.toBe(verdicts(b));
    }
});

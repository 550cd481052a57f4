// The Postman collection (generated/postman-collection.json, made by scripts/generate/postman.mjs)
// as a Postman or Apifox user runs it, through newman, Postman's own runner, in this process:
// against the mock in credentials mode, which checks every signature, every request is signed
// with AK/SK by the collection's pre-request script and every one passes its tests (the status
// one the contract gives, the body the contract's schema for it); each signature is the one the
// package's signer makes of the same request; a token works instead; a wrong SK is refused.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../../mock/server/index.mjs';
import { signRequest } from '../../../src/auth/sign-request.js';
import { GUIDE_AKSK } from '../../helpers/official-signer.js';
import { ROOT } from '../../../scripts/tools.mjs';

const require = createRequire(import.meta.url);
const newman = require('newman') as { run: (options: object, done: (error: Error | null, summary: Summary) => void) => void };

interface Execution {
  item: { name: string };
  request: { method: string; url: { toString(): string }; headers: { toObject(): Record<string, string> }; body?: { raw?: string } };
  response?: { code: number };
  assertions?: Array<{ assertion: string; error?: { message: string } }>;
}
interface Summary {
  run: { executions: Execution[]; failures: Array<{ error: { message: string }; source?: { name?: string } }> };
}

const COLLECTION = JSON.parse(readFileSync(join(ROOT, 'generated', 'postman-collection.json'), 'utf8'));
const DOCUMENT = JSON.parse(readFileSync(join(ROOT, 'generated', 'openapi.json'), 'utf8'));
const TOKEN = 'postman-token-0123456789abcdef';
/** Every operation of the contract, `METHOD /path`. */
const OPERATIONS = Object.entries(DOCUMENT.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, operation]) => operation?.operationId)
    .map(([method]) => `${method.toUpperCase()} ${path}`),
);

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  // Stateless: every call answers its page's example, so every request has its success answer.
  mock = await startMockServer({ port: 0, stateless: true, credentials: { tokens: [TOKEN], aksk: [GUIDE_AKSK] } });
});
afterAll(async () => {
  await mock?.close();
});

/** A newman run of the whole collection against the mock, with these variables; what it ran. */
function runCollection(variables: Record<string, string>): Promise<Summary['run']> {
  const envVar = Object.entries({ baseUrl: mock.url, ...variables }).map(([key, value]) => ({ key, value }));
  return new Promise((resolve, reject) => {
    newman.run({ collection: COLLECTION, envVar, reporters: [] }, (error, summary) => (error ? reject(error) : resolve(summary.run)));
  });
}

/** The contract's `METHOD /path/{template}` of a request newman sent. */
function operationOf(execution: Execution): string | undefined {
  const path = new URL(execution.request.url.toString()).pathname;
  return OPERATIONS.find((operation) => {
    const [method, template] = operation.split(' ') as [string, string];
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return method === execution.request.method && pattern.test(path);
  });
}

describe('the collection', () => {
  it('has one request per operation of the contract, each with its test script, and a collection-level signing script', () => {
    const items: Array<{ request: { method: string; url: { path: string[] } }; event?: Array<{ listen: string }> }> = [];
    const walk = (list: Array<Record<string, unknown>>) => {
      for (const entry of list) entry.item ? walk(entry.item as Array<Record<string, unknown>>) : items.push(entry as never);
    };
    walk(COLLECTION.item);
    const made = items.map((item) => `${item.request.method} /${item.request.url.path.map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s)).join('/')}`);
    expect(made.sort()).toEqual([...OPERATIONS].sort());
    for (const item of items) expect(item.event?.map((event) => event.listen)).toEqual(['test']);
    expect(COLLECTION.event.map((event: { listen: string }) => event.listen)).toEqual(['prerequest']);
    expect(COLLECTION.auth).toEqual({ type: 'noauth' });
    // Credentials are never in the file: the variables are empty until the user fills them.
    const variables = Object.fromEntries(COLLECTION.variable.map((v: { key: string; value: string }) => [v.key, v.value]));
    expect([variables.ak, variables.sk, variables.token]).toEqual(['', '', '']);
  });
});

describe('newman against the mock in credentials mode', () => {
  it('with AK/SK: every request is signed, accepted and passes its tests', { timeout: 120_000 }, async () => {
    const { executions, failures } = await runCollection({ ak: GUIDE_AKSK.ak, sk: GUIDE_AKSK.sk });
    expect(failures.map((failure) => `${failure.source?.name}: ${failure.error.message}`)).toEqual([]);
    expect(executions).toHaveLength(OPERATIONS.length);
    expect(new Set(executions.map(operationOf))).toEqual(new Set(OPERATIONS));
    for (const execution of executions) {
      expect(execution.response?.code, execution.item.name).toBeGreaterThanOrEqual(200);
      expect(execution.response?.code, execution.item.name).toBeLessThan(300);
      // The status test, and the body test unless the answer has no body (204).
      expect(execution.assertions?.length, execution.item.name).toBe(execution.response?.code === 204 ? 1 : 2);
      expect(execution.assertions?.filter((assertion) => assertion.error)).toEqual([]);
    }
  });

  it("signs each request as the package's signer does the same request", { timeout: 120_000 }, async () => {
    const { executions } = await runCollection({ ak: GUIDE_AKSK.ak, sk: GUIDE_AKSK.sk });
    for (const execution of executions) {
      // As sent, names lower-cased (newman adds its own: user-agent, postman-token…, not signed).
      const headers = execution.request.headers.toObject();
      const authorization = headers.authorization ?? '';
      const signed = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
      expect(signed, execution.item.name).toEqual(expect.arrayContaining(['host', 'x-sdk-date']));
      const given = Object.fromEntries(Object.entries(headers).filter(([name]) => signed.includes(name) && name !== 'host'));
      const ours = await signRequest(
        { method: execution.request.method, url: execution.request.url.toString(), headers: given, body: execution.request.body?.raw ?? '' },
        GUIDE_AKSK,
      );
      expect(authorization, execution.item.name).toBe(ours.Authorization);
    }
  });

  it('with a token instead: sent as X-Auth-Token, nothing signed, every request accepted', { timeout: 120_000 }, async () => {
    const { executions, failures } = await runCollection({ token: TOKEN });
    expect(failures).toEqual([]);
    for (const execution of executions) {
      const headers = execution.request.headers.toObject();
      expect(headers['x-auth-token']).toBe(TOKEN);
      expect(headers.authorization).toBeUndefined();
      expect(execution.response?.code).toBeLessThan(300);
    }
  });

  it('with a wrong SK: every request is refused (401), which is what the contract gives for it', { timeout: 120_000 }, async () => {
    const { executions } = await runCollection({ ak: GUIDE_AKSK.ak, sk: `${GUIDE_AKSK.sk.slice(0, -1)}x` });
    expect(executions.map((execution) => execution.response?.code)).toEqual(executions.map(() => 401));
  });

  it('without credentials: the pre-request script says which variables to set, and nothing is sent', { timeout: 120_000 }, async () => {
    const { executions, failures } = await runCollection({});
    // One failed check per request, naming what to set.
    expect(failures.map((failure) => failure.error.message)).toEqual(OPERATIONS.map(() => expect.stringContaining('Set the collection variables ak and sk')));
    expect(executions.filter((execution) => execution.response)).toEqual([]);
  });
});

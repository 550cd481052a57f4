// Starts this project's mock on a free 127.0.0.1 port for the conformance suite, unless
// APIG_BASE_URL points the suite at another server. The mock runs in this process, and is
// closed on teardown and when setup itself fails, so nothing is left listening. Another
// server is probed once: does it remember what is created (a gateway, a stateful mock) or
// answer every call with an example (a `--stateless` mock)?
import type { TestProject } from 'vitest/node';
import { targetFromEnvironment } from '../../scripts/conformance-target.mjs';
import type { ConformanceTarget } from './target.js';
import { exchange, type TargetAuth } from './exchange.js';

function call(baseUrl: string, auth: TargetAuth, method: string, path: string, json?: unknown) {
  return exchange(`${baseUrl}${path}`, method, json === undefined ? undefined : JSON.stringify(json), auth);
}

/**
 * Creates an APP with a name of this run and reads it back: a target that answers with that
 * name remembers APPs; one that answers with another name (the page's example) does not. The
 * probe's APP is deleted. A target that refuses a valid create with these credentials is
 * reported here, before any test runs.
 */
async function probeStateful(baseUrl: string, auth: TargetAuth): Promise<boolean> {
  const name = `ctprobe_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let created;
  try {
    created = await call(baseUrl, auth, 'POST', '/v1.0/apigw/apps', { name, remark: 'conformance probe' });
  } catch (error) {
    throw new Error(`conformance: cannot reach APIG_BASE_URL (${baseUrl}): ${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`);
  }
  if (created.status !== 201) {
    const reason = created.json?.error_code ? `${created.json.error_code} ${created.json.error_msg ?? ''}`.trim() : created.text.slice(0, 200);
    throw new Error(`conformance: the target answered ${created.status} (${reason}) to a valid Create APP with the credentials given: check APIG_AUTH_TOKEN or APIG_AK/APIG_SK.`);
  }
  if (created.json?.name !== name) return false;
  const id = encodeURIComponent(String(created.json.id));
  const deleted = await call(baseUrl, auth, 'DELETE', `/v1.0/apigw/apps/${id}`);
  if (deleted.status !== 204) throw new Error(`conformance: could not delete the probe's APP ${created.json.id} (answered ${deleted.status}); delete it by hand.`);
  return true;
}

export default async function setup(project: TestProject) {
  const external = targetFromEnvironment(process.env);
  if (external) {
    let stateful: boolean;
    try {
      stateful = await probeStateful(external.baseUrl, external.auth);
    } catch (error) {
      // Said first and alone: a thrown setup error would come after vitest's "No test files found".
      console.error(`\n${(error as Error).message}\n`);
      process.exit(2);
    }
    if (!external.dedicated) console.log('conformance: APIG_PROJECT_ID/APIG_INSTANCE_ID not set: the dedicated variant is not tested.');
    console.log(
      `conformance: target ${external.baseUrl} (${stateful ? 'remembers the APPs created: each valid case deletes its APP' : 'answers with examples, remembers nothing: the lifecycle scenarios are skipped'}); checks only this project's in-process mock can pass (the field named in a 400, Prefer, robustness) are skipped.`,
    );
    project.provide('target', { baseUrl: external.baseUrl, lifecycleBaseUrl: external.baseUrl, lifecycleAuths: [external.auth], ownMock: false, stateful, auth: external.auth, ...(external.dedicated ? { dedicated: external.dedicated } : {}) } satisfies ConformanceTarget);
    return;
  }
  const { startMockServer } = await import('../../mock/server.mjs');
  let rules: Awaited<ReturnType<typeof startMockServer>> | undefined;
  let lifecycle: Awaited<ReturnType<typeof startMockServer>> | undefined;
  try {
    // The field-rule suites run on the mock as `npm start` serves it: stateful, any credential.
    rules = await startMockServer({ port: 0, host: '127.0.0.1' });
    // The lifecycle mock accepts only these credentials and checks every signature, so the
    // scenarios run once with a token and once signed by our client.
    const pair = { ak: 'CONFORMANCEAK0000001', sk: 'conformance-secret-key-0123456789abcdef' };
    lifecycle = await startMockServer({ port: 0, host: '127.0.0.1', credentials: { tokens: ['mock-token'], aksk: [pair] } });
    project.provide('target', {
      baseUrl: rules.url,
      lifecycleBaseUrl: lifecycle.url,
      lifecycleAuths: [{ token: 'mock-token' }, pair],
      ownMock: true,
      stateful: true,
      auth: { token: 'mock-token' },
      dedicated: { projectId: '77b6a44cba5143ab91d13ab9a8ff44fd', instanceId: 'eddc4d25480b4cd6b512f270a1b8b341' },
    } satisfies ConformanceTarget);
  } catch (error) {
    await rules?.close();
    await lifecycle?.close();
    throw error;
  }
  return async () => {
    await rules?.close();
    await lifecycle?.close();
  };
}

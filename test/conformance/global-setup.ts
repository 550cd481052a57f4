// Starts this project's mock on a free 127.0.0.1 port for the conformance suite, unless
// APIG_BASE_URL points the suite at another server. The mock runs in this process, and is
// closed on teardown and when setup itself fails, so nothing is left listening.
import type { TestProject } from 'vitest/node';
import type { ConformanceTarget } from './target.js';

function externalTarget(baseUrl: string): ConformanceTarget {
  const env = process.env;
  const auth = env.APIG_AUTH_TOKEN
    ? { token: env.APIG_AUTH_TOKEN }
    : env.APIG_AK && env.APIG_SK
      ? { ak: env.APIG_AK, sk: env.APIG_SK }
      : undefined;
  if (!auth) throw new Error('APIG_BASE_URL is set: give credentials in APIG_AUTH_TOKEN, or APIG_AK and APIG_SK.');
  const dedicated = env.APIG_PROJECT_ID && env.APIG_INSTANCE_ID ? { projectId: env.APIG_PROJECT_ID, instanceId: env.APIG_INSTANCE_ID } : undefined;
  if (!dedicated) console.log('conformance: APIG_PROJECT_ID/APIG_INSTANCE_ID not set: the dedicated variant is not tested.');
  console.log(`conformance: target ${baseUrl}; checks only this project's mock can pass (the field named in a 400, robustness) are skipped.`);
  const root = baseUrl.replace(/\/+$/, '');
  return { baseUrl: root, lifecycleBaseUrl: root, lifecycleAuths: [auth], ownMock: false, auth, ...(dedicated ? { dedicated } : {}) };
}

export default async function setup(project: TestProject) {
  const baseUrl = process.env.APIG_BASE_URL;
  if (baseUrl) {
    project.provide('target', externalTarget(baseUrl));
    return;
  }
  const { startMockServer } = await import('../../mock/server.mjs');
  let rules: Awaited<ReturnType<typeof startMockServer>> | undefined;
  let lifecycle: Awaited<ReturnType<typeof startMockServer>> | undefined;
  try {
    // The field-rule suites send the same valid body many times: a stateless mock answers each
    // with its example. The lifecycle scenarios need the stateful one.
    rules = await startMockServer({ port: 0, host: '127.0.0.1', stateless: true });
    // The lifecycle mock accepts only these credentials and checks every signature, so the
    // scenarios run once with a token and once signed by our client.
    const pair = { ak: 'CONFORMANCEAK0000001', sk: 'conformance-secret-key-0123456789abcdef' };
    lifecycle = await startMockServer({ port: 0, host: '127.0.0.1', credentials: { tokens: ['mock-token'], aksk: [pair] } });
    project.provide('target', {
      baseUrl: rules.url,
      lifecycleBaseUrl: lifecycle.url,
      lifecycleAuths: [{ token: 'mock-token' }, pair],
      ownMock: true,
      auth: { token: 'mock-token' },
      dedicated: { projectId: '77b6a44cba5143ab91d13ab9a8ff44fd', instanceId: 'eddc4d25480b4cd6b512f270a1b8b341' },
    });
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

// This project's two mocks as the conformance suite's default target: one as `npm start`
// serves it (stateful, any credential) for the field rules, and one that accepts only these
// credentials and checks every signature, so the lifecycle scenarios run once with a token
// and once signed by our client. Started by the suite's global setup, or (mutation testing)
// inside the test worker by ./in-process-target.ts.
import type { startMockServer as StartMockServer } from '../../mock/server/index.mjs';
import type { ConformanceTarget } from './target.js';

export async function startOwnMockTarget(): Promise<{ target: ConformanceTarget; close: () => Promise<void> }> {
  // Loaded here, not above: a run against another target never loads the mock.
  const { startMockServer } = await import('../../mock/server/index.mjs');
  let rules: Awaited<ReturnType<typeof StartMockServer>> | undefined;
  let lifecycle: Awaited<ReturnType<typeof StartMockServer>> | undefined;
  const close = async () => {
    await rules?.close();
    await lifecycle?.close();
  };
  try {
    rules = await startMockServer({ port: 0, host: '127.0.0.1' });
    const pair = { ak: 'CONFORMANCEAK0000001', sk: 'conformance-secret-key-0123456789abcdef' };
    lifecycle = await startMockServer({ port: 0, host: '127.0.0.1', credentials: { tokens: ['mock-token'], aksk: [pair] } });
    const target: ConformanceTarget = {
      baseUrl: rules.url,
      lifecycleBaseUrl: lifecycle.url,
      lifecycleAuths: [{ token: 'mock-token' }, pair],
      ownMock: true,
      stateful: true,
      auth: { token: 'mock-token' },
      dedicated: { projectId: '77b6a44cba5143ab91d13ab9a8ff44fd', instanceId: 'eddc4d25480b4cd6b512f270a1b8b341' },
    };
    return { target, close };
  } catch (error) {
    await close();
    throw error;
  }
}

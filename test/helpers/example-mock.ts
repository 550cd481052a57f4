// The mock in stateless mode (every call answers its page's example), one per test file:
// started before the file's tests, closed after them.
import { afterAll, beforeAll } from 'vitest';
import { startMockServer } from '../../mock/server/index.mjs';

export function useExampleMock(): { readonly url: string } {
  let mock: Awaited<ReturnType<typeof startMockServer>> | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, stateless: true });
  });
  afterAll(async () => {
    await mock?.close();
  });
  return {
    get url() {
      if (!mock) throw new Error('the example mock has not started: read its url inside a test');
      return mock.url;
    },
  };
}

// The set-up the v2 family helpers' client tests share: a stateful mock in this worker for the
// file, a client that counts the requests it sends (a check that refuses a call must send
// nothing), and a fresh v2 APP to work on.
import { afterAll, beforeAll } from 'vitest';
import { createApigClient, type ApigClient } from '../../src/index.js';
import { createApp } from '../../src/client/app-lifecycle.js';
import { startMockServer } from '../../mock/server/index.mjs';

export interface FamilyMock {
  /** A client of the mock with `token`; every request it sends is counted. */
  client(): ApigClient;
  /** How many requests the clients have sent so far. */
  requestsSent(): number;
  /** Creates an APP on the instance and gives its id. */
  newApp(name: string): Promise<string>;
}

/** Starts the mock before the file's tests and stops it after. */
export function familyMock(instance: { projectId: string; instanceId: string }, token: string): FamilyMock {
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  let sent = 0;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
  });
  afterAll(async () => {
    await mock?.close();
  });
  const client = () => {
    const counted = createApigClient({ baseUrl: mock.url, auth: { token } });
    counted.use({
      onRequest() {
        sent += 1;
      },
    });
    return counted;
  };
  const newApp = async (name: string) => {
    const created = await createApp<{ id: string }>(client(), { gateway: 'dedicatedV2', ...instance }, { name });
    if (!created.ok) throw created.error;
    return created.data.id;
  };
  return { client, requestsSent: () => sent, newApp };
}

// The APP lifecycle as a client team runs it, on every generation the target offers: create,
// show, find by exact name, update, a duplicate name refused, reset the secret, verify, delete,
// then show is 404; and paging through more APPs than a page holds. Names are unique per run,
// and every APP the suite creates is deleted at the end, even when a test fails, so a second
// run against a real gateway passes too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApigClient,
  type ApigClient,
  deleteApp,
  findAppByName,
  listApps,
  resetAppSecret,
  showApp,
  updateApp,
  verifyApp,
  type Gateway,
} from '../../src/index.js';
import { createAppOnDedicatedGateway, createAppOnDedicatedGatewayV2, createAppOnSharedGateway } from '../../src/index.js';
import { NEEDS_STATE, RUN as RUN_ID, target } from './target.js';

const RUN = `ct${RUN_ID}`;

// Against a target that remembers nothing, there is no lifecycle to walk.
const describeIfStateful = target.stateful ? describe : describe.skip;
const GATEWAYS: Gateway[] = [
  { gateway: 'shared' },
  ...(target.dedicated
    ? [
        { gateway: 'dedicated' as const, ...target.dedicated },
        { gateway: 'dedicatedV2' as const, ...target.dedicated },
      ]
    : []),
];

/** Every APP created, with the client that made it, so that the cleanup finds it whatever happened. */
const created: Array<{ client: ApigClient; gateway: Gateway; id: string }> = [];
let client: ApigClient;

async function create(gateway: Gateway, name: string) {
  const result =
    gateway.gateway === 'shared'
      ? await createAppOnSharedGateway(client, { name, remark: 'conformance run' })
      : gateway.gateway === 'dedicated'
        ? await createAppOnDedicatedGateway(client, gateway, { name, remark: 'conformance run' })
        : await createAppOnDedicatedGatewayV2(client, gateway, { name, remark: 'conformance run' });
  if (result.ok) created.push({ client, gateway, id: result.data.id });
  return result;
}

afterAll(async () => {
  const left = [];
  for (const { client: owner, gateway, id } of created.splice(0)) {
    const result = await deleteApp(owner, gateway, id);
    if (!result.ok && !(result.error.kind === 'api' && result.error.status === 404)) left.push(`${gateway.gateway} ${id}: ${result.error.message}`);
  }
  expect(left, 'APPs the suite could not clean up').toEqual([]);
}, 120_000);

describeIfStateful.each(target.lifecycleAuths.map((auth) => ({ auth, kind: 'token' in auth ? 'token' : 'aksk' })))(
  `with $kind${NEEDS_STATE}`,
  ({ auth, kind }) => {
    beforeAll(() => {
      client = createApigClient({ baseUrl: target.lifecycleBaseUrl, auth });
    });
    describe.each(GATEWAYS)('$gateway', (gateway) => {
      it('create → show → find by exact name → update → duplicate refused → reset → verify → delete → 404', async () => {
        const name = `${RUN}_${kind}_${gateway.gateway}`;
        const made = await create(gateway, name);
        if (!made.ok) throw made.error;
        const id = made.data.id;

        expect(await showApp(client, gateway, id)).toMatchObject({ ok: true, data: { id, name, remark: 'conformance run' } });
        expect(await findAppByName(client, gateway, name)).toMatchObject({ ok: true, data: { id, name } });

        const renamed = `${name}_r`;
        const updated = await updateApp(client, gateway, id, { name: renamed, remark: 'renamed' });
        expect(updated).toMatchObject({ ok: true, status: gateway.gateway === 'dedicatedV2' ? 201 : 200, data: { id, name: renamed, remark: 'renamed' } });

        const duplicate = await create(gateway, renamed);
        expect(duplicate).toMatchObject({ ok: false, error: { kind: 'api', status: 400, errorCode: 'APIG.3203' } });

        const before = updated.ok ? (updated.data as { app_secret: string }).app_secret : '';
        const reset = await resetAppSecret(client, gateway, id);
        expect(reset).toMatchObject({ ok: true, status: 200, data: { id } });
        if (reset.ok) expect((reset.data as { app_secret: string }).app_secret).not.toBe(before);

        expect(await verifyApp(client, gateway, id)).toMatchObject({ ok: true, data: { id, name: renamed } });
        expect(await deleteApp(client, gateway, id)).toMatchObject({ ok: true, status: 204 });
        const gone = await showApp(client, gateway, id);
        expect(gone).toMatchObject({
          ok: false,
          error: { kind: 'api', status: 404, errorCode: gateway.gateway === 'dedicatedV2' ? 'APIG.3002' : 'APIG.3004' },
        });
      }, 60_000);

      it('lists more APPs than one page holds, every one exactly once', async () => {
        const names = Array.from({ length: 5 }, (_, i) => `${RUN}_${kind}_${gateway.gateway}_p${i}`);
        for (const name of names) expect((await create(gateway, name)).ok).toBe(true);
        const seen: string[] = [];
        for await (const app of listApps(client, gateway, { name: `${RUN}_${kind}_${gateway.gateway}_p` }, { pageSize: 2 })) seen.push(app.name);
        expect(seen.sort()).toEqual(names);
      }, 60_000);
    });
  },
);

// What an APP is for, as a provisioning script runs it, on every generation the target offers:
// create an APP, give it AppCodes (not on the dedicated v1, which has none), authorize it to an
// API published in RELEASE, see it in both bound lists and in the outline, a duplicate grant
// reported in its pair's result, cancel it, then delete the APP and see its AppCodes and grants
// gone. The API is one the target already publishes in RELEASE (found through the not-bound
// list), so the suite needs nothing but credentials; every grant and APP it makes is removed at
// the end, even when a test fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorizeApps,
  cancelAppAuthorization,
  createApigClient,
  createAppCode,
  deleteApp,
  generateAppCode,
  listAppCodes,
  listAppCodesPage,
  listApisBoundToApp,
  listApisNotBoundToApp,
  listAppsBoundToApi,
  showAppOutline,
  type ApigClient,
  type Gateway,
} from '../../src/index.js';
import { createApp } from '../../src/client/app-lifecycle.js';
import { NEEDS_STATE, RUN as RUN_ID, target } from './target.js';

const RUN = `cg${RUN_ID}`;
const RELEASE = 'DEFAULT_ENVIRONMENT_RELEASE_ID';
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

/** What the suite made, so that the cleanup finds it whatever happened: grants first, then APPs. */
const grants: Array<{ client: ApigClient; gateway: Gateway; id: string }> = [];
const apps: Array<{ client: ApigClient; gateway: Gateway; id: string }> = [];

afterAll(async () => {
  const left = [];
  for (const { client, gateway, id } of grants.splice(0)) {
    const result = await cancelAppAuthorization(client, gateway, id);
    if (!result.ok && !(result.error.kind === 'api' && result.error.status === 404)) left.push(`${gateway.gateway} grant ${id}: ${result.error.message}`);
  }
  for (const { client, gateway, id } of apps.splice(0)) {
    const result = await deleteApp(client, gateway, id);
    if (!result.ok && !(result.error.kind === 'api' && result.error.status === 404)) left.push(`${gateway.gateway} APP ${id}: ${result.error.message}`);
  }
  expect(left, 'what the suite could not clean up').toEqual([]);
}, 120_000);

async function collect<T>(iterator: AsyncGenerator<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterator) all.push(item);
  return all;
}

describeIfStateful.each(target.lifecycleAuths.map((auth) => ({ auth, kind: 'token' in auth ? 'token' : 'aksk' })))(
  `with $kind${NEEDS_STATE}`,
  ({ auth, kind }) => {
    let client: ApigClient;
    beforeAll(() => {
      client = createApigClient({ baseUrl: target.lifecycleBaseUrl, auth });
    });

    describe.each(GATEWAYS)('$gateway', (gateway) => {
      it('create → AppCodes → authorize in RELEASE → both bound lists and the outline → duplicate reported → cancel → delete: nothing left', async () => {
        const made = await createApp<{ id: string; name: string }>(client, gateway, { name: `${RUN}_${kind}_${gateway.gateway}`, remark: 'conformance run' });
        if (!made.ok) throw made.error;
        const app = made.data.id;
        apps.push({ client, gateway, id: app });

        if (gateway.gateway !== 'dedicated') {
          const generated = await generateAppCode(client, gateway, app);
          expect(generated).toMatchObject({ ok: true, status: 201, data: { app_id: app } });
          const chosen = await createAppCode(client, gateway, app, { app_code: `Conformance+${RUN}${'c'.repeat(64)}`.slice(0, 100) });
          expect(chosen).toMatchObject({ ok: true, status: 201, data: { app_id: app } });
          expect((await collect(listAppCodes(client, gateway, app, { pageSize: 1 }))).map((c) => c.app_id)).toEqual([app, app]);
        }

        // An API the target publishes in RELEASE, which this new APP is not bound to yet.
        const candidates = await collect(listApisNotBoundToApp(client, gateway, { appId: app, envId: RELEASE }));
        const api = candidates.find((a) => a.run_env_id === RELEASE);
        expect(api, 'the target has no API published in RELEASE to authorize against').toBeDefined();
        const apiId = api!.id;

        const granted = await authorizeApps(client, gateway, { appIds: [app], apiIds: [apiId], envId: RELEASE });
        if (!granted.ok) throw granted.error;
        expect(granted.status).toBe(201);
        expect(granted.data.failed).toEqual([]);
        const grantId = granted.data.pairs[0]!.authorizationId!;
        grants.push({ client, gateway, id: grantId });

        const bound = await collect(listApisBoundToApp(client, gateway, { appId: app, envId: RELEASE }));
        expect(bound.map((b) => [b.id, b.api_id])).toEqual([[grantId, apiId]]);
        const boundApps = await collect(listAppsBoundToApi(client, gateway, { apiId, appId: app }));
        expect(boundApps.map((b) => b.id)).toEqual([grantId]);
        const stillUnbound = await collect(listApisNotBoundToApp(client, gateway, { appId: app, envId: RELEASE }));
        expect(stillUnbound.map((a) => a.id)).not.toContain(apiId);
        const outline = await showAppOutline(client, gateway);
        expect(outline.ok && outline.data.authed_nums).toBeGreaterThanOrEqual(1);

        const duplicate = await authorizeApps(client, gateway, { appIds: [app], apiIds: [apiId], envId: RELEASE });
        if (!duplicate.ok) throw duplicate.error;
        expect(duplicate.status).toBe(201);
        expect(duplicate.data.failed).toHaveLength(1);
        expect(duplicate.data.failed[0]).toMatchObject({ appId: app, apiId, status: expect.stringMatching(/^(SKIPPED|FAILED)$/) });
        if (gateway.gateway === 'dedicatedV2') expect(duplicate.data.failed[0]!.errorCode).toBe('APIG.3316');

        expect(await cancelAppAuthorization(client, gateway, grantId)).toMatchObject({ ok: true, status: 204 });
        expect((await collect(listApisNotBoundToApp(client, gateway, { appId: app, envId: RELEASE, apiId }))).map((a) => a.id)).toEqual([apiId]);

        // Granted again, then the APP deleted: its grants and AppCodes go with it.
        const regranted = await authorizeApps(client, gateway, { appIds: [app], apiIds: [apiId], envId: RELEASE });
        if (!regranted.ok) throw regranted.error;
        grants.push({ client, gateway, id: regranted.data.pairs[0]!.authorizationId! });
        expect(await deleteApp(client, gateway, app)).toMatchObject({ ok: true, status: 204 });
        expect(await collect(listAppsBoundToApi(client, gateway, { apiId, appId: app }))).toEqual([]);
        if (gateway.gateway !== 'dedicated') {
          const codes = await listAppCodesPage(client, gateway, app);
          expect(codes.ok).toBe(false);
        }
      }, 60_000);
    });
  },
);

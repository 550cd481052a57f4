// The v2 families beside the APP, as a provisioning script runs them on the dedicated gateway v2:
// APP access control (set an allow list, read it back, replace it with a deny list, delete it) and
// AI API keys (one generated, one given; listed masked, shown, deleted) and client quotas (create one,
// bind an APP, see it from both sides, unbind, delete).
// Each family is skipped, with the reason, when the target does not offer it (a gateway that
// answers its route with 404 APIG.0101, no such API) or has no dedicated instance configured.
// Everything the suite makes is removed at the end, even when a test fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bindAppsToAppQuota,
  createAppQuota,
  deleteAppQuota,
  listAppsBindableToAppQuota,
  listAppsBoundToAppQuota,
  showAppQuota,
  showAppQuotaOfApp,
  unbindAppFromAppQuota,
  createAiApiKey,
  createApigClient,
  deleteAiApiKey,
  deleteApp,
  deleteAppAcl,
  listAiApiKeys,
  setAppAcl,
  showAiApiKey,
  showAppAcl,
  type ApigClient,
  type ApigError,
  type Gateway,
} from '../../src/index.js';
import { createApp } from '../../src/client/app-lifecycle.js';
import { NEEDS_STATE, RUN as RUN_ID, target } from './target.js';

const RUN = `cf${RUN_ID}`;
const NEEDS_V2 = target.dedicated ? '' : ' [skipped: no dedicated instance (APIG_PROJECT_ID, APIG_INSTANCE_ID)]';
const describeIfV2 = target.stateful && target.dedicated ? describe : describe.skip;
/** What the suite made, so that the cleanup finds it whatever happened. */
const apps: Array<{ client: ApigClient; gateway: Gateway; id: string }> = [];
const aiKeys: Array<{ client: ApigClient; instance: { projectId: string; instanceId: string }; app: string; id: string }> = [];
const quotas: Array<{ client: ApigClient; instance: { projectId: string; instanceId: string }; id: string }> = [];

afterAll(async () => {
  const left = [];
  for (const { client, instance, id } of quotas.splice(0)) {
    const result = await deleteAppQuota(client, instance, id);
    if (!result.ok && !(result.error.kind === 'api' && result.error.status === 404)) left.push(`quota ${id}: ${result.error.message}`);
  }
  for (const { client, instance, app, id } of aiKeys.splice(0)) {
    const result = await deleteAiApiKey(client, instance, app, id);
    if (!result.ok && !(result.error.kind === 'api' && result.error.status === 404)) left.push(`AI API key ${id}: ${result.error.message}`);
  }
  for (const { client, gateway, id } of apps.splice(0)) {
    const result = await deleteApp(client, gateway, id);
    if (!result.ok && !(result.error.kind === 'api' && result.error.status === 404)) left.push(`APP ${id}: ${result.error.message}`);
  }
  expect(left, 'what the suite could not clean up').toEqual([]);
}, 120_000);

/** A target without the operation answers its route as no API at all (APIG.0101), not as a missing APP. */
const notOffered = (error: unknown) => (error as ApigError)?.status === 404 && (error as ApigError)?.errorCode === 'APIG.0101';

describeIfV2.each(target.lifecycleAuths.map((auth) => ({ auth, kind: 'token' in auth ? 'token' : 'aksk' })))(
  `with $kind${NEEDS_STATE}${NEEDS_V2}`,
  ({ auth, kind }) => {
    let client: ApigClient;
    let instance: { projectId: string; instanceId: string };
    let gateway: Gateway;
    beforeAll(() => {
      client = createApigClient({ baseUrl: target.lifecycleBaseUrl, auth });
      instance = target.dedicated as { projectId: string; instanceId: string };
      gateway = { gateway: 'dedicatedV2', ...instance };
    });

    it('APP access control: set an allow list → read it → replace with a deny list → delete → the APP has none', async (context) => {
      const made = await createApp<{ id: string }>(client, gateway, { name: `${RUN}_acl_${kind}`, remark: 'conformance run' });
      if (!made.ok) throw made.error;
      const app = made.data.id;
      apps.push({ client, gateway, id: app });

      const values = ['192.168.0.1', '192.168.0.5-192.168.0.10', '192.168.0.100/28'];
      const set = await setAppAcl(client, instance, app, { app_acl_type: 'PERMIT', app_acl_values: values });
      if (!set.ok && notOffered(set.error)) context.skip('the target does not offer APP access control (PUT …/app-acl answered 404 APIG.0101)');
      if (!set.ok) throw set.error;
      expect(set.status).toBe(201);
      expect(set.data).toMatchObject({ app_id: app, app_acl_type: 'PERMIT', app_acl_values: values });

      const shown = await showAppAcl(client, instance, app);
      if (!shown.ok) throw shown.error;
      expect(shown.data).toMatchObject({ app_id: app, app_acl_type: 'PERMIT', app_acl_values: values });

      const replaced = await setAppAcl(client, instance, app, { app_acl_type: 'DENY', app_acl_values: ['10.0.0.0/8'] });
      if (!replaced.ok) throw replaced.error;
      expect((await showAppAcl(client, instance, app)).ok && replaced.data.app_acl_type).toBe('DENY');

      const deleted = await deleteAppAcl(client, instance, app);
      if (!deleted.ok) throw deleted.error;
      expect(deleted.status).toBe(204);
      const after = await showAppAcl(client, instance, app);
      if (!after.ok) throw after.error;
      expect(after.data.app_id).toBe(app);
      expect(after.data.app_acl_values ?? []).toEqual([]);
    });

    it('APP access control of an APP that does not exist: 404', async (context) => {
      const shown = await showAppAcl(client, instance, `${RUN}-no-such-app`);
      expect(shown.ok).toBe(false);
      if (shown.ok) return;
      if (notOffered(shown.error)) context.skip('the target does not offer APP access control (GET …/app-acl answered 404 APIG.0101)');
      expect((shown.error as ApigError).status).toBe(404);
    });

    it('AI API keys: one generated, one given → both listed, masked → shown in full → deleted → gone', async (context) => {
      const made = await createApp<{ id: string }>(client, gateway, { name: `${RUN}_ai_${kind}`, remark: 'conformance run' });
      if (!made.ok) throw made.error;
      const app = made.data.id;
      apps.push({ client, gateway, id: app });

      const generated = await createAiApiKey(client, instance, app, { alias: `${RUN}_gen` });
      if (!generated.ok && notOffered(generated.error)) context.skip('the target does not offer AI API keys (POST …/ai-api-keys answered 404 APIG.0101)');
      if (!generated.ok) throw generated.error;
      aiKeys.push({ client, instance, app, id: generated.data.id });
      expect(generated.status).toBe(201);
      expect(generated.data.ai_api_key).toMatch(/^[A-Za-z0-9+_/=-]{8,128}$/);
      const value = `${RUN}-Key_0001`;
      const given = await createAiApiKey(client, instance, app, { ai_api_key: value });
      if (!given.ok) throw given.error;
      aiKeys.push({ client, instance, app, id: given.data.id });
      expect(given.data.ai_api_key).toBe(value);

      const listed = [];
      for await (const key of listAiApiKeys(client, instance, app, { pageSize: 1 })) listed.push(key);
      expect(listed.map((k) => k.id).sort()).toEqual([generated.data.id, given.data.id].sort());
      // Masked: the list never shows a key whole (“展示匿名化的已经创建的AIAPIKey”).
      for (const key of listed) expect([value, generated.data.ai_api_key]).not.toContain(key.ai_api_key);

      const shown = await showAiApiKey(client, instance, app, given.data.id);
      if (!shown.ok) throw shown.error;
      expect(shown.data).toMatchObject({ id: given.data.id, app_id: app });

      for (const id of [generated.data.id, given.data.id]) {
        const deleted = await deleteAiApiKey(client, instance, app, id);
        if (!deleted.ok) throw deleted.error;
        expect(deleted.status).toBe(204);
      }
      const gone = await showAiApiKey(client, instance, app, given.data.id);
      expect(!gone.ok && (gone.error as ApigError).status).toBe(404);
    });

    it('client quotas: create → bind an APP → seen from the quota and from the APP → unbind → delete', async (context) => {
      const made = [];
      for (const which of ['bound', 'free']) {
        const app = await createApp<{ id: string }>(client, gateway, { name: `${RUN}_q${which}_${kind}`, remark: 'conformance run' });
        if (!app.ok) throw app.error;
        apps.push({ client, gateway, id: app.data.id });
        made.push(app.data.id);
      }
      const [boundApp, freeApp] = made as [string, string];
      const created = await createAppQuota(client, instance, { name: `${RUN}_quota_${kind}`, call_limits: 1000, time_unit: 'DAY', time_interval: 1 });
      if (!created.ok && notOffered(created.error)) context.skip('the target does not offer client quotas (POST …/app-quotas answered 404 APIG.0101)');
      if (!created.ok) throw created.error;
      const id = created.data.app_quota_id;
      quotas.push({ client, instance, id });
      expect(created.status).toBe(201);

      const bound = await bindAppsToAppQuota(client, instance, id, [boundApp]);
      if (!bound.ok) throw bound.error;
      expect(bound.data.applies.map((a) => [a.app_id, a.app_quota_id])).toEqual([[boundApp, id]]);
      const fromQuota = [];
      for await (const app of listAppsBoundToAppQuota(client, instance, id)) fromQuota.push(app.app_id);
      expect(fromQuota).toEqual([boundApp]);
      const bindable = [];
      for await (const app of listAppsBindableToAppQuota(client, instance, id, { appName: RUN })) bindable.push(app.app_id);
      expect(bindable).toContain(freeApp);
      expect(bindable).not.toContain(boundApp);
      const fromApp = await showAppQuotaOfApp(client, instance, boundApp);
      if (!fromApp.ok) throw fromApp.error;
      expect(fromApp.data.app_quota_id).toBe(id);

      const unbound = await unbindAppFromAppQuota(client, instance, id, boundApp);
      if (!unbound.ok) throw unbound.error;
      expect(unbound.status).toBe(204);
      const after = await showAppQuotaOfApp(client, instance, boundApp);
      expect(after.ok).toBe(false);
      const deleted = await deleteAppQuota(client, instance, id);
      if (!deleted.ok) throw deleted.error;
      expect(deleted.status).toBe(204);
      const gone = await showAppQuota(client, instance, id);
      expect(!gone.ok && (gone.error as ApigError).status).toBe(404);
    });
  },
);

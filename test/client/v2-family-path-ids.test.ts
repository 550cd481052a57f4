// Every path id of the v2 family helpers (APP access control, AI API keys, client quotas) is
// checked before anything is sent: an empty one is refused, the issue naming the helper's
// argument and the source page's path parameter, and no request leaves the process.
import { describe, expect, it } from 'vitest';
import {
  type ApigClient,
  ApigValidationError,
  bindAppsToAppQuota,
  createAiApiKey,
  createApigClient,
  deleteAiApiKey,
  deleteAppAcl,
  deleteAppQuota,
  listAiApiKeysPage,
  listAppsBindableToAppQuotaPage,
  listAppsBoundToAppQuotaPage,
  setAppAcl,
  showAiApiKey,
  showAppAcl,
  showAppQuota,
  showAppQuotaOfApp,
  unbindAppFromAppQuota,
  updateAppQuota,
} from '../../src/index.js';
import type { Outcome } from '../../src/client/vocabulary.js';

const INSTANCE = { projectId: 'p-ids', instanceId: 'i-ids' };
const QUOTA = { name: 'quota_ids', call_limits: 1, time_unit: 'DAY', time_interval: 1 } as const;
const ACL = { app_acl_type: 'PERMIT', app_acl_values: ['10.0.0.1'] } as const;

type Call = (client: ApigClient, ids: Record<string, string>) => Promise<Outcome<unknown>>;
/** Each helper, the ids it takes (argument → path parameter), and how it is called with them. */
const HELPERS: Array<[string, Record<string, string>, Call]> = [
  ['showAppAcl', { appId: 'app_id' }, (c, i) => showAppAcl(c, INSTANCE, i.appId!)],
  ['setAppAcl', { appId: 'app_id' }, (c, i) => setAppAcl(c, INSTANCE, i.appId!, { ...ACL, app_acl_values: [...ACL.app_acl_values] })],
  ['deleteAppAcl', { appId: 'app_id' }, (c, i) => deleteAppAcl(c, INSTANCE, i.appId!)],
  ['createAiApiKey', { appId: 'app_id' }, (c, i) => createAiApiKey(c, INSTANCE, i.appId!)],
  ['listAiApiKeysPage', { appId: 'app_id' }, (c, i) => listAiApiKeysPage(c, INSTANCE, i.appId!)],
  ['showAiApiKey', { appId: 'app_id', aiApiKeyId: 'ai_api_key_id' }, (c, i) => showAiApiKey(c, INSTANCE, i.appId!, i.aiApiKeyId!)],
  ['deleteAiApiKey', { appId: 'app_id', aiApiKeyId: 'ai_api_key_id' }, (c, i) => deleteAiApiKey(c, INSTANCE, i.appId!, i.aiApiKeyId!)],
  ['showAppQuota', { appQuotaId: 'app_quota_id' }, (c, i) => showAppQuota(c, INSTANCE, i.appQuotaId!)],
  ['updateAppQuota', { appQuotaId: 'app_quota_id' }, (c, i) => updateAppQuota(c, INSTANCE, i.appQuotaId!, { ...QUOTA })],
  ['deleteAppQuota', { appQuotaId: 'app_quota_id' }, (c, i) => deleteAppQuota(c, INSTANCE, i.appQuotaId!)],
  ['bindAppsToAppQuota', { appQuotaId: 'app_quota_id' }, (c, i) => bindAppsToAppQuota(c, INSTANCE, i.appQuotaId!, ['an-app'])],
  ['unbindAppFromAppQuota', { appQuotaId: 'app_quota_id', appId: 'app_id' }, (c, i) => unbindAppFromAppQuota(c, INSTANCE, i.appQuotaId!, i.appId!)],
  ['listAppsBoundToAppQuotaPage', { appQuotaId: 'app_quota_id' }, (c, i) => listAppsBoundToAppQuotaPage(c, INSTANCE, i.appQuotaId!)],
  ['listAppsBindableToAppQuotaPage', { appQuotaId: 'app_quota_id' }, (c, i) => listAppsBindableToAppQuotaPage(c, INSTANCE, i.appQuotaId!)],
  ['showAppQuotaOfApp', { appId: 'app_id' }, (c, i) => showAppQuotaOfApp(c, INSTANCE, i.appId!)],
];

describe.each(HELPERS)('%s', (_name, ids, call) => {
  it.each(Object.entries(ids))('refuses an empty %s (path parameter %s) and sends nothing', async (argument, param) => {
    let sent = 0;
    const client = createApigClient({
      baseUrl: 'http://gateway.invalid',
      auth: { token: 'MIIZtoken-ids-0123' },
      fetch: async () => {
        sent += 1;
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const given = Object.fromEntries(Object.keys(ids).map((name) => [name, name === argument ? '' : `${name}-1`]));
    const result = await call(client, given);
    expect(result.ok).toBe(false);
    const error = (result as { error: ApigValidationError }).error;
    expect(error).toBeInstanceOf(ApigValidationError);
    expect(error.issues).toEqual([{ field: argument, rule: 'required', message: `${argument} must be a non-empty string (path parameter ${param})` }]);
    expect(sent).toBe(0);
  });
});

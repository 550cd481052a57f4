// Client quotas through the client against the stateful mock: each helper as the current v2 pages
// describe its call, the iterators over every page, bodies and queries checked before sending (an
// integer out of range, a unit not listed, a reset time in another form), and path ids required.
import { describe, expect, it } from 'vitest';
import {
  type ApigError,
  ApigValidationError,
  bindAppsToAppQuota,
  createAppQuota,
  deleteAppQuota,
  listAppQuotas,
  listAppQuotasPage,
  listAppsBindableToAppQuota,
  listAppsBindableToAppQuotaPage,
  listAppsBoundToAppQuota,
  listAppsBoundToAppQuotaPage,
  showAppQuota,
  showAppQuotaOfApp,
  unbindAppFromAppQuota,
  updateAppQuota,
} from '../../src/index.js';
import { familyMock } from '../helpers/v2-family-mock.js';
import { fakeGateway } from '../helpers/fake-gateway.js';
import { createApigClient } from '../../src/index.js';

const INSTANCE = { projectId: 'p-quota', instanceId: 'i-quota' };
// The page's request example (Creating a Credential Quota).
const PAGE_QUOTA = { call_limits: 1000, name: 'ClientQuota_demo', reset_time: '2020-09-20 00:00:00', time_interval: 1, time_unit: 'DAY' } as const;
const { client, newApp, requestsSent } = familyMock(INSTANCE, 'MIIZtoken-quota-0123');
async function all<T>(iterator: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

describe('client quotas', () => {
  it('create → bind → bound, bindable and the APP’s quota → update → unbind → delete', async () => {
    const [first, second] = [await newApp('quota_client_1'), await newApp('quota_client_2')];
    const created = await createAppQuota(client(), INSTANCE, PAGE_QUOTA);
    if (!created.ok) throw created.error;
    expect(created.status).toBe(201);
    const id = created.data.app_quota_id;
    const bound = await bindAppsToAppQuota(client(), INSTANCE, id, [first]);
    expect(bound.ok && bound.data.applies.map((a) => a.app_id)).toEqual([first]);
    expect((await all(listAppsBoundToAppQuota(client(), INSTANCE, id, {}, { pageSize: 1 }))).map((a) => a.app_id)).toEqual([first]);
    expect((await all(listAppsBindableToAppQuota(client(), INSTANCE, id, { appName: 'quota_client' }, { pageSize: 1 }))).map((a) => a.app_id)).toEqual([
      second,
    ]);
    const ofApp = await showAppQuotaOfApp(client(), INSTANCE, first);
    expect(ofApp.ok && ofApp.data).toMatchObject({ app_quota_id: id, bound_app_num: 1 });
    const updated = await updateAppQuota(client(), INSTANCE, id, { ...PAGE_QUOTA, call_limits: 10 });
    expect(updated.ok && [updated.status, updated.data.call_limits]).toEqual([200, 10]);
    expect((await unbindAppFromAppQuota(client(), INSTANCE, id, first)).ok).toBe(true);
    const none = await showAppQuotaOfApp(client(), INSTANCE, first);
    expect(!none.ok && (none.error as ApigError).errorCode).toBe('APIG.3093');
    expect((await deleteAppQuota(client(), INSTANCE, id)).ok).toBe(true);
    const gone = await showAppQuota(client(), INSTANCE, id);
    expect(!gone.ok && (gone.error as ApigError).errorCode).toBe('APIG.3093');
  });

  it('every quota, page after page, by part of the name; a taken name is APIG.3325', async () => {
    for (const name of ['paged_quota_a', 'paged_quota_b', 'paged_quota_c']) await createAppQuota(client(), INSTANCE, { ...PAGE_QUOTA, name });
    expect((await all(listAppQuotas(client(), INSTANCE, { name: 'paged_quota' }, { pageSize: 2 }))).map((q) => q.name)).toEqual([
      'paged_quota_a',
      'paged_quota_b',
      'paged_quota_c',
    ]);
    const page = await listAppQuotasPage(client(), INSTANCE, { name: 'paged_quota' }, { offset: 2, limit: 5 });
    expect(page.ok && page.data).toMatchObject({ total: 3, size: 1 });
    const taken = await createAppQuota(client(), INSTANCE, { ...PAGE_QUOTA, name: 'paged_quota_a' });
    expect(!taken.ok && [(taken.error as ApigError).status, (taken.error as ApigError).errorCode]).toEqual([400, 'APIG.3325']);
    const boundPage = await listAppsBoundToAppQuotaPage(client(), INSTANCE, 'no-such-quota');
    expect(!boundPage.ok && (boundPage.error as ApigError).errorCode).toBe('APIG.3093');
    const bindablePage = await listAppsBindableToAppQuotaPage(client(), INSTANCE, 'no-such-quota', {}, { limit: 1 });
    expect(!bindablePage.ok && (bindablePage.error as ApigError).status).toBe(404);
  });

  it.each([
    [{ ...PAGE_QUOTA, call_limits: 0 }, 'call_limits', 'minimum', /at least 1 \(it is 0\).*1 ~ 2147483647/],
    [{ ...PAGE_QUOTA, time_interval: 2147483648 }, 'time_interval', 'maximum', /at most 2147483647/],
    [{ ...PAGE_QUOTA, call_limits: '1000' }, 'call_limits', 'type', /must be an integer, not string/],
    [{ ...PAGE_QUOTA, time_unit: 'WEEK' }, 'time_unit', 'enum', /one of SECOND, MINUTE, HOUR, DAY/],
    [{ ...PAGE_QUOTA, reset_time: '2020-09-20T00:00:00Z' }, 'reset_time', 'characters', /does not follow its rule.*yyyy-MM-dd HH:mm:ss/],
    [{ ...PAGE_QUOTA, remark: 'a<b' }, 'remark', 'characters', /does not follow its rule.*without < or >/],
    [{ ...PAGE_QUOTA, name: '1quota' }, 'name', 'characters', /must start with an English letter or a Chinese character/],
    [{ name: 'no_limits' }, 'call_limits', 'required', /是否必选/],
  ])('%j is refused before sending: %s breaks %s', async (body, field, rule, message) => {
    const before = requestsSent();
    const outcome = await createAppQuota(client(), INSTANCE, body as never);
    expect(requestsSent()).toBe(before);
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ApigValidationError);
    if (outcome.ok) return;
    const issue = (outcome.error as ApigValidationError).issues.find((i) => i.field === field);
    expect(issue?.rule).toBe(rule);
    expect(issue?.message).toMatch(message);
  });

  it('an empty list of APPs, a missing quota id or a non-integer paging value is refused before sending', async () => {
    const before = requestsSent();
    expect((await bindAppsToAppQuota(client(), INSTANCE, 'q1', [])).ok).toBe(false);
    expect((await showAppQuota(client(), INSTANCE, '')).ok).toBe(false);
    expect((await listAppQuotasPage(client(), INSTANCE, {}, { offset: 1.5 })).ok).toBe(false);
    expect(requestsSent()).toBe(before);
  });
});

describe('the lists’ filters are sent as the pages name them', () => {
  const { sent, fetch } = fakeGateway(() => Response.json({ total: 0, size: 0, app_quotas: [], apps: [] }));
  const recording = createApigClient({ baseUrl: 'https://apig.example', auth: { token: 'tok-filters' }, fetch });
  const queries = () => sent.splice(0).map((request) => new URL(request.url).search);

  it('a quota’s name (name), an APP’s name (app_name); none without filters', async () => {
    await listAppQuotasPage(recording, INSTANCE, { name: 'quota_a' });
    await listAppsBoundToAppQuotaPage(recording, INSTANCE, 'q1', { appName: 'app_b' }, { limit: 5 });
    await listAppsBindableToAppQuotaPage(recording, INSTANCE, 'q1', { appName: 'app_c' });
    expect(queries()).toEqual(['?name=quota_a', '?limit=5&app_name=app_b', '?app_name=app_c']);
    // JavaScript callers may pass undefined or null filters: nothing is sent for them, nothing throws.
    await listAppQuotasPage(recording, INSTANCE, null as never, { offset: 0 });
    await listAppsBoundToAppQuotaPage(recording, INSTANCE, 'q1', undefined as never);
    await listAppsBindableToAppQuotaPage(recording, INSTANCE, 'q1', null as never);
    expect(queries()).toEqual(['?offset=0', '', '']);
  });
});

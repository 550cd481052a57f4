// AI API keys of an APP, on the dedicated gateway v2 only (no v1.0 or v1 page or model has them):
// create (a key of your choosing, or one the gateway generates), list (each key masked), show,
// delete. Each helper returns `{ ok: true, … }` or `{ ok: false, error }` like the lifecycle's; the
// body is checked before it is sent, and a key given never appears in an error.
import { CreateAiApiKeyRequestV2Schema } from '../../generated/request-rules/index.js';
import type { components } from '../types.js';
import type { ApigClient } from './create-apig-client.js';
import type { CallOptions, InstanceOn, OffsetPaging, Outcome } from './vocabulary.js';
import { callOn, instanceOn } from './gateway-call.js';
import { pagingQuery } from './app-grants.js';
import { everyEntry } from './every-entry.js';

type S = components['schemas'];
const KEYS = '/apps/{app_id}/ai-api-keys';
const KEY = '/apps/{app_id}/ai-api-keys/{ai_api_key_id}';

/** `POST …/apps/{app_id}/ai-api-keys`: 201 with the key in full; without `ai_api_key` the gateway generates it. */
export function createAiApiKey(
  client: ApigClient,
  instance: InstanceOn<'dedicatedV2'>,
  appId: string,
  body: S['CreateAiApiKeyRequestV2'] = {},
  options: CallOptions = {},
): Promise<Outcome<S['AiApiKeyV2']>> {
  return callOn(client, 'POST', instanceOn('dedicatedV2', instance), KEYS, { body, schema: CreateAiApiKeyRequestV2Schema }, options, [
    ['appId', 'app_id', appId],
  ]);
}

/** `GET …/apps/{app_id}/ai-api-keys`: one page of the APP's keys, each masked. */
export function listAiApiKeysPage(
  client: ApigClient,
  instance: InstanceOn<'dedicatedV2'>,
  appId: string,
  paging: OffsetPaging = {},
  options: CallOptions = {},
): Promise<Outcome<S['AiApiKeyListV2']>> {
  return callOn(client, 'GET', instanceOn('dedicatedV2', instance), KEYS, { query: pagingQuery(paging) }, options, [['appId', 'app_id', appId]]);
}

/** Every AI API key of the APP (masked), page after page; a failing page is thrown as the typed error. */
export function listAiApiKeys(
  client: ApigClient,
  instance: InstanceOn<'dedicatedV2'>,
  appId: string,
  { pageSize = 100, options = {} }: { pageSize?: number; options?: CallOptions } = {},
): AsyncGenerator<S['AiApiKeyV2']> {
  const target = instanceOn('dedicatedV2', instance);
  return everyEntry(target, 'ai_api_keys', (paging) => listAiApiKeysPage(client, instance, appId, paging as OffsetPaging, options), pageSize);
}

/** `GET …/apps/{app_id}/ai-api-keys/{ai_api_key_id}`: one key, in full. */
export function showAiApiKey(
  client: ApigClient,
  instance: InstanceOn<'dedicatedV2'>,
  appId: string,
  aiApiKeyId: string,
  options: CallOptions = {},
): Promise<Outcome<S['AiApiKeyV2']>> {
  return callOn(client, 'GET', instanceOn('dedicatedV2', instance), KEY, {}, options, [
    ['appId', 'app_id', appId],
    ['aiApiKeyId', 'ai_api_key_id', aiApiKeyId],
  ]);
}

/** `DELETE …/apps/{app_id}/ai-api-keys/{ai_api_key_id}`: 204, no body. */
export function deleteAiApiKey(
  client: ApigClient,
  instance: InstanceOn<'dedicatedV2'>,
  appId: string,
  aiApiKeyId: string,
  options: CallOptions = {},
): Promise<Outcome<undefined>> {
  return callOn(client, 'DELETE', instanceOn('dedicatedV2', instance), KEY, {}, options, [
    ['appId', 'app_id', appId],
    ['aiApiKeyId', 'ai_api_key_id', aiApiKeyId],
  ]);
}

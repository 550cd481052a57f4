// AI API keys through the client against the stateful mock: create (given, or generated), list
// (masked, every page), show, delete; the body checked before sending with the SDK model's rules;
// and the key never in an error (it is a credential, like an AppSecret).
import { describe, expect, it } from 'vitest';
import {
  type ApigError,
  ApigValidationError,
  createAiApiKey,
  createApigClient,
  deleteAiApiKey,
  listAiApiKeys,
  listAiApiKeysPage,
  showAiApiKey,
} from '../../src/index.js';
import { familyMock } from '../helpers/v2-family-mock.js';

const INSTANCE = { projectId: 'p-ai', instanceId: 'i-ai' };
const { client, newApp, requestsSent } = familyMock(INSTANCE, 'MIIZtoken-ai-0123');

describe('AI API keys', () => {
  it('create (given, then generated) → show in full → every key, masked, over pages → delete → 404', async () => {
    const app = await newApp('ai_keys_flow');
    const given = await createAiApiKey(client(), INSTANCE, app, { ai_api_key: 'Given+key/01=', alias: 'prod_1' });
    expect(given.ok && given.status).toBe(201);
    expect(given.ok && given.data).toMatchObject({ ai_api_key: 'Given+key/01=', alias: 'prod_1', app_id: app });
    const generated = await createAiApiKey(client(), INSTANCE, app);
    expect(generated.ok && generated.data.ai_api_key).toMatch(/^[A-Za-z0-9+_/=-]{8,128}$/);
    if (!given.ok || !generated.ok) return;
    expect((await showAiApiKey(client(), INSTANCE, app, given.data.id)).ok).toBe(true);
    const all = [];
    for await (const key of listAiApiKeys(client(), INSTANCE, app, { pageSize: 1 })) all.push(key);
    expect(all.map((k) => [k.id, k.ai_api_key])).toEqual([
      [given.data.id, 'Give****'],
      [generated.data.id, `${generated.data.ai_api_key.slice(0, 4)}****`],
    ]);
    const page = await listAiApiKeysPage(client(), INSTANCE, app, { offset: 1, limit: 5 });
    expect(page.ok && page.data).toMatchObject({ total: 2, size: 1 });
    expect((await deleteAiApiKey(client(), INSTANCE, app, given.data.id)).ok).toBe(true);
    const gone = await showAiApiKey(client(), INSTANCE, app, given.data.id);
    expect(!gone.ok && (gone.error as ApigError).status).toBe(404);
  });

  it.each([
    [{ ai_api_key: 'short' }, 'ai_api_key', 'minLength'],
    [{ ai_api_key: 'abcdefg!' }, 'ai_api_key', 'characters'],
    [{ alias: 'my key' }, 'alias', 'characters'],
    [{ alias: 'a'.repeat(101) }, 'alias', 'maxLength'],
    [{ aiApiKey: 'abcdefgh' }, 'aiApiKey', 'unknown'],
  ])('%j is refused before sending: %s breaks %s', async (body, field, rule) => {
    const before = requestsSent();
    const outcome = await createAiApiKey(client(), INSTANCE, 'any-app', body as never);
    expect(requestsSent()).toBe(before);
    expect(!outcome.ok && outcome.error).toBeInstanceOf(ApigValidationError);
    if (outcome.ok) return;
    expect((outcome.error as ApigValidationError).issues.find((i) => i.field === field)?.rule).toBe(rule);
  });

  it('a key is a credential: never in a validation issue, nor in a gateway error echoing it', async () => {
    const secret = 'Secret-ai-key-value!';
    const refused = await createAiApiKey(client(), INSTANCE, 'any-app', { ai_api_key: secret });
    expect(!refused.ok && JSON.stringify((refused.error as ApigValidationError).issues)).not.toContain(secret);
    expect(!refused.ok && (refused.error as Error).message).not.toContain(secret);
    const echoing = createApigClient({
      baseUrl: 'http://gateway.invalid',
      auth: { token: 'MIIZtoken-ai-0123' },
      fetch: async () =>
        new Response(JSON.stringify({ error_code: 'APIG.2011', error_msg: 'Invalid parameter value, ai_api_key: Echoed-key-0001' }), {
          status: 400,
          headers: { 'content-type': 'application/json', 'x-request-id': 'r1' },
        }),
    });
    const failed = await createAiApiKey(echoing, INSTANCE, 'an-app', { ai_api_key: 'Echoed-key-0001' });
    expect(!failed.ok && (failed.error as ApigError).message).not.toContain('Echoed-key-0001');
    expect(!failed.ok && (failed.error as ApigError).errorCode).toBe('APIG.2011');
  });

  it('an APP that does not exist: 404 APIG.3004', async () => {
    const outcome = await listAiApiKeysPage(client(), INSTANCE, 'no-such-app');
    expect(!outcome.ok && [(outcome.error as ApigError).status, (outcome.error as ApigError).errorCode]).toEqual([404, 'APIG.3004']);
  });
});

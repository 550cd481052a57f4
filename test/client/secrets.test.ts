// SK, token and app_secret never appear in an error's message, toString, JSON or inspect output.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createApigClient, createAppOnSharedGateway, type ApigFailure } from '../../src/index.js';
import { signRequest } from '../../src/auth.js';
import { freePort } from '../helpers/child-process.js';

const TOKEN = 'tok3n-SECRET-never-logged-7f9a';
const SK = 'sk-SECRET-never-logged-MFyfvK41ba2g';
const APP_SECRET = 'AppSecret^NeverLogged99';

function exposures(error: unknown, secrets: string[]): string[] {
  const views = [String((error as Error).message), String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
  return secrets.filter((s) => views.some((v) => v.includes(s)));
}

async function failure(run: () => Promise<{ ok: boolean; error?: ApigFailure }>): Promise<ApigFailure> {
  const result = await run();
  if (result.ok) throw new Error('expected a failure');
  return result.error!;
}

describe('secrets stay out of errors', () => {
  it('validation errors (a bad app_secret)', async () => {
    const client = createApigClient({ baseUrl: 'http://127.0.0.1:9', auth: { token: TOKEN } });
    const error = await failure(() => createAppOnSharedGateway(client, { name: 'app_001', app_secret: APP_SECRET }));
    expect(error.kind).toBe('validation');
    expect(exposures(error, [TOKEN, APP_SECRET])).toEqual([]);
  });

  it('network errors, with token and with AK/SK', async () => {
    const port = await freePort();
    for (const auth of [{ token: TOKEN }, { ak: 'AKAKAKAKAK', sk: SK }]) {
      const client = createApigClient({ baseUrl: `http://127.0.0.1:${port}`, auth });
      const error = await failure(() => createAppOnSharedGateway(client, { name: 'app_001', app_secret: 'Valid_secret_1' }));
      expect(error.kind).toBe('network');
      expect(exposures(error, [TOKEN, SK, 'Valid_secret_1'])).toEqual([]);
    }
  });

  it('a fetch that fails quoting the credential', async () => {
    const leaky = (async (request: Request) => {
      throw new TypeError(`invalid header value ${request.headers.get('x-auth-token')}`);
    }) as unknown as typeof fetch;
    const client = createApigClient({ baseUrl: 'http://127.0.0.1:9', auth: { token: TOKEN }, fetch: leaky });
    const error = await failure(() => createAppOnSharedGateway(client, { name: 'app_001' }));
    expect(exposures(error, [TOKEN])).toEqual([]);
  });

  it('API errors whose message echoes the app_secret', async () => {
    const echo = (async () =>
      new Response(JSON.stringify({ error_code: 'APIG.2011', error_msg: `Invalid parameter value,parameterName:app_secret,value:${APP_SECRET}` }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      })) as unknown as typeof fetch;
    const client = createApigClient({ baseUrl: 'http://127.0.0.1:9', auth: { token: TOKEN }, validate: false, fetch: echo });
    const error = await failure(() => createAppOnSharedGateway(client, { name: 'app_001', app_secret: APP_SECRET }));
    expect(error.kind).toBe('api');
    expect(exposures(error, [TOKEN, APP_SECRET])).toEqual([]);
  });

  it('option errors and signer errors', async () => {
    let thrown: unknown;
    try {
      createApigClient({ baseUrl: 'http://127.0.0.1:9', auth: { token: `${TOKEN}\nX-Injected: 1` } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(exposures(thrown, [TOKEN])).toEqual([]);
    await expect(signRequest({ method: 'POST', url: 'not a url' }, { ak: 'AK', sk: SK })).rejects.toThrow(/absolute URL/);
    const signerError = await signRequest({ method: 'POST', url: 'not a url' }, { ak: 'AK', sk: SK }).catch((e) => e);
    expect(exposures(signerError, [SK])).toEqual([]);
  });
});

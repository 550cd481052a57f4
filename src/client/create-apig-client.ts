// The typed client: openapi-fetch over the generated types, with credentials added to every
// request and, unless turned off, the body validated before anything is sent.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../types.js';
import { ApigNetworkError, ApigValidationError } from '../errors.js';
import { validateCreateAppRequest } from '../validation/validate-create-app-request.js';
import { checkAuth, type ApigAuth } from './check-auth.js';
import { fillPath, signedPostInit, type PostInit } from './aksk-signing.js';

export type { ApigAuth };
export type ApigClient = Client<paths>;

export interface ApigClientOptions {
  /** e.g. `regionEndpoint('cn-north-4')` or `http://127.0.0.1:4010`. */
  baseUrl: string;
  auth: ApigAuth;
  /** Validate Create APP bodies before sending (default true): a bad body never leaves the process. */
  validate?: boolean;
  /** A fetch implementation (default: globalThis.fetch). */
  fetch?: typeof globalThis.fetch;
}

/** The regional API Gateway endpoint, e.g. `https://apig.cn-north-4.myhuaweicloud.com`. */
export function regionEndpoint(region: string): string {
  if (typeof region !== 'string' || !/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) {
    throw new TypeError(`regionEndpoint: region must look like cn-north-4 or ap-southeast-1 (got ${JSON.stringify(String(region).slice(0, 40))})`);
  }
  return `https://apig.${region}.myhuaweicloud.com`;
}

/** Values that must never appear in an error: the credentials and any app_secret sent. */
export function secretsOf(auth: ApigAuth, body?: unknown): string[] {
  const secrets = 'token' in auth ? [auth.token] : [auth.sk];
  const appSecret = (body as { app_secret?: unknown } | undefined)?.app_secret;
  if (typeof appSecret === 'string') secrets.push(appSecret);
  return secrets;
}

export function createApigClient(options: ApigClientOptions): ApigClient {
  const { baseUrl, auth, validate = true } = options ?? ({} as ApigClientOptions);
  if (typeof baseUrl !== 'string' || !/^https?:\/\/[^/]/.test(baseUrl)) {
    throw new TypeError('createApigClient: baseUrl must be an http(s) URL, e.g. regionEndpoint("cn-north-4")');
  }
  checkAuth(auth);
  const root = baseUrl.replace(/\/+$/, '');
  // A token is a fixed header, set once. AK/SK signs each POST (./aksk-signing.ts).
  const client = createClient<paths>({
    baseUrl: root,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...('token' in auth ? { headers: { 'X-Auth-Token': auth.token } } : {}),
  });
  const post = client.POST.bind(client);
  client.POST = ((path: string, init: PostInit = {}) => {
    if (validate) {
      const result = validateCreateAppRequest(init.body);
      if (!result.valid) return Promise.reject(new ApigValidationError(result.issues));
    }
    let sent: PostInit = init;
    if (!('token' in auth)) {
      const json = init.body === undefined || init.bodySerializer ? undefined : JSON.stringify(init.body);
      sent = signedPostInit(auth, root, path, init, json);
    }
    return post(path as never, sent as never).catch((error: unknown) => {
      // openapi-fetch rethrows what fetch threw: no answer came back.
      throw error instanceof ApigNetworkError ? error : new ApigNetworkError('POST', `${root}${fillPath(path, init.params?.path)}`, error, secretsOf(auth, init.body));
    });
  }) as typeof client.POST;
  return client;
}

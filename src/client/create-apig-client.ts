// The typed client: openapi-fetch over the generated types, with credentials added to every
// request and, unless turned off, the body validated before anything is sent.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../types.js';
import type { BodySchemaRef } from '../../generated/request-rules/index.js';
import { bodyIssues } from '../validation/check-body.js';
import { checkAuth, type ApigAuth } from './check-auth.js';
import type { CallInit } from './call-init.js';
import { failures } from './settle.js';

export type { ApigAuth };
export type ApigClient = Client<paths>;

export interface ApigClientOptions {
  /** e.g. `regionEndpoint('cn-north-4')` or `http://127.0.0.1:4010`. */
  baseUrl: string;
  auth: ApigAuth;
  /** Validate request bodies before sending (default true): a bad body never leaves the process. */
  validate?: boolean;
  /**
   * Send body fields the source pages do not list (default false: such a field, often a typo
   * like `appKey`, is refused with the field it probably meant). Turn on for fields the
   * gateway adds later.
   */
  allowUnknownFields?: boolean;
  /** A fetch implementation (default: globalThis.fetch). */
  fetch?: typeof globalThis.fetch;
}

/** The regional API Gateway endpoint, e.g. `https://apig.cn-north-4.myhuaweicloud.com`. */
export function regionEndpoint(region: string): string {
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) {
    throw new TypeError(`regionEndpoint: region must look like cn-north-4 or ap-southeast-1 (got ${JSON.stringify(String(region).slice(0, 40))})`);
  }
  return `https://apig.${region}.myhuaweicloud.com`;
}

/**
 * On a helper's call, the schema its operation's body takes (null: none): the helper names it, so
 * that a page loads no index of every operation's. A call without it (`client.POST(…)`) has its
 * schema looked up by path, in an index loaded on the first such call.
 */
export const BODY_SCHEMA = Symbol('apig.bodySchema');

type NamedInit = CallInit & { [BODY_SCHEMA]?: BodySchemaRef | null };

/** The schema of a call's body, from its helper or the index (imported on the first such call: import() is the memo); undefined for none. */
async function schemaOfCall(method: string, path: string, named: BodySchemaRef | null | undefined): Promise<BodySchemaRef | undefined> {
  if (named !== undefined) return named ?? undefined;
  return (await import('../../generated/request-rules/body-schema-of.js')).BODY_SCHEMA_OF[`${method} ${path}`];
}

/** The methods that send a request; each is wrapped to validate, sign and name network errors. */
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

export function createApigClient(options: ApigClientOptions): ApigClient {
  const { baseUrl, auth, validate = true, allowUnknownFields = false } = options ?? ({} as ApigClientOptions);
  if (typeof baseUrl !== 'string' || !/^https?:\/\/[^/]/.test(baseUrl)) {
    throw new TypeError('createApigClient: baseUrl must be an http(s) URL, e.g. regionEndpoint("cn-north-4")');
  }
  // fetch refuses such a URL, and the password would travel in every error message: say so
  // now, without repeating the URL.
  if (/^https?:\/\/[^/?#]*@/i.test(baseUrl)) {
    throw new TypeError('createApigClient: baseUrl must not carry a user or password (user:password@host); give credentials in auth');
  }
  checkAuth(auth);
  const root = baseUrl.replace(/\/+$/, '');
  // A token is a fixed header, set once. AK/SK signs each request (./aksk-signing.ts), with the
  // signer loaded now, not on the first call, and never for a token.
  const akSk = 'token' in auth ? undefined : auth;
  const signer = akSk && import('./aksk-signing.js');
  const client = createClient<paths>({
    baseUrl: root,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...('token' in auth ? { headers: { 'X-Auth-Token': auth.token } } : {}),
  });
  for (const method of METHODS) {
    const send = (client[method] as (path: string, init?: CallInit) => Promise<unknown>).bind(client);
    client[method] = (async (path: string, { [BODY_SCHEMA]: named, ...init }: NamedInit = {}) => {
      const schema = validate ? await schemaOfCall(method, path, named) : undefined;
      const issues = schema && (await bodyIssues(schema, init.body, allowUnknownFields));
      if (issues) throw (await failures()).brokenRequest('body', issues, method, path);
      let sent: CallInit = init;
      if (signer) {
        const json = init.body === undefined || init.bodySerializer ? undefined : JSON.stringify(init.body);
        sent = (await signer).signedInit(akSk, method, root, path, init, json);
      }
      return send(path, sent).catch(async (error: unknown) => {
        // openapi-fetch rethrows what fetch threw: no answer came back.
        throw (await failures()).networkFailure(error, method, root, path, init, auth);
      });
    }) as never;
  }
  return client;
}

// AK/SK signing for the client's requests (every method), over the request exactly as it will be sent.
// Loaded by an AK/SK client only: a page that calls with a token never loads the signer.
// Fast path: the client serialises the body itself and knows the URL and headers before
// openapi-fetch builds the Request, so it signs there and passes the signature as headers
// (no middleware, no re-reading the Request). Anything it cannot foresee (a query string, a
// custom bodySerializer) is signed by a one-call middleware on the finished Request instead.
import type { Middleware } from 'openapi-fetch';
import { signRequestSync } from '../auth/sign-request.js';
import { fillPath, type CallInit } from './call-init.js';

export interface AkSk {
  ak: string;
  sk: string;
  projectId?: string;
}

function headerRecord(...sources: Array<CallInit['headers'] | Record<string, unknown> | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of sources) {
    if (!source) continue;
    const entries = source instanceof Headers || Array.isArray(source) ? [...new Headers(source as HeadersInit)] : Object.entries(source);
    for (const [name, value] of entries) {
      // Stryker disable next-line MethodExpression: Headers and the signer compare names case-insensitively: the case only has to be the same for every source
      const key = name.toLowerCase();
      if (value === null || value === undefined) delete out[key];
      else out[key] = String(value);
    }
  }
  return out;
}

function signingMiddleware({ ak, sk }: AkSk): Middleware {
  return {
    async onRequest({ request }) {
      const body = request.body ? new Uint8Array(await request.clone().arrayBuffer()) : undefined;
      const added = signRequestSync({ method: request.method, url: request.url, headers: request.headers, body }, { ak, sk });
      for (const [name, value] of Object.entries(added)) request.headers.set(name, value);
      return request;
    },
  };
}

/**
 * Returns the init to hand to openapi-fetch: the body pre-serialised and the request signed.
 * `json` is the body as it will be sent (undefined without a body).
 */
export function signedInit(credentials: AkSk, method: string, baseUrl: string, path: string, init: CallInit, json: string | undefined): CallInit {
  const projectHeader = credentials.projectId ? { 'X-Project-Id': credentials.projectId } : {};
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: which path signs is speed only: the middleware signs the same request as sent
  const hasQuery = Object.values(init.params?.query ?? {}).some((value) => value !== undefined && value !== null);
  if (hasQuery || init.bodySerializer) {
    // Stryker disable next-line ArrayDeclaration: openapi-fetch skips middleware entries that are not objects
    return { ...init, headers: { ...headerRecord(init.headers), ...projectHeader }, middleware: [...(init.middleware ?? []), signingMiddleware(credentials)] };
  }
  // The headers openapi-fetch will send: its JSON content type, then ours, then the caller's.
  const headers = {
    ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
    ...headerRecord(projectHeader, init.headers as CallInit['headers'], init.params?.header),
  };
  const url = `${baseUrl}${fillPath(path, init.params?.path)}`;
  const signature = signRequestSync({ method, url, headers, body: json }, credentials);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ObjectLiteral: openapi-fetch's own serializer is JSON.stringify, the same bytes as `json`; handing it over only saves a second stringify
  return { ...init, headers: { ...headers, ...signature }, ...(json !== undefined ? { bodySerializer: () => json } : {}) };
}

// Credentials: checking them up front, and signing each request with AK/SK over the request
// exactly as it will be sent (X-Project-Id included when given).
import type { Middleware } from 'openapi-fetch';
import { signRequestSync } from '../auth/sign-request.js';

/**
 * Bodies the client serialised itself, by the per-call serializer that produced them, so the
 * signer can hash the exact string without cloning and re-reading the request stream (which
 * costs more than the signature).
 */
const serializedBodies = new WeakMap<object, string>();

/** A one-call JSON body serializer whose output the signing middleware can look up. */
export function rememberingJsonSerializer(body: unknown): ((body: unknown) => string) | undefined {
  if (body === undefined) return undefined;
  const json = JSON.stringify(body);
  const serializer = () => json;
  serializedBodies.set(serializer, json);
  return serializer;
}

export type ApigAuth = { token: string } | { ak: string; sk: string; projectId?: string };

const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]+$/;

/** Checks credentials up front, naming the field but never echoing its value. */
export function checkAuth(auth: ApigAuth): void {
  const fields: Array<[string, unknown]> =
    auth && 'token' in auth ? [['auth.token', auth.token]] : auth && 'ak' in auth ? [['auth.ak', auth.ak], ['auth.sk', auth.sk]] : [];
  if (fields.length === 0) throw new TypeError('createApigClient: auth must be { token } or { ak, sk, projectId? }');
  for (const [name, value] of fields) {
    if (typeof value !== 'string' || value.trim().length === 0) throw new TypeError(`createApigClient: ${name} must be a non-empty string`);
    if (!HEADER_SAFE.test(value)) throw new TypeError(`createApigClient: ${name} has characters that cannot go in an HTTP header (such as a line break)`);
  }
  if ('projectId' in auth && auth.projectId !== undefined && (typeof auth.projectId !== 'string' || !/^[A-Za-z0-9_-]+$/.test(auth.projectId))) {
    throw new TypeError('createApigClient: auth.projectId must be a project ID (letters, digits, _ and -)');
  }
}

/** Signs every request with AK/SK (X-Project-Id included when given). */
export function authMiddleware(auth: { ak: string; sk: string; projectId?: string }): Middleware {
  const { ak, sk, projectId } = auth;
  return {
    onRequest({ request, options }) {
      if (projectId) request.headers.set('X-Project-Id', projectId);
      const sign = (body: Uint8Array | string | undefined) => {
        const added = signRequestSync({ method: request.method, url: request.url, headers: request.headers, body }, { ak, sk });
        for (const [name, value] of Object.entries(added)) request.headers.set(name, value);
        return request;
      };
      // Sign the bytes that will be sent: the string we serialised, or else the request's own body.
      const known = options.bodySerializer ? serializedBodies.get(options.bodySerializer) : undefined;
      if (known !== undefined || !request.body) return sign(known);
      return request.clone().arrayBuffer().then((bytes) => sign(new Uint8Array(bytes)));
    },
  };
}

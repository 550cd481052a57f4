// One request to a conformance target, with its credential (a token header, or an AK/SK
// signature over exactly what is sent), and its answer read as text and, when it is, JSON.
// Used by the suite's setup (its probe) and by every test (target.ts).
import { signRequest } from '../../src/auth/sign-request.js';

export type TargetAuth = { token: string } | { ak: string; sk: string };

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** `auth` undefined sends no credential (only the headers given). */
export async function exchange(
  url: string,
  method: string,
  body: string | Uint8Array | undefined,
  auth: TargetAuth | undefined,
  extra: Record<string, string> = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
  if (auth && 'token' in auth) headers['x-auth-token'] = auth.token;
  else if (auth) Object.assign(headers, await signRequest({ method, url, headers, body: body ?? '' }, auth));
  const response = await fetch(url, { method, headers, body: body as BodyInit | undefined });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

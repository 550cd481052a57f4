/**
 * Huawei Cloud AK/SK request signing, algorithm SDK-HMAC-SHA256, as in Huawei's signing
 * guide and official SDKs. Web Crypto only (no `node:` imports), so it runs in browsers too.
 *
 * Signed headers: `host`, `x-sdk-date` and every header passed in (like the official
 * Node.js SDK core), except `authorization` itself.
 */

export interface SignableRequest {
  method: string;
  /** Absolute URL, query string included. */
  url: string;
  /** Headers that will be sent; all of them are signed. */
  headers?: Record<string, string> | Headers;
  /** The exact body that will be sent (a string is signed as its UTF-8 bytes). */
  body?: string | Uint8Array | ArrayBuffer | null;
}

export interface AkSkCredentials {
  ak: string;
  sk: string;
}

export interface SignatureHeaders {
  /** Present unless the request already carried `X-Sdk-Date`. */
  'X-Sdk-Date'?: string;
  Authorization: string;
}

export interface SignOptions {
  /** The signing time when the request has no `X-Sdk-Date` (default: now). */
  now?: Date;
  /**
   * Sign only these headers (lower-case names), as Huawei's Go SDK lets a caller choose.
   * Default: `host`, `x-sdk-date` and every header on the request.
   */
  signedHeaders?: readonly string[];
}

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
const SDK_DATE = /^\d{8}T\d{6}Z$/;
const encoder = new TextEncoder();

/** `X-Sdk-Date` format: UTC `YYYYMMDDTHHMMSSZ`. */
export function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Percent-encodes every byte except `A-Z a-z 0-9 _ - . ~`, upper-case hex. */
export function percentEncode(value: string): string {
  let out = '';
  for (const byte of encoder.encode(value)) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x5f || byte === 0x2d || byte === 0x2e || byte === 0x7e;
    out += unreserved ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not valid percent-encoding: sign it as written
  }
}

/** Each path segment decoded, then encoded the canonical way; always ends in `/`. */
export function canonicalUri(pathname: string): string {
  const uri = pathname.split('/').map((s) => percentEncode(decodeSegment(s))).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Keys and values encoded, sorted by key then by value, `k=v` joined with `&`. */
export function canonicalQuery(search: URLSearchParams): string {
  const pairs = [...search].map(([k, v]) => [percentEncode(k), percentEncode(v)] as const);
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

const toHex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

function bodyBytes(body: SignableRequest['body']): Uint8Array {
  if (body == null) return new Uint8Array();
  if (typeof body === 'string') return encoder.encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return toHex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

async function hmacSha256Hex(key: string, message: string): Promise<string> {
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message)));
}

function headerEntries(headers: SignableRequest['headers']): Array<[string, string]> {
  if (!headers) return [];
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return [...headers.entries()];
  return Object.entries(headers as Record<string, string>).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]);
}

function requireNonEmpty(name: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`signRequest: ${name} must be a non-empty string`);
  }
}

/** Everything the signature is made of, for tests and for debugging a rejected signature. */
export async function buildSigningInput(request: SignableRequest, { now = new Date(), signedHeaders: only }: SignOptions = {}) {
  const url = new URL(request.url);
  const headers = new Map<string, string>();
  for (const [name, value] of headerEntries(request.headers)) {
    const key = name.toLowerCase();
    if (key !== 'authorization') headers.set(key, value.trim());
  }
  const givenDate = headers.get('x-sdk-date');
  if (givenDate !== undefined && !SDK_DATE.test(givenDate)) {
    throw new TypeError(`signRequest: X-Sdk-Date must be UTC YYYYMMDDTHHMMSSZ (got ${JSON.stringify(givenDate.slice(0, 40))})`);
  }
  const date = givenDate ?? formatSdkDate(now);
  headers.set('x-sdk-date', date);
  if (!headers.has('host')) headers.set('host', url.host);

  const names = [...headers.keys()].filter((n) => !only || only.includes(n)).sort();
  const signedHeaders = names.join(';');
  const canonicalHeaders = names.map((n) => `${n}:${headers.get(n)}\n`).join('');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    canonicalHeaders,
    signedHeaders,
    await sha256Hex(bodyBytes(request.body)),
  ].join('\n');
  const stringToSign = `${SIGNING_ALGORITHM}\n${date}\n${await sha256Hex(canonicalRequest)}`;
  return { date, dateWasGiven: givenDate !== undefined, signedHeaders, canonicalRequest, stringToSign };
}

/**
 * Signs a request with AK/SK. Returns the headers to add: `X-Sdk-Date` (unless the
 * request has one) and `Authorization`.
 */
export async function signRequest(request: SignableRequest, credentials: AkSkCredentials, options: SignOptions = {}): Promise<SignatureHeaders> {
  requireNonEmpty('ak', credentials?.ak);
  requireNonEmpty('sk', credentials?.sk);
  requireNonEmpty('method', request?.method);
  let input: Awaited<ReturnType<typeof buildSigningInput>>;
  try {
    input = await buildSigningInput(request, options);
  } catch (error) {
    if (error instanceof TypeError && String(error.message).startsWith('signRequest:')) throw error;
    throw new TypeError(`signRequest: url must be an absolute URL (got ${JSON.stringify(String(request.url).slice(0, 200))})`);
  }
  const signature = await hmacSha256Hex(credentials.sk, input.stringToSign);
  const authorization = `${SIGNING_ALGORITHM} Access=${credentials.ak}, SignedHeaders=${input.signedHeaders}, Signature=${signature}`;
  return input.dateWasGiven ? { Authorization: authorization } : { 'X-Sdk-Date': input.date, Authorization: authorization };
}

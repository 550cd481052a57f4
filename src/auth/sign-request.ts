/**
 * Huawei Cloud AK/SK request signing, algorithm SDK-HMAC-SHA256, as in Huawei's signing
 * guide and official SDKs. No `node:` imports, so it runs in browsers too (hashing: ./sha256).
 *
 * Signed headers: `host`, `x-sdk-date` and every header passed in (like the official
 * Node.js SDK core), except `authorization` itself.
 */
import { hmacSha256HexKeyed, sha256Hex } from './sha256.js';

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

// One scratch buffer for UTF-8 bytes that are hashed at once and then dropped: encodeInto
// avoids a fresh ArrayBuffer per string, which showed up as GC time in the request path.
let scratch = new Uint8Array(4096);
function utf8(text: string): Uint8Array {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: growing the scratch buffer more often changes speed, not bytes (never growing it is caught)
  if (text.length * 3 > scratch.length) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `X-Sdk-Date` format: UTC `YYYYMMDDTHHMMSSZ`. */
export function formatSdkDate(date: Date): string {
  return `${date.getUTCFullYear()}${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}T${pad2(date.getUTCHours())}${pad2(date.getUTCMinutes())}${pad2(date.getUTCSeconds())}Z`;
}

// Keyed HMACs for the last few secret keys, so a client's signatures skip re-deriving the key
// pads. They live only in this module's memory, like the SK the caller already holds.
const keyedHmacs = new Map<string, (message: Uint8Array) => string>();
function hmacFor(sk: string) {
  let hmac = keyedHmacs.get(sk);
  // Stryker disable next-line ConditionalExpression: a cache: deriving the keyed HMAC every time gives the same signature
  if (!hmac) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,CallExpression: how many keys the cache keeps is memory, not output
    if (keyedHmacs.size >= 8) keyedHmacs.delete(keyedHmacs.keys().next().value!);
    hmac = hmacSha256HexKeyed(encoder.encode(sk));
    // Stryker disable next-line CallExpression: a cache: a key not kept is derived again next time, to the same signature
    keyedHmacs.set(sk, hmac);
  }
  return hmac;
}

// Stryker disable next-line Regex: a fast path: the byte loop below encodes an unreserved string to itself
const UNRESERVED_ONLY = /^[A-Za-z0-9_.~-]*$/;

/** Percent-encodes every byte except `A-Z a-z 0-9 _ - . ~`, upper-case hex. */
export function percentEncode(value: string): string {
  // Stryker disable next-line ConditionalExpression: a fast path: the byte loop below encodes an unreserved string to itself
  if (UNRESERVED_ONLY.test(value)) return value;
  let out = '';
  for (const byte of encoder.encode(value)) {
    const unreserved =
      (byte >= 0x30 && byte <= 0x39) ||
      (byte >= 0x41 && byte <= 0x5a) ||
      (byte >= 0x61 && byte <= 0x7a) ||
      byte === 0x5f ||
      byte === 0x2d ||
      byte === 0x2e ||
      byte === 0x7e;
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
  const uri = pathname
    .split('/')
    .map((s) => percentEncode(decodeSegment(s)))
    .join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Code-unit order, as JavaScript's default sort and Huawei's official signer compare. */
const byCodeUnits = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Sorted by key then by value, as written (before encoding: that is how Huawei's official
 * Node.js signer orders repeated and non-ASCII values), then each encoded, `k=v` joined by `&`.
 */
export function canonicalQuery(search: URLSearchParams): string {
  const pairs = [...search];
  pairs.sort(([ak, av], [bk, bv]) => byCodeUnits(ak, bk) || byCodeUnits(av, bv));
  return pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
}

function bodyBytes(body: SignableRequest['body']): Uint8Array {
  // Stryker disable next-line ConditionalExpression: new Uint8Array(null) is empty too
  if (body == null) return new Uint8Array();
  if (typeof body === 'string') return utf8(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

function headerEntries(headers: SignableRequest['headers']): Array<[string, string]> {
  if (!headers) return [];
  // Stryker disable next-line ConditionalExpression,StringLiteral: guards runtimes without Headers; where it exists, `instanceof` decides alone
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return [...headers.entries()];
  return Object.entries(headers as Record<string, string>)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => [k, String(v)]);
}

function requireNonEmpty(name: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`signRequest: ${name} must be a non-empty string`);
  }
}

/** Everything the signature is made of, for tests and for debugging a rejected signature. */
export function buildSigningInput(request: SignableRequest, { now = new Date(), signedHeaders: only }: SignOptions = {}) {
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
    sha256Hex(bodyBytes(request.body)),
  ].join('\n');
  const stringToSign = `${SIGNING_ALGORITHM}\n${date}\n${sha256Hex(utf8(canonicalRequest))}`;
  return { date, dateWasGiven: givenDate !== undefined, signedHeaders, canonicalRequest, stringToSign };
}

/**
 * Signs a request with AK/SK. Returns a **Promise** of the headers to add: `X-Sdk-Date` (unless
 * the request has one) and `Authorization`. Await it: the Promise itself spread into headers
 * adds nothing, and the gateway answers 401.
 */
export async function signRequest(request: SignableRequest, credentials: AkSkCredentials, options: SignOptions = {}): Promise<SignatureHeaders> {
  return signRequestSync(request, credentials, options);
}

/** `signRequest` without the Promise, for callers on a hot path (the client's middleware). */
export function signRequestSync(request: SignableRequest, credentials: AkSkCredentials, options: SignOptions = {}): SignatureHeaders {
  requireNonEmpty('ak', credentials?.ak);
  // Stryker disable next-line OptionalChaining: without credentials the ak check above has thrown already
  requireNonEmpty('sk', credentials?.sk);
  requireNonEmpty('method', request?.method);
  let input: ReturnType<typeof buildSigningInput>;
  try {
    input = buildSigningInput(request, options);
  } catch (error) {
    if (error instanceof TypeError && String(error.message).startsWith('signRequest:')) throw error;
    throw new TypeError(`signRequest: url must be an absolute URL (got ${JSON.stringify(String(request.url).slice(0, 200))})`);
  }
  const signature = hmacFor(credentials.sk)(utf8(input.stringToSign));
  const authorization = `${SIGNING_ALGORITHM} Access=${credentials.ak}, SignedHeaders=${input.signedHeaders}, Signature=${signature}`;
  return input.dateWasGiven ? { Authorization: authorization } : { 'X-Sdk-Date': input.date, Authorization: authorization };
}

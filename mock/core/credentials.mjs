// Credentials that mean something (`--credentials creds.json`): the mock accepts only the
// tokens and AK/SK pairs it was given, and checks every AK/SK signature. The check is written
// here from Huawei's signing guide with node:crypto, apart from the client's signer, so a
// signing bug in the client shows as a 401 and is not verified by itself. Secrets are never
// echoed: the reason header names what was wrong, not the values.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { readTarget } from './request-target.mjs';

/**
 * Credentials as the mock and the proxy hold them: the tokens, and each AK's SK.
 * @typedef {{ tokens: Set<string>, secrets: Map<string, string> }} Credentials
 */

/**
 * Why a request's credential is refused: `kind` (what failed), the AK when there is one, and a
 * `reason` short and free of secrets.
 * @typedef {{ kind: 'token' | 'unknown-ak' | 'signature' | 'locked', ak?: string, reason: string }} CredentialProblem
 */

/**
 * Loads `{ "tokens": ["…"], "aksk": [{ "ak": "…", "sk": "…" }] }`; throws saying what is wrong.
 * @param {{ tokens?: unknown, aksk?: unknown } | unknown[] | string | number | boolean | null | undefined} json read from a file or given by a caller: any JSON, checked here
 * @param {string} [where] what to name in the message
 * @returns {Credentials}
 */
export function parseCredentials(json, where = 'credentials') {
  /** @param {string} what */
  const problem = (what) => new Error(`${where}: ${what}; expected { "tokens": ["…"], "aksk": [{ "ak": "…", "sk": "…" }] }`);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw problem('not an object');
  const tokens = json.tokens ?? [];
  const aksk = json.aksk ?? [];
  if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string' && t.length > 0)) throw problem('"tokens" must be non-empty strings');
  if (!Array.isArray(aksk) || !aksk.every((p) => typeof p?.ak === 'string' && p.ak && typeof p?.sk === 'string' && p.sk))
    throw problem('"aksk" must be { ak, sk } pairs of non-empty strings');
  if (tokens.length + aksk.length === 0) throw problem('no token and no AK/SK pair');
  return { tokens: new Set(tokens), secrets: new Map(aksk.map(({ ak, sk }) => [ak, sk])) };
}

const AUTHORIZATION = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * How far X-Sdk-Date may be from the clock: Huawei's gateway refuses a signature whose time
 * is more than 15 minutes from its own ("signature expired", APIG FAQ "APP认证信息错误":
 * 客户端签名时间戳x-sdk-date与APIGW服务器时间相差超过15min), before or after.
 */
export const SDK_DATE_WINDOW_MS = 15 * 60 * 1000;

/**
 * X-Sdk-Date as milliseconds since the epoch, or NaN when it is not a real UTC time.
 * @param {string} value
 */
function sdkDateMs(value) {
  const m = SDK_DATE.exec(value);
  if (!m) return Number.NaN;
  const [year, month, day, hour, minute, second] = /** @type {[number, number, number, number, number, number]} */ (m.slice(1).map(Number));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  // 20261332T…: Date.UTC rolls over; a real date reads back the same.
  return back.getUTCMonth() === month - 1 && back.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 ? ms : Number.NaN;
}

/** @param {number} ms */
const formatSdkDate = (ms) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * Every byte but A-Z a-z 0-9 _ - . ~ as %XX (upper-case), per the signing guide.
 * @param {string} text
 */
function encode(text) {
  return [...Buffer.from(text, 'utf8')]
    .map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** @param {string} segment */
function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The canonical request the signature must be over.
 * @param {import('./request-target.mjs').RequestHead} req
 * @param {import('./request-target.mjs').Target} url
 * @param {string[]} signedNames
 * @param {Uint8Array} body
 */
function canonicalRequest(req, url, signedNames, body) {
  const uri = url.path
    .split('/')
    .map((s) => encode(decode(s)))
    .join('/');
  const query = [...url.searchParams]
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
  const headers = signedNames.map((name) => `${name}:${String(req.headers[name] ?? '').trim()}\n`).join('');
  const payload = createHash('sha256').update(body).digest('hex');
  return [req.method, uri.endsWith('/') ? uri : `${uri}/`, query, headers, signedNames.join(';'), payload].join('\n');
}

/**
 * Undefined when the request carries a known token or a valid signature of a known AK, signed
 * within 15 minutes of `now`; else `{ kind, ak, reason }`: kind `token`, `unknown-ak` or
 * `signature`, the reason short and free of secrets. A request with neither header is Prism's
 * to answer.
 * @param {import('./request-target.mjs').RequestHead} req
 * @param {Uint8Array} body
 * @param {Credentials} credentials
 * @param {number} [now]
 * @returns {CredentialProblem | undefined}
 */
export function credentialProblem(req, body, credentials, now = Date.now()) {
  // node:http joins a repeated header into one string (only Set-Cookie is a list).
  const token = /** @type {string | undefined} */ (req.headers['x-auth-token']);
  const authorization = req.headers.authorization;
  if (token !== undefined) return credentials.tokens.has(token) ? undefined : { kind: 'token', reason: 'unknown token' };
  if (authorization === undefined) return undefined;
  const match = AUTHORIZATION.exec(authorization);
  // Reasons travel in a header: ASCII only.
  if (!match) return { kind: 'signature', reason: 'Authorization is not "SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=<64 hex>"' };
  const [, ak, names, signature] = /** @type {RegExpExecArray & [string, string, string, string]} */ (match);
  const sk = credentials.secrets.get(ak);
  if (sk === undefined) return { kind: 'unknown-ak', ak, reason: 'unknown AK' };
  const problem = signatureProblem(req, body, { ak, sk, names, signature }, now);
  return problem && { kind: 'signature', ak, ...problem };
}

/**
 * What is wrong with a known AK's signature, or undefined.
 * @param {import('./request-target.mjs').RequestHead} req
 * @param {Uint8Array} body
 * @param {{ ak: string, sk: string, names: string, signature: string }} signed
 * @param {number} now
 * @returns {{ reason: string } | undefined}
 */
function signatureProblem(req, body, { sk, names, signature }, now) {
  const signedNames = names.split(';');
  if (!signedNames.includes('host') || !signedNames.includes('x-sdk-date')) return { reason: 'SignedHeaders must include host and x-sdk-date' };
  if ([...signedNames].sort().join(';') !== names || signedNames.some((n) => n !== n.toLowerCase()))
    return { reason: 'SignedHeaders must be lower-case and sorted' };
  const missing = signedNames.find((n) => req.headers[n] === undefined);
  if (missing) return { reason: `signed header ${missing} is not on the request` };
  const date = String(req.headers['x-sdk-date']);
  const signedAt = sdkDateMs(date);
  if (Number.isNaN(signedAt)) return { reason: 'X-Sdk-Date must be UTC YYYYMMDDTHHMMSSZ' };
  if (Math.abs(now - signedAt) > SDK_DATE_WINDOW_MS) {
    return { reason: `signature expired: X-Sdk-Date is more than 15 minutes from the clock (signature time:${date},server time:${formatSdkDate(now)})` };
  }
  const url = readTarget(req.url);
  const hash = createHash('sha256')
    .update(canonicalRequest(req, url, signedNames, body))
    .digest('hex');
  const expected = createHmac('sha256', sk).update(`SDK-HMAC-SHA256\n${date}\n${hash}`).digest('hex');
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) return { reason: `signature does not match (canonical request sha256 ${hash})` };
  return undefined;
}

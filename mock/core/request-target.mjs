// A request's target as the mock and the proxy read it, never throwing. `new URL(req.url, base)`
// is not safe here: `//v1.0//apigw//apps` reads as a host (or throws), `http://elsewhere/…`
// (absolute form) would send the proxy to another host, and Prism's router decodes each path
// segment with decodeURIComponent, which throws on `%zz`.

/** `scheme://authority` at the start of an absolute-form target (RFC 9112 §3.2.2). */
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * True when `segment` is a well-formed percent-encoding (decodeURIComponent would not throw).
 * @param {string} segment
 */
function decodable(segment) {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * What is read of a request before its body: its method, target and headers.
 * @typedef {Pick<import('node:http').IncomingMessage, 'method' | 'url' | 'headers'>} RequestHead
 */

/**
 * A request's target as read here.
 * @typedef {object} Target
 * @property {string} path the path, as it came (not decoded)
 * @property {string} search the query, without its `?`
 * @property {URLSearchParams} searchParams
 * @property {string} pathAndQuery the path and query, as they came
 * @property {number[]} badSegments indexes (in `path.split('/')`) of segments whose percent-escapes are malformed
 */

/**
 * `{ path, search, searchParams, pathAndQuery, badSegments }` of a request target: origin form as
 * it came, absolute form by its path and query (the authority is the connection's business), a
 * fragment dropped. `badSegments` are the indexes (in `path.split('/')`) of segments whose
 * percent-escapes are malformed.
 * @param {string | undefined} url `req.url`
 * @returns {Target}
 */
export function readTarget(url) {
  let target = String(url ?? '/');
  const absolute = ABSOLUTE_FORM.exec(target);
  if (absolute) target = target.slice(absolute[0].length);
  if (!target.startsWith('/') && target !== '*') target = `/${target}`;
  const hash = target.indexOf('#');
  if (hash !== -1) target = target.slice(0, hash);
  const mark = target.indexOf('?');
  const path = mark === -1 ? target : target.slice(0, mark);
  const search = mark === -1 ? '' : target.slice(mark + 1);
  /** @type {number[]} */
  const badSegments = [];
  path.split('/').forEach((segment, index) => {
    if (segment.includes('%') && !decodable(segment)) badSegments.push(index);
  });
  return { path, search, searchParams: new URLSearchParams(search), pathAndQuery: target, badSegments };
}

// --compare: this project's stateful mock, in-process, answering each proxied request too, and
// where its answer differs from the upstream's (status, error_code, fields).
import { endToEnd } from './forward.mjs';
import { operationOf, parsedJson } from './judge.mjs';

/** @typedef {import('./types.d.mts').ProxyOptions} ProxyOptions */
/** @typedef {import('./types.d.mts').ProxyDifference} ProxyDifference */
/** @typedef {import('./forward.mjs').ServedRequest} ServedRequest */
/** @typedef {import('./forward.mjs').Answer} Answer */
/** @typedef {import('./judge.mjs').Checked} Checked */
/** @typedef {import('./judge.mjs').Json} Json */
/** @typedef {import('../core/request-target.mjs').Target} Target */
/**
 * This project's mock, asked each request too (with `compare`).
 * @typedef {object} Mirror
 * @property {() => Promise<void>} close
 * @property {(req: ServedRequest, bytes: Buffer, answer: Answer, checked: Checked, target: Target) => Promise<ProxyDifference[]>} compare
 */

/**
 * Every `id` in an answer, in order (an object's own, then its lists' entries').
 * @param {Json} value
 * @param {string[]} [out]
 * @returns {string[]}
 */
export function idsOf(value, out = []) {
  if (Array.isArray(value)) for (const item of value) idsOf(item, out);
  else if (value && typeof value === 'object') {
    if (typeof value.id === 'string') out.push(value.id);
    for (const child of Object.values(value)) if (child && typeof child === 'object') idsOf(child, out);
  }
  return out;
}

/**
 * The fields an answer has: an object's keys, or its first entry's for a bare array.
 * @param {Json} value
 * @returns {string[]}
 */
export const fieldsOf = (value) => (Array.isArray(value) ? fieldsOf(value[0]) : value && typeof value === 'object' ? Object.keys(value).sort() : []);

/**
 * What a comparison reads of an answer.
 * @param {number} status
 * @param {Json} value
 */
export const seenBy = (status, value) => ({
  status,
  error_code: status >= 400 ? value?.error_code : undefined,
  fields: status < 400 ? fieldsOf(value) : undefined,
});

/**
 * The first way the mock's answer differs from the upstream's, if any.
 * @param {Omit<ProxyDifference, 'what' | 'upstream' | 'mock'>} base
 * @param {ReturnType<typeof seenBy>} upstream
 * @param {ReturnType<typeof seenBy>} mock
 * @returns {ProxyDifference[]}
 */
export function differencesOf(base, upstream, mock) {
  if (upstream.status !== mock.status) return [{ ...base, what: 'status', upstream, mock }];
  if (upstream.error_code !== mock.error_code) return [{ ...base, what: 'error_code', upstream, mock }];
  if (String(upstream.fields) !== String(mock.fields)) return [{ ...base, what: 'fields', upstream, mock }];
  return [];
}

/**
 * This project's stateful mock, in-process, answering each proxied request too. The upstream's
 * ids are mapped to the mock's as both create things, so a later request for the upstream's
 * APP reaches the mock's APP of the same create.
 * @param {ProxyOptions['seed']} seed
 * @returns {Promise<Mirror>}
 */
export async function startMirror(seed) {
  const { startMockServer } = await import('../server/index.mjs');
  const mock = await startMockServer({ port: 0, host: '127.0.0.1', ...(seed ? { seed } : {}) });
  /** @type {Map<string, string>} the upstream's id → the mock's */
  const ids = new Map();
  /** @param {string} text */
  const mapped = (text) => {
    let out = text;
    for (const [theirs, ours] of ids) out = out.split(theirs).join(ours);
    return out;
  };
  /**
   * Learns the ids both created, in order.
   * @param {Json} theirs
   * @param {Json} ours
   */
  const learnIds = (theirs, ours) => {
    const [a, b] = [idsOf(theirs), idsOf(ours)];
    if (a.length === b.length) for (const [i, id] of a.entries()) if (id !== b[i]) ids.set(id, /** @type {string} */ (b[i]));
  };
  return {
    close: () => mock.close(),
    async compare(req, bytes, answer, checked, target) {
      const headers = Object.fromEntries(Object.entries(endToEnd(req.headers)).filter(([name]) => name !== 'content-length'));
      // node:http joins repeated headers into one string (but Set-Cookie, which a request does not carry).
      const reply = await fetch(`${mock.url}${mapped(target.pathAndQuery)}`, {
        method: req.method,
        headers: /** @type {Record<string, string>} */ (headers),
        body: bytes.length ? mapped(bytes.toString('utf8')) : undefined,
      });
      const theirs = parsedJson(answer.bytes).value;
      const ours = parsedJson(Buffer.from(await reply.arrayBuffer())).value;
      if (answer.status < 300 && reply.status < 300) learnIds(theirs, ours);
      const base = {
        operation: operationOf(checked),
        method: String(req.method),
        path: target.path,
        requestId: /** @type {string | undefined} */ (answer.headers['x-request-id']),
      };
      return differencesOf(base, seenBy(answer.status, theirs), seenBy(reply.status, ours));
    },
  };
}

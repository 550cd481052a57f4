// The validating proxy's reports for tools: a HAR of the traffic (which `redocly drift` and
// other HAR readers judge on their own), and JUnit XML for CI dashboards. Secrets never get
// in: credential headers are replaced, and the secret fields of JSON bodies (app_secret, ai_api_key,
// app_code) get stand-ins that keep to the contract's rules, so a tool reading the HAR sees a
// valid value, never the real one.

/**
 * Headers as node:http has them (a repeated one a list).
 * @typedef {Record<string, string | string[] | number | undefined>} Headers
 */

/**
 * An exchange the proxy keeps for the HAR.
 * @typedef {object} RecordedExchange
 * @property {string} startedDateTime
 * @property {number} time milliseconds it took
 * @property {string} method
 * @property {string} url the upstream's, as called
 * @property {Headers} requestHeaders as sent upstream
 * @property {string} requestText
 * @property {number} status
 * @property {Headers} responseHeaders
 * @property {string} responseText
 */

const SECRET_HEADERS = new Set(['authorization', 'x-auth-token', 'cookie', 'set-cookie', 'x-apig-appcode']);
/**
 * Stand-ins that satisfy the fields' own rules (app_secret 8–64, app_code 64–180, ai_api_key 8–128 characters).
 * @type {Record<string, string>}
 */
const STAND_INS = { app_secret: 'Redacted00000000', app_code: 'Redacted'.repeat(8), ai_api_key: 'Redacted', sk: 'Redacted' };

/**
 * @overload
 * @param {string} text
 * @returns {string}
 */
/**
 * @overload
 * @param {undefined} text
 * @returns {undefined}
 */
/**
 * JSON text with every secret field replaced, at any depth; other text as it is.
 * @param {string | undefined} text
 * @returns {string | undefined}
 */
export function redactedText(text) {
  let value;
  try {
    value = JSON.parse(/** @type {string} */ (text)); // (undefined throws as not JSON does)
  } catch {
    return text; // not JSON, or none at all
  }
  /**
   * @param {unknown} node
   * @returns {unknown}
   */
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => [key, Object.hasOwn(STAND_INS, key) && typeof child === 'string' ? STAND_INS[key] : walk(child)]),
    );
  };
  return JSON.stringify(walk(value));
}

/**
 * @param {Headers} headers
 * @returns {import('./types.d.mts').HarHeader[]}
 */
const harHeaders = (headers) =>
  Object.entries(headers)
    .flatMap(/** @returns {Array<[string, unknown]>} */ ([name, value]) => (Array.isArray(value) ? value.map((v) => [name, v]) : [[name, value]]))
    .map(([name, value]) => ({ name, value: SECRET_HEADERS.has(name.toLowerCase()) ? 'redacted' : String(value) }));

/**
 * HAR 1.2 of the exchanges: `{ startedDateTime, time, method, url, requestHeaders, requestText,
 * status, responseHeaders, responseText }` each, with the upstream's URL (what was called).
 * @param {RecordedExchange[]} exchanges
 * @returns {import('./types.d.mts').Har}
 */
export function harOf(exchanges) {
  return {
    log: {
      version: '1.2',
      creator: { name: 'apig-app-contract proxy', version: '1' },
      entries: exchanges.map((e) => {
        const url = new URL(e.url);
        const requestType = String(e.requestHeaders['content-type'] ?? 'application/json');
        const responseType = String(e.responseHeaders['content-type'] ?? '');
        const requestText = redactedText(e.requestText);
        const responseText = redactedText(e.responseText);
        return {
          startedDateTime: e.startedDateTime,
          time: e.time,
          request: {
            method: e.method,
            url: url.href,
            httpVersion: 'HTTP/1.1',
            headers: harHeaders(e.requestHeaders),
            queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
            cookies: [],
            headersSize: -1,
            bodySize: e.requestText ? Buffer.byteLength(e.requestText) : 0,
            ...(e.requestText ? { postData: { mimeType: requestType, text: requestText } } : {}),
          },
          response: {
            status: e.status,
            statusText: '',
            httpVersion: 'HTTP/1.1',
            headers: harHeaders(e.responseHeaders),
            cookies: [],
            content: { size: responseText ? Buffer.byteLength(responseText) : 0, mimeType: responseType, text: responseText ?? '' },
            redirectURL: '',
            headersSize: -1,
            bodySize: responseText ? Buffer.byteLength(responseText) : 0,
          },
          cache: {},
          timings: { send: 0, wait: e.time, receive: 0 },
        };
      }),
    },
  };
}

/**
 * What JUnit shows of a finding (`ProxyFinding`).
 * @typedef {{ operation?: string, status?: number, where: string, location: string, message: string, requestId?: string }} JunitFinding
 */

/** What the pattern below matches. @typedef {'<' | '>' | '&' | '"' | "'"} Special */
/** @param {unknown} text */
const xml = (text) =>
  String(text).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[/** @type {Special} */ (c)]);

/**
 * JUnit XML of a run's report: one test case per operation the traffic reached (and one for
 * the upstream), failing with its drift findings; with failOnOutside, one more for the traffic
 * outside the contract.
 * @param {{ upstream: string, operations: string[], findings: JunitFinding[], outside?: JunitFinding[] }} report a run's (`ProxyReport`)
 * @param {{ failOnOutside?: boolean }} [options]
 */
export function junitOf(report, { failOnOutside = false } = {}) {
  /** @type {Map<string, JunitFinding[]>} */
  const cases = new Map();
  for (const name of report.operations) cases.set(name, []);
  const failing = [...report.findings, ...(failOnOutside ? (report.outside ?? []).map((o) => ({ ...o, operation: 'outside the contract' })) : [])];
  for (const finding of failing) {
    const name = finding.operation ?? 'upstream';
    if (!cases.has(name)) cases.set(name, []);
    /** @type {NonNullable<ReturnType<typeof cases.get>>} */ (cases.get(name)).push(finding);
  }
  const failures = [...cases.values()].filter((f) => f.length > 0).length;
  const body = [...cases.entries()]
    .map(([name, found]) => {
      const failure =
        found.length === 0
          ? ''
          : `<failure message="${xml(`${found.length} drift finding(s)`)}">${xml(found.map((f) => `${f.status} ${f.where} ${f.location}: ${f.message}${f.requestId ? ` [request id ${f.requestId}]` : ''}`).join('\n'))}</failure>`;
      return `  <testcase classname="apig-app-contract.proxy" name="${xml(name)}">${failure}</testcase>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="apig-app-contract proxy (${xml(report.upstream)})" tests="${cases.size}" failures="${failures}">\n${body}\n</testsuite>\n`;
}

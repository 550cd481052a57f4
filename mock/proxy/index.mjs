// The contract in the request path: a proxy that forwards each request to a real gateway (or any
// upstream) byte for byte and judges both directions against the contract with Prism's own
// router and validators, recording every finding. It never changes what passes through: the
// caller gets the upstream's answer as it came. Given the AK/SK pairs, it checks a caller's
// signature (made for the proxy's host) and signs the forwarded request anew for the
// upstream's host, over the same bytes; token requests pass untouched. Strict, it refuses a
// request that breaks the contract with the mock's 400 instead of forwarding it.
import { createServer, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import { rootCertificates } from 'node:tls';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadOperations } from '../core/prism-operations.mjs';
import { loadPrism } from '../core/load-prism.mjs';
import { readBody } from '../core/request-body.mjs';
import { listenOn } from '../core/listen.mjs';
import { candidatesFinder, parameterFinder, prismQuery } from '../core/prism-request.mjs';
import { readTarget } from '../core/request-target.mjs';
import { MAX_HEADER_BYTES, answerBadHttp, badHttpAnswer, newRequestId, refuseExpectation, sendJson } from '../core/http-answers.mjs';
import { errorBody, errorFromViolations, parameterError } from '../core/huawei-errors.mjs';
import { akOf, frontDoor, frontDoorError } from '../core/front-door.mjs';
import { parseCredentials } from '../core/credentials.mjs';
import { harOf, junitOf } from './reports.mjs';

const GENERATED = fileURLToPath(new URL('../../generated/', import.meta.url));
/** Headers that belong to one connection, not to the request (RFC 9110 §7.6.1), and the host. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);
/** A Huawei error code: `APIG.xxxx`, or the front door's `APIGW.xxxx` (see the contract's 401). */
const ERROR_CODE = /^APIGW?\.[0-9]{4}$/;
/** The HAR keeps at most this many exchanges (the first ones); the report says when it dropped some. */
const MAX_RECORDED = 10_000;

/** The package's own signer, by the package's name (its dist/: built by `npm ci` in a clone, shipped in the package). */
async function loadSigner() {
  try {
    return (await import('apig-app-contract')).signRequest;
  } catch (error) {
    throw new Error(
      `the proxy with credentials needs the package's signer (apig-app-contract's dist/), which is missing (run npm run build): ${error.message}`,
    );
  }
}

/** Prism's router and validators, from the same engine the mock loads. */
async function loadJudge() {
  const { prism, version } = await loadPrism();
  const entry = createRequire(import.meta.url).resolve('@stoplight/prism-http');
  const local = createRequire(entry);
  return {
    prism,
    version,
    route: local('./router').default,
    validateInput: local('./validator').validateInput,
    validateOutput: local('./validator').validateOutput,
  };
}

function parsedJson(bytes) {
  if (bytes.length === 0) return { empty: true };
  try {
    return { value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { invalid: true };
  }
}

const where = (path) => (path?.length ? path.join('.') : '(whole)');

/** Where `value` has object fields `schema` does not list (each place once; array entries as `[]`). */
function undeclaredFields(schema, value, at, found = new Set()) {
  if (!schema || typeof schema !== 'object' || value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    for (const item of value) undeclaredFields(schema.items, item, `${at}[]`, found);
    return found;
  }
  if (!schema.properties) return found;
  for (const [key, child] of Object.entries(value)) {
    if (!(key in schema.properties)) found.add(`${at}.${key}`);
    else undeclaredFields(schema.properties[key], child, `${at}.${key}`, found);
  }
  return found;
}

/**
 * Starts the proxy. Resolves to `{ url, findings, report, close }` once it listens.
 * @param {{ upstream: string, port?: number, host?: string, generatedDir?: string, timeoutMs?: number, credentials?: { tokens?: string[], aksk?: { ak: string, sk: string }[] } | { tokens: Set<string>, secrets: Map<string, string> }, strict?: boolean, ca?: string | Buffer, compare?: boolean, seed?: unknown[], failOnOutside?: boolean }} options
 *   credentials: as the mock takes them ({ tokens, aksk }), or parsed (credentials.mjs parseCredentials); with them, AK/SK requests are re-signed
 *   strict: a request that breaks the contract gets the mock's 400 and is not forwarded
 *   ca: PEM certificates to trust for an HTTPS upstream (besides the system's), e.g. a company CA
 *   compare: send each request to this project's stateful mock too (started in-process, `seed` its
 *     start) and report where its answer differs from the upstream's (status, error_code, fields)
 *   failOnOutside: traffic outside the contract (routes it does not have, preflights, `/`) fails
 *     the run too; by default it is listed apart and fails nothing
 */
export async function startProxy({
  upstream,
  port = 4010,
  host = '127.0.0.1',
  generatedDir = GENERATED,
  timeoutMs = 30_000,
  credentials: given,
  strict = false,
  ca,
  compare = false,
  seed,
  failOnOutside = false,
}) {
  // The CLI passes them parsed; a library caller gives them as the mock takes them ({ tokens, aksk }).
  const credentials = given === undefined || given.secrets instanceof Map ? given : parseCredentials(given, 'credentials');
  let base;
  try {
    base = new URL(upstream);
    if (!/^https?:$/.test(base.protocol)) throw new Error('not http(s)');
  } catch {
    throw new Error(
      `the proxy needs the upstream's http(s) URL, e.g. https://apig.cn-north-4.myhuaweicloud.com (got ${JSON.stringify(String(upstream).slice(0, 80))})`,
    );
  }
  const { prism, version, route, validateInput, validateOutput } = await loadJudge();
  const operations = await loadOperations(prism, generatedDir, version);
  const signRequest = credentials?.secrets.size ? await loadSigner() : undefined;
  const door = credentials ? frontDoor(credentials) : undefined;
  // Connections to the upstream are kept alive between requests, as a client's would be.
  // Stryker disable next-line BooleanLiteral,ObjectLiteral: keep-alive saves connections, it changes no answer
  const agent = base.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  /** Drift: where the upstream's answer breaks the contract (or it accepted what the contract refuses). */
  const findings = [];
  /** Callers' requests that break the contract, which the upstream refused as it should. */
  const requests = [];
  /** Response fields the contract does not list: news, not necessarily a break (the contract stays open). */
  const news = [];
  /** Where this project's mock answered otherwise than the upstream (with `compare`). */
  const differences = [];
  /** Traffic outside the contract: routes it does not have, CORS preflights, `/`. Not drift. */
  const outside = [];
  /** Exchanges the proxy refused itself or could not judge, and why: never drift, never silent. */
  const unjudged = [];
  const mirror = compare ? await startMirror(seed) : undefined;
  /** The operations the traffic reached, and the exchanges kept for the HAR. */
  const seen = new Set();
  const recorded = [];
  let exchanges = 0;

  // Prism's router gets only the operations a request can be, as the mock's does (./prism-request.mjs).
  const candidatesOf = candidatesFinder(operations);
  const parameterAt = parameterFinder(operations);

  /** Records an exchange the proxy could not judge (or refused itself), with the reason. */
  const notJudged = (request, status, message) =>
    unjudged.push({
      method: request.method,
      path: request.path,
      status,
      requestId: undefined,
      operation: undefined,
      kind: 'unjudged',
      where: 'proxy',
      location: '(exchange)',
      message,
    });

  /**
   * A path segment that does not decode (`%zz`): Prism's router throws on it, so the operation is
   * found by its template here, and the segment is what the request breaks.
   */
  function checkUndecodable({ method, path, badSegments }) {
    const found = parameterAt(method.toLowerCase(), path, badSegments[0]);
    if (!found) return { routed: { _tag: 'Left' } };
    return {
      routed: { _tag: 'Right', right: found.operation },
      violations: [{ path: ['path', found.parameter], message: `path parameter ${found.parameter} is not valid percent-encoding` }],
    };
  }

  /** The operation a request is and what it breaks of the contract. */
  function checkRequest({ method, path, query, headers, requestBody, badSegments }) {
    // `*` (asterisk form) names the server, not an operation.
    if (!path.startsWith('/')) return { routed: { _tag: 'Left' } };
    if (badSegments.length > 0) return checkUndecodable({ method, path, badSegments });
    const input = { method: method.toLowerCase(), url: { path, query }, headers, body: requestBody };
    const routed = route({ resources: candidatesOf(input.method, path), input });
    if (routed._tag === 'Left') return { routed };
    const checked = validateInput({ resource: routed.right, element: input });
    return { routed, violations: checked._tag === 'Left' ? checked.left : [] };
  }

  function judge({ method, path, status, responseHeaders, responseBytes }, { routed, violations }) {
    const requestId = responseHeaders['x-request-id'];
    const base = { method, path, status, requestId: typeof requestId === 'string' ? requestId : undefined };
    if (routed._tag === 'Left') {
      const preflight = method === 'OPTIONS';
      outside.push({
        ...base,
        operation: undefined,
        kind: preflight ? 'preflight' : 'unknown-route',
        where: 'request',
        location: 'path',
        message: preflight
          ? `OPTIONS ${path} is a CORS preflight, which the contract does not describe`
          : `${method} ${path} is not an operation of the contract`,
      });
      return;
    }
    const operation = routed.right;
    const name = `${operation.method.toUpperCase()} ${operation.path}`;
    seen.add(name);
    // One finding per place: Prism may say two things of one field (its type and its enum, a
    // pattern and its not), which are one drift.
    const found = new Map();
    const add = (kind, direction, location, message) => {
      const key = `${kind} ${direction} ${location}`;
      const seen = found.get(key);
      if (seen) seen.message = `${seen.message}; ${message}`;
      else found.set(key, { ...base, operation: name, kind, where: direction, location, message });
    };
    for (const v of violations) {
      // Accepted anyway: the upstream does not enforce a rule of the contract.
      if (status < 300) add('accepted-invalid', 'request', where(v.path), `the upstream answered ${status} to a request the contract refuses: ${v.message}`);
      else requests.push({ ...base, operation: name, kind: 'request', where: 'request', location: where(v.path), message: v.message });
    }

    const type = String(responseHeaders['content-type'] ?? '');
    const parsed = parsedJson(responseBytes);
    if (!requestId) add('response', 'response', 'headers.X-Request-Id', 'the response has no X-Request-Id header');
    if (status !== 204 && !/^application\/json\b/i.test(type))
      add('response', 'response', 'headers.Content-Type', `the content type is ${JSON.stringify(type)}, not application/json`);
    if (parsed.invalid) add('response', 'response', 'body', 'the body is not JSON');
    const declared = operation.responses.map((r) => r.code);
    // A refusal of a request the contract refuses too is no drift, whatever its status: where
    // the pages declare no 400 (v1's show, say), they say nothing of how a bad id is answered.
    const refusedInvalid = violations.length > 0 && status >= 400 && status < 500;
    if (!declared.includes(String(status)) && !refusedInvalid)
      add('status', 'response', '(whole)', `status ${status} is not declared for ${name} (declared: ${declared.join(', ')})`);
    const output = { statusCode: status, headers: responseHeaders, body: parsed.value };
    const checkedOutput = parsed.invalid || !declared.includes(String(status)) ? { _tag: 'Right' } : validateOutput({ resource: operation, element: output });
    if (checkedOutput._tag === 'Left') for (const v of checkedOutput.left) if (v.path) add('response', 'response', where(v.path), v.message);
    const schema = operation.responses.find((r) => r.code === String(status))?.contents?.find((c) => /json/.test(c.mediaType))?.schema;
    for (const location of undeclaredFields(schema, parsed.value, 'body'))
      news.push({
        ...base,
        operation: name,
        kind: 'undeclared-field',
        where: 'response',
        location,
        message: `${location} is not a field the contract lists for ${status}`,
      });
    if (status >= 400 && parsed.value && typeof parsed.value.error_code === 'string' && !ERROR_CODE.test(parsed.value.error_code)) {
      add('response', 'response', 'body.error_code', `error_code ${JSON.stringify(parsed.value.error_code.slice(0, 40))} is not APIG.xxxx (or APIGW.xxxx)`);
    }
    findings.push(...found.values());
  }

  /** The request's headers for the upstream: its host, and a signature of its own when the proxy holds the AK's SK. */
  async function upstreamHeaders(req, target, bytes) {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
    headers.host = target.host;
    if (bytes.length > 0) headers['content-length'] = String(bytes.length);
    const ak = akOf(req);
    const sk = ak === undefined ? undefined : credentials?.secrets.get(ak);
    if (sk === undefined) return headers;
    delete headers.authorization;
    delete headers['x-sdk-date'];
    // Signed: host, x-sdk-date and the headers that describe the request; sent exactly so.
    const signed = Object.fromEntries(
      ['content-type', 'x-project-id'].filter((name) => headers[name] !== undefined).map((name) => [name, String(headers[name])]),
    );
    Object.assign(headers, await signRequest({ method: req.method, url: target.href, headers: { ...signed, host: target.host }, body: bytes }, { ak, sk }));
    return headers;
  }

  /**
   * The upstream's answer: `{ status, headers, bytes, url, sentHeaders }`, `{ failed }` when it
   * did not answer, or `{ refused }` when the request cannot be sent as it came (a target or
   * header node:http will not write). The target is the upstream's origin and the request's own
   * path and query, whatever its form (`//x` or `http://elsewhere/x` never leaves the upstream).
   */
  async function forward(req, target, bytes) {
    const url = `${base.origin}${target.pathAndQuery}`;
    let out;
    let headers;
    try {
      headers = await upstreamHeaders(req, { host: base.host, href: url }, bytes);
      const tls = base.protocol === 'https:' && ca ? { ca: [...rootCertificates, ca] } : {};
      const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
      out = send({
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        path: target.pathAndQuery,
        method: req.method,
        headers,
        timeout: timeoutMs,
        agent,
        ...tls,
      });
    } catch (error) {
      return { refused: `the request cannot be forwarded as it came (${error.code ?? error.message})` };
    }
    return new Promise((resolve) => {
      out.on('response', (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, bytes: Buffer.concat(chunks), url, sentHeaders: headers }));
        res.on('error', (error) => resolve({ failed: error }));
      });
      out.on('timeout', () => out.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      out.on('error', (error) => resolve({ failed: error }));
      out.end(bytes);
    });
  }

  /** checkRequest, contained: what it cannot judge is recorded as such, and the exchange goes on. */
  function safeCheck(request) {
    try {
      return checkRequest(request);
    } catch (error) {
      notJudged(request, undefined, `the request could not be judged: ${error?.message ?? error}`);
      return { routed: { _tag: 'Unjudged' } };
    }
  }

  /** The request's operation as `METHOD /template`, or undefined. */
  const operationOf = (checked) => (checked.routed._tag === 'Right' ? `${checked.routed.right.method.toUpperCase()} ${checked.routed.right.path}` : undefined);

  /** Strict: the mock's 400 naming the field, and nothing sent upstream. */
  function refuseStrictly(res, request, checked) {
    for (const v of checked.violations) {
      requests.push({
        method: request.method,
        path: request.path,
        status: 400,
        requestId: undefined,
        operation: operationOf(checked),
        kind: 'request',
        where: 'request',
        location: where(v.path),
        message: `${v.message} (refused by the proxy: --strict)`,
      });
    }
    sendJson(res, 400, errorFromViolations(checked.violations));
  }

  /** Keeps the exchange for the HAR (the first MAX_RECORDED). */
  function record(started, request, bytes, answer) {
    if (recorded.length >= MAX_RECORDED) return;
    recorded.push({
      startedDateTime: started.toISOString(),
      time: Date.now() - started.getTime(),
      method: request.method,
      url: answer.url,
      requestHeaders: answer.sentHeaders,
      requestText: bytes.length ? bytes.toString('utf8') : '',
      status: answer.status,
      responseHeaders: answer.headers,
      responseText: answer.bytes.toString('utf8'),
    });
  }

  /** The upstream did not answer: a Huawei-style 502, reported as drift of the upstream. */
  function answerUpstreamDown(res, request, failed) {
    const why = failed.code ?? failed.message;
    findings.push({
      method: request.method,
      path: request.path,
      status: 502,
      requestId: undefined,
      operation: undefined,
      kind: 'upstream',
      where: 'response',
      location: '(upstream)',
      message: `the upstream did not answer: ${why}`,
    });
    sendJson(res, 502, errorBody('APIG.9999', `Bad gateway: the upstream did not answer (${why})`));
  }

  /** The caller's request as the judges read it; the target never throws (./request-target.mjs). */
  function requestOf(req, bytes) {
    const target = readTarget(req.url);
    return {
      target,
      method: String(req.method),
      path: target.path,
      badSegments: target.badSegments,
      query: prismQuery(target.searchParams),
      headers: req.headers,
      requestBody: parsedJson(bytes).value,
    };
  }

  /** One exchange, stage by stage; each stage's failure is answered or recorded where it happens. */
  async function serveExchange(req, res) {
    const read = await readBody(req);
    if (read.aborted) return;
    exchanges += 1;
    const request = requestOf(req, read.bytes ?? Buffer.alloc(0));
    if (read.tooLarge) {
      // Never forward a part of a body: refuse it as the mock does.
      notJudged(request, 400, 'refused by the proxy: the request body is larger than 4 MiB');
      return sendJson(res, 400, parameterError('the request body is larger than 4 MiB'), { connection: 'close' });
    }
    const bytes = read.bytes;
    // A caller signs for the proxy; the proxy checks that signature before it signs anew.
    // (As the cloud's front door would: the same 401 APIGW.0301, and an AK locked after five failures in a row.)
    const problem = door && akOf(req) !== undefined ? door.check(req, bytes) : undefined;
    if (problem) {
      const requestId = newRequestId();
      return sendJson(res, 401, frontDoorError(problem, requestId), { 'x-mock-auth-reason': problem.reason, 'x-request-id': requestId });
    }
    // Strict judges the request before it goes; otherwise the judging waits until the caller has its answer.
    const early = strict ? safeCheck(request) : undefined;
    if (early?.violations?.length) return refuseStrictly(res, request, early);
    const started = new Date();
    const answer = await forward(req, request.target, bytes);
    if (answer.refused) {
      notJudged(request, 400, `refused by the proxy: ${answer.refused}`);
      return sendJson(res, 400, parameterError(answer.refused));
    }
    if (answer.failed) return answerUpstreamDown(res, request, answer.failed);
    record(started, request, bytes, answer);
    const checked = early ?? safeCheck(request);
    // Every operation needs a credential; the upstream's 401 says so to the caller, the report to the tester.
    if (checked.routed._tag === 'Right' && req.headers['x-auth-token'] === undefined && req.headers.authorization === undefined) {
      requests.push({
        method: request.method,
        path: request.path,
        status: answer.status,
        requestId: answer.headers['x-request-id'],
        operation: operationOf(checked),
        kind: 'request',
        where: 'request',
        location: 'headers',
        message: 'the request carries no credential (X-Auth-Token, or an AK/SK Authorization)',
      });
    }
    // Compared before answering: the next request's ids depend on this one's (a testing mode).
    if (mirror) await compareWithMirror(req, bytes, answer, checked, request);
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
    res.writeHead(answer.status, { ...headers, 'content-length': answer.bytes.length });
    res.end(answer.bytes);
    if (checked.routed._tag === 'Unjudged') return;
    try {
      judge({ ...request, status: answer.status, responseHeaders: answer.headers, responseBytes: answer.bytes }, checked);
    } catch (error) {
      notJudged(request, answer.status, `the answer could not be judged: ${error?.message ?? error}`);
    }
  }

  /** --compare, contained: a request the mock cannot be asked is recorded, not fatal. */
  async function compareWithMirror(req, bytes, answer, checked, request) {
    try {
      differences.push(...(await mirror.compare(req, bytes, answer, checked, request.target)));
    } catch (error) {
      notJudged(request, answer.status, `the mock could not be asked for comparison: ${error?.message ?? error}`);
    }
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    serveExchange(req, res).catch((error) => {
      // A bug of the proxy's own in one exchange: that exchange is answered and recorded, and
      // the proxy goes on (the report, HAR and JUnit are still written at the end).
      notJudged({ method: String(req.method), path: readTarget(req.url).path }, 502, `the proxy failed on this exchange: ${error?.message ?? error}`);
      if (!res.headersSent) sendJson(res, 502, errorBody('APIG.9999', 'Bad gateway: the proxy failed on this exchange'));
      else res.destroy();
    });
  });

  server.on('checkExpectation', (req, res) => {
    exchanges += 1;
    notJudged({ method: String(req.method), path: readTarget(req.url).path }, 417, `refused by the proxy: Expect: ${String(req.headers.expect).slice(0, 60)}`);
    refuseExpectation(res);
  });
  // What node:http cannot parse (headers over 64 KiB, bad framing) is refused with the Huawei
  // error body, 431 for headers that are too large, and recorded.
  server.on('clientError', (error, socket) => {
    const answer = badHttpAnswer(error, 431);
    if (!answer) return socket.destroy();
    notJudged({ method: undefined, path: undefined }, answer.status, `refused by the proxy: ${answer.message}`);
    answerBadHttp(socket, answer);
  });

  const url = await listenOn(server, port, host);
  return {
    url,
    /** The drift found so far, oldest first. */
    findings: () => findings.slice(),
    /**
     * What a run's JSON report holds: `{ upstream, exchanges, operations, findings, requests, news,
     * outside, unjudged, [differences], passed, summary }`. `passed` is what a run's exit code
     * says: no drift on the contract's operations (nor traffic outside it, with failOnOutside).
     */
    report: () => ({
      upstream: base.origin,
      exchanges,
      operations: [...seen],
      findings: findings.slice(),
      requests: requests.slice(),
      news: news.slice(),
      outside: outside.slice(),
      unjudged: unjudged.slice(),
      ...(mirror ? { differences: differences.slice() } : {}),
      passed: findings.length === 0 && !(failOnOutside && outside.length > 0),
      summary:
        `${exchanges} exchanges, ${findings.length} drift findings, ${requests.length} invalid requests (refused upstream), ` +
        `${news.length} response fields the contract does not list, ${outside.length} outside the contract${failOnOutside ? ' (failing the run)' : ''}, ` +
        `${unjudged.length} not judged${mirror ? `, ${differences.length} differences from the mock` : ''}`,
    }),
    /** HAR 1.2 of the traffic (secrets replaced), for `redocly drift` and other HAR readers. */
    har: () => harOf(recorded),
    /** JUnit XML: a test case per operation reached, failing with its drift (and one for traffic outside the contract with failOnOutside). */
    junit: function () {
      return junitOf(this.report(), { failOnOutside });
    },
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        mirror?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Every `id` in an answer, in order (an object's own, then its lists' entries'). */
function idsOf(value, out = []) {
  if (Array.isArray(value)) for (const item of value) idsOf(item, out);
  else if (value && typeof value === 'object') {
    if (typeof value.id === 'string') out.push(value.id);
    for (const child of Object.values(value)) if (child && typeof child === 'object') idsOf(child, out);
  }
  return out;
}

/** The fields an answer has: an object's keys, or its first entry's for a bare array. */
const fieldsOf = (value) => (Array.isArray(value) ? fieldsOf(value[0]) : value && typeof value === 'object' ? Object.keys(value).sort() : []);

/**
 * This project's stateful mock, in-process, answering each proxied request too. The upstream's
 * ids are mapped to the mock's as both create things, so a later request for the upstream's
 * APP reaches the mock's APP of the same create.
 */
async function startMirror(seed) {
  const { startMockServer } = await import('../server/index.mjs');
  const mock = await startMockServer({ port: 0, host: '127.0.0.1', ...(seed ? { seed } : {}) });
  const ids = new Map();
  const mapped = (text) => {
    let out = text;
    for (const [theirs, ours] of ids) out = out.split(theirs).join(ours);
    return out;
  };
  return {
    close: () => mock.close(),
    async compare(req, bytes, answer, checked, target) {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()) && name !== 'content-length'));
      const body = bytes.length ? mapped(bytes.toString('utf8')) : undefined;
      const reply = await fetch(`${mock.url}${mapped(target.pathAndQuery)}`, { method: req.method, headers, body });
      const theirs = parsedJson(answer.bytes).value;
      const ours = parsedJson(Buffer.from(await reply.arrayBuffer())).value;
      if (answer.status < 300 && reply.status < 300) {
        const [a, b] = [idsOf(theirs), idsOf(ours)];
        if (a.length === b.length) for (const [i, id] of a.entries()) if (id !== b[i]) ids.set(id, b[i]);
      }
      const operation = checked.routed?._tag === 'Right' ? `${checked.routed.right.method.toUpperCase()} ${checked.routed.right.path}` : undefined;
      const base = { operation, method: String(req.method), path: target.path, requestId: answer.headers['x-request-id'] };
      const seenBy = (status, value) => ({
        status,
        error_code: status >= 400 ? value?.error_code : undefined,
        fields: status < 400 ? fieldsOf(value) : undefined,
      });
      const upstream = seenBy(answer.status, theirs);
      const mockSaw = seenBy(reply.status, ours);
      const out = [];
      if (upstream.status !== mockSaw.status) out.push({ ...base, what: 'status', upstream, mock: mockSaw });
      else if (upstream.error_code !== mockSaw.error_code) out.push({ ...base, what: 'error_code', upstream, mock: mockSaw });
      else if (String(upstream.fields) !== String(mockSaw.fields)) out.push({ ...base, what: 'fields', upstream, mock: mockSaw });
      return out;
    },
  };
}

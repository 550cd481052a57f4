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

/** @typedef {import('./types.d.mts').ProxyOptions} ProxyOptions */
/** @typedef {import('./types.d.mts').RunningProxy} RunningProxy */
/** @typedef {import('./types.d.mts').ProxyFinding} ProxyFinding */
/** @typedef {import('./types.d.mts').ProxyDifference} ProxyDifference */
/** @typedef {import('@stoplight/types').IHttpOperation} Operation */
/** @typedef {import('../core/huawei-errors.mjs').Violation} Violation */
/** @typedef {import('../core/request-target.mjs').Target} Target */
/**
 * A request the server received: unlike node:http's type (which serves its client's answers
 * too), it always has a method and a URL.
 * @typedef {import('node:http').IncomingMessage & { method: string, url: string }} ServedRequest
 */
/**
 * A parsed JSON body: whatever the caller or the upstream sent, so `any`; every read of it here
 * is guarded (typeof, Array.isArray, optional chaining).
 * @typedef {any} Json
 */
/**
 * @template L, R
 * @typedef {{ _tag: 'Left', left: L } | { _tag: 'Right', right: R }} Either
 */
/**
 * Prism's router and validators (from its own files: not in its types' entry), as the proxy calls
 * them: with the request as it came (any method, node:http's headers) and the upstream's answer.
 * @typedef {object} Judge
 * @property {typeof import('@stoplight/prism-http')} prism
 * @property {string} version
 * @property {(opts: { resources: Operation[], input: JudgedInput }) => Either<Error, Operation>} route
 * @property {(opts: { resource: Operation, element: JudgedInput }) => Either<Violation[], unknown>} validateInput
 * @property {(opts: { resource: Operation, element: { statusCode: number, headers: import('node:http').IncomingHttpHeaders, body: Json } }) => Either<Violation[], unknown>} validateOutput
 */
/** @typedef {{ method: string, url: { path: string, query: Record<string, string | string[]> }, headers: import('node:http').IncomingHttpHeaders, body: Json }} JudgedInput */
/**
 * The caller's request as the judges read it.
 * @typedef {object} ProxiedRequest
 * @property {Target} target
 * @property {string} method
 * @property {string} path
 * @property {number[]} badSegments
 * @property {Record<string, string | string[]>} query
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {Json} requestBody
 */
/**
 * What a request is: its operation (`Right`), none of the contract's (`Left`), or not judged (its
 * judging failed).
 * @typedef {{ _tag: 'Left' } | { _tag: 'Unjudged' } | { _tag: 'Right', right: Operation }} Routed
 */
/**
 * A request's operation and, with one, what the request breaks of it.
 * @typedef {{ routed: Routed, violations?: undefined } | { routed: Routed, violations: Violation[] }} Checked
 */
/**
 * The upstream's answer, or why there is none.
 * @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, bytes: Buffer, url: string, sentHeaders: import('node:http').OutgoingHttpHeaders, failed?: undefined, refused?: undefined }
 *   | { failed: NodeJS.ErrnoException, refused?: undefined }
 *   | { refused: `the request cannot be forwarded as it came (${string})`, failed?: undefined }} Forwarded
 */
/** @typedef {Extract<Forwarded, { status: number }>} Answer */
/**
 * A request judged (not `Unjudged`); a `Left`'s violations are not read.
 * @typedef {{ routed: Exclude<Routed, { _tag: 'Unjudged' }>, violations: Violation[] }} Judged
 */
/**
 * This project's mock, asked each request too (with `compare`).
 * @typedef {object} Mirror
 * @property {() => Promise<void>} close
 * @property {(req: ServedRequest, bytes: Buffer, answer: Answer, checked: Checked, target: Target) => Promise<ProxyDifference[]>} compare
 */

const GENERATED = fileURLToPath(new URL('../../generated/', import.meta.url));
/** Headers that belong to one connection, not to the request (RFC 9110 §7.6.1), and the host. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);
/** A Huawei error code: `APIG.xxxx`, or the front door's `APIGW.xxxx` (see the contract's 401). */
const ERROR_CODE = /^APIGW?\.[0-9]{4}$/;
/** The HAR keeps at most this many exchanges (the first ones); the report says when it dropped some. */
const MAX_RECORDED = 10_000;

/**
 * The package's own signer, by the package's name (its dist/: built by `npm ci` in a clone, shipped in the package).
 * @returns {Promise<typeof import('apig-app-contract').signRequest>}
 */
async function loadSigner() {
  try {
    return (await import('apig-app-contract')).signRequest;
  } catch (error) {
    throw new Error(
      `the proxy with credentials needs the package's signer (apig-app-contract's dist/), which is missing (run npm run build): ${/** @type {Error} */ (error).message}`,
    );
  }
}

/**
 * Prism's router and validators, from the same engine the mock loads.
 * @returns {Promise<Judge>}
 */
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

/**
 * @param {Buffer} bytes
 * @returns {{ value?: Json, empty?: true, invalid?: true }}
 */
function parsedJson(bytes) {
  if (bytes.length === 0) return { empty: true };
  try {
    return { value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { invalid: true };
  }
}

/** @param {ReadonlyArray<string | number> | undefined} path */
const where = (path) => (path?.length ? path.join('.') : '(whole)');

/**
 * Where `value` has object fields `schema` does not list (each place once; array entries as `[]`).
 * @param {Json} schema a JSON schema of the contract, of any of Prism's drafts (read defensively too)
 * @param {Json} value
 * @param {string} at
 * @param {Set<string>} [found]
 */
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
 * Starts the proxy. Resolves to `{ url, findings, report, close }` once it listens. (Typed by
 * ./types.d.mts, which the package's `apig-app-contract/proxy` export declares: checked here
 * against this code.)
 * @param {ProxyOptions} options
 *   credentials: as the mock takes them ({ tokens, aksk }); with them, AK/SK requests are re-signed
 *   strict: a request that breaks the contract gets the mock's 400 and is not forwarded
 *   ca: PEM certificates to trust for an HTTPS upstream (besides the system's), e.g. a company CA
 *   compare: send each request to this project's stateful mock too (started in-process, `seed` its
 *     start) and report where its answer differs from the upstream's (status, error_code, fields)
 *   failOnOutside: traffic outside the contract (routes it does not have, preflights, `/`) fails
 *     the run too; by default it is listed apart and fails nothing
 * @returns {Promise<RunningProxy>}
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
  const credentials = given === undefined ? undefined : parseCredentials(given, 'credentials');
  /** @type {URL} */
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
  /**
   * Drift: where the upstream's answer breaks the contract (or it accepted what the contract refuses).
   * @type {ProxyFinding[]}
   */
  const findings = [];
  /**
   * Callers' requests that break the contract, which the upstream refused as it should.
   * @type {ProxyFinding[]}
   */
  const requests = [];
  /**
   * Response fields the contract does not list: news, not necessarily a break (the contract stays open).
   * @type {ProxyFinding[]}
   */
  const news = [];
  /**
   * Where this project's mock answered otherwise than the upstream (with `compare`).
   * @type {ProxyDifference[]}
   */
  const differences = [];
  /**
   * Traffic outside the contract: routes it does not have, CORS preflights, `/`. Not drift.
   * @type {ProxyFinding[]}
   */
  const outside = [];
  /**
   * Exchanges the proxy refused itself or could not judge, and why: never drift, never silent.
   * @type {ProxyFinding[]}
   */
  const unjudged = [];
  const mirror = compare ? await startMirror(seed) : undefined;
  /**
   * The operations the traffic reached, and the exchanges kept for the HAR.
   * @type {Set<string>}
   */
  const seen = new Set();
  /** @type {import('./reports.mjs').RecordedExchange[]} */
  const recorded = [];
  let exchanges = 0;

  // Prism's router gets only the operations a request can be, as the mock's does (./prism-request.mjs).
  const candidatesOf = candidatesFinder(operations);
  const parameterAt = parameterFinder(operations);

  /**
   * Records an exchange the proxy could not judge (or refused itself), with the reason.
   * @param {{ method: string | undefined, path: string | undefined }} request
   * @param {number | undefined} status undefined when there is no answer to name
   * @param {string} message
   */
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
   * @param {Pick<ProxiedRequest, 'method' | 'path' | 'badSegments'>} request one with bad segments
   * @returns {Checked}
   */
  function checkUndecodable({ method, path, badSegments }) {
    const found = parameterAt(method.toLowerCase(), path, /** @type {number} */ (badSegments[0]));
    if (!found) return { routed: { _tag: 'Left' } };
    return {
      routed: { _tag: 'Right', right: found.operation },
      violations: [{ path: ['path', found.parameter], message: `path parameter ${found.parameter} is not valid percent-encoding` }],
    };
  }

  /**
   * The operation a request is and what it breaks of the contract.
   * @param {ProxiedRequest} request
   * @returns {Checked}
   */
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

  /**
   * Judges an exchange of a request checked as `checked` (its violations are read past a `Left`).
   * @param {{ method: string, path: string, status: number, responseHeaders: import('node:http').IncomingHttpHeaders, responseBytes: Buffer }} exchange
   * @param {Judged} checked
   */
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
    /** @type {Map<string, ProxyFinding>} */
    const found = new Map();
    /**
     * @param {ProxyFinding['kind']} kind
     * @param {ProxyFinding['where']} direction
     * @param {string} location
     * @param {string} message
     */
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
    /** @type {Either<Violation[], unknown> | { _tag: 'Right' }} */
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

  /**
   * The request's headers for the upstream: its host, and a signature of its own when the proxy holds the AK's SK.
   * @param {ServedRequest} req
   * @param {{ host: string, href: string }} target the upstream's
   * @param {Buffer} bytes
   * @returns {Promise<import('node:http').OutgoingHttpHeaders>}
   */
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
    // An SK was found: the pairs were given (and the signer loaded), and the request named its AK.
    Object.assign(
      headers,
      await /** @type {NonNullable<typeof signRequest>} */ (signRequest)(
        { method: req.method, url: target.href, headers: { ...signed, host: target.host }, body: bytes },
        { ak: /** @type {string} */ (ak), sk },
      ),
    );
    return headers;
  }

  /**
   * The upstream's answer: `{ status, headers, bytes, url, sentHeaders }`, `{ failed }` when it
   * did not answer, or `{ refused }` when the request cannot be sent as it came (a target or
   * header node:http will not write). The target is the upstream's origin and the request's own
   * path and query, whatever its form (`//x` or `http://elsewhere/x` never leaves the upstream).
   * @param {ServedRequest} req
   * @param {Target} target
   * @param {Buffer} bytes
   * @returns {Promise<Forwarded>}
   */
  async function forward(req, target, bytes) {
    const url = `${base.origin}${target.pathAndQuery}`;
    let out;
    let headers;
    try {
      headers = await upstreamHeaders(req, { host: base.host, href: url }, bytes);
      // (node:tls reads any Uint8Array, not only a Buffer, as its types say.)
      const tls = base.protocol === 'https:' && ca ? { ca: /** @type {Array<string | Buffer>} */ ([...rootCertificates, ca]) } : {};
      /** @type {typeof httpsRequest} (node:https's takes the TLS options, and node:http's what it reads of them) */
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
      return {
        refused: `the request cannot be forwarded as it came (${/** @type {NodeJS.ErrnoException} */ (error).code ?? /** @type {Error} */ (error).message})`,
      };
    }
    return new Promise((resolve) => {
      out.on('response', (res) => {
        /** @type {Buffer[]} */
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

  /**
   * checkRequest, contained: what it cannot judge is recorded as such, and the exchange goes on.
   * @param {ProxiedRequest} request
   * @returns {Checked}
   */
  function safeCheck(request) {
    try {
      return checkRequest(request);
    } catch (error) {
      notJudged(request, undefined, `the request could not be judged: ${/** @type {Error | undefined} */ (error)?.message ?? error}`);
      return { routed: { _tag: 'Unjudged' } };
    }
  }

  /**
   * The request's operation as `METHOD /template`, or undefined.
   * @param {Checked} checked
   */
  const operationOf = (checked) => (checked.routed._tag === 'Right' ? `${checked.routed.right.method.toUpperCase()} ${checked.routed.right.path}` : undefined);

  /**
   * Strict: the mock's 400 naming the field, and nothing sent upstream.
   * @param {import('node:http').ServerResponse} res
   * @param {ProxiedRequest} request
   * @param {Checked & { violations: Violation[] }} checked one that breaks the contract
   */
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

  /**
   * Keeps the exchange for the HAR (the first MAX_RECORDED).
   * @param {Date} started
   * @param {ProxiedRequest} request
   * @param {Buffer} bytes
   * @param {Answer} answer
   */
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

  /**
   * The upstream did not answer: a Huawei-style 502, reported as drift of the upstream.
   * @param {import('node:http').ServerResponse} res
   * @param {ProxiedRequest} request
   * @param {NodeJS.ErrnoException} failed
   */
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

  /**
   * The caller's request as the judges read it; the target never throws (./request-target.mjs).
   * @param {ServedRequest} req
   * @param {Buffer} bytes
   * @returns {ProxiedRequest}
   */
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

  /**
   * One exchange, stage by stage; each stage's failure is answered or recorded where it happens.
   * @param {ServedRequest} req
   * @param {import('node:http').ServerResponse} res
   */
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
        requestId: /** @type {string | undefined} */ (answer.headers['x-request-id']),
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
      judge({ ...request, status: answer.status, responseHeaders: answer.headers, responseBytes: answer.bytes }, /** @type {Judged} */ (checked));
    } catch (error) {
      notJudged(request, answer.status, `the answer could not be judged: ${/** @type {Error | undefined} */ (error)?.message ?? error}`);
    }
  }

  /**
   * --compare, contained: a request the mock cannot be asked is recorded, not fatal.
   * @param {ServedRequest} req
   * @param {Buffer} bytes
   * @param {Answer} answer
   * @param {Checked} checked
   * @param {ProxiedRequest} request
   */
  async function compareWithMirror(req, bytes, answer, checked, request) {
    try {
      // Called with --compare only, which starts the mirror.
      differences.push(...(await /** @type {Mirror} */ (mirror).compare(req, bytes, answer, checked, request.target)));
    } catch (error) {
      notJudged(request, answer.status, `the mock could not be asked for comparison: ${/** @type {Error | undefined} */ (error)?.message ?? error}`);
    }
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    serveExchange(/** @type {ServedRequest} */ (req), res).catch((error) => {
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
    /**
     * JUnit XML: a test case per operation reached, failing with its drift (and one for traffic outside the contract with failOnOutside).
     * @this {RunningProxy}
     */
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

/**
 * Every `id` in an answer, in order (an object's own, then its lists' entries').
 * @param {Json} value
 * @param {string[]} [out]
 * @returns {string[]}
 */
function idsOf(value, out = []) {
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
const fieldsOf = (value) => (Array.isArray(value) ? fieldsOf(value[0]) : value && typeof value === 'object' ? Object.keys(value).sort() : []);

/**
 * This project's stateful mock, in-process, answering each proxied request too. The upstream's
 * ids are mapped to the mock's as both create things, so a later request for the upstream's
 * APP reaches the mock's APP of the same create.
 * @param {ProxyOptions['seed']} seed
 * @returns {Promise<Mirror>}
 */
async function startMirror(seed) {
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
  return {
    close: () => mock.close(),
    async compare(req, bytes, answer, checked, target) {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()) && name !== 'content-length'));
      const body = bytes.length ? mapped(bytes.toString('utf8')) : undefined;
      // node:http joins repeated headers into one string (but Set-Cookie, which a request does not carry).
      const reply = await fetch(`${mock.url}${mapped(target.pathAndQuery)}`, {
        method: req.method,
        headers: /** @type {Record<string, string>} */ (headers),
        body,
      });
      const theirs = parsedJson(answer.bytes).value;
      const ours = parsedJson(Buffer.from(await reply.arrayBuffer())).value;
      if (answer.status < 300 && reply.status < 300) {
        const [a, b] = [idsOf(theirs), idsOf(ours)];
        if (a.length === b.length) for (const [i, id] of a.entries()) if (id !== b[i]) ids.set(id, /** @type {string} */ (b[i]));
      }
      const operation = checked.routed?._tag === 'Right' ? `${checked.routed.right.method.toUpperCase()} ${checked.routed.right.path}` : undefined;
      const base = { operation, method: String(req.method), path: target.path, requestId: /** @type {string | undefined} */ (answer.headers['x-request-id']) };
      /**
       * @param {number} status
       * @param {Json} value
       */
      const seenBy = (status, value) => ({
        status,
        error_code: status >= 400 ? value?.error_code : undefined,
        fields: status < 400 ? fieldsOf(value) : undefined,
      });
      const upstream = seenBy(answer.status, theirs);
      const mockSaw = seenBy(reply.status, ours);
      /** @type {ProxyDifference[]} */
      const out = [];
      if (upstream.status !== mockSaw.status) out.push({ ...base, what: 'status', upstream, mock: mockSaw });
      else if (upstream.error_code !== mockSaw.error_code) out.push({ ...base, what: 'error_code', upstream, mock: mockSaw });
      else if (String(upstream.fields) !== String(mockSaw.fields)) out.push({ ...base, what: 'fields', upstream, mock: mockSaw });
      return out;
    },
  };
}

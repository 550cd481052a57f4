// The contract in the request path: a proxy that forwards each request to a real gateway (or any
// upstream) byte for byte and judges both directions against the contract with Prism's own
// router and validators, recording every finding. It never changes what passes through: the
// caller gets the upstream's answer as it came. Given the AK/SK pairs, it checks a caller's
// signature (made for the proxy's host) and signs the forwarded request anew for the
// upstream's host, over the same bytes; token requests pass untouched. Strict, it refuses a
// request that breaks the contract with the mock's 400 instead of forwarding it.
// Wired here from its parts: judge.mjs (pure judging), forward.mjs, compare.mjs, findings.mjs.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadOperations } from '../core/prism-operations.mjs';
import { readBody } from '../core/request-body.mjs';
import { listenOn } from '../core/listen.mjs';
import { prismQuery } from '../core/prism-request.mjs';
import { readTarget } from '../core/request-target.mjs';
import { MAX_HEADER_BYTES, answerBadHttp, badHttpAnswer, newRequestId, refuseExpectation, sendJson } from '../core/http-answers.mjs';
import { errorBody, errorFromViolations, parameterError } from '../core/huawei-errors.mjs';
import { akOf, frontDoor, frontDoorError } from '../core/front-door.mjs';
import { parseCredentials } from '../core/credentials.mjs';
import { judgesOf, loadEngine, operationOf, parsedJson, where } from './judge.mjs';
import { endToEnd, forwarderTo, loadSigner } from './forward.mjs';
import { startMirror } from './compare.mjs';
import { runLog } from './findings.mjs';

/** @typedef {import('./types.d.mts').ProxyOptions} ProxyOptions */
/** @typedef {import('./types.d.mts').RunningProxy} RunningProxy */
/** @typedef {import('./forward.mjs').ServedRequest} ServedRequest */
/** @typedef {import('./forward.mjs').Answer} Answer */
/** @typedef {import('./judge.mjs').ProxiedRequest} ProxiedRequest */
/** @typedef {import('./judge.mjs').Checked} Checked */
/** @typedef {import('./judge.mjs').Judged} Judged */
/** @typedef {import('../core/huawei-errors.mjs').Violation} Violation */
/** @typedef {import('node:http').ServerResponse} Response */

const GENERATED = fileURLToPath(new URL('../../generated/', import.meta.url));

/**
 * The upstream's URL, or an error that says what is expected.
 * @param {unknown} upstream
 */
function upstreamUrl(upstream) {
  try {
    const base = new URL(String(upstream));
    if (/^https?:$/.test(base.protocol)) return base;
  } catch {
    // told below
  }
  throw new Error(
    `the proxy needs the upstream's http(s) URL, e.g. https://apig.cn-north-4.myhuaweicloud.com (got ${JSON.stringify(String(upstream).slice(0, 80))})`,
  );
}

/**
 * The caller's request as the judges read it; the target never throws (../core/request-target.mjs).
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
 * An error's message, for a finding.
 * @param {unknown} error
 */
const messageOf = (error) => /** @type {Error | undefined} */ (error)?.message ?? String(error);

/**
 * Starts the proxy. Resolves to `{ url, findings, report, har, junit, close }` once it listens.
 * (Typed by ./types.d.mts, which the package's `apig-app-contract/proxy` export declares: checked
 * here against this code.)
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
  const base = upstreamUrl(upstream);
  const engine = await loadEngine();
  const judges = judgesOf(engine, await loadOperations(engine.prism, generatedDir, engine.version));
  const secrets = credentials?.secrets.size ? credentials.secrets : undefined;
  const forwarder = forwarderTo({ base, timeoutMs, ca, secrets, signRequest: secrets ? await loadSigner() : undefined });
  const log = runLog({ upstream: base.origin, compare, failOnOutside });
  const mirror = compare ? await startMirror(seed) : undefined;
  const exchange = exchangeServer({ judges, forwarder, log, mirror, strict, door: credentials ? frontDoor(credentials) : undefined });
  const server = proxyServer(exchange, log);
  const url = await listenOn(server, port, host);
  return {
    url,
    /** The drift found so far, oldest first. */
    findings: () => log.drift(),
    /**
     * What a run's JSON report holds: `{ upstream, exchanges, operations, findings, requests, news,
     * outside, unjudged, [differences], passed, summary }`. `passed` is what a run's exit code
     * says: no drift on the contract's operations (nor traffic outside it, with failOnOutside).
     */
    report: () => log.report(),
    /** HAR 1.2 of the traffic (secrets replaced), for `redocly drift` and other HAR readers. */
    har: () => log.har(),
    /** JUnit XML: a test case per operation reached, failing with its drift (and one for traffic outside the contract with failOnOutside). */
    junit: () => log.junit(),
    close: () =>
      new Promise((resolve) => {
        forwarder.close();
        mirror?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The HTTP server around the exchanges: what node:http refuses itself is answered with the
 * Huawei error body and recorded too.
 * @param {(req: ServedRequest, res: Response) => Promise<void>} serveExchange
 * @param {import('./findings.mjs').RunLog} log
 */
function proxyServer(serveExchange, log) {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    serveExchange(/** @type {ServedRequest} */ (req), res).catch((error) => {
      // A bug of the proxy's own in one exchange: that exchange is answered and recorded, and
      // the proxy goes on (the report, HAR and JUnit are still written at the end).
      log.notJudged({ method: String(req.method), path: readTarget(req.url).path }, 502, `the proxy failed on this exchange: ${messageOf(error)}`);
      if (!res.headersSent) sendJson(res, 502, errorBody('APIG.9999', 'Bad gateway: the proxy failed on this exchange'));
      else res.destroy();
    });
  });
  server.on('checkExpectation', (req, res) => {
    log.countExchange();
    log.notJudged(
      { method: String(req.method), path: readTarget(req.url).path },
      417,
      `refused by the proxy: Expect: ${String(req.headers.expect).slice(0, 60)}`,
    );
    refuseExpectation(res);
  });
  // What node:http cannot parse (headers over 64 KiB, bad framing) is refused with the Huawei
  // error body, 431 for headers that are too large, and recorded.
  server.on('clientError', (error, socket) => {
    const answer = badHttpAnswer(error, 431);
    if (!answer) return socket.destroy();
    log.notJudged({ method: undefined, path: undefined }, answer.status, `refused by the proxy: ${answer.message}`);
    answerBadHttp(socket, answer);
  });
  return server;
}

/**
 * One exchange, stage by stage; each stage's failure is answered or recorded where it happens.
 * @param {object} parts
 * @param {import('./judge.mjs').Judges} parts.judges
 * @param {import('./forward.mjs').Forwarder} parts.forwarder
 * @param {import('./findings.mjs').RunLog} parts.log
 * @param {import('./compare.mjs').Mirror | undefined} parts.mirror
 * @param {boolean} parts.strict
 * @param {ReturnType<typeof frontDoor> | undefined} parts.door
 * @returns {(req: ServedRequest, res: Response) => Promise<void>}
 */
function exchangeServer({ judges, forwarder, log, mirror, strict, door }) {
  /**
   * checkRequest, contained: what it cannot judge is recorded as such, and the exchange goes on.
   * @param {ProxiedRequest} request
   * @returns {Checked}
   */
  function safeCheck(request) {
    try {
      return judges.checkRequest(request);
    } catch (error) {
      log.notJudged(request, undefined, `the request could not be judged: ${messageOf(error)}`);
      return { routed: { _tag: 'Unjudged' } };
    }
  }

  /**
   * Strict: the mock's 400 naming the field, and nothing sent upstream.
   * @param {Response} res
   * @param {ProxiedRequest} request
   * @param {Checked & { violations: Violation[] }} checked one that breaks the contract
   */
  function refuseStrictly(res, request, checked) {
    const operation = operationOf(checked);
    for (const v of checked.violations) {
      const message = `${v.message} (refused by the proxy: --strict)`;
      log.add({
        method: request.method,
        path: request.path,
        status: 400,
        requestId: undefined,
        operation,
        kind: 'request',
        where: 'request',
        location: where(v.path),
        message,
      });
    }
    sendJson(res, 400, errorFromViolations(checked.violations));
  }

  /**
   * The upstream did not answer: a Huawei-style 502, reported as drift of the upstream.
   * @param {Response} res
   * @param {ProxiedRequest} request
   * @param {NodeJS.ErrnoException} failed
   */
  function answerUpstreamDown(res, request, failed) {
    const why = failed.code ?? failed.message;
    const message = `the upstream did not answer: ${why}`;
    log.add({
      method: request.method,
      path: request.path,
      status: 502,
      requestId: undefined,
      operation: undefined,
      kind: 'upstream',
      where: 'response',
      location: '(upstream)',
      message,
    });
    sendJson(res, 502, errorBody('APIG.9999', `Bad gateway: the upstream did not answer (${why})`));
  }

  /**
   * Every operation needs a credential; the upstream's 401 says so to the caller, the report to the tester.
   * @param {ServedRequest} req
   * @param {ProxiedRequest} request
   * @param {Answer} answer
   * @param {Checked} checked
   */
  function noteMissingCredential(req, request, answer, checked) {
    if (checked.routed._tag !== 'Right' || req.headers['x-auth-token'] !== undefined || req.headers.authorization !== undefined) return;
    const requestId = /** @type {string | undefined} */ (answer.headers['x-request-id']);
    const message = 'the request carries no credential (X-Auth-Token, or an AK/SK Authorization)';
    log.add({
      method: request.method,
      path: request.path,
      status: answer.status,
      requestId,
      operation: operationOf(checked),
      kind: 'request',
      where: 'request',
      location: 'headers',
      message,
    });
  }

  /**
   * --compare, contained: a request the mock cannot be asked is recorded, not fatal.
   * @param {import('./compare.mjs').Mirror} mirror
   * @param {ServedRequest} req
   * @param {Buffer} bytes
   * @param {Answer} answer
   * @param {Checked} checked
   * @param {ProxiedRequest} request
   */
  async function compareWithMirror(mirror, req, bytes, answer, checked, request) {
    try {
      log.addDifferences(...(await mirror.compare(req, bytes, answer, checked, request.target)));
    } catch (error) {
      log.notJudged(request, answer.status, `the mock could not be asked for comparison: ${messageOf(error)}`);
    }
  }

  /**
   * Judges the exchange once the caller has its answer; what cannot be judged is recorded.
   * @param {ProxiedRequest} request
   * @param {Answer} answer
   * @param {Checked} checked
   */
  function judgeAfter(request, answer, checked) {
    if (checked.routed._tag === 'Unjudged') return;
    const operation = operationOf(checked);
    if (operation) log.reached(operation);
    try {
      const exchange = { method: request.method, path: request.path, status: answer.status, responseHeaders: answer.headers, responseBytes: answer.bytes };
      log.add(...judges.judgeExchange(exchange, /** @type {Judged} */ (checked)));
    } catch (error) {
      log.notJudged(request, answer.status, `the answer could not be judged: ${messageOf(error)}`);
    }
  }

  /**
   * The caller's answer refused before forwarding (too large a body, a bad signature, strict), or undefined to forward.
   * @param {ServedRequest} req
   * @param {Response} res
   * @param {import('../core/request-body.mjs').BodyRead} read
   * @param {ProxiedRequest} request
   * @returns {{ refused: true } | { refused: false, early: Checked | undefined }}
   */
  function refuseEarly(req, res, read, request) {
    if (read.tooLarge) {
      // Never forward a part of a body: refuse it as the mock does.
      log.notJudged(request, 400, 'refused by the proxy: the request body is larger than 4 MiB');
      sendJson(res, 400, parameterError('the request body is larger than 4 MiB'), { connection: 'close' });
      return { refused: true };
    }
    // A caller signs for the proxy; the proxy checks that signature before it signs anew.
    // (As the cloud's front door would: the same 401 APIGW.0301, and an AK locked after five failures in a row.)
    const problem = door && akOf(req) !== undefined ? door.check(req, /** @type {Buffer} */ (read.bytes)) : undefined;
    if (problem) {
      const requestId = newRequestId();
      sendJson(res, 401, frontDoorError(problem, requestId), { 'x-mock-auth-reason': problem.reason, 'x-request-id': requestId });
      return { refused: true };
    }
    // Strict judges the request before it goes; otherwise the judging waits until the caller has its answer.
    const early = strict ? safeCheck(request) : undefined;
    if (!early?.violations?.length) return { refused: false, early };
    refuseStrictly(res, request, /** @type {Checked & { violations: Violation[] }} */ (early));
    return { refused: true };
  }

  return async function serveExchange(req, res) {
    const read = await readBody(req);
    if (read.aborted) return;
    log.countExchange();
    const bytes = read.bytes ?? Buffer.alloc(0);
    const request = requestOf(req, bytes);
    const early = refuseEarly(req, res, read, request);
    if (early.refused) return;
    const started = new Date();
    const answer = await forwarder.forward(req, request.target, bytes);
    if (answer.refused) {
      log.notJudged(request, 400, `refused by the proxy: ${answer.refused}`);
      sendJson(res, 400, parameterError(answer.refused));
      return;
    }
    if (answer.failed) {
      answerUpstreamDown(res, request, answer.failed);
      return;
    }
    log.record({
      startedDateTime: started.toISOString(),
      time: Date.now() - started.getTime(),
      method: request.method,
      url: answer.url,
      requestHeaders: answer.sentHeaders,
      requestText: bytes.toString('utf8'),
      status: answer.status,
      responseHeaders: answer.headers,
      responseText: answer.bytes.toString('utf8'),
    });
    const checked = early.early ?? safeCheck(request);
    noteMissingCredential(req, request, answer, checked);
    // Compared before answering: the next request's ids depend on this one's (a testing mode).
    if (mirror) await compareWithMirror(mirror, req, bytes, answer, checked, request);
    res.writeHead(answer.status, { ...endToEnd(answer.headers), 'content-length': answer.bytes.length });
    res.end(answer.bytes);
    judgeAfter(request, answer, checked);
  };
}

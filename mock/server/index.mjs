// The mock: Prism's own engine (@stoplight/prism-http) behind a small node:http layer that
// adds what plain `prism mock` lacks: Huawei error bodies naming the field, a fresh
// X-Request-Id, defensive body parsing (plain prism-cli dies on deeply nested JSON), and the
// docs and bundled document on the same port. Ships with the package (`apig-app-contract/mock`).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiNotFound, errorFromViolations, invalidParameter, parameterError, systemError } from '../core/huawei-errors.mjs';
import { parseCredentials } from '../core/credentials.mjs';
import { frontDoor, frontDoorError } from '../core/front-door.mjs';
import { preferToMockConfig } from './prefer.mjs';
import { AppStore, DEFAULT_QUOTA, routeOf } from './app-store.mjs';
import { grantRouteOf } from './grant-store.mjs';
import { decodeJsonBody, readBody } from '../core/request-body.mjs';
import { listenOn } from '../core/listen.mjs';
import { candidatesFinder, parameterFinder, prismQuery } from '../core/prism-request.mjs';
import { readTarget } from '../core/request-target.mjs';
import { MAX_HEADER_BYTES, answerBadHttp, badHttpAnswer, newRequestId, refuseExpectation, sendJson } from '../core/http-answers.mjs';
import { checkedSeed } from './seed.mjs';
import { loadOperations } from '../core/prism-operations.mjs';
import { PRISM_PACKAGE, loadPrism } from '../core/load-prism.mjs';

export { PRISM_PACKAGE };

/** @typedef {import('./types.d.mts').MockServerOptions} MockServerOptions */
/** @typedef {import('./types.d.mts').RunningMockServer} RunningMockServer */
/** @typedef {import('../core/request-target.mjs').Target} Target */
/** @typedef {import('../core/huawei-errors.mjs').ErrorBody} ErrorBody */
/** @typedef {import('../core/huawei-errors.mjs').Violation} Violation */
/**
 * A request the server received: unlike node:http's type (which serves its client's answers
 * too), it always has a method and a URL.
 * @typedef {import('node:http').IncomingMessage & { method: string, url: string }} ServedRequest
 */
/** A page or document served beside the API. @typedef {{ body: Buffer, type: string }} Page */
/** An HTTP method, as Prism names it. @typedef {import('@stoplight/types').HttpMethod} Method */
/**
 * What Prism's 422 carries: the violations, each where it is (`location`, from `request`).
 * @typedef {import('@stoplight/prism-http').ProblemJsonError & { additional?: { validation?: Array<Violation & { location?: string[] }> } }} PrismProblem
 */

const MAX_VIOLATIONS_HEADER = 8 * 1024 - 100;

const silentLogger = new Proxy({}, { get: (_target, key) => (key === 'child' ? () => silentLogger : () => {}) });

/** @type {import('@stoplight/prism-http').IHttpMockConfig} */
const BASE_CONFIG = {
  mock: { dynamic: false },
  validateRequest: true,
  validateResponse: false,
  checkSecurity: true,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
};

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'X-Request-Id, sl-violations, X-Mock-Auth-Reason',
};

/**
 * The pages served beside the API; the docs and review sheet link to each other by these paths.
 * @type {Array<[paths: string[], file: string, type: string]>}
 */
const STATIC_FILES = [
  [['/openapi.json'], 'openapi.json', 'application/json; charset=utf-8'],
  [['/openapi.yaml'], 'openapi.yaml', 'application/yaml; charset=utf-8'],
  [['/openapi-3.0.json'], 'openapi-3.0.json', 'application/json; charset=utf-8'],
  [['/openapi-3.0.yaml'], 'openapi-3.0.yaml', 'application/yaml; charset=utf-8'],
  [['/docs', '/docs/index.html'], 'docs/index.html', 'text/html; charset=utf-8'],
  [['/docs/zh-CN', '/docs/zh-CN/index.html'], 'docs/zh-CN/index.html', 'text/html; charset=utf-8'],
  [['/review', '/review/index.html'], 'review/index.html', 'text/html; charset=utf-8'],
  [['/review/review.pdf'], 'review/review.pdf', 'application/pdf'],
  [['/review/zh-CN', '/review/zh-CN/index.html'], 'review/zh-CN/index.html', 'text/html; charset=utf-8'],
  [['/review/zh-CN/review.pdf'], 'review/zh-CN/review.pdf', 'application/pdf'],
];

/**
 * The mock's front page: where everything is, in both languages (what this install holds).
 * @param {(path: string) => boolean} has whether this install serves a page
 */
function indexPage(has) {
  /**
   * @param {string} path
   * @param {string} text
   */
  const link = (path, text) => (has(path) ? `<a href="${path}">${text}</a>` : '');
  /**
   * @param {string} label
   * @param {string[]} links
   */
  const line = (label, links) => (links.some(Boolean) ? `<li>${label}: ${links.filter(Boolean).join(' · ')}</li>` : '');
  return Buffer.from(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>apig-app-contract mock</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body { font: 15px/1.6 sans-serif; margin: 32px; } code { background: #f2f2f7; padding: 0 4px; }</style></head>
<body><h1>apig-app-contract mock</h1>
<p>The APP API (应用) of Huawei Cloud API Gateway, served by Prism's engine from the contract, on three generations:
<code>/v1.0/apigw/…</code>, <code>/v1/{project_id}/apigw/instances/{instance_id}/…</code>, <code>/v2/{project_id}/apigw/instances/{instance_id}/…</code>:
APPs (<code>…/apps</code>), their AppCodes (<code>…/apps/{app_id}/app-codes</code>), authorizations (<code>…/app-auths</code>) and the outline (<code>…/resources/outline/apps</code>).</p>
<ul>
${line('Docs', [link('/docs/index.html', 'English'), link('/docs/zh-CN/index.html', '简体中文')])}
${line('Contract at a glance (review sheet)', [link('/review/index.html', 'English'), link('/review/review.pdf', 'PDF'), link('/review/zh-CN/index.html', '契约一览'), link('/review/zh-CN/review.pdf', 'PDF')])}
${line('Documents', [link('/openapi.json', 'openapi.json'), link('/openapi.yaml', 'openapi.yaml'), link('/openapi-3.0.json', 'openapi-3.0.json (OpenAPI 3.0.3)')])}
</ul></body></html>
`);
}

/** @param {string} generatedDir */
function staticPages(generatedDir) {
  /** @type {Record<string, Page>} */
  const pages = {};
  for (const [paths, file, type] of STATIC_FILES) {
    if (!existsSync(join(generatedDir, file))) continue;
    const page = { body: readFileSync(join(generatedDir, file)), type };
    for (const path of paths) pages[path] = page;
  }
  pages['/'] = { body: indexPage((path) => path in pages), type: 'text/html; charset=utf-8' };
  return pages;
}

/**
 * The mock's answers carry CORS headers, so a page in a browser can read them.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {import('node:http').OutgoingHttpHeaders} [headers]
 */
const send = (res, status, body, headers = {}) => sendJson(res, status, body, { ...CORS_HEADERS, ...headers });

/**
 * @param {ReadonlyArray<Violation>} violations
 * @returns {Record<string, string>}
 */
function violationsHeader(violations) {
  if (violations.length === 0) return {};
  const value = JSON.stringify(violations.map(({ path, code, message }) => ({ location: ['request', ...(path ?? [])], code, message })));
  // Header values must be latin-1: escape anything else (patterns hold 汉字 ranges).
  const safe = value.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return { 'sl-violations': safe.length > MAX_VIOLATIONS_HEADER ? safe.slice(0, MAX_VIOLATIONS_HEADER) : safe };
}

/**
 * @param {ServedRequest} req
 * @param {Target} target
 */
const noBodyTaken = (req, target) => parameterError(`${req.method} ${target.path.slice(0, 200)} takes no request body`);

/**
 * @param {ServedRequest} req
 * @param {Target} target
 * @param {unknown} body
 * @returns {import('@stoplight/prism-http').IHttpRequest}
 */
function toPrismRequest(req, target, body) {
  // The body was decoded (or refused) here already; Prism gets a content type it can parse. The
  // gateway answers JSON whatever Accept says, so Prism does not negotiate (it would fail on `Accept: !`).
  // Prism's types name the methods it knows and one value per header: it gets the method and the
  // headers as they came (a method it does not know is its to refuse; node:http joins repeated headers).
  const { accept: _accept, ...sent } = /** @type {import('@stoplight/prism-http').IHttpNameValue} */ (req.headers);
  const headers = { ...sent, 'content-type': 'application/json' };
  return {
    method: /** @type {Method} */ (String(req.method).toLowerCase()),
    url: { path: target.path, query: prismQuery(target.searchParams) },
    headers,
    body,
  };
}

/** The documents and pages beside this folder: the package's generated/. */
const GENERATED = fileURLToPath(new URL('../../generated/', import.meta.url));
/**
 * Starts the mock. Resolves to { url, close } once it listens. (Typed by ./types.d.mts, which
 * the package's `apig-app-contract/mock` export declares: checked here against this code.)
 * @param {MockServerOptions} [options]
 *   stateless: answer every call with its page example; quota: APPs per tenant (APIG.3103 past it);
 *   seed: APPs to start with (and to return to on POST /_mock/reset), per tenant (`v1.0 <token or AK>`,
 *     `v1 <project> <instance>`, `v2 …`), each checked against the contract (see seed.mjs);
 *   credentials: { tokens, aksk } (see credentials.mjs): only these are accepted, signatures checked
 * @returns {Promise<RunningMockServer>}
 */
export async function startMockServer({
  port = 4010,
  host = '127.0.0.1',
  generatedDir = GENERATED,
  stateless = false,
  quota = DEFAULT_QUOTA,
  seed,
  credentials,
} = {}) {
  const { prism: engine, version } = await loadPrism();
  const { createInstance } = engine;
  const operations = await loadOperations(engine, generatedDir, version);
  // Prism gets only the operations a request can be (./prism-request.mjs).
  const candidatesOf = candidatesFinder(operations);
  const parameterAt = parameterFinder(operations);
  const prism = createInstance(BASE_CONFIG, { logger: silentLogger });
  const pages = staticPages(generatedDir);
  // Stateful by default: what is created can be listed, shown, changed and deleted. Stateless,
  // every call answers its page's example, as plain Prism does.
  const store = stateless ? undefined : new AppStore({ quota });
  if (store && seed) store.seed(await checkedSeed(seed));
  const door = credentials ? frontDoor(parseCredentials(credentials)) : undefined;

  /**
   * The stateful answer to a valid lifecycle request, or undefined to answer Prism's example.
   * @param {ServedRequest} req
   * @param {Target} target
   * @param {unknown} body the decoded body, which Prism found valid
   */
  function statefulAnswer(req, target, body) {
    if (!store) return undefined;
    const { path: pathname, searchParams } = target;
    const route = routeOf(req.method, pathname) ?? grantRouteOf(req.method, pathname);
    if (!route) return undefined;
    const tenant = AppStore.tenantOf(route.generation, route.params, req.headers);
    // `tags` may be given more than once (v2's bound and not-bound lists); every other parameter once.
    const query = { ...Object.fromEntries(searchParams), ...(searchParams.has('tags') ? { tags: searchParams.getAll('tags') } : {}) };
    return store.handle({ ...route, tenant, query, body: /** @type {import('./app-store.mjs').RequestBody} */ (body ?? {}) });
  }

  /**
   * A path segment whose percent-escapes do not decode (`%zz`) is no value of any parameter:
   * 400 APIG.2011 naming the parameter it fills, the code the pages give a parameter that breaks
   * its rule; a path that is no operation's anyway is 404 APIG.0101, as any unknown path.
   * @param {ServedRequest} req
   * @param {Target} target one with bad segments
   * @returns {[number, ErrorBody]}
   */
  function undecodablePathAnswer(req, target) {
    const found = parameterAt(String(req.method).toLowerCase(), target.path, /** @type {number} */ (target.badSegments[0]));
    return found ? [400, invalidParameter(found.parameter)] : [404, apiNotFound()];
  }

  /**
   * @param {ServedRequest} req
   * @param {import('node:http').ServerResponse} res
   * @param {Exclude<import('../core/request-body.mjs').BodyRead, { aborted: true }>} read
   * @param {Target} target
   */
  async function handleApi(req, res, read, target) {
    if (read.tooLarge) return send(res, 400, parameterError('the request body is larger than 4 MiB'), { connection: 'close' });

    // With credentials, the cloud's front door first: a known token, or a valid signature of an AK not locked.
    const problem = door?.check(req, read.bytes);
    if (problem) {
      const requestId = newRequestId();
      return send(res, 401, frontDoorError(problem, requestId), { 'x-mock-auth-reason': problem.reason, 'x-request-id': requestId });
    }
    const decoded = decodeJsonBody(req.headers['content-type'], read.bytes);
    const prefer = preferToMockConfig(req.headers.prefer);
    if (prefer.problem) return send(res, 400, parameterError(prefer.problem));

    // Route, credentials and Prefer are Prism's to judge first, as the gateway authenticates
    // before it reads the body; a body that did not parse is replaced by a valid stand-in.
    const body = decoded.problem ? { name: 'placeholder' } : decoded.value;
    const config = { ...BASE_CONFIG, mock: { ...BASE_CONFIG.mock, ...prefer.config } };
    // `*` (asterisk form) names the server, not an API.
    if (!target.path.startsWith('/')) return send(res, 404, apiNotFound());
    if (target.badSegments.length > 0) return send(res, ...undecodablePathAnswer(req, target));
    const prismRequest = toPrismRequest(req, target, body);
    const result = await prism.request(prismRequest, candidatesOf(prismRequest.method, prismRequest.url.path), config)();

    if (result._tag === 'Left') {
      const { name = '' } = result.left;
      if (/NO_(PATH|METHOD)_MATCHED/.test(name)) return send(res, 404, apiNotFound());
      // A body sent to an operation that takes none (a GET, a DELETE): Prism finds no media type for it.
      if (/INVALID_CONTENT_TYPE/.test(name)) return send(res, 400, noBodyTaken(req, target));
      if (prefer.config.code !== undefined || prefer.config.exampleKey !== undefined) {
        return send(res, 400, parameterError(`the contract has no response for Prefer: ${/** @type {string} */ (prefer.header).slice(0, 100)}`));
      }
      // An invalid request with no 400 in the contract (an empty path parameter): Prism's
      // own 422 carries the violations; the gateway answers 400 naming the parameter.
      const violations = /** @type {PrismProblem} */ (result.left).additional?.validation;
      if (/UNPROCESSABLE_ENTITY/.test(name) && Array.isArray(violations)) {
        const input = violations.map((v) => ({ ...v, path: v.path ?? v.location?.slice(1) }));
        return send(res, 400, errorFromViolations(input), violationsHeader(input));
      }
      console.error(`mock: Prism could not answer ${req.method} ${String(req.url).slice(0, 200)}: ${name} ${result.left.message}`);
      return send(res, 500, systemError());
    }
    const { output, validations } = result.right;
    const headers = Object.fromEntries(Object.entries(output.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    delete headers['content-type'];
    // Stryker disable next-line StringLiteral: send() sets its own x-request-id after these headers anyway
    delete headers['x-request-id'];
    if (output.statusCode === 400 && !prefer.config.code) {
      const inputViolations = validations.input.filter((v) => typeof v.code !== 'number');
      // Prism's 415 among them: a body sent to an operation that takes none.
      const bodyNotTaken = validations.input.some((v) => v.code === 415) && inputViolations.length === 0;
      const error = decoded.problem ? parameterError(decoded.problem) : bodyNotTaken ? noBodyTaken(req, target) : errorFromViolations(inputViolations);
      return send(res, 400, error, { ...headers, ...violationsHeader(inputViolations) });
    }
    if (decoded.problem && output.statusCode < 300) return send(res, 400, parameterError(decoded.problem), headers);
    // The request passed the contract; unless a Prefer picks a response, state answers it.
    // Stryker disable next-line EqualityOperator: Prism's example answers are never a 300
    const stateful = output.statusCode < 300 && !req.headers.prefer ? statefulAnswer(req, target, decoded.value) : undefined;
    if (stateful) return send(res, stateful.status, stateful.body, headers);
    return send(res, output.statusCode, output.body ?? {}, headers);
  }

  /**
   * @param {ServedRequest} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    // Read the whole request before answering, whatever the route: answering early leaves
    // unread bytes on a keep-alive connection, and the client's next request may hit a reset.
    const read = await readBody(req);
    if (read.aborted) return;
    const target = readTarget(req.url);
    const path = target.path.replace(/\/+$/, '') || '/';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS_HEADERS,
        'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
      });
      return res.end();
    }
    // The mock's own control, outside the contract's paths: back to the seed (or to no APP).
    if (req.method === 'POST' && path === '/_mock/reset') {
      store?.reset();
      door?.reset();
      res.writeHead(204, { ...CORS_HEADERS, 'x-request-id': newRequestId() });
      return res.end();
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && pages[path]) {
      const { body, type } = /** @type {Page} */ (pages[path]);
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, ...CORS_HEADERS });
      // Stryker disable next-line ConditionalExpression,StringLiteral: node:http sends no body on a HEAD answer whatever is passed; passing none says so
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    return handleApi(req, res, read, target);
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, keepAliveTimeout: 65_000 }, (req, res) => {
    handle(/** @type {ServedRequest} */ (req), res).catch((error) => {
      // A bug here must not take the mock down: answer 500 and keep serving.
      console.error(`mock: internal error on ${req.method} ${String(req.url).slice(0, 200)}: ${error?.stack ?? error}`);
      if (!res.headersSent) send(res, 500, systemError());
      else res.destroy();
    });
  });

  server.on('checkExpectation', (_req, res) => refuseExpectation(res));
  // Malformed HTTP (oversized headers, bad framing): answer 400 with the error body.
  server.on('clientError', (error, socket) => {
    const answer = badHttpAnswer(error);
    if (!answer) return socket.destroy();
    answerBadHttp(socket, answer);
  });

  const url = await listenOn(server, port, host);
  // The documents and the docs pages name the local mock as http://127.0.0.1:4010: name this
  // one instead (a page served under two paths is rewritten once).
  /** @type {Map<Page, Page>} */
  const rewritten = new Map();
  for (const [path, page] of Object.entries(pages)) {
    if (page.type === 'application/pdf') continue;
    if (!rewritten.has(page)) rewritten.set(page, { ...page, body: Buffer.from(page.body.toString('utf8').replaceAll('http://127.0.0.1:4010', url)) });
    pages[path] = /** @type {Page} */ (rewritten.get(page));
  }
  return {
    url,
    /** The pages and documents this mock serves (those generated/ holds). */
    served: Object.keys(pages),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// The contract's API on the mock: Prism's engine judges each request (route, credentials,
// Prefer, parameters, body) and answers its example; the stores answer a valid request that
// state decides. Prism's refusals become the gateway's Huawei error bodies naming the field.
import { apiNotFound, errorFromViolations, invalidParameter, parameterError, systemError } from '../core/huawei-errors.mjs';
import { frontDoorError } from '../core/front-door.mjs';
import { newRequestId } from '../core/http-answers.mjs';
import { decodeJsonBody } from '../core/request-body.mjs';
import { candidatesFinder, parameterFinder, prismQuery } from '../core/prism-request.mjs';
import { preferToMockConfig } from './prefer.mjs';
import { AppStore, routeOf } from './app-store.mjs';
import { grantRouteOf } from './grant-store.mjs';
import { familyRouteOf } from './family-store.mjs';
import { send } from './answers.mjs';

/** @typedef {import('../core/request-target.mjs').Target} Target */
/** @typedef {import('../core/huawei-errors.mjs').ErrorBody} ErrorBody */
/** @typedef {import('../core/huawei-errors.mjs').Violation} Violation */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {Exclude<import('../core/request-body.mjs').BodyRead, { aborted: true }>} BodyRead */
/** @typedef {ReturnType<typeof decodeJsonBody>} Decoded */
/** @typedef {ReturnType<typeof preferToMockConfig>} PreferRead */
/** A Prefer header read (none, or one the mock can follow). @typedef {Extract<PreferRead, { config: object }>} Prefer */
/** @typedef {Extract<BodyRead, { bytes: Buffer }>} WholeBody */
/**
 * A request the server received: unlike node:http's type (which serves its client's answers
 * too), it always has a method and a URL.
 * @typedef {import('node:http').IncomingMessage & { method: string, url: string }} ServedRequest
 */
/** An HTTP method, as Prism names it. @typedef {import('@stoplight/types').HttpMethod} Method */
/**
 * What Prism's 422 carries: the violations, each where it is (`location`, from `request`).
 * @typedef {import('@stoplight/prism-http').ProblemJsonError & { additional?: { validation?: Array<Violation & { location?: string[] }> } }} PrismProblem
 */
/** @typedef {Awaited<ReturnType<ReturnType<import('@stoplight/prism-core').IPrism<import('@stoplight/types').IHttpOperation, import('@stoplight/prism-http').IHttpRequest, import('@stoplight/prism-http').IHttpResponse, import('@stoplight/prism-http').IHttpConfig>['request']>>>} PrismResult */
/** @typedef {Extract<PrismResult, { _tag: 'Right' }>['right']} PrismAnswer */

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

/**
 * @param {ReadonlyArray<Violation>} violations
 * @returns {Record<string, string>}
 */
export function violationsHeader(violations) {
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

/**
 * Prism's refusal of a request, as the gateway answers it.
 * @param {Response} res
 * @param {{ req: ServedRequest, target: Target, prefer: Prefer }} request
 * @param {Error} refusal
 */
function answerRefusal(res, { req, target, prefer }, refusal) {
  const { name = '' } = refusal;
  if (/NO_(PATH|METHOD)_MATCHED/.test(name)) return send(res, 404, apiNotFound());
  // A body sent to an operation that takes none (a GET, a DELETE): Prism finds no media type for it.
  if (/INVALID_CONTENT_TYPE/.test(name)) return send(res, 400, noBodyTaken(req, target));
  if (prefer.config.code !== undefined || prefer.config.exampleKey !== undefined) {
    return send(res, 400, parameterError(`the contract has no response for Prefer: ${/** @type {string} */ (prefer.header).slice(0, 100)}`));
  }
  // An invalid request with no 400 in the contract (an empty path parameter): Prism's
  // own 422 carries the violations; the gateway answers 400 naming the parameter.
  const violations = /** @type {PrismProblem} */ (refusal).additional?.validation;
  if (/UNPROCESSABLE_ENTITY/.test(name) && Array.isArray(violations)) {
    const input = violations.map((v) => ({ ...v, path: v.path ?? v.location?.slice(1) }));
    return send(res, 400, errorFromViolations(input), violationsHeader(input));
  }
  console.error(`mock: Prism could not answer ${req.method} ${String(req.url).slice(0, 200)}: ${name} ${refusal.message}`);
  return send(res, 500, systemError());
}

/**
 * The answer's headers from Prism's example, less those send() sets.
 * @param {PrismAnswer['output']} output
 */
function exampleHeaders(output) {
  const headers = Object.fromEntries(Object.entries(output.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  delete headers['content-type'];
  // Stryker disable next-line StringLiteral: send() sets its own x-request-id after these headers anyway
  delete headers['x-request-id'];
  return headers;
}

/**
 * Prism's 400 (the contract's own) for an invalid request, naming what it breaks.
 * @param {{ req: ServedRequest, target: Target, decoded: Decoded }} request
 * @param {PrismAnswer['validations']} validations
 */
function invalidRequestAnswer({ req, target, decoded }, validations) {
  const inputViolations = validations.input.filter((v) => typeof v.code !== 'number');
  // Prism's 415 among them: a body sent to an operation that takes none.
  const bodyNotTaken = validations.input.some((v) => v.code === 415) && inputViolations.length === 0;
  const error = decoded.problem ? parameterError(decoded.problem) : bodyNotTaken ? noBodyTaken(req, target) : errorFromViolations(inputViolations);
  return { error, headers: violationsHeader(inputViolations) };
}

/**
 * The API's answerer.
 * @param {object} parts
 * @param {typeof import('@stoplight/prism-http')} parts.engine Prism's
 * @param {import('@stoplight/types').IHttpOperation[]} parts.operations
 * @param {AppStore | undefined} parts.store undefined: stateless
 * @param {ReturnType<typeof import('../core/front-door.mjs').frontDoor> | undefined} parts.door
 * @returns {(req: ServedRequest, res: Response, read: BodyRead, target: Target) => Promise<unknown>}
 */
export function apiAnswerer({ engine, operations, store, door }) {
  // Prism gets only the operations a request can be (../core/prism-request.mjs).
  const candidatesOf = candidatesFinder(operations);
  const parameterAt = parameterFinder(operations);
  const prism = engine.createInstance(BASE_CONFIG, { logger: silentLogger });

  /**
   * The stateful answer to a valid lifecycle request, or undefined to answer Prism's example.
   * @param {ServedRequest} req
   * @param {Target} target
   * @param {unknown} body the decoded body, which Prism found valid
   */
  function statefulAnswer(req, target, body) {
    if (!store) return undefined;
    const { path: pathname, searchParams } = target;
    const route = routeOf(req.method, pathname) ?? grantRouteOf(req.method, pathname) ?? familyRouteOf(req.method, pathname);
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
   * What is refused before Prism sees the request (too large a body, the front door, a Prefer it
   * cannot read), as `[status, body, headers]`, or undefined.
   * @param {ServedRequest} req
   * @param {BodyRead} read
   * @param {PreferRead} prefer
   * @returns {[number, ErrorBody, import('node:http').OutgoingHttpHeaders?] | undefined}
   */
  function refusedFirst(req, read, prefer) {
    if (read.tooLarge) return [400, parameterError('the request body is larger than 4 MiB'), { connection: 'close' }];
    // With credentials, the cloud's front door first: a known token, or a valid signature of an AK not locked.
    const problem = door?.check(req, read.bytes);
    if (problem) {
      const requestId = newRequestId();
      return [401, frontDoorError(problem, requestId), { 'x-mock-auth-reason': problem.reason, 'x-request-id': requestId }];
    }
    if (prefer.problem) return [400, parameterError(prefer.problem)];
    return undefined;
  }

  /**
   * Prism's answer to a request it let through: its 400 naming the field, state's answer, or its example.
   * @param {Response} res
   * @param {{ req: ServedRequest, target: Target, decoded: Decoded, prefer: Prefer }} request
   * @param {PrismAnswer} answer
   */
  function answerAccepted(res, request, { output, validations }) {
    const { req, target, decoded, prefer } = request;
    const headers = exampleHeaders(output);
    if (output.statusCode === 400 && !prefer.config.code) {
      const invalid = invalidRequestAnswer(request, validations);
      return send(res, 400, invalid.error, { ...headers, ...invalid.headers });
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
   * @param {Response} res
   * @param {BodyRead} read
   * @param {Target} target
   */
  async function answerApi(req, res, read, target) {
    const prefer = preferToMockConfig(req.headers.prefer);
    const refused = refusedFirst(req, read, prefer);
    if (refused) return send(res, ...refused);
    return answerRead(req, res, /** @type {WholeBody} */ (read), target, /** @type {Prefer} */ (prefer));
  }

  /**
   * A request read whole, with a Prefer the mock can follow: Prism's answer, or state's.
   * @param {ServedRequest} req
   * @param {Response} res
   * @param {WholeBody} read
   * @param {Target} target
   * @param {Prefer} prefer
   */
  async function answerRead(req, res, read, target, prefer) {
    const decoded = decodeJsonBody(req.headers['content-type'], read.bytes);
    // Route, credentials and Prefer are Prism's to judge first, as the gateway authenticates
    // before it reads the body; a body that did not parse is replaced by a valid stand-in.
    const body = decoded.problem ? { name: 'placeholder' } : decoded.value;
    const config = { ...BASE_CONFIG, mock: { ...BASE_CONFIG.mock, ...prefer.config } };
    // `*` (asterisk form) names the server, not an API.
    if (!target.path.startsWith('/')) return send(res, 404, apiNotFound());
    if (target.badSegments.length > 0) return send(res, ...undecodablePathAnswer(req, target));
    const prismRequest = toPrismRequest(req, target, body);
    const result = await prism.request(prismRequest, candidatesOf(prismRequest.method, prismRequest.url.path), config)();
    if (result._tag === 'Left') return answerRefusal(res, { req, target, prefer }, result.left);
    return answerAccepted(res, { req, target, decoded, prefer }, result.right);
  }

  return answerApi;
}

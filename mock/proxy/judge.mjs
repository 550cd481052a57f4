// Judging, apart from the traffic: what a request is and breaks of the contract, and what an
// exchange (the request, checked, and the upstream's answer) shows, as findings. Pure functions
// of the contract's operations and Prism's router and validators: no state, no I/O.
import { createRequire } from 'node:module';
import { loadPrism } from '../core/load-prism.mjs';
import { candidatesFinder, parameterFinder } from '../core/prism-request.mjs';

/** @typedef {import('./types.d.mts').ProxyFinding} ProxyFinding */
/** @typedef {import('@stoplight/types').IHttpOperation} Operation */
/** @typedef {import('../core/huawei-errors.mjs').Violation} Violation */
/** @typedef {import('../core/request-target.mjs').Target} Target */
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
 * @typedef {object} Engine
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
 * A request judged (not `Unjudged`); a `Left`'s violations are not read.
 * @typedef {{ routed: Exclude<Routed, { _tag: 'Unjudged' }>, violations: Violation[] }} Judged
 */
/**
 * One exchange: the request and the upstream's answer.
 * @typedef {{ method: string, path: string, status: number, responseHeaders: import('node:http').IncomingHttpHeaders, responseBytes: Buffer }} Exchange
 */
/**
 * The judges of one contract.
 * @typedef {object} Judges
 * @property {(request: ProxiedRequest) => Checked} checkRequest
 * @property {(exchange: Exchange, checked: Judged) => ProxyFinding[]} judgeExchange
 */

/** A Huawei error code: `APIG.xxxx`, or the front door's `APIGW.xxxx` (see the contract's 401). */
const ERROR_CODE = /^APIGW?\.[0-9]{4}$/;

/**
 * Prism's router and validators, from the same engine the mock loads.
 * @returns {Promise<Engine>}
 */
export async function loadEngine() {
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
export function parsedJson(bytes) {
  if (bytes.length === 0) return { empty: true };
  try {
    return { value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { invalid: true };
  }
}

/** @param {ReadonlyArray<string | number> | undefined} path */
export const where = (path) => (path?.length ? path.join('.') : '(whole)');

/**
 * The request's operation as `METHOD /template`, or undefined.
 * @param {Checked} checked
 */
export const operationOf = (checked) =>
  checked.routed._tag === 'Right' ? `${checked.routed.right.method.toUpperCase()} ${checked.routed.right.path}` : undefined;

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
 * The judges of the contract's `operations` with Prism's `engine`.
 * @param {Engine} engine
 * @param {Operation[]} operations
 * @returns {Judges}
 */
export function judgesOf({ route, validateInput, validateOutput }, operations) {
  // Prism's router gets only the operations a request can be, as the mock's does (../core/prism-request.mjs).
  const candidatesOf = candidatesFinder(operations);
  const parameterAt = parameterFinder(operations);

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
   * What an exchange shows, as findings of every kind (the report sorts them by kind).
   * @param {Exchange} exchange
   * @param {Judged} checked the request's (its violations are read past a `Left`)
   * @returns {ProxyFinding[]}
   */
  function judgeExchange(exchange, { routed, violations }) {
    const requestId = exchange.responseHeaders['x-request-id'];
    const base = { method: exchange.method, path: exchange.path, status: exchange.status, requestId: typeof requestId === 'string' ? requestId : undefined };
    if (routed._tag === 'Left') return [outsideFinding(base)];
    const operation = routed.right;
    const name = `${operation.method.toUpperCase()} ${operation.path}`;
    const drift = driftLog({ ...base, operation: name });
    const requests = judgeViolations(exchange.status, violations, drift, { ...base, operation: name });
    judgeAnswer(exchange, operation, violations, drift);
    const news = newsOf(exchange, operation, { ...base, operation: name });
    return [...requests, ...drift.found(), ...news];
  }

  /**
   * The answer's drift: headers, body, status and the schema of its status.
   * @param {Exchange} exchange
   * @param {Operation} operation
   * @param {Violation[]} violations the request's
   * @param {DriftLog} drift
   */
  function judgeAnswer({ status, responseHeaders, responseBytes }, operation, violations, drift) {
    const type = String(responseHeaders['content-type'] ?? '');
    const json = /^application\/json\b/i.test(type);
    const parsed = parsedJson(responseBytes);
    if (!responseHeaders['x-request-id']) drift.add('response', 'headers.X-Request-Id', 'the response has no X-Request-Id header');
    if (status !== 204 && !json) drift.add('response', 'headers.Content-Type', `the content type is ${JSON.stringify(type)}, not application/json`);
    if (parsed.invalid) drift.add('response', 'body', 'the body is not JSON');
    const declared = operation.responses.map((r) => r.code);
    // A refusal of a request the contract refuses too is no drift, whatever its status: where
    // the pages declare no 400 (v1's show, say), they say nothing of how a bad id is answered.
    const refusedInvalid = violations.length > 0 && status >= 400 && status < 500;
    const isDeclared = declared.includes(String(status));
    if (!isDeclared && !refusedInvalid)
      drift.add(
        'status',
        '(whole)',
        `status ${status} is not declared for ${operation.method.toUpperCase()} ${operation.path} (declared: ${declared.join(', ')})`,
      );
    // A body typed as something else is that drift, not a schema to check (Prism's validator throws
    // on a media type it cannot parse); one sent without a type is still checked.
    if (!parsed.invalid && isDeclared && (json || type === '')) {
      const checkedOutput = validateOutput({ resource: operation, element: { statusCode: status, headers: responseHeaders, body: parsed.value } });
      if (checkedOutput._tag === 'Left') for (const v of checkedOutput.left) if (v.path) drift.add('response', where(v.path), v.message);
    }
    const errorCode = status >= 400 ? parsed.value?.error_code : undefined;
    if (typeof errorCode === 'string' && !ERROR_CODE.test(errorCode)) {
      drift.add('response', 'body.error_code', `error_code ${JSON.stringify(errorCode.slice(0, 40))} is not APIG.xxxx (or APIGW.xxxx)`);
    }
  }

  return { checkRequest, judgeExchange };
}

/**
 * A request outside the contract: a CORS preflight, or a route it does not have.
 * @param {Omit<ProxyFinding, 'operation' | 'kind' | 'where' | 'location' | 'message'> & { method: string, path: string }} base
 * @returns {ProxyFinding}
 */
function outsideFinding(base) {
  const preflight = base.method === 'OPTIONS';
  return {
    ...base,
    operation: undefined,
    kind: preflight ? 'preflight' : 'unknown-route',
    where: 'request',
    location: 'path',
    message: preflight
      ? `OPTIONS ${base.path} is a CORS preflight, which the contract does not describe`
      : `${base.method} ${base.path} is not an operation of the contract`,
  };
}

/**
 * @typedef {object} DriftLog
 * @property {(kind: ProxyFinding['kind'], location: string, message: string, direction?: ProxyFinding['where']) => void} add
 * @property {() => ProxyFinding[]} found
 */

/**
 * Drift, one finding per place: Prism may say two things of one field (its type and its enum, a
 * pattern and its not), which are one drift.
 * @param {Omit<ProxyFinding, 'kind' | 'where' | 'location' | 'message'>} base
 * @returns {DriftLog}
 */
function driftLog(base) {
  /** @type {Map<string, ProxyFinding>} */
  const found = new Map();
  return {
    add(kind, location, message, direction = 'response') {
      const key = `${kind} ${direction} ${location}`;
      const earlier = found.get(key);
      if (earlier) earlier.message = `${earlier.message}; ${message}`;
      else found.set(key, { ...base, kind, where: direction, location, message });
    },
    found: () => [...found.values()],
  };
}

/**
 * What the request breaks: drift when the upstream accepted it anyway (it does not enforce a rule
 * of the contract), the caller's finding when it refused it.
 * @param {number} status
 * @param {Violation[]} violations
 * @param {DriftLog} drift
 * @param {Omit<ProxyFinding, 'kind' | 'where' | 'location' | 'message'>} base
 * @returns {ProxyFinding[]} the caller's
 */
function judgeViolations(status, violations, drift, base) {
  /** @type {ProxyFinding[]} */
  const requests = [];
  for (const v of violations) {
    if (status < 300)
      drift.add('accepted-invalid', where(v.path), `the upstream answered ${status} to a request the contract refuses: ${v.message}`, 'request');
    else requests.push({ ...base, kind: 'request', where: 'request', location: where(v.path), message: v.message });
  }
  return requests;
}

/**
 * Response fields the contract does not list for the answer's status.
 * @param {Exchange} exchange
 * @param {Operation} operation
 * @param {Omit<ProxyFinding, 'kind' | 'where' | 'location' | 'message'>} base
 * @returns {ProxyFinding[]}
 */
function newsOf({ status, responseBytes }, operation, base) {
  const schema = operation.responses.find((r) => r.code === String(status))?.contents?.find((c) => /json/.test(c.mediaType))?.schema;
  return [...undeclaredFields(schema, parsedJson(responseBytes).value, 'body')].map((location) => ({
    ...base,
    kind: 'undeclared-field',
    where: 'response',
    location,
    message: `${location} is not a field the contract lists for ${status}`,
  }));
}

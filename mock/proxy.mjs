// The contract in the request path: a proxy that forwards each request to a real gateway (or any
// upstream) byte for byte and judges both directions against the contract with Prism's own
// router and validators, recording every finding. It never changes what passes through: the
// caller gets the upstream's answer as it came. Given the AK/SK pairs, it checks a caller's
// signature (made for the proxy's host) and signs the forwarded request anew for the
// upstream's host, over the same bytes; token requests pass untouched. Strict, it refuses a
// request that breaks the contract with the mock's 400 instead of forwarding it.
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import { rootCertificates } from 'node:tls';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadOperations } from './prism-operations.mjs';
import { loadPrism } from './load-prism.mjs';
import { readBody } from './request-body.mjs';
import { listenOn } from './listen.mjs';
import { candidatesFinder, prismQuery } from './prism-request.mjs';
import { errorBody, errorFromViolations, parameterError } from './huawei-errors.mjs';
import { credentialProblem } from './credentials.mjs';
import { harOf, junitOf } from './proxy-reports.mjs';

const GENERATED = fileURLToPath(new URL('../generated/', import.meta.url));
/** Headers that belong to one connection, not to the request (RFC 9110 §7.6.1), and the host. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);
const ERROR_CODE = /^APIG\.[0-9]{4}$/;
/** The HAR keeps at most this many exchanges (the first ones); the report says when it dropped some. */
const MAX_RECORDED = 10_000;

const AK_OF = /^SDK-HMAC-SHA256\s+Access=([^,\s]+)/;

/** The package's own signer (dist/, built by `npm ci` in a clone, shipped in the package). */
async function loadSigner() {
  try {
    return (await import('../dist/src/auth/sign-request.js')).signRequest;
  } catch (error) {
    throw new Error(`--proxy with credentials needs the package's signer in dist/, which is missing (run npm run build): ${error.message}`);
  }
}

/** Prism's router and validators, from the same engine the mock loads. */
async function loadJudge() {
  const { prism, version } = await loadPrism();
  const entry = createRequire(import.meta.url).resolve('@stoplight/prism-http');
  const local = createRequire(entry);
  return { prism, version, route: local('./router').default, validateInput: local('./validator').validateInput, validateOutput: local('./validator').validateOutput };
}

function parsedJson(bytes) {
  if (bytes.length === 0) return { empty: true };
  try {
    return { value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    return { invalid: true };
  }
}

const where = (path) => (path && path.length ? path.join('.') : '(whole)');

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
 * @param {{ upstream: string, port?: number, host?: string, generatedDir?: string, timeoutMs?: number, credentials?: { tokens: Set<string>, secrets: Map<string, string> }, strict?: boolean, ca?: string | Buffer, compare?: boolean, seed?: unknown[] }} options
 *   credentials: parsed as the mock's (credentials.mjs parseCredentials); with them, AK/SK requests are re-signed
 *   strict: a request that breaks the contract gets the mock's 400 and is not forwarded
 *   ca: PEM certificates to trust for an HTTPS upstream (besides the system's), e.g. a company CA
 *   compare: send each request to this project's stateful mock too (started in-process, `seed` its
 *     start) and report where its answer differs from the upstream's (status, error_code, fields)
 */
export async function startProxy({ upstream, port = 4010, host = '127.0.0.1', generatedDir = GENERATED, timeoutMs = 30_000, credentials, strict = false, ca, compare = false, seed }) {
  let base;
  try {
    base = new URL(upstream);
    if (!/^https?:$/.test(base.protocol)) throw new Error('not http(s)');
  } catch {
    throw new Error(`--proxy needs the upstream's http(s) URL, e.g. https://apig.cn-north-4.myhuaweicloud.com (got ${JSON.stringify(String(upstream).slice(0, 80))})`);
  }
  const { prism, version, route, validateInput, validateOutput } = await loadJudge();
  const operations = await loadOperations(prism, generatedDir, version);
  const signRequest = credentials?.secrets.size ? await loadSigner() : undefined;
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
  const mirror = compare ? await startMirror(seed) : undefined;
  /** The operations the traffic reached, and the exchanges kept for the HAR. */
  const seen = new Set();
  const recorded = [];
  let exchanges = 0;

  // Prism's router gets only the operations a request can be, as the mock's does (./prism-request.mjs).
  const candidatesOf = candidatesFinder(operations);

  /** The operation a request is and what it breaks of the contract. */
  function checkRequest({ method, path, query, headers, requestBody }) {
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
      findings.push({ ...base, operation: undefined, kind: 'unknown-route', where: 'request', location: 'path', message: `${method} ${path} is not an operation of the contract` });
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
    if (status !== 204 && !/^application\/json\b/i.test(type)) add('response', 'response', 'headers.Content-Type', `the content type is ${JSON.stringify(type)}, not application/json`);
    if (parsed.invalid) add('response', 'response', 'body', 'the body is not JSON');
    const declared = operation.responses.map((r) => r.code);
    if (!declared.includes(String(status))) add('status', 'response', '(whole)', `status ${status} is not declared for ${name} (declared: ${declared.join(', ')})`);
    const output = { statusCode: status, headers: responseHeaders, body: parsed.value };
    const checkedOutput = parsed.invalid || !declared.includes(String(status)) ? { _tag: 'Right' } : validateOutput({ resource: operation, element: output });
    if (checkedOutput._tag === 'Left') for (const v of checkedOutput.left) if (v.path) add('response', 'response', where(v.path), v.message);
    const schema = operation.responses.find((r) => r.code === String(status))?.contents?.find((c) => /json/.test(c.mediaType))?.schema;
    for (const location of undeclaredFields(schema, parsed.value, 'body')) news.push({ ...base, operation: name, kind: 'undeclared-field', where: 'response', location, message: `${location} is not a field the contract lists for ${status}` });
    if (status >= 400 && parsed.value && typeof parsed.value.error_code === 'string' && !ERROR_CODE.test(parsed.value.error_code)) {
      add('response', 'response', 'body.error_code', `error_code ${JSON.stringify(parsed.value.error_code.slice(0, 40))} is not APIG.xxxx`);
    }
    findings.push(...found.values());
  }

  /** The request's headers for the upstream: its host, and a signature of its own when the proxy holds the AK's SK. */
  async function upstreamHeaders(req, target, bytes) {
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
    headers.host = target.host;
    if (bytes.length > 0) headers['content-length'] = String(bytes.length);
    const ak = AK_OF.exec(String(req.headers.authorization ?? ''))?.[1];
    const sk = ak === undefined ? undefined : credentials?.secrets.get(ak);
    if (sk === undefined) return headers;
    delete headers.authorization;
    delete headers['x-sdk-date'];
    // Signed: host, x-sdk-date and the headers that describe the request; sent exactly so.
    const signed = Object.fromEntries(['content-type', 'x-project-id'].filter((name) => headers[name] !== undefined).map((name) => [name, String(headers[name])]));
    Object.assign(headers, await signRequest({ method: req.method, url: target.href, headers: { ...signed, host: target.host }, body: bytes }, { ak, sk }));
    return headers;
  }

  async function forward(req, bytes) {
    const target = new URL(req.url ?? '/', base);
    const headers = await upstreamHeaders(req, target, bytes);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const tls = target.protocol === 'https:' && ca ? { ca: [...rootCertificates, ca] } : {};
      const out = send(target, { method: req.method, headers, timeout: timeoutMs, agent, ...tls }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, bytes: Buffer.concat(chunks), url: target.href, sentHeaders: headers }));
        res.on('error', (error) => resolve({ failed: error }));
      });
      out.on('timeout', () => out.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      out.on('error', (error) => resolve({ failed: error }));
      out.end(bytes);
    });
  }

  const server = createServer(async (req, res) => {
    const read = await readBody(req);
    if (read.aborted) return;
    if (read.tooLarge) {
      // Never forward a part of a body: refuse it as the mock does.
      const body = Buffer.from(JSON.stringify(parameterError('the request body is larger than 4 MiB')));
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'x-request-id': randomUUID().replaceAll('-', ''), connection: 'close' });
      return res.end(body);
    }
    const bytes = read.bytes;
    exchanges += 1;
    // A caller signs for the proxy; the proxy checks that signature before it signs anew.
    const problem = credentials && AK_OF.test(String(req.headers.authorization ?? '')) ? credentialProblem(req, bytes, credentials) : undefined;
    if (problem) {
      const body = Buffer.from(JSON.stringify(errorBody('APIG.1002', 'Incorrect token or token resolution failed')));
      res.writeHead(401, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'x-request-id': randomUUID().replaceAll('-', ''), 'x-mock-auth-reason': problem.reason });
      return res.end(body);
    }
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://proxy.invalid');
    const request = { method: String(req.method), path: pathname, query: prismQuery(searchParams), headers: req.headers, requestBody: parsedJson(bytes).value };
    // Strict judges the request before it goes; otherwise the judging waits until the caller has its answer.
    const early = strict ? checkRequest(request) : undefined;
    if (early?.violations?.length) {
      const checked = early;
      // Strict: the mock's 400 naming the field, and nothing sent upstream.
      const name = `${checked.routed.right.method.toUpperCase()} ${checked.routed.right.path}`;
      for (const v of checked.violations) requests.push({ method: request.method, path: pathname, status: 400, requestId: undefined, operation: name, kind: 'request', where: 'request', location: where(v.path), message: `${v.message} (refused by the proxy: --strict)` });
      const body = Buffer.from(JSON.stringify(errorFromViolations(checked.violations)));
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'x-request-id': randomUUID().replaceAll('-', '') });
      return res.end(body);
    }
    const started = new Date();
    const answer = await forward(req, bytes);
    if (!answer.failed && recorded.length < MAX_RECORDED) {
      recorded.push({ startedDateTime: started.toISOString(), time: Date.now() - started.getTime(), method: request.method, url: answer.url, requestHeaders: answer.sentHeaders, requestText: bytes.length ? bytes.toString('utf8') : '', status: answer.status, responseHeaders: answer.headers, responseText: answer.bytes.toString('utf8') });
    }
    if (answer.failed) {
      // The upstream is down or silent: a Huawei-style 502, reported.
      const body = Buffer.from(JSON.stringify(errorBody('APIG.9999', `Bad gateway: the upstream did not answer (${answer.failed.code ?? answer.failed.message})`)));
      findings.push({ method: request.method, path: pathname, status: 502, requestId: undefined, operation: undefined, kind: 'upstream', where: 'response', location: '(upstream)', message: `the upstream did not answer: ${answer.failed.code ?? answer.failed.message}` });
      res.writeHead(502, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'x-request-id': randomUUID().replaceAll('-', '') });
      return res.end(body);
    }
    const checked = early ?? checkRequest(request);
    // Every operation needs a credential; the upstream's 401 says so to the caller, the report to the tester.
    if (checked.routed._tag === 'Right' && req.headers['x-auth-token'] === undefined && req.headers.authorization === undefined) {
      requests.push({ method: request.method, path: pathname, status: answer.status, requestId: answer.headers['x-request-id'], operation: `${checked.routed.right.method.toUpperCase()} ${checked.routed.right.path}`, kind: 'request', where: 'request', location: 'headers', message: 'the request carries no credential (X-Auth-Token, or an AK/SK Authorization)' });
    }
    // Compared before answering: the next request's ids depend on this one's (a testing mode).
    if (mirror) differences.push(...(await mirror.compare(req, bytes, answer, checked)));
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
    res.writeHead(answer.status, { ...headers, 'content-length': answer.bytes.length });
    res.end(answer.bytes);
    judge({ ...request, status: answer.status, responseHeaders: answer.headers, responseBytes: answer.bytes }, checked);
  });

  const url = await listenOn(server, port, host);
  return {
    url,
    /** The drift found so far, oldest first. */
    findings: () => findings.slice(),
    /** `{ upstream, exchanges, findings, requests, news, summary }`: what a run's JSON report holds. */
    report: () => ({
      upstream: base.origin,
      exchanges,
      operations: [...seen],
      findings: findings.slice(),
      requests: requests.slice(),
      news: news.slice(),
      ...(mirror ? { differences: differences.slice() } : {}),
      summary: `${exchanges} exchanges, ${findings.length} drift findings, ${requests.length} requests outside the contract (refused upstream), ${news.length} response fields the contract does not list${mirror ? `, ${differences.length} differences from the mock` : ''}`,
    }),
    /** HAR 1.2 of the traffic (secrets replaced), for `redocly drift` and other HAR readers. */
    har: () => harOf(recorded),
    /** JUnit XML: a test case per operation reached, failing with its drift. */
    junit: function () {
      return junitOf(this.report());
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
  const { startMockServer } = await import('./server.mjs');
  const mock = await startMockServer({ port: 0, host: '127.0.0.1', ...(seed ? { seed } : {}) });
  const ids = new Map();
  const mapped = (text) => {
    let out = text;
    for (const [theirs, ours] of ids) out = out.split(theirs).join(ours);
    return out;
  };
  return {
    close: () => mock.close(),
    async compare(req, bytes, answer, checked) {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()) && name !== 'content-length'));
      const body = bytes.length ? mapped(bytes.toString('utf8')) : undefined;
      const reply = await fetch(`${mock.url}${mapped(req.url ?? '/')}`, { method: req.method, headers, body });
      const theirs = parsedJson(answer.bytes).value;
      const ours = parsedJson(Buffer.from(await reply.arrayBuffer())).value;
      if (answer.status < 300 && reply.status < 300) {
        const [a, b] = [idsOf(theirs), idsOf(ours)];
        if (a.length === b.length) a.forEach((id, i) => id !== b[i] && ids.set(id, b[i]));
      }
      const operation = checked.routed?._tag === 'Right' ? `${checked.routed.right.method.toUpperCase()} ${checked.routed.right.path}` : undefined;
      const base = { operation, method: String(req.method), path: new URL(req.url ?? '/', 'http://proxy.invalid').pathname, requestId: answer.headers['x-request-id'] };
      const seenBy = (status, value) => ({ status, error_code: status >= 400 ? value?.error_code : undefined, fields: status < 400 ? fieldsOf(value) : undefined });
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

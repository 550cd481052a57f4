// The contract in the request path: a proxy that forwards each request to a real gateway (or any
// upstream) byte for byte and judges both directions against the contract with Prism's own
// router and validators, recording every finding. It never changes what passes through: the
// caller gets the upstream's answer as it came. (First stage of the validating proxy: no
// re-signing, reports beyond JSON, or strict mode yet.)
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadOperations } from './prism-operations.mjs';
import { loadPrism } from './load-prism.mjs';
import { readBody } from './request-body.mjs';
import { errorBody } from './huawei-errors.mjs';

const GENERATED = fileURLToPath(new URL('../generated/', import.meta.url));
/** Headers that belong to one connection, not to the request (RFC 9110 §7.6.1), and the host. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);
const ERROR_CODE = /^APIG\.[0-9]{4}$/;

/** Prism's router and validators, from the same engine the mock loads. */
async function loadJudge() {
  const { prism, version } = await loadPrism();
  const entry = createRequire(import.meta.url).resolve('@stoplight/prism-http');
  const local = createRequire(entry);
  return { prism, version, route: local('./router').default, validateInput: local('./validator').validateInput, validateOutput: local('./validator').validateOutput };
}

function queryOf(searchParams) {
  const query = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return query;
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

/**
 * Starts the proxy. Resolves to `{ url, findings, exchanges, close }` once it listens.
 * @param {{ upstream: string, port?: number, host?: string, generatedDir?: string, timeoutMs?: number }} options
 */
export async function startProxy({ upstream, port = 4010, host = '127.0.0.1', generatedDir = GENERATED, timeoutMs = 30_000 }) {
  let base;
  try {
    base = new URL(upstream);
    if (!/^https?:$/.test(base.protocol)) throw new Error('not http(s)');
  } catch {
    throw new Error(`--proxy needs the upstream's http(s) URL, e.g. https://apig.cn-north-4.myhuaweicloud.com (got ${JSON.stringify(String(upstream).slice(0, 80))})`);
  }
  const { prism, version, route, validateInput, validateOutput } = await loadJudge();
  const operations = await loadOperations(prism, generatedDir, version);
  /** Every finding: what broke the contract, where, in which exchange. */
  const findings = [];
  let exchanges = 0;

  function judge({ method, path, query, headers, requestBody, status, responseHeaders, responseBytes }) {
    const input = { method: method.toLowerCase(), url: { path, query }, headers, body: requestBody };
    const routed = route({ resources: operations, input });
    const requestId = responseHeaders['x-request-id'];
    const base = { method, path, status, requestId: typeof requestId === 'string' ? requestId : undefined };
    if (routed._tag === 'Left') {
      findings.push({ ...base, operation: undefined, kind: 'unknown-route', where: 'request', location: 'path', message: `${method} ${path} is not an operation of the contract` });
      return;
    }
    const operation = routed.right;
    const name = `${operation.method.toUpperCase()} ${operation.path}`;
    // One finding per place: Prism may say two things of one field (its type and its enum, a
    // pattern and its not), which are one drift.
    const found = new Map();
    const add = (kind, direction, location, message) => {
      const key = `${kind} ${direction} ${location}`;
      const seen = found.get(key);
      if (seen) seen.message = `${seen.message}; ${message}`;
      else found.set(key, { ...base, operation: name, kind, where: direction, location, message });
    };
    const checkedInput = validateInput({ resource: operation, element: input });
    if (checkedInput._tag === 'Left') for (const v of checkedInput.left) add('request', 'request', where(v.path), v.message);

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
    if (status >= 400 && parsed.value && typeof parsed.value.error_code === 'string' && !ERROR_CODE.test(parsed.value.error_code)) {
      add('response', 'response', 'body.error_code', `error_code ${JSON.stringify(parsed.value.error_code.slice(0, 40))} is not APIG.xxxx`);
    }
    findings.push(...found.values());
  }

  function forward(req, bytes) {
    const target = new URL(req.url ?? '/', base);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
    headers.host = target.host;
    if (bytes.length > 0) headers['content-length'] = String(bytes.length);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const out = send(target, { method: req.method, headers, timeout: timeoutMs }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, bytes: Buffer.concat(chunks) }));
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
    const bytes = read.bytes ?? Buffer.alloc(0);
    exchanges += 1;
    const answer = await forward(req, bytes);
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://proxy.invalid');
    const request = { method: String(req.method), path: pathname, query: queryOf(searchParams), headers: req.headers, requestBody: parsedJson(bytes).value };
    if (answer.failed) {
      // The upstream is down or silent: a Huawei-style 502, reported.
      const body = Buffer.from(JSON.stringify(errorBody('APIG.9999', `Bad gateway: the upstream did not answer (${answer.failed.code ?? answer.failed.message})`)));
      findings.push({ method: request.method, path: pathname, status: 502, requestId: undefined, operation: undefined, kind: 'upstream', where: 'response', location: '(upstream)', message: `the upstream did not answer: ${answer.failed.code ?? answer.failed.message}` });
      res.writeHead(502, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'x-request-id': randomUUID().replaceAll('-', '') });
      return res.end(body);
    }
    judge({ ...request, status: answer.status, responseHeaders: answer.headers, responseBytes: answer.bytes });
    const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
    res.writeHead(answer.status, { ...headers, 'content-length': answer.bytes.length });
    res.end(answer.bytes);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    url: `http://${address.address}:${address.port}`,
    /** The findings so far, oldest first. */
    findings: () => findings.slice(),
    /** `{ exchanges, findings, summary }`: what a run's JSON report holds. */
    report: () => ({ upstream: base.origin, exchanges, findings: findings.slice(), summary: `${exchanges} exchanges, ${findings.length} findings` }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

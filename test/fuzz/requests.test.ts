// Fuzzing what callers send: generated request targets, methods, headers and bodies, written
// as raw HTTP (fetch cannot send `%zz`, `//x` or an absolute-form target), against the mock
// and through the proxy in front of it. Neither answers 5xx unless a `Prefer: code=5xx` asked
// for it, neither goes down, the proxy's report loses no exchange, and a valid request still
// succeeds afterwards. Bounded in runs and in time (fast-check's interruptAfterTimeLimit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { connect } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from '../../mock/server/index.mjs';
import { startChild, type RunningChild } from '../helpers/child-process.js';
import document from '../../generated/openapi.json' with { type: 'json' };

/** More with FUZZ_RUNS=n (and a longer FUZZ_TIME_LIMIT_MS) for a deeper run by hand. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 20_000);

/** What came back on the socket: the status of the first answer, or undefined when none came. */
function rawExchange(port: number, request: Buffer): Promise<{ status?: number; text: string }> {
  return new Promise((resolve) => {
    // Written, not ended: a client that half-closes is gone to node:http, as to most servers.
    // `Connection: close` makes the server close once it has answered.
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), text });
    });
  });
}

const TEMPLATES = Object.keys(document.paths);
/** Segments that trip parsers: malformed and valid escapes, dots, empties, encoded slashes, 汉字. */
const nastySegment = fc.oneof(
  fc.constantFrom(
    '%zz',
    '%',
    '%E0%A4%A',
    '%2F',
    '%00',
    '..',
    '.',
    '',
    'a%20b',
    '%e4%b8%ad',
    '%C0%AF',
    'app_1',
    'p1',
    'i1',
    '*',
    '%25',
    '~',
    'secret',
    'validation',
  ),
  fc.stringMatching(/^[A-Za-z0-9%._~!$&'()*+,;=:@-]{0,20}$/),
);
/** A contract path with its parameters filled by nasty segments, or something else altogether. */
const path = fc.oneof(
  fc.tuple(fc.constantFrom(...TEMPLATES), fc.array(nastySegment, { minLength: 4, maxLength: 4 })).map(([template, fills]) => {
    let i = 0;
    return template.replace(/\{[^}]+\}/g, () => fills[i++ % fills.length]!);
  }),
  fc.array(nastySegment, { maxLength: 8 }).map((segments) => `/${segments.join('/')}`),
  fc.constantFrom('/', '//v1.0//apigw//apps', '/v1.0/apigw/apps/', '/_mock/reset', '/docs', '/openapi.json'),
);
const query = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('limit', 'offset', 'page_size', 'page_no', 'name', 'id', 'app_id', 'env_id', 'x', '%zz', ''),
        fc.oneof(fc.constantFrom('1000', '-1', '0', '%zz', '', 'a b', '%', '1e3', '500'), fc.stringMatching(/^[A-Za-z0-9%=&+_-]{0,12}$/)),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
);
const target = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(path, query).map(([p, q]) => `${p}${q}`) },
  { weight: 1, arbitrary: fc.tuple(path, query).map(([p, q]) => `http://elsewhere.invalid${p}${q}`) },
  { weight: 1, arbitrary: fc.constantFrom('*', `/${'a'.repeat(5000)}`, `/v1.0/apigw/apps?${'x=1&'.repeat(2000)}`) },
);
const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE') },
  { weight: 2, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'PATCH', 'PROPFIND', 'TRACE', 'SEARCH') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,8}$/) },
);
/** Header values as a raw client may send them: printable ASCII, latin-1 bytes, very long. */
const headerValue = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  fc.constantFrom(
    'application/json',
    'application/json; charset=gbk',
    'text/plain',
    'code=500',
    'code=403',
    'example=nope',
    'dynamic=true',
    'code=999',
    `SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=${'0'.repeat(64)}`,
    '20261332T000000Z',
    '\xe4\xb8\xad',
    'x'.repeat(20_000),
  ),
);
const headers = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        'x-auth-token',
        'authorization',
        'content-type',
        'prefer',
        'x-sdk-date',
        'x-project-id',
        'expect',
        'accept',
        'origin',
        'access-control-request-headers',
      ),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    ),
    headerValue,
  ),
  { maxLength: 5 },
);
const body = fc.oneof(
  fc.constant(Buffer.alloc(0)),
  fc.json({ maxDepth: 3 }).map((text) => Buffer.from(text)),
  fc
    .record(
      {
        name: fc.oneof(fc.string({ maxLength: 70 }), fc.constantFrom('fuzz_app', '1bad', '应用')),
        remark: fc.option(fc.string({ maxLength: 300 })),
        app_key: fc.option(fc.string({ maxLength: 70 })),
      },
      { requiredKeys: ['name'] },
    )
    .map((value) => Buffer.from(JSON.stringify(value))),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(Buffer.from('['.repeat(5000))),
);
const exchange = fc.record({ method, target, headers, body, token: fc.boolean() });
type Exchange = typeof exchange extends fc.Arbitrary<infer T> ? T : never;

/** The request as bytes; the token, when chosen, makes the request reach past the credential check. */
function rawRequest({ method, target, headers, body, token }: Exchange): Buffer {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: fuzz.invalid', 'Connection: close'];
  if (token) lines.push('X-Auth-Token: fuzz-token');
  for (const [name, value] of headers)
    if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'host' && name !== 'connection') lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/** A 5xx only where a Prefer header asked for one. */
const askedFor5xx = ({ headers }: Exchange) => headers.some(([name, value]) => name === 'prefer' && /code=5/.test(value));

function checkAnswer(sent: Exchange, answer: { status?: number; text: string }) {
  expect(answer.status, `no answer to ${sent.method} ${sent.target.slice(0, 100)}`).toBeDefined();
  if (answer.status! >= 500)
    expect(askedFor5xx(sent), `${answer.status} to ${sent.method} ${sent.target.slice(0, 100)}: ${answer.text.slice(0, 300)}`).toBe(true);
  const payload = answer.text.split('\r\n\r\n').slice(1).join('\r\n\r\n');
  if (answer.status! >= 400 && sent.method !== 'HEAD' && payload) {
    // Every refusal is the Huawei error body.
    expect(JSON.parse(payload), payload.slice(0, 200)).toMatchObject({ error_code: expect.stringMatching(/^APIG\.\d{4}$/), error_msg: expect.any(String) });
  }
}

const validCreate = (port: number, name: string) =>
  fetch(`http://127.0.0.1:${port}/v2/p1/apigw/instances/i1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': 'after-fuzz' },
    body: JSON.stringify({ name }),
  });

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await mock?.close();
});

describe('fuzzing the mock', () => {
  it('answers every generated request with a 4xx Huawei error body or a success, never a 5xx it was not asked for', async () => {
    const port = Number(new URL(mock.url).port);
    await fc.assert(
      fc.asyncProperty(exchange, async (sent) => checkAnswer(sent, await rawExchange(port, rawRequest(sent)))),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect((await validCreate(port, 'after_the_mock_fuzz')).status).toBe(201);
  });
});

describe('fuzzing through the proxy (its CLI, in front of the mock)', () => {
  let dir: string;
  let proxy: RunningChild | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apig-fuzz-'));
  });
  afterAll(async () => {
    await proxy?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never exits, answers every request, and writes a report that counts every one at the end', async () => {
    const report = join(dir, 'report.json');
    proxy = await startChild(
      process.execPath,
      ['mock/cli.mjs', 'proxy', mock.url, '--port', '0', '--report', report],
      /listening on (http:\/\/127\.0\.0\.1:(\d+))/,
    );
    const port = Number(proxy.match[2]);
    let sentCount = 0;
    await fc.assert(
      fc.asyncProperty(exchange, async (sent) => {
        sentCount += 1;
        checkAnswer(sent, await rawExchange(port, rawRequest(sent)));
        expect(proxy!.child.exitCode, proxy!.output().slice(-2000)).toBeNull();
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    expect((await validCreate(port, 'after_the_proxy_fuzz')).status).toBe(201);
    const code = await proxy.stop('SIGINT');
    const written = JSON.parse(readFileSync(report, 'utf8'));
    // The mock keeps to the contract: whatever the callers sent, no drift.
    expect(written.findings).toEqual([]);
    expect(code).toBe(0);
    // Nothing lost: every request is an exchange, or one node:http could not parse, recorded as such.
    const unparsed = written.unjudged.filter((entry: { method?: string }) => entry.method === undefined).length;
    expect(written.exchanges + unparsed).toBe(sentCount + 1);
  });
});

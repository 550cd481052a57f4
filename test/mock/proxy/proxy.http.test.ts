// The validating proxy (first stage): what passes through is forwarded as it came, and each
// drift from the contract is reported at its place — nothing else. Upstreams: this project's
// mock (which keeps to the contract: no findings), and a drifting gateway written here that
// answers each kind of drift.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../../mock/server/index.mjs';
import { startProxy } from '../../../mock/proxy/index.mjs';

const V2 = '/v2/p1/apigw/instances/i1';
const json = (body: unknown) => JSON.stringify(body);

describe('with the mock as upstream', () => {
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
    proxy = await startProxy({ upstream: mock.url, port: 0 });
  });
  afterAll(async () => {
    await proxy?.close();
    await mock?.close();
  });

  it('forwards the lifecycle and the grants unchanged, and finds nothing', async () => {
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${proxy.url}${path}`, {
        method,
        headers: { 'x-auth-token': 't', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? json(body) : undefined,
      });
    const made = await send('POST', `${V2}/apps`, { name: 'proxied_app' });
    expect(made.status).toBe(201);
    const app = await made.json();
    expect(app.name).toBe('proxied_app');
    expect((await send('GET', `${V2}/apps/${app.id}`)).status).toBe(200);
    expect((await send('PUT', `${V2}/apps/${app.id}/app-codes`)).status).toBe(201);
    const granted = await send('POST', `${V2}/app-auths`, {
      app_ids: [app.id],
      api_ids: ['5f918d104dc84480a75166ba99efff21'],
      env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID',
    });
    expect(granted.status).toBe(201);
    expect((await send('GET', `${V2}/app-auths/binded-apis?app_id=${app.id}`)).status).toBe(200);
    expect((await send('GET', `${V2}/resources/outline/apps`)).status).toBe(200);
    const refused = await send('POST', `${V2}/apps`, { name: 'proxied_app' });
    expect([refused.status, (await refused.json()).error_code]).toEqual([400, 'APIG.3203']);
    expect((await send('DELETE', `${V2}/apps/${app.id}`)).status).toBe(204);
    expect((await send('GET', `${V2}/apps/${app.id}`)).status).toBe(404);
    expect(proxy.findings()).toEqual([]);
    expect(proxy.report()).toMatchObject({
      exchanges: 9,
      findings: [],
      requests: [],
      news: [],
      outside: [],
      unjudged: [],
      passed: true,
      summary:
        '9 exchanges, 0 drift findings, 0 invalid requests (refused upstream), 0 response fields the contract does not list, 0 outside the contract, 0 not judged',
    });
  });

  it('reports a request that breaks the contract apart from drift, and still forwards it', async () => {
    const before = proxy.report().requests.length;
    const answer = await fetch(`${proxy.url}${V2}/apps?limit=ten`, { headers: { 'x-auth-token': 't' } });
    expect(answer.status).toBe(400); // the upstream's own answer: it refused, as it should
    expect(proxy.report().requests.slice(before)).toEqual([
      expect.objectContaining({ kind: 'request', where: 'request', location: 'query.limit', method: 'GET', status: 400 }),
    ]);
    expect(proxy.findings()).toEqual([]);
  });
});

/** A gateway that drifts, one way per path. */
function driftingGateway(): Promise<Server> {
  const ok = { 'content-type': 'application/json', 'x-request-id': 'r-1' };
  const app = {
    id: 'a1',
    name: 'app_1',
    status: 1,
    app_key: 'k',
    app_secret: 's',
    creator: 'USER',
    register_time: '2020-08-03T13:09:13Z',
    update_time: '2020-08-03T13:09:13Z',
    remark: '',
    app_type: 'apig',
  };
  const answers: Record<string, (res: import('node:http').ServerResponse) => void> = {
    [`${V2}/apps/missing-field`]: (res) => res.writeHead(200, ok).end(json({ ...app, name: undefined })),
    [`${V2}/apps/wrong-type`]: (res) => res.writeHead(200, ok).end(json({ ...app, status: '1' })),
    [`${V2}/apps/extra-field`]: (res) => res.writeHead(200, ok).end(json({ ...app, brand_new: true })),
    [`${V2}/apps/undeclared-status`]: (res) => res.writeHead(418, ok).end(json({ error_code: 'APIG.0418', error_msg: 'teapot' })),
    [`${V2}/apps/html-error`]: (res) => res.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'r-2' }).end('<html>Bad gateway</html>'),
    [`${V2}/apps/bad-code`]: (res) => res.writeHead(404, ok).end(json({ error_code: 'NOT_FOUND', error_msg: 'gone' })),
    [`${V2}/apps/no-request-id`]: (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(json(app)),
    [`${V2}/apps/slow`]: (res) => setTimeout(() => res.writeHead(200, ok).end(json(app)), 1_500),
  };
  const server = createServer((req, res) => (answers[req.url ?? ''] ?? ((r) => r.writeHead(req.method === 'POST' ? 201 : 200, ok).end(json(app))))(res));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('with a drifting gateway as upstream', () => {
  let gateway: Server;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  beforeAll(async () => {
    gateway = await driftingGateway();
    const { port } = gateway.address() as { port: number };
    proxy = await startProxy({ upstream: `http://127.0.0.1:${port}`, port: 0, timeoutMs: 1_000 });
  });
  afterAll(async () => {
    await proxy?.close();
    await new Promise((resolve) => gateway?.close(resolve));
  });

  const showThrough = async (id: string) => {
    const before = proxy.findings().length;
    const answer = await fetch(`${proxy.url}${V2}/apps/${id}`, { headers: { 'x-auth-token': 't' } });
    await answer.arrayBuffer();
    return {
      status: answer.status,
      found: proxy
        .findings()
        .slice(before)
        .map((f) => [f.kind, f.location]),
    };
  };

  it.each([
    ['missing-field', [['response', 'body']]],
    ['wrong-type', [['response', 'body.status']]],
    ['undeclared-status', [['status', '(whole)']]],
    [
      'html-error',
      [
        ['response', 'headers.Content-Type'],
        ['response', 'body'],
        ['status', '(whole)'],
      ],
    ],
    ['bad-code', [['response', 'body.error_code']]],
    ['no-request-id', [['response', 'headers.X-Request-Id']]],
  ])('%s is reported at its place, and nothing else', async (id, expected) => {
    const { found } = await showThrough(id);
    expect(found).toEqual(expected);
  });

  it('an extra field is no break (the contract stays open): it is reported apart, as news', async () => {
    const before = proxy.report().news.length;
    expect((await showThrough('extra-field')).found).toEqual([]);
    expect(proxy.report().news.slice(before)).toEqual([expect.objectContaining({ kind: 'undeclared-field', location: 'body.brand_new', status: 200 })]);
  });

  it('a request the contract refuses, accepted by the upstream, is drift', async () => {
    const before = proxy.findings().length;
    const answer = await fetch(`${proxy.url}${V2}/apps`, {
      method: 'POST',
      headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
      body: json({ name: '1_starts_with_a_digit' }),
    });
    await answer.arrayBuffer();
    expect(proxy.findings().slice(before)).toEqual([expect.objectContaining({ kind: 'accepted-invalid', where: 'request', location: 'body.name' })]);
  });

  it("strict: a request the contract refuses gets the mock's 400 naming the field and never reaches the upstream", async () => {
    const { port } = gateway.address() as { port: number };
    const strict = await startProxy({ upstream: `http://127.0.0.1:${port}`, port: 0, strict: true });
    try {
      const answer = await fetch(`${strict.url}${V2}/apps`, {
        method: 'POST',
        headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
        body: json({ name: '1_starts_with_a_digit' }),
      });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({
        error_code: 'APIG.2011',
        error_msg: 'Invalid parameter value,parameterName:name. Please refer to the support documentation',
      });
      expect(strict.findings()).toEqual([]); // the drifting upstream never saw it, so it could not accept it
      expect(strict.report().requests).toEqual([
        expect.objectContaining({ location: 'body.name', message: expect.stringContaining('(refused by the proxy: --strict)') }),
      ]);
      const valid = await fetch(`${strict.url}${V2}/apps`, {
        method: 'POST',
        headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
        body: json({ name: 'fine_name' }),
      });
      expect(valid.status).toBe(201); // forwarded
    } finally {
      await strict.close();
    }
  });

  it('an upstream that does not answer in time gets a Huawei-style 502, reported', async () => {
    const { status, found } = await showThrough('slow');
    expect(status).toBe(502);
    expect(found).toEqual([['upstream', '(upstream)']]);
  });

  it("a request without a credential is reported with the callers' requests, not as drift", async () => {
    const before = proxy.report().requests.length;
    const drift = proxy.findings().length;
    await (await fetch(`${proxy.url}${V2}/apps/a1`)).arrayBuffer();
    expect(proxy.report().requests.slice(before)).toEqual([
      expect.objectContaining({ location: 'headers', message: expect.stringContaining('no credential') }),
    ]);
    expect(proxy.findings().length).toBe(drift);
  });

  it('a route the contract does not have is listed outside the contract, not as drift', async () => {
    const before = proxy.report();
    await (await fetch(`${proxy.url}/v3/elsewhere`, { headers: { 'x-auth-token': 't' } })).arrayBuffer();
    expect(proxy.report().outside.slice(before.outside.length)).toEqual([
      expect.objectContaining({ kind: 'unknown-route', location: 'path', path: '/v3/elsewhere' }),
    ]);
    expect(proxy.findings().length).toBe(before.findings.length);
  });
});

/** `redocly drift` (a tool nobody here wrote) on a HAR the proxy wrote: its JSON report. */
async function redoclyDrift(har: unknown, server: string) {
  const { execFile } = await import('node:child_process');
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { binOf, GENERATED } = await import('../../../scripts/tools.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'apig-har-'));
  writeFileSync(join(dir, 'traffic.har'), JSON.stringify(har));
  try {
    const stdout = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        [
          binOf('@redocly/cli', 'redocly'),
          'drift',
          join(dir, 'traffic.har'),
          '--api',
          join(GENERATED, 'openapi.json'),
          '--server',
          server,
          '--format',
          'json',
          '--min-severity',
          'warning',
        ],
        { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
        (_error, out) => resolve(out),
      );
    });
    return JSON.parse(stdout.slice(stdout.indexOf('{')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('HAR and JUnit', () => {
  it('redocly drift reads the HAR of clean traffic and finds nothing; no secret is in it', async () => {
    const mock = await startMockServer({ port: 0 });
    const proxy = await startProxy({ upstream: mock.url, port: 0 });
    try {
      const send = (method: string, path: string, body?: unknown) =>
        fetch(`${proxy.url}${path}`, {
          method,
          headers: { 'x-auth-token': 'har-token-never-kept', ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? json(body) : undefined,
        }).then((r) => r.json().catch(() => undefined));
      const app = await send('POST', `${V2}/apps`, { name: 'har_app', app_secret: 'MySecret_12345' });
      await send('POST', `${V2}/apps/${app.id}/app-codes`, { app_code: `SecretCode${'c'.repeat(70)}` });
      await send('GET', `${V2}/apps?limit=5`);
      await send('GET', `${V2}/app-auths/binded-apis?app_id=${app.id}`);
      await send('DELETE', `${V2}/apps/${app.id}`);
      const har = proxy.har();
      expect(har.log.entries).toHaveLength(5);
      expect(JSON.stringify(har)).not.toMatch(/har-token-never-kept|MySecret_12345|SecretCode/);
      const drift = await redoclyDrift(har, mock.url);
      expect(drift.run).toMatchObject({ totalExchanges: 5, documentedExchanges: 5, undocumentedExchanges: 0 });
      expect(drift.problems).toEqual([]);
      expect(proxy.junit()).toMatch(/<testsuite name="apig-app-contract proxy \(http:\/\/127\.0\.0\.1:\d+\)" tests="5" failures="0">/);
    } finally {
      await proxy.close();
      await mock.close();
    }
  }, 60_000);

  it('on drifting traffic, redocly drift and the JUnit report both name the broken field', async () => {
    const gateway = await driftingGateway();
    const upstream = `http://127.0.0.1:${(gateway.address() as { port: number }).port}`;
    const proxy = await startProxy({ upstream, port: 0 });
    try {
      await (await fetch(`${proxy.url}${V2}/apps/wrong-type`, { headers: { 'x-auth-token': 't' } })).arrayBuffer();
      const drift = await redoclyDrift(proxy.har(), upstream);
      expect(drift.problems.length).toBeGreaterThan(0);
      expect(JSON.stringify(drift.problems)).toContain('status');
      const junit = proxy.junit();
      expect(junit).toContain('tests="1" failures="1"');
      expect(junit).toMatch(
        /<testcase classname="apig-app-contract.proxy" name="GET \/v2\/\{project_id\}\/apigw\/instances\/\{instance_id\}\/apps\/\{app_id\}"><failure message="1 drift finding\(s\)">200 response body\.status: /,
      );
    } finally {
      await proxy.close();
      await new Promise((resolve) => gateway.close(resolve));
    }
  }, 60_000);
});

describe('startProxy', () => {
  it('refuses an upstream that is not an http(s) URL, saying what it needs', async () => {
    await expect(startProxy({ upstream: 'ftp://example.com', port: 0 })).rejects.toThrow("the proxy needs the upstream's http(s) URL");
  });
});

describe('apig-app-mock --proxy', () => {
  it('forwards, then on Ctrl-C prints one line and writes the JSON report; traffic outside the contract fails the run only with --fail-on-outside', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startChild } = await import('../../helpers/child-process.js');
    const dir = mkdtempSync(join(tmpdir(), 'apig-proxy-'));
    const mock = await startMockServer({ port: 0 });
    const report = join(dir, 'report.json');
    const run = async (flags: string[]) => {
      const cli = await startChild(
        process.execPath,
        ['mock/cli.mjs', 'proxy', mock.url, '--report', report, '--port', '0', ...flags],
        /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      );
      try {
        const base = cli.match[1]!;
        expect((await fetch(`${base}${V2}/apps`, { headers: { 'x-auth-token': 't' } })).status).toBe(200);
        expect((await fetch(`${base}${V2}/apps?limit=ten`, { headers: { 'x-auth-token': 't' } })).status).toBe(400);
        expect((await fetch(`${base}/v9/nowhere`, { headers: { 'x-auth-token': 't' } })).status).toBe(404);
        expect((await fetch(`${base}${V2}/apps`, { method: 'OPTIONS' })).status).toBe(204);
        return { code: await cli.stop('SIGINT'), output: cli.output(), written: JSON.parse(readFileSync(report, 'utf8')) };
      } finally {
        await cli.stop();
      }
    };
    try {
      const plain = await run([]);
      expect(plain.code).toBe(0);
      expect(plain.output).toContain(
        'SIGINT: 4 exchanges, 0 drift findings, 1 invalid requests (refused upstream), 0 response fields the contract does not list, 2 outside the contract, 0 not judged (report: ',
      );
      expect(plain.written).toMatchObject({
        upstream: mock.url,
        exchanges: 4,
        findings: [],
        passed: true,
        outside: [
          { kind: 'unknown-route', path: '/v9/nowhere' },
          { kind: 'preflight', method: 'OPTIONS' },
        ],
        requests: [{ kind: 'request', location: 'query.limit', operation: 'GET /v2/{project_id}/apigw/instances/{instance_id}/apps' }],
      });
      const failing = await run(['--fail-on-outside']);
      expect(failing.code).toBe(1);
      expect(failing.output).toContain('2 outside the contract (failing the run)');
      expect(failing.written).toMatchObject({ findings: [], passed: false });
    } finally {
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('takes the AK/SK pair from the SDK variables, and says it re-signs', async () => {
    const { startChild } = await import('../../helpers/child-process.js');
    const cli = await startChild(
      process.execPath,
      ['mock/cli.mjs', 'proxy', 'http://127.0.0.1:9', '--port', '0'],
      /listening on (http:\/\/127\.0\.0\.1:\d+)[^\n]*\n?/,
      { env: { HUAWEICLOUD_SDK_AK: 'ENVAK0001', HUAWEICLOUD_SDK_SK: 'env-secret-never-printed' } },
    );
    try {
      expect(cli.output()).toContain('(AK/SK requests are checked and signed anew for the upstream)');
      expect(cli.output()).not.toContain('env-secret-never-printed');
    } finally {
      expect(await cli.stop('SIGTERM')).toBe(0); // no exchange, no finding
    }
  });

  it('--proxy <URL> (2.x) still starts the proxy, and says on stderr that it goes in 3.0.0', async () => {
    const { startChild } = await import('../../helpers/child-process.js');
    const cli = await startChild(
      process.execPath,
      ['mock/cli.mjs', '--proxy', 'http://127.0.0.1:9', '--port', '0'],
      /listening on (http:\/\/127\.0\.0\.1:\d+)[^\n]*\n?/,
    );
    try {
      expect(cli.output()).toContain('apig-app-mock: --proxy <URL> is deprecated and goes in 3.0.0; use apig-app-mock proxy <URL>');
      expect(cli.output()).toContain('APP contract proxy is listening on');
    } finally {
      expect(await cli.stop('SIGTERM')).toBe(0);
    }
  });

  it.each([
    [['proxy', 'not a url'], "the proxy needs the upstream's http(s) URL"],
    [['--proxy', 'not a url'], "the proxy needs the upstream's http(s) URL"],
    [
      ['--report', 'r.json'],
      '--report, --har, --junit, --strict, --fail-on-outside, --compare, --ca and -- <command> go with apig-app-mock proxy <upstream URL>',
    ],
    [
      ['serve', '--strict'],
      '--report, --har, --junit, --strict, --fail-on-outside, --compare, --ca and -- <command> go with apig-app-mock proxy <upstream URL>',
    ],
    [
      ['proxy', 'http://127.0.0.1:9', '--stateless', '--seed', 's.json'],
      'the proxy forwards to a gateway; --stateless, --seed are for the mock (apig-app-mock serve)',
    ],
  ])('%j is refused, saying why', async (args, message) => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const failed = await promisify(execFile)(process.execPath, ['mock/cli.mjs', ...args, '--port', '0'], { encoding: 'utf8' }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(message);
  });
});

describe('re-signing for the upstream', () => {
  const AKSK = { ak: 'PROXYAK0000000001', sk: 'proxy-sk-never-shown-1234567890' };
  let upstream: Awaited<ReturnType<typeof startMockServer>>;
  beforeAll(async () => {
    upstream = await startMockServer({ port: 0, credentials: { aksk: [AKSK], tokens: ['proxy-token-1'] } });
  });
  afterAll(async () => {
    await upstream?.close();
  });

  it('signed for the proxy, the request reaches a credentials-checking upstream only when the proxy signs it anew', async () => {
    const { createApigClient, createAppOnDedicatedGatewayV2, listApisBoundToAppPage } = await import('../../../src/index.js');
    const instance = { projectId: 'p-sign', instanceId: 'i-sign' };
    const plain = await startProxy({ upstream: upstream.url, port: 0 });
    const resigning = await startProxy({ upstream: upstream.url, port: 0, credentials: { aksk: [AKSK] } });
    try {
      const without = await createAppOnDedicatedGatewayV2(createApigClient({ baseUrl: plain.url, auth: AKSK }), instance, { name: 'signed_app_1' });
      expect(!without.ok && without.error).toMatchObject({ status: 401, errorCode: 'APIGW.0301' }); // the signature covers the proxy's host
      const client = createApigClient({ baseUrl: resigning.url, auth: AKSK });
      const made = await createAppOnDedicatedGatewayV2(client, instance, { name: 'signed_app_2', remark: '汉字 remark' });
      expect(made.ok && made.status).toBe(201);
      if (made.ok)
        expect((await listApisBoundToAppPage(client, { gateway: 'dedicatedV2', ...instance }, { appId: made.data.id, apiName: 'a b&c' })).ok).toBe(true);
      // Tokens pass untouched.
      const token = await createAppOnDedicatedGatewayV2(createApigClient({ baseUrl: resigning.url, auth: { token: 'proxy-token-1' } }), instance, {
        name: 'token_app',
      });
      expect(token.ok).toBe(true);
      // A signature that does not match is refused by the proxy itself, never forwarded.
      const forged = await createAppOnDedicatedGatewayV2(
        createApigClient({ baseUrl: resigning.url, auth: { ak: AKSK.ak, sk: 'not-the-secret-1' } }),
        instance,
        { name: 'forged_app' },
      );
      expect(!forged.ok && forged.error).toMatchObject({ status: 401, errorCode: 'APIGW.0301' });
      // No secret in what the proxy keeps.
      for (const proxy of [plain, resigning]) expect(JSON.stringify(proxy.report())).not.toMatch(/proxy-sk-never-shown|not-the-secret|proxy-token-1/);
      expect(resigning.findings()).toEqual([]);
    } finally {
      await plain.close();
      await resigning.close();
    }
  });
});

describe('an HTTPS upstream with its own CA', () => {
  it('is reached when the proxy is given the CA, refused (502, reported) when not', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createServer: createHttpsServer } = await import('node:https');
    const dir = mkdtempSync(join(tmpdir(), 'apig-ca-'));
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    // A CA of this test's own, and a certificate for 127.0.0.1 that it signs.
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=apig test CA');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
    writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'san.ext');
    const app = {
      id: 'a1',
      name: 'app_1',
      status: 1,
      app_key: 'k',
      app_secret: 's',
      creator: 'USER',
      register_time: 't',
      update_time: 't',
      remark: '',
      app_type: 'apig',
    };
    let received = 0;
    const upstream = createHttpsServer({ key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) }, (req, res) => {
      req.on('data', (chunk: Buffer) => (received += chunk.length));
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r-tls' }).end(JSON.stringify(app)));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
    const url = `https://127.0.0.1:${(upstream.address() as { port: number }).port}`;
    const trusting = await startProxy({ upstream: url, port: 0, ca: readFileSync(join(dir, 'ca.pem'), 'utf8') });
    const untrusting = await startProxy({ upstream: url, port: 0 });
    try {
      const shown = await fetch(`${trusting.url}${V2}/apps/a1`, { headers: { 'x-auth-token': 't' } });
      expect([shown.status, (await shown.json()).name]).toEqual([200, 'app_1']);
      expect(trusting.findings()).toEqual([]);
      // Keep-alive: a second and third request on the proxy's pooled connection.
      for (let i = 0; i < 2; i++) expect((await fetch(`${trusting.url}${V2}/apps/a1`, { headers: { 'x-auth-token': 't' } })).status).toBe(200);
      // A large body arrives whole (3 MiB of remark; the contract refuses it, the upstream decides).
      const big = JSON.stringify({ name: 'big_app', remark: 'r'.repeat(3 * 1024 * 1024) });
      received = 0;
      const answer = await fetch(`${trusting.url}${V2}/apps/a1`, {
        method: 'PUT',
        headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
        body: big,
      });
      await answer.arrayBuffer();
      expect(received).toBe(Buffer.byteLength(big));
      // Over 4 MiB: refused whole, never forwarded in part.
      received = 0;
      const tooBig = await fetch(`${trusting.url}${V2}/apps/a1`, {
        method: 'PUT',
        headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x', remark: 'r'.repeat(5 * 1024 * 1024) }),
      });
      expect([tooBig.status, (await tooBig.json()).error_code]).toEqual([400, 'APIG.2000']);
      expect(received).toBe(0);

      const refused = await fetch(`${untrusting.url}${V2}/apps/a1`, { headers: { 'x-auth-token': 't' } });
      expect([refused.status, (await refused.json()).error_code]).toEqual([502, 'APIG.9999']);
      expect(untrusting.findings()).toEqual([
        expect.objectContaining({ kind: 'upstream', message: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY|certificate/i) }),
      ]);
    } finally {
      await trusting.close();
      await untrusting.close();
      await new Promise((resolve) => upstream.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the mock checked against the upstream (compare)', () => {
  it('against a mock as upstream: ids are matched across creates, and nothing differs', async () => {
    const upstream = await startMockServer({ port: 0 });
    const proxy = await startProxy({ upstream: upstream.url, port: 0, compare: true });
    try {
      const send = (method: string, path: string, body?: unknown) =>
        fetch(`${proxy.url}${path}`, {
          method,
          headers: { 'x-auth-token': 't', ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? json(body) : undefined,
        }).then(async (r) => ({ status: r.status, json: await r.json().catch(() => undefined) }));
      const app = (await send('POST', `${V2}/apps`, { name: 'compared_app' })).json;
      expect((await send('GET', `${V2}/apps/${app.id}`)).status).toBe(200); // the mock's own APP of that create answers too
      const code = (await send('PUT', `${V2}/apps/${app.id}/app-codes`)).json;
      expect((await send('GET', `${V2}/apps/${app.id}/app-codes/${code.id}`)).status).toBe(201);
      expect((await send('POST', `${V2}/apps`, { name: 'compared_app' })).status).toBe(400);
      expect((await send('DELETE', `${V2}/apps/${app.id}`)).status).toBe(204);
      expect((await send('GET', `${V2}/apps/${app.id}`)).status).toBe(404);
      expect(proxy.report().differences).toEqual([]);
      expect(proxy.report().summary).toContain('0 differences from the mock');
    } finally {
      await proxy.close();
      await upstream.close();
    }
  });

  it('against a gateway that answers otherwise: each difference says what the upstream and the mock answered', async () => {
    const base = '/v1/p1/apigw/instances/i1/apps';
    const app = {
      id: 'gw-app-1',
      name: 'gw_app',
      status: 1,
      app_key: 'k1234567',
      app_secret: 's',
      creator: 'USER',
      register_time: '2020-08-03T13:09:13Z',
      update_time: '2020-08-03T13:09:13Z',
      remark: '',
    };
    const gateway = createServer((req, res) => {
      const ok = { 'content-type': 'application/json', 'x-request-id': 'r-gw' };
      req.resume();
      req.on('end', () => {
        if (req.method === 'POST') return res.writeHead(201, ok).end(json({ ...app, app_type: 'apig' }));
        if (req.url === `${base}/gw-app-1`) return res.writeHead(200, ok).end(json(app)); // no app_type
        return res.writeHead(404, ok).end(json({ error_code: 'APIG.3002', error_msg: 'App does not exist' }));
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', () => resolve()));
    const proxy = await startProxy({ upstream: `http://127.0.0.1:${(gateway.address() as { port: number }).port}`, port: 0, compare: true });
    try {
      await (
        await fetch(`${proxy.url}${base}`, {
          method: 'POST',
          headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
          body: json({ name: 'gw_app' }),
        })
      ).arrayBuffer();
      await (await fetch(`${proxy.url}${base}/gw-app-1`, { headers: { 'x-auth-token': 't' } })).arrayBuffer();
      await (await fetch(`${proxy.url}${base}/nobody`, { headers: { 'x-auth-token': 't' } })).arrayBuffer();
      expect(proxy.report().differences).toEqual([
        expect.objectContaining({
          what: 'fields',
          path: `${base}/gw-app-1`,
          upstream: expect.objectContaining({ status: 200, fields: expect.not.arrayContaining(['app_type']) }),
          mock: expect.objectContaining({ status: 200, fields: expect.arrayContaining(['app_type']) }),
        }),
        expect.objectContaining({
          what: 'error_code',
          path: `${base}/nobody`,
          upstream: { status: 404, error_code: 'APIG.3002', fields: undefined },
          mock: { status: 404, error_code: 'APIG.3004', fields: undefined },
        }),
      ]);
    } finally {
      await proxy.close();
      await new Promise((resolve) => gateway.close(resolve));
    }
  });
});

describe('secrets', () => {
  it('a run with a token, an SK, an app_secret and an AppCode leaves none of them in the report, HAR, JUnit, output or the headers it adds', async () => {
    const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startChild } = await import('../../helpers/child-process.js');
    const { createApigClient, createAppOnDedicatedGatewayV2, createAppCode } = await import('../../../src/index.js');
    const SECRETS = {
      token: 'tok-SECRET-never-kept-1',
      sk: 'sk-SECRET-never-kept-22',
      appSecret: 'AppSecretNeverKept333',
      appCode: `CodeNeverKept${'q'.repeat(60)}`,
    };
    const dir = mkdtempSync(join(tmpdir(), 'apig-proxy-secrets-'));
    const pair = { ak: 'SECRETTESTAK0001', sk: SECRETS.sk };
    writeFileSync(join(dir, 'creds.json'), JSON.stringify({ tokens: [SECRETS.token], aksk: [pair] }));
    const upstream = await startMockServer({ port: 0, credentials: { tokens: [SECRETS.token], aksk: [pair] } });
    const files = ['report.json', 'traffic.har', 'drift.xml'].map((f) => join(dir, f));
    const cli = await startChild(
      process.execPath,
      [
        'mock/cli.mjs',
        'proxy',
        upstream.url,
        '--credentials',
        join(dir, 'creds.json'),
        '--report',
        files[0]!,
        '--har',
        files[1]!,
        '--junit',
        files[2]!,
        '--port',
        '0',
      ],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    );
    const added: string[] = [];
    try {
      const base = cli.match[1]!;
      const instance = { projectId: 'p-sec', instanceId: 'i-sec' };
      const tracking: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        added.push(JSON.stringify([...response.headers]));
        return response;
      };
      for (const auth of [{ token: SECRETS.token }, pair]) {
        const client = createApigClient({ baseUrl: base, auth, fetch: tracking });
        const made = await createAppOnDedicatedGatewayV2(client, instance, {
          name: `secret_app_${'token' in auth ? 't' : 'k'}`,
          app_secret: SECRETS.appSecret,
        });
        expect(made.ok).toBe(true);
        if (made.ok) expect((await createAppCode(client, { gateway: 'dedicatedV2', ...instance }, made.data.id, { app_code: SECRETS.appCode })).ok).toBe(true);
      }
      await fetch(`${base}/v2/p-sec/apigw/instances/i-sec/apps`, {
        method: 'POST',
        headers: { 'x-auth-token': 'wrong', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x_app', app_secret: SECRETS.appSecret }),
      });
      await cli.stop('SIGINT');
      const written = files.map((f) => readFileSync(f, 'utf8')).join('\n');
      expect(written).toContain('"exchanges": 5');
      for (const secret of Object.values(SECRETS)) {
        expect(written, 'written files').not.toContain(secret);
        expect(cli.output(), 'output').not.toContain(secret);
        expect(added.join('\n'), 'headers').not.toContain(secret);
      }
    } finally {
      await cli.stop();
      await upstream.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

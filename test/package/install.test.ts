// Installing the package as a user would, into scratch projects: from the packed tarball and
// from a git clone (npm runs `prepare`, which builds dist/). Each install is used from Node
// ESM, from CommonJS `require`, from TypeScript, and bundled for the browser, against the mock.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../mock/server/index.mjs';
import { startChild } from '../helpers/child-process.js';
import { gitSnapshot } from '../helpers/git-snapshot.js';
import { ROOT } from '../../scripts/tools.mjs';
import { CLIENT_EXAMPLES } from '../helpers/readme.js';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

/** What `tsc -p dir` prints: nothing when the project type-checks. */
function typecheck(dir: string): string {
  try {
    return execFileSync(process.execPath, [TSC, '-p', dir], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

const SOURCES = [
  {
    name: 'the packed tarball',
    install: (dir: string) => {
      // npm pack runs `prepare` (the build) first, as npm publish does; its report follows.
      const out = npm(['pack', '--json', '--pack-destination', dir], ROOT);
      const [packed] = JSON.parse(out.slice(out.indexOf('\n[') + 1));
      npm(['install', ...INSTALL_FLAGS, join(dir, packed.filename)], dir);
    },
  },
  {
    name: 'a git clone (prepare builds dist/)',
    install: (dir: string) => {
      npm(['install', ...INSTALL_FLAGS, `git+${pathToFileURL(gitSnapshot(join(dir, 'apig-app-contract.git-source'))).href}`], dir);
    },
  },
];

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, stateless: true }); // each install creates the same APP
});
afterAll(async () => {
  await mock?.close();
});

describe.each(SOURCES)('installed from $name', ({ install }) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apig-consumer-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    install(dir);
  }, 240_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = async (file: string) =>
    (await promisify(execFile)(process.execPath, [join(dir, file), mock.url], { cwd: dir, encoding: 'utf8', timeout: 30_000 })).stdout;

  it('works from Node ESM: calls the mock, ships both documents', async () => {
    writeFileSync(
      join(dir, 'call.mjs'),
      `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createApigClient, createAppOnSharedGateway } from 'apig-app-contract';
const client = createApigClient({ baseUrl: process.argv[2], auth: { token: 'consumer-token' } });
const result = await createAppOnSharedGateway(client, { name: '测试应用_01' });
const doc = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('apig-app-contract/openapi.json'), 'utf8'));
const doc30 = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('apig-app-contract/openapi-3.0.json'), 'utf8'));
console.log(JSON.stringify({ ok: result.ok, creator: result.ok && result.data.creator, title: doc.info.title, openapi: [doc.openapi, doc30.openapi] }));
`,
    );
    // Asynchronously: the mock answers from this very process.
    expect(JSON.parse(await run('call.mjs'))).toEqual({ ok: true, creator: 'USER', title: expect.stringContaining('APP (应用)'), openapi: ['3.1.0', '3.0.3'] });
  });

  it('works from CommonJS require (Node ≥ 20.19 loads the ES module)', async () => {
    writeFileSync(
      join(dir, 'call.cjs'),
      `const { createApigClient, createAppOnSharedGateway } = require('apig-app-contract');
const { validateCreateAppRequest } = require('apig-app-contract/validation');
const client = createApigClient({ baseUrl: process.argv[2], auth: { token: 'consumer-token' } });
createAppOnSharedGateway(client, { name: 'app_cjs' }).then((result) => {
  console.log(JSON.stringify({ ok: result.ok, valid: validateCreateAppRequest({ name: '1app' }).valid }));
});
`,
    );
    expect(JSON.parse(await run('call.cjs'))).toEqual({ ok: true, valid: false });
  });

  it('type-checks code written against the package, named types from ./types included', () => {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, lib: ['ES2022', 'DOM'], types: [] },
        include: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(dir, 'consumer.ts'),
      `import { createApigClient, createAppOnDedicatedGateway, type App } from 'apig-app-contract';
import type { paths, CreateAppRequest, ErrorBody, App as AppFromTypes } from 'apig-app-contract/types';
const client = createApigClient({ baseUrl: 'http://127.0.0.1:4010', auth: { token: 't' } });
export async function run(body: CreateAppRequest): Promise<App['creator'] | ErrorBody['error_code'] | undefined> {
  const result = await createAppOnDedicatedGateway(client, { projectId: 'p', instanceId: 'i' }, body);
  // @ts-expect-error name is required
  await client.POST('/v1.0/apigw/apps', { body: {} });
  const path: keyof paths = '/v1.0/apigw/apps';
  void path;
  const same: AppFromTypes | undefined = result.ok ? result.data : undefined;
  return same?.creator;
}
export type Shared = paths['/v1.0/apigw/apps'];
`,
    );
    expect(typecheck(dir)).toBe('');
  });

  it('bundles for the browser with no Node built-ins', async () => {
    writeFileSync(
      join(dir, 'browser.js'),
      `import { createApigClient } from 'apig-app-contract';\nimport { signRequest } from 'apig-app-contract/auth';\nimport { validateRequestBody } from 'apig-app-contract/validation';\nwindow.apig = { createApigClient, signRequest, validateRequestBody };\n`,
    );
    const result = await build({
      entryPoints: [join(dir, 'browser.js')],
      absWorkingDir: dir,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/from ['"]node:|require\(['"]node:/);
  });
});

// A tester in another team: the mock from the installed package, `npx apig-app-mock`, and the
// provisioning example of docs/client.md run against it. Prism's
// engine is an optional peer dependency, so a client-only install says what to add.
describe('the mock from the packed tarball (npx apig-app-mock)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apig-mock-consumer-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'tester', private: true, type: 'module' }));
    const out = npm(['pack', '--json', '--pack-destination', dir], ROOT);
    const [packed] = JSON.parse(out.slice(out.indexOf('\n[') + 1));
    npm(['install', ...INSTALL_FLAGS, join(dir, packed.filename)], dir);
  }, 240_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('without Prism’s engine, says exactly what to install', async () => {
    const result = await promisify(execFile)('npx', ['--no-install', 'apig-app-mock', '--port', '0'], { cwd: dir, encoding: 'utf8', timeout: 30_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('npm install --save-dev @stoplight/prism-http@5.12.0');
  }, 60_000);

  it('types apig-app-contract/mock under tsc --strict (startMockServer, its options and result)', () => {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, lib: ['ES2022', 'DOM'], types: [] },
        include: ['mock-consumer.ts'],
      }),
    );
    writeFileSync(
      join(dir, 'mock-consumer.ts'),
      `import { startMockServer, type MockServerOptions, type RunningMockServer } from 'apig-app-contract/mock';
const options: MockServerOptions = { port: 0, quota: 5, seed: [{ tenant: 'v2 p1 i1', apps: [{ name: 'seeded_app' }] }], credentials: { tokens: ['t'] } };
export async function run(): Promise<string> {
  const mock: RunningMockServer = await startMockServer(options);
  await mock.close();
  // @ts-expect-error port is a number
  await startMockServer({ port: '4010' });
  return mock.url + mock.served.join(',');
}
`,
    );
    expect(typecheck(dir)).toBe('');
  });

  it('types apig-app-contract/proxy under tsc --strict (startProxy, its options, result and report)', () => {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, lib: ['ES2022', 'DOM'], types: [] },
        include: ['proxy-consumer.ts'],
      }),
    );
    writeFileSync(
      join(dir, 'proxy-consumer.ts'),
      `import { startProxy, type ProxyOptions, type ProxyReport, type RunningProxy } from 'apig-app-contract/proxy';
const options: ProxyOptions = { upstream: 'https://apig.cn-north-4.myhuaweicloud.com', port: 0, strict: true, credentials: { aksk: [{ ak: 'AK', sk: 'SK' }] } };
export async function run(): Promise<boolean> {
  const proxy: RunningProxy = await startProxy(options);
  const report: ProxyReport = proxy.report();
  const first: string | undefined = report.findings[0]?.message;
  await proxy.close();
  // @ts-expect-error upstream is required
  await startProxy({ port: 0 });
  return report.passed && first === undefined && proxy.junit().length > 0;
}
`,
    );
    expect(typecheck(dir)).toBe('');
  });

  it('with it: starts, remembers a create, refuses the duplicate, deletes', async () => {
    npm(['install', ...INSTALL_FLAGS, '--save-dev', '@stoplight/prism-http@5.12.0'], dir);
    // The bin npx runs, started directly so that stopping it stops the mock itself.
    const bin = join(dir, 'node_modules', '.bin', 'apig-app-mock');
    const mockProcess = await startChild(bin, ['--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+)/, { cwd: dir, timeoutMs: 60_000 });
    try {
      const base = mockProcess.match[1]!;
      const create = () =>
        fetch(`${base}/v2/p1/apigw/instances/i1/apps`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
          body: JSON.stringify({ name: 'tester_app' }),
        });
      const first = await create();
      expect(first.status).toBe(201);
      const { id, name } = await first.json();
      expect(name).toBe('tester_app');
      const again = await create();
      expect(again.status).toBe(400);
      expect((await again.json()).error_code).toBe('APIG.3203');
      expect((await fetch(`${base}/v2/p1/apigw/instances/i1/apps/${id}`, { method: 'DELETE', headers: { 'x-auth-token': 't' } })).status).toBe(204);
      expect((await fetch(`${base}/v2/p1/apigw/instances/i1/apps/${id}`, { headers: { 'x-auth-token': 't' } })).status).toBe(404);
      const served = await (await fetch(`${base}/openapi.json`)).json();
      expect(served.servers.map((s: { url: string }) => s.url)).toContain(base);

      // docs/client.md's provisioning example, as printed, against this mock: create, authorize to
      // two APIs of the mock's catalogue, an AppCode, an allow list, a client quota, and the one JSON
      // line the consumer needs.
      const provisioning = CLIENT_EXAMPLES.find((e) => e.code.includes('authorizeApps'))!;
      const { code } = await transform(provisioning.code, { loader: 'ts', format: 'esm' });
      writeFileSync(join(dir, 'provision.mjs'), code);
      const { stdout } = await promisify(execFile)(process.execPath, ['provision.mjs'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
        env: { PATH: process.env.PATH, APIG_BASE_URL: base },
      });
      expect(JSON.parse(stdout)).toEqual({
        app_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        app_key: expect.stringMatching(/^[0-9a-f]{32}$/),
        app_secret: expect.stringMatching(/^[0-9a-f]{32}$/),
        app_code: expect.stringMatching(/^[0-9a-f]{64}$/),
        apis: ['5f918d104dc84480a75166ba99efff21', '11cbec3a7a8345ca981b86d161bc436e'],
        allowed: ['10.0.0.0/8', '192.168.0.5-192.168.0.10'],
        quota: expect.stringMatching(/^[0-9a-f]{32}$/),
      });

      // The validating proxy from the same bin, in front of this mock: forwards, and on SIGINT
      // prints its one line with no drift.
      const proxyProcess = await startChild(bin, ['proxy', base, '--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+)/, { cwd: dir, timeoutMs: 60_000 });
      try {
        const through = await fetch(`${proxyProcess.match[1]}/v2/p1/apigw/instances/i1/apps?limit=5`, { headers: { 'x-auth-token': 't' } });
        expect(through.status).toBe(200);
        expect(await proxyProcess.stop('SIGINT')).toBe(0);
        expect(proxyProcess.output()).toContain('SIGINT: 1 exchanges, 0 drift findings');
      } finally {
        await proxyProcess.stop();
      }

      // The proxy as a library (apig-app-contract/proxy), re-signing AK/SK with the package's
      // own signer, which it loads by the package's name from the installed package.
      writeFileSync(
        join(dir, 'library-proxy.mjs'),
        `import { startProxy } from 'apig-app-contract/proxy';
import { signRequest } from 'apig-app-contract/auth';
const pair = { ak: 'LIBRARYAK01', sk: 'library-secret' };
const proxy = await startProxy({ upstream: process.env.UPSTREAM, port: 0, credentials: { aksk: [pair] } });
const url = proxy.url + '/v2/p1/apigw/instances/i1/apps?limit=5';
const signed = await fetch(url, { headers: await signRequest({ method: 'GET', url }, pair) });
const forged = await fetch(url, { headers: await signRequest({ method: 'GET', url }, { ak: pair.ak, sk: 'not-the-secret' }) });
await proxy.close();
console.log(JSON.stringify({ signed: signed.status, forged: forged.status, summary: proxy.report().summary }));
`,
      );
      const library = await promisify(execFile)(process.execPath, ['library-proxy.mjs'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: process.env.PATH, UPSTREAM: base },
      });
      expect(JSON.parse(library.stdout)).toEqual({ signed: 200, forged: 401, summary: expect.stringMatching(/^2 exchanges, 0 drift findings/) });
    } finally {
      await mockProcess.stop();
    }
  }, 240_000);

  it('`npx apig-app-mock`: SIGTERM to npx’s pid (npx alone, not its group) stops the mock it started', async () => {
    const npx = await startChild('npx', ['--no-install', 'apig-app-mock', '--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+)/, {
      cwd: dir,
      timeoutMs: 60_000,
    });
    try {
      const url = npx.match[1]!;
      expect((await fetch(`${url}/`)).status).toBe(200);
      process.kill(npx.child.pid!, 'SIGTERM');
      await expect
        .poll(
          () =>
            fetch(`${url}/`).then(
              () => 'up',
              () => 'down',
            ),
          { timeout: 5_000, interval: 200 },
        )
        .toBe('down');
    } finally {
      await npx.stop('SIGKILL');
    }
  }, 90_000);
});

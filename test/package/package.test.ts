// What users install: the packed tarball's contents, a browser-safe entry, and a consumer
// project that installs the tarball, type-checks against it and calls the mock with it.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../scripts/mock/server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const npm = (args: string[], cwd = ROOT) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

describe('the published package', () => {
  it('packs dist, generated, spec, README and LICENSE, and no tests or dev tools', () => {
    const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts']));
    const files: string[] = packed.files.map((f: { path: string }) => f.path);
    for (const expected of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/generated/create-app-request-validator.js', 'generated/openapi.json', 'generated/openapi.yaml', 'generated/openapi-3.0.json', 'generated/openapi-3.0.yaml', 'generated/schema.d.ts', 'spec/openapi.yaml', 'README.md', 'LICENSE', 'package.json']) {
      expect(files).toContain(expected);
    }
    expect(files.filter((f) => /^(test|scripts|node_modules|\.ci)\//.test(f) || /\.test\.ts$/.test(f))).toEqual([]);
  });

  it('depends on openapi-fetch only at run time', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).toEqual(['openapi-fetch']);
  });

  it('has a browser-safe entry: no node: imports, bundles for the browser', async () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const file of walk(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bprocess\./);
    }
    const result = await build({ entryPoints: [join(ROOT, 'dist/src/index.js')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
  });
});

describe('a consumer project installing the tarball', () => {
  let dir: string;
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'apig-consumer-'));
    const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir]));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, packed.filename)], dir);
  }, 180_000);
  afterAll(async () => {
    await mock?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('type-checks code written against the package', () => {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, lib: ['ES2022', 'DOM'], types: [] }, include: ['consumer.ts'] }));
    writeFileSync(
      join(dir, 'consumer.ts'),
      `import { createApigClient, createAppOnDedicatedGateway, type App } from 'apig-app-contract';
import type { paths } from 'apig-app-contract/types';
const client = createApigClient({ baseUrl: 'http://127.0.0.1:4010', auth: { token: 't' } });
export async function run(): Promise<App['creator'] | undefined> {
  const result = await createAppOnDedicatedGateway(client, { projectId: 'p', instanceId: 'i' }, { name: 'app_001' });
  // @ts-expect-error name is required
  await client.POST('/v1.0/apigw/apps', { body: {} });
  const path: keyof paths = '/v1.0/apigw/apps';
  void path;
  return result.ok ? result.app.creator : undefined;
}
export type Shared = paths['/v1.0/apigw/apps'];
`,
    );
    const out = (() => {
      try {
        return execFileSync(process.execPath, [TSC, '-p', dir], { cwd: dir, encoding: 'utf8' });
      } catch (error) {
        return String((error as { stdout?: string }).stdout ?? error);
      }
    })();
    expect(out).toBe('');
  });

  it('runs a call against the mock, and ships the bundled document', async () => {
    writeFileSync(
      join(dir, 'call.mjs'),
      `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createApigClient, createAppOnSharedGateway } from 'apig-app-contract';
const client = createApigClient({ baseUrl: process.argv[2], auth: { token: 'consumer-token' } });
const result = await createAppOnSharedGateway(client, { name: '测试应用_01' });
const doc = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('apig-app-contract/openapi.json'), 'utf8'));
const doc30 = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('apig-app-contract/openapi-3.0.json'), 'utf8'));
console.log(JSON.stringify({ ok: result.ok, creator: result.ok && result.app.creator, title: doc.info.title, openapi: [doc.openapi, doc30.openapi] }));
`,
    );
    // Asynchronously: the mock answers from this very process.
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, 'call.mjs'), mock.url], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    const out = JSON.parse(stdout);
    expect(out).toEqual({ ok: true, creator: 'USER', title: expect.stringContaining('Create APP'), openapi: ['3.1.0', '3.0.3'] });
  });
});

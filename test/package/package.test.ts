// What users install: the packed tarball's contents and metadata, and a browser-safe entry.
// Installing it (tarball and git) is in install.test.ts.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const npm = (args: string[], cwd = ROOT) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'generate', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
}, 120_000);

describe('the published package', () => {
  it('packs dist, the documents, README, docs/*.md and LICENSE; no spec sources, rendered docs pages, tests or dev tools', () => {
    const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts']));
    const files: string[] = packed.files.map((f: { path: string }) => f.path);
    for (const expected of [
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/types.d.ts',
      'dist/generated/schema.d.ts',
      'dist/generated/request-rules/index.js',
      'dist/generated/request-rules/bodies.js',
      'dist/generated/request-rules/body/CreateAppRequest.js',
      'dist/generated/request-rules/schema/CreateAppRequest.js',
      'dist/generated/request-rules/load-body-rules.js',
      'dist/generated/request-rules/load-query-rules.js',
      'dist/src/validation.js',
      'dist/src/validation.d.ts',
      'dist/src/auth.js',
      'dist/src/auth.d.ts',
      'mock/server/types.d.mts',
      'mock/proxy/types.d.mts',
      'generated/openapi.json',
      'generated/openapi-3.0.json',
      'generated/postman-collection.json',
      'docs/postman.md',
      'README.md',
      'docs/client.md',
      'docs/mock.md',
      'docs/proxy.md',
      'docs/conformance.md',
      'docs/contract.md',
      'docs/other-languages.md',
      'docs/workflows.md',
      'workflows/app-lifecycle.arazzo.yaml',
      'workflows/provisioning.arazzo.yaml',
      'workflows/app-quota.arazzo.yaml',
      'LICENSE',
      'CHANGELOG.md',
      'package.json',
    ]) {
      expect(files).toContain(expected);
    }
    expect(
      files.filter((f) => /^(test|scripts|spec|node_modules|\.ci|generated\/docs|generated\/review)\//.test(f) || /\.(test\.ts|html|pdf)$/.test(f)),
    ).toEqual([]);
    // Rendered pages were 96% of the tarball; what is left is code and documents, and Prism's
    // reading of the document for the mock (0.2 s off every mock start), stored without its
    // prose. Contract 1.1 took the operations from 21 to 49, and the documents grew with them:
    // about 1.36 MB unpacked, a tarball of about 190 kB. Contract 2.0 gave every operation the
    // front door's five 401 examples and every v2 schema the reason for each field it requires
    // (x-current-definitions): about 1.64 MB unpacked, a tarball of about 252 kB. The README's
    // split into docs/*.md (shipped, for readers of the tarball) left both where they were:
    // the README went from 85 kB to 10 kB, docs/ added 78 kB (about 1.65 MB, 254 kB). The v2
    // families (issue 28) took the operations from 49 to 66, and the documents, types and
    // validators grew with them: about 2.20 MB unpacked, a tarball of about 331 kB. The Postman
    // collection (issue 29: every operation with its test script and saved answers, 0.5 MB of
    // JSON that compresses to about 35 kB) and the Arazzo workflows: about 2.77 MB, 373 kB.
    expect(files).toContain('generated/prism-operations.json');
    expect(packed.unpackedSize).toBeLessThan(3_000_000);
    expect(packed.size).toBeLessThan(400_000);
  });

  it('has what npm publish needs (metadata, provenance-ready) and passes npm publish --dry-run', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const key of ['name', 'version', 'description', 'license', 'homepage', 'bugs', 'repository', 'engines', 'exports', 'sideEffects', 'files'])
      expect(manifest[key], key).toBeDefined();
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
    expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true });
    const out = execFileSync('npm', ['publish', '--dry-run', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toContain('+ apig-app-contract@');
  });

  it('depends on openapi-fetch only at run time', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).toEqual(['openapi-fetch']);
  });

  it('has a browser-safe entry: no node: imports, bundles for the browser', async () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const file of walk(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bprocess\./);
    }
    const result = await build({
      entryPoints: [join(ROOT, 'dist/src/index.js')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
  });

  it('apig-app-contract/generations holds every per-generation helper; the root keeps the same functions until 3.0.0', async () => {
    const generations: Record<string, unknown> = await import('apig-app-contract/generations');
    const root: Record<string, unknown> = await import('apig-app-contract');
    const perGeneration = (names: string[]) => names.filter((name) => /On(Shared|Dedicated)Gateway(V2)?$/.test(name)).sort();
    expect(Object.keys(generations).sort()).toEqual(perGeneration(Object.keys(root)));
    // 52 today: a change to this number is a change to the package's surface.
    expect(Object.keys(generations)).toHaveLength(52);
    for (const name of Object.keys(generations)) expect(generations[name], name).toBe(root[name]);
  });

  it('apig-app-contract/validation and /auth hold the synchronous validator and the signer; the root does not (a page that calls the client carries neither)', async () => {
    const root: Record<string, unknown> = await import('apig-app-contract');
    const validation: Record<string, unknown> = await import('apig-app-contract/validation');
    const auth: Record<string, unknown> = await import('apig-app-contract/auth');
    expect(Object.keys(validation).sort()).toEqual(['validateCreateAppRequest', 'validateRequestBody']);
    expect(Object.keys(auth).sort()).toEqual(['formatSdkDate', 'signRequest']);
    for (const name of [...Object.keys(validation), ...Object.keys(auth)]) expect(root[name], name).toBeUndefined();
    const issue = (validation.validateCreateAppRequest as (body: unknown) => { valid: boolean })({ name: '1app' });
    expect(issue.valid).toBe(false);
  });
});

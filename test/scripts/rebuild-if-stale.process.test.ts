// `npm start` rebuilds generated/ only when what it is made from changed, judged by content
// (generated/inputs.sha256), never by file times: after a git clone generated/ may look older
// than spec/. A fresh clone's `npm start` must not rebuild and must leave `git status` clean.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildIfStale, stalenessOf } from '../../scripts/dev/rebuild-if-stale.mjs';
import { startChild } from '../helpers/child-process.js';
import { gitSnapshot } from '../helpers/git-snapshot.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GENERATED = join(ROOT, 'generated');
const dir = mkdtempSync(join(tmpdir(), 'apig-stale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touchAll(path: string, time: Date) {
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) touchAll(join(path, name), time);
  else utimesSync(path, time, time);
}
const bytes = (root: string, file: string) => readFileSync(join(root, file));

describe('rebuildIfStale', () => {
  it('leaves a copy alone that is older than spec/ but has the same content', async () => {
    const copy = join(dir, 'old-times');
    cpSync(GENERATED, copy, { recursive: true });
    touchAll(copy, new Date('2000-01-01T00:00:00Z'));
    expect(stalenessOf(copy)).toBeUndefined();
    expect(await rebuildIfStale(copy)).toBe(false);
    expect(statSync(join(copy, 'openapi.json')).mtime.getUTCFullYear()).toBe(2000);
  });

  it('rebuilds a copy whose inputs changed to the same bytes, keeping PDFs printed from the same sheet, then leaves it alone', async () => {
    const copy = join(dir, 'changed');
    cpSync(GENERATED, copy, { recursive: true });
    writeFileSync(join(copy, 'inputs.sha256'), `${'0'.repeat(64)}\n`);
    writeFileSync(join(copy, 'openapi.json'), '{}');
    expect(stalenessOf(copy)).toMatch(/changed since generated\/ was built/);
    expect(await rebuildIfStale(copy)).toBe(true);
    for (const file of ['openapi.json', 'inputs.sha256', 'docs/zh-CN/index.html', 'review/review.pdf', 'review/zh-CN/review.pdf']) {
      expect(bytes(copy, file).equals(bytes(GENERATED, file)), file).toBe(true);
    }
    expect(await rebuildIfStale(copy)).toBe(false);
  }, 90_000);

  it('builds generated/ when it is missing', async () => {
    expect(stalenessOf(join(dir, 'missing'))).toBe('generated/ is missing');
    expect(await rebuildIfStale(join(dir, 'missing'))).toBe(true);
  }, 90_000);
});

describe('an up-to-date npm start', () => {
  it('loads neither the generator nor its tools (1.3 s): the mock starts as fast as the bare bin', () => {
    // A resolve hook records every module the child loads.
    const hooks = join(dir, 'hooks');
    mkdirSync(hooks, { recursive: true });
    writeFileSync(
      join(hooks, 'hooks.mjs'),
      "import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(process.env.LOADED_LOG, result.url + '\\n');\n  return result;\n}\n",
    );
    writeFileSync(join(hooks, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
    const log = join(hooks, 'loaded.txt');
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        join(hooks, 'register.mjs'),
        '--input-type=module',
        '-e',
        "const { rebuildIfStale } = await import('./scripts/dev/rebuild-if-stale.mjs'); console.log(await rebuildIfStale());",
      ],
      { cwd: ROOT, env: { ...process.env, LOADED_LOG: log }, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('false');
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((url) => url.endsWith('/scripts/generate/inputs-digest.mjs'))).toBe(true); // the hook saw the imports
    expect(loaded.filter((url) => /scripts\/generate\/index\.mjs|openapi-typescript|@redocly|print-pdf|playwright/.test(url))).toEqual([]);
  });
});

describe('npm start on a fresh clone', () => {
  it('does not rebuild, answers, and leaves git status clean, whatever the file times', async () => {
    // The project as a clone has it (tracked and new files), with generated/ older than spec/.
    const clone = gitSnapshot(join(dir, 'clone'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8' });
    touchAll(join(clone, 'generated'), new Date('2000-01-01T00:00:00Z'));
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));

    const started = await startChild('npm', ['start', '--', '--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+)/, { cwd: clone });
    try {
      expect(started.output()).not.toMatch(/rebuilding/);
      const reply = await fetch(`${started.match[1]}/openapi.json`);
      expect(reply.status).toBe(200);
    } finally {
      await started.stop();
    }
    expect(git('status', '--porcelain')).toBe('');
  }, 60_000);
});

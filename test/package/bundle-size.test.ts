// What a browser page that uses the client downloads, built by real bundlers (rolldown, Vite 8's;
// and esbuild) with code splitting and minified, each file gzipped: the page runs (in Node, with a fetch that
// answers as the gateway would) and what it loads is recorded, not guessed from the graph.
// Bounds are on min+gzip bytes; they hold what the client weighs today (docs/client.md#bundle-size).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { rolldown } from 'rolldown';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = join(ROOT, 'src', 'index.ts');
const work = mkdtempSync(join(tmpdir(), 'apig-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The bounds, in bytes of min+gzip. */
const BOUNDS = {
  /** createApigClient and one helper, a call with a token: what the page loads up front and for the call (issue 29's bound). */
  oneHelperCall: 5_000,
  /** The same page with AK/SK: the signer comes with the client. */
  oneHelperCallAkSk: 8_300,
  /** `import * as apig from 'apig-app-contract'`: everything the root exports, before any call (issue 29's bound). */
  wholeEntry: 10_000,
  /** The first page built with esbuild: its entry and the error classes it cannot leave out (below). */
  esbuildOneHelperCall: 6_400,
  /** The whole entry built with esbuild. */
  esbuildWholeEntry: 10_000,
};

// A module that records every file Node loads (in its loader thread), so a run says which chunks a page fetched.
writeFileSync(
  join(work, 'record.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.LOADED_LOG, url + '\\n');
  return next(url, context);
}
`,
);
writeFileSync(join(work, 'register.mjs'), `import { register } from 'node:module';\nregister('./record.mjs', import.meta.url);\n`);

const APP = { id: 'a1', name: 'app_001', remark: '', status: 1, app_key: 'k', app_secret: 's', creator: 'USER', register_time: 't', update_time: 't' };

// The gateway and the page's report, loaded before the page and not bundled: what is measured is
// the page's own few lines and what they import. The page uses the global fetch, as a page does;
// this one answers as the gateway would (201 and an APP) and records what was sent.
writeFileSync(
  join(work, 'gateway.mjs'),
  `const sent = [];
globalThis.fetch = async (request) => {
  sent.push({ url: request.url, signed: request.headers.has('x-sdk-date') });
  return new Response(JSON.stringify(${JSON.stringify(APP)}), { status: 201, headers: { 'content-type': 'application/json' } });
};
globalThis.report = (result) =>
  console.log(JSON.stringify({ ok: result.ok, rules: result.ok ? [] : result.error.issues.map((i) => i.field + ' ' + i.rule), sent }));
`,
);

/** A page calling createAppOnDedicatedGateway with `auth` and `body`. */
function helperPage(auth: object, body: object): string {
  return `import { createApigClient, createAppOnDedicatedGateway } from ${JSON.stringify(ENTRY)};
const client = createApigClient({ baseUrl: 'https://apig.cn-north-4.myhuaweicloud.com', auth: ${JSON.stringify(auth)} });
report(await createAppOnDedicatedGateway(client, { projectId: 'p1', instanceId: 'i1' }, ${JSON.stringify(body)}));
`;
}

const WHOLE_PAGE = `import * as apig from ${JSON.stringify(ENTRY)};\nconsole.log(JSON.stringify({ ok: true, exports: Object.keys(apig).length }));\n`;

interface Run {
  /** What the page printed. */
  printed: { ok: boolean; rules?: string[]; sent?: { url: string; signed: boolean }[]; exports?: number };
  /** The chunks it loaded, and their min+gzip bytes. */
  loaded: { file: string; gzip: number; code: string }[];
  gzip: number;
  /** Every chunk the build made: what the page could ever load. */
  everything: number;
}

/** Bundles the page in `dir` with rolldown (Vite 8's bundler) into `dir/out`: split, minified. */
async function withRolldown(dir: string): Promise<void> {
  const bundle = await rolldown({
    input: join(dir, 'page.mjs'),
    platform: 'browser',
    logLevel: 'silent',
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
  });
  await bundle.write({ dir: join(dir, 'out'), format: 'esm', minify: true });
  await bundle.close();
}

/** The same with esbuild. */
async function withEsbuild(dir: string): Promise<void> {
  await esbuild({
    entryPoints: [join(dir, 'page.mjs')],
    outdir: join(dir, 'out'),
    outExtension: { '.js': '.js' },
    entryNames: 'page',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    logLevel: 'silent',
  });
}

/** Bundles `source` as a browser page (split, minified), runs it and records what it loaded. */
async function buildAndRun(name: string, source: string, bundle = withRolldown): Promise<Run> {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'page.mjs'), source);
  await bundle(dir);
  const files = readdirSync(join(dir, 'out')).filter((file) => file.endsWith('.js'));
  const gzipOf = new Map(files.map((file) => [file, gzipSync(readFileSync(join(dir, 'out', file)), { level: 9 }).length]));
  const log = join(dir, 'loaded.log');
  writeFileSync(log, '');
  const stdout = execFileSync(
    process.execPath,
    ['--import', pathToFileURL(join(work, 'register.mjs')).href, '--import', pathToFileURL(join(work, 'gateway.mjs')).href, join(dir, 'out', 'page.js')],
    {
      env: { ...process.env, LOADED_LOG: log },
      encoding: 'utf8',
    },
  );
  const loaded = [...new Set(readFileSync(log, 'utf8').split('\n'))]
    .filter((url) => url.startsWith(pathToFileURL(join(dir, 'out')).href))
    .map((url) => {
      const file = url.slice(pathToFileURL(join(dir, 'out')).href.length + 1);
      return { file, gzip: gzipOf.get(file) ?? Number.NaN, code: readFileSync(join(dir, 'out', file), 'utf8') };
    });
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
  return { printed: JSON.parse(stdout.trim().split('\n').pop()!), loaded, gzip: sum(loaded.map((l) => l.gzip)), everything: sum(gzipOf.values()) };
}

/** Whether any loaded chunk holds `text` (a string only that code has). */
const loads = (run: Run, text: string) => run.loaded.some((chunk) => chunk.code.includes(text));
/** The signer's own string, the issue wording's, a refusal's, a body rule's words (Create APP's name rule) and its pattern. */
const SIGNER = 'SDK-HMAC-SHA256';
const WORDING = 'did you mean';
const REFUSAL = 'was not sent';
const NAME_RULE = '只能以英文和汉字开头';
const NAME_PATTERN = '[A-Za-z0-9_一-龥]{2,63}';
/** Where the page's Create APP goes, and what a page with a token prints: the APP made, the call sent unsigned. */
const CREATE_APP_URL = 'https://apig.cn-north-4.myhuaweicloud.com/v1/p1/apigw/instances/i1/apps';
const SENT_WITH_TOKEN = { ok: true, rules: [], sent: [{ url: CREATE_APP_URL, signed: false }] };
const APP_KEY_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$';

describe('a page that imports createApigClient and one helper (rolldown, split, min+gzip)', () => {
  it('with a token: loads the client, openapi-fetch and Create APP’s schema; not the signer, the rules’ words nor any failure’s wording', async () => {
    const run = await buildAndRun('token', helperPage({ token: 'a-token' }, { name: 'app_001' }));
    expect(run.printed).toEqual(SENT_WITH_TOKEN);
    expect(loads(run, NAME_PATTERN)).toBe(true);
    expect(loads(run, NAME_RULE)).toBe(false);
    expect(loads(run, SIGNER)).toBe(false);
    expect(loads(run, WORDING)).toBe(false);
    expect(loads(run, REFUSAL)).toBe(false);
    console.log(
      `one helper, a call with a token: ${run.gzip} B min+gzip loaded (${run.loaded.length} files); ${run.everything} B in every chunk the build made`,
    );
    expect(run.gzip).toBeLessThanOrEqual(BOUNDS.oneHelperCall);
  });

  it('with AK/SK: the signer comes too, and the request is signed', async () => {
    const run = await buildAndRun('aksk', helperPage({ ak: 'AK0123456789', sk: 'SK-not-a-real-one' }, { name: 'app_001' }));
    expect(run.printed.ok).toBe(true);
    expect(run.printed.sent).toEqual([{ url: CREATE_APP_URL, signed: true }]);
    expect(loads(run, SIGNER)).toBe(true);
    console.log(`one helper, a call with AK/SK: ${run.gzip} B min+gzip loaded`);
    expect(run.gzip).toBeLessThanOrEqual(BOUNDS.oneHelperCallAkSk);
  });

  it('a body that breaks a rule: the rules’ words and the wording are loaded then, the issue named, nothing sent', async () => {
    const run = await buildAndRun('refused', helperPage({ token: 'a-token' }, { name: '1app', appKey: 'x' }));
    expect(run.printed).toEqual({ ok: false, rules: ['name characters', 'appKey unknown'], sent: [] });
    expect(loads(run, WORDING)).toBe(true);
    expect(loads(run, NAME_RULE)).toBe(true);
    expect(loads(run, REFUSAL)).toBe(true);
    expect(loads(run, SIGNER)).toBe(false);
  });
});

describe('the same pages built with esbuild (split, minified)', () => {
  // esbuild keeps, with code splitting, a bare import of every module the root re-exports that
  // lazy code shares (evanw/esbuild#2922): the error classes (src/errors.ts) load up front.
  it('one helper, a call with a token: the call is sent unsigned, the signer and the refusal wording stay out', async () => {
    const run = await buildAndRun('esbuild-token', helperPage({ token: 'a-token' }, { name: 'app_001' }), withEsbuild);
    expect(run.printed).toEqual(SENT_WITH_TOKEN);
    // (esbuild writes non-ASCII characters as \u escapes: the schema is found by its AppKey pattern.)
    expect(loads(run, APP_KEY_PATTERN)).toBe(true);
    expect(loads(run, SIGNER)).toBe(false);
    expect(loads(run, WORDING)).toBe(false);
    console.log(`esbuild, one helper, a call with a token: ${run.gzip} B min+gzip loaded (${run.loaded.length} files)`);
    expect(run.gzip).toBeLessThanOrEqual(BOUNDS.esbuildOneHelperCall);
  });

  it('the whole entry', async () => {
    const run = await buildAndRun('esbuild-whole', WHOLE_PAGE, withEsbuild);
    expect(run.printed.ok).toBe(true);
    expect(loads(run, SIGNER)).toBe(false);
    console.log(`esbuild, whole entry: ${run.gzip} B min+gzip loaded up front`);
    expect(run.gzip).toBeLessThanOrEqual(BOUNDS.esbuildWholeEntry);
  });
});

it('the whole entry: everything the root exports, loaded before any call; not the synchronous validator nor the signer', async () => {
  const run = await buildAndRun('whole', WHOLE_PAGE);
  expect(run.printed.ok).toBe(true);
  expect(loads(run, SIGNER)).toBe(false);
  expect(loads(run, NAME_RULE)).toBe(false);
  console.log(`whole entry: ${run.gzip} B min+gzip loaded up front; ${run.everything} B in every chunk`);
  expect(run.gzip).toBeLessThanOrEqual(BOUNDS.wholeEntry);
});

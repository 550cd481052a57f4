// A client team's first hour, as the README tells it: a project that installed the packed
// tarball (`npm install ./apig-app-contract-<version>.tgz`) runs each "Calling Create APP" example
// exactly as printed with `npx tsx`, with only APIG_BASE_URL set, against a fresh mock started
// as `npm start` starts it; and each generator recipe of "Generate a client in your language"
// runs line by line exactly as printed, in a project of its own, then its output compiles under
// tsc --strict.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/tools.mjs';
import { startChild, type RunningChild } from '../helpers/child-process.js';
import { README_EXAMPLES, codeBlocks, readmeSection } from '../helpers/readme.js';

const dir = mkdtempSync(join(tmpdir(), 'apig-readme-'));
// Installs use npm's cache first (CI has every package in it after `npm ci`): the commands are
// the README's, the cache only saves the download.
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
/** A tester's shell: PATH and HOME, npm's cache settings, and only what the README says to set. */
const shell = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH!, HOME: process.env.HOME!, ...NPM_ENV, ...extra });
const run = (cwd: string, line: string, extra: Record<string, string> = {}) => execFileSync('bash', ['-e', '-c', line], { cwd, env: shell(extra), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

/** The README's Install line names the tarball `npm pack` makes of this version. */
const TARBALL = `apig-app-contract-${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}.tgz`;
let tarball: string;
/** A new project with the package installed from the tarball, as the README's Install says. */
function project(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  execFileSync('cp', [tarball, path]);
  run(path, `npm install ./${TARBALL}`);
  return path;
}

beforeAll(() => {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [packed] = JSON.parse(out.slice(out.indexOf('\n[') + 1));
  expect(packed.filename).toBe(TARBALL);
  tarball = join(dir, packed.filename);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README: Calling Create APP, as printed', () => {
  let app: string;
  let mock: RunningChild;
  beforeAll(async () => {
    app = project('client-app');
    run(app, 'npm i -D tsx@4.23.15');
    // A fresh mock as `npm start` serves it: stateful, any credential.
    mock = await startChild(process.execPath, [join(ROOT, 'mock', 'cli.mjs'), '--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
  }, 240_000);
  afterAll(async () => {
    await mock?.stop();
  });

  const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
  const PRINTS = [new RegExp(`^${uuid} [0-9a-f]{32}\\n$`), new RegExp(`^${uuid}\\n$`), /^updated [0-9a-f]{32} \(201\)\ndeleted \(204\)\n$/, /^\{"app_id":"[0-9a-f]{32}","app_key":"[0-9a-f]{32}","app_secret":"[0-9a-f]{32}","app_code":"[0-9a-f]{64}","apis":\["5f918d104dc84480a75166ba99efff21","11cbec3a7a8345ca981b86d161bc436e"\]\}\n$/];

  it.each(README_EXAMPLES.map((e, i) => ({ ...e, prints: PRINTS[i]! })))('$name runs with only APIG_BASE_URL set and prints what the text says', ({ name, code, prints }) => {
    writeFileSync(join(app, `${name}.ts`), code);
    const stdout = run(app, `npx tsx ${name}.ts`, { APIG_BASE_URL: mock.match[1]! });
    expect(stdout).toMatch(prints);
  }, 60_000);
});

const recipes = codeBlocks(readmeSection('Generate a client in your language'), 'sh').filter((block) => block.includes('node_modules/apig-app-contract/'));

describe('README: the generator recipes, as printed', () => {
  it('has the four npm recipes', () => {
    expect(recipes.map((r) => /npx (?:--yes -p \S+ )?(\S+)/.exec(r.split('\n').find((l) => l.startsWith('npx'))!)?.[1])).toEqual(['openapi-ts', 'openapi-zod-client', 'typed-openapi', 'validate-api']);
  });

  it.each(recipes.map((block, i) => ({ block, name: `recipe-${i + 1}` })))('$name runs line by line in a project of its own', ({ block, name }) => {
    const path = project(name);
    let last = '';
    for (const line of block.split('\n').filter((l) => l && !l.startsWith('#'))) last = run(path, line);
    const output = /-o (\S+)/.exec(block)?.[1];
    if (!output) {
      // The document check prints its verdict.
      expect(JSON.parse(last)).toEqual({ valid: true });
      return;
    }
    const file = existsSync(join(path, output, 'zod.gen.ts')) ? join(output, 'zod.gen.ts') : output;
    expect(existsSync(join(path, file)), `${file} was not written`).toBe(true);
    // The recipe's own TypeScript (5.9.3), strict: every package the code imports is there.
    expect(run(path, `npx tsc --strict --noEmit --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck ${file}`)).toBe('');
  }, 300_000);
});

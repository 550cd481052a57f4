// A client team's first hour, as the docs tell it: a project made as docs/client.md's "Calling
// the APP API" says (`npm init -y`, which makes it CommonJS, then its install lines with the
// packed tarball for the package's name) runs each example exactly as printed with `npx tsx`,
// with only APIG_BASE_URL set, against a fresh mock started as `npm start` starts it, and
// type-checks it with the section's `npx tsc` line; and each generator recipe of
// docs/other-languages.md runs line by line exactly as printed, in a project of its own, then
// its output compiles under tsc --strict.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/tools.mjs';
import { startChild, type RunningChild } from '../helpers/child-process.js';
import { CLIENT_EXAMPLES, CLIENT_PAGE, CLIENT_SECTION, codeBlocks, docSection, docText } from '../helpers/readme.js';

const dir = mkdtempSync(join(tmpdir(), 'apig-readme-'));
// Installs use npm's cache first (CI has every package in it after `npm ci`): the commands are
// the docs', the cache only saves the download.
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
/** A tester's shell: PATH and HOME, npm's cache settings, and only what the docs say to set. */
const shell = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH!, HOME: process.env.HOME!, ...NPM_ENV, ...extra });
const run = (cwd: string, line: string, extra: Record<string, string> = {}) =>
  execFileSync('bash', ['-e', '-c', line], { cwd, env: shell(extra), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

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

const calling = docSection(CLIENT_PAGE, CLIENT_SECTION);
/** The section's project setup: its first ```sh block (`npm init -y` and the install lines). */
const SETUP = codeBlocks(calling, 'sh')[0]!
  .split('\n')
  .filter((line) => line && !line.startsWith('#'));
/** The section's type-check line, for `example.ts`. */
const TSC_LINE = /`(npx tsc [^`]+ example\.ts)`/.exec(calling)?.[1];

describe(`${CLIENT_PAGE}: ${CLIENT_SECTION}, as printed`, () => {
  let app: string;
  let mock: RunningChild;
  beforeAll(async () => {
    app = join(dir, 'client-app');
    mkdirSync(app, { recursive: true });
    execFileSync('cp', [tarball, app]);
    // Each line as printed; the package's name in an install line becomes the packed tarball.
    for (const line of SETUP) run(app, line.replace(/(^npm (?:install|i) (?:.* )?)apig-app-contract(?=\s|$)/, `$1./${TARBALL}`));
    // A fresh mock as `npm start` serves it: stateful, any credential.
    mock = await startChild(process.execPath, [join(ROOT, 'mock', 'cli.mjs'), '--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
  }, 300_000);
  afterAll(async () => {
    await mock?.stop();
  });

  it('makes the project the usual way: npm init -y (CommonJS), the package, and what runs and type-checks TypeScript', () => {
    expect(SETUP[0]).toBe('npm init -y');
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    expect(manifest.type).toBe('commonjs'); // what the issue saw: top-level await fails here
    expect(manifest.dependencies).toEqual({ 'apig-app-contract': expect.stringContaining(TARBALL) });
    expect(Object.keys(manifest.devDependencies).sort()).toEqual(['@types/node', 'tsx', 'typescript']);
    expect(TSC_LINE).toMatch(/^npx tsc .*--strict/);
  });

  const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
  // The AK/SK example creates on v2, whose app_key is 32 hex digits (v1's would be a UUID); the
  // lifecycle example, on the same v2 instance, then lists the APP it made.
  const PRINTS = [
    new RegExp(`^${uuid} [0-9a-f]{32}\\n$`),
    /^[0-9a-f]{32}\n$/,
    /^updated [0-9a-f]{32} \(201\)\ndeleted \(204\)\n测试应用_01\n$/,
    /^\{"app_id":"[0-9a-f]{32}","app_key":"[0-9a-f]{32}","app_secret":"[0-9a-f]{32}","app_code":"[0-9a-f]{64}","apis":\["5f918d104dc84480a75166ba99efff21","11cbec3a7a8345ca981b86d161bc436e"\],"allowed":\["10\.0\.0\.0\/8","192\.168\.0\.5-192\.168\.0\.10"\],"quota":"[0-9a-f]{32}"\}\n$/,
  ];

  it.each(CLIENT_EXAMPLES.map((e, i) => ({ ...e, prints: PRINTS[i]! })))(
    '$name runs with only APIG_BASE_URL set, prints what the text says, and type-checks with the page’s tsc line',
    ({ name, code, prints }) => {
      writeFileSync(join(app, `${name}.ts`), code);
      const stdout = run(app, `npx tsx ${name}.ts`, { APIG_BASE_URL: mock.match[1]! });
      expect(stdout).toMatch(prints);
      expect(run(app, TSC_LINE!.replace(/example\.ts$/, `${name}.ts`))).toBe('');
    },
    120_000,
  );

  it('the AK/SK example created its APP on v2, the current generation', async () => {
    const list = await fetch(`${mock.match[1]}/v2/my-project-id/apigw/instances/my-instance-id/apps?name=${encodeURIComponent('测试应用_01')}`, {
      headers: { 'x-auth-token': 't' },
    });
    expect((await list.json()).total).toBe(1);
    const v1 = await fetch(`${mock.match[1]}/v1/my-project-id/apigw/instances/my-instance-id/apps?name=${encodeURIComponent('测试应用_01')}`, {
      headers: { 'x-auth-token': 't' },
    });
    expect((await v1.json()).total).toBe(0);
  });

  describe('the credentials, by the names the text gives, against a mock that checks them (--credentials --stateless)', () => {
    let checking: RunningChild;
    const pair = { ak: 'READMEAK000000001', sk: 'readme-secret-key-0123456789' };
    beforeAll(async () => {
      writeFileSync(join(dir, 'readme-creds.json'), JSON.stringify({ tokens: ['readme-token'], aksk: [pair] }));
      checking = await startChild(
        process.execPath,
        [join(ROOT, 'mock', 'cli.mjs'), '--port', '0', '--stateless', '--credentials', join(dir, 'readme-creds.json')],
        /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      );
    }, 60_000);
    afterAll(async () => {
      await checking?.stop();
    });
    /** An example run with these variables: what it printed, and where. */
    const runWith = (index: number, env: Record<string, string>) => {
      const name = CLIENT_EXAMPLES[index]!.name;
      const result = spawnSync('bash', ['-e', '-c', `npx tsx ${name}.ts`], {
        cwd: app,
        env: shell({ APIG_BASE_URL: checking.match[1]!, ...env }),
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { stdout: result.stdout, stderr: result.stderr };
    };

    it('the token: HUAWEICLOUD_SDK_TOKEN, or IAM_TOKEN (its earlier name); HUAWEICLOUD_SDK_TOKEN wins when both are set', () => {
      expect(runWith(0, { HUAWEICLOUD_SDK_TOKEN: 'readme-token' }).stdout).toMatch(PRINTS[0]!);
      expect(runWith(0, { IAM_TOKEN: 'readme-token' }).stdout).toMatch(PRINTS[0]!);
      // Both set: the SDK name is the one sent (the right token under the old name does not save a wrong one).
      const refused = runWith(0, { HUAWEICLOUD_SDK_TOKEN: 'not-the-token', IAM_TOKEN: 'readme-token' });
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^api \S+ \(HTTP 401\): /);
    }, 120_000);

    it('AK/SK: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK', () => {
      expect(runWith(1, { HUAWEICLOUD_SDK_AK: pair.ak, HUAWEICLOUD_SDK_SK: pair.sk }).stdout).toMatch(PRINTS[1]!);
      const refused = runWith(1, { HUAWEICLOUD_SDK_AK: pair.ak, HUAWEICLOUD_SDK_SK: 'not-the-secret-key' });
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^401 \S+ \S+\n$/);
    }, 120_000);
  });
});

const recipes = codeBlocks(docText('docs/other-languages.md'), 'sh').filter((block) => block.includes('node_modules/apig-app-contract/'));

describe('docs/other-languages.md: the generator recipes, as printed', () => {
  it('has the four npm recipes', () => {
    expect(recipes.map((r) => /npx (?:--yes -p \S+ )?(\S+)/.exec(r.split('\n').find((l) => l.startsWith('npx'))!)?.[1])).toEqual([
      'openapi-ts',
      'openapi-zod-client',
      'typed-openapi',
      'validate-api',
    ]);
  });

  it.each(recipes.map((block, i) => ({ block, name: `recipe-${i + 1}` })))(
    '$name runs line by line in a project of its own',
    ({ block, name }) => {
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
    },
    300_000,
  );
});

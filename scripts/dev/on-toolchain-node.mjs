// `node scripts/dev/on-toolchain-node.mjs <npm script> [-- args]`: runs an npm script on the
// toolchain's Node line (22). On a machine whose Node is another line (CI's is 20, end of life),
// that line's binary comes from the npm registry (./node-binaries.mjs) and goes first on PATH, so
// npm, every script and every child process the script starts run on it. On 22 it runs as is.
// APIG_MACHINE_NODE names the machine's own node for test:node-lines.
import { spawnSync } from 'node:child_process';
import { delimiter } from 'node:path';
import { LINES, TOOLCHAIN_LINE, lineOf, nodeBinDir } from './node-binaries.mjs';
import { ROOT } from '../tools.mjs';

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/dev/on-toolchain-node.mjs <npm script> [-- args]');
  process.exit(2);
}
let env = process.env;
if (lineOf() !== TOOLCHAIN_LINE) {
  try {
    const line = LINES.find((l) => l.line === TOOLCHAIN_LINE);
    if (!line) throw new Error(`no pinned Node ${TOOLCHAIN_LINE} in scripts/dev/node-binaries.mjs`);
    const bin = nodeBinDir(line);
    env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, APIG_MACHINE_NODE: process.env.APIG_MACHINE_NODE ?? process.execPath };
    console.error(`${script}: on Node ${TOOLCHAIN_LINE} (the toolchain's line; this machine has ${process.version})`);
  } catch (error) {
    console.error(`${script}: could not get Node ${TOOLCHAIN_LINE} for the toolchain: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
const result = spawnSync('npm', ['run', script, ...args], { cwd: ROOT, env, stdio: 'inherit' });
process.exit(result.status ?? 1);

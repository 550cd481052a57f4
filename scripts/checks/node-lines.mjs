// `npm run test:node-lines [-- 20|22|24|26]`: the shipped parts' suites (auth, client, mock,
// package install) on the Node lines users run, beside the toolchain's line (22), which `npm test`
// runs every suite on. Each line's binary comes from the npm registry (../dev/node-binaries.mjs);
// the machine's own node serves for its line when it is the pinned version.
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { LINES, lineOf, nodeBinDir } from '../dev/node-binaries.mjs';
import { ROOT, binOf } from '../tools.mjs';

/** What the package ships, tested in-process and from the packed tarball. */
export const SHIPPED_SUITES = ['test/auth', 'test/client', 'test/mock', 'test/package'];

/**
 * The machine's own node's directory, when it is exactly `line`'s pinned version (no download then).
 * @param {import('../dev/node-binaries.mjs').NodeLine} line
 */
function machineBinFor(line) {
  const machine = process.env.APIG_MACHINE_NODE ?? process.execPath;
  const version = spawnSync(machine, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  return version === `v${line.version}` ? dirname(machine) : undefined;
}

/** @param {string[]} wanted the lines named (none: every line but those on request and the one running this) */
function main(wanted) {
  const unknown = wanted.filter((line) => !LINES.some((l) => l.line === line));
  if (unknown.length > 0)
    throw new Error(
      `unknown Node line ${unknown.join(', ')}: the lines here are ${LINES.map((l) => l.line).join(', ')} (the toolchain's Node runs every suite in npm test)`,
    );
  // By default every claimed line but the one running this (the toolchain's, which ran every suite).
  const lines = wanted.length > 0 ? LINES.filter((l) => wanted.includes(l.line)) : LINES.filter((l) => !l.onRequest && l.line !== lineOf());
  const vitest = binOf('vitest', 'vitest');
  const failed = [];
  for (const line of lines) {
    const bin = machineBinFor(line) ?? nodeBinDir(line);
    const reported = `v${line.version}`;
    console.log(`\nnode-lines: ${SHIPPED_SUITES.join(', ')} on Node ${reported}`);
    // The line's node first on PATH: the mock's bin, npm and every child the suites start use it.
    const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` };
    const suite = spawnSync(join(bin, 'node'), [vitest, 'run', '--project', 'unit', '--project', 'processes', ...SHIPPED_SUITES], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
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
  console.error(`node-lines: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

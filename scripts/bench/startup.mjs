// Start to first answer, the way users start the mock, next to plain `prism mock` started
// both ways its users start it, in the same run: a tester's CI starts the mock on every run.
// Each command is started 5 times, in turn with the others (the machine's noise spreads over
// all of them), and the median kept. Every start is a new process group, killed whole (npm
// starts the mock as its child).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../dev/child-process.mjs';
import { GENERATED, ROOT, binOf } from '../tools.mjs';

const STARTS = Number(process.env.BENCH_STARTS ?? 5);
/** @param {number[]} values not empty */
const median = (values) => /** @type {number} */ ([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);

/**
 * A tester's project: the packed package with Prism's engine, and plain Prism's CLI beside it,
 * so `npx` is timed over a project's tree of the usual size (in this repository npm walks a
 * thousand dev packages first, which no user pays).
 */
function userProject() {
  const dir = mkdtempSync(join(tmpdir(), 'apig-bench-startup-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'tester', private: true, type: 'module' }));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [packed] = JSON.parse(out.slice(out.indexOf('\n[') + 1));
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, packed.filename), '@stoplight/prism-http@5.12.0', '@stoplight/prism-cli@5.14.2'],
    { cwd: dir, stdio: 'ignore' },
  );
  return dir;
}

/**
 * The commands timed.
 * @typedef {'npm start' | 'npm run mock' | 'npx apig-app-mock' | 'apig-app-mock (the bin, no npm)' | 'plain prism mock (the bin, no npm)' | 'plain npx prism mock'} StartupName
 */

/**
 * A command as users type it, with where they type it; `port` is filled in.
 * @typedef {{ cwd: string, argv: (port: string) => string[] }} StartCommand
 */

/**
 * The commands, as users type them, with where they type them; `port` is filled in.
 * @param {string} project a tester's project (userProject)
 * @returns {Record<StartupName, StartCommand>}
 */
export function startupCommands(project) {
  const prismBin = binOf('@stoplight/prism-cli', 'prism');
  const document = join(GENERATED, 'openapi.yaml');
  return {
    'npm start': { cwd: ROOT, argv: (port) => ['npm', 'start', '--', '--port', port] },
    'npm run mock': { cwd: ROOT, argv: (port) => ['npm', 'run', 'mock', '--', '--port', port] },
    'npx apig-app-mock': { cwd: project, argv: (port) => ['npx', '--no-install', 'apig-app-mock', '--port', port] },
    'apig-app-mock (the bin, no npm)': { cwd: ROOT, argv: (port) => [process.execPath, join(ROOT, 'mock', 'cli.mjs'), '--port', port] },
    'plain prism mock (the bin, no npm)': { cwd: ROOT, argv: (port) => [process.execPath, prismBin, 'mock', document, '--host', '127.0.0.1', '--port', port] },
    'plain npx prism mock': { cwd: project, argv: (port) => ['npx', '--no-install', 'prism', 'mock', document, '--host', '127.0.0.1', '--port', port] },
  };
}

/**
 * Milliseconds from spawning the command to the first 2xx answer of a create on `port`.
 * @param {StartCommand} command
 * @param {number} port
 */
async function timeToFirstAnswer({ cwd, argv }, port) {
  const [file, ...args] = /** @type {[string, ...string[]]} */ (argv(String(port)));
  const started = performance.now();
  const child = spawn(file, args, { cwd, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/v1.0/apigw/apps?page_size=1`, { headers: { 'x-auth-token': 'bench-token' } });
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error(`${file} ${args.join(' ')}: no answer within 60 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    try {
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * `{ name: median ms }` for every command of startupCommands.
 * @returns {Promise<Record<StartupName, number>>}
 */
export async function benchStartup() {
  const project = userProject();
  try {
    const commands = startupCommands(project);
    /** @type {Record<string, number[]>} */
    const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
    for (let round = 0; round < STARTS; round++) {
      for (const [name, command] of Object.entries(commands)) /** @type {number[]} */ (times[name]).push(await timeToFirstAnswer(command, await freePort()));
    }
    return /** @type {Record<StartupName, number>} */ (Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)])));
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

// Starts a long-running child (the mock CLI, plain Prism), waits for the line that says it
// is ready, and makes sure it is killed however the caller ends. Used by tests and benches.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A port that was free a moment ago, on 127.0.0.1 (for tools that cannot take port 0).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Process groups started here and not stopped yet: killed when this process exits, however it exits.
 * @type {Set<number>}
 */
const running = new Set();
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
});

/**
 * @param {string} command
 * @param {string[]} args
 * @param {RegExp} ready matched against everything the child printed so far
 * @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv, cwd?: string }} [options]
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, match: RegExpMatchArray, output: () => string, stop: (signal?: NodeJS.Signals) => Promise<number | null> }>}
 */
export async function startChild(command, args, ready, { timeoutMs = 30_000, env = {}, cwd } = {}) {
  // Its own process group: `npm start` and `npx` run the mock as a grandchild, which a signal to
  // npm alone left running after the test; the whole group is signalled instead.
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(cwd ? { cwd } : {}) });
  // (A child that could not be spawned has no pid: it exits at once, with an error.)
  const pid = /** @type {number} */ (child.pid);
  running.add(pid);
  let output = '';
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  /** @param {NodeJS.Signals} signal */
  const signalGroup = (signal) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone already
    }
  };
  /** @param {NodeJS.Signals} [signal] */
  const stop = async (signal = 'SIGTERM') => {
    signalGroup(signal);
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    const code = await exited;
    clearTimeout(timer);
    // What the leader left behind (npm's child) goes with it.
    signalGroup('SIGKILL');
    running.delete(pid);
    return code;
  };
  try {
    /** @type {RegExpMatchArray} */
    const match = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
      /** @param {Buffer} chunk */
      const onData = (chunk) => {
        output += chunk.toString();
        const m = output.match(ready);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        }
      };
      // Both piped (stdio above).
      /** @type {import('node:stream').Readable} */ (child.stdout).on('data', onData);
      /** @type {import('node:stream').Readable} */ (child.stderr).on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited (${code}) before it was ready:\n${output}`));
      });
    });
    return { child, match, output: () => output, stop };
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  }
}

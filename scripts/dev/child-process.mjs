// Starts a long-running child (the mock CLI, plain Prism), waits for the line that says it
// is ready, and makes sure it is killed however the caller ends. Used by tests and benches.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A port that was free a moment ago, on 127.0.0.1 (for tools that cannot take port 0). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Process groups started here and not stopped yet: killed when this process exits, however it exits. */
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
  running.add(child.pid);
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is gone already
    }
  };
  const stop = async (signal = 'SIGTERM') => {
    signalGroup(signal);
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    const code = await exited;
    clearTimeout(timer);
    // What the leader left behind (npm's child) goes with it.
    signalGroup('SIGKILL');
    running.delete(child.pid);
    return code;
  };
  try {
    const match = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = (chunk) => {
        output += chunk.toString();
        const m = output.match(ready);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
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

// The stateful mock under load with 10,000 APPs stored: creates and lists per second, and the
// cost of a list with 10,000 stored next to one with 10; plain `prism mock` (stateless, the
// page's example) on the same requests in the same run; and the time from starting each to
// its first answer (a tester's CI starts the mock on every run).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startMockServer } from '../../mock/server.mjs';
import { freePort } from '../child-process.mjs';
import { plainPrism } from './mock-throughput.mjs';
import { GENERATED, binOf } from '../tools.mjs';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const TOKEN = { 'x-auth-token': 'bench-token' };
const BASE = '/v2/p1/apigw/instances/i1/apps';
const STARTS = 5;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const CLI = fileURLToPath(new URL('../../mock/cli.mjs', import.meta.url));

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: 10, duration: DURATION_S, ...options }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    });
  });
}

/** Creates with a new name each time (a taken name would be a 400). */
function creates(url, prefix) {
  let n = 0;
  return run({
    url: `${url}${BASE}`,
    method: 'POST',
    headers: { ...TOKEN, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ name: `${prefix}_${n++}` }) }) }],
  });
}
const lists = (url) => run({ url: `${url}${BASE}?limit=20`, method: 'GET', headers: TOKEN });

/** Milliseconds from spawning `args` to the first 2xx answer of a list on `port`. */
async function timeToFirstAnswer(args, port) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}${BASE}`, { headers: TOKEN });
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error(`${args.join(' ')}: no answer within 60 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGKILL');
  }
}

export async function benchStatefulMock() {
  const stored = Array.from({ length: 10_000 }, (_, i) => ({ name: `stored_${i}` }));
  const results = {};
  const full = await startMockServer({ port: 0, quota: 1_000_000, seed: [{ tenant: 'v2 p1 i1', apps: stored }] });
  try {
    await lists(full.url); // warm-up, discarded
    results['stateful mock, 10,000 stored'] = { creates: await creates(full.url, 'bench'), lists: await lists(full.url) };
  } finally {
    await full.close();
  }
  const small = await startMockServer({ port: 0, seed: [{ tenant: 'v2 p1 i1', apps: stored.slice(0, 10) }] });
  try {
    await lists(small.url);
    results['stateful mock, 10 stored'] = { lists: await lists(small.url) };
  } finally {
    await small.close();
  }
  const prism = await plainPrism();
  try {
    await lists(prism.url);
    results['plain prism mock'] = { creates: await run({ url: `${prism.url}${BASE}`, method: 'POST', headers: { ...TOKEN, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench_app' }) }), lists: await lists(prism.url) };
  } finally {
    await prism.close();
  }
  // Start-up is noisy on a busy machine: the median of a few starts, taken in turn.
  const starts = { ours: [], theirs: [] };
  for (let i = 0; i < STARTS; i++) {
    const ours = await freePort();
    starts.ours.push(await timeToFirstAnswer([CLI, '--port', String(ours)], ours));
    const theirs = await freePort();
    starts.theirs.push(await timeToFirstAnswer([binOf('@stoplight/prism-cli', 'prism'), 'mock', join(GENERATED, 'openapi.yaml'), '--host', '127.0.0.1', '--port', String(theirs)], theirs));
  }
  results.startup = { 'our mock (npx apig-app-mock)': median(starts.ours), 'plain prism mock': median(starts.theirs) };
  return results;
}

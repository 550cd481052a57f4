// The stateful mock under load with 10,000 APPs stored: creates and lists per second, and the
// cost of a list with 10,000 stored next to one with 10; plain `prism mock` (stateless, the
// page's example) on the same requests in the same run. (Start-up: ./startup.mjs.)
import autocannon from 'autocannon';
import { startMockServer } from '../../mock/server/index.mjs';
import { plainPrism } from './mock-throughput.mjs';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const TOKEN = { 'x-auth-token': 'bench-token' };
const BASE = '/v2/p1/apigw/instances/i1/apps';

/**
 * @param {import('autocannon').Options} options
 * @returns {Promise<import('./mock-throughput.mjs').Load>}
 */
function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: 10, duration: DURATION_S, ...options }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    });
  });
}

/**
 * Creates with a new name each time (a taken name would be a 400).
 * @param {string} url
 * @param {string} prefix
 */
function creates(url, prefix) {
  let n = 0;
  return run({
    url: `${url}${BASE}`,
    method: 'POST',
    headers: { ...TOKEN, 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ name: `${prefix}_${n++}` }) }) }],
  });
}
/** @param {string} url */
const lists = (url) => run({ url: `${url}${BASE}?limit=20`, method: 'GET', headers: TOKEN });

/**
 * Creates and lists per second (and p99) of the stateful mock (10,000 APPs stored, and 10) and
 * of plain Prism.
 * @typedef {import('./mock-throughput.mjs').Load} Load
 * @typedef {{ 'stateful mock, 10,000 stored': { creates: Load, lists: Load }, 'stateful mock, 10 stored': { lists: Load }, 'plain prism mock': { creates: Load, lists: Load } }} StatefulResults
 */

/** @returns {Promise<StatefulResults>} */
export async function benchStatefulMock() {
  const stored = Array.from({ length: 10_000 }, (_, i) => ({ name: `stored_${i}` }));
  /** @type {Record<string, { creates?: import('./mock-throughput.mjs').Load, lists: import('./mock-throughput.mjs').Load }>} */
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
    results['plain prism mock'] = {
      creates: await run({
        url: `${prism.url}${BASE}`,
        method: 'POST',
        headers: { ...TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'bench_app' }),
      }),
      lists: await lists(prism.url),
    };
  } finally {
    await prism.close();
  }
  return /** @type {StatefulResults} */ (results);
}

// Requests per second and latency of the mock under 10 concurrent connections, next to
// plain `prism mock` on the same document and a bare node:http server returning the same
// 201 (the machine's limit), all measured in this run.
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startMockServer } from '../../mock/server/index.mjs';
import { freePort, startChild } from '../dev/child-process.mjs';
import { SOURCE_REQUEST, startCreatedServer } from './created-server.mjs';
import { GENERATED, binOf } from '../tools.mjs';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const BODY = JSON.stringify(SOURCE_REQUEST);
const HEADERS = { 'content-type': 'application/json', 'x-auth-token': 'bench-token' };

/**
 * Requests per second and latency (ms) of a load run.
 * @typedef {{ rps: number, p50: number, p99: number }} Load
 */

/**
 * @param {string} url
 * @returns {Promise<Load>}
 */
function load(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${url}/v1.0/apigw/apps`, method: 'POST', headers: HEADERS, body: BODY, connections: 10, duration: DURATION_S }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    });
  });
}

/** Plain `prism mock` on the bundled document, as its users start it (also the state bench's baseline). */
/** @returns {Promise<{ url: string, close: () => Promise<unknown> }>} */
export async function plainPrism() {
  const port = await freePort();
  const prism = await startChild(
    process.execPath,
    [binOf('@stoplight/prism-cli', 'prism'), 'mock', join(GENERATED, 'openapi.yaml'), '--host', '127.0.0.1', '--port', String(port)],
    /Prism is listening/,
    { timeoutMs: 60_000 },
  );
  // Keep draining its log so a full pipe never slows it down.
  // (Both piped by startChild.)
  /** @type {import('node:stream').Readable} */ (prism.child.stdout).resume();
  /** @type {import('node:stream').Readable} */ (prism.child.stderr).resume();
  return { url: `http://127.0.0.1:${port}`, close: () => prism.stop('SIGKILL') };
}

/** @returns {Promise<Record<'bare node:http' | 'plain prism mock' | 'our mock', Load>>} */
export async function benchMock() {
  /** @type {Record<string, Load>} */
  const results = {};
  for (const [name, start] of /** @type {Array<[string, () => Promise<{ url: string, close: () => Promise<unknown> }>]>} */ ([
    ['bare node:http', startCreatedServer],
    ['plain prism mock', plainPrism],
    ['our mock', () => startMockServer({ port: 0, stateless: true })],
  ])) {
    const server = await start();
    try {
      await load(server.url); // warm-up run, discarded
      results[name] = await load(server.url);
    } finally {
      await server.close();
    }
  }
  return /** @type {Record<'bare node:http' | 'plain prism mock' | 'our mock', Load>} */ (results);
}

// The validating proxy's cost: latency it adds over calling the upstream directly (p50, p99, on
// loopback) and its throughput beside `prism proxy` in front of the same upstream, all measured
// in this run. The upstream is bare node:http answering the source page's 201, so what is
// measured is the proxies, not the upstream.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startProxy } from '../../mock/proxy/index.mjs';
import { freePort, startChild } from '../dev/child-process.mjs';
import { SOURCE_REQUEST, startCreatedServer } from './created-server.mjs';
import { GENERATED, binOf } from '../tools.mjs';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const BODY = JSON.stringify(SOURCE_REQUEST);
const HEADERS = { 'content-type': 'application/json', 'x-auth-token': 'bench-token' };

/**
 * @param {string} url
 * @param {number} connections
 * @returns {Promise<import('./mock-throughput.mjs').Load>}
 */
function load(url, connections) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${url}/v1.0/apigw/apps`, method: 'POST', headers: HEADERS, body: BODY, connections, duration: DURATION_S }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    });
  });
}

/** @param {string} upstream */
async function prismProxy(upstream) {
  const port = await freePort();
  const prism = await startChild(
    process.execPath,
    [
      binOf('@stoplight/prism-cli', 'prism'),
      'proxy',
      join(GENERATED, 'openapi.yaml'),
      upstream,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--errors',
      'false',
    ],
    /Prism is listening/,
    { timeoutMs: 60_000 },
  );
  // (Both piped by startChild.)
  /** @type {import('node:stream').Readable} */ (prism.child.stdout).resume();
  /** @type {import('node:stream').Readable} */ (prism.child.stderr).resume();
  return { url: `http://127.0.0.1:${port}`, close: () => prism.stop('SIGKILL') };
}

/** `redocly proxy --api` (Redocly CLI's HAR capture with live validation), in front of the same upstream. */
/**
 * @param {string} upstream
 * @param {string} dir where its HAR goes
 */
async function redoclyProxy(upstream, dir) {
  const port = await freePort();
  const redocly = await startChild(
    process.execPath,
    [
      binOf('@redocly/cli', 'redocly'),
      'proxy',
      '--target',
      upstream,
      '--port',
      String(port),
      '--har',
      join(dir, 'redocly.har'),
      '--api',
      join(GENERATED, 'openapi.json'),
      '--match-mode',
      'basepath',
    ],
    /Proxy listening on/,
    { timeoutMs: 60_000 },
  );
  /** @type {import('node:stream').Readable} */ (redocly.child.stdout).resume();
  /** @type {import('node:stream').Readable} */ (redocly.child.stderr).resume();
  return { url: `http://127.0.0.1:${port}`, close: () => redocly.stop('SIGKILL') };
}

/**
 * `{ latency: { direct, ours }, throughput: { direct, ours, redocly proxy, prism proxy } }`: one connection for latency, 10 for throughput.
 * @returns {Promise<{ latency: Record<'direct' | 'ours', import('./mock-throughput.mjs').Load>, throughput: Record<'direct' | 'ours' | 'redocly proxy' | 'prism proxy', import('./mock-throughput.mjs').Load>, findings: number }>}
 */
export async function benchProxy() {
  const upstream = await startCreatedServer();
  try {
    const ours = await startProxy({ upstream: upstream.url, port: 0 });
    const prism = await prismProxy(upstream.url);
    const dir = mkdtempSync(join(tmpdir(), 'apig-bench-proxy-'));
    const redocly = await redoclyProxy(upstream.url, dir);
    try {
      /** @type {Record<string, import('./mock-throughput.mjs').Load>} */
      const latency = {};
      for (const [name, url] of /** @type {Array<[string, string]>} */ ([
        ['direct', upstream.url],
        ['ours', ours.url],
      ])) {
        await load(url, 1); // warm-up, discarded
        latency[name] = await load(url, 1);
      }
      /** @type {Record<string, import('./mock-throughput.mjs').Load>} */
      const throughput = {};
      for (const [name, url] of /** @type {Array<[string, string]>} */ ([
        ['direct', upstream.url],
        ['ours', ours.url],
        ['redocly proxy', redocly.url],
        ['prism proxy', prism.url],
      ])) {
        await load(url, 10);
        throughput[name] = await load(url, 10);
      }
      return {
        latency: /** @type {Record<'direct' | 'ours', import('./mock-throughput.mjs').Load>} */ (latency),
        throughput: /** @type {Record<'direct' | 'ours' | 'redocly proxy' | 'prism proxy', import('./mock-throughput.mjs').Load>} */ (throughput),
        findings: ours.findings().length,
      };
    } finally {
      await ours.close();
      await prism.close();
      await redocly.close();
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await upstream.close();
  }
}

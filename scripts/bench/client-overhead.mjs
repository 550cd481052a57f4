// The client's cost per request next to a bare openapi-fetch client and raw fetch, all
// against one local node:http server in this run; validations and signatures per second.
// What a page bundling the client weighs is not measured here: a test holds it to its bounds
// (test/package/bundle-size.test.ts). Uses dist/ (run the build first).
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import createClient from 'openapi-fetch';
import { ROOT } from '../tools.mjs';
import { SOURCE_REQUEST, startCreatedServer } from './created-server.mjs';

const ENTRY = join(ROOT, 'dist', 'src', 'index.js');
const BODY = SOURCE_REQUEST;
const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 1500);
const ROUNDS = 5;

/**
 * µs per request for each contender, interleaved call by call so noise falls on all alike.
 * @param {Record<string, () => Promise<unknown>>} contenders
 */
async function interleavedRound(contenders) {
  const names = Object.keys(contenders);
  const totals = Object.fromEntries(names.map((n) => [n, 0n]));
  for (let i = 0; i < REQUESTS_PER_ROUND; i += 1) {
    for (const name of names) {
      const start = process.hrtime.bigint();
      await /** @type {() => Promise<unknown>} */ (contenders[name])();
      totals[name] = /** @type {bigint} */ (totals[name]) + (process.hrtime.bigint() - start);
    }
  }
  return Object.fromEntries(names.map((n) => [n, Number(totals[n]) / 1e3 / REQUESTS_PER_ROUND]));
}

/**
 * @param {() => unknown} fn
 * @param {number} [ms]
 */
function perSecond(fn, ms = 1000) {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i += 1) fn();
    n += 100;
  }
  return n / (ms / 1000);
}

/**
 * @param {() => Promise<unknown>} fn
 * @param {number} [ms]
 */
async function perSecondAsync(fn, ms = 1000) {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) {
    await fn();
    n += 1;
  }
  return n / (ms / 1000);
}

/** @param {number[]} xs not empty */
const median = (xs) => /** @type {number} */ ([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);

/**
 * The client's cost: µs per request (median of the rounds) per caller, validations and
 * signatures per second.
 * @returns {Promise<{ perRequest: Record<'raw fetch' | 'bare openapi-fetch' | 'client, validate' | 'client, validate + sign', number>, validations: number, signatures: number }>}
 */
export async function benchClient() {
  const lib = {
    ...(await import(pathToFileURL(ENTRY).href)),
    ...(await import(pathToFileURL(join(dirname(ENTRY), 'validation.js')).href)),
    ...(await import(pathToFileURL(join(dirname(ENTRY), 'auth.js')).href)),
  };
  const server = await startCreatedServer();
  try {
    const path = `${server.url}/v1.0/apigw/apps`;
    const json = JSON.stringify(BODY);
    /** @type {import('openapi-fetch').Client<import('../../generated/schema.d.ts').paths>} */
    const bare = createClient({ baseUrl: server.url });
    const withToken = lib.createApigClient({ baseUrl: server.url, auth: { token: 'bench-token' } });
    const withSigning = lib.createApigClient({ baseUrl: server.url, auth: { ak: 'QTWAOYTTINDUT2QVKYUC', sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' } });
    const contenders = {
      'raw fetch': async () =>
        (await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-token': 'bench-token' }, body: json })).json(),
      'bare openapi-fetch': () => bare.POST('/v1.0/apigw/apps', { body: BODY, headers: { 'x-auth-token': 'bench-token' } }),
      'client, validate': () => withToken.POST('/v1.0/apigw/apps', { body: BODY }),
      'client, validate + sign': () => withSigning.POST('/v1.0/apigw/apps', { body: BODY }),
    };
    /** @type {Record<string, number[]>} */
    const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
    await interleavedRound(contenders); // warm-up
    for (let round = 0; round < ROUNDS; round += 1) {
      const result = await interleavedRound(contenders);
      for (const [name, us] of Object.entries(result)) /** @type {number[]} */ (samples[name]).push(us);
    }
    const perRequest = /** @type {Record<keyof typeof contenders, number>} */ (Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])));

    const validations = perSecond(() => lib.validateCreateAppRequest(BODY));
    const request = { method: 'POST', url: path, headers: { 'content-type': 'application/json' }, body: json };
    const credentials = { ak: 'QTWAOYTTINDUT2QVKYUC', sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' };
    const signatures = await perSecondAsync(() => lib.signRequest(request, credentials));
    return { perRequest, validations, signatures };
  } finally {
    await server.close();
  }
}

// What a proxy run keeps: the findings sorted by kind, the operations reached, the exchanges for
// the HAR, and the report they make. (What each finding says is ./judge.mjs's.)
import { harOf, junitOf } from './reports.mjs';

/** @typedef {import('./types.d.mts').ProxyFinding} ProxyFinding */
/** @typedef {import('./types.d.mts').ProxyDifference} ProxyDifference */
/** @typedef {import('./types.d.mts').ProxyReport} ProxyReport */
/** @typedef {'findings' | 'requests' | 'news' | 'outside' | 'unjudged'} Bucket */

/** The HAR keeps at most this many exchanges (the first ones), so a long run cannot exhaust memory. */
const MAX_RECORDED = 10_000;

/**
 * The report's list of each kind of finding:
 * - findings, drift: where the upstream's answer breaks the contract (or it accepted what the contract refuses);
 * - requests: callers' requests that break the contract, which the upstream refused as it should;
 * - news: response fields the contract does not list, not necessarily a break (the contract stays open);
 * - outside: traffic outside the contract (routes it does not have, CORS preflights, `/`), not drift;
 * - unjudged: exchanges the proxy refused itself or could not judge, and why: never drift, never silent.
 * @type {Record<string, Bucket>}
 */
const BUCKET_OF_KIND = {
  request: 'requests',
  'undeclared-field': 'news',
  preflight: 'outside',
  'unknown-route': 'outside',
  unjudged: 'unjudged',
};

/**
 * @typedef {object} RunLog
 * @property {(...found: ProxyFinding[]) => void} add
 * @property {(request: { method: string | undefined, path: string | undefined }, status: number | undefined, message: string) => void} notJudged
 * @property {(...found: ProxyDifference[]) => void} addDifferences
 * @property {() => void} countExchange
 * @property {(operation: string) => void} reached
 * @property {(exchange: import('./reports.mjs').RecordedExchange) => void} record
 * @property {() => ProxyFinding[]} drift
 * @property {() => ProxyReport} report
 * @property {() => import('./types.d.mts').Har} har
 * @property {() => string} junit
 */

/**
 * A run's log.
 * @param {{ upstream: string, compare: boolean, failOnOutside: boolean }} run
 * @returns {RunLog}
 */
export function runLog({ upstream, compare, failOnOutside }) {
  /** @type {Record<Bucket, ProxyFinding[]>} */
  const lists = { findings: [], requests: [], news: [], outside: [], unjudged: [] };
  /** @type {ProxyDifference[]} */
  const differences = [];
  /** @type {Set<string>} the operations the traffic reached */
  const seen = new Set();
  /** @type {import('./reports.mjs').RecordedExchange[]} */
  const recorded = [];
  let exchanges = 0;

  /** @type {RunLog['report']} */
  const report = () => ({
    upstream,
    exchanges,
    operations: [...seen],
    findings: lists.findings.slice(),
    requests: lists.requests.slice(),
    news: lists.news.slice(),
    outside: lists.outside.slice(),
    unjudged: lists.unjudged.slice(),
    ...(compare ? { differences: differences.slice() } : {}),
    passed: lists.findings.length === 0 && !(failOnOutside && lists.outside.length > 0),
    summary:
      `${exchanges} exchanges, ${lists.findings.length} drift findings, ${lists.requests.length} invalid requests (refused upstream), ` +
      `${lists.news.length} response fields the contract does not list, ${lists.outside.length} outside the contract${failOnOutside ? ' (failing the run)' : ''}, ` +
      `${lists.unjudged.length} not judged${compare ? `, ${differences.length} differences from the mock` : ''}`,
  });

  return {
    add: (...found) => {
      for (const finding of found) lists[BUCKET_OF_KIND[finding.kind] ?? 'findings'].push(finding);
    },
    notJudged: (request, status, message) =>
      lists.unjudged.push({
        method: request.method,
        path: request.path,
        status,
        requestId: undefined,
        operation: undefined,
        kind: 'unjudged',
        where: 'proxy',
        location: '(exchange)',
        message,
      }),
    addDifferences: (...found) => differences.push(...found),
    countExchange: () => {
      exchanges += 1;
    },
    reached: (operation) => seen.add(operation),
    record: (exchange) => {
      if (recorded.length < MAX_RECORDED) recorded.push(exchange);
    },
    drift: () => lists.findings.slice(),
    report,
    har: () => harOf(recorded),
    junit: () => junitOf(report(), { failOnOutside }),
  };
}

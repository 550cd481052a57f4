// A proxy run's log: each finding in its report list by kind, what `passed` says, the HAR's bound.
import { describe, expect, it } from 'vitest';
import { runLog } from '../../../mock/proxy/findings.mjs';
import type { ProxyFinding } from '../../../mock/proxy/types.d.mts';

const finding = (kind: string): ProxyFinding => ({
  method: 'GET',
  path: '/v1.0/apigw/apps',
  status: 200,
  requestId: 'r',
  operation: 'GET /v1.0/apigw/apps',
  kind,
  where: 'response',
  location: 'body',
  message: kind,
});
const exchange = (n: number) => ({
  startedDateTime: new Date(0).toISOString(),
  time: n,
  method: 'GET',
  url: `http://upstream/v1.0/apigw/apps?n=${n}`,
  requestHeaders: {},
  requestText: '',
  status: 200,
  responseHeaders: {},
  responseText: '{}',
});

describe('runLog', () => {
  it('files each kind in its list; drift is what is left', () => {
    const log = runLog({ upstream: 'http://upstream', compare: false, failOnOutside: false });
    const kinds = ['request', 'undeclared-field', 'preflight', 'unknown-route', 'response', 'status', 'accepted-invalid', 'upstream'];
    log.add(...kinds.map(finding));
    log.notJudged({ method: undefined, path: undefined }, 431, 'too large');
    const report = log.report();
    const kindsIn = (list: ProxyFinding[]) => list.map((f) => f.kind);
    expect(kindsIn(report.requests)).toEqual(['request']);
    expect(kindsIn(report.news)).toEqual(['undeclared-field']);
    expect(kindsIn(report.outside)).toEqual(['preflight', 'unknown-route']);
    expect(kindsIn(report.findings)).toEqual(['response', 'status', 'accepted-invalid', 'upstream']);
    expect(report.unjudged).toEqual([
      {
        method: undefined,
        path: undefined,
        status: 431,
        requestId: undefined,
        operation: undefined,
        kind: 'unjudged',
        where: 'proxy',
        location: '(exchange)',
        message: 'too large',
      },
    ]);
    expect(log.drift()).toEqual(report.findings);
    expect(report.passed).toBe(false);
    expect('differences' in report).toBe(false);
  });

  it('passes with no drift; traffic outside fails it only with failOnOutside', () => {
    for (const failOnOutside of [false, true]) {
      const log = runLog({ upstream: 'http://upstream', compare: true, failOnOutside });
      log.add(finding('unknown-route'), finding('request'), finding('undeclared-field'));
      log.countExchange();
      log.reached('GET /v1.0/apigw/apps');
      const report = log.report();
      expect(report.passed).toBe(!failOnOutside);
      expect(report.exchanges).toBe(1);
      expect(report.operations).toEqual(['GET /v1.0/apigw/apps']);
      expect(report.differences).toEqual([]);
      expect(report.summary).toBe(
        `1 exchanges, 0 drift findings, 1 invalid requests (refused upstream), 1 response fields the contract does not list, 1 outside the contract${failOnOutside ? ' (failing the run)' : ''}, 0 not judged, 0 differences from the mock`,
      );
    }
  });

  it('the HAR keeps the first 10,000 exchanges', () => {
    const log = runLog({ upstream: 'http://upstream', compare: false, failOnOutside: false });
    for (let n = 0; n < 10_001; n += 1) log.record(exchange(n));
    const entries = log.har().log.entries;
    expect(entries).toHaveLength(10_000);
    expect(entries.at(-1)?.time).toBe(9_999);
  });

  it('a report is a copy: adding later does not change one already taken', () => {
    const log = runLog({ upstream: 'http://upstream', compare: false, failOnOutside: false });
    const before = log.report();
    log.add(finding('response'));
    expect(before.findings).toEqual([]);
    expect(log.junit()).toMatch(/<testsuite/);
  });
});

// The validating proxy's reports (mock/proxy/reports.mjs), in-process: HAR 1.2 as HAR readers
// expect it, JUnit XML as CI dashboards read it, and no secret in either (credential headers
// replaced; app_secret, app_code and sk given stand-ins that keep to their fields' rules).
import { describe, expect, it } from 'vitest';
import { harOf, junitOf, redactedText } from '../../../mock/proxy/reports.mjs';

describe('redactedText', () => {
  it('replaces app_secret, app_code and sk at any depth, with stand-ins that keep to the rules', () => {
    const text = JSON.stringify({ name: 'app_1', app_secret: 'Real_secret_1', auths: [{ app_code: 'c'.repeat(64), nested: { sk: 'real-sk' } }] });
    const redacted = JSON.parse(redactedText(text));
    expect(redacted).toEqual({ name: 'app_1', app_secret: 'Redacted00000000', auths: [{ app_code: 'Redacted'.repeat(8), nested: { sk: 'Redacted' } }] });
    expect(redacted.app_secret.length).toBeGreaterThanOrEqual(8);
    expect(redacted.auths[0].app_code).toHaveLength(64);
  });

  it('leaves other fields, non-string secrets, text that is not JSON, and empty text alone', () => {
    expect(redactedText('{"app_secret":null,"app_code":5,"remark":"sk"}')).toBe('{"app_secret":null,"app_code":5,"remark":"sk"}');
    expect(redactedText('<html>app_secret=x</html>')).toBe('<html>app_secret=x</html>');
    expect(redactedText('')).toBe('');
    expect(redactedText(undefined)).toBeUndefined();
    expect(redactedText('[1,"a"]')).toBe('[1,"a"]');
  });

  it('a key named like an object method is only a key', () => {
    expect(JSON.parse(redactedText('{"toString":"x","constructor":"y"}'))).toEqual({ toString: 'x', constructor: 'y' });
  });
});

describe('harOf', () => {
  const exchange = {
    startedDateTime: '2026-12-01T00:00:00.000Z',
    time: 12,
    method: 'POST',
    url: 'https://gw.example/v2/p1/apigw/instances/i1/apps?x=1&y=%E5%BA%94',
    requestHeaders: {
      'content-type': 'application/json',
      authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=00',
      'x-auth-token': 'tok',
      accept: ['a', 'b'],
    },
    requestText: '{"name":"app_1","app_secret":"Real_secret_1"}',
    status: 201,
    responseHeaders: { 'content-type': 'application/json', 'set-cookie': 'session=1', 'x-request-id': 'r1', 'x-apig-appcode': 'code', cookie: 'c' },
    responseText: '{"id":"1","app_secret":"Real_secret_1"}',
  };

  it('one HAR 1.2 entry per exchange, with the upstream URL, its query, headers and bodies', () => {
    const har = harOf([exchange]);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'apig-app-contract proxy', version: '1' });
    const entry = har.log.entries[0]!;
    expect(entry).toMatchObject({ startedDateTime: exchange.startedDateTime, time: 12, cache: {}, timings: { send: 0, wait: 12, receive: 0 } });
    expect(entry.request).toMatchObject({
      method: 'POST',
      url: exchange.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headersSize: -1,
      queryString: [
        { name: 'x', value: '1' },
        { name: 'y', value: '应' },
      ],
    });
    expect(entry.request.bodySize).toBe(Buffer.byteLength(exchange.requestText));
    expect(entry.request.postData).toEqual({ mimeType: 'application/json', text: '{"name":"app_1","app_secret":"Redacted00000000"}' });
    expect(entry.response).toMatchObject({ status: 201, statusText: '', httpVersion: 'HTTP/1.1', cookies: [], redirectURL: '', headersSize: -1 });
    expect(entry.response.content).toEqual({
      size: Buffer.byteLength('{"id":"1","app_secret":"Redacted00000000"}'),
      mimeType: 'application/json',
      text: '{"id":"1","app_secret":"Redacted00000000"}',
    });
    expect(entry.response.bodySize).toBe(entry.response.content.size);
  });

  it('credential headers are replaced; a repeated header is one entry per value', () => {
    const entry = harOf([exchange]).log.entries[0]!;
    expect(entry.request.headers).toEqual([
      { name: 'content-type', value: 'application/json' },
      { name: 'authorization', value: 'redacted' },
      { name: 'x-auth-token', value: 'redacted' },
      { name: 'accept', value: 'a' },
      { name: 'accept', value: 'b' },
    ]);
    expect(entry.response.headers).toEqual([
      { name: 'content-type', value: 'application/json' },
      { name: 'set-cookie', value: 'redacted' },
      { name: 'x-request-id', value: 'r1' },
      { name: 'x-apig-appcode', value: 'redacted' },
      { name: 'cookie', value: 'redacted' },
    ]);
    expect(JSON.stringify(harOf([exchange]))).not.toMatch(/Real_secret_1|tok"|Signature=00|session=1/);
  });

  it('a request without a body has no postData and size 0; an answer without one is empty text of its type', () => {
    const entry = harOf([{ ...exchange, method: 'DELETE', requestHeaders: {}, requestText: '', status: 204, responseHeaders: {}, responseText: '' }]).log
      .entries[0]!;
    expect(entry.request).not.toHaveProperty('postData');
    expect(entry.request.bodySize).toBe(0);
    expect(entry.response.content).toEqual({ size: 0, mimeType: '', text: '' });
    expect(entry.response.bodySize).toBe(0);
  });

  it('a body sent without a content type is called JSON; one with its own type keeps it', () => {
    const entry = harOf([{ ...exchange, requestHeaders: {} }]).log.entries[0]!;
    expect(entry.request.postData!.mimeType).toBe('application/json');
    const typed = harOf([{ ...exchange, requestHeaders: { 'content-type': 'application/merge-patch+json' } }]).log.entries[0]!;
    expect(typed.request.postData!.mimeType).toBe('application/merge-patch+json');
  });
});

describe('junitOf', () => {
  const report = {
    upstream: 'https://gw.example/?a=1&b=<2>',
    operations: ['createAppV2', 'listAppsV2'],
    findings: [
      { operation: 'createAppV2', status: 201, where: 'response body', location: 'body.app_key', message: 'must be string', requestId: 'r-1' },
      { operation: 'createAppV2', status: 201, where: 'response header', location: 'X-Request-Id', message: 'is missing' },
      { status: 502, where: 'response', location: '(upstream)', message: "the upstream did not answer & it's <gone>" },
    ],
    outside: [{ status: 404, where: 'request', location: 'path', message: 'GET /v3/x is not an operation of the contract' }],
  };

  it('one test case per operation reached, failing with its findings; the upstream apart; traffic outside the contract fails nothing', () => {
    const xml = junitOf(report);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="apig-app-contract proxy (https://gw.example/?a=1&amp;b=&lt;2&gt;)" tests="3" failures="2">\n',
      ),
    ).toBe(true);
    expect(xml).toContain(
      '<testcase classname="apig-app-contract.proxy" name="createAppV2"><failure message="2 drift finding(s)">201 response body body.app_key: must be string [request id r-1]\n201 response header X-Request-Id: is missing</failure></testcase>',
    );
    expect(xml).toContain('<testcase classname="apig-app-contract.proxy" name="listAppsV2"></testcase>');
    expect(xml).toContain(
      '<testcase classname="apig-app-contract.proxy" name="upstream"><failure message="1 drift finding(s)">502 response (upstream): the upstream did not answer &amp; it&apos;s &lt;gone&gt;</failure></testcase>',
    );
    expect(xml).not.toContain('/v3/x');
    expect(xml.endsWith('</testcase>\n</testsuite>\n')).toBe(true);
    expect(xml.split('\n').filter((line) => line.startsWith('  <testcase '))).toHaveLength(3);
  });

  it('failOnOutside: the traffic outside the contract is one more failing case', () => {
    const xml = junitOf(report, { failOnOutside: true });
    expect(xml).toContain('tests="4" failures="3"');
    expect(xml).toContain(
      '<testcase classname="apig-app-contract.proxy" name="outside the contract"><failure message="1 drift finding(s)">404 request path: GET /v3/x is not an operation of the contract</failure></testcase>',
    );
  });

  it('a clean run: every case passes', () => {
    expect(junitOf({ upstream: 'http://gw', operations: ['showAppV2'], findings: [] })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="apig-app-contract proxy (http://gw)" tests="1" failures="0">\n  <testcase classname="apig-app-contract.proxy" name="showAppV2"></testcase>\n</testsuite>\n',
    );
  });
});

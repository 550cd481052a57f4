// `npm run mock` as a user runs it: a separate process that prints its URLs, serves the API,
// the docs and the bundled document, and stops cleanly on SIGTERM and Ctrl-C.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_REQUEST_EXAMPLE, SOURCE_RESPONSE_EXAMPLE } from '../rules/create-app-rules.js';
import { startChild, type RunningChild } from '../helpers/child-process.js';

const MOCK = fileURLToPath(new URL('../../scripts/mock.mjs', import.meta.url));
const generated = (file: string) => readFileSync(fileURLToPath(new URL(`../../generated/${file}`, import.meta.url)), 'utf8');
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

describe('the mock CLI', () => {
  let mock: RunningChild;
  let base: string;
  beforeAll(async () => {
    mock = await startChild(process.execPath, [MOCK, '--port', '0'], LISTENING);
    base = mock.match[1]!;
  });
  afterAll(async () => {
    await mock?.stop('SIGKILL');
  });

  it('prints the API, docs and document URLs', () => {
    for (const url of ['/v1.0/apigw/apps', '/v1/{project_id}/apigw/instances/{instance_id}/apps', '/docs', '/docs/zh-CN', '/review', '/review/zh-CN', '/openapi.json', '/openapi.yaml', '/openapi-3.0.json']) {
      expect(mock.output()).toContain(`${base}${url}`);
    }
  });

  it('serves the API on both variants', async () => {
    for (const path of ['/v1.0/apigw/apps', '/v1/p1/apigw/instances/i1/apps']) {
      const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-auth-token': 't' }, body: JSON.stringify(SOURCE_REQUEST_EXAMPLE) });
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual(SOURCE_RESPONSE_EXAMPLE);
    }
  });

  it('serves the rendered docs and the bundled document', async () => {
    const docs = await fetch(`${base}/docs`);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(await docs.text()).toBe(generated('docs/index.html'));
    expect(await (await fetch(`${base}/docs/zh-CN`)).text()).toBe(generated('docs/zh-CN/index.html'));
    expect(await (await fetch(`${base}/openapi.json`)).text()).toBe(generated('openapi.json'));
    expect(await (await fetch(`${base}/openapi.yaml`)).text()).toBe(generated('openapi.yaml'));
    expect(await (await fetch(`${base}/review/zh-CN/index.html`)).text()).toBe(generated('review/zh-CN/index.html'));
    const pdf = await fetch(`${base}/review/review.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has a front page linking the docs, the review sheets with their PDFs, and the documents', async () => {
    const page = await (await fetch(`${base}/`)).text();
    const links = [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toEqual(expect.arrayContaining(['/docs/index.html', '/docs/zh-CN/index.html', '/review/index.html', '/review/review.pdf', '/review/zh-CN/index.html', '/review/zh-CN/review.pdf', '/openapi.json']));
    for (const link of links) expect((await fetch(`${base}${link}`)).status, link).toBe(200);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s', async (signal) => {
    const other = await startChild(process.execPath, [MOCK, '--port', '0'], LISTENING);
    expect(await other.stop(signal)).toBe(0);
    expect(other.output()).toContain('stopping the mock');
  });

  it('takes PORT and HOST from the environment', async () => {
    const other = await startChild(process.execPath, [MOCK], LISTENING, { env: { PORT: '0', HOST: '127.0.0.1' } });
    expect(other.match[1]).not.toBe('http://127.0.0.1:4010');
    await other.stop();
  });

  it('refuses a bad port with a clear message', async () => {
    await expect(startChild(process.execPath, [MOCK, '--port', 'eighty'], LISTENING)).rejects.toThrow(/--port\/PORT must be a port number/);
  });

  it('says so when the port is taken', async () => {
    const port = new URL(base).port;
    await expect(startChild(process.execPath, [MOCK, '--port', port], LISTENING)).rejects.toThrow(/EADDRINUSE|in use/);
  });
});

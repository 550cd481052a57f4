// `npm run mock` as a user runs it: a separate process that prints its URLs, serves the API,
// the docs and the bundled document, and stops cleanly on SIGTERM and Ctrl-C.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE_REQUEST_EXAMPLE, SOURCE_RESPONSE_EXAMPLE } from '../../rules/create-app-rules.js';
import { startChild, type RunningChild } from '../../helpers/child-process.js';

const MOCK = fileURLToPath(new URL('../../../scripts/dev/mock.mjs', import.meta.url));
const generated = (file: string) => readFileSync(fileURLToPath(new URL(`../../../generated/${file}`, import.meta.url)), 'utf8');
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
    for (const url of [
      '/v1.0/apigw/apps',
      '/v1/{project_id}/apigw/instances/{instance_id}/apps',
      '/docs',
      '/docs/zh-CN',
      '/review',
      '/review/zh-CN',
      '/openapi.json',
      '/openapi.yaml',
      '/openapi-3.0.json',
    ]) {
      expect(mock.output()).toContain(`${base}${url}`);
    }
  });

  it('remembers what it creates (stateful by default): the APP sent, then the name taken', async () => {
    for (const path of ['/v1.0/apigw/apps', '/v1/p1/apigw/instances/i1/apps', '/v2/p1/apigw/instances/i1/apps']) {
      const create = () =>
        fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
          body: JSON.stringify({ name: 'checkout_web', remark: 'from the CLI test' }),
        });
      const first = await create();
      expect(first.status).toBe(201);
      expect(await first.json()).toMatchObject({ name: 'checkout_web', remark: 'from the CLI test', creator: 'USER', status: 1, app_type: 'apig' });
      const again = await create();
      expect(again.status).toBe(400);
      expect(await again.json()).toEqual({ error_code: 'APIG.3203', error_msg: 'The app name already exists' });
    }
    const reset = await fetch(`${base}/_mock/reset`, { method: 'POST' });
    expect(reset.status).toBe(204);
  });

  it('--stateless answers every call with its page example, as plain Prism does', async () => {
    const other = await startChild(process.execPath, [MOCK, '--port', '0', '--stateless'], LISTENING);
    try {
      expect(other.output()).toContain('stateless');
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${other.match[1]}/v1.0/apigw/apps`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
          body: JSON.stringify(SOURCE_REQUEST_EXAMPLE),
        });
        expect(response.status).toBe(201);
        expect(await response.json()).toEqual(SOURCE_RESPONSE_EXAMPLE);
      }
    } finally {
      await other.stop();
    }
  });

  it('--seed loads APPs, --quota bounds them (APIG.3103)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-seed-'));
    const seed = join(dir, 'apps.json');
    writeFileSync(seed, JSON.stringify([{ tenant: 'v2 p1 i1', apps: [{ name: 'seeded_app' }] }]));
    const other = await startChild(process.execPath, [MOCK, '--port', '0', '--seed', seed, '--quota', '1'], LISTENING);
    try {
      const url = `${other.match[1]}/v2/p1/apigw/instances/i1/apps`;
      const list = await (await fetch(`${url}?name=seeded_app&precise_search=name`, { headers: { 'x-auth-token': 't' } })).json();
      expect(list).toMatchObject({ total: 1, size: 1, apps: [{ name: 'seeded_app' }] });
      const over = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
        body: JSON.stringify({ name: 'second_app' }),
      });
      expect(over.status).toBe(403);
      expect((await over.json()).error_code).toBe('APIG.3103');
    } finally {
      await other.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a seed file that is not an APP list, saying what it expects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-seed-'));
    writeFileSync(join(dir, 'bad.json'), '{"apps": 1}');
    await expect(startChild(process.execPath, [MOCK, '--port', '0', '--seed', join(dir, 'bad.json')], LISTENING)).rejects.toThrow(/expected \[\{ "tenant"/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the rendered docs and the bundled document', async () => {
    const docs = await fetch(`${base}/docs`);
    expect(docs.headers.get('content-type')).toContain('text/html');
    // The docs pages as generated, naming this mock (not the default port) as their local server.
    const page = await docs.text();
    expect(page).toBe(generated('docs/index.html').replaceAll('http://127.0.0.1:4010', base));
    expect(page).toContain(base);
    expect(page).not.toContain('http://127.0.0.1:4010');
    expect(await (await fetch(`${base}/docs/zh-CN`)).text()).toBe(generated('docs/zh-CN/index.html').replaceAll('http://127.0.0.1:4010', base));
    // The documents as generated, with the local server named at this mock's own port.
    expect(await (await fetch(`${base}/openapi.json`)).text()).toBe(generated('openapi.json').replaceAll('http://127.0.0.1:4010', base));
    expect(await (await fetch(`${base}/openapi.yaml`)).text()).toBe(generated('openapi.yaml').replaceAll('http://127.0.0.1:4010', base));
    const served = await (await fetch(`${base}/openapi.json`)).json();
    expect(served.servers.map((s: { url: string }) => s.url)).toContain(base);
    expect(await (await fetch(`${base}/review/zh-CN/index.html`)).text()).toBe(generated('review/zh-CN/index.html'));
    const pdf = await fetch(`${base}/review/review.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('has a front page linking the docs, the review sheets with their PDFs, and the documents', async () => {
    const page = await (await fetch(`${base}/`)).text();
    const links = [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toEqual(
      expect.arrayContaining([
        '/docs/index.html',
        '/docs/zh-CN/index.html',
        '/review/index.html',
        '/review/review.pdf',
        '/review/zh-CN/index.html',
        '/review/zh-CN/review.pdf',
        '/openapi.json',
      ]),
    );
    for (const link of links) expect((await fetch(`${base}${link}`)).status, link).toBe(200);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s', async (signal) => {
    const other = await startChild(process.execPath, [MOCK, '--port', '0'], LISTENING);
    expect(await other.stop(signal)).toBe(0);
    expect(other.output()).toContain('stopping the mock');
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)(
    '%s to the pid of `npm start` (npm alone, not its group) stops the mock npm started',
    async (signal) => {
      const npmStart = await startChild('npm', ['start', '--silent', '--', '--port', '0'], LISTENING, { timeoutMs: 60_000 });
      try {
        const url = npmStart.match[1]!;
        expect((await fetch(`${url}/`)).status).toBe(200);
        process.kill(npmStart.child.pid!, signal);
        // npm's shell goes with npm; the mock sees it is left alone and stops within a second.
        await expect
          .poll(
            () =>
              fetch(`${url}/`).then(
                () => 'up',
                () => 'down',
              ),
            { timeout: 5_000, interval: 200 },
          )
          .toBe('down');
        expect(npmStart.output()).toMatch(/(npm exited|SIGTERM|SIGHUP): stopping the mock/);
      } finally {
        await npmStart.stop('SIGKILL');
      }
    },
    90_000,
  );

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

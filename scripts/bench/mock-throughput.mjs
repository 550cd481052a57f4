// Requests per second and latency of the mock under 10 concurrent connections, next to
// plain `prism mock` on the same document and a bare node:http server returning the same
// 201 (the machine's limit), all measured in this run.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import { startMockServer } from '../mock/server.mjs';
import { GENERATED } from '../tools.mjs';

const require = createRequire(import.meta.url);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const BODY = JSON.stringify({ name: 'app_001', remark: 'first app', app_key: 'app_key_sample', app_secret: 'app_secret_sample' });
const HEADERS = { 'content-type': 'application/json', 'x-auth-token': 'bench-token' };

function load(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${url}/v1.0/apigw/apps`, method: 'POST', headers: HEADERS, body: BODY, connections: 10, duration: DURATION_S }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    });
  });
}

async function bareServer() {
  const created = JSON.parse(readFileSync(join(GENERATED, 'openapi.json'), 'utf8')).components.responses.AppCreated.content['application/json'].examples.sourcePage.value;
  const payload = Buffer.from(JSON.stringify(created));
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': payload.length, 'x-request-id': '0' });
      res.end(payload);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

async function plainPrism() {
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const bin = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.prism);
  const port = 40000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [bin, 'mock', join(GENERATED, 'openapi.yaml'), '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${out}`)), 60_000);
    const onData = (d) => {
      out += d;
      if (out.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`prism exited (${code}):\n${out}`)));
  });
  child.stdout.resume();
  child.stderr.resume();
  return { url: `http://127.0.0.1:${port}`, close: async () => child.kill('SIGKILL') };
}

export async function benchMock() {
  const results = {};
  for (const [name, start] of [['bare node:http', bareServer], ['plain prism mock', plainPrism], ['our mock', () => startMockServer({ port: 0 })]]) {
    const server = await start();
    try {
      await load(server.url); // warm-up run, discarded
      results[name] = await load(server.url);
    } finally {
      await server.close();
    }
  }
  return results;
}

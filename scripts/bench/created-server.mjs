// The baseline server both benches measure against: bare node:http answering every request
// with the source page's 201 example, taken from the bundled document.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED } from '../tools.mjs';

/** The request body both benches send: the source page's request example. */
export const SOURCE_REQUEST = { name: 'app_001', remark: 'first app', app_key: 'app_key_sample', app_secret: 'app_secret_sample' };

/**
 * Bare node:http answering every request with the page's 201.
 * @returns {Promise<{ url: string, close: () => Promise<unknown> }>}
 */
export async function startCreatedServer() {
  const created = JSON.parse(readFileSync(join(GENERATED, 'openapi.json'), 'utf8')).components.responses.AppCreated.content['application/json'].examples
    .sourcePage.value;
  const payload = Buffer.from(JSON.stringify(created));
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': payload.length, 'x-request-id': '0' });
      res.end(payload);
    });
  });
  await new Promise((/** @type {(value?: unknown) => void} */ resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`, close: () => new Promise((r) => server.close(r)) };
}

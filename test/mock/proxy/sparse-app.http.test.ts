// An APP without `remark` and `app_type` is what the v2 gateway answers (查询APP列表's own example,
// copied here from the page): through the proxy it is no drift, shown alone or listed.
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy } from '../../../mock/proxy/index.mjs';
import { listenOn } from '../../../mock/core/listen.mjs';

/** The second APP of the page's list example: no remark, no app_type. */
const SPARSE_APP = {
  bind_num: 3,
  creator: 'USER',
  update_time: '2020-05-27T10:38:03.133586Z',
  app_key: '840b8b5b1efc4ec686639759c2c584da',
  name: 'app_001',
  id: '9ed8b7fe84224de681e7d7a5587e76dc',
  app_secret: '0a4e7035e81e424ab4c2c571980d5c6e',
  register_time: '2020-03-28T11:09:06Z',
  status: 1,
};
const PAGE_EXAMPLE = {
  total: 2,
  size: 2,
  apps: [
    {
      bind_num: 0,
      creator: 'USER',
      update_time: '2020-08-03T13:09:13Z',
      app_key: 'ee8f878c252747028f07eb116c2cd91b',
      name: 'app_demo',
      remark: 'Demo app',
      id: '356de8eb7a8742168586e5daf5339965',
      app_secret: '416b6b2a1d394111b9bc1df0e6842ab8',
      register_time: '2020-08-03T13:09:13Z',
      status: 1,
      app_type: 'apig',
    },
    SPARSE_APP,
  ],
};
const { bind_num: _bindNum, ...SHOWN } = SPARSE_APP;

let upstream: ReturnType<typeof createServer>;
let proxy: Awaited<ReturnType<typeof startProxy>>;
beforeAll(async () => {
  upstream = createServer((req, res) => {
    const body = JSON.stringify(
      req.url!.endsWith('/apps') ? PAGE_EXAMPLE : req.url!.includes('/validation/') ? { id: SPARSE_APP.id, name: SPARSE_APP.name } : SHOWN,
    );
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r-sparse' });
    res.end(body);
  });
  proxy = await startProxy({ upstream: await listenOn(upstream, 0, '127.0.0.1'), port: 0 });
});
afterAll(async () => {
  await proxy?.close();
  upstream?.close();
});

describe('an APP the v2 gateway answers without remark or app_type', () => {
  it('listed (the page’s example), shown and verified: no finding', async () => {
    const base = `${proxy.url}/v2/p1/apigw/instances/i1/apps`;
    for (const path of ['', `/${SPARSE_APP.id}`, `/validation/${SPARSE_APP.id}`]) {
      const response = await fetch(`${base}${path}`, { headers: { 'x-auth-token': 't' } });
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
    }
    expect(proxy.report()).toMatchObject({ exchanges: 3, findings: [], passed: true });
  });
});

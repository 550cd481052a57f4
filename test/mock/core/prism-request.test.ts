// What the mock and the proxy hand Prism (mock/core/prism-request.mjs) and where they listen
// (mock/core/listen.mjs), in-process.
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { candidatesFinder, prismQuery } from '../../../mock/core/prism-request.mjs';
import { listenOn } from '../../../mock/core/listen.mjs';

describe('prismQuery', () => {
  it('one value as a string, a repeated key as every value in order', () => {
    expect(prismQuery(new URLSearchParams('a=1&b=2&a=3&c=&a=4'))).toEqual({ a: ['1', '3', '4'], b: '2', c: '' });
    expect(prismQuery(new URLSearchParams(''))).toEqual({});
    expect(prismQuery(new URLSearchParams('name=%E5%BA%94+1'))).toEqual({ name: '应 1' });
  });
});

describe('candidatesFinder', () => {
  const operations = [
    { method: 'get', path: '/v1.0/apigw/apps' },
    { method: 'post', path: '/v1.0/apigw/apps' },
    { method: 'get', path: '/v1.0/apigw/apps/{id}' },
    { method: 'get', path: '/v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}' },
  ];
  // Built in each test (not once for the file), so what the finder does is each test's own.
  const find = (method: string, path: string) => candidatesFinder(operations)(method, path);

  it('only the operations whose method and path template match', () => {
    expect(find('get', '/v1.0/apigw/apps')).toEqual([operations[0]]);
    expect(find('post', '/v1.0/apigw/apps')).toEqual([operations[1]]);
    expect(find('get', '/v1.0/apigw/apps/a1')).toEqual([operations[2]]);
    expect(find('get', '/v2/p/apigw/instances/i/apps/a')).toEqual([operations[3]]);
  });

  it('an empty segment still matches (Prism then names the missing path parameter)', () => {
    expect(find('get', '/v2//apigw/instances/i/apps/a')).toEqual([operations[3]]);
  });

  it('a dot is a dot, a parameter is one segment, the whole path must match', () => {
    expect(find('get', '/v1x0/apigw/apps')).toEqual(operations);
    expect(find('get', '/v1.0/apigw/apps/a/b')).toEqual(operations);
    expect(find('get', '/x/v1.0/apigw/apps')).toEqual(operations);
    expect(find('get', '/v1.0/apigw/apps/')).toEqual([operations[2]]);
  });

  it('nothing matching gives them all: Prism tells a wrong path from a wrong method', () => {
    expect(find('delete', '/v1.0/apigw/apps')).toEqual(operations);
    expect(find('get', '/nowhere')).toEqual(operations);
  });
});

describe('listenOn', () => {
  it('names an IPv4 address as it is and an IPv6 one in brackets, with the port given by the system', async () => {
    for (const [host, shape] of [
      ['127.0.0.1', /^http:\/\/127\.0\.0\.1:\d+$/],
      ['::1', /^http:\/\/\[::1\]:\d+$/],
    ] as const) {
      const server = createServer((_req, res) => res.end('ok'));
      try {
        const url = await listenOn(server, 0, host);
        expect(url).toMatch(shape);
        expect(url.endsWith(':0')).toBe(false);
        expect(await (await fetch(url)).text()).toBe('ok');
        expect(server.listenerCount('error')).toBe(0); // the listen's own handler is gone once it listens
      } finally {
        server.close();
      }
    }
  });

  it('rejects with the listen error when the port is taken', async () => {
    const first = createServer();
    const url = await listenOn(first, 0, '127.0.0.1');
    const second = createServer();
    try {
      await expect(listenOn(second, Number(new URL(url).port), '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(second.listenerCount('error')).toBe(0);
    } finally {
      first.close();
    }
  });
});

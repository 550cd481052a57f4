// Statuses, credentials, examples and headers, for both variants.
import { describe, expect, it } from 'vitest';
import { SOURCE_RESPONSE_EXAMPLE, SOURCE_REQUEST_EXAMPLE } from '../rules/create-app-rules.js';
import { loadBundledDocument, schemaValidators } from '../helpers/bundled-document.js';
import { NEEDS_STATE, ONLY_OWN_MOCK, RUN, VARIANTS, send, target } from './target.js';

const validators = schemaValidators(loadBundledDocument());
const validateApp = validators('App');
const validateError = validators('ErrorBody');
const ownMockOnly = it.skipIf(!target.ownMock);

describe.each(VARIANTS)('%s gateway: statuses and headers', (variant) => {
  it('a valid request with a credential → 201 with an App body', async () => {
    const reply = await send(variant, { json: SOURCE_REQUEST_EXAMPLE });
    expect(reply.status, reply.text).toBe(201);
    expect(validateApp(reply.json), JSON.stringify(validateApp.errors)).toBe(true);
  });

  it.skipIf(!target.ownMock || target.stateful)(
    `a stateless mock answers with the source page's response example${target.stateful ? ' [skipped: the target remembers APPs]' : ONLY_OWN_MOCK}`,
    async () => {
      const reply = await send(variant, { json: SOURCE_REQUEST_EXAMPLE });
      expect(reply.json).toEqual(SOURCE_RESPONSE_EXAMPLE);
    },
  );

  it.skipIf(!target.stateful)(
    `a target that remembers answers with the APP sent: its name, remark and key, the fields of the page's example${NEEDS_STATE}`,
    async () => {
      const body = { name: `ct_${RUN}_${variant}_sent`, remark: 'sent by the conformance suite', app_key: `ck${RUN}${variant}sent` };
      const reply = await send(variant, { json: body });
      expect(reply.status, reply.text).toBe(201);
      expect(reply.json).toMatchObject({ name: body.name, remark: body.remark, app_key: body.app_key, creator: 'USER', status: 1 });
      expect(Object.keys(reply.json).sort()).toEqual(expect.arrayContaining(Object.keys(SOURCE_RESPONSE_EXAMPLE).sort()));
    },
  );

  ownMockOnly(`an AK/SK Authorization header is accepted as a credential${ONLY_OWN_MOCK}`, async () => {
    const reply = await send(variant, {
      json: { name: 'app_001' },
      anonymous: true,
      headers: { authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=00', 'x-sdk-date': '20261122T080910Z' },
    });
    expect(reply.status, reply.text).toBe(201);
  });

  it('no credential → 401 with the error body', async () => {
    const reply = await send(variant, { json: SOURCE_REQUEST_EXAMPLE, anonymous: true });
    expect(reply.status, reply.text).toBe(401);
    expect(validateError(reply.json), reply.text).toBe(true);
  });

  ownMockOnly(`Prefer: code=403 → 403 APIG.1005${ONLY_OWN_MOCK}`, async () => {
    const reply = await send(variant, { json: SOURCE_REQUEST_EXAMPLE, headers: { prefer: 'code=403' } });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ error_code: 'APIG.1005', error_msg: 'No permissions to request this method' });
  });

  ownMockOnly(`Prefer: code=500 → 500 APIG.9999${ONLY_OWN_MOCK}`, async () => {
    const reply = await send(variant, { json: SOURCE_REQUEST_EXAMPLE, headers: { prefer: 'code=500' } });
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({ error_code: 'APIG.9999', error_msg: 'System error' });
  });

  ownMockOnly(`Prefer: example=<name> picks a named example${ONLY_OWN_MOCK}`, async () => {
    const reply = await send(variant, { json: SOURCE_REQUEST_EXAMPLE, headers: { prefer: 'example=marketAllocated' } });
    expect(reply.status).toBe(201);
    expect(reply.json.creator).toBe('MARKET');
    expect(validateApp(reply.json)).toBe(true);
  });

  ownMockOnly(`Prefer naming an example the contract lacks → 400 saying so${ONLY_OWN_MOCK}`, async () => {
    const reply = await send(variant, { json: SOURCE_REQUEST_EXAMPLE, headers: { prefer: 'example=noSuchExample' } });
    expect(reply.status).toBe(400);
    expect(reply.json.error_msg).toContain('Prefer: example=noSuchExample');
  });

  ownMockOnly(`Prefer: dynamic=true is refused: its invented values break the contract${ONLY_OWN_MOCK}`, async () => {
    const reply = await send(variant, { json: SOURCE_REQUEST_EXAMPLE, headers: { prefer: 'dynamic=true' } });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error_code: 'APIG.2000', error_msg: expect.stringContaining('dynamic=true is not supported') });
  });

  it('malformed JSON → 400 with the error body', async () => {
    const reply = await send(variant, { raw: '{"name": "app_001",' });
    expect(reply.status, reply.text).toBe(400);
    expect(validateError(reply.json), reply.text).toBe(true);
  });

  it('a wrong content type → 400 or 415 with the error body', async () => {
    const reply = await send(variant, { raw: 'name=app_001', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([400, 415]).toContain(reply.status);
    expect(validateError(reply.json), reply.text).toBe(true);
  });

  it('an empty body → 400 with the error body', async () => {
    const reply = await send(variant, { raw: '' });
    expect(reply.status, reply.text).toBe(400);
    expect(validateError(reply.json), reply.text).toBe(true);
  });

  it('every response carries X-Request-Id', async () => {
    const replies = await Promise.all([
      send(variant, { json: SOURCE_REQUEST_EXAMPLE }),
      send(variant, { json: { name: '1' } }),
      send(variant, { json: SOURCE_REQUEST_EXAMPLE, anonymous: true }),
      send(variant, { raw: '{' }),
    ]);
    for (const reply of replies) expect(reply.headers.get('x-request-id'), `status ${reply.status}`).toMatch(/\S/);
  });

  ownMockOnly(`request ids are unique per request${ONLY_OWN_MOCK}`, async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => send(variant, { json: SOURCE_REQUEST_EXAMPLE }).then((r) => r.headers.get('x-request-id'))));
    expect(new Set(ids).size).toBe(20);
  });

  ownMockOnly(`a 400 carries the violations in sl-violations, like plain Prism${ONLY_OWN_MOCK}`, async () => {
    const reply = await send(variant, { json: { name: '1app' } });
    const violations = JSON.parse(reply.headers.get('sl-violations') ?? '[]');
    expect(violations).toContainEqual(expect.objectContaining({ location: ['request', 'body', 'name'], code: 'pattern' }));
  });
});

describe('outside the contract', () => {
  it.skipIf(!target.ownMock)(`an unknown path or method → 404 APIG.0101${ONLY_OWN_MOCK}`, async () => {
    for (const [path, method] of [
      ['/v1.0/apigw/appz', 'POST'],
      ['/v1.0/apigw/apps', 'PATCH'],
      ['/v1.0/apigw/apps', 'DELETE'],
      ['/v1.0/apigw/apps/a/b', 'GET'],
    ] as const) {
      const reply = await send('shared', { path, method, ...(method === 'POST' ? { json: SOURCE_REQUEST_EXAMPLE } : {}) });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.json.error_code).toBe('APIG.0101');
    }
  });
});

// The validators client teams run on npm: swagger-parser (the most used), the
// @seriousme validator (OpenAPI's own schemas), and openapi-backend with default options,
// which accepts OpenAPI 3.0 only and routes and validates each case.
import { FAMILY_OPERATIONS } from '../rules/app-family-v2-rules.js';
import { FAMILIES_IN_CONTRACT } from '../contract/contract-mismatches.js';
import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import { OpenAPIBackend } from 'openapi-backend';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CASES, disagreements } from './cases.js';
import { DOCUMENTS } from './documents.js';
import { ENDPOINTS } from '../rules/create-app-rules.js';
import { OPERATIONS } from '../rules/lifecycle-rules.js';
import { GRANT_OPERATIONS } from '../rules/app-grant-rules.js';

describe.each(DOCUMENTS)('$name', ({ path }) => {
  it('passes @apidevtools/swagger-parser 13 (validate: schema and $refs)', async () => {
    await expect(SwaggerParser.validate(path)).resolves.toBeTruthy();
  });

  it('passes @seriousme/openapi-schema-validator', async () => {
    const result = await new Validator().validate(path);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('openapi-backend (default options) on the 3.0.3 rendering', () => {
  const [, openapi30] = DOCUMENTS;
  // Its default ajv warns about `date-time` (a response format) and about our handlers not
  // checking credentials: noise for this test, which only routes and validates bodies.
  const quiet = vi.spyOn(console, 'warn').mockImplementation(() => {});
  afterAll(() => quiet.mockRestore());
  let api: OpenAPIBackend;
  beforeAll(async () => {
    api = new OpenAPIBackend({ definition: openapi30.path });
    const doc = JSON.parse(readFileSync(openapi30.path, 'utf8'));
    const operationIds = Object.values(doc.paths).flatMap((item: any) => Object.values(item).map((op: any) => op.operationId));
    const handlers = Object.fromEntries(operationIds.map((id) => [id, () => 'valid']));
    api.register({ ...handlers, validationFail: () => 'invalid', notFound: () => 'not found', notImplemented: () => 'not implemented' });
    await api.init();
  });

  it('loads the document and routes every operation of every generation', () => {
    expect(
      api.router
        .getOperations()
        .map((o) => `${o.method.toUpperCase()} ${o.path}`)
        .sort(),
    ).toEqual(
      [...OPERATIONS, ...GRANT_OPERATIONS, ...FAMILY_OPERATIONS.filter((o) => FAMILIES_IN_CONTRACT.includes(o.family))]
        .map((o) => `${o.method.toUpperCase()} ${o.path}`)
        .sort(),
    );
  });

  it.each(ENDPOINTS.map((e) => ({ path: e.path, url: e.path.replace('{project_id}', 'p1').replace('{instance_id}', 'i1') })))(
    '$path: every case gets the source pages’ verdict',
    async ({ url }) => {
      const verdicts = [];
      for (const c of CASES) {
        const answer = await api.handleRequest({
          method: 'POST',
          path: url,
          body: c.body,
          headers: { 'content-type': 'application/json', 'x-auth-token': 't' },
        });
        expect(['valid', 'invalid']).toContain(answer);
        verdicts.push(answer === 'valid');
      }
      expect(disagreements(verdicts)).toEqual([]);
    },
  );
});

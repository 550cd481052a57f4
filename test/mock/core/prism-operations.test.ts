// The mock's start reads Prism's operations from generated/prism-operations.json instead of
// dereferencing the document (0.2 s), but only when that file was made from the very bytes of
// openapi.json beside it and by the same Prism engine; otherwise it reads the document.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperations, OPERATIONS_FILE, withoutProse } from '../../../mock/core/prism-operations.mjs';
import { loadPrism } from '../../../mock/core/load-prism.mjs';
import { GENERATED } from '../../../scripts/tools.mjs';

const dir = mkdtempSync(join(tmpdir(), 'apig-operations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let engine: { getHttpOperationsFromSpec: (file: string) => Promise<unknown[]> };
let version: string;
let read: unknown[];
const calls: string[] = [];
/** The engine, recording when it reads a document. */
const counting = () => ({
  getHttpOperationsFromSpec: (file: string) => {
    calls.push(file);
    return engine.getHttpOperationsFromSpec(file);
  },
});

beforeAll(async () => {
  ({ prism: engine, version } = (await loadPrism()) as never);
  read = await engine.getHttpOperationsFromSpec(join(GENERATED, 'openapi.json'));
});

describe('withoutProse', () => {
  it('drops descriptions, summaries and x-rule-* wording, and keeps properties of any name', () => {
    const schema = {
      description: 'd',
      type: 'object',
      'x-rule-en': 'r',
      properties: { description: { type: 'string', description: 'x' }, summary: { type: 'integer' }, 'x-rule-note': { type: 'string' } },
      examples: [{ summary: 's', value: 1 }],
    };
    expect(withoutProse([{ summary: 'op', request: { body: schema } }])).toEqual([
      {
        request: {
          body: {
            type: 'object',
            properties: { description: { type: 'string' }, summary: { type: 'integer' }, 'x-rule-note': { type: 'string' } },
            examples: [{ value: 1 }],
          },
        },
      },
    ]);
    // A description that is not prose (an object, as a property schema would be) stays.
    expect(withoutProse({ description: { type: 'string' }, summary: 2 })).toEqual({ description: { type: 'string' }, summary: 2 });
  });
});

describe('loadOperations', () => {
  it('the committed file is what Prism reads from the committed document, and is used as it is', async () => {
    calls.length = 0;
    const stored = JSON.parse(readFileSync(join(GENERATED, OPERATIONS_FILE), 'utf8'));
    expect(stored.prismHttp).toBe(version);
    expect(stored.operations).toEqual(withoutProse(read));
    expect(await loadOperations(counting(), GENERATED, version)).toEqual(withoutProse(read));
    expect(calls).toEqual([]);
  });

  it('a document changed since (another digest) is read, not the stored operations', async () => {
    const copy = join(dir, 'changed');
    cpSync(GENERATED, copy, { recursive: true });
    const doc = JSON.parse(readFileSync(join(copy, 'openapi.json'), 'utf8'));
    doc.paths['/v1.0/apigw/apps'].post.summary = 'changed';
    writeFileSync(join(copy, 'openapi.json'), JSON.stringify(doc));
    calls.length = 0;
    const operations = (await loadOperations(counting(), copy, version)) as Array<{ path: string; method: string; summary?: string }>;
    expect(calls).toEqual([join(copy, 'openapi.json')]);
    expect(operations.find((o) => o.path === '/v1.0/apigw/apps' && o.method === 'post')?.summary).toBe('changed');
  });

  it('another Prism version, or an unreadable file, reads the document', async () => {
    calls.length = 0;
    expect(await loadOperations(counting(), GENERATED, '9.9.9')).toEqual(read);
    const broken = join(dir, 'broken');
    cpSync(GENERATED, broken, { recursive: true });
    writeFileSync(join(broken, OPERATIONS_FILE), '{ not json');
    expect(await loadOperations(counting(), broken, version)).toEqual(read);
    expect(calls).toHaveLength(2);
  });
});

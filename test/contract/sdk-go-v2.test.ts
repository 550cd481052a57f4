// The contract's v2 operations against Huawei's current v2 definitions (issue 26): every
// parameter, body field and success-response field of Huawei's Go SDK models
// (test/rules/sdk-go-v2.json, made from ../shared/sources/sdk-go-v2 by
// `node scripts/generate/sdk-go-v2-digest.mjs`), compared mechanically with generated/openapi.json.
//
// What is compared (operations matched by method and path template; path parameter names may
// differ): parameters (path/query/header: presence, where sent, required, type, enum); the
// request body and the success response body (every field, recursively: presence, required,
// type, enum, array items). Types: Go string and sdktime.SdkTime → string; int32/int64 →
// integer; bool → boolean; an enum type → string or integer with its values; *[]X → array; a
// model → object. `omitempty` absent ⇒ required in the SDK. The SDK marks almost every
// response field optional (its README), so "the contract requires a field the SDK marks
// optional" is a difference the spec must explain like any other. Bounds (minimum, maxLength,
// pattern) are not compared.
//
// The rule for explaining a difference: the spec says why at the place concerned, with
// `x-current-definitions`, a string that says what the SDK model says and why the contract
// differs (or agrees anyway), citing the model file (model_….go). It explains:
// - on a schema property (or the schema it $refs): that property's differences, and those of
//   its array items;
// - on a parameter object (or its schema): that parameter's differences;
// - on a schema object: the differences of its own fields (one level, not deeper);
// - on an operation, as an object { "<name>": "<reason>" }: the differences of the parameter or
//   field of that name, the name as the report prints it (`limit`, `remark`, `apps[].remark`,
//   `(body)` for a body as a whole); it covers that name wherever it differs in the operation.
// A difference with no such text is unexplained, and the comparison fails on it.
//
// The comparison of the real contract runs always and fails on any unexplained difference;
//   SDK_DIFF_REPORT=<file> npx vitest run test/contract/sdk-go-v2.test.ts
// also writes the grouped list (and the count of explained differences) there.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBundledDocument } from '../helpers/bundled-document.js';
import { EXTENSION, compareContract, explanationProblems, formatReport, templateKey, type SdkDigest } from './sdk-go-v2-compare.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIGEST_PATH = join(ROOT, 'test', 'rules', 'sdk-go-v2.json');
const SHARED = resolve(ROOT, '..', 'shared', 'sources', 'sdk-go-v2');
const digest: SdkDigest = JSON.parse(readFileSync(DIGEST_PATH, 'utf8'));

describe('the sdk-go-v2 digest', () => {
  it('covers the 35 operations of the v2 APP family from the commit its README names', () => {
    expect(digest.source.commit).toBe('1cd70eb6f730ea721771a6ec8d96352bbb801787');
    expect(Object.keys(digest.operations)).toHaveLength(35);
    // Every type a field names is in the digest (nothing reachable was left out).
    const names = (t: { kind: string; name?: string; items?: any }): string[] => (t.kind === 'array' ? names(t.items) : t.name ? [t.name] : []);
    const fields = [
      ...Object.values(digest.models).flatMap((m) => Object.values(m.fields)),
      ...Object.values(digest.operations).flatMap((o) => [...o.parameters, ...(o.body ? [o.body] : [])]),
    ];
    for (const name of fields.flatMap((f) => names(f.type))) expect(digest.models[name] ?? digest.enums[name], name).toBeDefined();
  });

  it.skipIf(!existsSync(SHARED))('is what the script makes of ../shared/sources/sdk-go-v2 now', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'generate', 'sdk-go-v2-digest.mjs'), SHARED, '--check'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });
});

describe('the contract and sdk-go-v2, always', () => {
  const doc = loadBundledDocument();

  it('every v2 operation of the contract has its sdk-go-v2 operation (by method and path template)', () => {
    expect(compareContract(doc, digest).problems.filter((p) => p.includes('no operation of sdk-go-v2'))).toEqual([]);
  });

  it(`every ${EXTENSION} is a string citing a model file (an object of such strings on an operation)`, () => {
    expect(explanationProblems(doc, digest)).toEqual([]);
  });
});

describe('the contract and sdk-go-v2, field by field', () => {
  it("explains every difference from Huawei's current v2 definitions in the spec", () => {
    const comparison = compareContract(loadBundledDocument(), digest);
    const report = formatReport(comparison, digest);
    if (process.env.SDK_DIFF_REPORT) writeFileSync(resolve(process.env.SDK_DIFF_REPORT), report);
    expect(comparison.problems, report).toEqual([]);
    expect(comparison.unexplained.length, report).toBe(0);
  });
});

// ---- self-tests of the comparison on small made-up pairs ----------------------------------

const FILE = 'model_thing.go';

/** A digest of one operation, GET|PUT /v2/{project_id}/things/{thing_id}, and a Thing model. */
function tinyDigest(fields: Record<string, { goType: string; type: any; optional: boolean }>, method = 'PUT'): SdkDigest {
  const field = (f: { goType: string; type: any; optional: boolean }) => ({ goName: 'X', comment: null, ...f });
  return {
    source: { commit: 'test' },
    operations: {
      PutThing: {
        method,
        path: '/v2/{project_id}/things/{thing_id}',
        requestFile: 'model_put_thing_request.go',
        parameters: [
          { name: 'project_id', in: 'path', ...field({ goType: null as any, type: { kind: 'string' }, optional: false }) },
          { name: 'thing_id', in: 'path', ...field({ goType: 'string', type: { kind: 'string' }, optional: false }) },
          { name: 'limit', in: 'query', ...field({ goType: '*int32', type: { kind: 'int32' }, optional: true }) },
        ],
        body: method === 'PUT' ? field({ goType: '*Thing', type: { kind: 'model', name: 'Thing' }, optional: true }) : null,
        responseModel: 'Thing',
        responseFile: FILE,
      },
    },
    models: { Thing: { file: FILE, fields: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, field(f)])) } },
    enums: { ThingKind: { file: FILE, valueType: 'string', values: ['a', 'b'] } },
  };
}

/** A contract with the same operation; the path parameter is `{id}`, the schema a $ref. */
function tinyDoc(thing: Record<string, any>, operationExtras: Record<string, any> = {}, method = 'put') {
  return {
    paths: {
      '/v2/{project_id}/things/{id}': {
        [method]: {
          operationId: 'putThing',
          parameters: [
            { $ref: '#/components/parameters/ProjectId' },
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
          ],
          ...(method === 'put' ? { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } : {}),
          responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
          ...operationExtras,
        },
      },
    },
    components: {
      parameters: { ProjectId: { name: 'project_id', in: 'path', required: true, schema: { type: 'string' } } },
      schemas: { Thing: thing },
    },
  };
}

const NAME = { goType: '*string', type: { kind: 'string' }, optional: true };
const summary = (doc: any, d: SdkDigest) =>
  compareContract(doc, d).differences.map((x) => `${x.place} ${x.field} ${x.kind}${x.explanation ? ' explained' : ''}`);

describe('the comparison itself', () => {
  it('finds nothing where the two agree (path parameter names differ, $ref and allOf resolved)', () => {
    const d = tinyDigest({ name: NAME, size: { goType: 'int32', type: { kind: 'int32' }, optional: false } });
    const doc = tinyDoc({
      allOf: [{ type: 'object', required: ['size'], properties: { size: { type: 'integer' } } }, { properties: { name: { type: 'string' } } }],
    });
    expect(compareContract(doc, d)).toEqual({ differences: [], unexplained: [], problems: [], compared: ['PutThing'] });
  });

  it('finds a field the contract lacks and one the SDK lacks, in the body and the response', () => {
    const d = tinyDigest({ name: NAME, remark: NAME });
    const doc = tinyDoc({ type: 'object', properties: { name: { type: 'string' }, extra: { type: 'string' } } });
    expect(summary(doc, d)).toEqual([
      'request body extra absent-in-sdk',
      'request body remark absent-in-contract',
      'response 200 extra absent-in-sdk',
      'response 200 remark absent-in-contract',
    ]);
  });

  it('finds a type mismatch (integer against string) and an enum one level down an array', () => {
    const d = tinyDigest({
      name: { goType: '*int32', type: { kind: 'int32' }, optional: true },
      kinds: { goType: '*[]ThingKind', type: { kind: 'array', items: { kind: 'enum', name: 'ThingKind' } }, optional: true },
    });
    const doc = tinyDoc({ type: 'object', properties: { name: { type: 'string' }, kinds: { type: 'array', items: { type: 'string' } } } });
    expect(summary(doc, d)).toEqual(['request body kinds[] enum', 'request body name type', 'response 200 kinds[] enum', 'response 200 name type']);
  });

  it('finds required against optional both ways: a required SDK field the contract leaves optional, a response field the contract requires', () => {
    const d = tinyDigest({ name: { goType: 'string', type: { kind: 'string' }, optional: false }, remark: NAME });
    const doc = tinyDoc({ type: 'object', required: ['remark'], properties: { name: { type: 'string' }, remark: { type: 'string' } } });
    expect(summary(doc, d)).toEqual([
      'request body name contract-optional',
      'request body remark contract-required',
      'response 200 name contract-optional',
      'response 200 remark contract-required',
    ]);
  });

  it('compares parameters: a required SDK query parameter the contract leaves optional, one it lacks', () => {
    const d = tinyDigest({ name: NAME }, 'GET');
    d.operations.PutThing!.parameters.push({
      name: 'tags',
      in: 'query',
      goName: 'Tags',
      goType: '*string',
      type: { kind: 'string' },
      optional: true,
      comment: 'API标签',
    });
    d.operations.PutThing!.parameters[2]!.optional = false;
    expect(summary(tinyDoc({ type: 'object', properties: { name: { type: 'string' } } }, {}, 'get'), d)).toEqual([
      'parameters limit contract-optional',
      'parameters tags absent-in-contract',
    ]);
  });

  it('takes an explanation on the property, on its object (its own fields only) or by name on the operation', () => {
    const d = tinyDigest({
      name: { goType: '*int32', type: { kind: 'int32' }, optional: true },
      remark: NAME,
      inner: { goType: '*Thing', type: { kind: 'model', name: 'Thing' }, optional: true },
    });
    const why = `${FILE} says so`;
    const onProperty = tinyDoc({
      type: 'object',
      properties: { name: { type: 'string', [EXTENSION]: why }, remark: { type: 'string' }, inner: { $ref: '#/components/schemas/Thing' } },
    });
    expect(compareContract(onProperty, d).unexplained.map((x) => x.field)).not.toContain('name');
    const onObject = tinyDoc({
      type: 'object',
      [EXTENSION]: why,
      properties: { name: { type: 'string' }, inner: { type: 'object', properties: { name: { type: 'string' } } } },
    });
    // The object's own fields are explained; a field of a nested object is not.
    expect(compareContract(onObject, d).unexplained.map((x) => x.field)).toEqual([
      'inner.inner',
      'inner.name',
      'inner.remark',
      'inner.inner',
      'inner.name',
      'inner.remark',
    ]);
    const byName = tinyDoc(
      { type: 'object', properties: { name: { type: 'string' }, remark: { type: 'string' }, inner: { type: 'object' } } },
      { [EXTENSION]: { name: why, 'inner.name': why, 'inner.remark': why, 'inner.inner': why } },
    );
    expect(compareContract(byName, d)).toMatchObject({ unexplained: [], problems: [] });
  });

  it('reports an operation-level explanation that names nothing, and an explanation that cites no model file', () => {
    const d = tinyDigest({ name: NAME });
    const doc = tinyDoc({ type: 'object', properties: { name: { type: 'string', [EXTENSION]: 'because' } } }, { [EXTENSION]: { nmae: `${FILE} has name` } });
    expect(compareContract(doc, d).problems).toEqual([expect.stringContaining('names "nmae", which is no parameter or field')]);
    expect(explanationProblems(doc, d)).toEqual([
      expect.stringContaining('/components/schemas/Thing/properties/name/x-current-definitions: cites no model file'),
    ]);
    expect(explanationProblems(tinyDoc({ type: 'object', [EXTENSION]: 'model_elsewhere.go' }, { [EXTENSION]: 'model_thing.go' }), d)).toEqual([
      expect.stringContaining('on an operation it is an object'),
      expect.stringContaining('cites model_elsewhere.go, which is not in sdk-go-v2'),
    ]);
  });

  it('matches path templates whatever their parameters are called', () => {
    expect(templateKey('get', '/v2/{project_id}/apps/{id}')).toBe(templateKey('GET', '/v2/{p}/apps/{app_id}'));
    expect(templateKey('get', '/v2/{p}/apps/{id}')).not.toBe(templateKey('GET', '/v2/{p}/apps/secret'));
  });

  it('prints the unexplained differences grouped by operation and place, with counts', () => {
    const d = tinyDigest({ name: NAME, remark: NAME });
    const report = formatReport(compareContract(tinyDoc({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } }), d), d);
    expect(report).toContain('4 unexplained of 4 differences; operations compared: 1');
    expect(report).toContain(
      'PutThing — PUT /v2/{project_id}/things/{id} (putThing): 4\n  request body\n    name: the contract requires it; the SDK marks it optional (omitempty) [model_thing.go]\n    remark: the contract lacks it',
    );
    expect(report).toMatch(/ {5}2 {2}the SDK has it, the contract lacks it \(absent-in-contract\)/);
  });
});

// The client checks bodies with its own small checker over each schema's rules as data
// (src/validation/schema-errors.ts), not with code compiled per schema: it must give exactly
// the errors ajv gives on the document's own schemas (allErrors, JSON Schema 2020-12), in the
// same order, for every body. Held to ajv on the edges of every rule and on generated bodies;
// so is the verdict alone (src/validation/follows-schema.ts), which every call uses first.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import document from '../../generated/openapi.json' with { type: 'json' };
import { BODY_RULES } from '../../generated/request-rules/bodies.js';
import { schemaErrors, type SchemaError } from '../../src/validation/schema-errors.js';
import { followsSchema } from '../../src/validation/follows-schema.js';
import { KEYWORDS } from '../../src/validation/schema-keywords.js';

type Node = {
  type?: string;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
};
const schemas = (document as unknown as { components: { schemas: Record<string, Node> } }).components.schemas;
// The document's schemas as they are (prose, examples and x- rules included: not strict about
// keywords), with strict numbers as the client always had them (Infinity is no integer).
const ajv = new Ajv2020({ allErrors: true, strictSchema: false });

/** What an issue is made from: where, which keyword, the limit or the missing field. */
const shape = (errors: readonly Pick<SchemaError, 'instancePath' | 'keyword' | 'params'>[] | null | undefined) =>
  (errors ?? []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, limit: params.limit, missingProperty: params.missingProperty }));

const OTHER_TYPES = [null, true, 0, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', [], ['x'], {}, { a: 1 }];

/** Values on and around each rule of `node`, and values of every other type. */
function edges(node: Node): unknown[] {
  const values: unknown[] = [...OTHER_TYPES, undefined];
  if (node.enum) values.push(...node.enum, `${String(node.enum[0])}x`, String(node.enum[0]).toLowerCase(), [node.enum[0]]);
  for (const limit of [node.minLength, node.maxLength]) {
    if (limit === undefined) continue;
    for (const n of [limit - 1, limit, limit + 1]) if (n >= 0) values.push('a'.repeat(n), `1${'a'.repeat(Math.max(n - 1, 0))}`, '字'.repeat(n), '😀'.repeat(n));
  }
  for (const limit of [node.minimum, node.maximum]) if (limit !== undefined) values.push(limit - 1, limit, limit + 1, limit + 0.5);
  if (node.items) values.push(['', 'a'], [1], [null], ['1.1.1.1', '1.2.3.256'], ['10.0.0.0/33'], ['1.1.1.1-'], ['192.168.0.5-192.168.0.10'], new Array(2));
  return values;
}

/** Strings a rule accepts and strings it refuses, with characters from everywhere. */
function strings(node: Node): fc.Arbitrary<string> {
  const any = fc.string({
    unit: fc.constantFrom('a', 'Z', '0', '_', '-', '.', '/', '+', '=', '!', '@', ' ', '字', '龥', 'é', '😀', '\uD800', '<'),
    maxLength: 40,
  });
  return node.pattern ? fc.oneof(fc.stringMatching(new RegExp(node.pattern)), any) : any;
}

function values(node: Node): fc.Arbitrary<unknown> {
  const edge = fc.constantFrom(...edges(node));
  if (node.type === 'string') return fc.oneof(edge, strings(node));
  if (node.type === 'integer') return fc.oneof(edge, fc.integer({ min: (node.minimum ?? 0) - 3, max: (node.maximum ?? 100) + 3 }), fc.double());
  if (node.type === 'array') return fc.oneof(edge, fc.array(fc.oneof(strings(node.items ?? {}), fc.constantFrom(...OTHER_TYPES)), { maxLength: 4 }));
  return edge;
}

/** Bodies: any mix of the schema's fields (each one absent, valid or not), unknown fields, and non-objects. */
function bodies(node: Node): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(Object.entries(node.properties ?? {}).map(([name, child]) => [name, values(child)]));
  return fc.oneof(
    { weight: 10, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 8 }), fc.anything()))
        .map(([b, extra]) => ({ ...extra, ...b })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...OTHER_TYPES, undefined) },
  );
}

describe.each(Object.keys(BODY_RULES))('%s: the same errors as ajv on the document’s schema', (name) => {
  const node = schemas[name]!;
  const reference = ajv.compile(node);
  const ours = BODY_RULES[name as keyof typeof BODY_RULES].schema;
  const verdicts = (body: unknown) => {
    const valid = reference(body);
    // The verdict alone, as a call reads it first: ajv's too.
    expect(followsSchema(ours, body), JSON.stringify(body) ?? String(body)).toBe(valid);
    return { ajv: shape(reference.errors), ours: shape(schemaErrors(ours, body, KEYWORDS)) };
  };

  it('on and around every rule of every field, one field at a time', () => {
    for (const [field, child] of Object.entries(node.properties ?? {})) {
      for (const value of edges(child)) {
        const { ajv: expected, ours: actual } = verdicts({ [field]: value });
        expect(actual, `${field}: ${String(value)}`).toEqual(expected);
      }
    }
  });

  it('on generated bodies', () => {
    let refused = 0;
    fc.assert(
      fc.property(bodies(node), (body) => {
        const { ajv: expected, ours: actual } = verdicts(body);
        if (expected.length > 0) refused++;
        expect(actual).toEqual(expected);
      }),
      { numRuns: 1500, seed: 29 },
    );
    // Both kinds were tried: bodies that break rules, and (see the edges) bodies that follow them.
    expect(refused).toBeGreaterThan(100);
  });

  it('a body that follows every rule has no error (the document’s request example)', () => {
    const example = Object.fromEntries(
      Object.entries(node.properties ?? {})
        .filter(([field]) => node.required?.includes(field))
        .map(([field, child]) => [
          field,
          child.type === 'array' ? [sample(child.items ?? {})] : child.type === 'integer' ? (child.minimum ?? 1) : (child.enum?.[0] ?? sample(child)),
        ]),
    );
    expect(reference(example), JSON.stringify(ajv.errors)).toBe(true);
    expect(schemaErrors(ours, example, KEYWORDS)).toEqual([]);
    expect(followsSchema(ours, example)).toBe(true);
  });
});

/** A string the field accepts, from fast-check's reading of its pattern (or letters for a length). */
function sample(node: Node): string {
  if (node.pattern) return fc.sample(fc.stringMatching(new RegExp(node.pattern)), { numRuns: 1, seed: 1 })[0]!;
  return 'a'.repeat(Math.max(node.minLength ?? 1, 1));
}

it('the checker knows every keyword the request schemas use (the generator refuses others)', () => {
  const used = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node)) {
      used.add(key);
      if (key === 'properties') for (const property of Object.values(child as object)) walk(property);
      if (key === 'items' || key === 'not') walk(child);
    }
  };
  for (const { schema } of Object.values(BODY_RULES)) walk(schema);
  expect([...used].sort()).toEqual(
    ['enum', 'items', 'maxLength', 'minItems', 'minLength', 'minimum', 'maximum', 'not', 'pattern', 'properties', 'required', 'type'].sort(),
  );
});

describe('on schemas of its own: every keyword it knows, in any mix, against ajv', () => {
  // The contract's schemas use a few mixes of keywords; a later contract may use others (a list
  // with maxItems, an enum on a list): the checker must still give ajv's errors, in ajv's order.
  const reference = new Ajv2020({ allErrors: true, strict: false, strictNumbers: true });
  const PATTERNS = ['^[a-z]+$', '[0-9]', '^.$', '^[A-Za-z一-龥][A-Za-z0-9_一-龥]{0,3}$'];
  const scalar = fc.constantFrom<unknown>(
    null,
    true,
    0,
    1,
    2,
    1.5,
    -1,
    7,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    'a',
    'ab',
    '12',
    '😀',
    '字',
    'A_1',
    '9',
    '300',
  );
  const value: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 3, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'b', 'c'), scalar, { maxKeys: 3 }) },
  );
  const small = fc.integer({ min: 0, max: 3 });
  const keywords = (depth: number): fc.Arbitrary<Record<string, unknown>> =>
    fc.record(
      {
        type: fc.constantFrom('string', 'array', 'integer', 'object'),
        enum: fc.array(scalar, { minLength: 1, maxLength: 3 }),
        not: depth > 0 ? fc.record({ pattern: fc.constantFrom(...PATTERNS) }) : fc.constant({ type: 'string' }),
        minLength: small,
        maxLength: small,
        pattern: fc.constantFrom(...PATTERNS),
        minimum: fc.integer({ min: -1, max: 3 }),
        maximum: fc.integer({ min: 0, max: 8 }),
        minItems: small,
        maxItems: small,
        items: depth > 0 ? keywords(depth - 1) : fc.constant({ type: 'string' }),
        required: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 2 }),
        properties: depth > 0 ? fc.dictionary(fc.constantFrom('a', 'b', 'c'), keywords(depth - 1), { maxKeys: 2 }) : fc.constant({}),
      },
      { requiredKeys: [] },
    );

  it('gives the errors ajv gives, in the same order, and its verdict alone', () => {
    fc.assert(
      fc.property(keywords(1), fc.array(value, { minLength: 8, maxLength: 8 }), (schema, values) => {
        const validate = reference.compile(schema);
        for (const body of values) {
          const valid = validate(body);
          expect(shape(schemaErrors(schema as never, body, KEYWORDS)), JSON.stringify({ schema, body })).toEqual(shape(validate.errors));
          expect(followsSchema(schema as never, body), JSON.stringify({ schema, body })).toBe(valid);
        }
      }),
      { numRuns: 800, seed: 2029 },
    );
  });

  it('numbers as strings are no numbers; Infinity is no integer, and past no bound', () => {
    const schema = { type: 'integer', minimum: 1, maximum: 10 } as const;
    expect(shape(schemaErrors(schema, '300', KEYWORDS))).toEqual([{ instancePath: '', keyword: 'type', limit: undefined, missingProperty: undefined }]);
    expect(shape(schemaErrors(schema, Number.POSITIVE_INFINITY, KEYWORDS))).toEqual([
      { instancePath: '', keyword: 'type', limit: undefined, missingProperty: undefined },
    ]);
    expect([followsSchema(schema, '300'), followsSchema(schema, Number.POSITIVE_INFINITY), followsSchema(schema, 10)]).toEqual([false, false, true]);
  });
});

// Checks a value against a request body's schema (generated/request-rules/) and gives the errors
// ajv gives with allErrors, in ajv's order, for the keywords the contract's request schemas use
// (scripts/generate/request-rules.mjs refuses any other). Data in, no code per schema: a page
// loads only the rules of the operations it calls. test/client/schema-errors.test.ts holds it
// to ajv's verdicts.
import type { SchemaNode } from '../../generated/request-rules/index.js';
import type { Kind, SchemaKeywords } from './schema-keywords.js';

/** What broke where, as ajv reports it (the fields of ajv's error that issues are made from). */
export interface SchemaError {
  /** JSON pointer of the value at fault: `` (the body), `/name`, `/api_ids/0`. */
  instancePath: string;
  keyword: string;
  params: { limit?: number; missingProperty?: string };
}

/** The keywords of ajv's type groups; a type with any of them reports its type error after the group's keywords. */
const GROUP_KEYWORDS: Partial<Record<Kind, readonly (keyof SchemaNode)[]>> = {
  string: ['maxLength', 'minLength', 'pattern'],
  array: ['maxItems', 'minItems', 'items'],
  object: ['required', 'properties'],
};

/** The errors of `value` against `node`, appended to `out` in ajv's order. */
function check(node: SchemaNode, value: unknown, path: string, out: SchemaError[], keywords: SchemaKeywords): void {
  const { IS, length, matches } = keywords;
  const fail = (keyword: string, params: SchemaError['params'] = {}, at = path) => out.push({ instancePath: at, keyword, params });
  const type = node.type;
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: equivalent: GROUP_KEYWORDS has no group for an absent type, and a type without a group has no keyword to find, whatever the fallback list holds
  const grouped = type !== undefined && (GROUP_KEYWORDS[type] ?? []).some((keyword) => node[keyword] !== undefined);
  if (type && !grouped && !IS[type](value)) fail('type');
  // (=== as ajv compares a scalar: NaN is in no enum. The generator allows scalar values only.)
  if (node.enum && !node.enum.some((allowed) => allowed === value)) fail('enum');
  if (node.not) {
    const inner: SchemaError[] = [];
    check(node.not, value, path, inner, keywords);
    if (inner.length === 0) fail('not');
  }
  // (A finite number: ajv compares no string and no Infinity with a bound.)
  if (Number.isFinite(value)) {
    const number = value as number;
    // Stryker disable next-line ConditionalExpression: without the keyword the comparison with undefined is false anyway (the guard is for the type checker)
    if (node.maximum !== undefined && number > node.maximum) fail('maximum', { limit: node.maximum });
    // Stryker disable next-line ConditionalExpression: without the keyword the comparison with undefined is false anyway (the guard is for the type checker)
    if (node.minimum !== undefined && number < node.minimum) fail('minimum', { limit: node.minimum });
  }
  if (typeof value === 'string') {
    // Stryker disable next-line ConditionalExpression: without the keyword the comparison with undefined is false anyway (the guard is for the type checker)
    if (node.maxLength !== undefined && length(value) > node.maxLength) fail('maxLength', { limit: node.maxLength });
    // Stryker disable next-line ConditionalExpression: without the keyword the comparison with undefined is false anyway (the guard is for the type checker)
    if (node.minLength !== undefined && length(value) < node.minLength) fail('minLength', { limit: node.minLength });
    // Stryker disable next-line ConditionalExpression: without the keyword the comparison with undefined is false anyway (the guard is for the type checker)
    if (node.pattern !== undefined && !matches(node.pattern, value)) fail('pattern');
  } else if (grouped && type === 'string') fail('type');
  if (Array.isArray(value)) {
    // Stryker disable next-line ConditionalExpression: without the keyword the comparison with undefined is false anyway (the guard is for the type checker)
    if (node.maxItems !== undefined && value.length > node.maxItems) fail('maxItems', { limit: node.maxItems });
    // Stryker disable next-line ConditionalExpression: without the keyword the comparison with undefined is false anyway (the guard is for the type checker)
    if (node.minItems !== undefined && value.length < node.minItems) fail('minItems', { limit: node.minItems });
    if (node.items) for (const [i, item] of value.entries()) check(node.items, item, `${path}/${i}`, out, keywords);
  } else if (grouped && type === 'array') fail('type');
  if (IS.object(value)) {
    const record = value as Record<string, unknown>;
    for (const name of node.required ?? []) if (record[name] === undefined) fail('required', { missingProperty: name });
    for (const [name, child] of Object.entries(node.properties ?? {}))
      if (record[name] !== undefined) check(child, record[name], `${path}/${name}`, out, keywords);
  } else if (grouped && type === 'object') fail('type');
}

/** The errors of `value` against a request body's schema, read with `keywords` (./schema-keywords.ts's KEYWORDS); empty when it follows it. */
export function schemaErrors(schema: SchemaNode, value: unknown, keywords: SchemaKeywords): SchemaError[] {
  const out: SchemaError[] = [];
  check(schema, value, '', out, keywords);
  return out;
}

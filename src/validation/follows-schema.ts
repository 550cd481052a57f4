// Whether a value follows a request body's schema: the verdict of ./schema-errors.ts (and so of
// ajv) without the errors, which are worked out only for a body that does not (a page whose
// bodies follow the rules never loads that code). test/client/schema-errors.test.ts holds the two
// to the same verdicts.
import type { SchemaNode } from '../../generated/request-rules/index.js';
import { IS, length, matches } from './schema-keywords.js';

const within = (value: number, min = -Infinity, max = Infinity) => value >= min && value <= max;

export function followsSchema(node: SchemaNode, value: unknown): boolean {
  if (node.type && !IS[node.type](value)) return false;
  if (node.enum && !node.enum.some((allowed) => allowed === value)) return false;
  if (node.not && followsSchema(node.not, value)) return false;
  // (A finite number: past no bound is Infinity, as ajv reads it; a string is no number.)
  if (Number.isFinite(value) && !within(value as number, node.minimum, node.maximum)) return false;
  if (typeof value === 'string') {
    if (!within(length(value), node.minLength, node.maxLength)) return false;
    // Stryker disable next-line ConditionalExpression: without the keyword the empty pattern matches anyway (the guard is for the type checker)
    if (node.pattern !== undefined && !matches(node.pattern, value)) return false;
  }
  if (Array.isArray(value)) {
    if (!within(value.length, node.minItems, node.maxItems)) return false;
    // (Every entry, holes of a sparse list included: `every` would skip them; ajv reads them as undefined.)
    if (node.items && !Array.from(value).every((item) => followsSchema(node.items as SchemaNode, item))) return false;
  }
  if (IS.object(value)) {
    const record = value as Record<string, unknown>;
    if (node.required?.some((name) => record[name] === undefined)) return false;
    for (const [name, child] of Object.entries(node.properties ?? {})) if (record[name] !== undefined && !followsSchema(child, record[name])) return false;
  }
  return true;
}

// What the two readings of a request schema share (./follows-schema.ts on every call,
// ./schema-errors.ts on a refusal): ajv's type tests, its string length and the patterns.
// schema-errors takes them from its caller (KEYWORDS), so the code a client loads on a refusal
// reads the ones the page loaded with the verdict: a module imported both up front and by lazy
// code becomes a file of its own in a split bundle (0.15 kB more on every page, measured).
import type { SchemaNode } from '../../generated/request-rules/index.js';

export type Kind = NonNullable<SchemaNode['type']>;

/** ajv's type tests (strict numbers: an integer is a finite number with no fraction). */
export const IS: Record<Kind, (value: unknown) => boolean> = {
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  string: (value) => typeof value === 'string',
  array: Array.isArray,
  integer: Number.isInteger,
};

const patterns = new Map<string, RegExp>();
/** Whether `value` matches `pattern` (a `u` regular expression, compiled once). */
export function matches(pattern: string, value: string): boolean {
  let re = patterns.get(pattern);
  // Stryker disable next-line ConditionalExpression: a cache: compiling the pattern every time gives the same verdict
  if (!re) {
    re = new RegExp(pattern, 'u');
    // Stryker disable next-line CallExpression: a cache: a pattern not kept is compiled again next time, to the same verdict
    patterns.set(pattern, re);
  }
  return re.test(value);
}

/** ajv's `ucs2length`: code points, so an emoji is one character. */
export const length = (value: string) => Array.from(value).length;

/** The keywords' readings, as ./schema-errors.ts takes them. */
export interface SchemaKeywords {
  IS: typeof IS;
  matches: typeof matches;
  length: typeof length;
}

export const KEYWORDS: SchemaKeywords = { IS, matches, length };

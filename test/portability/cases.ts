// The rule table's cases as plain request bodies with the verdict the source pages give,
// for consumers in other languages (written to a JSON file they read).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BODY_CASES, FIELD_CASES, REQUEST_FIELDS, bodyWith, label } from '../rules/create-app-rules.js';

export interface PortableCase {
  id: string;
  body: unknown;
  valid: boolean;
  /** For single-field cases: the field and its value. */
  field?: string;
  value?: unknown;
}

export const CASES: readonly PortableCase[] = [
  ...FIELD_CASES.map((c) => ({ id: `${c.field} = ${label(c.value)} (${c.why})`, body: bodyWith(c.field, c.value), valid: c.valid, field: c.field, value: c.value })),
  ...BODY_CASES.map((c) => ({ id: `body ${label(c.body)} (${c.why})`, body: c.body, valid: c.valid })),
];

/** Writes the cases as `[{ id, body, valid }]` and returns the file's path. */
export function writeCasesFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'apig-portability-')), 'cases.json');
  writeFileSync(file, JSON.stringify(CASES.map(({ id, body, valid }) => ({ id, body, valid }))));
  return file;
}

/** The ids of the cases where `verdicts` (one per case, in order) differ from the pages. */
export function disagreements(verdicts: readonly boolean[]): string[] {
  if (verdicts.length !== CASES.length) return [`got ${verdicts.length} verdicts for ${CASES.length} cases`];
  return CASES.filter((c, i) => verdicts[i] !== c.valid).map((c) => `${c.id}: pages say ${c.valid ? 'valid' : 'invalid'}`);
}

/**
 * What a validator that counts UTF-16 units (JavaScript's `.length`, as zod 3 does) gets wrong:
 * the valid cases whose astral characters (two units each) push them past the field's maximum.
 */
export const UTF16_LENGTH_DISAGREEMENTS = CASES.filter((c) => {
  const rule = REQUEST_FIELDS.find((f) => f.field === c.field);
  return c.valid && typeof c.value === 'string' && rule !== undefined && c.value.length > rule.maxLength;
}).map((c) => `${c.id}: pages say valid`);

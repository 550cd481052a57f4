// The rule table's cases as plain request bodies with the verdict the source pages give,
// for consumers in other languages (written to a JSON file they read).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BODY_CASES, FIELD_CASES, REQUEST_FIELDS, bodyWith, label } from '../rules/create-app-rules.js';
import { OPERATIONS, V1_RESET_CASES, V2_BODY_CASES, type OperationKind } from '../rules/lifecycle-rules.js';
import { APP_CODE_CASES, AUTHORIZE_CASES, GRANT_OPERATIONS } from '../rules/app-grant-rules.js';
import { FAMILY_CASE_SETS, FAMILY_OPERATIONS } from '../rules/app-family-v2-rules.js';
import { FAMILIES_IN_CONTRACT } from '../contract/contract-mismatches.js';

export interface PortableCase {
  id: string;
  body: unknown;
  valid: boolean;
  /** For single-field cases: the field and its value. */
  field?: string;
  value?: unknown;
}

export const CASES: readonly PortableCase[] = [
  ...FIELD_CASES.map((c) => ({
    id: `${c.field} = ${label(c.value)} (${c.why})`,
    body: bodyWith(c.field, c.value),
    valid: c.valid,
    field: c.field,
    value: c.value,
  })),
  ...BODY_CASES.map((c) => ({ id: `body ${label(c.body)} (${c.why})`, body: c.body, valid: c.valid })),
];

/** Writes the cases as `[{ id, body, valid }]` and returns the file's path. */
export function writeCasesFile(cases: readonly PortableCase[] = CASES): string {
  const file = join(mkdtempSync(join(tmpdir(), 'apig-portability-')), 'cases.json');
  writeFileSync(file, JSON.stringify(cases.map(({ id, body, valid }) => ({ id, body, valid }))));
  return file;
}

/** The ids of the cases where `verdicts` (one per case, in order) differ from the pages. */
export function disagreements(verdicts: readonly boolean[], cases: readonly PortableCase[] = CASES): string[] {
  if (verdicts.length !== cases.length) return [`got ${verdicts.length} verdicts for ${cases.length} cases`];
  return cases.filter((c, i) => verdicts[i] !== c.valid).map((c) => `${c.id}: pages say ${c.valid ? 'valid' : 'invalid'}`);
}

const operationsOf = (test: (o: (typeof OPERATIONS)[number]) => boolean) => OPERATIONS.filter(test).map((o) => `${o.method.toUpperCase()} ${o.path}`);
const grantOperationsOf = (test: (o: (typeof GRANT_OPERATIONS)[number]) => boolean) =>
  GRANT_OPERATIONS.filter(test).map((o) => `${o.method.toUpperCase()} ${o.path}`);
const v2Cases = (kind: OperationKind): PortableCase[] =>
  V2_BODY_CASES.filter((c) => c.kind === kind).map((c) => ({ id: `${label(c.body)} (${c.why})`, body: c.body, valid: c.valid }));

/** Every operation that takes a body, with the cases its page's rules decide. */
export const CASE_SETS: ReadonlyArray<{ name: string; operations: string[]; cases: readonly PortableCase[] }> = [
  {
    name: 'create and update, v1.0 and v1',
    operations: operationsOf((o) => o.generation !== 'v2' && (o.kind === 'create' || o.kind === 'update')),
    cases: CASES,
  },
  {
    name: 'reset secret, v1.0 and v1',
    operations: operationsOf((o) => o.generation !== 'v2' && o.kind === 'reset'),
    cases: V1_RESET_CASES.map((c) => ({ id: `${label(c.body)} (${c.why})`, body: c.body, valid: c.valid })),
  },
  { name: 'create, v2', operations: operationsOf((o) => o.generation === 'v2' && o.kind === 'create'), cases: v2Cases('create') },
  { name: 'update, v2', operations: operationsOf((o) => o.generation === 'v2' && o.kind === 'update'), cases: v2Cases('update') },
  { name: 'reset secret, v2', operations: operationsOf((o) => o.generation === 'v2' && o.kind === 'reset'), cases: v2Cases('reset') },
  ...(['v1.0', 'v2'] as const).map((generation) => ({
    name: `create AppCode, ${generation}`,
    operations: grantOperationsOf((o) => o.generation === generation && o.kind === 'createAppCode'),
    cases: APP_CODE_CASES.filter((c) => c.generation === generation).map((c) => ({
      id: `app_code = ${label(c.value)} (${c.why})`,
      body: { app_code: c.value },
      valid: c.valid,
    })),
  })),
  {
    name: 'authorize APPs, every generation',
    operations: grantOperationsOf((o) => o.kind === 'authorize'),
    cases: AUTHORIZE_CASES.map((c) => ({ id: `${label(c.body)} (${c.why})`, body: c.body, valid: c.valid })),
  },
  // The v2 families beside the APP (client quotas, APP access control, AI API keys) the contract holds.
  ...FAMILY_CASE_SETS.map((set) => ({
    name: `${set.name}, v2`,
    operations: FAMILY_OPERATIONS.filter((o) => set.operations.includes(o.sdkName) && FAMILIES_IN_CONTRACT.includes(o.family)).map(
      (o) => `${o.method.toUpperCase()} ${o.path}`,
    ),
    cases: set.cases.map((c) => ({ id: `${label(c.body)} (${c.why})`, body: c.body, valid: c.valid })),
  })).filter((set) => set.operations.length > 0),
];

/**
 * What a validator that counts UTF-16 units (JavaScript's `.length`, as zod 3 does) gets wrong:
 * the valid cases whose astral characters (two units each) push them past the field's maximum.
 */
export const UTF16_LENGTH_DISAGREEMENTS = CASES.filter((c) => {
  const rule = REQUEST_FIELDS.find((f) => f.field === c.field);
  return c.valid && typeof c.value === 'string' && rule !== undefined && c.value.length > rule.maxLength;
}).map((c) => `${c.id}: pages say valid`);

// The issues of a body that breaks its schema's rules, loaded only then (./check-body.ts): the
// rules' words, the checker that finds each error in ajv's order, and the wording.
import { LOAD_BODY_RULES } from '../../generated/request-rules/load-body-rules.js';
import type { RequestSchemaName } from '../../generated/request-rules/index.js';
import { issuesOf, type ValidationIssue } from './body-issues.js';
import { schemaErrors } from './schema-errors.js';
import type { SchemaKeywords } from './schema-keywords.js';

/** The issues of `body`, which breaks a rule of the schema `name`; `keywords` are the ones the verdict read (KEYWORDS). */
export async function refusedBodyIssues(
  name: RequestSchemaName,
  body: unknown,
  allowUnknownFields: boolean,
  keywords: SchemaKeywords,
): Promise<ValidationIssue[]> {
  const rules = (await LOAD_BODY_RULES[name]()).default;
  return issuesOf(rules, body, schemaErrors(rules.schema, body, keywords), allowUnknownFields);
}

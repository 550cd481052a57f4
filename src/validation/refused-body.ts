// The issues of a body that breaks its schema's rules, loaded only then (./check-body.ts): the
// rules' words, the checker that finds each error in ajv's order, and the wording.
import { LOAD_BODY_RULES } from '../../generated/request-rules/load-body-rules.js';
import type { RequestSchemaName } from '../../generated/request-rules/index.js';
import { issuesOf, type ValidationIssue } from './body-issues.js';
import { schemaErrors } from './schema-errors.js';

export async function refusedBodyIssues(name: RequestSchemaName, body: unknown, allowUnknownFields: boolean): Promise<ValidationIssue[]> {
  const rules = (await LOAD_BODY_RULES[name]()).default;
  return issuesOf(rules, body, schemaErrors(rules.schema, body), allowUnknownFields);
}

// Checks a request body against the contract, for every operation that takes one, at once and
// synchronously: every body schema's rules come with it. The client checks the same way, loading
// each operation's rules when first called (./check-body.ts).
import { BODY_RULES } from '../../generated/request-rules/bodies.js';
import type { RequestSchemaName } from '../../generated/request-rules/index.js';
import { issuesOf, type ValidationIssue } from './body-issues.js';
import { schemaErrors } from './schema-errors.js';
import { KEYWORDS } from './schema-keywords.js';

export type { RequestSchemaName, ValidationIssue };

export type BodyValidationResult<T> = { valid: true; value: T } | { valid: false; issues: ValidationIssue[] };

export interface BodyValidationOptions {
  /** Accept fields the pages do not list (ones the gateway added later). Default false. */
  allowUnknownFields?: boolean;
}

/** Validates a request body against the named schema of the contract. */
export function validateRequestBody<T = Record<string, unknown>>(
  schema: RequestSchemaName,
  body: unknown,
  { allowUnknownFields = false }: BodyValidationOptions = {},
): BodyValidationResult<T> {
  if (!Object.hasOwn(BODY_RULES, schema)) {
    throw new TypeError(
      `validateRequestBody: ${JSON.stringify(String(schema).slice(0, 60))} is not a request body schema of the contract; the schemas are ${Object.keys(BODY_RULES).join(', ')}`,
    );
  }
  const rules = BODY_RULES[schema];
  const issues = issuesOf(rules, body, schemaErrors(rules.schema, body, KEYWORDS), allowUnknownFields);
  return issues.length === 0 ? { valid: true, value: body as T } : { valid: false, issues };
}

// The client's body check: the operation's rules are loaded when it is first called, and the
// code that words the issues only when a body breaks one (a page loads neither for operations
// it does not call). Same verdicts and issues as validateRequestBody.
import { LOAD_BODY_RULES, type BodyRules, type RequestSchemaName } from '../../generated/request-rules/index.js';
import type { ValidationIssue } from './body-issues.js';
import { loadOnce } from './load-once.js';
import { schemaErrors } from './schema-errors.js';

/** Whether a body that follows its schema (so an object: every request schema is one) has a field the rules do not list. */
function hasUnknownField(rules: BodyRules, body: object): boolean {
  return Object.keys(body).some((field) => !Object.hasOwn(rules.fields, field));
}

/** Each schema's rules, imported the first time its operation is called. */
const rulesOf = loadOnce((schema: RequestSchemaName) => LOAD_BODY_RULES[schema]());

/** The issues of `body` against the named schema; undefined when it follows it. */
export async function bodyIssues(schema: RequestSchemaName, body: unknown, allowUnknownFields: boolean): Promise<ValidationIssue[] | undefined> {
  const rules = await rulesOf(schema);
  const errors = schemaErrors(rules.schema, body);
  if (errors.length === 0 && (allowUnknownFields || !hasUnknownField(rules, body as object))) return undefined;
  const { issuesOf } = await import('./body-issues.js');
  const issues = issuesOf(rules, body, errors, allowUnknownFields);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: never empty here (every error, and every unknown field, is an issue); kept so that an empty list can never refuse a body
  return issues.length > 0 ? issues : undefined;
}

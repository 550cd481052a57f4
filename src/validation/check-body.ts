// The client's body check: the operation's rules are loaded when it is first called, and the
// code that words the issues only when a body breaks one (a page loads neither for operations
// it does not call). Same verdicts and issues as validateRequestBody.
import { LOAD_BODY_RULES, type BodyRules, type RequestSchemaName } from '../../generated/request-rules/index.js';
import type { ValidationIssue } from './body-issues.js';
import { schemaErrors } from './schema-errors.js';

/** Whether a body that follows its schema (so an object: every request schema is one) has a field the rules do not list. */
function hasUnknownField(rules: BodyRules, body: object): boolean {
  return Object.keys(body).some((field) => !Object.hasOwn(rules.fields, field));
}

const loaded = new Map<RequestSchemaName, BodyRules>();
/** A schema's rules, imported once: an import() per call would cost every later call the module loader's lookup. */
async function rulesOf(schema: RequestSchemaName): Promise<BodyRules> {
  let rules = loaded.get(schema);
  // Stryker disable next-line ConditionalExpression,BlockStatement: a cache: importing again gives the same rules
  if (!rules) {
    rules = (await LOAD_BODY_RULES[schema]()).default;
    // Stryker disable next-line CallExpression: a cache: rules not kept are imported again next time, the same rules
    loaded.set(schema, rules);
  }
  return rules;
}

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

// The client's body check: the operation's schema is loaded when it is first called, and the
// rules' words, the checker that finds each error and the code that words the issues only when a
// body breaks one (a page loads none of them for operations it does not call, nor for bodies
// that follow the rules). Same verdicts and issues as validateRequestBody.
import { LOAD_BODY_SCHEMA, type RequestSchemaName, type SchemaNode } from '../../generated/request-rules/index.js';
import type { ValidationIssue } from './body-issues.js';
import { followsSchema } from './follows-schema.js';
import { loadOnce } from './load-once.js';

/** Whether a body that follows its schema (so an object: every request schema is one) has a field the schema does not list. */
function hasUnknownField(schema: SchemaNode, body: object): boolean {
  return Object.keys(body).some((field) => !Object.hasOwn(schema.properties ?? {}, field));
}

/** Each body schema, imported the first time its operation is called. */
const schemaOf = loadOnce((name: RequestSchemaName) => LOAD_BODY_SCHEMA[name]());

/** The issues of `body` against the named schema; undefined when it follows it. */
export async function bodyIssues(name: RequestSchemaName, body: unknown, allowUnknownFields: boolean): Promise<ValidationIssue[] | undefined> {
  const schema = await schemaOf(name);
  if (followsSchema(schema, body) && (allowUnknownFields || !hasUnknownField(schema, body as object))) return undefined;
  const issues = await (await import('./refused-body.js')).refusedBodyIssues(name, body, allowUnknownFields);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: never empty here (every error, and every unknown field, is an issue); kept so that an empty list can never refuse a body
  return issues.length > 0 ? issues : undefined;
}

// The client's body check: the operation's schema is loaded when it is first called, and the
// rules' words, the checker that finds each error and the code that words the issues only when a
// body breaks one (a page loads none of them for operations it does not call, nor for bodies
// that follow the rules). Same verdicts and issues as validateRequestBody.
import type { BodySchemaRef, SchemaNode } from '../../generated/request-rules/index.js';
import type { ValidationIssue } from './body-issues.js';
import { followsSchema } from './follows-schema.js';
import { KEYWORDS } from './schema-keywords.js';

/** Whether a body that follows its schema (so an object: every request schema is one) has a field the schema does not list. */
function hasUnknownField(schema: SchemaNode, body: object): boolean {
  return Object.keys(body).some((field) => !Object.hasOwn(schema.properties ?? {}, field));
}

/** The issues of `body` against the schema; undefined when it follows it. */
export async function bodyIssues({ name, load }: BodySchemaRef, body: unknown, allowUnknownFields: boolean): Promise<ValidationIssue[] | undefined> {
  // (import() is the memo: a module is fetched and run once; later calls get it from the page's module map.)
  const schema = (await load()).default;
  if (followsSchema(schema, body) && (allowUnknownFields || !hasUnknownField(schema, body as object))) return undefined;
  const issues = await (await import('./refused-body.js')).refusedBodyIssues(name, body, allowUnknownFields, KEYWORDS);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: never empty here (every error, and every unknown field, is an issue); kept so that an empty list can never refuse a body
  return issues.length > 0 ? issues : undefined;
}

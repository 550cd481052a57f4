// Checks a Create APP body against the contract before it is sent. The checks are the
// standalone code compiled from the bundled document at build time; this module only turns
// their results into readable issues. Issues never quote the value (it may be a secret).
import { REQUEST_FIELD_RULES, validate, type AjvError } from '../../generated/create-app-request-validator.js';
import type { CreateAppRequest } from '../types.js';

export type RequestField = keyof typeof REQUEST_FIELD_RULES;

export interface ValidationIssue {
  /** The field at fault, or `(body)` when the body itself is not a JSON object. */
  field: RequestField | '(body)';
  /** What was broken: `required`, `type`, `minLength`, `maxLength` or `characters`. */
  rule: 'required' | 'type' | 'minLength' | 'maxLength' | 'characters';
  /** English, then the source page's Chinese rule. */
  message: string;
}

export type ValidationResult = { valid: true; value: CreateAppRequest } | { valid: false; issues: ValidationIssue[] };

const characters = (value: string) => Array.from(value).length;
const charactersPatterns = new Map(
  Object.entries(REQUEST_FIELD_RULES)
    .filter(([, rule]) => rule.charactersPattern)
    .map(([field, rule]) => [field, new RegExp(rule.charactersPattern!, 'u')]),
);

function fieldOf(error: AjvError): string | undefined {
  if (error.keyword === 'required') return error.params.missingProperty;
  return error.instancePath.split('/')[1];
}

function describe(field: RequestField, error: AjvError, value: unknown): Omit<ValidationIssue, 'field'> | undefined {
  const rule = REQUEST_FIELD_RULES[field];
  const because = `Rule: ${rule.en}. 规则：${rule.zh}`;
  switch (error.keyword) {
    case 'required':
      return { rule: 'required', message: `${field} is required (是否必选：是). ${because}` };
    case 'type':
      return { rule: 'type', message: `${field} must be a string, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}. ${because}` };
    case 'minLength':
      return { rule: 'minLength', message: `${field} must be at least ${error.params.limit} characters (it has ${characters(String(value))}). ${because}` };
    case 'maxLength':
      return { rule: 'maxLength', message: `${field} must be at most ${error.params.limit} characters (it has ${characters(String(value))}). ${because}` };
    case 'pattern':
      // The pattern also bounds the length; report it only for a character problem.
      if (charactersPatterns.get(field)?.test(String(value))) return undefined;
      return { rule: 'characters', message: `${field} has a character that is not allowed, or starts with one that is not allowed there. ${because}` };
    case 'not':
      // `not: {pattern: "[^…]"}`: a character outside the allowed set (what the pattern's
      // `$` misses in other regex dialects). Same rule as `pattern`, one issue for both.
      // A non-string also fails `not` (pattern ignores it); its `type` issue says enough.
      if (typeof value !== 'string') return undefined;
      return { rule: 'characters', message: `${field} has a character that is not allowed, or starts with one that is not allowed there. ${because}` };
    default:
      return { rule: 'type', message: `${field} does not follow its rule (${error.keyword}). ${because}` };
  }
}

/** Validates a Create APP request body against the contract's rules. */
export function validateCreateAppRequest(body: unknown): ValidationResult {
  if (validate(body)) return { valid: true, value: body as CreateAppRequest };
  const issues: ValidationIssue[] = [];
  for (const error of validate.errors ?? []) {
    const field = fieldOf(error);
    if (!field || !(field in REQUEST_FIELD_RULES)) {
      issues.push({ field: '(body)', rule: 'type', message: 'The request body must be a JSON object with at least a name (请求消息必须为JSON对象).' });
      continue;
    }
    const value = (body as Record<string, unknown>)[field];
    const issue = describe(field as RequestField, error, value);
    if (issue && !issues.some((seen) => seen.field === field && seen.rule === issue.rule)) issues.push({ field: field as RequestField, ...issue });
  }
  return { valid: false, issues };
}

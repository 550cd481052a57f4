// Checks a list call's query parameters against the contract (types, limits, allowed values)
// before it is sent. Each operation's rules (generated/request-rules/query/) are loaded when it
// is first called.
import { LOAD_QUERY_RULES } from '../../generated/request-rules/load-query-rules.js';
import type { ValidationIssue } from './body-issues.js';

const TYPE_WORDS = { integer: 'an integer', string: 'a string', array: 'a string or a list of strings (each sent as its own parameter)' } as const;

/** Whether `value` is a query value of the rule's type (a list parameter takes one string too). */
function hasType(type: keyof typeof TYPE_WORDS, value: unknown): boolean {
  if (type === 'integer') return Number.isSafeInteger(value);
  if (type === 'array') return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
  return typeof value === 'string';
}

/** Issues for `query` on the operation `METHOD path`; empty when it follows the contract. */
export async function queryIssues(operation: string, query: Record<string, unknown> | undefined): Promise<ValidationIssue[]> {
  const rules = Object.hasOwn(LOAD_QUERY_RULES, operation) ? (await LOAD_QUERY_RULES[operation]!()).default : {};
  const issues: ValidationIssue[] = [];
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.required && query?.[name] === undefined) issues.push({ field: name, rule: 'required', message: `${name} is required (是否必选：是).` });
  }
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const rule = rules[name];
    if (!rule) {
      issues.push({
        field: name,
        rule: 'unknown',
        message: `${name} is not a query parameter of ${operation} (the source page lists ${Object.keys(rules).join(', ') || 'none'}). 该参数不在查询参数表中。`,
      });
      continue;
    }
    if (!hasType(rule.type, value)) {
      issues.push({ field: name, rule: 'type', message: `${name} must be ${TYPE_WORDS[rule.type]}.` });
      continue;
    }
    // Stryker disable next-line ConditionalExpression: a comparison with undefined is false anyway
    if (rule.minimum !== undefined && (value as number) < rule.minimum)
      issues.push({ field: name, rule: 'minLength', message: `${name} must be at least ${rule.minimum} (最小值：${rule.minimum}).` });
    // Stryker disable next-line ConditionalExpression: a comparison with undefined is false anyway
    if (rule.maximum !== undefined && (value as number) > rule.maximum)
      issues.push({ field: name, rule: 'maxLength', message: `${name} must be at most ${rule.maximum} (最大值：${rule.maximum}).` });
    if (rule.enum && !rule.enum.includes(value as string))
      issues.push({ field: name, rule: 'characters', message: `${name} must be one of ${rule.enum.join(', ')} (取值：${rule.enum.join('、')}).` });
  }
  return issues;
}

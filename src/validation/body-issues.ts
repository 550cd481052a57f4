// Turns a body's schema errors (./schema-errors.ts) into readable issues, in English and the
// source page's Chinese, and refuses fields the source pages do not list (a typo such as `appKey`
// would otherwise be dropped without a word). Issues never quote a value: a character rule shows
// the one character at fault (none of a secret). Loaded only when a body breaks a rule.
import type { BodyRules, RequestFieldRule } from '../../generated/request-rules/index.js';
import type { SchemaError } from './schema-errors.js';

export interface ValidationIssue {
  /** The field at fault, or `(body)` when the body itself is not a JSON object. */
  field: string;
  /**
   * What was broken: `required`, `type`, `enum` (a value the rule does not list), `minLength`, `maxLength`,
   * `minimum`, `maximum` (an integer's bounds), `characters` (a character, or a format, the rule refuses) or `unknown`.
   */
  rule: 'required' | 'type' | 'enum' | 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'characters' | 'unknown';
  /** English, then the source page's Chinese rule. */
  message: string;
}

const characters = (value: string) => Array.from(value).length;
const classes = new Map<string, RegExp>();
/** A one-character test for a class of the pattern (`[A-Za-z一-龥]`), compiled once. */
function oneOf(characterClass: string): RegExp {
  const cached = classes.get(characterClass);
  // Stryker disable next-line ConditionalExpression: a cache: compiling the class every time gives the same verdict
  if (cached) return cached;
  // Stryker disable next-line StringLiteral: the classes hold BMP characters only, and one astral character (two units without `u`) fails a one-character class either way
  const re = new RegExp(`^${characterClass}$`, 'u');
  // Stryker disable next-line CallExpression: a cache: a class not kept is compiled again next time, to the same verdict
  classes.set(characterClass, re);
  return re;
}

/** Fields whose value is a credential: an issue never shows their characters, only where they are. */
const SECRET_FIELDS = new Set(['app_secret', 'app_code', 'ai_api_key']);

/** A character as an issue shows it: quoted (escapes made visible) with its code point. */
function shown(character: string): string {
  return `${JSON.stringify(character)} (U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * Which character rule `value` breaks, in English and the page's Chinese: its first character
 * (`name must start with an English letter or a Chinese character (只能以英文和汉字开头)…`), and
 * the first later character outside the allowed set, by position (counted in characters). A
 * secret's characters are never shown. Undefined when every character is allowed (then only its
 * length is wrong).
 */
function charactersMessage(field: string, rule: RequestFieldRule, value: string): string | undefined {
  // Called for a field with a character set (`allowed`); `startsWith` unless any allowed character may
  // start it (scripts/generate/validators.mjs fails on a character pattern it cannot split).
  const startsWith = rule.startsWith;
  const allowed = rule.allowed!;
  const secret = SECRET_FIELDS.has(field);
  const all = Array.from(value);
  const said: string[] = [];
  const first = all[0];
  if (startsWith && first !== undefined && !oneOf(startsWith.class).test(first)) {
    said.push(`${field} must start with ${startsWith.en} (${startsWith.zh})${secret ? '' : `; it starts with ${shown(first)}`}.`);
  }
  // (Without a first-character rule, the first character is one of the rest.)
  const at = all.findIndex((character, i) => (i > 0 || !startsWith) && !oneOf(allowed.class).test(character));
  if (at !== -1) {
    said.push(
      `${field} has a character that is not allowed: ${secret ? '' : `${shown(all[at]!)}, `}character ${at + 1}; it may hold only ${allowed.en} (${allowed.zh}).`,
    );
  }
  return said.length > 0 ? said.join(' ') : undefined;
}

const TYPE_WORDS = { array: 'a list', integer: 'an integer', string: 'a string' } as const;
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

function describe(field: string, rule: RequestFieldRule, error: SchemaError, value: unknown): Omit<ValidationIssue, 'field'> | undefined {
  const because = `Rule: ${rule.en}. 规则：${rule.zh}`;
  // An entry of a list (`/api_ids/0`): every entry must be a non-empty string, and follow the list's rule where it has one.
  const entry = error.instancePath.split('/')[2];
  if (entry !== undefined) {
    const item = (value as unknown[])[Number(entry)];
    if (typeof item === 'string' && item !== '') return { rule: 'characters', message: `${field} entry ${entry} does not follow its rule. ${because}` };
    return {
      rule: 'type',
      message: `${field} must list non-empty strings; entry ${entry} is ${typeof item === 'string' ? 'empty' : kindOf(item)}. ${because}`,
    };
  }
  switch (error.keyword) {
    case 'required':
      return { rule: 'required', message: `${field} is required (是否必选：是). ${because}` };
    case 'type':
      return { rule: 'type', message: `${field} must be ${TYPE_WORDS[rule.type]}, not ${kindOf(value)}. ${because}` };
    case 'minimum':
      return { rule: 'minimum', message: `${field} must be at least ${error.params.limit} (it is ${String(value)}). ${because}` };
    case 'maximum':
      return { rule: 'maximum', message: `${field} must be at most ${error.params.limit} (it is ${String(value)}). ${because}` };
    case 'enum':
      // Stryker disable next-line ArrayDeclaration: an enum error comes only from a field whose rule lists the values
      return { rule: 'enum', message: `${field} must be one of ${(rule.enum ?? []).join(', ')}. ${because}` };
    case 'minItems':
      return { rule: 'minLength', message: `${field} must list at least ${error.params.limit} (it lists ${(value as unknown[]).length}). ${because}` };
    case 'minLength':
      return { rule: 'minLength', message: `${field} must be at least ${error.params.limit} characters (it has ${characters(String(value))}). ${because}` };
    case 'maxLength':
      return { rule: 'maxLength', message: `${field} must be at most ${error.params.limit} characters (it has ${characters(String(value))}). ${because}` };
    case 'pattern':
    case 'not': {
      // `pattern` also bounds the length: a value whose every character is allowed breaks only
      // its length, told apart. `not: {pattern: "[^…]"}` is a character outside the allowed set
      // (what the pattern's `$` misses in other regex dialects): the same rule, one issue for
      // both. A non-string also fails `not` (pattern ignores it); its `type` issue says enough.
      if (typeof value !== 'string') return undefined;
      // A format (a time) or a refused character (a remark's < >) without a character set: the rule says it.
      if (!rule.allowed) return { rule: 'characters', message: `${field} does not follow its rule. ${because}` };
      const message = charactersMessage(field, rule, value);
      return message === undefined ? undefined : { rule: 'characters', message: `${message} ${because}` };
    }
    // Stryker disable next-line ConditionalExpression: the compiled schemas use only the keywords above; this is for a keyword a later contract adds
    default:
      // Stryker disable next-line ObjectLiteral,StringLiteral: the compiled schemas use only the keywords above; this is for a keyword a later contract adds
      return { rule: 'type', message: `${field} does not follow its rule (${error.keyword}). ${because}` };
  }
}

/** Edit distance, to name the field a typo probably meant (`appKey` → `app_key`). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function nearest(field: string, known: string[]): string | undefined {
  // Stryker disable next-line MethodExpression: upper or lower, both sides are folded the same way
  const normal = (s: string) => s.toLowerCase().replace(/[_-]/g, '');
  const ranked = known.map((k) => ({ k, d: distance(normal(field), normal(k)) })).sort((x, y) => x.d - y.d);
  return ranked[0] && ranked[0].d <= Math.max(2, Math.floor(field.length / 3)) ? ranked[0].k : undefined;
}

/** The body's fields the rules do not list (none when the body is not an object). */
export function unknownFields(rules: BodyRules, body: unknown): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const known = Object.keys(rules.fields);
  return Object.keys(body).filter((field) => !known.includes(field));
}

/** The issues of `body`, from its schema errors and, unless allowed, its unknown fields. */
export function issuesOf(rules: BodyRules, body: unknown, errors: readonly SchemaError[], allowUnknownFields: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const error of errors) {
    // Stryker disable next-line StringLiteral: any name the rules do not list gives the same issue as ''
    const field = (error.keyword === 'required' ? error.params.missingProperty : error.instancePath.split('/')[1]) ?? '';
    const rule = rules.fields[field];
    // An error at the body itself (not an object) has no field.
    if (!rule) {
      issues.push({ field: '(body)', rule: 'type', message: 'The request body must be a JSON object (请求消息必须为JSON对象).' });
      continue;
    }
    const issue = describe(field, rule, error, (body as Record<string, unknown>)[field]);
    if (issue && !issues.some((seen) => seen.field === field && seen.rule === issue.rule)) issues.push({ field, ...issue });
  }
  if (!allowUnknownFields) {
    const known = Object.keys(rules.fields);
    for (const field of unknownFields(rules, body)) {
      const guess = nearest(field, known);
      issues.push({
        field,
        rule: 'unknown',
        message: `${field} is not a field of this request (the source page lists ${known.join(', ')})${guess ? `; did you mean ${guess}?` : ''} 该参数不在请求参数表中。Pass allowUnknownFields to send it anyway.`,
      });
    }
  }
  return issues;
}

// Compiles every request body schema of the bundled document into standalone validation code at
// build time (ajv standalone), so the published client compiles no schema at run time and
// needs no ajv: the one runtime helper ajv would import is inlined below.
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';

const standaloneCode = standalone.default;
const VALIDATION_KEYWORDS = new Set([
  'type',
  'required',
  'properties',
  'minLength',
  'maxLength',
  'pattern',
  'enum',
  'additionalProperties',
  'not',
  'items',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
]);

// ajv's `ucs2length` (counts code points, so an emoji is one character), inlined.
const UCS2LENGTH = `function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}`;

/** @typedef {import('../openapi.d.mts').Document} Document */
/** @typedef {import('../openapi.d.mts').Schema} Schema */
/** @typedef {import('../openapi.d.mts').Parameter} Parameter */
/** @typedef {import('../openapi.d.mts').Operation} Operation */
/** @typedef {import('../openapi.d.mts').RequestBody} RequestBody */

/**
 * A schema with only the keywords that validate (no prose, no examples, no extensions).
 * @param {unknown} schema a schema, or a value in one (a list of them, an enum's value…)
 * @returns {unknown}
 */
function validationOnly(schema) {
  if (Array.isArray(schema)) return schema.map(validationOnly);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => VALIDATION_KEYWORDS.has(key))
      .map(([key, value]) => [
        key,
        key === 'properties'
          ? Object.fromEntries(Object.entries(/** @type {Record<string, unknown>} */ (value)).map(([k, v]) => [k, validationOnly(v)]))
          : validationOnly(value),
      ]),
  );
}

/**
 * A pattern's two halves, `^[first][rest]{min,max}$`, each with the words of the field's rule
 * that state it: so that an issue says which one a value breaks (its first character, or a
 * character after it), in English and the page's Chinese, rather than "a character that is not
 * allowed, or starts with one that is not allowed there". The English rule reads `<length>;
 * <allowed characters>; starts with <first>`, the Chinese `支持<allowed>，且只能以<first>开头，<length>`.
 * @param {string} field
 * @param {Schema & { pattern: string }} prop
 */
function characterRules(field, prop) {
  // One class for every character (an AI API key's): no rule for the first one.
  const single = /^\^(\[[^\]]+\])\{\d+,\d+\}\$$/.exec(prop.pattern);
  const singleEn = /^[^;]+; ([^;]+)$/.exec(prop['x-rule-en'] ?? '');
  if (single && singleEn && prop['x-rule-zh']) return { allowed: { class: single[1], en: singleEn[1], zh: prop['x-rule-zh'] } };
  const classes = /^\^(\[[^\]]+\])(\[[^\]]+\])\{\d+,\d+\}\$$/.exec(prop.pattern);
  // A format (a time, say), not a set of characters: its issue quotes the rule whole.
  if (!classes) return {};
  const en = /^[^;]+; ([^;]+); starts with ([^;]+)$/.exec(prop['x-rule-en'] ?? '');
  const zhAllowed = /^(支持[^且]+?)[，,]\s*且/.exec(prop['x-rule-zh'] ?? '');
  const zhFirst = /(只能以[^，,。]+开头)/.exec(prop['x-rule-zh'] ?? '');
  if (!classes || !en || !zhAllowed || !zhFirst) {
    throw new Error(
      `${field}: pattern ${prop.pattern} or its x-rule-en/x-rule-zh do not read as ^[first][rest]{min,max}$, "<length>; <allowed>; starts with <first>" and "支持<allowed>，且只能以<first>开头": update characterRules()`,
    );
  }
  return {
    startsWith: { class: classes[1], en: en[2], zh: zhFirst[1] },
    allowed: { class: classes[2], en: en[1], zh: zhAllowed[1] },
  };
}

/**
 * Fails on a `$ref` inside a request body schema: the compiled validator keeps only validating
 * keywords, so a referenced rule would be dropped without a word. Request schemas spell out their rules.
 * @param {string} name
 * @param {unknown} node
 * @param {string} [at]
 */
function assertNoReference(name, node, at = name) {
  if (!node || typeof node !== 'object') return;
  if (Object.hasOwn(node, '$ref'))
    throw new Error(`${at}: a request body schema must spell out its rules, not $ref them (the compiled validator would drop them)`);
  for (const [key, child] of Object.entries(node)) assertNoReference(name, child, `${at}.${key}`);
}

/** @param {Schema} schema a request body's (an object's: it has properties) */
function fieldRules(schema) {
  const required = schema.required ?? [];
  return Object.fromEntries(
    Object.entries(/** @type {Record<string, Schema>} */ (schema.properties)).map(([field, prop]) => [
      field,
      {
        required: required.includes(field),
        type: prop.type,
        ...(prop.minItems !== undefined ? { minItems: prop.minItems } : {}),
        ...(prop.enum !== undefined ? { enum: prop.enum } : {}),
        ...(prop.minimum !== undefined ? { minimum: prop.minimum } : {}),
        ...(prop.maximum !== undefined ? { maximum: prop.maximum } : {}),
        ...(prop.minLength !== undefined ? { minLength: prop.minLength } : {}),
        ...(prop.maxLength !== undefined ? { maxLength: prop.maxLength } : {}),
        ...(prop.pattern !== undefined ? { pattern: prop.pattern, ...characterRules(field, /** @type {Schema & { pattern: string }} */ (prop)) } : {}),
        en: prop['x-rule-en'],
        zh: prop['x-rule-zh'],
      },
    ]),
  );
}

const HEADER = '// Generated by scripts/generate/index.mjs from spec/ (every request body schema). Do not edit.\n';
/** @type {import('../openapi.d.mts').Method[]} */
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * The rule of each query parameter, as `METHOD path` → name → { type, minimum, maximum, enum }.
 * @param {Document} bundled
 */
function queryRules(bundled) {
  // (A reference names a parameter of the document's components.)
  /**
   * @param {Parameter} node
   * @returns {Parameter}
   */
  const deref = (node) => (node?.$ref ? /** @type {Parameter} */ (bundled.components.parameters[/** @type {string} */ (node.$ref.split('/').pop())]) : node);
  /** @type {Record<string, Record<string, Record<string, unknown>>>} */
  const byOperation = {};
  for (const [path, item] of Object.entries(bundled.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const operation = /** @type {Operation} */ (item[method]);
      const query = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(deref).filter((p) => p.in === 'query');
      if (query.length === 0) continue;
      byOperation[`${method.toUpperCase()} ${path}`] = Object.fromEntries(
        // An array parameter (v2's `tags`) is sent once per value: a string or a list of strings.
        query.map((p) => [
          p.name,
          {
            // (A query parameter has a schema.)
            ...Object.fromEntries(
              ['type', 'minimum', 'maximum', 'enum']
                .filter((k) => /** @type {Schema} */ (p.schema)[k] !== undefined)
                .map((k) => [k, /** @type {Schema} */ (p.schema)[k]]),
            ),
            ...(p.required ? { required: true } : {}),
          },
        ]),
      );
    }
  }
  return byOperation;
}

/**
 * Which request body schema each operation takes, as `METHOD path` → schema name.
 * @param {Document} bundled
 */
function bodySchemas(bundled) {
  /** @type {Record<string, string>} */
  const byOperation = {};
  for (const [path, item] of Object.entries(bundled.paths)) {
    for (const method of METHODS.filter((m) => item[m]?.requestBody)) {
      // The operations with a body: each is a request body or names one, whose JSON schema is a reference.
      const operation = /** @type {Operation & { requestBody: RequestBody }} */ (item[method]);
      const ref = operation.requestBody.$ref;
      const body = /** @type {RequestBody} */ (ref ? bundled.components.requestBodies[/** @type {string} */ (ref.split('/').pop())] : operation.requestBody);
      const schema = /** @type {Schema & { $ref: string }} */ (/** @type {import('../openapi.d.mts').MediaType} */ (body.content['application/json']).schema);
      byOperation[`${method.toUpperCase()} ${path}`] = /** @type {string} */ (schema.$ref.split('/').pop());
    }
  }
  return byOperation;
}

/**
 * The standalone validators' module (`js`) and its declarations (`dts`).
 * @param {Document} bundled
 */
export function validatorModule(bundled) {
  const byOperation = bodySchemas(bundled);
  // The schemas the operations' bodies name, each an object's (`properties`).
  const names = [...new Set(Object.values(byOperation))].sort();
  /** @param {string} name */
  const schemaOf = (name) => /** @type {Schema & { properties: Record<string, Schema> }} */ (bundled.components.schemas[name]);
  const ajv = new Ajv2020({ allErrors: true, strict: true, code: { source: true, esm: true } });
  for (const name of names) assertNoReference(name, schemaOf(name).properties);
  for (const name of names) ajv.addSchema(/** @type {import('ajv').AnySchema} */ (validationOnly(schemaOf(name))), name);
  let code = standaloneCode(ajv, Object.fromEntries(names.map((name) => [name, name])));
  const runtimeImport = 'const func1 = require("ajv/dist/runtime/ucs2length").default;';
  if (!code.includes(runtimeImport)) throw new Error('ajv standalone output changed: check which runtime helpers it imports.');
  code = code.replace(runtimeImport, `${UCS2LENGTH}\nconst func1 = ucs2length;`).replace(/^"use strict";\s*/, '');
  if (/require\(/.test(code)) throw new Error('the standalone validator still requires a runtime module');
  const rules = Object.fromEntries(names.map((name) => [name, fieldRules(schemaOf(name))]));
  const js = `${HEADER}${code}
/** Create APP on v1.0 and v1 (the first contract's validator, kept under its name). */
export const validate = CreateAppRequest;
export default validate;
export const BODY_SCHEMA_OF = ${JSON.stringify(byOperation)};
export const FIELD_RULES = ${JSON.stringify(rules)};
export const REQUEST_FIELD_RULES = FIELD_RULES.CreateAppRequest;
export const QUERY_RULES_OF = ${JSON.stringify(queryRules(bundled))};
`;
  /** @param {string[]} keys */
  const union = (keys) => keys.map((k) => JSON.stringify(k)).join(' | ');
  const dts = `${HEADER}export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, any>;
  message?: string;
}
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors: AjvError[] | null;
}
${names.map((name) => `export declare const ${name}: StandaloneValidator;`).join('\n')}
export declare const validate: StandaloneValidator;
export default validate;
export interface CharacterRule {
  /** A regular expression character class, e.g. \`[A-Za-z一-龥]\`. */
  class: string;
  /** In English, e.g. \`an English letter or a Chinese character\`. */
  en: string;
  /** In the source page's words, e.g. \`只能以英文和汉字开头\`. */
  zh: string;
}
export interface RequestFieldRule {
  required: boolean;
  /** A string, a list of strings (the authorization's ids), or an integer (a quota's limits). */
  type: 'string' | 'array' | 'integer';
  /** A list's fewest entries. */
  minItems?: number;
  /** The values it may take (APP access control's type). */
  enum?: string[];
  /** An integer's bounds. */
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** What the first character must be (the pattern's first class), and the rule's words for it; absent when any allowed character may start the value. */
  startsWith?: CharacterRule;
  /** What every character may be: the pattern's second class, and the rule's words for it. */
  allowed?: CharacterRule;
  /** The rule in English. */
  en: string;
  /** The rule in the source page's Chinese wording. */
  zh: string;
}
/** The request body schemas, by name. */
export type RequestSchemaName = ${union(names)};
/** \`METHOD path\` of each operation that takes a body → its schema. */
export declare const BODY_SCHEMA_OF: Record<string, RequestSchemaName>;
export declare const FIELD_RULES: {
${names.map((name) => `  ${name}: Record<${union(Object.keys(schemaOf(name).properties))}, RequestFieldRule>;`).join('\n')}
};
export declare const REQUEST_FIELD_RULES: (typeof FIELD_RULES)['CreateAppRequest'];
export interface QueryRule {
  /** \`array\`: a list of strings, each sent as its own \`name=value\` (v2's \`tags\`). */
  type: 'string' | 'integer' | 'array';
  /** 是否必选: 是. */
  required?: true;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
}
/** \`METHOD path\` of each operation with query parameters → name → rule. */
export declare const QUERY_RULES_OF: Record<string, Record<string, QueryRule>>;
`;
  return { js, dts };
}

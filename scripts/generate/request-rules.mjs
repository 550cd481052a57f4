// The request rules the published client checks before sending, as data (no code per schema):
// each body schema cut down to the keywords that validate, with each field's rule in English and
// the page's Chinese, and each operation's query rules. src/validation/schema-errors.ts checks a
// body against such a schema as ajv does; one module per body schema and per operation, so that
// a bundler ships and a page loads only the rules of the operations it calls.
import { Ajv2020 } from 'ajv/dist/2020.js';

/** The keywords src/validation/schema-errors.ts checks: a request schema may use only these to validate. */
const VALIDATION_KEYWORDS = new Set([
  'type',
  'required',
  'properties',
  'minLength',
  'maxLength',
  'pattern',
  'enum',
  'not',
  'items',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
]);
/** Keywords that say something without validating: dropped from the rules. */
const PROSE_KEYWORDS = new Set(['description', 'examples', 'example', 'title', 'default', 'deprecated', 'readOnly', 'writeOnly']);

/** @typedef {import('../openapi.d.mts').Document} Document */
/** @typedef {import('../openapi.d.mts').Schema} Schema */
/** @typedef {import('../openapi.d.mts').Parameter} Parameter */
/** @typedef {import('../openapi.d.mts').Operation} Operation */
/** @typedef {import('../openapi.d.mts').RequestBody} RequestBody */

/**
 * A schema with only the keywords that validate (no prose, no examples, no extensions). Fails on
 * a keyword that validates but that the client's checker does not know (`format`, `oneOf`…):
 * dropping it would let through what the contract refuses.
 * @param {unknown} schema a schema, or a value in one (a list of them, an enum's value…)
 * @param {string} at where it is, for the error
 * @returns {unknown}
 */
function validationOnly(schema, at) {
  if (Array.isArray(schema)) return schema;
  if (!schema || typeof schema !== 'object') return schema;
  /** @type {Record<string, unknown>} */
  const kept = {};
  for (const [key, value] of Object.entries(schema)) {
    if (PROSE_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (!VALIDATION_KEYWORDS.has(key))
      throw new Error(
        `${at}: the client's checker (src/validation/schema-errors.ts) does not know the keyword ${key}: teach it, or spell the rule with ${[...VALIDATION_KEYWORDS].join(', ')}`,
      );
    if (key === 'enum' && !(/** @type {unknown[]} */ (value).every((v) => v === null || typeof v !== 'object')))
      throw new Error(`${at}: an enum of objects or lists: the client's checker compares values with ===; list scalar values`);
    kept[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(/** @type {Record<string, unknown>} */ (value)).map(([k, v]) => [k, validationOnly(v, `${at}.properties.${k}`)]))
        : key === 'items' || key === 'not'
          ? validationOnly(value, `${at}.${key}`)
          : value;
  }
  return kept;
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

const HEADER = '// Generated by scripts/generate/index.mjs from spec/ (the request rules). Do not edit.\n';
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
 * The operationId of each operation, as `METHOD path` → id (a query rules module's name).
 * @param {Document} bundled
 */
function operationIds(bundled) {
  /** @type {Record<string, string>} */
  const ids = {};
  for (const [path, item] of Object.entries(bundled.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const id = /** @type {Operation} */ (item[method]).operationId;
      if (!id || !/^[A-Za-z][A-Za-z0-9]*$/.test(id))
        throw new Error(`${method.toUpperCase()} ${path}: an operationId of letters and digits names its query rules module`);
      ids[`${method.toUpperCase()} ${path}`] = id;
    }
  }
  return ids;
}

/** @param {unknown} value */
const json = (value) => JSON.stringify(value);
/**
 * A body schema's name and loader, as request-rules/index.js and body-schema-of.js write it.
 * @param {string} name
 */
const schemaRef = (name) => `{ name: '${name}', load: () => import('./schema/${name}.js') }`;
/** @param {string[]} keys */
const union = (keys) => keys.map((k) => JSON.stringify(k)).join(' | ');

const TYPES = `export interface SchemaNode {
  type?: 'object' | 'string' | 'array' | 'integer';
  required?: string[];
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
  not?: SchemaNode;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}
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
/** A request body's rules: its schema (the keywords that validate) and each field's rule in words. */
export interface BodyRules<F extends string = string> {
  schema: SchemaNode;
  fields: Record<F, RequestFieldRule>;
}
export interface QueryRule {
  /** \`array\`: a list of strings, each sent as its own \`name=value\` (v2's \`tags\`). */
  type: 'string' | 'integer' | 'array';
  /** 是否必选: 是. */
  required?: true;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
}
/** An operation's query parameters: name → rule. */
export type QueryRules = Record<string, QueryRule>;
`;

/**
 * The request rules' modules, as path under generated/ → text: request-rules/index.js (a loader
 * per body schema, one export each: what a call that follows the rules loads), body-schema-of.js
 * (which schema each operation's body takes, for the generic client's calls), load-body-rules.js
 * and load-query-rules.js (a loader per body's rules with their words, per operation's query
 * rules), bodies.js (every body's rules at once, for the synchronous validator) and one module per
 * body schema (schema/<schema>.js), per body's rules (body/<schema>.js) and per operation with
 * query parameters (query/<operationId>.js), each with its declarations.
 * @param {Document} bundled
 * @returns {Map<string, string>}
 */
export function requestRuleModules(bundled) {
  const byOperation = bodySchemas(bundled);
  // The schemas the operations' bodies name, each an object's (`properties`).
  const names = [...new Set(Object.values(byOperation))].sort();
  /** @param {string} name */
  const schemaOf = (name) => /** @type {Schema & { properties: Record<string, Schema> }} */ (bundled.components.schemas[name]);
  // ajv (strict) reads each cut-down schema as the checker will: a schema it refuses fails here.
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  /** @type {Map<string, string>} */
  const files = new Map();
  for (const name of names) {
    assertNoReference(name, schemaOf(name).properties);
    const schema = validationOnly(schemaOf(name), name);
    ajv.compile(/** @type {import('ajv').AnySchema} */ (schema));
    // The schema alone (what a call that follows it loads), and the rules with the fields' words (what a refusal loads).
    files.set(`request-rules/schema/${name}.js`, `${HEADER}export default ${json(schema)};\n`);
    files.set(
      `request-rules/schema/${name}.d.ts`,
      `${HEADER}import type { SchemaNode } from '../index.js';\ndeclare const schema: SchemaNode;\nexport default schema;\n`,
    );
    // (The schema written again, not imported: a module both imported and loaded on its own costs a page an extra file.)
    files.set(`request-rules/body/${name}.js`, `${HEADER}export default ${json({ schema, fields: fieldRules(schemaOf(name)) })};\n`);
    files.set(
      `request-rules/body/${name}.d.ts`,
      `${HEADER}import type { BodyRules } from '../index.js';\ndeclare const rules: BodyRules<${union(Object.keys(schemaOf(name).properties))}>;\nexport default rules;\n`,
    );
  }
  const ids = operationIds(bundled);
  const queries = Object.entries(queryRules(bundled));
  for (const [operation, rules] of queries) {
    files.set(`request-rules/query/${ids[operation]}.js`, `${HEADER}export default ${json(rules)};\n`);
    files.set(
      `request-rules/query/${ids[operation]}.d.ts`,
      `${HEADER}import type { QueryRules } from '../index.js';\ndeclare const rules: QueryRules;\nexport default rules;\n`,
    );
  }
  files.set(
    'request-rules/index.js',
    `${HEADER}// Each body schema: its name, and its keywords that validate, imported when first needed. One
// export each, so that a bundle keeps those its helpers name (src/client/*.ts) and no index of all.
${names.map((name) => `export const ${name}Schema = ${schemaRef(name)};`).join('\n')}
`,
  );
  files.set(
    'request-rules/index.d.ts',
    `${HEADER}${TYPES}/** The request body schemas, by name. */
export type RequestSchemaName = ${union(names)};
/** A body schema: its name (its rules' words are loaded by it, for a refusal) and its loader. */
export interface BodySchemaRef {
  name: RequestSchemaName;
  load: () => Promise<{ default: SchemaNode }>;
}
${names.map((name) => `export declare const ${name}Schema: BodySchemaRef;`).join('\n')}
`,
  );
  files.set(
    'request-rules/body-schema-of.js',
    // (Its own loaders, not index.js's: a module that both imported would be one more file for every page.)
    `${HEADER}/** \`METHOD path\` of each operation that takes a body → its schema (the generic client's calls). */
export const BODY_SCHEMA_OF = {
${Object.entries(byOperation)
  .map(([operation, name]) => `  ${json(operation)}: ${schemaRef(name)},`)
  .join('\n')}
};
`,
  );
  files.set(
    'request-rules/body-schema-of.d.ts',
    `${HEADER}import type { BodySchemaRef } from './index.js';
export declare const BODY_SCHEMA_OF: Record<string, BodySchemaRef>;
`,
  );
  files.set(
    'request-rules/load-body-rules.js',
    `${HEADER}/** Each body schema's rules with its fields' words, loaded when a body breaks them. */
export const LOAD_BODY_RULES = {
${names.map((name) => `  ${name}: () => import('./body/${name}.js'),`).join('\n')}
};
`,
  );
  files.set(
    'request-rules/load-body-rules.d.ts',
    `${HEADER}import type { BodyRules, RequestSchemaName } from './index.js';
export declare const LOAD_BODY_RULES: Record<RequestSchemaName, () => Promise<{ default: BodyRules }>>;
`,
  );
  files.set(
    'request-rules/load-query-rules.js',
    `${HEADER}/** \`METHOD path\` of each operation with query parameters → its query rules, loaded when first needed. */
export const LOAD_QUERY_RULES = {
${queries.map(([operation]) => `  ${json(operation)}: () => import('./query/${ids[operation]}.js'),`).join('\n')}
};
`,
  );
  files.set(
    'request-rules/load-query-rules.d.ts',
    `${HEADER}import type { QueryRules } from './index.js';
export declare const LOAD_QUERY_RULES: Record<string, () => Promise<{ default: QueryRules }>>;
`,
  );
  files.set(
    'request-rules/bodies.js',
    `${HEADER}${names.map((name) => `import ${name} from './body/${name}.js';`).join('\n')}
/** Every body schema's rules at once (the synchronous validator's). */
export const BODY_RULES = { ${names.join(', ')} };
`,
  );
  files.set(
    'request-rules/bodies.d.ts',
    `${HEADER}import type { BodyRules } from './index.js';
export declare const BODY_RULES: {
${names.map((name) => `  ${name}: BodyRules<${union(Object.keys(schemaOf(name).properties))}>;`).join('\n')}
};
`,
  );
  return files;
}

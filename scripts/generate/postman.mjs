// The Postman collection (generated/postman-collection.json), for Postman and Apifox: Postman's
// own converter (openapi-to-postmanv2) makes the requests from the bundled document; this
// module adds what a converter cannot know. A collection-level pre-request script signs every
// request with AK/SK (or sends a token), each request gets a test script that checks its
// answer against the contract (status and body), the project and instance become collection
// variables, and the converter's random ids and faked values are replaced, so the same
// document gives the same bytes.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { checkAnswerInPostman, signRequestInPostman } from './postman-scripts.mjs';

const require = createRequire(import.meta.url);

/** @typedef {Record<string, any>} Json */

/** The formats Postman's schema check (ajv 6) knows; it refuses a schema with any other. */
const AJV6_FORMATS = new Set([
  'date',
  'time',
  'date-time',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
]);
/** Keywords that only describe: left out of the schemas written into each test script. */
const PROSE = new Set(['description', 'title', 'example', 'examples']);

/**
 * @param {Json} document the bundled OpenAPI 3.1 document
 * @returns {Promise<Json>}
 */
export async function postmanCollection(document) {
  const collection = await convert(document);
  const operations = operationsOf(document);
  collection.info._postman_id = stableUuid(JSON.stringify(document.info));
  collection.auth = { type: 'noauth' };
  collection.event = [script('prerequest', `(${signRequestInPostman.toString()})(pm, require('crypto-js'));`)];
  collection.variable = [
    ...collection.variable.filter((/** @type {Json} */ v) => v.key !== 'apiKey'),
    { key: 'ak', value: '', description: 'Access key (AK): with sk, every request is signed (SDK-HMAC-SHA256)' },
    { key: 'sk', value: '', description: 'Secret key (SK): keep it in a Postman environment or vault, not in a shared collection' },
    { key: 'token', value: '', description: 'An IAM token: when set, sent as X-Auth-Token instead of signing' },
    { key: 'project_id', value: pathExample(document, 'project_id') },
    { key: 'instance_id', value: pathExample(document, 'instance_id') },
  ];
  for (const item of requests(collection.item)) {
    const operation = operations.get(`${item.request.method} ${templateOf(item.request.url)}`);
    if (!operation) throw new Error(`postman: the converter made a request the document does not have: ${item.request.method} ${templateOf(item.request.url)}`);
    finishRequest(item, operation.contract, operation.declared, document);
  }
  dropIds(collection);
  return collection;
}

/** @param {Json} document @returns {Promise<Json>} */
function convert(document) {
  const Converter = require('openapi-to-postmanv2');
  /** @type {import('openapi-to-postmanv2').Options} */
  const options = {
    folderStrategy: 'Tags',
    requestNameSource: 'Fallback',
    parametersResolution: 'Example',
    enableOptionalParameters: false,
    includeAuthInfoInExample: false,
    schemaFaker: false,
  };
  return new Promise((resolve, reject) => {
    Converter.convertV2({ type: 'json', data: structuredClone(document) }, options, (error, result) => {
      const made = result?.result ? result.output?.[0]?.data : undefined;
      if (error) reject(new Error(`postman: openapi-to-postmanv2 failed: ${error.message}`));
      else if (!made) reject(new Error(`postman: openapi-to-postmanv2 refused the document: ${result?.reason}`));
      else resolve(made);
    });
  });
}

/** @typedef {{ operation: string, statuses: number[], schemas: Record<string, Json> }} Contract what a request's test script checks */

/**
 * Every operation by `METHOD /path/{template}`: what its test script checks, and the document's
 * operation itself (its parameters and its responses' examples).
 * @param {Json} document
 */
function operationsOf(document) {
  /** @type {Map<string, { contract: Contract, declared: Json }>} */
  const operations = new Map();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(/** @type {Json} */ (item))) {
      if (!operation?.operationId) continue;
      /** @type {Record<string, Json>} */
      const schemas = {};
      for (const [status, response] of Object.entries(/** @type {Json} */ (operation.responses))) {
        const schema = resolve(document, response)?.content?.['application/json']?.schema;
        if (schema) schemas[status] = forAjv6(document, schema);
      }
      const statuses = Object.keys(operation.responses).map(Number);
      operations.set(`${method.toUpperCase()} ${path}`, { contract: { operation: operation.operationId, statuses, schemas }, declared: operation });
    }
  }
  return operations;
}

/** @param {Json} document @param {Json} value */
function resolve(document, value) {
  if (!value?.$ref) return value;
  const target = value.$ref
    .slice(2)
    .split('/')
    .reduce((/** @type {Json} */ node, /** @type {string} */ key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  return resolve(document, target);
}

/**
 * A schema as Postman's ajv 6 reads it: references inlined, prose and extensions left out,
 * formats it does not know dropped (they only describe: a 32-bit integer is still an integer).
 * @param {Json} document
 * @param {any} schema
 * @returns {any}
 */
function forAjv6(document, schema) {
  if (Array.isArray(schema)) return schema.map((entry) => forAjv6(document, entry));
  if (!schema || typeof schema !== 'object') return schema;
  const resolved = resolve(document, schema);
  /** @type {Json} */
  const out = {};
  for (const [key, value] of Object.entries(resolved)) {
    if (PROSE.has(key) || key.startsWith('x-')) continue;
    if (key === 'format' && !AJV6_FORMATS.has(value)) continue;
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value).map(([name, property]) => [name, forAjv6(document, property)]))
        : forAjv6(document, value);
  }
  return out;
}

/** @param {Json[]} items @returns {Json[]} */
function requests(items) {
  return items.flatMap((item) => (item.item ? requests(item.item) : [item]));
}

/** `/v1/{project_id}/…` from the converter's `['v1', ':project_id', …]`. */
function templateOf(/** @type {Json} */ url) {
  return `/${url.path.map((/** @type {string} */ segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment)).join('/')}`;
}

/**
 * Its test script, the instance's ids from the collection variables, and deterministic values
 * where the converter faked some.
 * @param {Json} item
 * @param {Contract} contract
 * @param {Json} declared the document's operation
 * @param {Json} document
 */
function finishRequest(item, contract, declared, document) {
  const { request } = item;
  for (const variable of request.url.variable ?? []) {
    if (variable.key === 'project_id' || variable.key === 'instance_id') variable.value = `{{${variable.key}}}`;
  }
  const parameters = (declared.parameters ?? []).map((/** @type {Json} */ p) => resolve(document, p));
  for (const param of request.url.query ?? []) {
    const query = parameters.find((/** @type {Json} */ p) => p.in === 'query' && p.name === param.key);
    param.value = String(query?.example ?? query?.schema?.example ?? query?.schema?.default ?? query?.schema?.enum?.[0] ?? '');
  }
  item.event = [script('test', `(${checkAnswerInPostman.toString()})(pm, ${JSON.stringify(contract)});`)];
  // Saved answers: the document's own example for each status (the converter fakes one where
  // it finds none, differently each run); a status without an example has no saved answer.
  const { responses } = declared;
  item.response = (item.response ?? []).flatMap((/** @type {Json} */ saved) => {
    const example = exampleOf(document, responses[String(saved.code)]);
    if (example === undefined && saved.code !== 204) return [];
    delete saved.originalRequest;
    saved.body = example === undefined ? '' : JSON.stringify(example, null, 2);
    return [saved];
  });
}

/** The first example of a response's JSON body, if the document gives one. */
function exampleOf(/** @type {Json} */ document, /** @type {Json} */ response) {
  const media = resolve(document, response)?.content?.['application/json'];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return first === undefined ? undefined : resolve(document, first).value;
}

/** @param {'prerequest' | 'test'} listen @param {string} source */
function script(listen, source) {
  return { listen, script: { type: 'text/javascript', exec: source.split('\n') } };
}

/** The converter's random `id`s, removed (Postman makes its own on import). */
function dropIds(/** @type {any} */ node) {
  if (Array.isArray(node)) for (const entry of node) dropIds(entry);
  else if (node && typeof node === 'object') {
    delete node.id;
    for (const value of Object.values(node)) dropIds(value);
  }
}

/** The example a path parameter has in the document (the first operation that names it). */
function pathExample(/** @type {Json} */ document, /** @type {string} */ name) {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(/** @type {Json} */ (item))) {
      for (const param of operation?.parameters ?? []) {
        const p = resolve(document, param);
        if (p?.in === 'path' && p.name === name) return String(p.example ?? p.schema?.example ?? '');
      }
    }
  }
  return '';
}

/** A UUID-shaped id from content, so the collection's id changes only with the contract's info. */
function stableUuid(/** @type {string} */ seed) {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// Direction-aware comparison of two bundled OpenAPI documents. Requests may loosen and
// responses may tighten; the opposite breaks someone. Each change is one readable line.
import { deref } from '../../generate/json-pointer.mjs';
import { patternProbes } from './probes.mjs';

/** @typedef {import('../../openapi.d.mts').Document} Document */
/** @typedef {import('../../openapi.d.mts').Schema} Schema */
/** @typedef {import('../../openapi.d.mts').Operation} Operation */
/** @typedef {import('../../openapi.d.mts').PathItem} PathItem */

/**
 * A change between two contracts: which side it concerns, where, what, and whether it breaks someone.
 * @typedef {{ breaking: boolean, side: 'request' | 'response' | 'types', where: string, message: string }} Change
 */

/**
 * What a comparison carries: both documents, the changes found so far, and the strings patterns are compared by.
 * @typedef {{ oldDoc: Document, newDoc: Document, changes: Change[], probes: string[] }} Context
 */

/** @type {import('../../openapi.d.mts').Method[]} */
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** @param {Schema | undefined} schema */
const typeOf = (schema) => [schema?.type ?? 'any', schema?.format].filter(Boolean).join('/');

/** @param {Document} doc */
function examplesOf(doc) {
  /** @type {string[]} */
  const values = [];
  /** @param {unknown} node */
  const walk = (node) => {
    if (typeof node === 'string') values.push(node);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(doc.components?.requestBodies);
  walk(doc.components?.responses);
  return values;
}

/**
 * Compares schemas. `side` is 'request' (the server must keep accepting what it accepted) or
 * 'response' (clients must keep understanding what they get).
 * @param {Context} ctx
 * @param {'request' | 'response'} side
 * @param {string} where
 * @param {Schema | undefined} oldSchema
 * @param {Schema | undefined} newSchema
 */
function compareSchema(ctx, side, where, oldSchema, newSchema) {
  const { oldDoc, newDoc, changes, probes } = ctx;
  /** @type {Schema} */
  const before = deref(oldDoc, oldSchema) ?? {};
  /** @type {Schema} */
  const after = deref(newDoc, newSchema) ?? {};
  /**
   * @param {boolean} breaking
   * @param {string} message
   */
  const add = (breaking, message) => changes.push({ breaking, side, where, message });

  if (typeOf(before) !== typeOf(after)) add(true, `type ${typeOf(before)} → ${typeOf(after)}`);

  /** @type {Array<['minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems', number]>} */
  const bounds = [
    ['minLength', 1],
    ['maxLength', -1],
    ['minimum', 1],
    ['maximum', -1],
    ['minItems', 1],
    ['maxItems', -1],
  ];
  for (const [key, tighterSign] of bounds) {
    const a = before[key];
    const b = after[key];
    if (a === b) continue;
    // For a minimum, a larger value is tighter; for a maximum, a smaller one. Absent = unbounded.
    const tighter = b !== undefined && (a === undefined || Math.sign(b - a) === tighterSign);
    add(side === 'request' ? tighter : !tighter, `${key} ${a ?? 'none'} → ${b ?? 'none'} (${tighter ? 'tighter' : 'looser'})`);
  }

  // A string's characters are ruled by `pattern` and by a `not: {pattern}` beside it.
  /** @param {Schema} schema */
  const charRule = (schema) => [schema.pattern, schema.not?.pattern && `not ${schema.not.pattern}`].filter(Boolean).join(' and ') || 'none';
  if (charRule(before) !== charRule(after)) {
    /** @param {Schema} schema */
    const accepts = (schema) => {
      const must = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined;
      const mustNot = schema.not?.pattern ? new RegExp(schema.not.pattern, 'u') : undefined;
      return (/** @type {string} */ s) => (!must || must.test(s)) && !mustNot?.test(s);
    };
    const [oldAccepts, newAccepts] = [accepts(before), accepts(after)];
    const rejectedNow = probes.find((s) => oldAccepts(s) && !newAccepts(s));
    const acceptedNow = probes.find((s) => !oldAccepts(s) && newAccepts(s));
    const tighter = rejectedNow !== undefined;
    const detail = tighter
      ? `now rejects ${JSON.stringify(rejectedNow)}`
      : acceptedNow !== undefined
        ? `now accepts ${JSON.stringify(acceptedNow)}`
        : 'same on every probe';
    add(
      side === 'request' ? tighter : acceptedNow !== undefined,
      `pattern ${charRule(before)} → ${charRule(after)} (${tighter ? 'tighter' : acceptedNow !== undefined ? 'looser' : 'equivalent'}: ${detail})`,
    );
  }

  if (before.enum || after.enum) {
    const oldValues = before.enum ?? [];
    const newValues = after.enum ?? [];
    const added = after.enum ? newValues.filter((v) => !oldValues.includes(v)) : [];
    const removed = before.enum ? oldValues.filter((v) => !newValues.includes(v)) : [];
    if (added.length) add(side === 'response', `enum value added: ${added.map((v) => JSON.stringify(v)).join(', ')}`);
    if (removed.length) add(side === 'request', `enum value removed: ${removed.map((v) => JSON.stringify(v)).join(', ')}`);
  }

  const oldRequired = new Set(before.required ?? []);
  const newRequired = new Set(after.required ?? []);
  const oldProps = before.properties ?? {};
  const newProps = after.properties ?? {};
  for (const name of Object.keys(oldProps)) {
    if (!(name in newProps)) add(true, `field ${name} removed${side === 'response' ? ' or renamed' : ''}`);
  }
  for (const name of Object.keys(newProps)) {
    if (name in oldProps) continue;
    if (side === 'request') add(newRequired.has(name), `field ${name} added${newRequired.has(name) ? ' as required' : ' (optional)'}`);
    else add(false, `field ${name} added`);
  }
  for (const name of newRequired) {
    if (!oldRequired.has(name) && name in oldProps) add(side === 'request', `field ${name} became required`);
  }
  for (const name of oldRequired) {
    if (!newRequired.has(name) && name in newProps) add(side === 'response', `field ${name} is no longer required`);
  }
  for (const name of Object.keys(oldProps)) {
    if (name in newProps) compareSchema(ctx, side, `${where}.${name}`, oldProps[name], newProps[name]);
  }
  if ((before.description ?? '') !== (after.description ?? '')) add(false, 'description changed');
}

/**
 * @param {Document} doc
 * @param {import('../../openapi.d.mts').RequestBody | import('../../openapi.d.mts').Response | undefined} holder
 */
function mediaSchema(doc, holder) {
  return deref(doc, holder)?.content?.['application/json']?.schema;
}

/**
 * @param {Document} oldDoc
 * @param {Document} newDoc
 */
export function contractChanges(oldDoc, newDoc) {
  /** @type {Change[]} */
  const changes = [];
  const ctx = { oldDoc, newDoc, changes, probes: patternProbes([...examplesOf(oldDoc), ...examplesOf(newDoc)]) };
  for (const [path, oldItem] of Object.entries(oldDoc.paths ?? {})) {
    for (const method of METHODS.filter((m) => oldItem[m])) {
      const op = `${method.toUpperCase()} ${path}`;
      const newOp = newDoc.paths?.[path]?.[method];
      if (!newOp) {
        changes.push({ breaking: true, side: 'request', where: op, message: 'operation removed' });
        continue;
      }
      const oldOp = /** @type {Operation} */ (oldItem[method]);
      /**
       * @param {Document} doc
       * @param {PathItem} item
       * @param {Operation} o
       */
      const params = (doc, item, o) => [...(item.parameters ?? []), ...(o.parameters ?? [])].map((p) => deref(doc, p));
      const oldParams = params(oldDoc, oldItem, oldOp);
      const newParams = params(newDoc, /** @type {PathItem} */ (newDoc.paths[path]), newOp);
      for (const p of newParams) {
        const before = oldParams.find((q) => q.name === p.name && q.in === p.in);
        if (!before && p.required) changes.push({ breaking: true, side: 'request', where: `${op} ${p.in} ${p.name}`, message: 'required parameter added' });
        if (before && p.required && !before.required)
          changes.push({ breaking: true, side: 'request', where: `${op} ${p.in} ${p.name}`, message: 'parameter became required' });
        if (before) compareSchema(ctx, 'request', `${op} ${p.in} ${p.name}`, before.schema, p.schema);
      }
      compareSchema(ctx, 'request', `${op} body`, mediaSchema(oldDoc, oldOp.requestBody), mediaSchema(newDoc, newOp.requestBody));
      for (const [status, oldResponse] of Object.entries(oldOp.responses ?? {})) {
        const newResponse = newOp.responses?.[status];
        if (!newResponse) {
          changes.push({ breaking: true, side: 'response', where: `${op} ${status}`, message: 'response removed' });
          continue;
        }
        compareSchema(ctx, 'response', `${op} ${status}`, mediaSchema(oldDoc, oldResponse), mediaSchema(newDoc, newResponse));
      }
      for (const status of Object.keys(newOp.responses ?? {})) {
        if (!oldOp.responses?.[status])
          changes.push({ breaking: true, side: 'response', where: `${op} ${status}`, message: 'response status added (clients do not expect it)' });
      }
      /**
       * @param {Document} doc
       * @param {Operation} o
       */
      const schemes = (doc, o) => new Set((o.security ?? doc.security ?? []).map((req) => Object.keys(req).sort().join('+')));
      const newSchemes = schemes(newDoc, newOp);
      for (const s of schemes(oldDoc, oldOp))
        if (!newSchemes.has(s)) changes.push({ breaking: true, side: 'request', where: op, message: `security option ${s} removed` });
    }
  }
  for (const [path, item] of Object.entries(newDoc.paths ?? {})) {
    for (const method of METHODS.filter((m) => item[m] && !oldDoc.paths?.[path]?.[m])) {
      changes.push({ breaking: false, side: 'request', where: `${method.toUpperCase()} ${path}`, message: 'operation added' });
    }
  }
  // Generated clients name their types after the schemas: a removed or renamed schema
  // breaks code that imports the old name (`components['schemas']['Error']`).
  const newSchemas = new Set(Object.keys(newDoc.components?.schemas ?? {}));
  for (const name of Object.keys(oldDoc.components?.schemas ?? {})) {
    if (!newSchemas.has(name))
      changes.push({ breaking: true, side: 'types', where: `components.schemas.${name}`, message: 'schema removed or renamed (generated type names change)' });
  }
  return changes;
}

/** @param {Change} change */
export function formatChange({ breaking, side, where, message }) {
  return `${breaking ? 'BREAKING  ' : 'compatible'} ${side.padEnd(8)} ${where}: ${message}`;
}

#!/usr/bin/env node
// Reads Huawei's Go SDK definitions of the v2 APP family (../shared/sources/sdk-go-v2, or the
// folder given as the first argument) and writes test/rules/sdk-go-v2.json: every operation
// (method, path, where each request field goes, the response model) and every model and enum
// they reach, with each field's JSON name, Go type, optionality (`omitempty`) and comment.
// Dev-time only: the digest is committed, so building and testing never need ../shared.
// The Go files are generated and regular, so plain regexes read them; any line they do not
// account for stops the script, rather than leaving a field out of the digest unnoticed.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../tools.mjs';

// usage: node scripts/generate/sdk-go-v2-digest.mjs [sdk-go-v2 folder] [--check]
// --check writes nothing and exits 1 when the committed digest is not what the folder gives.
const args = process.argv.slice(2);
const folder = args.find((a) => !a.startsWith('--'));
const SOURCE = folder ? resolve(folder) : resolve(ROOT, '../shared/sources/sdk-go-v2');
const CHECK = args.includes('--check');
const OUT = join(ROOT, 'test', 'rules', 'sdk-go-v2.json');
/** @type {Record<string, string>} */
const SCALARS = { string: 'string', int32: 'int32', int64: 'int64', bool: 'bool', 'sdktime.SdkTime': 'sdktime' };

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  throw new Error(`sdk-go-v2-digest: ${message}`);
}

/** The commit the README names, so the digest says which definitions it was made from. */
function sourceCommit() {
  const readme = readFileSync(join(SOURCE, 'README.md'), 'utf8');
  const repository = /`(huaweicloud\/huaweicloud-sdk-go-v3)`/.exec(readme)?.[1];
  const commit = /commit `([0-9a-f]{40})`(?: \(([0-9-]+)\))?/.exec(readme);
  const folder = /folder `([^`]+)`/.exec(readme)?.[1];
  if (!repository || !commit || !folder) fail('README.md does not name the repository, commit and folder');
  return { repository, commit: commit[1], date: commit[2] ?? null, folder };
}

// ---- model/*.go --------------------------------------------------------------------------

// A file's top-level lines are a package clause, one import block, comments, `type X struct {`
// blocks and functions; only the structs and the enum constructors carry data.
const TOP_LEVEL = /^(package model|import \(|\)|\}|\/\/.*|type [A-Za-z0-9]+ struct \{|func .*\{|)$/;
const IMPORT_LINE = /^(\t"[^"]+"|)$/;
const FIELD = /^\t([A-Z][A-Za-z0-9]*) +(\S+) +`json:"([^",]+)(,omitempty)?"`$/;
const ENUM_MEMBER = /^\t([A-Za-z_][A-Za-z0-9_]*) +([A-Za-z0-9]+)$/;

/**
 * A Go struct's name and body lines (with their line numbers).
 * @typedef {{ name: string, body: Array<{ line: string, at: number }> }} GoStruct
 */

/**
 * A model's field as the digest keeps it.
 * @typedef {{ goName: string, goType: string, json: string, optional: boolean, comment: string | null }} ModelField
 */

/**
 * A type of the digest: a scalar's kind, an enum or model by name, or an array of one.
 * @typedef {{ kind: string, name?: string, items?: DigestType }} DigestType
 */

/** @param {string} file */
function readGoFile(file) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  /** @type {GoStruct[]} */
  const structs = [];
  let depth = 0;
  let inImport = false;
  for (let i = 0; i < lines.length; i++) {
    const line = /** @type {string} */ (lines[i]);
    if (inImport) {
      if (line === ')') inImport = false;
      else if (!IMPORT_LINE.test(line)) fail(`${file}:${i + 1}: unexpected import line ${JSON.stringify(line)}`);
      continue;
    }
    if (depth === 0) {
      if (!TOP_LEVEL.test(line)) fail(`${file}:${i + 1}: unexpected top-level line ${JSON.stringify(line)}`);
      if (line === 'import (') inImport = true;
      const struct = /^type ([A-Za-z0-9]+) struct \{$/.exec(line);
      if (struct) {
        /** @type {GoStruct['body']} */
        const body = [];
        for (i++; lines[i] !== '}'; i++) {
          if (i >= lines.length) fail(`${file}: struct ${struct[1]} is not closed`);
          body.push({ line: /** @type {string} */ (lines[i]), at: i + 1 });
        }
        structs.push({ name: /** @type {string} */ (struct[1]), body });
        continue;
      }
    }
    // Function bodies: only brace depth matters here; the enum values are read below.
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    if (depth < 0) fail(`${file}:${i + 1}: unbalanced braces`);
  }
  if (depth !== 0) fail(`${file}: unbalanced braces at the end`);
  return { text, structs };
}

/**
 * One struct's body as model fields, an enum's value holder, or an enum's member list.
 * @param {string} file
 * @param {GoStruct} struct
 * @returns {{ kind: 'enumValue', name: string, valueType: string }
 *   | { kind: 'enumMembers', name: string, members: Array<RegExpExecArray & [string, string, string]> }
 *   | { kind: 'model', name: string, fields: ModelField[] }}
 */
function classifyStruct(file, { name, body }) {
  const lines = body.filter((l) => l.line.trim() !== '');
  const value = lines.length === 1 && /^\tvalue (string|int32|int64)$/.exec(/** @type {{ line: string }} */ (lines[0]).line);
  if (value) return { kind: 'enumValue', name, valueType: /** @type {string} */ (value[1]) };
  if (name.endsWith('Enum') && lines.every((l) => ENUM_MEMBER.test(l.line))) {
    return { kind: 'enumMembers', name, members: lines.map((l) => /** @type {RegExpExecArray & [string, string, string]} */ (ENUM_MEMBER.exec(l.line))) };
  }
  /** @type {ModelField[]} */
  const fields = [];
  /** @type {string[]} */
  let comment = [];
  for (const { line, at } of body) {
    if (line.trim() === '') continue;
    const text = /^\t\/\/ ?(.*)$/.exec(line);
    if (text) {
      comment.push(/** @type {string} */ (text[1]).trim());
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) fail(`${file}:${at}: cannot read field line ${JSON.stringify(line)}`);
    const [, goName, goType, json, omitempty] = /** @type {RegExpExecArray & [string, string, string, string]} */ (field);
    // `json:"-"` (HttpStatusCode) is the SDK's own bookkeeping, never on the wire.
    if (json !== '-') fields.push({ goName, goType, json, optional: Boolean(omitempty), comment: comment.length ? comment.join('\n') : null });
    comment = [];
  }
  if (comment.length) fail(`${file}: struct ${name} ends with a comment that belongs to no field`);
  return { kind: 'model', name, fields };
}

/**
 * `func GetXEnum() XEnum { return XEnum{ A: X{ value: "a", }, … } }` → member → value.
 * @param {string} file
 * @param {string} text
 * @param {string} holder
 * @param {string} valueName
 * @returns {Map<string, unknown>}
 */
function enumValues(file, text, holder, valueName) {
  const fn = new RegExp(`^func Get${valueName}Enum\\(\\) ${holder} \\{\\n\\treturn ${holder}\\{\\n([\\s\\S]*?)\\n\\t\\}\\n\\}$`, 'm').exec(text);
  if (!fn) fail(`${file}: no Get${valueName}Enum() constructor`);
  const entries = [
    .../** @type {string} */ (fn[1]).matchAll(new RegExp(`([A-Za-z_][A-Za-z0-9_]*): ${valueName}\\{\\s*value: ("(?:[^"\\\\]|\\\\.)*"|-?\\d+),\\s*\\},?`, 'g')),
  ];
  const rest = /** @type {string} */ (fn[1]).replace(
    new RegExp(`([A-Za-z_][A-Za-z0-9_]*): ${valueName}\\{\\s*value: ("(?:[^"\\\\]|\\\\.)*"|-?\\d+),\\s*\\},?`, 'g'),
    '',
  );
  if (rest.trim() !== '') fail(`${file}: Get${valueName}Enum() has text the digest cannot read: ${JSON.stringify(rest.trim())}`);
  return new Map(entries.map(([, member, literal]) => [/** @type {string} */ (member), JSON.parse(/** @type {string} */ (literal))]));
}

function readModels() {
  const dir = join(SOURCE, 'model');
  /** @type {Map<string, { file: string, fields: ModelField[] }>} */
  const models = new Map();
  /** @type {Map<string, { file: string, valueType: string, values: unknown[] }>} */
  const enums = new Map();
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.go'))
    .sort()) {
    const file = join(dir, name);
    const { text, structs } = readGoFile(file);
    const classified = structs.map((s) => classifyStruct(name, s));
    const holders = new Map(classified.filter((c) => c.kind === 'enumMembers').map((c) => [c.name, c]));
    for (const c of classified) {
      if (models.has(c.name) || enums.has(c.name)) fail(`${name}: type ${c.name} is declared twice`);
      if (c.kind === 'model') models.set(c.name, { file: name, fields: c.fields });
      if (c.kind !== 'enumValue') continue;
      const holder = holders.get(`${c.name}Enum`);
      if (!holder) fail(`${name}: enum ${c.name} has no ${c.name}Enum member list`);
      const values = enumValues(name, text, `${c.name}Enum`, c.name);
      const members = holder.members.map(([, member, type]) => {
        if (type !== c.name) fail(`${name}: ${c.name}Enum.${member} is a ${type}`);
        if (!values.has(member)) fail(`${name}: ${c.name}Enum.${member} has no value`);
        const value = values.get(member);
        if ((c.valueType === 'string') !== (typeof value === 'string'))
          fail(`${name}: ${c.name}Enum.${member} = ${JSON.stringify(value)} is not a ${c.valueType}`);
        return value;
      });
      if (values.size !== members.length) fail(`${name}: Get${c.name}Enum() sets members ${c.name}Enum does not declare`);
      enums.set(c.name, { file: name, valueType: c.valueType, values: members });
    }
    for (const holder of holders.keys()) if (!enums.has(holder.slice(0, -'Enum'.length))) fail(`${name}: ${holder} lists members of no enum`);
  }
  return { models, enums };
}

/**
 * A Go field type as the digest's type: a scalar, an enum, a model, or an array of one.
 * @param {string} goType
 * @param {Map<string, unknown>} models
 * @param {Map<string, unknown>} enums
 * @param {string} where what to name in a failure
 * @returns {DigestType}
 */
function typeOf(goType, models, enums, where) {
  const m = /^(\*)?(\[\])?([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)?)$/.exec(goType);
  if (!m) fail(`${where}: cannot read Go type ${goType}`);
  const [, , array, base] = /** @type {RegExpExecArray & [string, string | undefined, string | undefined, string]} */ (m);
  /** @type {DigestType} */
  let type;
  if (SCALARS[base]) type = { kind: SCALARS[base] };
  else if (enums.has(base)) type = { kind: 'enum', name: base };
  else if (models.has(base)) type = { kind: 'model', name: base };
  else fail(`${where}: Go type ${base} is neither a known scalar nor a type in model/`);
  return array ? { kind: 'array', items: type } : type;
}

// ---- apig_meta_excerpt.go -----------------------------------------------------------------

/** @type {Record<string, string>} */
const LOCATIONS = { Path: 'path', Query: 'query', Header: 'header', Body: 'body' };

function readMeta() {
  const text = readFileSync(join(SOURCE, 'apig_meta_excerpt.go'), 'utf8');
  const functions = text
    .split(/\n(?=func )/)
    .map((f) => f.trim())
    .filter(Boolean);
  /** @type {Map<string, { method: string, path: string, responseModel: string, contentType: string, fields: Array<{ goName: string, json: string | null, in: string }> }>} */
  const operations = new Map();
  for (const fn of functions) {
    const head =
      /^func GenReqDefFor([A-Za-z0-9]+)\(\) \*def\.HttpRequestDef \{\n\treqDefBuilder := def\.NewHttpRequestDefBuilder\(\)\.\n\t\tWithMethod\(http\.Method([A-Za-z]+)\)\.\n\t\tWithPath\("([^"]+)"\)\.\n\t\tWithResponse\(new\(model\.([A-Za-z0-9]+)\)\)\.\n\t\tWithContentType\("([^"]+)"\)\n/.exec(
        fn,
      );
    if (!head) fail(`apig_meta_excerpt.go: cannot read the head of ${JSON.stringify(fn.slice(0, 80))}`);
    const [whole, op, method, path, responseModel, contentType] = /** @type {RegExpExecArray & [string, string, string, string, string, string]} */ (head);
    const FIELD_DEF =
      /\treqDefBuilder\.WithRequestField\(def\.NewFieldDef\(\)\.\n\t\tWithName\("([A-Za-z0-9]+)"\)\.\n(?:\t\tWithJsonTag\("([^"]+)"\)\.\n)?\t\tWithLocationType\(def\.([A-Za-z]+)\)\)\n/g;
    const fields = [...fn.slice(whole.length).matchAll(FIELD_DEF)].map(([, goName, json, location]) => {
      const to = LOCATIONS[/** @type {string} */ (location)];
      if (!to) fail(`apig_meta_excerpt.go: ${op}.${goName} goes to def.${location}, which the digest does not know`);
      return { goName: /** @type {string} */ (goName), json: json ?? null, in: to };
    });
    const rest = fn.slice(whole.length).replace(FIELD_DEF, '');
    if (rest.replace(/\s+/g, ' ').trim() !== 'requestDef := reqDefBuilder.Build() return requestDef }') {
      fail(`apig_meta_excerpt.go: ${op} has lines the digest cannot read: ${JSON.stringify(rest)}`);
    }
    if (operations.has(op)) fail(`apig_meta_excerpt.go: ${op} is defined twice`);
    operations.set(op, { method: method.toUpperCase(), path, responseModel, contentType, fields });
  }
  return operations;
}

// ---- operations and the digest -------------------------------------------------------------

/**
 * Snake case of a Go name, as the SDK names its files: CreateAnAppV2Request → create_an_app_v2_request.
 * @param {string} name
 */
const snake = (name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();

function digest() {
  const list = JSON.parse(readFileSync(join(SOURCE, 'operations.json'), 'utf8'));
  const meta = readMeta();
  const { models, enums } = readModels();
  if (list.length !== meta.size) fail(`operations.json lists ${list.length} operations, apig_meta_excerpt.go defines ${meta.size}`);
  /** @type {Set<string>} */
  const usedModels = new Set();
  /** @type {Set<string>} */
  const usedEnums = new Set();
  /** @param {DigestType} type */
  const use = (type) => {
    // An array has its items; an enum and a model their name (which a model of model/ has).
    if (type.kind === 'array') return use(/** @type {DigestType} */ (type.items));
    const name = /** @type {string} */ (type.name);
    if (type.kind === 'enum') usedEnums.add(name);
    if (type.kind !== 'model' || usedModels.has(name)) return;
    usedModels.add(name);
    for (const field of /** @type {{ fields: ModelField[] }} */ (models.get(name)).fields)
      use(typeOf(field.goType, models, enums, `${type.name}.${field.goName}`));
  };

  /** @type {Record<string, { requestModel: string, [field: string]: unknown }>} */
  const operations = {};
  for (const { op, method, path } of list) {
    const def = meta.get(op);
    if (!def) fail(`operations.json names ${op}, which apig_meta_excerpt.go does not define`);
    if (def.method !== method || def.path !== path) fail(`${op}: operations.json says ${method} ${path}, apig_meta_excerpt.go ${def.method} ${def.path}`);
    const requestModel = `${op}Request`;
    const request = models.get(requestModel);
    if (!request) fail(`${op}: no ${requestModel} in model/`);
    if (request.file !== `model_${snake(requestModel)}.go`) fail(`${op}: ${requestModel} is in ${request.file}`);
    if (!models.has(def.responseModel)) fail(`${op}: no ${def.responseModel} in model/`);
    // The request model's fields and the request definition's fields are the same set.
    const byGoName = new Map(request.fields.map((f) => [f.goName, f]));
    if (request.fields.length !== def.fields.length)
      fail(`${op}: ${requestModel} has ${request.fields.length} fields, its request definition ${def.fields.length}`);
    /** @type {Array<{ name: string, in: string, [field: string]: unknown }>} */
    const parameters = [];
    /** @type {Record<string, unknown> | null} */
    let body = null;
    for (const sent of def.fields) {
      const field = byGoName.get(sent.goName);
      if (!field) fail(`${op}: the request definition sends ${sent.goName}, which ${requestModel} lacks`);
      const type = typeOf(field.goType, models, enums, `${requestModel}.${field.goName}`);
      use(type);
      const entry = { goName: field.goName, goType: field.goType, type, optional: field.optional, comment: field.comment };
      if (sent.in === 'body') {
        if (body) fail(`${op}: two body fields`);
        body = entry;
        continue;
      }
      if (sent.json !== field.json) fail(`${op}: ${field.goName} is sent as ${sent.json}, tagged ${field.json}`);
      if (sent.in === 'path' && !path.includes(`{${sent.json}}`)) fail(`${op}: path field ${sent.json} is not in ${path}`);
      parameters.push({ name: sent.json, in: sent.in, ...entry });
    }
    // Path placeholders that are no request field: the SDK fills {project_id} from its credentials.
    for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
      if (parameters.some((p) => p.in === 'path' && p.name === name)) continue;
      if (name !== 'project_id') fail(`${op}: path placeholder {${name}} is no request field`);
      parameters.push({
        name,
        in: 'path',
        goName: null,
        goType: null,
        type: { kind: 'string' },
        optional: false,
        comment: null,
        filledBy: 'the SDK client, from its credentials (not a request field)',
      });
    }
    use({ kind: 'model', name: def.responseModel });
    operations[op] = {
      method,
      path,
      contentType: def.contentType,
      requestModel,
      requestFile: request.file,
      parameters: parameters.sort((a, b) => a.in.localeCompare(b.in) || a.name.localeCompare(b.name)),
      body,
      responseModel: def.responseModel,
      responseFile: /** @type {{ file: string }} */ (models.get(def.responseModel)).file,
    };
  }

  /** @type {Record<string, unknown>} */
  const modelOut = {};
  for (const name of usedModels) {
    const { file, fields } = /** @type {{ file: string, fields: ModelField[] }} */ (models.get(name));
    /** @type {Record<string, unknown>} */
    const byJson = {};
    for (const f of fields) {
      if (byJson[f.json]) fail(`${name}: two fields named ${f.json}`);
      byJson[f.json] = {
        goName: f.goName,
        goType: f.goType,
        type: typeOf(f.goType, models, enums, `${name}.${f.goName}`),
        optional: f.optional,
        comment: f.comment,
      };
    }
    modelOut[name] = { file, fields: byJson };
  }
  const requestModels = new Set(Object.values(operations).map((o) => o.requestModel));
  const unreached = [...models.keys()].filter((n) => !usedModels.has(n) && !requestModels.has(n));
  if (unreached.length) fail(`models no operation reaches (a model the digest would leave out): ${unreached.join(', ')}`);
  return {
    source: {
      ...sourceCommit(),
      files: ['operations.json', 'apig_meta_excerpt.go', 'model/*.go'],
      note: 'Written by scripts/generate/sdk-go-v2-digest.mjs from ../shared/sources/sdk-go-v2; do not edit by hand.',
    },
    operations,
    models: modelOut,
    enums: Object.fromEntries([...usedEnums].map((n) => [n, enums.get(n)])),
  };
}

/**
 * JSON with every object's keys sorted (arrays keep their order), so reruns are byte-identical.
 * @param {unknown} value
 */
function sortedJson(value) {
  /**
   * @param {unknown} v
   * @returns {unknown}
   */
  const sort = (v) =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort(/** @type {Record<string, unknown>} */ (v)[k])]),
          )
        : v;
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

if (!existsSync(join(SOURCE, 'operations.json'))) fail(`no operations.json in ${SOURCE} (give the sdk-go-v2 folder as the first argument)`);
const result = digest();
if (CHECK) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== sortedJson(result)) fail(`${OUT} is not what ${SOURCE} gives: run node scripts/generate/sdk-go-v2-digest.mjs`);
  console.log(`sdk-go-v2-digest: ${OUT} is up to date with ${SOURCE}`);
  process.exit(0);
}
writeFileSync(OUT, sortedJson(result));
console.log(
  `sdk-go-v2-digest: ${Object.keys(result.operations).length} operations, ${Object.keys(result.models).length} models, ${Object.keys(result.enums).length} enums from ${result.source.commit} → ${OUT}`,
);

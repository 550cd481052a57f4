// Compares the contract's v2 operations with Huawei's current v2 definitions (the digest of its
// Go SDK, test/rules/sdk-go-v2.json, written by scripts/generate/sdk-go-v2-digest.mjs) and tells the
// differences the spec explains from those it does not. The rule is in sdk-go-v2.test.ts.

export const EXTENSION = 'x-current-definitions';

type Json = Record<string, any>;

// ---- the digest ---------------------------------------------------------------------------

export interface SdkType {
  kind: 'string' | 'int32' | 'int64' | 'bool' | 'sdktime' | 'enum' | 'model' | 'array';
  name?: string;
  items?: SdkType;
}
export interface SdkField {
  goName: string | null;
  goType: string | null;
  type: SdkType;
  optional: boolean;
  comment: string | null;
}
export interface SdkParameter extends SdkField {
  name: string;
  in: 'path' | 'query' | 'header';
}
export interface SdkOperation {
  method: string;
  path: string;
  requestFile: string;
  parameters: SdkParameter[];
  body: SdkField | null;
  responseModel: string;
  responseFile: string;
}
export interface SdkDigest {
  source: { commit: string };
  operations: Record<string, SdkOperation>;
  models: Record<string, { file: string; fields: Record<string, SdkField> }>;
  enums: Record<string, { file: string; valueType: string; values: (string | number)[] }>;
}

/** Every model file the digest knows: the ones an explanation may cite. */
export function modelFiles(digest: SdkDigest): Set<string> {
  return new Set([
    ...Object.values(digest.models).map((m) => m.file),
    ...Object.values(digest.enums).map((e) => e.file),
    ...Object.values(digest.operations).flatMap((o) => [o.requestFile, o.responseFile]),
  ]);
}

// ---- differences --------------------------------------------------------------------------

export type DifferenceKind =
  | 'absent-in-contract' // the SDK has it, the contract does not
  | 'absent-in-sdk' // the contract has it, the SDK does not
  | 'contract-optional' // the SDK requires it (no omitempty), the contract does not
  | 'contract-required' // the contract requires it, the SDK marks it optional (omitempty)
  | 'type'
  | 'enum'
  | 'location'; // a parameter the two send in different places

export interface Difference {
  operation: string; // the SDK's operation name
  operationId: string;
  method: string;
  path: string; // the contract's path
  place: string; // 'parameters', 'request body', 'response 200', …
  field: string; // a parameter's name or a field's path (apps[].remark): the key an operation's explanation uses
  kind: DifferenceKind;
  what: string;
  sdkFile: string; // the model file that states the SDK's side
  explanation?: string;
}

export interface Comparison {
  differences: Difference[];
  unexplained: Difference[];
  problems: string[]; // operations that cannot be matched, explanations that name nothing
  compared: string[]; // the SDK operations compared
}

// ---- reading the contract -----------------------------------------------------------------

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** A path template with its parameters' names left out: `{app_id}` and `{id}` match. */
export const templateKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`;

function target(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref} is not supported`);
  const found = ref
    .slice(2)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => node?.[key], doc);
  if (found === undefined) throw new Error(`$ref ${ref} points at nothing`);
  return found;
}

/** A node and what its $ref chain points at: all of them may carry an explanation. */
function chain(doc: Json, node: Json): Json[] {
  const nodes = [node];
  while (typeof nodes[nodes.length - 1]!.$ref === 'string') {
    if (nodes.length > 20) throw new Error(`$ref cycle at ${node.$ref}`);
    nodes.push(target(doc, nodes[nodes.length - 1]!.$ref));
  }
  return nodes;
}

/** What a schema says once $ref, allOf (all of) and anyOf/oneOf (one of) are resolved. */
interface SchemaView {
  types: Set<string>;
  enum?: unknown[];
  properties: Map<string, Json[]>; // a property's schema nodes, from every part that names it
  required: Set<string>;
  items: Json[];
  nodes: Json[]; // every schema object this view is made of
}

function view(doc: Json, schemas: Json[], depth = 0): SchemaView {
  if (depth > 30) throw new Error('schema nesting too deep (a $ref cycle?)');
  const v: SchemaView = { types: new Set(), properties: new Map(), required: new Set(), items: [], nodes: [] };
  const intersect = (a: unknown[] | undefined, b: unknown[] | undefined) => (a && b ? a.filter((x) => b.includes(x)) : (a ?? b));
  const add = (part: SchemaView) => {
    for (const t of part.types) v.types.add(t);
    v.enum = intersect(v.enum, part.enum);
    for (const [name, nodes] of part.properties) v.properties.set(name, [...(v.properties.get(name) ?? []), ...nodes]);
    for (const r of part.required) v.required.add(r);
    v.items.push(...part.items);
    v.nodes.push(...part.nodes);
  };
  for (const schema of schemas) {
    if (!schema || typeof schema !== 'object') continue; // `true` or a missing schema: says nothing
    v.nodes.push(schema);
    for (const t of [schema.type ?? []].flat() as string[]) if (t !== 'null') v.types.add(t);
    if (Array.isArray(schema.enum))
      v.enum = intersect(
        v.enum,
        schema.enum.filter((x: unknown) => x !== null),
      );
    if ('const' in schema) v.enum = intersect(v.enum, [schema.const]);
    for (const [name, node] of Object.entries<Json>(schema.properties ?? {})) v.properties.set(name, [...(v.properties.get(name) ?? []), node]);
    for (const r of (schema.required ?? []) as string[]) v.required.add(r);
    if (schema.items) v.items.push(schema.items);
    if (typeof schema.$ref === 'string') add(view(doc, [target(doc, schema.$ref)], depth + 1));
    for (const part of schema.allOf ?? []) add(view(doc, [part], depth + 1));
    const choices = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map((s: Json) => view(doc, [s], depth + 1));
    if (choices.length) {
      // One of several: any of their types, an enum only if every choice is closed, a field
      // required only if every choice requires it.
      const closed = choices.every((c) => c.enum);
      const required = [...choices[0]!.required].filter((r) => choices.every((c) => c.required.has(r)));
      for (const c of choices) add({ ...c, enum: undefined, required: new Set() });
      if (closed) v.enum = intersect(v.enum, [...new Set(choices.flatMap((c) => c.enum!))]);
      for (const r of required) v.required.add(r);
    }
  }
  if (!v.types.size && v.properties.size) v.types.add('object');
  if (!v.types.size && v.items.length) v.types.add('array');
  return v;
}

// ---- comparing ----------------------------------------------------------------------------

const JSON_TYPE: Record<string, string> = {
  string: 'string',
  sdktime: 'string',
  int32: 'integer',
  int64: 'integer',
  bool: 'boolean',
  model: 'object',
  array: 'array',
};
const show = (values: unknown[]) => `[${values.map((x) => JSON.stringify(x)).join(', ')}]`;
const groupBy = <T, K>(items: T[], key: (item: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};
const sameSet = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));

interface Found {
  place: string;
  field: string;
  kind: DifferenceKind;
  what: string;
  sdkFile: string;
  carriers: Json[]; // the contract's nodes whose explanation covers this difference
}

function compareOperation(doc: Json, digest: SdkDigest, sdk: SdkOperation, contractPath: string, operation: Json) {
  const found: Found[] = [];
  const fields = new Set<string>(); // every name and path compared: what an operation's explanation may name
  const note = (f: Found) => found.push(f);

  const expectedType = (t: SdkType) => (t.kind === 'enum' ? (digest.enums[t.name!]!.valueType === 'string' ? 'string' : 'integer') : JSON_TYPE[t.kind]!);
  const goLabel = (t: SdkType): string =>
    t.kind === 'array'
      ? `[]${goLabel(t.items!)}`
      : t.kind === 'enum'
        ? `${t.name} (${digest.enums[t.name!]!.valueType} enum)`
        : t.kind === 'model'
          ? t.name!
          : t.kind;

  /** Type, enum and (for models and arrays) everything inside, of one value. */
  const compareValue = (t: SdkType, v: SchemaView, place: string, field: string, sdkFile: string, carriers: Json[]) => {
    const expected = expectedType(t);
    const actual = [...v.types].sort();
    if (actual.length !== 1 || actual[0] !== expected) {
      note({
        place,
        field,
        kind: 'type',
        sdkFile,
        carriers,
        what: `type: the SDK has ${goLabel(t)} (${expected}); the contract has ${actual.length ? actual.join(' or ') : 'no type'}`,
      });
      return;
    }
    const sdkEnum = t.kind === 'enum' ? digest.enums[t.name!]!.values : undefined;
    if (sdkEnum && !v.enum)
      note({
        place,
        field,
        kind: 'enum',
        sdkFile: digest.enums[t.name!]!.file,
        carriers,
        what: `enum: the SDK closes it to ${show(sdkEnum)}; the contract leaves it open`,
      });
    else if (!sdkEnum && v.enum)
      note({ place, field, kind: 'enum', sdkFile, carriers, what: `enum: the contract closes it to ${show(v.enum)}; the SDK leaves it open (${goLabel(t)})` });
    else if (sdkEnum && v.enum && !sameSet(sdkEnum, v.enum))
      note({
        place,
        field,
        kind: 'enum',
        sdkFile: digest.enums[t.name!]!.file,
        carriers,
        what: `enum: the SDK has ${show(sdkEnum)}; the contract ${show(v.enum)}`,
      });
    if (t.kind === 'model') compareObject(t.name!, v, place, field);
    if (t.kind === 'array') {
      const items = view(doc, v.items);
      compareValue(t.items!, items, place, `${field}[]`, sdkFile, [...items.nodes, ...carriers]);
    }
  };

  const active: [string, Json][] = []; // models being compared on the way down: a recursive pair stops
  /** Each field of a model against the contract object's properties; `at` is the object's path. */
  const compareObject = (modelName: string, object: SchemaView, place: string, at: string) => {
    if (active.some(([name, node]) => name === modelName && object.nodes.includes(node))) return;
    active.push(...object.nodes.map((node): [string, Json] => [modelName, node]));
    try {
      compareFields(modelName, object, place, at);
    } finally {
      active.splice(active.length - object.nodes.length);
    }
  };
  const compareFields = (modelName: string, object: SchemaView, place: string, at: string) => {
    const model = digest.models[modelName]!;
    // A field's difference is explained on the field or on the object it belongs to (not above).
    const parent = object.nodes;
    const names = [...new Set([...Object.keys(model.fields), ...object.properties.keys()])].sort();
    for (const name of names) {
      const field = at ? `${at}.${name}` : name;
      fields.add(field);
      const sdkField = model.fields[name];
      const nodes = object.properties.get(name);
      if (!nodes) {
        note({
          place,
          field,
          kind: 'absent-in-contract',
          sdkFile: model.file,
          carriers: parent,
          what: `the contract lacks it; the SDK has ${sdkField!.goType}${sdkField!.optional ? ' (optional)' : ' (required)'}${sdkField!.comment ? `: “${sdkField!.comment}”` : ''}`,
        });
        continue;
      }
      const property = view(doc, nodes);
      const carriers = [...property.nodes, ...parent];
      if (!sdkField) {
        note({ place, field, kind: 'absent-in-sdk', sdkFile: model.file, carriers, what: `the SDK model ${modelName} has no such field` });
        continue;
      }
      const required = object.required.has(name);
      if (!sdkField.optional && !required)
        note({ place, field, kind: 'contract-optional', sdkFile: model.file, carriers, what: 'required in the SDK (no omitempty); optional in the contract' });
      if (sdkField.optional && required)
        note({
          place,
          field,
          kind: 'contract-required',
          sdkFile: model.file,
          carriers,
          what: 'the contract requires it; the SDK marks it optional (omitempty)',
        });
      compareValue(sdkField.type, property, place, field, model.file, carriers);
    }
  };

  /** A whole body: an object whose fields are compared from the top (paths without a prefix). */
  const compareBody = (t: SdkType, v: SchemaView, place: string, sdkFile: string) => {
    const actual = [...v.types];
    if (t.kind !== 'model' || actual.length !== 1 || actual[0] !== 'object')
      note({
        place,
        field: '(body)',
        kind: 'type',
        sdkFile,
        carriers: v.nodes,
        what: `type: the SDK has ${goLabel(t)}; the contract has ${actual.join(' or ') || 'no type'}`,
      });
    else compareObject(t.name!, v, place, '');
  };

  // Parameters: the path item's and the operation's (the operation's win), by name. A path
  // parameter is matched by its position in the template, so its name may differ.
  const pathItem = doc.paths[contractPath];
  const contractParams = new Map<string, Json[]>();
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const nodes = chain(doc, raw);
    const p = nodes[nodes.length - 1]!;
    if (p.in !== 'cookie') contractParams.set(`${p.in} ${p.name}`, nodes);
  }
  const sdkNames = [...sdk.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const contractNames = [...contractPath.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const contractName = (p: SdkParameter) => (p.in === 'path' ? contractNames[sdkNames.indexOf(p.name)]! : p.name);
  const byName = new Map([...contractParams.values()].map((nodes) => [nodes[nodes.length - 1]!.name, nodes]));
  const matched = new Set<Json[]>();
  for (const p of sdk.parameters) {
    fields.add(p.name);
    const nodes = contractParams.get(`${p.in} ${contractName(p)}`) ?? byName.get(contractName(p));
    const place = 'parameters';
    if (!nodes) {
      note({
        place,
        field: p.name,
        kind: 'absent-in-contract',
        sdkFile: sdk.requestFile,
        carriers: [],
        what: `the contract lacks ${p.in} parameter ${p.name}; the SDK has ${p.goType}${p.optional ? ' (optional)' : ' (required)'}${p.comment ? `: “${p.comment}”` : ''}`,
      });
      continue;
    }
    matched.add(nodes);
    const param = nodes[nodes.length - 1]!;
    const schema = view(doc, [param.schema]);
    const carriers = [...nodes, ...schema.nodes];
    if (param.in !== p.in)
      note({
        place,
        field: p.name,
        kind: 'location',
        sdkFile: sdk.requestFile,
        carriers,
        what: `the SDK sends it in the ${p.in}; the contract in the ${param.in}`,
      });
    if (!p.optional && !param.required)
      note({
        place,
        field: p.name,
        kind: 'contract-optional',
        sdkFile: sdk.requestFile,
        carriers,
        what: `${p.in} parameter required in the SDK (no omitempty); optional in the contract`,
      });
    if (p.optional && param.required)
      note({
        place,
        field: p.name,
        kind: 'contract-required',
        sdkFile: sdk.requestFile,
        carriers,
        what: `the contract requires ${p.in} parameter ${p.name}; the SDK marks it optional (omitempty)`,
      });
    compareValue(p.type, schema, place, p.name, sdk.requestFile, carriers);
  }
  for (const nodes of contractParams.values()) {
    if (matched.has(nodes)) continue;
    const param = nodes[nodes.length - 1]!;
    fields.add(param.name);
    note({
      place: 'parameters',
      field: param.name,
      kind: 'absent-in-sdk',
      sdkFile: sdk.requestFile,
      carriers: [...nodes, ...view(doc, [param.schema]).nodes],
      what: `the SDK has no ${param.in} parameter ${param.name}`,
    });
  }

  // The request body.
  const bodySchema = (content: Json | undefined) => (content ? (content['application/json'] ?? Object.values(content)[0])?.schema : undefined);
  const requestBody = operation.requestBody ? chain(doc, operation.requestBody).pop()! : undefined;
  const requestSchema = bodySchema(requestBody?.content);
  fields.add('(body)');
  if (sdk.body && !requestSchema)
    note({
      place: 'request body',
      field: '(body)',
      kind: 'absent-in-contract',
      sdkFile: sdk.requestFile,
      carriers: [],
      what: `the SDK sends a ${sdk.body.goType} body; the contract takes none`,
    });
  if (!sdk.body && requestSchema)
    note({
      place: 'request body',
      field: '(body)',
      kind: 'absent-in-sdk',
      sdkFile: sdk.requestFile,
      carriers: [],
      what: 'the contract takes a body; the SDK sends none',
    });
  if (sdk.body && requestSchema) compareBody(sdk.body.type, view(doc, [requestSchema]), 'request body', sdk.requestFile);

  // The success responses (the SDK takes any status below 400 as success): each distinct one.
  const model = digest.models[sdk.responseModel]!;
  const successes = new Map<Json, string[]>();
  for (const [status, raw] of Object.entries<Json>(operation.responses ?? {})) {
    if (!/^2\d\d$/.test(status)) continue;
    const response = chain(doc, raw).pop()!;
    successes.set(response, [...(successes.get(response) ?? []), status]);
  }
  for (const [response, statuses] of successes) {
    const place = `response ${statuses.join('/')}`;
    const schema = bodySchema(response.content);
    const sdkHasBody = Object.keys(model.fields).length > 0;
    if (sdkHasBody && !schema)
      note({
        place,
        field: '(body)',
        kind: 'absent-in-contract',
        sdkFile: model.file,
        carriers: [],
        what: `the SDK reads a ${sdk.responseModel} body; the contract's response has none`,
      });
    if (!sdkHasBody && schema)
      note({
        place,
        field: '(body)',
        kind: 'absent-in-sdk',
        sdkFile: model.file,
        carriers: [],
        what: `the contract's response has a body; ${sdk.responseModel} has no field`,
      });
    if (sdkHasBody && schema) compareBody({ kind: 'model', name: sdk.responseModel }, view(doc, [schema]), place, model.file);
  }

  return { found, fields };
}

/** The text that explains a difference: on one of its nodes, or by name on the operation. */
function explanationOf(f: Found, operation: Json): string | undefined {
  for (const node of f.carriers) if (typeof node[EXTENSION] === 'string') return node[EXTENSION];
  const byName = operation[EXTENSION];
  return byName && typeof byName === 'object' && typeof byName[f.field] === 'string' ? byName[f.field] : undefined;
}

/** Compares every v2 operation of the contract that the digest defines. */
export function compareContract(doc: Json, digest: SdkDigest): Comparison {
  const sdkByKey = new Map(Object.entries(digest.operations).map(([name, op]) => [templateKey(op.method, op.path), name]));
  const differences: Difference[] = [];
  const problems: string[] = [];
  const compared: string[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    if (!path.startsWith('/v2/')) continue;
    for (const method of METHODS.filter((m) => item[m])) {
      const operation = item[method];
      const name = sdkByKey.get(templateKey(method, path));
      if (!name) {
        problems.push(`${method.toUpperCase()} ${path}: no operation of sdk-go-v2 has this method and path`);
        continue;
      }
      compared.push(name);
      const { found, fields } = compareOperation(doc, digest, digest.operations[name]!, path, operation);
      const byName = operation[EXTENSION];
      for (const key of byName && typeof byName === 'object' ? Object.keys(byName) : []) {
        if (!fields.has(key))
          problems.push(
            `${name} (${operation.operationId}): ${EXTENSION} names ${JSON.stringify(key)}, which is no parameter or field of this operation (known: ${[...fields].sort().join(', ')})`,
          );
      }
      for (const { carriers, ...f } of found) {
        const explanation = explanationOf({ carriers, ...f }, operation);
        differences.push({
          operation: name,
          operationId: operation.operationId,
          method: method.toUpperCase(),
          path,
          ...f,
          ...(explanation === undefined ? {} : { explanation }),
        });
      }
    }
  }
  return { differences, unexplained: differences.filter((d) => d.explanation === undefined), problems, compared };
}

/**
 * Where an explanation may stand, and what it must say: a non-empty string citing at least one
 * model file of sdk-go-v2 (model_….go); on an operation, an object of such strings by name.
 */
export function explanationProblems(doc: Json, digest: SdkDigest): string[] {
  const files = modelFiles(digest);
  const problems: string[] = [];
  const check = (text: unknown, at: string) => {
    if (typeof text !== 'string' || text.trim() === '') return problems.push(`${at}: must be a non-empty string`);
    const cited = text.match(/model_[a-z0-9_]+\.go/g) ?? [];
    if (!cited.length) problems.push(`${at}: cites no model file (model_….go) of sdk-go-v2`);
    for (const file of cited.filter((f) => !files.has(f))) problems.push(`${at}: cites ${file}, which is not in sdk-go-v2`);
  };
  const walk = (node: unknown, at: string, isOperation: boolean) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key === EXTENSION) {
        if (!isOperation) check(value, here);
        else if (!value || typeof value !== 'object' || Array.isArray(value))
          problems.push(`${here}: on an operation it is an object { "<parameter or field>": "<reason>" }`);
        else for (const [name, text] of Object.entries(value)) check(text, `${here}/${name}`);
      } else walk(value, here, at.startsWith('/paths/') && at.split('/').length === 3 && METHODS.includes(key));
    }
  };
  walk(doc, '', false);
  return problems;
}

// ---- the report ---------------------------------------------------------------------------

const KIND_LABEL: Record<DifferenceKind, string> = {
  'absent-in-contract': 'the SDK has it, the contract lacks it',
  'absent-in-sdk': 'the contract has it, the SDK lacks it',
  'contract-optional': 'the SDK requires it, the contract makes it optional',
  'contract-required': 'the contract requires it, the SDK marks it optional',
  type: 'types differ',
  enum: 'enums differ',
  location: 'sent in another place',
};

/** The unexplained differences grouped by operation and place, then the counts. */
export function formatReport({ differences, unexplained, problems, compared }: Comparison, digest: SdkDigest): string {
  const lines = [
    `Contract vs sdk-go-v2 (huaweicloud-sdk-go-v3 ${digest.source.commit}): ${unexplained.length} unexplained of ${differences.length} differences; operations compared: ${compared.length}`,
    '',
  ];
  const byOperation = groupBy(unexplained, (d) => d.operation);
  for (const [operation, list] of byOperation) {
    const first = list[0]!;
    lines.push(`${operation} — ${first.method} ${first.path} (${first.operationId}): ${list.length}`);
    for (const [place, items] of groupBy(list, (d) => d.place)) {
      lines.push(`  ${place}`);
      for (const d of items) lines.push(`    ${d.field}: ${d.what} [${d.sdkFile}]`);
    }
    lines.push('');
  }
  lines.push('Unexplained, by kind:');
  for (const [kind, items] of groupBy(unexplained, (d) => d.kind)) lines.push(`  ${String(items.length).padStart(4)}  ${KIND_LABEL[kind]} (${kind})`);
  lines.push('Unexplained, by operation:');
  for (const [operation, items] of byOperation) lines.push(`  ${String(items.length).padStart(4)}  ${operation}`);
  const explained = differences.length - unexplained.length;
  lines.push(`Explained in the spec (${EXTENSION}): ${explained}`);
  if (problems.length) lines.push('', 'Problems:', ...problems.map((p) => `  ${p}`));
  return `${lines.join('\n')}\n`;
}

// Compares an OpenAPI document with the rule table written from the source pages and
// returns every difference as one readable line. An empty list means the document encodes
// the source pages. Kept as a function so the mutation test can prove it catches changes.
import {
  BODY_CASES,
  CREATOR_VALUES,
  ENDPOINTS,
  ERROR_CODES,
  FIELD_CASES,
  REQUEST_FIELDS,
  RESPONSE_FIELDS,
  SOURCE_REQUEST_EXAMPLE,
  SOURCE_RESPONSE_EXAMPLE,
  STATUSES,
  bodyWith,
  label,
} from '../rules/create-app-rules.js';
import { OPERATIONS, V1_RESET_CASES, V2_BODY_CASES, type OperationRule } from '../rules/lifecycle-rules.js';
import { APP_CODE_CASES, AUTHORIZE_CASES, GRANT_OPERATIONS } from '../rules/app-grant-rules.js';
import { FAMILY_OPERATIONS, type Family } from '../rules/app-family-v2-rules.js';
import { schemaValidators, type OpenApiDocument } from '../helpers/bundled-document.js';
import { deref } from '../../scripts/generate/json-pointer.mjs';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** The v2 families beside the APP that the contract holds so far (issue 28 adds them one at a time; app-family-v2.test.ts checks each). */
export const FAMILIES_IN_CONTRACT: readonly Family[] = ['quota', 'acl', 'aiKey'];

export function contractMismatches(doc: OpenApiDocument): string[] {
  const out: string[] = [];
  const families = FAMILY_OPERATIONS.filter((o) => FAMILIES_IN_CONTRACT.includes(o.family));
  const expectPaths = [...new Set([...OPERATIONS, ...GRANT_OPERATIONS, ...families].map((o) => o.path))];
  const actualPaths = Object.keys(doc.paths ?? {});
  if (!sameSet(expectPaths, actualPaths)) out.push(`paths: expected ${expectPaths.join(', ')}; got ${actualPaths.join(', ')}`);

  let validators: ReturnType<typeof schemaValidators>;
  try {
    validators = schemaValidators(doc);
  } catch (error) {
    return [...out, `schemas do not compile: ${(error as Error).message}`];
  }

  for (const endpoint of ENDPOINTS) {
    const item = doc.paths?.[endpoint.path];
    const op = item?.[endpoint.method];
    const where = `${endpoint.method.toUpperCase()} ${endpoint.path}`;
    if (!op) {
      out.push(`${where}: operation missing`);
      continue;
    }
    const methods = Object.keys(item).filter((k) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(k));
    const expectMethods = OPERATIONS.filter((o) => o.path === endpoint.path).map((o) => o.method);
    if (!sameSet(methods, expectMethods)) out.push(`${where}: methods expected [${expectMethods}]; got [${methods}]`);

    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: any) => deref(doc, p));
    const pathParams = params.filter((p: any) => p.in === 'path');
    if (
      !sameSet(
        pathParams.map((p: any) => p.name),
        Object.keys(endpoint.pathParams),
      )
    ) {
      out.push(`${where}: path parameters expected [${Object.keys(endpoint.pathParams)}]; got [${pathParams.map((p: any) => p.name)}]`);
    }
    for (const p of pathParams) {
      if (p.required !== true || p.schema?.type !== 'string') out.push(`${where}: path parameter ${p.name} must be a required string`);
      const quote = endpoint.pathParams[p.name];
      if (quote && !String(p.description ?? '').includes(quote)) out.push(`${where}: ${p.name} must be described as in the source page (“${quote}”)`);
    }
    if (params.some((p: any) => p.in === 'query' || (p.in === 'header' && p.required))) out.push(`${where}: unexpected query or required header parameters`);

    const statuses = Object.keys(op.responses ?? {});
    if (!sameSet(statuses, STATUSES)) out.push(`${where}: statuses expected ${STATUSES.join(',')}; got ${statuses.join(',')}`);
    for (const status of statuses) {
      const response = deref(doc, op.responses[status]);
      if (!response?.headers?.['X-Request-Id']) out.push(`${where} ${status}: no X-Request-Id header`);
      const media = response?.content?.['application/json'];
      const schemaRef = media?.schema?.$ref;
      const expectedRef = status === '201' ? '#/components/schemas/App' : '#/components/schemas/ErrorBody';
      if (schemaRef !== expectedRef) out.push(`${where} ${status}: body schema expected ${expectedRef}; got ${schemaRef}`);
      if (status !== '201') {
        const codes = Object.values(media?.examples ?? {}).map((e: any) => deref(doc, e)?.value?.error_code);
        for (const code of ERROR_CODES[status as keyof typeof ERROR_CODES] ?? []) {
          if (!codes.includes(code)) out.push(`${where} ${status}: no example with error_code ${code}`);
        }
      }
    }

    const body = deref(doc, op.requestBody);
    if (body?.required !== true) out.push(`${where}: request body must be required`);
    if (body?.content?.['application/json']?.schema?.$ref !== '#/components/schemas/CreateAppRequest') {
      out.push(`${where}: request body must use #/components/schemas/CreateAppRequest`);
    }
    const requestExamples = Object.values(body?.content?.['application/json']?.examples ?? {}).map((e: any) => deref(doc, e)?.value);
    if (!requestExamples.some((v) => JSON.stringify(v) === JSON.stringify(SOURCE_REQUEST_EXAMPLE))) out.push(`${where}: the source request example is missing`);
    const created = deref(doc, op.responses?.['201']);
    const responseExamples = Object.values(created?.content?.['application/json']?.examples ?? {}).map((e: any) => deref(doc, e)?.value);
    if (JSON.stringify(responseExamples[0]) !== JSON.stringify(SOURCE_RESPONSE_EXAMPLE))
      out.push(`${where}: the first 201 example must be the source response example`);

    const security = (op.security ?? doc.security ?? []).map((req: any) => Object.keys(req).join('+'));
    if (!sameSet(security, ['iamToken', 'akskSignature'])) out.push(`${where}: security expected iamToken or akskSignature; got ${security.join(', ')}`);
  }

  const schemes = doc.components?.securitySchemes ?? {};
  if (schemes.iamToken?.in !== 'header' || schemes.iamToken?.name !== 'X-Auth-Token') out.push('iamToken must be the X-Auth-Token header');
  if (schemes.akskSignature?.in !== 'header' || schemes.akskSignature?.name !== 'Authorization') out.push('akskSignature must be the Authorization header');

  // Request fields: exact encodings, then behaviour on every boundary case.
  const request = doc.components?.schemas?.CreateAppRequest ?? {};
  const expectRequired = REQUEST_FIELDS.filter((f) => f.required).map((f) => f.field);
  if (!sameSet(request.required ?? [], expectRequired)) out.push(`CreateAppRequest.required expected [${expectRequired}]; got [${request.required}]`);
  if (
    !sameSet(
      Object.keys(request.properties ?? {}),
      REQUEST_FIELDS.map((f) => f.field),
    )
  )
    out.push('CreateAppRequest must have exactly name, remark, app_key, app_secret');
  for (const rule of REQUEST_FIELDS) {
    const prop = request.properties?.[rule.field] ?? {};
    if (prop.type !== 'string') out.push(`${rule.field}: type expected string; got ${prop.type}`);
    if (prop.minLength !== rule.minLength) out.push(`${rule.field}: minLength expected ${rule.minLength}; got ${prop.minLength}`);
    if (prop.maxLength !== rule.maxLength) out.push(`${rule.field}: maxLength expected ${rule.maxLength}; got ${prop.maxLength}`);
    if (prop.pattern !== rule.pattern) out.push(`${rule.field}: pattern expected ${rule.pattern}; got ${prop.pattern}`);
    if (prop.not?.pattern !== rule.refusedCharacters) out.push(`${rule.field}: not.pattern expected ${rule.refusedCharacters}; got ${prop.not?.pattern}`);
    // Descriptions are Markdown: `\_` shows as `_`.
    if (
      !String(prop.description ?? '')
        .replace(/\\(.)/g, '$1')
        .includes(rule.source)
    )
      out.push(`${rule.field}: description must quote the source page: “${rule.source}”`);
    if (prop['x-rule-zh'] !== rule.source) out.push(`${rule.field}: x-rule-zh must be the source page's wording: “${rule.source}”`);
  }
  const validateRequest = validators('CreateAppRequest');
  for (const c of FIELD_CASES) {
    const verdict = validateRequest(bodyWith(c.field, c.value));
    if (verdict !== c.valid)
      out.push(`${c.field} = ${label(c.value)}: expected ${c.valid ? 'valid' : 'invalid'} (${c.why}); the schema says ${verdict ? 'valid' : 'invalid'}`);
  }
  for (const c of BODY_CASES) {
    const verdict = validateRequest(c.body);
    if (verdict !== c.valid) out.push(`body ${label(c.body)}: expected ${c.valid ? 'valid' : 'invalid'} (${c.why})`);
  }

  // Response: all ten fields, their types, the creator enum.
  const app = doc.components?.schemas?.App ?? {};
  if (!sameSet(app.required ?? [], Object.keys(RESPONSE_FIELDS))) out.push(`App.required expected all ten fields; got [${app.required}]`);
  for (const [field, type] of Object.entries(RESPONSE_FIELDS)) {
    const prop = app.properties?.[field] ?? {};
    const actual = prop.format === 'date-time' ? 'date-time' : prop.type;
    if (actual !== type) out.push(`App.${field}: expected ${type}; got ${actual}`);
  }
  if (!sameSet(app.properties?.creator?.enum ?? [], CREATOR_VALUES))
    out.push(`App.creator enum expected ${CREATOR_VALUES}; got ${app.properties?.creator?.enum}`);
  if (app.properties?.app_type?.default !== 'apig') out.push('App.app_type default expected apig');
  const validateApp = validators('App');
  const responseCases: Array<[Record<string, unknown>, boolean, string]> = [
    [SOURCE_RESPONSE_EXAMPLE, true, 'the source example (7 fractional digits)'],
    [{ ...SOURCE_RESPONSE_EXAMPLE, creator: 'MARKET' }, true, 'creator MARKET'],
    [{ ...SOURCE_RESPONSE_EXAMPLE, creator: 'ADMIN' }, false, 'creator outside USER/MARKET'],
    [{ ...SOURCE_RESPONSE_EXAMPLE, creator: 'user' }, false, 'creator is case-sensitive'],
    [{ ...SOURCE_RESPONSE_EXAMPLE, status: '1' }, false, 'status is an Integer'],
    [{ ...SOURCE_RESPONSE_EXAMPLE, status: 1.5 }, false, 'status is an Integer'],
    [{ ...SOURCE_RESPONSE_EXAMPLE, register_time: '2017-12-28 12:26:54' }, false, 'register_time is a timestamp'],
    [Object.fromEntries(Object.entries(SOURCE_RESPONSE_EXAMPLE).filter(([k]) => k !== 'app_type')), false, 'app_type missing'],
  ];
  for (const [body, valid, why] of responseCases) {
    if (validateApp(body) !== valid) out.push(`App: expected ${valid ? 'valid' : 'invalid'} for ${why}`);
  }

  // Error body.
  const validateError = validators('ErrorBody');
  const errorCases: Array<[unknown, boolean, string]> = [
    [{ error_code: 'APIG.2011', error_msg: 'Invalid parameter value,parameterName:name.' }, true, 'APIG.2011'],
    [{ error_code: 'APIG.9999', error_msg: 'System error', request_id: 'abc' }, true, 'with request_id'],
    [{ error_code: 'APIG.201', error_msg: 'x' }, false, 'three digits'],
    [{ error_code: 'apig.2011', error_msg: 'x' }, false, 'lower case'],
    [{ error_code: 'APIG.2011\n', error_msg: 'x' }, false, 'trailing newline'],
    [{ error_code: 'APIG.２０１１', error_msg: 'x' }, false, 'full-width digits'],
    [{ error_code: 'APIG.2011' }, false, 'no error_msg'],
    [{ error_msg: 'x' }, false, 'no error_code'],
  ];
  for (const [body, valid, why] of errorCases) {
    if (validateError(body) !== valid) out.push(`ErrorBody: expected ${valid ? 'valid' : 'invalid'} for ${why}`);
  }

  out.push(...lifecycleMismatches(doc, validators));
  out.push(...grantMismatches(doc, validators));

  // Servers: the regional endpoint with a region variable, and the local mock.
  const servers = doc.servers ?? [];
  if (!servers.some((s: any) => s.url.includes('{region}') && s.variables?.region?.default)) out.push('servers: no regional endpoint with a region variable');
  if (!servers.some((s: any) => s.url === 'http://127.0.0.1:4010')) out.push('servers: no local mock http://127.0.0.1:4010');
  return out;
}

/** Every operation of every generation against lifecycle-rules.ts: parameters, bodies, statuses, fields, codes. */
function lifecycleMismatches(doc: OpenApiDocument, validators: ReturnType<typeof schemaValidators>): string[] {
  const out: string[] = [];
  const schemaName = (ref: unknown) =>
    String(ref ?? '')
      .split('/')
      .pop() ?? '';
  for (const rule of OPERATIONS) {
    const where = `${rule.method.toUpperCase()} ${rule.path}`;
    const item = doc.paths?.[rule.path];
    const op = item?.[rule.method];
    if (!op) {
      out.push(`${where} (${rule.page}, ${rule.generation}): operation missing`);
      continue;
    }
    out.push(...parameterMismatches(doc, where, item, op, rule.pathParams, rule.query));
    const statuses = Object.keys(op.responses ?? {});
    if (!sameSet(statuses, rule.statuses)) out.push(`${where}: statuses expected ${rule.statuses}; got ${statuses}`);
    for (const [status, codes] of Object.entries(rule.errorCodes)) {
      const examples = Object.values(deref(doc, op.responses?.[status])?.content?.['application/json']?.examples ?? {}).map(
        (e: any) => deref(doc, e)?.value?.error_code,
      );
      for (const code of codes) if (!examples.includes(code)) out.push(`${where} ${status}: no example with error_code ${code}`);
    }
    const success = rule.statuses.find((s) => s.startsWith('2'))!;
    const successSchema = deref(doc, deref(doc, op.responses?.[success])?.content?.['application/json']?.schema);
    if (rule.responseFields.length === 0) {
      if (successSchema) out.push(`${where} ${success}: expected no body`);
    } else {
      const fields = rule.kind === 'list' ? deref(doc, successSchema?.properties?.apps?.items) : successSchema;
      if (rule.kind === 'list' && !sameSet(Object.keys(successSchema?.properties ?? {}), ['total', 'size', 'apps']))
        out.push(`${where} ${success}: a list answers total, size and apps`);
      const missing = rule.responseFields.filter((f) => !(f in (fields?.properties ?? {})));
      if (missing.length) out.push(`${where} ${success}: response fields missing: ${missing}`);
      const requiredAnyway = (rule.responseMayBeAbsent ?? []).filter((f) => (fields?.required ?? []).includes(f));
      if (requiredAnyway.length) out.push(`${where} ${success}: requires ${requiredAnyway}, which a page's example leaves out`);
    }
    const body = deref(doc, op.requestBody);
    const bodySchema = deref(doc, body?.content?.['application/json']?.schema);
    if (!rule.body) {
      if (body) out.push(`${where}: the page has no request body`);
      continue;
    }
    if (!bodySchema) {
      out.push(`${where}: request body missing`);
      continue;
    }
    out.push(...bodyFieldMismatches(where, bodySchema, rule.body));
    const validate = validators(schemaName(body.content['application/json'].schema.$ref));
    if (rule.generation === 'v2') {
      for (const c of V2_BODY_CASES.filter((c) => c.kind === rule.kind)) {
        if (validate(c.body) !== c.valid) out.push(`${where}: body ${label(c.body)} expected ${c.valid ? 'valid' : 'invalid'} (${c.why})`);
      }
    } else if (rule.kind === 'reset') {
      for (const c of V1_RESET_CASES)
        if (validate(c.body) !== c.valid) out.push(`${where}: body ${label(c.body)} expected ${c.valid ? 'valid' : 'invalid'} (${c.why})`);
    }
  }
  return out;
}

type QueryParameterRule = {
  type: 'string' | 'integer' | 'array';
  required?: boolean;
  default?: number;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
};

/** An operation's path and query parameters against a rule table's: names, required or not, types and limits. */
function parameterMismatches(
  doc: OpenApiDocument,
  where: string,
  item: any,
  op: any,
  expectedPath: readonly string[],
  expectedQuery: Readonly<Record<string, QueryParameterRule>>,
): string[] {
  const out: string[] = [];
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: any) => deref(doc, p));
  const pathParams = params.filter((p: any) => p.in === 'path');
  if (
    !sameSet(
      pathParams.map((p: any) => p.name),
      expectedPath,
    )
  )
    out.push(`${where}: path parameters expected [${expectedPath}]; got [${pathParams.map((p: any) => p.name)}]`);
  for (const p of pathParams)
    if (p.required !== true || p.schema?.type !== 'string' || p.schema?.minLength !== 1)
      out.push(`${where}: path parameter ${p.name} must be a required non-empty string`);
  const query = params.filter((p: any) => p.in === 'query');
  if (
    !sameSet(
      query.map((p: any) => p.name),
      Object.keys(expectedQuery),
    )
  )
    out.push(`${where}: query parameters expected [${Object.keys(expectedQuery)}]; got [${query.map((p: any) => p.name)}]`);
  for (const p of query) {
    const expected = expectedQuery[p.name];
    if (!expected) continue;
    const schema = p.schema ?? {};
    const required = expected.required ?? false;
    if (Boolean(p.required) !== required) out.push(`${where}: query ${p.name} must be ${required ? 'required (是否必选: 是)' : 'optional (是否必选: 否)'}`);
    if (schema.type !== expected.type) out.push(`${where}: query ${p.name} type expected ${expected.type}; got ${schema.type}`);
    for (const key of ['default', 'minimum', 'maximum'] as const)
      if (schema[key] !== expected[key]) out.push(`${where}: query ${p.name} ${key} expected ${expected[key]}; got ${schema[key]}`);
    if (!sameSet(schema.enum ?? [], expected.enum ?? []))
      out.push(`${where}: query ${p.name} enum expected [${expected.enum ?? ''}]; got [${schema.enum ?? ''}]`);
  }
  if (params.some((p: any) => p.in === 'header' && p.required)) out.push(`${where}: unexpected required header parameter`);
  return out;
}

type BodyFieldRule = { required: boolean; type?: 'string' | 'array'; minLength?: number; maxLength?: number; pattern?: string; refusedCharacters?: string };

/** A request body's fields against a rule table's: the same fields, required ones, types and exact rules. */
function bodyFieldMismatches(where: string, bodySchema: any, fields: Readonly<Record<string, BodyFieldRule>>): string[] {
  const out: string[] = [];
  if (!sameSet(Object.keys(bodySchema.properties ?? {}), Object.keys(fields)))
    out.push(`${where}: body fields expected [${Object.keys(fields)}]; got [${Object.keys(bodySchema.properties ?? {})}]`);
  const required = Object.entries(fields)
    .filter(([, f]) => f.required)
    .map(([n]) => n);
  if (!sameSet(bodySchema.required ?? [], required)) out.push(`${where}: body required expected [${required}]; got [${bodySchema.required ?? ''}]`);
  for (const [field, expected] of Object.entries(fields)) {
    const prop = bodySchema.properties?.[field] ?? {};
    const type = expected.type ?? 'string';
    if (prop.type !== type) out.push(`${where}: ${field} must be ${type === 'array' ? 'an array' : 'a string'}`);
    for (const key of ['minLength', 'maxLength', 'pattern'] as const)
      if (prop[key] !== expected[key]) out.push(`${where}: ${field} ${key} expected ${expected[key]}; got ${prop[key]}`);
    if (prop.not?.pattern !== expected.refusedCharacters)
      out.push(`${where}: ${field} not.pattern expected ${expected.refusedCharacters}; got ${prop.not?.pattern}`);
  }
  return out;
}

/** AppCodes, authorizations and the outline against app-grant-rules.ts. */
function grantMismatches(doc: OpenApiDocument, validators: ReturnType<typeof schemaValidators>): string[] {
  const out: string[] = [];
  const schemaName = (ref: unknown) =>
    String(ref ?? '')
      .split('/')
      .pop() ?? '';
  for (const rule of GRANT_OPERATIONS) {
    const where = `${rule.method.toUpperCase()} ${rule.path} (${rule.page}, ${rule.generation})`;
    const item = doc.paths?.[rule.path];
    const op = item?.[rule.method];
    if (!op) {
      out.push(`${where}: operation missing`);
      continue;
    }
    const methods = Object.keys(item).filter((k) => ['get', 'put', 'post', 'delete', 'patch'].includes(k));
    const expectMethods = GRANT_OPERATIONS.filter((o) => o.path === rule.path).map((o) => o.method);
    if (!sameSet(methods, expectMethods)) out.push(`${where}: methods expected [${expectMethods}]; got [${methods}]`);
    out.push(...parameterMismatches(doc, where, item, op, rule.pathParams, rule.query));
    const statuses = Object.keys(op.responses ?? {});
    if (!sameSet(statuses, rule.statuses)) out.push(`${where}: statuses expected ${rule.statuses}; got ${statuses}`);
    for (const status of statuses) {
      const response = deref(doc, op.responses[status]);
      if (!response?.headers?.['X-Request-Id']) out.push(`${where} ${status}: no X-Request-Id header`);
      if (/^[45]/.test(status) && response?.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBody')
        out.push(`${where} ${status}: errors use ErrorBody`);
    }
    for (const [status, codes] of Object.entries(rule.errorCodes)) {
      const examples = Object.values(deref(doc, op.responses?.[status])?.content?.['application/json']?.examples ?? {}).map(
        (e: any) => deref(doc, e)?.value?.error_code,
      );
      for (const code of codes) if (!examples.includes(code)) out.push(`${where} ${status}: no example with error_code ${code}`);
    }
    const success = rule.statuses.find((s) => s.startsWith('2'))!;
    const successSchema = deref(doc, deref(doc, op.responses?.[success])?.content?.['application/json']?.schema);
    const fieldsOf = (schema: any) => Object.keys(deref(doc, schema)?.properties ?? {});
    const missingFrom = (expected: readonly string[], schema: any) => expected.filter((f) => !fieldsOf(schema).includes(f));
    const shape = rule.success;
    if (shape.shape === 'none') {
      if (successSchema) out.push(`${where} ${success}: expected no body`);
    } else if (shape.shape === 'array') {
      if (successSchema?.type !== 'array') out.push(`${where} ${success}: the page answers a bare array`);
      const missing = missingFrom(shape.fields, successSchema?.items);
      if (missing.length) out.push(`${where} ${success}: record fields missing: ${missing}`);
    } else if (shape.shape === 'object') {
      const missing = missingFrom(shape.fields, successSchema);
      if (missing.length) out.push(`${where} ${success}: response fields missing: ${missing}`);
    } else {
      const expectTop = rule.kind === 'authorize' ? [shape.listField] : ['total', 'size', shape.listField];
      if (!sameSet(fieldsOf(successSchema), expectTop)) out.push(`${where} ${success}: answers ${expectTop}; got ${fieldsOf(successSchema)}`);
      const missing = missingFrom(shape.itemFields, successSchema?.properties?.[shape.listField]?.items);
      if (missing.length) out.push(`${where} ${success}: ${shape.listField} entry fields missing: ${missing}`);
    }
    const body = deref(doc, op.requestBody);
    if (!rule.body) {
      if (body) out.push(`${where}: the page has no request body`);
      continue;
    }
    const bodySchema = deref(doc, body?.content?.['application/json']?.schema);
    if (body?.required !== true || !bodySchema) {
      out.push(`${where}: a required request body is missing`);
      continue;
    }
    out.push(...bodyFieldMismatches(where, bodySchema, rule.body));
    for (const [field, expected] of Object.entries(rule.body)) {
      const prop = bodySchema.properties?.[field] ?? {};
      // The English rule names every symbol the field allows (the client's messages quote it).
      const symbols = (expected.refusedCharacters ?? '')
        .replace(/^\[\^|\]$/g, '')
        .replace(/A-Z|a-z|0-9/g, '')
        .split('');
      const missingSymbols = symbols.filter((c) => !String(prop['x-rule-en'] ?? '').includes(c));
      if (missingSymbols.length) out.push(`${where}: ${field} x-rule-en does not name ${missingSymbols.join(' ')}`);
      if (!prop['x-rule-zh']) out.push(`${where}: ${field} has no x-rule-zh`);
    }
    const validate = validators(schemaName(body.content['application/json'].schema.$ref));
    const cases =
      rule.kind === 'authorize'
        ? AUTHORIZE_CASES
        : APP_CODE_CASES.filter((c) => c.generation === rule.generation).map((c) => ({ ...c, body: { app_code: c.value } }));
    for (const c of cases) if (validate(c.body) !== c.valid) out.push(`${where}: body ${label(c.body)} expected ${c.valid ? 'valid' : 'invalid'} (${c.why})`);
  }
  return out;
}

export type { OperationRule };

// The bundled document encodes the source pages: every path, status, field rule and
// example, checked against the hand-written rule table in test/rules/.
import { describe, expect, it } from 'vitest';
import { BODY_CASES, FIELD_CASES, bodyWith, label } from '../rules/create-app-rules.js';
import { loadBundledDocument, schemaValidators } from '../helpers/bundled-document.js';
import { contractMismatches } from './contract-mismatches.js';

const doc = loadBundledDocument();
const validateRequest = schemaValidators(doc)('CreateAppRequest');

describe('the bundled document matches the source pages', () => {
  it('has no mismatch with the rule table', () => {
    expect(contractMismatches(doc)).toEqual([]);
  });

  it.each(FIELD_CASES.map((c) => ({ ...c, name: `${c.field} = ${label(c.value)} is ${c.valid ? 'valid' : 'invalid'}: ${c.why}` })))(
    '$name',
    ({ field, value, valid }) => {
      expect(validateRequest(bodyWith(field, value))).toBe(valid);
    },
  );

  it.each(BODY_CASES)('body: $why', ({ body, valid }) => {
    expect(validateRequest(body)).toBe(valid);
  });
});

// The spec's decision on v2 responses (info.description, “What a v2 response promises”): values
// the current definitions enumerate are listed in descriptions, never closed with enum/const, so a
// value a later gateway release adds is no violation.
function closedResponseValues(d: any): string[] {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const walk = (schema: any, at: string) => {
    if (!schema || typeof schema !== 'object') return;
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.split('/').pop();
      if (seen.has(name)) return;
      seen.add(name);
      return walk(d.components.schemas[name], `${at}→${name}`);
    }
    if (schema.enum || 'const' in schema) found.push(`${at}: ${JSON.stringify(schema.enum ?? [schema.const])}`);
    for (const [k, v] of Object.entries<any>(schema.properties ?? {})) walk(v, `${at}.${k}`);
    if (schema.items) walk(schema.items, `${at}[]`);
    for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) walk(part, at);
  };
  for (const [path, item] of Object.entries<any>(d.paths)) {
    if (!path.startsWith('/v2/')) continue;
    for (const [method, op] of Object.entries<any>(item)) {
      for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
        if (!status.startsWith('2')) continue;
        const r = response.$ref ? d.components.responses[response.$ref.split('/').pop()] : response;
        seen.clear();
        walk(r?.content?.['application/json']?.schema, `${method.toUpperCase()} ${path} ${status}`);
      }
    }
  }
  return found;
}

describe('v2 responses stay open', () => {
  it('no v2 success response closes a value with enum or const', () => {
    expect(closedResponseValues(doc)).toEqual([]);
  });
  it('notices one that does', () => {
    const mutated = structuredClone(doc);
    mutated.components.schemas.AppAuthorizationV2.properties.app_creator.enum = ['USER', 'MARKET'];
    expect(closedResponseValues(mutated)).toEqual([
      expect.stringContaining('.app_creator: ["USER","MARKET"]'),
      expect.stringContaining('.app_creator: ["USER","MARKET"]'),
    ]);
  });
});

// Each mutation is an accidental contract change; the rule table must notice every one.
const MUTATIONS: Array<[string, (d: any) => void]> = [
  ['name maxLength 64 → 65', (d) => (d.components.schemas.CreateAppRequest.properties.name.maxLength = 65)],
  ['name minLength 3 → 2', (d) => (d.components.schemas.CreateAppRequest.properties.name.minLength = 2)],
  ['name may start with a digit', (d) => (d.components.schemas.CreateAppRequest.properties.name.pattern = '^[A-Za-z0-9一-龥][A-Za-z0-9_一-龥]{2,63}$')],
  ['name 汉字 range ends at U+9FA6', (d) => (d.components.schemas.CreateAppRequest.properties.name.pattern = '^[A-Za-z一-龦][A-Za-z0-9_一-龦]{2,63}$')],
  [
    'name quantifier widened with same behaviour',
    (d) => (d.components.schemas.CreateAppRequest.properties.name.pattern = '^[A-Za-z一-龥][A-Za-z0-9_一-龥]{2,64}$'),
  ],
  ['name loses its not (trailing newline passes in Python, Java, PCRE)', (d) => delete d.components.schemas.CreateAppRequest.properties.name.not],
  ['app_secret not allows ^', (d) => (d.components.schemas.CreateAppRequest.properties.app_secret.not.pattern = '[^A-Za-z0-9_!@#$%^-]')],
  [
    'name written with \\u escapes again',
    (d) => (d.components.schemas.CreateAppRequest.properties.name.pattern = '^[A-Za-z\\u4e00-\\u9fa5][A-Za-z0-9_\\u4e00-\\u9fa5]{2,63}$'),
  ],
  ['name no longer required', (d) => (d.components.schemas.CreateAppRequest.required = [])],
  ['remark maxLength 255 → 256', (d) => (d.components.schemas.CreateAppRequest.properties.remark.maxLength = 256)],
  ['app_key allows .', (d) => (d.components.schemas.CreateAppRequest.properties.app_key.pattern = '^[A-Za-z0-9][A-Za-z0-9_.-]{7,63}$')],
  ['app_key minLength 8 → 6', (d) => (d.components.schemas.CreateAppRequest.properties.app_key.minLength = 6)],
  ['app_secret drops %', (d) => (d.components.schemas.CreateAppRequest.properties.app_secret.pattern = '^[A-Za-z0-9][A-Za-z0-9_!@#$-]{7,63}$')],
  ['app_secret maxLength 64 → 128', (d) => (d.components.schemas.CreateAppRequest.properties.app_secret.maxLength = 128)],
  ['creator gains ADMIN', (d) => d.components.schemas.App.properties.creator.enum.push('ADMIN')],
  ['status becomes a string', (d) => (d.components.schemas.App.properties.status.type = 'string')],
  ['app_type no longer required', (d) => (d.components.schemas.App.required = d.components.schemas.App.required.filter((f: string) => f !== 'app_type'))],
  ['error_code pattern loosened', (d) => (d.components.schemas.ErrorBody.properties.error_code.pattern = '^APIG\\.\\d+$')],
  [
    'shared path renamed',
    (d) => {
      d.paths['/v1.0/apigw/app'] = d.paths['/v1.0/apigw/apps'];
      delete d.paths['/v1.0/apigw/apps'];
    },
  ],
  [
    'dedicated path loses instance_id',
    (d) => {
      d.paths['/v1/{project_id}/apigw/apps'] = d.paths['/v1/{project_id}/apigw/instances/{instance_id}/apps'];
      delete d.paths['/v1/{project_id}/apigw/instances/{instance_id}/apps'];
    },
  ],
  ['403 removed from the dedicated variant', (d) => delete d.paths['/v1/{project_id}/apigw/instances/{instance_id}/apps'].post.responses['403']],
  [
    '200 instead of 201',
    (d) => {
      const r = d.paths['/v1.0/apigw/apps'].post.responses;
      r['200'] = r['201'];
      delete r['201'];
    },
  ],
  [
    'method becomes PUT',
    (d) => {
      const p = d.paths['/v1.0/apigw/apps'];
      p.put = p.post;
      delete p.post;
    },
  ],
  ['project_id optional', (d) => (d.components.parameters.ProjectId.required = false)],
  [
    'v2 app_key maxLength 200 → 64 (the 2021 page, which the current definitions overrule)',
    (d) => (d.components.schemas.CreateAppRequestV2.properties.app_key.maxLength = 64),
  ],
  ['v2 update app_secret maxLength 128 → 64', (d) => (d.components.schemas.UpdateAppRequestV2.properties.app_secret.maxLength = 64)],
  [
    'v2 reset secret pattern allows ^',
    (d) => (d.components.schemas.ResetAppSecretRequestV2.properties.app_secret.pattern = '^[A-Za-z0-9][A-Za-z0-9_!@#$%^-]{7,127}$'),
  ],
  ['v1 reset app_secret maxLength 64 → 128', (d) => (d.components.schemas.ResetAppSecretRequest.properties.app_secret.maxLength = 128)],
  ['v2 related_domain_id minLength 32 → 1', (d) => (d.components.schemas.CreateAppRequestV2.properties.related_domain_id.minLength = 1)],
  ['v2 limit refused above 500 again (the current definitions adjust it to 500)', (d) => (d.components.parameters.Limit.schema.maximum = 500)],
  ['v2 limit refused at 0 again (the current definitions take it as 20)', (d) => (d.components.parameters.Limit.schema.minimum = 1)],
  ['page_size default 20 → 10', (d) => (d.components.parameters.PageSize.schema.default = 10)],
  ['precise_search accepts any parameter', (d) => delete d.components.parameters.PreciseSearch.schema.enum],
  [
    'v1.0 list loses precise_search',
    (d) => (d.paths['/v1.0/apigw/apps'].get.parameters = d.paths['/v1.0/apigw/apps'].get.parameters.filter((p: any) => !p.$ref.endsWith('/PreciseSearch'))),
  ],
  [
    'v2 update answers 200',
    (d) => {
      const r = d.paths['/v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}'].put.responses;
      r['200'] = r['201'];
      delete r['201'];
    },
  ],
  ['v1 delete loses 409', (d) => delete d.paths['/v1/{project_id}/apigw/instances/{instance_id}/apps/{id}'].delete.responses['409']],
  ['v1.0 verify gains 403', (d) => (d.paths['/v1.0/apigw/apps/validation/{id}'].get.responses['403'] = d.paths['/v1.0/apigw/apps/{id}'].get.responses['403'])],
  [
    'v2 missing APP answers APIG.3004 (catalogue) instead of the page example',
    (d) => (d.components.responses.AppNotFoundV2.content['application/json'].examples.appNotFound.value.error_code = 'APIG.3004'),
  ],
  ['v1 show names its id app_id', (d) => (d.components.parameters.AppId.name = 'app_id')],
  ['v2 APP requires remark again (the list example shows an APP without it)', (d) => d.components.schemas.AppV2.required.push('remark')],
  ['v2 list items require app_type', (d) => d.components.schemas.AppWithBindNumV2.required.push('app_type')],
  [
    'v2 verify back on AppBaseInfo (remark required)',
    (d) => (d.components.responses.AppVerifiedV2.content['application/json'].schema = { $ref: '#/components/schemas/AppBaseInfo' }),
  ],
  ['v2 list items lose bind_num', (d) => delete d.components.schemas.AppWithBindNumV2.properties.bind_num],
  ['v1.0 reset answers app_type-less APP without update_time', (d) => delete d.components.schemas.AppSecretInfo.properties.update_time],
  [
    'v2 update loses related_project_id (it takes the create model, AppCreate)',
    (d) => delete d.components.schemas.UpdateAppRequestV2.properties.related_project_id,
  ],
  ['v2 update related_domain_id minLength 32 → 1', (d) => (d.components.schemas.UpdateAppRequestV2.properties.related_domain_id.minLength = 1)],
  [
    'v2 list loses the related_domain_id filter',
    (d) =>
      (d.paths['/v2/{project_id}/apigw/instances/{instance_id}/apps'].get.parameters = d.paths[
        '/v2/{project_id}/apigw/instances/{instance_id}/apps'
      ].get.parameters.filter((p: any) => !p.$ref.endsWith('/QueryRelatedDomainId'))),
  ],
  [
    'v1 list gains the v2 related_project_id filter',
    (d) => d.paths['/v1/{project_id}/apigw/instances/{instance_id}/apps'].get.parameters.push({ $ref: '#/components/parameters/QueryRelatedProjectId' }),
  ],
  [
    'v2 tags filter becomes one string (its comment says it may be given several times)',
    (d) => (d.components.parameters.AuthApiTags.schema = { type: 'string' }),
  ],
  ['v2 bound records lose visit_param', (d) => delete d.components.schemas.AppAuthorizationV2.properties.visit_param],
  ['v2 not-bound APIs lose tags', (d) => delete d.components.schemas.UnboundApiV2.properties.tags],
  ['v2 show loses its operation', (d) => delete d.paths['/v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}'].get],
  ['AppCode v1.0 minLength 64 → 32', (d) => (d.components.schemas.CreateAppCodeRequest.properties.app_code.minLength = 32)],
  [
    'AppCode v1.0 pattern drops the digits its page examples carry',
    (d) => (d.components.schemas.CreateAppCodeRequest.properties.app_code.pattern = '^[A-Za-z+/][A-Za-z+_!@#$%/=]{63,179}$'),
  ],
  [
    'AppCode v2 back to the 2021 rule (no digit first, no -)',
    (d) => {
      const p = d.components.schemas.CreateAppCodeRequestV2.properties.app_code;
      p.pattern = '^[A-Za-z+/][A-Za-z0-9+_!@#$%/=]{63,179}$';
      p.not.pattern = '[^A-Za-z0-9+_!@#$%/=]';
    },
  ],
  [
    'AppCode v2 maxLength 180 → 200',
    (d) => {
      const p = d.components.schemas.CreateAppCodeRequestV2.properties.app_code;
      p.maxLength = 200;
      p.pattern = '^[A-Za-z0-9+/][A-Za-z0-9+_!@#$%/=-]{63,199}$';
    },
  ],
  [
    'AppCode v1.0 English rule cut at its # (an unquoted YAML comment)',
    (d) => (d.components.schemas.CreateAppCodeRequest.properties.app_code['x-rule-en'] = '64 to 180 characters; English letters, digits and + _ ! @'),
  ],
  ['authorize accepts an empty api_ids', (d) => delete d.components.schemas.AuthorizeAppsRequest.properties.api_ids.minItems],
  ['authorize env_id optional', (d) => (d.components.schemas.AuthorizeAppsRequest.required = ['api_ids', 'app_ids'])],
  [
    "v1.0 authorize answers an object, not the page's bare array",
    (d) => (d.components.responses.AppsAuthorized.content['application/json'].schema = { $ref: '#/components/schemas/AppAuthRelationListV2' }),
  ],
  ['v2 authorize records lose auth_result', (d) => delete d.components.schemas.AppAuthRelationV2.properties.auth_result],
  ['binded-apis app_id optional', (d) => (d.components.parameters.BoundApisAppId.required = false)],
  [
    'unbinded-apis loses env_id',
    (d) =>
      (d.paths['/v2/{project_id}/apigw/instances/{instance_id}/app-auths/unbinded-apis'].get.parameters = d.paths[
        '/v2/{project_id}/apigw/instances/{instance_id}/app-auths/unbinded-apis'
      ].get.parameters.filter((p: any) => !p.$ref.endsWith('/UnboundApisEnvId'))),
  ],
  [
    'v1 bound lists page with offset',
    (d) =>
      (d.paths['/v1/{project_id}/apigw/instances/{instance_id}/app-auths/binded-apis'].get.parameters =
        d.paths['/v2/{project_id}/apigw/instances/{instance_id}/app-auths/binded-apis'].get.parameters),
  ],
  [
    "v2 show AppCode loses the page's 201",
    (d) => delete d.paths['/v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}/app-codes/{app_code_id}'].get.responses['201'],
  ],
  ['v1.0 delete AppCode loses 409', (d) => delete d.paths['/v1.0/apigw/apps/{app_id}/app-codes/{id}'].delete.responses['409']],
  ['AppCode quota code gone', (d) => delete d.components.responses.AppCodeForbidden.content['application/json'].examples.quotaExceeded],
  [
    "cancel answers the catalogue's wrong code",
    (d) => (d.components.responses.AppAuthorizationNotFound.content['application/json'].examples.authorizationNotFound.value.error_code = 'APIG.3004'),
  ],
  [
    'v1 gains AppCodes',
    (d) =>
      (d.paths['/v1/{project_id}/apigw/instances/{instance_id}/apps/{app_id}/app-codes'] =
        d.paths['/v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}/app-codes']),
  ],
  ['outline loses unauthed_nums', (d) => delete d.components.schemas.AppOutline.properties.unauthed_nums],
  ['unbound APIs lose req_uri', (d) => delete d.components.schemas.UnboundApi.properties.req_uri],
  ['token scheme renamed header', (d) => (d.components.securitySchemes.iamToken.name = 'X-Token')],
];

describe('the rule table catches accidental contract changes', () => {
  it.each(MUTATIONS)('%s', (_name, mutate) => {
    const mutated = structuredClone(doc);
    mutate(mutated);
    expect(contractMismatches(mutated).length).toBeGreaterThan(0);
  });
});

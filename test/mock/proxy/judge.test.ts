// The proxy's judging as pure functions, no traffic: a request in, what it is; an exchange in,
// its findings (judging.http.test.ts pins the same rules through a running proxy). Expectations
// come from Create APP's page (shared gateway): its response fields and statuses.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgesOf, loadEngine, operationOf, type Judges, type ProxiedRequest } from '../../../mock/proxy/judge.mjs';
import { loadOperations } from '../../../mock/core/prism-operations.mjs';
import { readTarget } from '../../../mock/core/request-target.mjs';
import { prismQuery } from '../../../mock/core/prism-request.mjs';
import { SOURCE_REQUEST_EXAMPLE, SOURCE_RESPONSE_EXAMPLE } from '../../rules/create-app-rules.js';

const GENERATED = fileURLToPath(new URL('../../../generated/', import.meta.url));
let judges: Judges;

beforeAll(async () => {
  const engine = await loadEngine();
  judges = judgesOf(engine, await loadOperations(engine.prism, GENERATED, engine.version));
});

const requestOf = (method: string, url: string, body?: unknown): ProxiedRequest => {
  const target = readTarget(url);
  const headers = { 'content-type': 'application/json', 'x-auth-token': 't' };
  return { target, method, path: target.path, badSegments: target.badSegments, query: prismQuery(target.searchParams), headers, requestBody: body };
};
const answer = (status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': 'r1' }) => ({
  status,
  responseHeaders: headers,
  responseBytes: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
});
const judge = (request: ProxiedRequest, reply: ReturnType<typeof answer>) => {
  const checked = judges.checkRequest(request);
  if (checked.routed._tag === 'Unjudged') throw new Error('not judged');
  return judges.judgeExchange({ method: request.method, path: request.path, ...reply }, { routed: checked.routed, violations: checked.violations ?? [] });
};

describe('what a request is', () => {
  it('Create APP on the shared gateway, valid as the page’s example', () => {
    const checked = judges.checkRequest(requestOf('POST', '/v1.0/apigw/apps', SOURCE_REQUEST_EXAMPLE));
    expect(operationOf(checked)).toBe('POST /v1.0/apigw/apps');
    expect(checked.violations).toEqual([]);
  });

  it('a name that starts with a digit breaks the rule (以英文和汉字开头)', () => {
    const checked = judges.checkRequest(requestOf('POST', '/v1.0/apigw/apps', { name: '1bad' }));
    expect(checked.violations?.map((v) => v.path?.join('.'))).toEqual(['body.name']);
  });

  it('no operation: a route the contract lacks, the asterisk form', () => {
    expect(judges.checkRequest(requestOf('GET', '/v9/things')).routed._tag).toBe('Left');
    expect(judges.checkRequest({ ...requestOf('OPTIONS', '/'), path: '*' }).routed._tag).toBe('Left');
  });

  it('an undecodable path segment is the parameter it fills', () => {
    const checked = judges.checkRequest(requestOf('GET', '/v1.0/apigw/apps/%zz'));
    expect(operationOf(checked)).toBe('GET /v1.0/apigw/apps/{id}');
    expect(checked.violations).toEqual([{ path: ['path', 'id'], message: 'path parameter id is not valid percent-encoding' }]);
  });
});

describe('the edges of judging', () => {
  const create = (body: unknown) => requestOf('POST', '/v1.0/apigw/apps', body);
  const kinds = (findings: Array<{ kind: string; location: string }>) => findings.map((f) => `${f.kind} ${f.location}`);

  it('a refusal is the caller’s only on a 4xx: a 5xx to an invalid request is the upstream’s drift too', () => {
    expect(kinds(judge(create({ name: '1bad' }), answer(400, { error_code: 'APIG.2011', error_msg: 'x' })))).toEqual(['request body.name']);
    expect(kinds(judge(create({ name: '1bad' }), answer(499, { error_code: 'APIG.2011', error_msg: 'x' })))).toEqual(['request body.name']);
    expect(kinds(judge(create({ name: '1bad' }), answer(500, { error_code: 'APIG.9999', error_msg: 'x' })))).toEqual(['request body.name']);
    expect(kinds(judge(create({ name: '1bad' }), answer(503, { error_code: 'APIG.9999', error_msg: 'x' })))).toEqual(['request body.name', 'status (whole)']);
    expect(kinds(judge(create(SOURCE_REQUEST_EXAMPLE), answer(409, { error_code: 'APIG.3203', error_msg: 'x' })))).toEqual(['status (whole)']);
  });

  it('the content type: JSON in any case, with parameters, but not a type that only starts like it', () => {
    const typed = (type: string) =>
      kinds(judge(create(SOURCE_REQUEST_EXAMPLE), answer(201, SOURCE_RESPONSE_EXAMPLE, { 'content-type': type, 'x-request-id': 'r' })));
    expect(typed('APPLICATION/JSON')).toEqual([]);
    expect(typed('application/json;charset=UTF-8')).toEqual([]);
    expect(typed('application/jsonp')).toEqual(['response headers.Content-Type']);
    expect(typed('text/application/json')).toEqual(['response headers.Content-Type']);
  });

  it('an error code: APIG.xxxx and APIGW.xxxx pass, anything else on a 4xx is drift, nothing is checked on a success', () => {
    const error = (code: unknown, status = 401) => kinds(judge(create(SOURCE_REQUEST_EXAMPLE), answer(status, { error_code: code, error_msg: 'x' })));
    expect(error('APIGW.0301')).toEqual([]);
    expect(error('APIG.1002')).toEqual([]);
    expect(error('APIG.10020')).toContain('response body.error_code');
    expect(error('XAPIG.1002')).toContain('response body.error_code');
    expect(kinds(judge(create(SOURCE_REQUEST_EXAMPLE), answer(201, { ...SOURCE_RESPONSE_EXAMPLE, error_code: 'nope' })))).toEqual([
      'undeclared-field body.error_code',
    ]);
  });

  it('a body that is no JSON is said once, and not judged against the schema', () => {
    const reply = { status: 201, responseHeaders: { 'content-type': 'application/json', 'x-request-id': 'r' }, responseBytes: Buffer.from('{oops') };
    expect(kinds(judge(create(SOURCE_REQUEST_EXAMPLE), reply))).toEqual(['response body']);
  });

  it('an empty 204 is clean; the request id is kept only when it is one string', () => {
    const deleted = judge(requestOf('DELETE', '/v1.0/apigw/apps/a1'), {
      status: 204,
      responseHeaders: { 'x-request-id': 'r204' },
      responseBytes: Buffer.alloc(0),
    });
    expect(deleted).toEqual([]);
    const [finding] = judge(
      create({ name: '1bad' }),
      answer(400, { error_code: 'APIG.2011', error_msg: 'x' }, { 'content-type': 'application/json', 'x-request-id': 'req-9' }),
    );
    expect(finding?.requestId).toBe('req-9');
  });

  it('undeclared fields: nested objects and list entries, each place once; scalars where objects were declared are not walked', () => {
    const list = requestOf('GET', '/v1.0/apigw/apps');
    const entry = { ...SOURCE_RESPONSE_EXAMPLE, bind_num: 0 };
    const news = judge(
      list,
      answer(200, {
        total: 2,
        size: 2,
        apps: [
          { ...entry, tag: 1 },
          { ...entry, tag: 2, more: { deep: 1 } },
        ],
      }),
    );
    expect(kinds(news)).toEqual(['undeclared-field body.apps[].tag', 'undeclared-field body.apps[].more']);
    expect(judge(list, answer(200, { total: 0, size: 0, apps: null }))).not.toContainEqual(expect.objectContaining({ kind: 'undeclared-field' }));
  });
});

describe('what an exchange shows', () => {
  it('the page’s example answered as the page says: nothing', () => {
    expect(judge(requestOf('POST', '/v1.0/apigw/apps', SOURCE_REQUEST_EXAMPLE), answer(201, SOURCE_RESPONSE_EXAMPLE))).toEqual([]);
  });

  it('each kind, from one exchange: the caller’s fault, drift, news', () => {
    const findings = judge(requestOf('POST', '/v1.0/apigw/apps', { name: '1bad' }), answer(201, { ...SOURCE_RESPONSE_EXAMPLE, status: 'on', extra: 1 }, {}));
    expect(findings.map((f) => [f.kind, f.where, f.location])).toEqual([
      ['accepted-invalid', 'request', 'body.name'],
      ['response', 'response', 'headers.X-Request-Id'],
      ['response', 'response', 'headers.Content-Type'],
      ['response', 'response', 'body.status'],
      ['undeclared-field', 'response', 'body.extra'],
    ]);
    for (const f of findings)
      expect(f).toMatchObject({ method: 'POST', path: '/v1.0/apigw/apps', status: 201, requestId: undefined, operation: 'POST /v1.0/apigw/apps' });
  });

  it('a refusal of an invalid request is the caller’s, whatever status the page declares', () => {
    const findings = judge(requestOf('POST', '/v1.0/apigw/apps', { name: '1bad' }), answer(409, { error_code: 'APIG.2011', error_msg: 'x' }));
    expect(findings.map((f) => [f.kind, f.location, f.requestId])).toEqual([['request', 'body.name', 'r1']]);
  });

  it('an undeclared status is one finding, its body not judged further', () => {
    const findings = judge(requestOf('POST', '/v1.0/apigw/apps', SOURCE_REQUEST_EXAMPLE), answer(418, { tea: 1 }));
    expect(findings.map((f) => [f.kind, f.location])).toEqual([['status', '(whole)']]);
  });

  it('outside the contract: a preflight, a route it lacks', () => {
    const [preflight] = judge(requestOf('OPTIONS', '/v1.0/apigw/apps'), answer(204, undefined));
    const [unknown] = judge(requestOf('GET', '/v9/things'), answer(404, {}));
    expect([preflight?.kind, unknown?.kind]).toEqual(['preflight', 'unknown-route']);
    expect(unknown?.message).toBe('GET /v9/things is not an operation of the contract');
  });

  it('is pure: the same exchange, the same findings, every time', () => {
    const once = () => judge(requestOf('POST', '/v1.0/apigw/apps', SOURCE_REQUEST_EXAMPLE), answer(201, { ...SOURCE_RESPONSE_EXAMPLE, name: 7 }));
    expect(once()).toEqual(once());
    expect(once()).toHaveLength(1);
  });

  it('judges the v2 families like the others: APP access control as its page answers it, and a 201 that drops a field', () => {
    const acl = '/v2/p/apigw/instances/i/apps/9ed8b7fe84224de681e7d7a5587e76dc/app-acl';
    // Configuring Access Control Settings for an App: the page's request and response examples.
    const values = ['192.168.0.1', '192.168.0.5-192.168.0.10', '192.168.0.100/28'];
    const request = requestOf('PUT', acl, { app_acl_type: 'PERMIT', app_acl_values: values });
    expect(judge(request, answer(201, { app_id: '9ed8b7fe84224de681e7d7a5587e76dc', app_acl_type: 'PERMIT', app_acl_values: values }))).toEqual([]);
    const dropped = judge(request, answer(201, { app_id: '9ed8b7fe84224de681e7d7a5587e76dc' }));
    expect(dropped.map((f) => [f.kind, f.operation])).toEqual([['response', 'PUT /v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}/app-acl']]);
    const refused = judge(
      requestOf('PUT', acl, { app_acl_type: 'PERMIT', app_acl_values: ['10.0.0.0/33'] }),
      answer(201, { app_id: 'x', app_acl_type: 'PERMIT', app_acl_values: [] }),
    );
    expect(refused.map((f) => [f.kind, f.location])).toEqual([['accepted-invalid', 'body.app_acl_values.0']]);
  });
});

// How the mock reads what a caller sends, in-process: the body reader's bounds, the JSON
// decoding (UTF-8 only: 中文字符必须为UTF-8或者unicode编码), Prism's Prefer header, and the one
// Huawei error body a broken request gets (APIG.2001 missing, APIG.2011 invalid, APIG.2000 other).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, decodeJsonBody, readBody } from '../../../mock/core/request-body.mjs';
import { preferToMockConfig } from '../../../mock/server/prefer.mjs';
import { apiNotFound, errorFromViolations, missingParameter, parameterError, systemError } from '../../../mock/core/huawei-errors.mjs';

/** A request stream that emits the chunks given, then `end`, `error` or `close`. */
function request(chunks: Buffer[], last: 'end' | 'error' | 'close' = 'end') {
  const req = Object.assign(new EventEmitter(), {
    destroyed: false,
    destroy() {
      this.destroyed = true;
    },
  });
  const read = readBody(req);
  for (const chunk of chunks) req.emit('data', chunk);
  if (last === 'error') req.emit('error', new Error('socket hang up'));
  else req.emit(last);
  req.emit('close');
  return { req, read };
}

describe('readBody: whole bodies up to 4 MiB, never more kept', () => {
  it('joins the chunks of a body', async () => {
    expect(await request([Buffer.from('{"name":'), Buffer.from('"app"}')]).read).toEqual({ bytes: Buffer.from('{"name":"app"}') });
    expect(await request([]).read).toEqual({ bytes: Buffer.alloc(0) });
  });

  it('takes exactly 4 MiB; one byte more is too large', async () => {
    expect(MAX_BODY_BYTES).toBe(4 * 1024 * 1024);
    const exact = await request([Buffer.alloc(MAX_BODY_BYTES - 1), Buffer.alloc(1)]).read;
    expect(exact.bytes?.length).toBe(MAX_BODY_BYTES);
    expect(await request([Buffer.alloc(MAX_BODY_BYTES), Buffer.alloc(1)]).read).toEqual({ tooLarge: true });
  });

  it('keeps draining a large body (so the answer can be read), and drops the connection past 64 MiB', async () => {
    const mib = Buffer.alloc(1024 * 1024);
    const drained = request(Array.from({ length: 64 }, () => mib));
    expect(await drained.read).toEqual({ tooLarge: true });
    expect(drained.req.destroyed).toBe(false);
    const flood = request(
      Array.from({ length: 65 }, () => mib),
      'close',
    );
    expect(flood.req.destroyed).toBe(true);
    expect(await flood.read).toEqual({ aborted: true });
  });

  it('a connection that breaks is aborted (and says whether it was already too large)', async () => {
    expect(await request([Buffer.from('{')], 'error').read).toEqual({ tooLarge: false, aborted: true });
    expect(await request([Buffer.alloc(MAX_BODY_BYTES + 1)], 'error').read).toEqual({ tooLarge: true, aborted: true });
    expect(await request([Buffer.alloc(MAX_BODY_BYTES)], 'error').read).toEqual({ tooLarge: false, aborted: true });
    expect(await request([Buffer.from('{')], 'close').read).toEqual({ aborted: true });
  });
});

describe('decodeJsonBody', () => {
  const bytes = (text: string) => Buffer.from(text, 'utf8');

  it('no body is no value, whatever the content type', () => {
    expect(decodeJsonBody(undefined, Buffer.alloc(0))).toEqual({ value: undefined });
    expect(decodeJsonBody('text/plain', Buffer.alloc(0))).toEqual({ value: undefined });
  });

  it.each([
    'application/json; version=1; charset=utf-8',
    'application/json; version=1',
    'application/json',
    'Application/JSON',
    'application/json; charset=utf-8',
    'application/json;charset=UTF-8',
    'application/json; charset="utf-8"',
    'application/json; charset=utf8',
    'application/merge-patch+json',
    'application/vnd.api+json; charset=utf-8',
  ])('reads JSON sent as %s', (type) => {
    expect(decodeJsonBody(type, bytes('{"name":"应用_1"}'))).toEqual({ value: { name: '应用_1' } });
  });

  it.each([
    undefined,
    '',
    'text/plain',
    'application/xml',
    'application/jsonx',
    'application/json; charset=gbk',
    'application/json; charset=latin1',
    'multipart/form-data',
    'application/+jsonx',
    'vnd.application/x+json',
    'application/json; version=1; charset=gbk',
  ])('refuses the content type %j, naming it', (type) => {
    const { problem } = decodeJsonBody(type, bytes('{}'));
    expect(problem).toBe(`Content-Type must be application/json with UTF-8 (got ${JSON.stringify(String(type ?? 'none'))})`);
  });

  it('quotes at most 100 characters of a content type', () => {
    expect(decodeJsonBody(`text/${'x'.repeat(300)}`, bytes('{}')).problem).toBe(
      `Content-Type must be application/json with UTF-8 (got ${JSON.stringify(`text/${'x'.repeat(95)}`)})`,
    );
  });

  it('refuses bytes that are not UTF-8 (GBK 应用), in English and the page’s Chinese', () => {
    expect(decodeJsonBody('application/json', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xd3, 0xa6, 0xd3, 0xc3, 0x22, 0x7d]))).toEqual({
      problem: 'the request body is not valid UTF-8 (中文字符必须为UTF-8或者unicode编码)',
    });
  });

  it('a UTF-8 byte-order mark is dropped, not read as part of the JSON', () => {
    expect(decodeJsonBody('application/json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('{"a":1}')]))).toEqual({ value: { a: 1 } });
  });

  it('refuses JSON that does not parse, saying where, without echoing it', () => {
    const { problem } = decodeJsonBody('application/json', bytes('{"app_secret":"Secret_1",}'));
    expect(problem).toMatch(/^the request body is not valid JSON \(at character \d+\)$/);
    expect(problem).not.toContain('Secret_1');
    expect(decodeJsonBody('application/json', bytes('{')).problem).toBe('the request body is not valid JSON (at character 1)');
    expect(decodeJsonBody('application/json', bytes(`{"name":"${'a'.repeat(20)}",}`)).problem).toBe('the request body is not valid JSON (at character 31)');
    // Where the parser does not say a position, the message says none.
    expect(decodeJsonBody('application/json', bytes('[1,2,x]')).problem).toBe('the request body is not valid JSON');
  });

  it('any JSON value is a value (the contract judges its shape)', () => {
    expect(decodeJsonBody('application/json', bytes('[1]'))).toEqual({ value: [1] });
    expect(decodeJsonBody('application/json', bytes('null'))).toEqual({ value: null });
  });
});

describe('preferToMockConfig (Prism’s Prefer header)', () => {
  it('no header: no preference', () => {
    expect(preferToMockConfig(undefined)).toEqual({ config: {} });
    expect(preferToMockConfig('')).toEqual({ config: {} });
  });

  it('code, example and dynamic=false, in any case and with quotes, separated by , or ;', () => {
    expect(preferToMockConfig('code=403')).toEqual({ config: { code: 403 }, header: 'code=403' });
    expect(preferToMockConfig('Code = 404, example="not_found"')).toEqual({
      config: { code: 404, exampleKey: 'not_found' },
      header: 'Code = 404, example="not_found"',
    });
    expect(preferToMockConfig('example=a=b; dynamic=false')).toEqual({ config: { exampleKey: 'a=b', dynamic: false }, header: 'example=a=b; dynamic=false' });
  });

  it('takes the quotes off a whole quoted value only', () => {
    expect(preferToMockConfig('example=x"a"').config).toEqual({ exampleKey: 'x"a"' });
    expect(preferToMockConfig('example="a"b').config).toEqual({ exampleKey: '"a"b' });
    expect(preferToMockConfig('example="a"').config).toEqual({ exampleKey: 'a' });
  });

  it('leaves other preferences alone (return=minimal, respond-async)', () => {
    expect(preferToMockConfig('return=minimal, respond-async, code=201').config).toEqual({ code: 201 });
  });

  it.each(['code=40', 'code=4031', 'code=abc', 'code=', 'code= 4 3'])('refuses %s: a status has three digits', (header) => {
    expect(preferToMockConfig(header).problem).toMatch(/^Prefer code must be a three-digit status \(got ".*"\)$/);
  });

  it('quotes at most 20 characters of a bad code', () => {
    expect(preferToMockConfig(`code=${'9'.repeat(50)}`).problem).toBe(`Prefer code must be a three-digit status (got "${'9'.repeat(20)}")`);
  });

  it('refuses dynamic=true (its invented values break the contract) and anything but true/false', () => {
    expect(preferToMockConfig('dynamic=true').problem).toMatch(/^Prefer dynamic=true is not supported: its invented values break the contract/);
    expect(preferToMockConfig('dynamic=yes').problem).toBe('Prefer dynamic must be true or false');
  });
});

describe('errorFromViolations: the one error body the gateway would send', () => {
  const body = (field: string, code = 'pattern') => ({ path: ['body', field], code, message: `must match pattern` });
  const required = (field: string) => ({ path: ['body'], code: 'required', message: `must have required property '${field}'` });

  it('a missing field is APIG.2001 naming it; the first in the pages’ order (name, remark, app_key, app_secret) wins', () => {
    expect(errorFromViolations([required('app_secret'), required('name')])).toEqual(missingParameter('name'));
    expect(errorFromViolations([required('app_secret'), body('name')])).toEqual(missingParameter('app_secret'));
  });

  it('a broken field is APIG.2011 naming it, the first in the pages’ order; fields the order does not list come after', () => {
    expect(errorFromViolations([body('app_secret'), body('remark'), body('app_key')])).toEqual({
      error_code: 'APIG.2011',
      error_msg: 'Invalid parameter value,parameterName:remark. Please refer to the support documentation',
    });
    expect(errorFromViolations([body('app_ids'), body('app_key')]).error_msg).toContain('parameterName:app_key.');
    expect(errorFromViolations([body('app_ids')]).error_msg).toContain('parameterName:app_ids.');
  });

  it('a required path or query parameter left out is APIG.2001 naming it', () => {
    expect(errorFromViolations([{ path: ['query'], code: 'required', message: "Request query must have required property 'app_id'" }])).toEqual(
      missingParameter('app_id'),
    );
    expect(errorFromViolations([{ path: ['path'], code: 'required', message: "Request path must have required property 'project_id'" }])).toEqual(
      missingParameter('project_id'),
    );
  });

  it('a path or query parameter that breaks its rule is APIG.2011 naming it', () => {
    expect(errorFromViolations([{ path: ['query', 'page_size'], code: 'maximum', message: 'must be <= 500' }]).error_msg).toContain('parameterName:page_size.');
    expect(errorFromViolations([{ path: ['path', 'app_id'], code: 'pattern', message: 'must match' }]).error_msg).toContain('parameterName:app_id.');
  });

  it('the body is judged before the path and query: a broken field wins over a missing parameter', () => {
    const missingQuery = { path: ['query'], code: 'required', message: "Request query must have required property 'app_id'" };
    const missingPath = { code: 'required', message: "Request path must have required property 'project_id'" };
    expect(errorFromViolations([missingQuery, body('name')]).error_msg).toContain('parameterName:name.');
    expect(errorFromViolations([missingPath, body('remark')]).error_msg).toContain('parameterName:remark.');
    expect(errorFromViolations([missingPath])).toEqual(missingParameter('project_id'));
  });

  it('a parameter’s rule is found among other violations (a whole-body one first)', () => {
    expect(
      errorFromViolations([
        { path: ['body'], code: 'type', message: 'must be object' },
        { path: ['query', 'page_size'], code: 'maximum', message: 'must be <= 500' },
      ]).error_msg,
    ).toContain('parameterName:page_size.');
    expect(
      errorFromViolations([
        { path: ['header', 'x-auth-token'], code: 'type', message: 'x' },
        { path: ['path', 'app_id'], code: 'pattern', message: 'x' },
      ]).error_msg,
    ).toContain('parameterName:app_id.');
  });

  it('a body that is not an object, or is missing, is APIG.2000', () => {
    expect(errorFromViolations([{ path: ['body'], code: 'type', message: 'must be object' }])).toEqual(
      parameterError('the request body must be a JSON object'),
    );
    expect(errorFromViolations([{ code: 'required', message: 'Body parameter is required' }])).toEqual(
      parameterError('the request body is required (a JSON object)'),
    );
    expect(errorFromViolations([])).toEqual(parameterError('the request does not match the contract'));
  });

  it('the gateway’s other bodies', () => {
    expect(apiNotFound()).toEqual({ error_code: 'APIG.0101', error_msg: 'The API does not exist or has not been published in the environment' });
    expect(systemError()).toEqual({ error_code: 'APIG.9999', error_msg: 'System error' });
    expect(parameterError('x')).toEqual({ error_code: 'APIG.2000', error_msg: 'Parameter error: x' });
  });
});

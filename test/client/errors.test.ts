// The three failure types as callers read them: class, `name`, `kind`, message and `toJSON`
// (what ends up in logs), and the redaction that keeps secrets out of all of them (docs/client.md,
// "Secrets"). Expectations follow the documented shapes, not the implementation.
import { describe, expect, it } from 'vitest';
import { ApigError, ApigNetworkError, ApigValidationError } from '../../src/index.js';
import { redact } from '../../src/errors.js';

describe('ApigError (the gateway answered with an error status)', () => {
  it('names the code, status, message and request id', () => {
    const error = new ApigError(400, 'APIG.3203', 'The app name already exists', 'a1b2c3');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApigError');
    expect(error.kind).toBe('api');
    expect(error.message).toBe('APIG.3203 (HTTP 400): The app name already exists [request id a1b2c3]');
    expect(String(error)).toBe('ApigError: APIG.3203 (HTTP 400): The app name already exists [request id a1b2c3]');
    expect(error.toJSON()).toEqual({
      name: 'ApigError',
      kind: 'api',
      status: 400,
      errorCode: 'APIG.3203',
      errorMsg: 'The app name already exists',
      requestId: 'a1b2c3',
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.toJSON());
  });

  it('says "HTTP error" when the body was not a Huawei error, and leaves out a missing request id', () => {
    const error = new ApigError(502, undefined, '<html>Bad Gateway</html>', undefined);
    expect(error.message).toBe('HTTP error (HTTP 502): <html>Bad Gateway</html>');
    expect(error.toJSON()).toEqual({
      name: 'ApigError',
      kind: 'api',
      status: 502,
      errorCode: undefined,
      errorMsg: '<html>Bad Gateway</html>',
      requestId: undefined,
    });
  });
});

describe('ApigNetworkError (no answer came back)', () => {
  it('names the call and the root cause with its code, as undici reports a refused connection', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const error = new ApigNetworkError('POST', 'http://127.0.0.1:9/v1.0/apigw/apps', new TypeError('fetch failed', { cause: root }), []);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApigNetworkError');
    expect(error.kind).toBe('network');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toBe('POST http://127.0.0.1:9/v1.0/apigw/apps failed: fetch failed: connect ECONNREFUSED 127.0.0.1:9');
    expect(error.toJSON()).toEqual({ name: 'ApigNetworkError', kind: 'network', message: error.message, code: 'ECONNREFUSED' });
  });

  it('takes a cause that is not an Error, and a code that is not a string, without inventing one', () => {
    expect(new ApigNetworkError('GET', 'http://h/x', 'socket hang up', []).message).toBe('GET http://h/x failed: socket hang up');
    const odd = new ApigNetworkError('GET', 'http://h/x', Object.assign(new Error('odd'), { code: 42 }), []);
    expect(odd.code).toBeUndefined();
    expect(odd.message).toBe('GET http://h/x failed: odd');
  });

  it('leaves a user and password in the URL out of the message', () => {
    const error = new ApigNetworkError('GET', 'https://alice:pa55word-secret@apig.example.com/v1.0/apigw/apps', new Error('getaddrinfo ENOTFOUND'), []);
    expect(error.message).toBe('GET https://apig.example.com/v1.0/apigw/apps failed: getaddrinfo ENOTFOUND');
    expect(JSON.stringify(error)).not.toMatch(/pa55word|alice/);
    // Only the URL's own userinfo: a URL further on (in the query) is left as it is.
    expect(new ApigNetworkError('GET', 'http://h/r?to=http://u@x', new Error('boom'), []).message).toBe('GET http://h/r?to=http://u@x failed: boom');
  });

  it('redacts every secret from the cause, its root and the URL', () => {
    const secrets = ['sk-SECRET-1234', 'AppSecret^9876'];
    const root = new Error('header value sk-SECRET-1234 refused');
    const error = new ApigNetworkError('PUT', 'http://h/apps?s=AppSecret^9876', new Error('failed with AppSecret^9876', { cause: root }), secrets);
    expect(error.message).toBe('PUT http://h/apps?s=*** failed: failed with ***: header value *** refused');
    expect(JSON.stringify(error)).not.toMatch(/SECRET-1234|9876/);
  });
});

describe('ApigValidationError (the request was not sent)', () => {
  it('lists every issue in its message and its JSON', () => {
    const issues = [
      { field: 'name', rule: 'required', message: 'name is required' },
      { field: 'remark', rule: 'maxLength', message: 'remark must be at most 255 characters' },
    ] as const;
    const error = new ApigValidationError(issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApigValidationError');
    expect(error.kind).toBe('validation');
    expect(error.message).toBe('The request breaks the contract and was not sent: name is required | remark must be at most 255 characters');
    expect(error.issues).toEqual(issues);
    expect(error.toJSON()).toEqual({ name: 'ApigValidationError', kind: 'validation', issues });
  });

  it('leads with what was not sent when told', () => {
    const error = new ApigValidationError(
      [{ field: 'limit', rule: 'type', message: 'limit must be at least 1' }],
      'The List APPs query (GET /x) breaks the contract and it was not sent',
    );
    expect(error.message).toBe('The List APPs query (GET /x) breaks the contract and it was not sent: limit must be at least 1');
  });
});

describe('redact', () => {
  it('replaces every occurrence of every secret with ***', () => {
    expect(redact('sk=abcd1234 again abcd1234, token tok-9999', ['abcd1234', 'tok-9999'])).toBe('sk=*** again ***, token ***');
  });

  it('leaves text alone for secrets shorter than 4 characters (they would blank out ordinary words), and for none', () => {
    expect(redact('the app abc failed', ['abc', ''])).toBe('the app abc failed');
    expect(redact('the app abcd failed', ['abcd'])).toBe('the app *** failed');
    expect(redact('nothing to hide', [])).toBe('nothing to hide');
  });
});

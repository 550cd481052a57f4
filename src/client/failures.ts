// Every failure a call can end in, made only when one happens: the error classes, their wording
// and the operation names are imported from here on a failure, so a page whose calls succeed
// never loads them (docs/client.md#bundle-size).
import type { ErrorBody } from '../types.js';
import { ApigError, ApigNetworkError, ApigValidationError, redact, type ApigFailure } from '../errors.js';
import type { ValidationIssue } from '../validation/body-issues.js';
import type { ApigAuth } from './check-auth.js';
import { fillPath, type CallInit } from './call-init.js';
import { notSent } from './operation-name.js';

export type Refusal = { ok: false; error: ApigValidationError };

/** The longest part of a non-Huawei error body (an HTML page from a proxy) kept in the message. */
export const ERROR_TEXT_LIMIT = 300;

/** The body's app_secret, app_code and ai_api_key (AppCodes and AI API keys are credentials too): they must never appear in an error. */
export function appSecretsOf(body: unknown): string[] {
  const { app_secret: appSecret, app_code: appCode, ai_api_key: aiApiKey } = (body ?? {}) as { app_secret?: unknown; app_code?: unknown; ai_api_key?: unknown };
  // Stryker disable next-line MethodExpression,ConditionalExpression: redact skips anything that is not a string of 4 or more characters
  return [appSecret, appCode, aiApiKey].filter((value): value is string => typeof value === 'string');
}

/** Values that must never appear in an error: the credentials and any app_secret sent. */
export function secretsOf(auth: ApigAuth, body?: unknown): string[] {
  return ['token' in auth ? auth.token : auth.sk, ...appSecretsOf(body)];
}

/** A call refused before sending, for one field. */
export function refusal(field: string, message: string, lead?: string): Refusal {
  return { ok: false, error: new ApigValidationError([{ field, rule: 'required', message }], lead) };
}

/** A call with no (known) generation. */
export function noGeneration(): Refusal {
  return refusal('gateway', `gateway must be 'shared', 'dedicated' or 'dedicatedV2'`, 'The call names no gateway generation of the contract and was not sent');
}

/** A per-generation helper given an instance that names another generation. */
export function otherGeneration(named: unknown, generation: string): Refusal {
  const helper = generation === 'dedicated' ? '…OnDedicatedGateway calls the dedicated gateway v1' : '…OnDedicatedGatewayV2 calls the dedicated gateway v2';
  return refusal(
    'gateway',
    `the instance names gateway '${String(named)}', but ${helper}; use the helper of the generation you mean, or the generic one with the gateway`,
    'The call was sent to neither generation',
  );
}

/** A path parameter that is not a non-empty string. */
export function badPathParameter(argument: string, param: string, method: string, path: string): Refusal {
  return refusal(argument, `${argument} must be a non-empty string (path parameter ${param})`, notSent('path parameters', method, path));
}

/** The issues of a query or a body that breaks the contract, as the error of a call not sent. */
export function brokenRequest(part: 'body' | 'query', issues: readonly ValidationIssue[], method: string, path: string): ApigValidationError {
  return new ApigValidationError(issues, notSent(part, method, path));
}

/** What fetch threw (no answer came back), named with the URL and without a secret. */
export function networkFailure(error: unknown, method: string, root: string, path: string, init: CallInit, auth: ApigAuth): ApigNetworkError {
  return error instanceof ApigNetworkError
    ? error
    : new ApigNetworkError(method, `${root}${fillPath(path, init.params?.path)}`, error, secretsOf(auth, init.body));
}

/** A list answer without its list: the iterators would loop forever or yield nothing silently. */
export function malformedList(status: number, what: string, requestId: string | undefined): ApigError {
  return new ApigError(status, undefined, what, requestId);
}

/** The gateway's error answer, with the body's secrets redacted. */
export function answerFailure(response: Response, error: unknown, sentBody: unknown): ApigError {
  const secrets = appSecretsOf(sentBody);
  const headerId = response.headers.get('x-request-id') ?? undefined;
  const body = error as Partial<ErrorBody> | string | null | undefined;
  // Stryker disable next-line ConditionalExpression: a string body has no error_code: the last check decides alone
  if (body && typeof body === 'object' && typeof body.error_code === 'string') {
    return new ApigError(response.status, body.error_code, redact(String(body.error_msg ?? ''), secrets), body.request_id ?? headerId);
  }
  // Not a Huawei error (a proxy's HTML page, a bare string, no body): its start, or the status text.
  const text = typeof body === 'string' ? body : body == null ? '' : JSON.stringify(body);
  return new ApigError(
    response.status,
    undefined,
    redact(text.slice(0, ERROR_TEXT_LIMIT) || response.statusText || `HTTP ${response.status}`, secrets),
    headerId,
  );
}

/** What a call threw: a failure the client made is returned; anything else is a bug, rethrown. */
export function thrownFailure(error: unknown): ApigFailure {
  if (error instanceof ApigValidationError || error instanceof ApigNetworkError) return error;
  throw error;
}

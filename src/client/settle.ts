// Turns an openapi-fetch call into `{ ok: true, data }` or `{ ok: false, error }`: expected
// failures (the gateway's error answers, network and validation errors) are returned, never
// thrown; anything else is a bug and is rethrown.
import type { ErrorBody } from '../types.js';
import { ApigError, ApigNetworkError, ApigValidationError, redact, type ApigFailure } from '../errors.js';

/** A call's outcome: its data, or the typed failure (network and validation errors included). */
export type Settled<T> = { ok: true; data: T; status: number; requestId: string | undefined } | { ok: false; error: ApigFailure };

/** What an openapi-fetch call resolves to. */
export type FetchResult = { data?: unknown; error?: unknown; response: Response };

/** The longest part of a non-Huawei error body (an HTML page from a proxy) kept in the message. */
export const ERROR_TEXT_LIMIT = 300;

/** The body's app_secret, app_code and ai_api_key (AppCodes and AI API keys are credentials too): they must never appear in an error. */
export function appSecretsOf(body: unknown): string[] {
  const { app_secret: appSecret, app_code: appCode, ai_api_key: aiApiKey } = (body ?? {}) as { app_secret?: unknown; app_code?: unknown; ai_api_key?: unknown };
  // Stryker disable next-line MethodExpression,ConditionalExpression: redact skips anything that is not a string of 4 or more characters
  return [appSecret, appCode, aiApiKey].filter((value): value is string => typeof value === 'string');
}

function failureFrom(response: Response, error: unknown, secrets: readonly string[]): ApigError {
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

/** Runs an openapi-fetch call and settles it; the body's app_secret is redacted from any error. */
export async function settle<T>(call: () => Promise<FetchResult>, body: unknown): Promise<Settled<T>> {
  try {
    const { data, error, response } = await call();
    // A 204 (delete) has no body: ok with undefined data. Any other success must have one.
    if (response.ok && (data !== undefined || response.status === 204))
      return { ok: true, data: data as T, status: response.status, requestId: response.headers.get('x-request-id') ?? undefined };
    return { ok: false, error: failureFrom(response, error, appSecretsOf(body)) };
  } catch (error) {
    if (error instanceof ApigValidationError || error instanceof ApigNetworkError) return { ok: false, error };
    throw error;
  }
}

// Turns an openapi-fetch call into `{ ok: true, data }` or `{ ok: false, error }`: expected
// failures (the gateway's error answers, network and validation errors) are returned, never
// thrown; anything else is a bug and is rethrown. Failures are made in ./failures.ts, loaded
// only when one happens.
import type { ApigFailure } from '../errors.js';

/** A call's outcome: its data, or the typed failure (network and validation errors included). */
export type Settled<T> = { ok: true; data: T; status: number; requestId: string | undefined } | { ok: false; error: ApigFailure };

/** What an openapi-fetch call resolves to. */
export type FetchResult = { data?: unknown; error?: unknown; response: Response };

/** The module that makes failures, imported on the first one. */
export const failures = () => import('./failures.js');

/** Runs an openapi-fetch call and settles it; the body's app_secret is redacted from any error. */
export async function settle<T>(call: () => Promise<FetchResult>, body: unknown): Promise<Settled<T>> {
  let result: FetchResult;
  try {
    result = await call();
  } catch (error) {
    return { ok: false, error: (await failures()).thrownFailure(error) };
  }
  const { data, error, response } = result;
  // A 204 (delete) has no body: ok with undefined data. Any other success must have one.
  if (response.ok && (data !== undefined || response.status === 204))
    return { ok: true, data: data as T, status: response.status, requestId: response.headers.get('x-request-id') ?? undefined };
  return { ok: false, error: (await failures()).answerFailure(response, error, body) };
}

// Task-level helpers: create an APP on the shared gateway or on a dedicated instance, and
// get back the APP or a typed failure (never a thrown error for an expected failure).
import type { App, CreateAppRequest, ErrorBody } from '../types.js';
import { ApigError, ApigNetworkError, ApigValidationError, redact, type ApigFailure } from '../errors.js';
import type { ApigClient } from './create-apig-client.js';

export type CreateAppResult =
  | { ok: true; app: App; status: number; requestId: string | undefined }
  | { ok: false; error: ApigFailure };

/** Extra request options, e.g. `{ headers: { Prefer: 'code=403' } }` against the mock. */
export interface CallOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface DedicatedInstance {
  projectId: string;
  instanceId: string;
}

function failureFrom(response: Response, error: unknown, secrets: string[]): ApigError {
  const headerId = response.headers.get('x-request-id') ?? undefined;
  const body = error as Partial<ErrorBody> | string | undefined;
  if (body && typeof body === 'object' && typeof body.error_code === 'string') {
    return new ApigError(response.status, body.error_code, redact(String(body.error_msg ?? ''), secrets), body.request_id ?? headerId);
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  return new ApigError(response.status, undefined, redact(text.slice(0, 300) || response.statusText, secrets), headerId);
}

/** A call's outcome: its data, or the typed failure (network and validation errors included). */
export type Settled<T> = { ok: true; data: T; status: number; requestId: string | undefined } | { ok: false; error: ApigFailure };

/** Runs an openapi-fetch call and settles it; the body's app_secret is redacted from any error. */
export async function settle<T>(call: () => Promise<{ data?: unknown; error?: unknown; response: Response }>, body: unknown): Promise<Settled<T>> {
  const appSecret = (body as { app_secret?: unknown } | undefined)?.app_secret;
  const secrets = typeof appSecret === 'string' ? [appSecret] : [];
  try {
    const { data, error, response } = await call();
    // A 204 (delete) has no body: ok with undefined data.
    if (response.ok && (data !== undefined || response.status === 204)) return { ok: true, data: data as T, status: response.status, requestId: response.headers.get('x-request-id') ?? undefined };
    return { ok: false, error: failureFrom(response, error, secrets) };
  } catch (error) {
    if (error instanceof ApigValidationError || error instanceof ApigNetworkError) return { ok: false, error };
    throw error;
  }
}

async function settleCreate(call: () => Promise<{ data?: unknown; error?: unknown; response: Response }>, body: CreateAppRequest): Promise<CreateAppResult> {
  const result = await settle<App>(call, body);
  return result.ok ? { ok: true, app: result.data, status: result.status, requestId: result.requestId } : result;
}

/** Creates an APP on the shared gateway: `POST /v1.0/apigw/apps`. */
export function createAppOnSharedGateway(client: ApigClient, body: CreateAppRequest, options: CallOptions = {}): Promise<CreateAppResult> {
  return settleCreate(() => client.POST('/v1.0/apigw/apps', { body, ...options }), body);
}

/** Creates an APP on a dedicated instance: `POST /v1/{project_id}/apigw/instances/{instance_id}/apps`. */
export function createAppOnDedicatedGateway(
  client: ApigClient,
  { projectId, instanceId }: DedicatedInstance,
  body: CreateAppRequest,
  options: CallOptions = {},
): Promise<CreateAppResult> {
  for (const [name, value] of [['projectId', projectId], ['instanceId', instanceId]] as const) {
    if (typeof value !== 'string' || value.length === 0) {
      return Promise.resolve({ ok: false, error: new ApigValidationError([{ field: '(body)', rule: 'required', message: `${name} must be a non-empty string (path parameter ${name === 'projectId' ? 'project_id' : 'instance_id'})` }]) });
    }
  }
  return settleCreate(() => client.POST('/v1/{project_id}/apigw/instances/{instance_id}/apps', { params: { path: { project_id: projectId, instance_id: instanceId } }, body, ...options }), body);
}

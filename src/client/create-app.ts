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

async function settle(call: () => Promise<{ data?: App; error?: unknown; response: Response }>, body: CreateAppRequest): Promise<CreateAppResult> {
  const secrets = typeof body?.app_secret === 'string' ? [body.app_secret] : [];
  try {
    const { data, error, response } = await call();
    if (data !== undefined && response.ok) return { ok: true, app: data, status: response.status, requestId: response.headers.get('x-request-id') ?? undefined };
    return { ok: false, error: failureFrom(response, error, secrets) };
  } catch (error) {
    if (error instanceof ApigValidationError || error instanceof ApigNetworkError) return { ok: false, error };
    throw error;
  }
}

/** Creates an APP on the shared gateway: `POST /v1.0/apigw/apps`. */
export function createAppOnSharedGateway(client: ApigClient, body: CreateAppRequest, options: CallOptions = {}): Promise<CreateAppResult> {
  return settle(() => client.POST('/v1.0/apigw/apps', { body, ...options }), body);
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
  return settle(() => client.POST('/v1/{project_id}/apigw/instances/{instance_id}/apps', { params: { path: { project_id: projectId, instance_id: instanceId } }, body, ...options }), body);
}

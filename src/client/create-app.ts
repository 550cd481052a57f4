// Task-level helpers: create an APP on the shared gateway or on a dedicated instance, and
// get back the APP or a typed failure (never a thrown error for an expected failure).
import type { App, CreateAppRequest } from '../types.js';
import type { ApigFailure } from '../errors.js';
import type { ApigClient } from './create-apig-client.js';
import { createApp, type CallOptions, type DedicatedInstance, type Outcome } from './app-lifecycle.js';

export type { CallOptions, DedicatedInstance };

export type CreateAppResult =
  | { ok: true; app: App; status: number; requestId: string | undefined }
  | { ok: false; error: ApigFailure };

async function asCreateResult(outcome: Promise<Outcome<App>>): Promise<CreateAppResult> {
  const result = await outcome;
  return result.ok ? { ok: true, app: result.data, status: result.status, requestId: result.requestId } : result;
}

/** Creates an APP on the shared gateway: `POST /v1.0/apigw/apps`. */
export function createAppOnSharedGateway(client: ApigClient, body: CreateAppRequest, options: CallOptions = {}): Promise<CreateAppResult> {
  return asCreateResult(createApp<App>(client, { gateway: 'shared' }, body, options));
}

/** Creates an APP on a dedicated instance: `POST /v1/{project_id}/apigw/instances/{instance_id}/apps`. */
export function createAppOnDedicatedGateway(client: ApigClient, instance: DedicatedInstance, body: CreateAppRequest, options: CallOptions = {}): Promise<CreateAppResult> {
  return asCreateResult(createApp<App>(client, { gateway: 'dedicated', ...instance }, body, options));
}

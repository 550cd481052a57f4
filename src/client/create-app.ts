// Task-level helpers: create an APP on the shared gateway or on a dedicated instance, and
// get back the APP or a typed failure (never a thrown error for an expected failure). The
// result has the shape of every other helper's (`data`); `app`, the first contract's name for
// the same APP, stays through 2.x (deprecated in the cycle that made 2.0.0; removed in 3.0.0).
import type { App, CreateAppRequest } from '../types.js';
import type { ApigFailure } from '../errors.js';
import type { ApigClient } from './create-apig-client.js';
import { createApp } from './app-lifecycle.js';
import type { CallOptions, InstanceOn, Outcome } from './vocabulary.js';
import { instanceOn } from './gateway-call.js';

export type CreateAppResult =
  | {
      ok: true;
      /** The APP created (201). */
      data: App;
      /** @deprecated The same APP as `data`, under the name 1.0 gave it; read `data`. Removed in 3.0.0. */
      app: App;
      status: number;
      requestId: string | undefined;
    }
  | { ok: false; error: ApigFailure };

async function asCreateResult(outcome: Promise<Outcome<App>>): Promise<CreateAppResult> {
  const result = await outcome;
  return result.ok ? { ...result, app: result.data } : result;
}

/** Creates an APP on the shared gateway: `POST /v1.0/apigw/apps`. */
export function createAppOnSharedGateway(client: ApigClient, body: CreateAppRequest, options: CallOptions = {}): Promise<CreateAppResult> {
  return asCreateResult(createApp<App>(client, { gateway: 'shared' }, body, options));
}

/**
 * Creates an APP on a dedicated instance of the v1 generation: `POST /v1/{project_id}/apigw/instances/{instance_id}/apps`.
 * For the current generation (v2) use `createAppOnDedicatedGatewayV2`: a v2 `Gateway` given here does not compile.
 */
export function createAppOnDedicatedGateway(
  client: ApigClient,
  instance: InstanceOn<'dedicated'>,
  body: CreateAppRequest,
  options: CallOptions = {},
): Promise<CreateAppResult> {
  return asCreateResult(createApp<App>(client, instanceOn('dedicated', instance), body, options));
}

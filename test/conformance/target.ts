// Where the conformance suite sends its requests: this project's mock (default) or, with
// APIG_BASE_URL, any server that claims to implement the contract. A target that remembers
// APPs (a gateway, a stateful mock) gets each APP a valid case creates deleted at once, so
// cases that send the same name pass, and a second run finds nothing left by the first.
import { inject } from 'vitest';
import { bodyWith, type FieldCase, type Variant } from '../rules/create-app-rules.js';
import { exchange, type Reply, type TargetAuth } from './exchange.js';
import { IN_PROCESS_TARGET } from './in-process-key.js';

export type { Reply, TargetAuth };

export interface ConformanceTarget {
  baseUrl: string;
  /** Where the lifecycle scenarios run: this project's credentials-checking mock, or the same server. */
  lifecycleBaseUrl: string;
  /** The credentials the lifecycle scenarios run with (this mock: a token, then AK/SK). */
  lifecycleAuths: TargetAuth[];
  /** True when the target is this project's mock, started by the suite: only it names the field in a 400. */
  ownMock: boolean;
  /** True when the target remembers what is created (false: a `--stateless` mock answering examples). */
  stateful: boolean;
  auth: TargetAuth;
  /** Absent when the dedicated variant cannot be tested (no APIG_PROJECT_ID/APIG_INSTANCE_ID). */
  dedicated?: { projectId: string; instanceId: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    target: ConformanceTarget;
  }
}

export const target = ((globalThis as Record<string, unknown>)[IN_PROCESS_TARGET] as ConformanceTarget | undefined) ?? inject('target');

export const ONLY_OWN_MOCK = target.ownMock ? '' : " [skipped: only this project's in-process mock can pass this against other targets]";
export const NEEDS_STATE = target.stateful ? '' : ' [skipped: the target remembers nothing (a --stateless mock answers every call with its example)]';

export const VARIANTS: Variant[] = target.dedicated ? ['shared', 'dedicated'] : ['shared'];

export function pathOf(variant: Variant): string {
  if (variant === 'shared') return '/v1.0/apigw/apps';
  const { projectId, instanceId } = target.dedicated!;
  return `/v1/${encodeURIComponent(projectId)}/apigw/instances/${encodeURIComponent(instanceId)}/apps`;
}

/** A run id: names and keys of this run never meet another run's, or an APP the target already has. */
export const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let serial = 0;

/**
 * The rule table's body for one field case, with the fields not under test made unique to
 * this case (a valid `name` and `app_key` of this run): only the field under test repeats
 * between cases, and an APP the target already has cannot collide with it.
 */
export function caseBody(field: FieldCase['field'], value: unknown): Record<string, unknown> {
  const body = bodyWith(field, value);
  serial += 1;
  if (field !== 'name') body.name = `ct_${RUN}_${serial}`;
  if (field !== 'app_key' && 'app_key' in body) body.app_key = `ck${RUN}${serial}`;
  return body;
}

export interface SendOptions {
  /** Raw body bytes or text; otherwise `json` is serialised. */
  raw?: string | Uint8Array;
  json?: unknown;
  headers?: Record<string, string>;
  /** Send no credential at all. */
  anonymous?: boolean;
  path?: string;
  method?: string;
}

/**
 * Sends one request to the variant's Create APP (or `path`). When it creates an APP on a
 * target that remembers, the APP is deleted before this returns; a delete that fails throws,
 * naming the APP, so nothing is left behind unnoticed.
 */
export async function send(variant: Variant, options: SendOptions = {}): Promise<Reply> {
  const createPath = pathOf(variant);
  const url = `${target.baseUrl}${options.path ?? createPath}`;
  const method = options.method ?? 'POST';
  const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  const reply = await exchange(url, method, body, options.anonymous ? undefined : target.auth, options.headers);
  // A Prefer header (sent to this project's mock only) picks an example: nothing was stored.
  const picksExample = Object.keys(options.headers ?? {}).some((name) => name.toLowerCase() === 'prefer');
  if (
    target.stateful &&
    !picksExample &&
    method === 'POST' &&
    (options.path ?? createPath) === createPath &&
    reply.status === 201 &&
    typeof reply.json?.id === 'string'
  ) {
    // The same credential as the create: the shared gateway keeps APPs per credential.
    const sameCredential = options.anonymous
      ? Object.fromEntries(Object.entries(options.headers ?? {}).filter(([name]) => /^(authorization|x-sdk-date|x-auth-token)$/i.test(name)))
      : undefined;
    const deleted = await exchange(
      `${target.baseUrl}${createPath}/${encodeURIComponent(reply.json.id)}`,
      'DELETE',
      undefined,
      options.anonymous ? undefined : target.auth,
      sameCredential,
    );
    if (deleted.status !== 204)
      throw new Error(`could not delete the APP ${reply.json.id} this case created on the ${variant} gateway: ${deleted.status} ${deleted.text.slice(0, 200)}`);
  }
  return reply;
}

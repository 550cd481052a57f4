// Where the conformance suite sends its requests: this project's mock (default) or, with
// APIG_BASE_URL, any server that claims to implement the contract.
import { inject } from 'vitest';
import { signRequest } from '../../src/auth/sign-request.js';
import type { Variant } from '../rules/create-app-rules.js';

export interface ConformanceTarget {
  baseUrl: string;
  /** Where the lifecycle scenarios run: this project's stateful mock, or the same server. */
  lifecycleBaseUrl: string;
  /** The credentials the lifecycle scenarios run with (this mock: a token, then AK/SK). */
  lifecycleAuths: Array<{ token: string } | { ak: string; sk: string }>;
  /** True when the target is this project's mock: only it names the field in a 400. */
  ownMock: boolean;
  auth: { token: string } | { ak: string; sk: string };
  /** Absent when the dedicated variant cannot be tested (no APIG_PROJECT_ID/APIG_INSTANCE_ID). */
  dedicated?: { projectId: string; instanceId: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    target: ConformanceTarget;
  }
}

export const target = inject('target');

export const ONLY_OWN_MOCK = target.ownMock ? '' : ' [skipped: only this project\'s mock can pass this against other targets]';

export const VARIANTS: Variant[] = target.dedicated ? ['shared', 'dedicated'] : ['shared'];

export function pathOf(variant: Variant): string {
  if (variant === 'shared') return '/v1.0/apigw/apps';
  const { projectId, instanceId } = target.dedicated!;
  return `/v1/${encodeURIComponent(projectId)}/apigw/instances/${encodeURIComponent(instanceId)}/apps`;
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

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export async function send(variant: Variant, options: SendOptions = {}): Promise<Reply> {
  const url = `${target.baseUrl}${options.path ?? pathOf(variant)}`;
  const method = options.method ?? 'POST';
  const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (!options.anonymous) {
    if ('token' in target.auth) headers['x-auth-token'] = target.auth.token;
    else Object.assign(headers, await signRequest({ method, url, headers, body: body ?? '' }, target.auth));
  }
  const response = await fetch(url, { method, headers, body: body as BodyInit | undefined });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

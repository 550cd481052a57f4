// One call of the contract on a gateway generation, for the operations beside the APP itself
// (AppCodes, authorizations, the outline): the path is the generation's prefix and the
// operation's rest, every path parameter and the query are checked before anything is sent,
// and the answer is settled into `{ ok, … }`.
import { ApigValidationError } from '../errors.js';
import { LOAD_QUERY_RULES } from '../../generated/request-rules/index.js';
import type { ApigClient } from './create-apig-client.js';
import type { CallOptions, Gateway, InstanceOn, Outcome } from './vocabulary.js';
import { notSent } from './operation-name.js';
import { settle, type FetchResult } from './settle.js';

const PREFIX = {
  shared: '/v1.0/apigw',
  dedicated: '/v1/{project_id}/apigw/instances/{instance_id}',
  dedicatedV2: '/v2/{project_id}/apigw/instances/{instance_id}',
} as const;

export type GatewayName = keyof typeof PREFIX;
/** A path parameter: its name in the helper's arguments, its name in the path, its value. */
export type PathValue = readonly [argument: string, param: string, value: unknown];

export function refused(field: string, message: string, lead?: string): { ok: false; error: ApigValidationError } {
  return { ok: false, error: new ApigValidationError([{ field, rule: 'required', message }], lead) };
}

/** On a per-generation helper's target: the generation its instance named instead (./generation-helpers.ts). */
const NAMED_INSTEAD = Symbol('the instance named another generation');

/**
 * The target of a per-generation helper: its instance on the helper's generation, with the
 * generation the instance itself named, if any. One that names another generation
 * (`{ gateway: 'dedicatedV2', … }` given to a v1 helper, from JavaScript: TypeScript refuses it)
 * is refused when called, rather than sent to either generation.
 */
export function instanceOn<G extends 'dedicated' | 'dedicatedV2'>(generation: G, instance: InstanceOn<G>): Extract<Gateway, { gateway: G }> {
  return { gateway: generation, projectId: instance?.projectId, instanceId: instance?.instanceId, [NAMED_INSTEAD]: instance?.gateway } as Extract<
    Gateway,
    { gateway: G }
  >;
}

/** The generation named by `target`, or the refusal a call with no (known) generation gets. */
function generationOf(target: Gateway): GatewayName | { ok: false; error: ApigValidationError } {
  if (!target || !Object.hasOwn(PREFIX, target.gateway))
    return refused(
      'gateway',
      `gateway must be 'shared', 'dedicated' or 'dedicatedV2'`,
      'The call names no gateway generation of the contract and was not sent',
    );
  const named = (target as { [NAMED_INSTEAD]?: unknown })[NAMED_INSTEAD];
  if (named !== undefined && named !== target.gateway) {
    const helper =
      target.gateway === 'dedicated' ? '…OnDedicatedGateway calls the dedicated gateway v1' : '…OnDedicatedGatewayV2 calls the dedicated gateway v2';
    return refused(
      'gateway',
      `the instance names gateway '${String(named)}', but ${helper}; use the helper of the generation you mean, or the generic one with the gateway`,
      'The call was sent to neither generation',
    );
  }
  return target.gateway;
}

/** The query's issues; the checker is loaded for an operation with query parameters, or a call that sends some. */
async function queryCheck(operation: string, query: Record<string, unknown> | undefined) {
  if (!Object.hasOwn(LOAD_QUERY_RULES, operation) && Object.keys(query ?? {}).length === 0) return [];
  return (await import('../validation/validate-query.js')).queryIssues(operation, query);
}

/**
 * `METHOD prefix+rest` on `target`. `rest` uses the generation's own parameter names (`{id}` on
 * v1.0 and v1, `{app_code_id}` or `{app_auth_id}` on v2); `ids` are the parameters beyond the
 * instance's, checked like the instance's: each a non-empty string.
 */
// Stryker disable ArrayDeclaration: a seeded entry is a one-letter path parameter, which openapi-fetch ignores
export async function callOn<T>(
  client: ApigClient,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  target: Gateway,
  rest: string,
  init: { query?: Record<string, unknown>; body?: unknown },
  options: CallOptions,
  ids: readonly PathValue[] = [],
  // Stryker restore ArrayDeclaration
): Promise<Outcome<T>> {
  const generation = generationOf(target);
  if (typeof generation !== 'string') return generation;
  const path = `${PREFIX[generation]}${rest}`;
  const instance: PathValue[] =
    generation === 'shared'
      ? // Stryker disable next-line ArrayDeclaration: a seeded entry is a one-letter path parameter, which openapi-fetch ignores
        []
      : [
          ['projectId', 'project_id', (target as { projectId: unknown }).projectId],
          ['instanceId', 'instance_id', (target as { instanceId: unknown }).instanceId],
        ];
  const params: Record<string, string> = {};
  for (const [argument, param, value] of [...instance, ...ids]) {
    if (typeof value !== 'string' || value.length === 0)
      return refused(argument, `${argument} must be a non-empty string (path parameter ${param})`, notSent('path parameters', method, path));
    params[param] = value;
  }
  const issues = await queryCheck(`${method} ${path}`, init.query);
  if (issues.length > 0) return { ok: false, error: new ApigValidationError(issues, notSent('query', method, path)) };
  const request = { params: { path: params, query: init.query }, body: init.body, ...options };
  return settle<T>(() => (client[method] as (p: string, i: unknown) => Promise<FetchResult>)(path, request), init.body);
}

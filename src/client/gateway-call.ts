// One call of the contract on a gateway generation, for the operations beside the APP itself
// (AppCodes, authorizations, the outline): the path is the generation's prefix and the
// operation's rest, every path parameter and the query are checked before anything is sent,
// and the answer is settled into `{ ok, … }`.
import type { BodySchemaRef } from '../../generated/request-rules/index.js';
import { BODY_SCHEMA, type ApigClient } from './create-apig-client.js';
import type { Refusal } from './failures.js';
import type { CallOptions, Gateway, InstanceOn, Outcome } from './vocabulary.js';
import { failures, settle, type FetchResult } from './settle.js';

const PREFIX = {
  shared: '/v1.0/apigw',
  dedicated: '/v1/{project_id}/apigw/instances/{instance_id}',
  dedicatedV2: '/v2/{project_id}/apigw/instances/{instance_id}',
} as const;

export type GatewayName = keyof typeof PREFIX;
/** Whether `target` is the current generation (v2), whose paths, paging and body schemas differ; any other is v1.0 or v1, or is refused when called. */
export const isV2 = (target: Gateway | undefined) => target?.gateway === 'dedicatedV2';

/** A path parameter: its name in the helper's arguments, its name in the path, its value. */
export type PathValue = readonly [argument: string, param: string, value: unknown];

/** A call refused before sending, for one field (the error's wording is loaded now, not up front). */
export async function refused(field: string, message: string, lead?: string): Promise<Refusal> {
  return (await failures()).refusal(field, message, lead);
}

/** On a per-generation helper's target: the generation its instance named instead (./generation-helpers.ts). */
const NAMED_INSTEAD = Symbol('apig.namedInstead');

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
async function generationOf(target: Gateway): Promise<GatewayName | Refusal> {
  if (!target || !Object.hasOwn(PREFIX, target.gateway)) return (await failures()).noGeneration();
  const named = (target as { [NAMED_INSTEAD]?: unknown })[NAMED_INSTEAD];
  if (named !== undefined && named !== target.gateway) return (await failures()).otherGeneration(named, target.gateway);
  return target.gateway;
}

/**
 * The query's issues; the checker (and the operation's rules) are loaded for a call with a query.
 * Every helper of an operation with query parameters gives one, even empty, so that a required
 * parameter left out is refused.
 */
async function queryCheck(operation: string, query: Record<string, unknown> | undefined) {
  if (query === undefined) return [];
  return (await import('../validation/validate-query.js')).queryIssues(operation, query);
}

/**
 * `METHOD prefix+rest` on `target`. `rest` uses the generation's own parameter names (`{id}` on
 * v1.0 and v1, `{app_code_id}` or `{app_auth_id}` on v2); `ids` are the parameters beyond the
 * instance's, checked like the instance's: each a non-empty string. `init.schema` is the schema of
 * the operation's body, for an operation that takes one.
 */
// Stryker disable ArrayDeclaration: a seeded entry is a one-letter path parameter, which openapi-fetch ignores
export async function callOn<T>(
  client: ApigClient,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  target: Gateway,
  rest: string,
  init: { query?: Record<string, unknown>; body?: unknown; schema?: BodySchemaRef },
  options: CallOptions,
  ids: readonly PathValue[] = [],
  // Stryker restore ArrayDeclaration
): Promise<Outcome<T>> {
  const generation = await generationOf(target);
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
    if (typeof value !== 'string' || value.length === 0) return (await failures()).badPathParameter(argument, param, method, path);
    params[param] = value;
  }
  const issues = await queryCheck(`${method} ${path}`, init.query);
  if (issues.length > 0) return { ok: false, error: (await failures()).brokenRequest('query', issues, method, path) };
  // The operation's body schema, named by its helper (none: null), so that the client looks up no index.
  const request = { params: { path: params, query: init.query }, body: init.body, ...options, [BODY_SCHEMA]: init.schema ?? null };
  return settle<T>(() => (client[method] as (p: string, i: unknown) => Promise<FetchResult>)(path, request), init.body);
}

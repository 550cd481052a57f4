// The client's vocabulary: where a call goes (`Gateway`, `InstanceOn`), what it takes beside its
// body (`CallOptions`) and what it returns (`Outcome`). Every helper imports these from here.
import type { Settled } from './settle.js';

/** Extra request options, e.g. `{ headers: { Prefer: 'code=403' } }` against the mock. */
export interface CallOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface DedicatedInstance {
  projectId: string;
  instanceId: string;
}

/** Where the call goes: the shared gateway, or a dedicated instance on v1 or v2. */
export type Gateway = { gateway: 'shared' } | ({ gateway: 'dedicated' } & DedicatedInstance) | ({ gateway: 'dedicatedV2' } & DedicatedInstance);

/**
 * The instance a per-generation helper takes (`…OnDedicatedGateway`: v1, `…OnDedicatedGatewayV2`:
 * v2): `{ projectId, instanceId }`, or a `Gateway` of that generation. A `Gateway` of the other
 * generation does not compile (and from JavaScript the call is refused, not sent elsewhere).
 */
export type InstanceOn<G extends 'dedicated' | 'dedicatedV2'> = DedicatedInstance & { gateway?: G };

export type Outcome<T> = Settled<T>;

/** v2's paging: `offset` from 0, `limit` entries (the gateway takes ≤ 0 as 20 and > 500 as 500). */
export interface OffsetPaging {
  offset?: number;
  limit?: number;
}

/** A page of a list: `pageNo`/`pageSize` on v1.0 and v1, `offset`/`limit` on v2. */
export type PagingOf = { pageNo?: number; pageSize?: number } | OffsetPaging;

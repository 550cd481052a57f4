// What the client reads of an openapi-fetch call's options, and the URL path they fill in.
import type { Middleware } from 'openapi-fetch';

/** The parts of an openapi-fetch call's options that signing and validation read. */
export interface CallInit {
  body?: unknown;
  bodySerializer?: unknown;
  headers?: HeadersInit | Record<string, string | number | boolean | null | undefined>;
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  middleware?: Middleware[];
}

export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{([^}]+)\}/g, (whole, name: string) => (name in params ? encodeURIComponent(String(params[name])) : whole));
}

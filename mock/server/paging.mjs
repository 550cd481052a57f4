// Where a list page starts and how many entries it holds, as each generation pages: v2 by
// `offset`/`limit`, which the gateway adjusts rather than refuses (a negative offset is 0; a
// limit of 0 or less is 20, more than 500 is 500: Huawei's current definitions, e.g.
// model_list_apps_v2_request.go), v1.0 and v1 by `page_no`/`page_size`.

export const DEFAULT_PAGE = 20;
export const MAX_V2_LIMIT = 500;

/**
 * The v2 page size the gateway uses for `limit`.
 * @param {string | number | undefined} limit
 */
export function v2Limit(limit) {
  const asked = Number(limit ?? DEFAULT_PAGE);
  return asked <= 0 ? DEFAULT_PAGE : Math.min(asked, MAX_V2_LIMIT);
}

/**
 * `[start, size]` of the page a query asks for.
 * @param {string} generation
 * @param {{ offset?: string, limit?: string, page_no?: string, page_size?: string }} query
 * @returns {[number, number]}
 */
export function pageBounds(generation, query) {
  if (generation === 'v2') return [Math.max(0, Number(query.offset ?? 0)), v2Limit(query.limit)];
  const size = Number(query.page_size ?? DEFAULT_PAGE);
  return [(Math.max(1, Number(query.page_no ?? 1)) - 1) * size, size];
}

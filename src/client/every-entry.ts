// Every entry of a paged list, as an async iterator: what listApps and the other list iterators
// share (the generation's paging style, the end of the list, an answer without its list).
import type { Gateway, Outcome, PagingOf } from './vocabulary.js';
import { isV2 } from './gateway-call.js';
import { failures } from './settle.js';

/**
 * Every entry of a paged list, page after page in the generation's own paging style; a failing
 * page, or an answer without its list or total, is thrown as the typed error. `listName` is the
 * list's name in the error (its page's title, e.g. 查询APP列表).
 */
export async function* everyEntry<E>(
  target: Gateway,
  listField: string,
  page: (paging: PagingOf) => Promise<Outcome<unknown>>,
  pageSize = 100,
  listName = '列表',
): AsyncGenerator<E> {
  let seen = 0;
  for (let pageNo = 1; ; pageNo++) {
    // A target naming no generation is refused by the page call itself.
    const result = await page(isV2(target) ? { offset: seen, limit: pageSize } : { pageNo, pageSize });
    if (!result.ok) throw result.error;
    const data = (result.data ?? {}) as Record<string, unknown>;
    const entries = data[listField];
    // A page without its list would loop forever or yield nothing silently: refuse it.
    if (!Array.isArray(entries) || typeof data.total !== 'number')
      throw (await failures()).malformedList(
        result.status,
        `the list answer has no ${listField} array or no total (${listName}响应不符合契约)`,
        result.requestId,
      );
    yield* entries as E[];
    seen += entries.length;
    if (entries.length === 0 || seen >= (data.total as number)) return;
  }
}

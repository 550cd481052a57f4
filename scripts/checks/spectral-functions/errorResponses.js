// Spectral function: every 4xx/5xx response of every operation uses the one Huawei error body
// (#/components/schemas/ErrorBody). Runs unresolved, following the response's own $ref.
import { deref } from '../../generate/json-pointer.mjs';

/**
 * @param {Record<string, import('../../openapi.d.mts').PathItem> | undefined} paths the document's, unresolved
 * @param {unknown} _options
 * @param {{ document: { data: unknown } }} context Spectral's: the document being linted
 * @returns {Array<{ message: string, path: string[] }>}
 */
export default function errorResponses(paths, _options, context) {
  const doc = context.document.data;
  const results = [];
  for (const [path, item] of Object.entries(paths ?? {})) {
    // (Every field of a path item but its parameters is an operation: spec/ writes no other.)
    for (const [method, op] of /** @type {Array<[string, import('../../openapi.d.mts').Operation | undefined]>} */ (Object.entries(item ?? {}))) {
      for (const [status, raw] of Object.entries(op?.responses ?? {})) {
        if (!/^[45]/.test(status)) continue;
        const ref = deref(doc, raw)?.content?.['application/json']?.schema?.$ref;
        if (ref !== '#/components/schemas/ErrorBody') {
          results.push({
            message: `${method.toUpperCase()} ${path} ${status} must use #/components/schemas/ErrorBody (got ${ref ?? 'no schema'}).`,
            path: ['paths', path, method, 'responses', status],
          });
        }
      }
    }
  }
  return results;
}

// Spectral function: every Create APP variant must share one request body, one set of
// responses and one security requirement. Runs on the unresolved document, so "share"
// means "points at the same component", not "happens to look alike".
import { isDeepStrictEqual } from 'node:util';

const SHARED_PARTS = ['requestBody', 'responses', 'security'];

export default function variantParity(paths) {
  const operations = Object.entries(paths ?? {})
    .filter(([, item]) => item && item.post)
    .map(([path, item]) => ({ path, op: item.post }));
  if (operations.length < 2) return [];
  const [first, ...rest] = operations;
  const results = [];
  for (const { path, op } of rest) {
    for (const part of SHARED_PARTS) {
      if (!isDeepStrictEqual(op[part], first.op[part])) {
        results.push({
          message: `POST ${path} must use the same ${part} as POST ${first.path} (variant parity).`,
          path: ['paths', path, 'post', part],
        });
      }
    }
  }
  return results;
}

// What the mock and the proxy both hand Prism: a request's query as Prism reads it, and only the
// operations a request can be (Prism tries every operation's route and validator it is given;
// with 21 operations that halved the mock's throughput, and routing among 49 cost the proxy
// 0.8 ms a request).

/** `?a=1&a=2&b=3` as `{ a: ['1', '2'], b: '3' }`. */
export function prismQuery(searchParams) {
  const query = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return query;
}

/**
 * `(method, path) => operations` whose method and path template match (an empty segment still
 * matches, so Prism names a missing path parameter); none matching gives them all, leaving
 * Prism to tell a wrong path from a wrong method.
 */
export function candidatesFinder(operations) {
  const routes = operations.map((operation) => ({ operation, method: operation.method, re: new RegExp(`^${operation.path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]*')}$`) }));
  return (method, path) => {
    const found = routes.filter((r) => r.method === method && r.re.test(path)).map((r) => r.operation);
    return found.length > 0 ? found : operations;
  };
}

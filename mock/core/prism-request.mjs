// What the mock and the proxy both hand Prism: a request's query as Prism reads it, and only the
// operations a request can be (Prism tries every operation's route and validator it is given;
// with 21 operations that halved the mock's throughput, and routing among 49 cost the proxy
// 0.8 ms a request).

/**
 * `?a=1&a=2&b=3` as `{ a: ['1', '2'], b: '3' }`.
 * @param {URLSearchParams} searchParams
 */
export function prismQuery(searchParams) {
  /** @type {Record<string, string | string[]>} */
  const query = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? /** @type {string} */ (values[0]) : values;
  }
  return query;
}

/**
 * An operation as routed here: its method (lower-case) and path template.
 * @typedef {{ method: string, path: string }} RoutedOperation
 */

/**
 * @template {RoutedOperation} Operation
 * @param {Operation} operation
 */
const templateRoute = (operation) => ({
  operation,
  method: operation.method,
  re: new RegExp(`^${operation.path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]*')}$`),
});

/**
 * `(method, path) => operations` whose method and path template match (an empty segment still
 * matches, so Prism names a missing path parameter); none matching gives them all, leaving
 * Prism to tell a wrong path from a wrong method.
 * @template {RoutedOperation} Operation
 * @param {Operation[]} operations
 * @returns {(method: string, path: string) => Operation[]}
 */
export function candidatesFinder(operations) {
  const routes = operations.map(templateRoute);
  return (method, path) => {
    const found = routes.filter((r) => r.method === method && r.re.test(path)).map((r) => r.operation);
    return found.length > 0 ? found : operations;
  };
}

/**
 * `(method, path, segmentIndex) => { operation, parameter } | undefined`: the operation whose
 * template the path matches and the path parameter that segment fills (`app_id` for
 * `/v1.0/apigw/apps/%zz`), or undefined when no template matches or the segment is literal.
 * Prism cannot say it: its router throws on a segment it cannot decode.
 * @template {RoutedOperation} Operation
 * @param {Operation[]} operations
 * @returns {(method: string, path: string, segmentIndex: number) => { operation: Operation, parameter: string } | undefined}
 */
export function parameterFinder(operations) {
  const routes = operations.map(templateRoute);
  return (method, path, segmentIndex) => {
    const route = routes.find((r) => r.method === method && r.re.test(path));
    const name = route?.operation.path.split('/')[segmentIndex]?.match(/^\{([^}]+)\}$/)?.[1];
    // A name was found, so a route was.
    return name === undefined ? undefined : { operation: /** @type {NonNullable<typeof route>} */ (route).operation, parameter: name };
  };
}

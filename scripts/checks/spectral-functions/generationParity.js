// Spectral function: every operation exists on all three gateway generations (v1.0, v1, v2),
// but where the source pages say otherwise. An operation is its method and its path below the
// generation's base, with path parameter names set aside (`{id}` on v1.0 and v1 is `{app_id}`,
// `{app_code_id}` or `{app_auth_id}` on v2).
const GENERATIONS = [
  ['v1.0', /^\/v1\.0\/apigw/],
  ['v1', /^\/v1\/\{project_id\}\/apigw\/instances\/\{instance_id\}/],
  ['v2', /^\/v2\/\{project_id\}\/apigw\/instances\/\{instance_id\}/],
];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * The one gap the pages make: the dedicated gateway v1 has no AppCode operations (its APP group
 * page, APP管理 of 专享版 v1, lists none, and no v1 AppCode page exists), so AppCodes exist on
 * v1.0 and v2 only. Any other missing operation is an error.
 */
const ALLOWED_GAPS = [
  { generation: 'v1', operation: /^[A-Z]+ …\/apps\/\{id\}\/app-codes(\/\{id\})?$/, reason: 'the dedicated v1 pages have no AppCode operations' },
];

export default function generationParity(paths) {
  const byGeneration = new Map(GENERATIONS.map(([name]) => [name, new Map()]));
  const results = [];
  for (const [path, item] of Object.entries(paths ?? {})) {
    const generation = GENERATIONS.find(([, prefix]) => prefix.test(path));
    if (!generation) {
      results.push({ message: `${path} belongs to no gateway generation (v1.0, v1, v2).`, path: ['paths', path] });
      continue;
    }
    const rest = path.replace(generation[1], '').replace(/\{[^}]+\}/g, '{id}');
    for (const method of METHODS.filter((m) => item?.[m])) byGeneration.get(generation[0]).set(`${method.toUpperCase()} …${rest}`, path);
  }
  const all = new Set([...byGeneration.values()].flatMap((ops) => [...ops.keys()]));
  for (const operation of all) {
    const allowed = (name) => ALLOWED_GAPS.some((gap) => gap.generation === name && gap.operation.test(operation));
    const missing = GENERATIONS.map(([name]) => name).filter((name) => !byGeneration.get(name).has(operation) && !allowed(name));
    if (missing.length > 0) {
      const [, somePath] = [...byGeneration.values()].map((ops) => [operation, ops.get(operation)]).find(([, p]) => p);
      results.push({
        message: `${operation} is missing on ${missing.join(', ')} (generation parity: every operation exists on v1.0, v1 and v2; only AppCodes may be missing on v1).`,
        path: ['paths', somePath],
      });
    }
    // A gap the pages allow must stay a gap: an AppCode operation on v1 is not in any page.
    for (const gap of ALLOWED_GAPS) {
      if (gap.operation.test(operation) && byGeneration.get(gap.generation).has(operation)) {
        results.push({
          message: `${operation} exists on ${gap.generation}, but ${gap.reason}.`,
          path: ['paths', byGeneration.get(gap.generation).get(operation)],
        });
      }
    }
  }
  return results;
}

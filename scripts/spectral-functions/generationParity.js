// Spectral function: every APP operation exists on all three gateway generations (v1.0, v1,
// v2), unless a source page says otherwise. An operation is its method and its path below
// `/apps`, with the APP id parameter's name set aside (`{id}` on v1.0 and v1, `{app_id}` on v2).
const GENERATIONS = [
  ['v1.0', /^\/v1\.0\/apigw\/apps/],
  ['v1', /^\/v1\/\{project_id\}\/apigw\/instances\/\{instance_id\}\/apps/],
  ['v2', /^\/v2\/\{project_id\}\/apigw\/instances\/\{instance_id\}\/apps/],
];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export default function generationParity(paths) {
  const byGeneration = new Map(GENERATIONS.map(([name]) => [name, new Map()]));
  const results = [];
  for (const [path, item] of Object.entries(paths ?? {})) {
    const generation = GENERATIONS.find(([, prefix]) => prefix.test(path));
    if (!generation) {
      results.push({ message: `${path} belongs to no gateway generation (v1.0, v1, v2).`, path: ['paths', path] });
      continue;
    }
    const rest = path.replace(generation[1], '').replace(/\{(id|app_id)\}/g, '{id}');
    for (const method of METHODS.filter((m) => item?.[m])) byGeneration.get(generation[0]).set(`${method.toUpperCase()} …/apps${rest}`, path);
  }
  const all = new Set([...byGeneration.values()].flatMap((ops) => [...ops.keys()]));
  for (const operation of all) {
    const missing = GENERATIONS.map(([name]) => name).filter((name) => !byGeneration.get(name).has(operation));
    if (missing.length > 0) {
      const [, somePath] = [...byGeneration.values()].map((ops) => [operation, ops.get(operation)]).find(([, p]) => p);
      results.push({ message: `${operation} is missing on ${missing.join(', ')} (generation parity: every operation exists on v1.0, v1 and v2).`, path: ['paths', somePath] });
    }
  }
  return results;
}

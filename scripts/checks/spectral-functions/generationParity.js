// Spectral function: every operation exists on all three gateway generations (v1.0, v1, v2),
// but where the source pages say otherwise. An operation is its method and its path below the
// generation's base, with path parameter names set aside (`{id}` on v1.0 and v1 is `{app_id}`,
// `{app_code_id}` or `{app_auth_id}` on v2).
/** @type {Array<[name: string, prefix: RegExp]>} */
const GENERATIONS = [
  ['v1.0', /^\/v1\.0\/apigw/],
  ['v1', /^\/v1\/\{project_id\}\/apigw\/instances\/\{instance_id\}/],
  ['v2', /^\/v2\/\{project_id\}\/apigw\/instances\/\{instance_id\}/],
];
/** @type {import('../../openapi.d.mts').Method[]} */
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * The gaps the pages make. The dedicated gateway v1 has no AppCode operations (its APP group
 * page, APP管理 of 专享版 v1, lists none, and no v1 AppCode page exists), so AppCodes exist on
 * v1.0 and v2 only. Client quotas (客户端配额), APP access control (APP访问控制) and AI API keys
 * exist on the current dedicated gateway only: Huawei added them to v2 after the shared gateway
 * and v1 were retired (待下线), and no v1.0 or v1 page or SDK model has them. Any other missing
 * operation is an error.
 */
const V2_ONLY = /^[A-Z]+ …\/(app-quotas(\/.*)?|apps\/\{id\}\/(app-acl|bound-quota|ai-api-keys(\/\{id\})?))$/;
const V2_ONLY_REASON = 'client quotas, APP access control and AI API keys exist on the current dedicated gateway (v2) only';
const ALLOWED_GAPS = [
  { generation: 'v1', operation: /^[A-Z]+ …\/apps\/\{id\}\/app-codes(\/\{id\})?$/, reason: 'the dedicated v1 pages have no AppCode operations' },
  { generation: 'v1.0', operation: V2_ONLY, reason: V2_ONLY_REASON },
  { generation: 'v1', operation: V2_ONLY, reason: V2_ONLY_REASON },
];

/**
 * @param {Record<string, import('../../openapi.d.mts').PathItem | undefined> | undefined} paths the document's
 * @returns {Array<{ message: string, path: string[] }>}
 */
export default function generationParity(paths) {
  /** @type {Map<string, Map<string, string>>} generation → `METHOD …/rest` → path */
  const byGeneration = new Map(GENERATIONS.map(([name]) => [name, new Map()]));
  /** @param {string} name a generation of GENERATIONS (each has its Map) */
  const operationsOf = (name) => /** @type {Map<string, string>} */ (byGeneration.get(name));
  /** @type {Array<{ message: string, path: string[] }>} */
  const results = [];
  for (const [path, item] of Object.entries(paths ?? {})) {
    const generation = GENERATIONS.find(([, prefix]) => prefix.test(path));
    if (!generation) {
      results.push({ message: `${path} belongs to no gateway generation (v1.0, v1, v2).`, path: ['paths', path] });
      continue;
    }
    const rest = path.replace(generation[1], '').replace(/\{[^}]+\}/g, '{id}');
    for (const method of METHODS.filter((m) => item?.[m])) operationsOf(generation[0]).set(`${method.toUpperCase()} …${rest}`, path);
  }
  const all = new Set([...byGeneration.values()].flatMap((ops) => [...ops.keys()]));
  for (const operation of all) {
    /** @param {string} name */
    const allowed = (name) => ALLOWED_GAPS.some((gap) => gap.generation === name && gap.operation.test(operation));
    const missing = GENERATIONS.map(([name]) => name).filter((name) => !operationsOf(name).has(operation) && !allowed(name));
    if (missing.length > 0) {
      // (Some generation has it: it is in `all`.)
      const [, somePath] = /** @type {[string, string]} */ ([...byGeneration.values()].map((ops) => [operation, ops.get(operation)]).find(([, p]) => p));
      results.push({
        message: `${operation} is missing on ${missing.join(', ')} (generation parity: every operation exists on v1.0, v1 and v2; only AppCodes may be missing on v1, and the v2-only families on v1.0 and v1).`,
        path: ['paths', somePath],
      });
    }
    // A gap the pages allow must stay a gap: an AppCode operation on v1 is not in any page.
    for (const gap of ALLOWED_GAPS) {
      if (gap.operation.test(operation) && operationsOf(gap.generation).has(operation)) {
        results.push({
          message: `${operation} exists on ${gap.generation}, but ${gap.reason}.`,
          path: ['paths', /** @type {string} */ (operationsOf(gap.generation).get(operation))],
        });
      }
    }
  }
  return results;
}

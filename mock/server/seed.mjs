// `--seed apps.json`: the APPs a mock starts with, and returns to on POST /_mock/reset, and each
// tenant's own catalogue of APIs and environments to authorize APPs against. Each APP is
// checked as the gateway checks a create (the contract's body rules, through the package's
// own validator, with its English and Chinese wording), each API and environment for what an
// authorization needs, and each tenant must be one a request can reach, so a seed never serves
// what the gateway could not hold.
import { newApp, sharedTenantKey } from './app-store.mjs';
import { DEFAULT_CATALOGUE, RELEASE_ID, catalogueOf } from './grant-store.mjs';

/** @typedef {import('./app-store.mjs').Generation} Generation */

/** @type {Record<Generation, import('apig-app-contract/validation').RequestSchemaName>} */
const SCHEMA_OF = { 'v1.0': 'CreateAppRequest', v1: 'CreateAppRequest', v2: 'CreateAppRequestV2' };
const TENANT_FORMS = '"v1.0 <token or AK>", "v1 <project_id> <instance_id>" or "v2 <project_id> <instance_id>"';
const MAX_REPORTED = 20;

/**
 * Generation and store key of a seed tenant, or undefined when no request can reach it.
 * @param {string} tenant
 * @returns {{ generation: Generation, key: string, label: string } | undefined}
 */
function parseTenant(tenant) {
  const shared = /^v1\.0 (\S+)$/.exec(tenant);
  if (shared) return { generation: 'v1.0', key: sharedTenantKey(/** @type {string} */ (shared[1])), label: 'v1.0 <credential>' };
  const dedicated = /^(v1|v2) ([^\s/?#]+) ([^\s/?#]+)$/.exec(tenant);
  if (dedicated) return { generation: /** @type {'v1' | 'v2'} */ (dedicated[1]), key: tenant, label: tenant };
  return undefined;
}

/** @param {unknown} value */
const nonEmpty = (value) => typeof value === 'string' && value.length > 0;
/** @param {unknown} value */
const optionalString = (value) => value === undefined || typeof value === 'string';

/**
 * A tenant's own `environments` ([{ id, name }], default RELEASE and TEST) and `apis` ([{ id, name,
 * group_id?, group_name?, remark?, req_uri?, published_in?: [environment ids] }], default the four
 * of DEFAULT_CATALOGUE), checked; undefined when the seed gives neither.
 * @param {{ environments?: unknown, apis?: unknown }} entry
 * @param {string} where
 * @param {string[]} problems where each problem found is added
 */
function checkedCatalogue(entry, where, problems) {
  if (entry.environments === undefined && entry.apis === undefined) return undefined;
  const environments = entry.environments ?? [...DEFAULT_CATALOGUE.environments.values()];
  const apis = entry.apis ?? [];
  if (!Array.isArray(environments) || !Array.isArray(apis)) {
    problems.push(`${where}: "environments" and "apis" must be arrays`);
    return undefined;
  }
  const before = problems.length;
  /** @type {Set<unknown>} */
  const envIds = new Set();
  environments.forEach((env, e) => {
    if (!env || !nonEmpty(env.id) || !nonEmpty(env.name))
      problems.push(`${where}, environment #${e + 1}: expected { "id": "…", "name": "…" } (e.g. { "id": "${RELEASE_ID}", "name": "RELEASE" })`);
    else if (envIds.has(env.id)) problems.push(`${where}, environment #${e + 1}: the id ${env.id} is taken by an earlier environment`);
    else envIds.add(env.id);
  });
  /** @type {Set<unknown>} */
  const apiIds = new Set();
  for (const [a, api] of apis.entries()) {
    const at = `${where}, API #${a + 1}`;
    if (!api || !nonEmpty(api.id) || !nonEmpty(api.name)) {
      problems.push(`${at}: expected { "id": "…", "name": "…" } with optional group_id, group_name, remark, req_uri, tags and published_in`);
      continue;
    }
    if (apiIds.has(api.id)) problems.push(`${at}: the id ${api.id} is taken by an earlier API`);
    apiIds.add(api.id);
    for (const field of ['group_id', 'group_name', 'remark', 'req_uri']) if (!optionalString(api[field])) problems.push(`${at}: ${field} must be a string`);
    if (api.tags !== undefined && !(Array.isArray(api.tags) && api.tags.every((/** @type {unknown} */ tag) => typeof tag === 'string' && tag !== '')))
      problems.push(`${at}: tags must be an array of non-empty strings`);
    if (api.published_in !== undefined && !Array.isArray(api.published_in)) {
      problems.push(`${at}: published_in must be an array of environment ids`);
      continue;
    }
    for (const envId of api.published_in ?? [])
      if (!envIds.has(envId))
        problems.push(`${at}: published_in names ${JSON.stringify(String(envId).slice(0, 40))}, which is not an environment of this tenant`);
  }
  // Built only from a clean catalogue: a null entry or a published_in that is not a list would
  // otherwise throw a TypeError here instead of the problems listed above.
  return problems.length > before ? undefined : catalogueOf({ environments, apis });
}

/**
 * A seeded v2 APP's `app_acl` (its access control, as Set APP access control takes it), checked;
 * undefined when it has none or it breaks the contract (then the problem is added).
 * @param {unknown} acl
 * @param {Generation} generation
 * @param {string} at
 * @param {string[]} problems
 * @param {typeof import('apig-app-contract/validation').validateRequestBody} validateRequestBody
 * @returns {import('./family-store.mjs').Acl | undefined}
 */
function checkedAcl(acl, generation, at, problems, validateRequestBody) {
  if (acl === undefined) return undefined;
  if (generation !== 'v2') {
    problems.push(`${at}: app_acl exists on v2 only (APP access control is an operation of the dedicated gateway v2)`);
    return undefined;
  }
  const result = validateRequestBody('AppAclRequestV2', acl);
  if (result.valid) return /** @type {import('./family-store.mjs').Acl} */ (structuredClone(acl));
  for (const issue of result.issues) problems.push(`${at}, app_acl: ${issue.message}`);
  return undefined;
}

/** The package's own validator, by the package's name (its dist/: built by `npm ci` in a clone, shipped in the package). */
async function loadValidator() {
  try {
    return (await import('apig-app-contract/validation')).validateRequestBody;
  } catch (error) {
    throw new Error(
      `--seed needs the package's validator (apig-app-contract's dist/), which is missing (run npm run build): ${/** @type {Error} */ (error).message}`,
    );
  }
}

/**
 * Checks `[{ tenant, apps: [{ name, … }] }]` and returns the APPs to store, each complete (ids,
 * keys, secrets and times generated as a create would): `[{ key, generation, apps }]`. Throws one
 * Error listing every problem (tenant, APP, field, rule).
 * @param {unknown} entries a seed as given (`MockSeedTenant[]`), checked here
 * @returns {Promise<import('./app-store.mjs').SeededTenant[]>}
 */
export async function checkedSeed(entries) {
  if (!Array.isArray(entries)) throw new Error(`seed: expected [{ "tenant": ${TENANT_FORMS}, "apps": [{ "name": "…" }] }]`);
  const validateRequestBody = await loadValidator();
  /** @type {string[]} */
  const problems = [];
  /** @type {import('./app-store.mjs').SeededTenant[]} */
  const tenants = [];
  entries.forEach((entry, t) => {
    const where = `seed tenant #${t + 1}`;
    if (!entry || typeof entry.tenant !== 'string' || !Array.isArray(entry.apps)) {
      problems.push(`${where}: expected { "tenant": "…", "apps": [ … ] }`);
      return;
    }
    const parsed = parseTenant(entry.tenant);
    if (!parsed) {
      // The tenant is not echoed whole: a v1.0 tenant holds a credential.
      problems.push(`${where} (${JSON.stringify(entry.tenant.split(' ')[0].slice(0, 10))}…): no request can reach it; write ${TENANT_FORMS}`);
      return;
    }
    // What two APPs of one tenant may not share, and what the gateway says when they do.
    /** @type {Array<{ field: string, seen: Set<string>, taken: (value: string) => string }>} */
    const unique = [
      { field: 'name', seen: new Set(), taken: (v) => `the name ${v} is taken by an earlier APP of this tenant (APIG.3203 The app name already exists)` },
      { field: 'app_key', seen: new Set(), taken: () => 'its app_key is taken by an earlier APP of this tenant (APIG.3310 The app key already exists)' },
      { field: 'id', seen: new Set(), taken: (v) => `the id ${v} is taken by an earlier APP of this tenant` },
    ];
    /** @type {import('./app-store.mjs').StoredApp[]} */
    const apps = [];
    /** @type {Array<[string, import('./family-store.mjs').Acl]>} */
    const acls = [];
    // Each APP as a seed is documented to give it, which is checked here (the seed is refused if it is not).
    entry.apps.forEach((/** @type {import('./types.d.mts').MockSeedTenant['apps'][number]} */ app, /** @type {number} */ a) => {
      const at = `${where} (${parsed.label}), APP #${a + 1}`;
      if (!app || typeof app !== 'object' || Array.isArray(app)) {
        problems.push(`${at}: expected an object with at least a "name"`);
        return;
      }
      const { id, app_acl, ...body } = app;
      if (id !== undefined && (typeof id !== 'string' || id.length === 0)) problems.push(`${at}: id must be a non-empty string`);
      const result = validateRequestBody(SCHEMA_OF[parsed.generation], body);
      if (!result.valid) for (const issue of result.issues) problems.push(`${at}: ${issue.message}`);
      const acl = checkedAcl(app_acl, parsed.generation, at, problems, validateRequestBody);
      for (const { field, seen, taken } of unique) {
        const value = app[field];
        if (typeof value !== 'string') continue;
        if (seen.has(value)) problems.push(`${at}: ${taken(value)}`);
        seen.add(value);
      }
      const stored = newApp(parsed.generation, body, /** @type {string | undefined} */ (id));
      apps.push(stored);
      if (acl) acls.push([stored.id, acl]);
    });
    const catalogue = checkedCatalogue(entry, `${where} (${parsed.label})`, problems);
    tenants.push({ key: parsed.key, generation: parsed.generation, apps, ...(catalogue ? { catalogue } : {}), ...(acls.length ? { acls } : {}) });
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED);
    const more = problems.length > MAX_REPORTED ? `\n  … and ${problems.length - MAX_REPORTED} more` : '';
    throw new Error(`the seed breaks the contract; nothing was served:\n  ${shown.join('\n  ')}${more}`);
  }
  return tenants;
}

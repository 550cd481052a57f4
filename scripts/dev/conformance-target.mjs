// Which server the conformance suite checks, from the environment (APIG_BASE_URL and the
// credentials). Read by `npm run test:conformance` before vitest starts, so that a missing or
// half-given credential is the first thing the run says, and by the suite's global setup.
// Messages name the variables, never their values (a token or SK is a secret).

/**
 * The credentials' variables: Huawei's SDK names (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, and
 * HUAWEICLOUD_SDK_TOKEN for an IAM token), each with the name this suite read before, still read
 * as an alias. When both are set, the SDK name wins.
 */
/** @type {Record<'token' | 'ak' | 'sk', [name: string, alias: string]>} */
export const CREDENTIAL_VARIABLES = {
  token: ['HUAWEICLOUD_SDK_TOKEN', 'APIG_AUTH_TOKEN'],
  ak: ['HUAWEICLOUD_SDK_AK', 'APIG_AK'],
  sk: ['HUAWEICLOUD_SDK_SK', 'APIG_SK'],
};

/** The variables the suite reads, for messages and docs/conformance.md. */
export const CONFORMANCE_VARIABLES =
  'APIG_BASE_URL, then HUAWEICLOUD_SDK_TOKEN, or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (their old names APIG_AUTH_TOKEN, APIG_AK and APIG_SK are read too), and optionally APIG_PROJECT_ID with APIG_INSTANCE_ID';

/**
 * The credential's value and the variable it came from: the SDK name first, then the alias.
 * @param {NodeJS.ProcessEnv} env
 * @param {[name: string, alias: string]} names
 * @returns {{ value: string, from: string } | undefined}
 */
function credential(env, [name, alias]) {
  if (env[name]) return { value: env[name], from: name };
  if (env[alias]) return { value: env[alias], from: alias };
  return undefined;
}

/**
 * The external target the environment names, or undefined when APIG_BASE_URL is not set (the
 * suite then starts this project's mock). Throws an Error saying what to set when it is incomplete.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ baseUrl: string, auth: { token: string } | { ak: string, sk: string }, dedicated?: { projectId: string, instanceId: string } } | undefined}
 */
export function targetFromEnvironment(env) {
  const raw = env.APIG_BASE_URL;
  if (raw === undefined || raw === '') return undefined;
  /** @type {string[]} */
  const problems = [];
  let url;
  try {
    url = new URL(raw);
  } catch {
    problems.push('APIG_BASE_URL is not a URL (expected e.g. http://127.0.0.1:4010 or https://apig.cn-north-4.myhuaweicloud.com)');
  }
  if (url && !/^https?:$/.test(url.protocol)) problems.push(`APIG_BASE_URL must be http:// or https:// (got ${url.protocol})`);
  if (url && (url.username || url.password))
    problems.push('APIG_BASE_URL must not carry a user or password: give credentials in HUAWEICLOUD_SDK_TOKEN, or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK');

  const token = credential(env, CREDENTIAL_VARIABLES.token);
  const ak = credential(env, CREDENTIAL_VARIABLES.ak);
  const sk = credential(env, CREDENTIAL_VARIABLES.sk);
  let auth;
  if (token && (ak || sk))
    problems.push(
      `give either a token or an AK/SK pair, not both (set: ${[token, ak, sk]
        .filter(Boolean)
        .map((c) => /** @type {{ from: string }} */ (c).from)
        .join(', ')})`,
    );
  else if (token) auth = { token: token.value };
  else if (ak && sk) auth = { ak: ak.value, sk: sk.value };
  else if (ak || sk)
    problems.push(`${ak ? 'HUAWEICLOUD_SDK_SK' : 'HUAWEICLOUD_SDK_AK'} is missing: AK/SK signing needs both HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK`);
  else
    problems.push(
      'no credentials: set HUAWEICLOUD_SDK_TOKEN (an IAM token; any value for a mock started without --credentials), or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK',
    );

  const projectId = env.APIG_PROJECT_ID || undefined;
  const instanceId = env.APIG_INSTANCE_ID || undefined;
  if (Boolean(projectId) !== Boolean(instanceId))
    problems.push(`${projectId ? 'APIG_INSTANCE_ID' : 'APIG_PROJECT_ID'} is missing: the dedicated gateway needs both APIG_PROJECT_ID and APIG_INSTANCE_ID`);

  if (problems.length > 0) {
    throw new Error(
      `conformance: APIG_BASE_URL is set, but the target is not complete:\n  - ${problems.join('\n  - ')}\nThe suite reads ${CONFORMANCE_VARIABLES}.`,
    );
  }
  const baseUrl = raw.replace(/\/+$/, '');
  // No problem: so there is a token, or both AK and SK.
  return {
    baseUrl,
    auth: /** @type {{ token: string } | { ak: string, sk: string }} */ (auth),
    ...(projectId && instanceId ? { dedicated: { projectId, instanceId } } : {}),
  };
}

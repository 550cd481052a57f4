// Which server the conformance suite checks, from the environment (APIG_BASE_URL and the
// credentials). Read by `npm run test:conformance` before vitest starts, so that a missing or
// half-given credential is the first thing the run says, and by the suite's global setup.
// Messages name the variables, never their values (a token or SK is a secret).

/** The variables the suite reads, for messages and the README. */
export const CONFORMANCE_VARIABLES = 'APIG_BASE_URL, then APIG_AUTH_TOKEN or APIG_AK and APIG_SK, and optionally APIG_PROJECT_ID with APIG_INSTANCE_ID';

/**
 * The external target the environment names, or undefined when APIG_BASE_URL is not set (the
 * suite then starts this project's mock). Throws an Error saying what to set when it is incomplete.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ baseUrl: string, auth: { token: string } | { ak: string, sk: string }, dedicated?: { projectId: string, instanceId: string } } | undefined}
 */
export function targetFromEnvironment(env) {
  const raw = env.APIG_BASE_URL;
  if (raw === undefined || raw === '') return undefined;
  const problems = [];
  let url;
  try {
    url = new URL(raw);
  } catch {
    problems.push('APIG_BASE_URL is not a URL (expected e.g. http://127.0.0.1:4010 or https://apig.cn-north-4.myhuaweicloud.com)');
  }
  if (url && !/^https?:$/.test(url.protocol)) problems.push(`APIG_BASE_URL must be http:// or https:// (got ${url.protocol})`);
  if (url && (url.username || url.password)) problems.push('APIG_BASE_URL must not carry a user or password: give credentials in APIG_AUTH_TOKEN, or APIG_AK and APIG_SK');

  const token = env.APIG_AUTH_TOKEN || undefined;
  const ak = env.APIG_AK || undefined;
  const sk = env.APIG_SK || undefined;
  let auth;
  if (token && (ak || sk)) problems.push('give either APIG_AUTH_TOKEN or APIG_AK and APIG_SK, not both');
  else if (token) auth = { token };
  else if (ak && sk) auth = { ak, sk };
  else if (ak || sk) problems.push(`${ak ? 'APIG_SK' : 'APIG_AK'} is missing: AK/SK signing needs both APIG_AK and APIG_SK`);
  else problems.push('no credentials: set APIG_AUTH_TOKEN (an IAM token; any value for a mock started without --credentials), or APIG_AK and APIG_SK');

  const projectId = env.APIG_PROJECT_ID || undefined;
  const instanceId = env.APIG_INSTANCE_ID || undefined;
  if (Boolean(projectId) !== Boolean(instanceId)) problems.push(`${projectId ? 'APIG_INSTANCE_ID' : 'APIG_PROJECT_ID'} is missing: the dedicated gateway needs both APIG_PROJECT_ID and APIG_INSTANCE_ID`);

  if (problems.length > 0) {
    throw new Error(`conformance: APIG_BASE_URL is set, but the target is not complete:\n  - ${problems.join('\n  - ')}\nThe suite reads ${CONFORMANCE_VARIABLES}.`);
  }
  const baseUrl = raw.replace(/\/+$/, '');
  return { baseUrl, auth, ...(projectId && instanceId ? { dedicated: { projectId, instanceId } } : {}) };
}

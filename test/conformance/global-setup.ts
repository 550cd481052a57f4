// Starts this project's mocks on free 127.0.0.1 ports for the conformance suite (./own-mock.ts),
// unless APIG_BASE_URL points the suite at another server. The mocks run in this process, and
// are closed on teardown and when setup itself fails, so nothing is left listening. Another
// server is probed once: does it remember what is created (a gateway, a stateful mock) or
// answer every call with an example (a `--stateless` mock)?
import type { TestProject } from 'vitest/node';
import { targetFromEnvironment } from '../../scripts/dev/conformance-target.mjs';
import type { ConformanceTarget } from './target.js';
import { exchange, type TargetAuth } from './exchange.js';
import { startOwnMockTarget } from './own-mock.js';

function call(baseUrl: string, auth: TargetAuth, method: string, path: string, json?: unknown) {
  return exchange(`${baseUrl}${path}`, method, json === undefined ? undefined : JSON.stringify(json), auth);
}

/**
 * Creates an APP with a name of this run and reads it back: a target that answers with that
 * name remembers APPs; one that answers with another name (the page's example) does not. The
 * probe's APP is deleted. A target that refuses a valid create with these credentials is
 * reported here, before any test runs.
 */
async function probeStateful(baseUrl: string, auth: TargetAuth): Promise<boolean> {
  const name = `ctprobe_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let created: Awaited<ReturnType<typeof call>> | undefined;
  try {
    created = await call(baseUrl, auth, 'POST', '/v1.0/apigw/apps', { name, remark: 'conformance probe' });
  } catch (error) {
    throw new Error(
      `conformance: cannot reach APIG_BASE_URL (${baseUrl}): ${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`,
    );
  }
  if (created.status !== 201) {
    const reason = created.json?.error_code ? `${created.json.error_code} ${created.json.error_msg ?? ''}`.trim() : created.text.slice(0, 200);
    throw new Error(
      `conformance: the target answered ${created.status} (${reason}) to a valid Create APP with the credentials given: check HUAWEICLOUD_SDK_TOKEN, or HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or their old names APIG_AUTH_TOKEN, APIG_AK, APIG_SK).`,
    );
  }
  if (created.json?.name !== name) return false;
  const id = encodeURIComponent(String(created.json.id));
  const deleted = await call(baseUrl, auth, 'DELETE', `/v1.0/apigw/apps/${id}`);
  if (deleted.status !== 204)
    throw new Error(`conformance: could not delete the probe's APP ${created.json.id} (answered ${deleted.status}); delete it by hand.`);
  return true;
}

export default async function setup(project: TestProject) {
  const external = targetFromEnvironment(process.env);
  if (external) {
    let stateful: boolean;
    try {
      stateful = await probeStateful(external.baseUrl, external.auth);
    } catch (error) {
      // Said first and alone: a thrown setup error would come after vitest's "No test files found".
      console.error(`\n${(error as Error).message}\n`);
      process.exit(2);
    }
    if (!external.dedicated) console.log('conformance: APIG_PROJECT_ID/APIG_INSTANCE_ID not set: the dedicated variant is not tested.');
    console.log(
      `conformance: target ${external.baseUrl} (${stateful ? 'remembers the APPs created: each valid case deletes its APP' : 'answers with examples, remembers nothing: the lifecycle scenarios are skipped'}); checks only this project's in-process mock can pass (the field named in a 400, Prefer, robustness) are skipped.`,
    );
    project.provide('target', {
      baseUrl: external.baseUrl,
      lifecycleBaseUrl: external.baseUrl,
      lifecycleAuths: [external.auth],
      ownMock: false,
      stateful,
      auth: external.auth,
      ...(external.dedicated ? { dedicated: external.dedicated } : {}),
    } satisfies ConformanceTarget);
    return;
  }
  const own = await startOwnMockTarget();
  project.provide('target', own.target);
  return own.close;
}

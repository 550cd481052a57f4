// The Arazzo workflows in workflows/ as a user runs them: `redocly respect` against the mock in
// credentials mode, with a token. Every workflow of every file must pass, every step in it must
// run (none skipped), and a wrong token must fail the first step: the token is really sent.
// Respect checks each answer's status, content type and body against the contract besides the
// workflow's own success criteria.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startMockServer } from '../../mock/server/index.mjs';
import { shellBlockAsRun } from '../helpers/readme.js';
import { ROOT, binOf } from '../../scripts/tools.mjs';

const execFileAsync = promisify(execFile);
const WORKFLOWS = join(ROOT, 'workflows');
const FILES = readdirSync(WORKFLOWS).filter((name) => name.endsWith('.arazzo.yaml'));
const TOKEN = 'workflow-token-0123456789abcdef';

interface ExecutedStep {
  stepId: string;
  status: string;
  response?: { statusCode?: number };
}
interface RespectReport {
  status: string;
  files: Record<string, { executedWorkflows: Array<{ workflowId: string; status: string; executedSteps: ExecutedStep[] }> }>;
}

let mock: Awaited<ReturnType<typeof startMockServer>>;
let scratch: string;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, credentials: { tokens: [TOKEN], aksk: [] } });
  scratch = mkdtempSync(join(tmpdir(), 'apig-respect-'));
});
afterAll(async () => {
  await mock?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Every input any workflow takes; each run names its APP and quota afresh. */
function inputs(token: string, runName: string): string[] {
  const values = {
    token,
    project_id: 'workflow-project',
    instance_id: 'workflow-instance',
    app_name: `workflow_${runName}`,
    quota_name: `workflow_quota_${runName}`,
    env_id: 'DEFAULT_ENVIRONMENT_RELEASE_ID',
    allowed_ip: '192.168.0.5-192.168.0.10',
  };
  return Object.entries(values).flatMap(([name, value]) => ['--input', `${name}=${value}`]);
}

/** `redocly respect <file>` against the mock; its JSON report and exit code. */
async function respect(file: string, token: string, runName: string): Promise<{ code: number; report: RespectReport; output: string }> {
  const report = join(scratch, `${runName}.json`);
  const args = [binOf('@redocly/cli', 'redocly'), 'respect', join(WORKFLOWS, file), '--server', `apig=${mock.url}`, ...inputs(token, runName), '-J', report];
  const env = { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_TELEMETRY: 'off' };
  const result = await runCommand(process.execPath, args, env);
  return { ...result, report: JSON.parse(readFileSync(report, 'utf8')) as RespectReport };
}

/** Runs a program and waits (not spawnSync: the mock answers from this process's event loop). */
async function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** The steps each workflow of a file declares, by workflowId. */
function declaredSteps(file: string): Map<string, string[]> {
  const doc = parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as { workflows: Array<{ workflowId: string; steps: Array<{ stepId: string }> }> };
  return new Map(doc.workflows.map((workflow) => [workflow.workflowId, workflow.steps.map((step) => step.stepId)]));
}

it('has the workflows the package promises: the lifecycle on each generation, provisioning, a quota binding', () => {
  const ids = FILES.flatMap((file) => [...declaredSteps(file).keys()]);
  expect(ids).toEqual(
    expect.arrayContaining([
      'appLifecycleOnSharedGateway',
      'appLifecycleOnDedicatedGateway',
      'appLifecycleOnDedicatedGatewayV2',
      'provisionConsumerOnSharedGateway',
      'provisionConsumerOnDedicatedGatewayV2',
      'bindAppToAppQuotaOnDedicatedGatewayV2',
    ]),
  );
});

describe.each(FILES)('%s', (file) => {
  it('passes against the mock in credentials mode, every step of every workflow run', { timeout: 120_000 }, async () => {
    const runName = `${file.split('.')[0]!.replace(/-/g, '_')}_${Date.now()}`;
    const { code, report, output } = await respect(file, TOKEN, runName);
    const executed = Object.values(report.files).flatMap((entry) => entry.executedWorkflows);
    const failed = executed.flatMap((workflow) =>
      workflow.executedSteps.filter((step) => step.status !== 'success').map((step) => `${workflow.workflowId}/${step.stepId}`),
    );
    expect(failed, output.slice(-4000)).toEqual([]);
    expect(code).toBe(0);
    expect(report.status).toBe('success');
    const ran = new Map(executed.map((workflow) => [workflow.workflowId, workflow.executedSteps.map((step) => step.stepId)]));
    expect(ran).toEqual(declaredSteps(file));
  });

  it('fails at its first step with a token the gateway does not know (401), so the token is really sent', { timeout: 120_000 }, async () => {
    const { code, report } = await respect(file, 'not-a-known-token-0123456789', `refused_${Date.now()}`);
    expect(code).not.toBe(0);
    for (const workflow of Object.values(report.files).flatMap((entry) => entry.executedWorkflows)) {
      expect(workflow.status).not.toBe('success');
      expect(workflow.executedSteps[0]?.response?.statusCode).toBe(401);
    }
  });
});

describe('docs/workflows.md', () => {
  let plain: Awaited<ReturnType<typeof startMockServer>>;
  beforeAll(async () => {
    // What `npx apig-app-mock` starts: any token is accepted.
    plain = await startMockServer({ port: 0 });
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('runs every workflow against the mock with the command as printed (the local Redocly CLI and package in place of npx and node_modules)', {
    timeout: 240_000,
  }, async () => {
    const { printed, pinned, script } = shellBlockAsRun('docs/workflows.md', 'Examples', { pkg: '@redocly/cli', bin: 'redocly', url: plain.url });
    expect(printed).toContain(`npx @redocly/cli@${pinned} respect`);
    const { code, output } = await runCommand('sh', ['-c', `set -e\n${script}`]);
    expect(code, output.slice(-4000)).toBe(0);
    // Three files, every workflow passed: respect prints a summary line per file.
    expect(output.match(/Workflows: (\d+) passed, \1 total/g)).toHaveLength(3);
  });
});

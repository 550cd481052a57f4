// The conformance suite as a tester runs it: `npm run test:conformance` with APIG_BASE_URL
// pointing at a mock started by hand, on every kind of target docs/conformance.md lists. Each run must
// pass (skipping, with a reason, what the target cannot do) and leave no APP behind, and a
// second run against the same target must pass too. A missing or wrong credential is the
// first thing the run says.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChild, type RunningChild } from '../helpers/child-process.js';
import { ROOT } from '../../scripts/tools.mjs';
import { signRequest } from '../../src/auth/sign-request.js';

const MOCK_CLI = join(ROOT, 'mock', 'cli.mjs');
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
const DEDICATED = { APIG_PROJECT_ID: 'p-trial', APIG_INSTANCE_ID: 'i-trial' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts every ANSI colour code
const ANSI = /\u001b\[[0-9;]*m/g;

/** The environment a tester's shell has: this run's vitest variables removed. */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|APIG_|HUAWEICLOUD_SDK_|TEST$|NODE_ENV$)/.test(name)));
  return { ...env, ...extra };
}

/** `npm run test:conformance` with these variables: exit code and everything it printed. */
function runConformance(extra: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'test:conformance'],
      { cwd: ROOT, env: shellEnv(extra), encoding: 'utf8', timeout: 170_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}`.replace(ANSI, '') });
      },
    );
  });
}

/** Passed and skipped counts from vitest's summary line; fails when anything failed. */
function summary(output: string) {
  const line = /Tests\s+(.*)\(\d+\)/.exec(output)?.[1] ?? '';
  return {
    failed: Number(/(\d+) failed/.exec(line)?.[1] ?? 0),
    passed: Number(/(\d+) passed/.exec(line)?.[1] ?? 0),
    skipped: Number(/(\d+) skipped/.exec(line)?.[1] ?? 0),
  };
}

/** What every tenant the runs used holds: the mock's lists, with the run's credential. */
async function storedApps(base: string, auth: { token: string } | { ak: string; sk: string }) {
  const paths = [
    '/v1.0/apigw/apps',
    `/v1/${DEDICATED.APIG_PROJECT_ID}/apigw/instances/${DEDICATED.APIG_INSTANCE_ID}/apps`,
    `/v2/${DEDICATED.APIG_PROJECT_ID}/apigw/instances/${DEDICATED.APIG_INSTANCE_ID}/apps`,
  ];
  return Promise.all(
    paths.map(async (path) => {
      const url = `${base}${path}`;
      const headers: Record<string, string> =
        'token' in auth ? { 'x-auth-token': auth.token } : { ...(await signRequest({ method: 'GET', url, headers: {}, body: '' }, auth)) };
      const reply = await fetch(url, { headers });
      expect(reply.status, path).toBe(200);
      return (await reply.json()).total;
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'apig-trial-'));
const mocks: RunningChild[] = [];
async function startMock(...args: string[]) {
  const mock = await startChild(process.execPath, [MOCK_CLI, '--port', '0', ...args], LISTENING);
  mocks.push(mock);
  return mock.match[1]!;
}
afterAll(async () => {
  await Promise.all(mocks.map((m) => m.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run test:conformance against a mock started by hand', () => {
  it('stateful (the default): passes twice in a row and leaves no APP behind', async () => {
    const base = await startMock();
    for (const round of [1, 2]) {
      const { code, output } = await runConformance({ APIG_BASE_URL: base, HUAWEICLOUD_SDK_TOKEN: 't', ...DEDICATED });
      expect(code, `round ${round}:\n${output.slice(-4000)}`).toBe(0);
      expect(output).toContain('remembers the APPs created');
      const counts = summary(output);
      expect(counts.failed).toBe(0);
      expect(counts.passed).toBeGreaterThan(250);
    }
    expect(await storedApps(base, { token: 't' })).toEqual([0, 0, 0]);
  }, 360_000);

  it('--stateless: passes, skipping the lifecycle scenarios with the reason (the token under its old name, APIG_AUTH_TOKEN)', async () => {
    const base = await startMock('--stateless');
    const { code, output } = await runConformance({ APIG_BASE_URL: base, APIG_AUTH_TOKEN: 't', ...DEDICATED });
    expect(code, output.slice(-4000)).toBe(0);
    expect(output).toContain('remembers nothing: the lifecycle scenarios are skipped');
    expect(summary(output)).toMatchObject({ failed: 0, passed: expect.any(Number) });
    expect(summary(output).passed).toBeGreaterThan(250);
  }, 180_000);

  describe('in credentials mode (--credentials)', () => {
    let base: string;
    const pair = { ak: 'TRIALAK00000000001', sk: 'trial-secret-key-0123456789' };
    beforeAll(async () => {
      writeFileSync(join(dir, 'creds.json'), JSON.stringify({ tokens: ['trial-token'], aksk: [pair] }));
      base = await startMock('--credentials', join(dir, 'creds.json'));
    });

    it('with a token: passes and leaves no APP behind', async () => {
      const { code, output } = await runConformance({ APIG_BASE_URL: base, HUAWEICLOUD_SDK_TOKEN: 'trial-token', ...DEDICATED });
      expect(code, output.slice(-4000)).toBe(0);
      expect(summary(output).passed).toBeGreaterThan(250);
      expect(await storedApps(base, { token: 'trial-token' })).toEqual([0, 0, 0]);
    }, 180_000);

    it('with AK/SK (every request signed): passes, and the secret is never printed', async () => {
      const { code, output } = await runConformance({ APIG_BASE_URL: base, HUAWEICLOUD_SDK_AK: pair.ak, HUAWEICLOUD_SDK_SK: pair.sk, ...DEDICATED });
      expect(code, output.slice(-4000)).toBe(0);
      expect(summary(output).passed).toBeGreaterThan(250);
      expect(output).not.toContain(pair.sk);
      expect(await storedApps(base, pair)).toEqual([0, 0, 0]);
    }, 180_000);

    it('through the validating proxy, AK/SK re-signed for this mock: passes, and the proxy finds no drift', async () => {
      const report = join(dir, 'proxy-report.json');
      const args = [
        MOCK_CLI,
        'proxy',
        base,
        '--credentials',
        join(dir, 'creds.json'),
        '--report',
        report,
        '--port',
        '0',
        '--',
        'npm',
        'run',
        '--silent',
        'test:conformance',
      ];
      const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
        execFile(
          process.execPath,
          args,
          {
            cwd: ROOT,
            env: shellEnv({ HUAWEICLOUD_SDK_AK: pair.ak, HUAWEICLOUD_SDK_SK: pair.sk, ...DEDICATED }),
            encoding: 'utf8',
            timeout: 170_000,
            maxBuffer: 64 * 1024 * 1024,
          },
          (error, stdout, stderr) => {
            resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}`.replace(ANSI, '') });
          },
        );
      });
      expect(code, output.slice(-4000)).toBe(0);
      expect(summary(output).passed).toBeGreaterThan(250);
      const written = JSON.parse(readFileSync(report, 'utf8'));
      expect(written.findings, JSON.stringify(written.findings.slice(0, 5))).toEqual([]);
      expect(written.exchanges).toBeGreaterThan(250);
      expect(`${output}${JSON.stringify(written)}`).not.toContain(pair.sk);
      expect(await storedApps(base, pair)).toEqual([0, 0, 0]);
    }, 180_000);

    it('with a wrong token: says so first, and exits non-zero before any test (the SDK name wins over the old one)', async () => {
      const { code, output } = await runConformance({ APIG_BASE_URL: base, HUAWEICLOUD_SDK_TOKEN: 'not-the-token', APIG_AUTH_TOKEN: 'trial-token' });
      expect(code).not.toBe(0);
      // The front door (APIGW.0301) or the APP API (APIG.1002) refuses it: either way a 401, said first.
      expect(output).toMatch(/answered 401 \((?:APIGW\.0301|APIG\.1002)[^)]*\) to a valid Create APP with the credentials given/);
      expect(output).not.toContain('No test files found');
      expect(output).not.toContain('not-the-token');
    }, 60_000);
  });

  it('with no credential: says what to set, first, and exits 2', async () => {
    const { code, output } = await runConformance({ APIG_BASE_URL: 'http://127.0.0.1:9', HUAWEICLOUD_SDK_AK: 'only-the-ak' });
    expect(code).toBe(2);
    expect(output.trim().split('\n')[0]).toBe('conformance: APIG_BASE_URL is set, but the target is not complete:');
    expect(output).toContain('HUAWEICLOUD_SDK_SK is missing');
    expect(output).not.toContain('only-the-ak');
  }, 60_000);
});

// docs/postman.md's newman command as a reader runs it: against a mock started by hand as the
// page says (`apig-app-mock serve --stateless`, a child process), with the local newman and the
// collection from this checkout in place of `npx newman@…` and node_modules. Every request must
// pass its tests, and the page must pin the newman this project tests with.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningChild, startChild } from '../helpers/child-process.js';
import { shellBlockAsRun } from '../helpers/readme.js';
import { ROOT } from '../../scripts/tools.mjs';

const execFileAsync = promisify(execFile);

let mock: RunningChild;
beforeAll(async () => {
  mock = await startChild(process.execPath, [join(ROOT, 'mock', 'cli.mjs'), 'serve', '--stateless', '--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
});
afterAll(async () => {
  await mock?.stop();
});

it('runs the whole collection against the mock as printed, every request passing its tests', { timeout: 120_000 }, async () => {
  const { printed, pinned, script } = shellBlockAsRun('docs/postman.md', 'Running it with newman', { pkg: 'newman', bin: 'newman', url: mock.match[1]! });
  expect(printed).toContain(`npx newman@${pinned} run`);
  const { stdout } = await execFileAsync('sh', ['-c', script], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  // newman's summary table: 66 requests, none failed, and as many assertions as it ran, none failed.
  expect(stdout).toMatch(/│\s+requests\s+│\s+66\s+│\s+0\s+│/);
  expect(stdout).toMatch(/│\s+assertions\s+│\s+\d+\s+│\s+0\s+│/);
});

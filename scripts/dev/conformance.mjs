#!/usr/bin/env node
// `npm run test:conformance [-- vitest flags]`: checks the target's environment first (a
// missing credential is the first thing said, not an error under vitest's "No test files
// found"), then runs the conformance project.
import { spawnSync } from 'node:child_process';
import { targetFromEnvironment } from './conformance-target.mjs';
import { ROOT, binOf } from '../tools.mjs';

try {
  targetFromEnvironment(process.env);
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(2);
}
const result = spawnSync(process.execPath, [binOf('vitest', 'vitest'), 'run', '--project', 'conformance', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);

// `npm run test:mutation`: Stryker over src/, incremental from the committed state
// (test/mutation/stryker-incremental.json) without rewriting it: Stryker renumbers its test ids
// on every run, so writing back each time would leave every checkout with a changed file.
// The run's own state goes to reports/mutation/. `--record` writes it back to be committed
// (after changing src/ or its tests; `--force --record` for a full run). Other flags go to Stryker.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, binOf } from './tools.mjs';

const COMMITTED = join(ROOT, 'test', 'mutation', 'stryker-incremental.json');
const RUN_STATE = join(ROOT, 'reports', 'mutation', 'stryker-incremental.json');

const args = process.argv.slice(2);
const record = args.includes('--record');
const strykerArgs = args.filter((arg) => arg !== '--record');

mkdirSync(join(ROOT, 'reports', 'mutation'), { recursive: true });
if (existsSync(COMMITTED)) copyFileSync(COMMITTED, RUN_STATE);
const run = spawnSync(process.execPath, [binOf('@stryker-mutator/core', 'stryker'), 'run', '--incrementalFile', RUN_STATE, ...strykerArgs], { cwd: ROOT, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
if (record) {
  copyFileSync(RUN_STATE, COMMITTED);
  console.log(`recorded the run's state in ${COMMITTED}: commit it with the change`);
}

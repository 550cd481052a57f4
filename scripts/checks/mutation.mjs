// `npm run test:mutation`: Stryker over the published runtime (src/, stryker.config.mjs) and the
// shipped mock (mock/, stryker.mock.config.mjs), each incremental from its committed state in
// mutation/ and each failing below a 90% score. The state is not rewritten on a plain run:
// Stryker renumbers its test ids on every run, so writing back each time would leave every
// checkout with a changed file. Each run's own state goes to reports/. `--record` writes it back
// to be committed (after changing src/, mock/ or their tests; `--force --record` for a full run).
// `--only src|mock` runs one of the two. Other flags go to Stryker.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, binOf } from '../tools.mjs';

const RUNS = {
  src: { config: 'stryker.config.mjs', committed: 'mutation/src.json', state: 'reports/mutation/stryker-incremental.json' },
  mock: { config: 'stryker.mock.config.mjs', committed: 'mutation/mock.json', state: 'reports/mutation-mock/stryker-incremental.json' },
};

const args = process.argv.slice(2);
const record = args.includes('--record');
const onlyAt = args.indexOf('--only');
const only = onlyAt === -1 ? undefined : args[onlyAt + 1];
if (onlyAt !== -1 && !(String(only) in RUNS)) {
  console.error(`test:mutation: --only takes ${Object.keys(RUNS).join(' or ')} (got ${only ?? 'nothing'})`);
  process.exit(2);
}
const strykerArgs = args.filter((arg, i) => arg !== '--record' && i !== onlyAt && i !== onlyAt + 1);

for (const [name, run] of Object.entries(RUNS)) {
  if (only && only !== name) continue;
  const committed = join(ROOT, run.committed);
  const state = join(ROOT, run.state);
  mkdirSync(dirname(state), { recursive: true });
  if (existsSync(committed)) copyFileSync(committed, state);
  console.log(`\ntest:mutation: ${name}/ (${run.config})`);
  const result = spawnSync(process.execPath, [binOf('@stryker-mutator/core', 'stryker'), 'run', run.config, '--incrementalFile', state, ...strykerArgs], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`test:mutation: ${name}/ failed (a score under 90%, or Stryker could not run): see above and ${dirname(state)}/index.html`);
    process.exit(result.status ?? 1);
  }
  if (record) {
    copyFileSync(state, committed);
    console.log(`recorded ${name}/'s state in ${run.committed}: commit it with the change`);
  }
}

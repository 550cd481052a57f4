// Mutation testing of the published runtime (src/): every mutant Stryker makes of the client,
// signer, validation and errors must fail a test. `npm run test:mutation` (scripts/checks/mutation.mjs)
// re-tests only the mutants a change touches; `-- --force` re-tests all; `-- --record` keeps
// the run's state in mutation/ to be committed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/**/*.ts', '!src/types.ts'],
  coverageAnalysis: 'perTest',
  checkers: [],
  concurrency: 2,
  thresholds: { high: 95, low: 90, break: 90 },
  incremental: true,
  // The committed state is mutation/src.json; scripts/checks/mutation.mjs runs
  // from a copy of it in reports/ (see there), so a plain `npx stryker run` uses that copy too.
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

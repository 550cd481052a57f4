// Mutation testing of the shipped mock (mock/): every mutant Stryker makes of its state, error
// mapping, credentials check, body reader and proxy must fail a test. Run with src/'s by
// `npm run test:mutation` (scripts/mutation.mjs), incrementally, each with its own state.
// Static mutants (code that runs only while a mock starts: loading Prism and the operations,
// reading a seed, building the pages) are ignored: each would re-run every suite, hours in
// all; the README gives their number. mock/cli.mjs, the bin's process wiring (signals, exit
// codes, printing), is tested as a child process (test/mock/mock-cli.test.ts), which Stryker
// cannot see; what it decides (the flags) is in cli-options.mjs, mutated here.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-mock.config.ts', related: false },
  mutate: ['mock/**/*.mjs', '!mock/cli.mjs'],
  ignoreStatic: true,
  incrementalFile: 'reports/mutation-mock/stryker-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-mock/index.html' },
  jsonReporter: { fileName: 'reports/mutation-mock/mutation.json' },
  tempDirName: '.stryker-tmp-mock',
};

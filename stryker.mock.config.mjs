// Mutation testing of the shipped mock (mock/): every mutant Stryker makes of its state, error
// mapping, credentials check, body reader and proxy must fail a test. Run with src/'s by
// `npm run test:mutation` (scripts/checks/mutation.mjs), incrementally, each with its own state.
// Static mutants (code that runs only while a mock starts: loading Prism and the operations,
// reading a seed, building the pages) are ignored: each would re-run every suite, hours in
// all; CONTRIBUTING.md gives their number. Left out of the mutated files, each tested in child
// processes, which Stryker cannot see: mock/cli.mjs, the bin's process wiring (signals, exit
// codes, printing; what it decides, the flags, is in cli/options.mjs, mutated here; the rest of cli/ is the wiring), and the
// two modules that only load Prism once per process (load-prism.mjs: where the engine is;
// defer-unused-modules.mjs: what it may skip loading, test/mock/core/defer-unused-modules.process.test.ts).
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation-mock.config.ts', related: false },
  mutate: ['mock/**/*.mjs', '!mock/cli.mjs', '!mock/cli/*.mjs', 'mock/cli/options.mjs', '!mock/core/load-prism.mjs', '!mock/core/defer-unused-modules.mjs'],
  ignoreStatic: true,
  incrementalFile: 'reports/mutation-mock/stryker-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-mock/index.html' },
  jsonReporter: { fileName: 'reports/mutation-mock/mutation.json' },
  tempDirName: '.stryker-tmp-mock',
};

// The suites Stryker runs against each mutant of mock/ (stryker.mock.config.mjs): those that
// start the mock in the test worker, where Stryker sees which test reaches which line. The
// conformance suite runs against mocks started by its in-process setup file; suites that run
// the mock as a child process (its CLI, npm start, plain Prism) cannot tell Stryker anything.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'mock',
          include: ['test/mock/**/*.test.ts', 'test/client/**/*.test.ts'],
          exclude: ['test/mock/mock-cli.test.ts', 'test/mock/plain-prism.test.ts', 'test/mock/rebuild-if-stale.test.ts', 'test/mock/defer-unused-modules.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'conformance', include: ['test/conformance/**/*.test.ts'], setupFiles: ['test/conformance/in-process-target.ts'] },
      },
    ],
  },
});

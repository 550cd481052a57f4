// The suites Stryker runs against each mutant of src/: the ones that exercise the runtime
// in-process (a mutant in a child process or a browser bundle would be invisible to it).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    include: ['test/auth/**/*.test.ts', 'test/client/**/*.test.ts'],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/conformance/**', 'test/portability/**'] },
      },
      {
        extends: true,
        // Other languages' and tools' verdicts on the rule table (Go, Python, Java, npm tools).
        test: { name: 'portability', include: ['test/portability/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          globalSetup: ['test/conformance/global-setup.ts'],
          // One file at a time: the suites share the target's APPs (a real gateway's too), and
          // two files creating the same name at once would see each other's APIG.3203.
          maxWorkers: 1,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

/** The suites that run the bin, npm, Chromium or a packed tarball: slow, so apart from the unit project. */
const OUT_OF_PROCESS = [
  'test/trial/**/*.test.ts',
  'test/package/**/*.test.ts',
  'test/docs/docs-browser.test.ts',
  'test/fuzz/**/*.test.ts',
  // A suite that runs a program of its own is named `*.process.test.ts` (see CONTRIBUTING).
  'test/**/*.process.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        // In-process suites: what `npm run check` runs while you work (a few minutes).
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/conformance/**', 'test/portability/**', ...OUT_OF_PROCESS] },
      },
      {
        extends: true,
        // Suites that start programs, browsers or installs: child processes, Chromium, packed tarballs.
        test: { name: 'processes', include: OUT_OF_PROCESS },
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

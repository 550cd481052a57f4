// The suites Stryker runs against each mutant of mock/ (stryker.mock.config.mjs): those that
// start the mock in the test worker, where Stryker sees which test reaches which line. The
// conformance suite runs against mocks started by its in-process setup file; suites that run
// the mock as a child process (its CLI, npm start, plain Prism) cannot tell Stryker anything.
// Fastest first (projects run in name order, and Stryker stops a mutant at its first failing
// test): the parts' own tests, then the servers over HTTP, then the conformance suite. A test
// a mutant makes hang fails after 10 s instead of the usual 30.
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The parts' own tests: every in-process suite (`*.test.ts` that is neither `.http.` nor `.process.`).
const PARTS = ['test/mock/**/*.test.ts'];
const NOT_PARTS = ['test/mock/**/*.http.test.ts', 'test/mock/**/*.process.test.ts'];

/** Within a project, the files that ran fastest last time first (unknown ones by size, smallest first). */
class FastFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const cost = (file: TestSpecification) => {
      const key = `${file.project.name}:${file.moduleId.slice(this.ctx.config.root.length + 1)}`;
      return this.ctx.cache.getFileTestResults(key)?.duration ?? this.ctx.cache.getFileStats(key)?.size ?? Number.MAX_SAFE_INTEGER;
    };
    const projects = [...new Set(sorted.map((file) => file.project.name))];
    return projects.flatMap((name) => sorted.filter((file) => file.project.name === name).sort((a, b) => cost(a) - cost(b)));
  }
}

export default defineConfig({
  test: {
    testTimeout: 10_000,
    sequence: { sequencer: FastFirst },
    projects: [
      { extends: true, test: { name: 'a-parts', include: PARTS, exclude: NOT_PARTS } },
      // Child processes (`*.process.test.ts`) are left out: Stryker cannot see into them.
      { extends: true, test: { name: 'b-servers', include: ['test/mock/**/*.http.test.ts'] } },
      { extends: true, test: { name: 'c-conformance', include: ['test/conformance/**/*.test.ts'], setupFiles: ['test/conformance/in-process-target.ts'] } },
    ],
  },
});

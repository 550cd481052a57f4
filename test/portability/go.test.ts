// Go: kin-openapi (the loader behind oapi-codegen) from Debian's packages, with Go's RE2.
// Loads each rendering, validates the document, and judges every case on every operation.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASE_SETS, disagreements, writeCasesFile } from './cases.js';
import { DOCUMENTS } from './documents.js';
import { runConsumer, toolchain } from './toolchain.js';

const PROGRAM_DIR = fileURLToPath(new URL('./consumers/go/', import.meta.url));
// Debian installs Go libraries as sources under /usr/share/gocode (GOPATH mode, no downloads).
const GO_ENV = { GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '' };
const go = toolchain('Go (kin-openapi)', ['go', 'list', 'github.com/getkin/kin-openapi/openapi3'], 'golang-go golang-github-getkin-kin-openapi-dev', GO_ENV);

describe.skipIf(!go.available)('Go: kin-openapi', () => {
  describe.each(DOCUMENTS)('$name', ({ path }) => {
    it('loads the document (every pattern compiles in RE2) and doc.Validate passes', () => {
      const report = runConsumer('go', ['run', 'main.go', path, writeCasesFile()], { env: GO_ENV, cwd: PROGRAM_DIR });
      expect(report.loadError).toBeUndefined();
      expect(report.loaded).toBe(true);
      expect(report.validate).toBe('ok');
    }, 120_000);

    describe.each(CASE_SETS)('$name', ({ operations, cases }) => {
      let report: { operations: Record<string, boolean[]> };
      beforeAll(() => {
        report = runConsumer('go', ['run', 'main.go', path, writeCasesFile(cases)], { env: GO_ENV, cwd: PROGRAM_DIR });
      }, 120_000);

      it.each(operations)('%s: every case gets the source pages’ verdict', (operation) => {
        expect(report.operations[operation], `no request body schema for ${operation}`).toBeDefined();
        expect(disagreements(report.operations[operation]!, cases)).toEqual([]);
      });
    });
  });
});

// Go: kin-openapi (the loader behind oapi-codegen) from Debian's packages, with Go's RE2.
// Loads each rendering, validates the document, and judges every case on every operation.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { disagreements, writeCasesFile } from './cases.js';
import { BODY_OPERATIONS, DOCUMENTS } from './documents.js';
import { runConsumer, toolchain } from './toolchain.js';

const PROGRAM_DIR = fileURLToPath(new URL('./consumers/go/', import.meta.url));
// Debian installs Go libraries as sources under /usr/share/gocode (GOPATH mode, no downloads).
const GO_ENV = { GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '' };
const go = toolchain('Go (kin-openapi)', ['go', 'list', 'github.com/getkin/kin-openapi/openapi3'], 'golang-go golang-github-getkin-kin-openapi-dev', GO_ENV);

describe.skipIf(!go.available)('Go: kin-openapi', () => {
  let casesFile: string;
  beforeAll(() => {
    casesFile = writeCasesFile();
  });

  describe.each(DOCUMENTS)('$name', ({ path }) => {
    let report: { loaded: boolean; loadError?: string; validate: string; operations: Record<string, boolean[]>; reasons: Record<string, string[]> };
    beforeAll(() => {
      report = runConsumer('go', ['run', 'main.go', path, casesFile], { env: GO_ENV, cwd: PROGRAM_DIR });
    }, 120_000);

    it('loads the document (every pattern compiles in RE2) and doc.Validate passes', () => {
      expect(report.loadError).toBeUndefined();
      expect(report.loaded).toBe(true);
      expect(report.validate).toBe('ok');
    });

    it.each(BODY_OPERATIONS)('%s: every case gets the source pages’ verdict', (operation) => {
      expect(report.operations[operation], `no request body schema for ${operation}`).toBeDefined();
      expect(disagreements(report.operations[operation]!)).toEqual([]);
    });
  });
});

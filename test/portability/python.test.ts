// Python: python-jsonschema from Debian's packages (Draft 2020-12 for the 3.1 rendering, draft 4
// for 3.0), whose `pattern` is Python's `re.search`: there `$` also matches before a final newline.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASE_SETS, disagreements, writeCasesFile } from './cases.js';
import { DOCUMENTS } from './documents.js';
import { runConsumer, toolchain } from './toolchain.js';

// Debian's python3 (not a pyenv one on PATH): that is where python3-jsonschema installs.
const PYTHON = '/usr/bin/python3';
const PROGRAM = fileURLToPath(new URL('./consumers/python/validate.py', import.meta.url));
const python = toolchain('Python (jsonschema)', [PYTHON, '-c', 'from jsonschema import Draft202012Validator'], 'python3 python3-jsonschema');

describe.skipIf(!python.available)('Python: python-jsonschema', () => {
  describe.each(DOCUMENTS.map((d, i) => ({ ...d, dialect: i === 0 ? '2020-12' : 'draft4' })))('$name ($dialect)', ({ path, dialect }) => {
    it('every request schema is valid for the dialect', () => {
      const report = runConsumer(PYTHON, ['-W', 'ignore', PROGRAM, path, writeCasesFile(), dialect]);
      expect(report.schemaErrors).toEqual([]);
    }, 60_000);

    describe.each(CASE_SETS)('$name', ({ operations, cases }) => {
      let report: { operations: Record<string, boolean[]> };
      beforeAll(() => {
        report = runConsumer(PYTHON, ['-W', 'ignore', PROGRAM, path, writeCasesFile(cases), dialect]);
      }, 60_000);

      it.each(operations)('%s: every case gets the source pages’ verdict', (operation) => {
        expect(report.operations[operation], `no request body schema for ${operation}`).toBeDefined();
        expect(disagreements(report.operations[operation]!, cases)).toEqual([]);
      });
    });
  });
});

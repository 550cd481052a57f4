// Python: python-jsonschema from Debian's packages (Draft 2020-12 for the 3.1 rendering, draft 4
// for 3.0), whose `pattern` is Python's `re.search`: there `$` also matches before a final newline.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { disagreements, writeCasesFile } from './cases.js';
import { BODY_OPERATIONS, DOCUMENTS } from './documents.js';
import { runConsumer, toolchain } from './toolchain.js';

// Debian's python3 (not a pyenv one on PATH): that is where python3-jsonschema installs.
const PYTHON = '/usr/bin/python3';
const PROGRAM = fileURLToPath(new URL('./consumers/python/validate.py', import.meta.url));
const python = toolchain('Python (jsonschema)', [PYTHON, '-c', 'from jsonschema import Draft202012Validator'], 'python3 python3-jsonschema');

describe.skipIf(!python.available)('Python: python-jsonschema', () => {
  let casesFile: string;
  beforeAll(() => {
    casesFile = writeCasesFile();
  });

  describe.each(DOCUMENTS.map((d, i) => ({ ...d, dialect: i === 0 ? '2020-12' : 'draft4' })))('$name ($dialect)', ({ path, dialect }) => {
    let report: { jsonschema: string; operations: Record<string, boolean[]>; schemaErrors: string[] };
    beforeAll(() => {
      report = runConsumer(PYTHON, ['-W', 'ignore', PROGRAM, path, casesFile, dialect]);
    }, 60_000);

    it('every request schema is valid for the dialect', () => {
      expect(report.schemaErrors).toEqual([]);
    });

    it.each(BODY_OPERATIONS)('%s: every case gets the source pages’ verdict', (operation) => {
      expect(report.operations[operation], `no request body schema for ${operation}`).toBeDefined();
      expect(disagreements(report.operations[operation]!)).toEqual([]);
    });
  });
});

// Where the released contract is kept, and how to bundle spec/ as it is now.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SPEC, binOf, runNode } from '../../tools.mjs';

export const BASELINE = join(ROOT, 'released', 'openapi.json');

/** The bundled document of spec/ as it is now (not generated/, which may be stale). */
export function bundleSpec() {
  const dir = mkdtempSync(join(tmpdir(), 'apig-diff-'));
  try {
    runNode(binOf('@redocly/cli', 'redocly'), ['bundle', SPEC, '--ext', 'json', '-o', join(dir, 'openapi.json')]);
    return JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

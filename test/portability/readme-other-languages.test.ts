// docs/other-languages.md's Go and Python recipe, run line by line exactly as printed from the
// repository's root: both programs judge the two bodies it writes, and agree with the source pages.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/tools.mjs';
import { codeBlocks, docText } from '../helpers/readme.js';
import { toolchain } from './toolchain.js';

const block = codeBlocks(docText('docs/other-languages.md'), 'sh').find((b) => b.includes('consumers/go/main.go')) ?? '';
const lines = block.split('\n').filter(Boolean);

const go = toolchain('Go (kin-openapi)', ['go', 'version'], 'golang-go golang-github-getkin-kin-openapi-dev');
const python = toolchain('Python (jsonschema)', ['python3', '-c', 'import jsonschema'], 'python3 python3-jsonschema');

describe.skipIf(!go.available || !python.available)('docs/other-languages.md: the Go and Python programs on your own cases', () => {
  it('has the three lines: the case file, Go, Python', () => {
    expect(lines).toHaveLength(3);
  });

  it('each prints its report with the verdicts the page states', () => {
    const run = (line: string) => execFileSync('bash', ['-e', '-c', line], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    run(lines[0]!);
    const goReport = JSON.parse(run(lines[1]!));
    expect(goReport).toMatchObject({ loaded: true, validate: 'ok' });
    expect(goReport.operations['POST /v1.0/apigw/apps']).toEqual([true, false]);
    expect(goReport.reasons['POST /v1.0/apigw/apps'][1]).toMatch(/\/name.*regular expression/);
    const pythonReport = JSON.parse(run(lines[2]!));
    expect(pythonReport.operations['POST /v1.0/apigw/apps']).toEqual([true, false]);
    expect(pythonReport.schemaErrors).toEqual([]);
  }, 120_000);
});

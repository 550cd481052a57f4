#!/usr/bin/env node
// `npm run diff`: compares spec/ with the last released contract (released/openapi.json) and
// fails on a breaking change unless the major version was bumped.
//   node scripts/checks/diff.mjs [--baseline FILE] [--current FILE]
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { BASELINE, bundleSpec } from './diff/baseline.mjs';
import { contractChanges, formatChange } from './diff/contract-diff.mjs';
import { ROOT } from '../tools.mjs';

/** @param {unknown} version */
const major = (version) => Number(String(version).split('.')[0]);

const { values } = parseArgs({ options: { baseline: { type: 'string' }, current: { type: 'string' } } });
const baselinePath = values.baseline ?? BASELINE;
const baseline = JSON.parse(readFileSync(baselinePath, 'utf8'));
const current = values.current ? JSON.parse(readFileSync(values.current, 'utf8')) : bundleSpec();
const packageVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

console.log(`Contract ${current.info.version} (${values.current ?? 'spec/'}) against released ${baseline.info.version} (${relative(ROOT, baselinePath)}):`);
const changes = contractChanges(baseline, current);
for (const change of changes) console.log(`  ${formatChange(change)}`);
const breaking = changes.filter((c) => c.breaking);

let failed = false;
if (!values.current && current.info.version !== packageVersion) {
  console.error(`spec/openapi.yaml info.version ${current.info.version} differs from package.json ${packageVersion}: keep them equal.`);
  failed = true;
}
if (changes.length === 0) console.log('  no change');
if (breaking.length === 0) {
  console.log(`No breaking change (${changes.length} compatible).`);
} else if (major(current.info.version) > major(baseline.info.version)) {
  console.log(
    `${breaking.length} breaking change(s), allowed: ${baseline.info.version} → ${current.info.version} is a major version. Record them in CHANGELOG.md.`,
  );
} else {
  console.error(
    `${breaking.length} breaking change(s) without a major version: bump the major version (package.json and info.version in spec/openapi.yaml) and describe them in CHANGELOG.md, or make the change compatible.`,
  );
  failed = true;
}
process.exitCode = failed ? 1 : 0;

#!/usr/bin/env node
// Lints spec/ with Spectral and Redocly, and the Arazzo workflows with Redocly, and fails on any
// problem, warnings included (Redocly alone exits 0 on warnings).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { bundleSpec } from './diff/baseline.mjs';
import { ROOT, binOf } from '../tools.mjs';

const env = { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
let failed = false;

// Spectral reads the bundled document: spec/ is split into a file per path whose $refs point
// back into the root, which Spectral's resolver does not follow (Redocly lints spec/ itself).
const bundleDir = mkdtempSync(join(tmpdir(), 'apig-lint-'));
const bundled = join(bundleDir, 'openapi.yaml');
writeFileSync(bundled, stringify(bundleSpec(), { lineWidth: 0 }));
const spectral = spawnSync(
  process.execPath,
  [binOf('@stoplight/spectral-cli', 'spectral'), 'lint', bundled, '--ruleset', join(ROOT, '.spectral.yaml'), '--fail-severity=hint'],
  { cwd: ROOT, encoding: 'utf8', env },
);
rmSync(bundleDir, { recursive: true, force: true });
process.stdout.write(`spectral: ${spectral.stdout.trim()}\n`);
if (spectral.status !== 0) {
  process.stderr.write(spectral.stderr);
  failed = true;
}

/**
 * `redocly lint` over `files` (none: the apis in redocly.yaml), failing on any problem.
 * @param {string} label
 * @param {string[]} files
 */
function redoclyLint(label, files) {
  const redocly = spawnSync(process.execPath, [binOf('@redocly/cli', 'redocly'), 'lint', '--format=json', ...files], { cwd: ROOT, encoding: 'utf8', env });
  let report;
  try {
    report = JSON.parse(redocly.stdout);
  } catch {
    process.stderr.write(`redocly lint gave no report (exit ${redocly.status}):\n${redocly.stdout}\n${redocly.stderr}\n`);
    process.exit(1);
  }
  const { errors, warnings } = report.totals;
  console.log(`redocly (${label}): ${errors} errors, ${warnings} warnings`);
  for (const p of report.problems) {
    const where = p.location?.[0]?.pointer ?? '';
    console.log(`  ${p.severity} ${p.ruleId}: ${p.message} ${where}`);
  }
  if (errors + warnings > 0 || redocly.status !== 0) failed = true;
}

redoclyLint('spec/', []);
// The Arazzo workflows (workflows/, run by `redocly respect` in test/workflows/).
const workflows = readdirSync(join(ROOT, 'workflows')).filter((name) => name.endsWith('.arazzo.yaml'));
if (workflows.length === 0) {
  process.stderr.write('lint: workflows/ holds no *.arazzo.yaml\n');
  failed = true;
}
// One file a run: given several, Redocly prints a JSON report for each, one after the other.
for (const name of workflows) redoclyLint(`workflows/${name}`, [join('workflows', name)]);

process.exitCode = failed ? 1 : 0;

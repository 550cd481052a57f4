#!/usr/bin/env node
// Fails, naming each file, when generated/ is not exactly what spec/ produces now.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REVIEW_SHEETS, generate } from '../generate/index.mjs';
import { htmlDigest, printedFrom } from '../generate/print-pdf.mjs';
import { GENERATED, ROOT } from '../tools.mjs';

/**
 * Every file under `dir`, relative to `base`.
 * @param {string} dir
 * @param {string} [base]
 * @returns {string[]}
 */
function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [relative(base, full)];
  });
}

// PDFs are printed by the local Chromium, whose bytes vary between versions: they are checked
// by the digest of the HTML they were printed from (see print-pdf.mjs), not byte for byte.
/** @param {string} file */
const isPdf = (file) => file.endsWith('.pdf');

/**
 * @param {string} expectedDir what spec/ gives now
 * @param {string} actualDir generated/
 */
export function compareTrees(expectedDir, actualDir) {
  const expected = new Set(listFiles(expectedDir).filter((f) => !isPdf(f)));
  const actual = new Set(listFiles(actualDir).filter((f) => !isPdf(f)));
  /** @type {string[]} */
  const problems = [];
  for (const file of [...expected].sort()) {
    if (!actual.has(file)) problems.push(`missing: generated/${file}`);
    else if (!readFileSync(join(expectedDir, file)).equals(readFileSync(join(actualDir, file)))) {
      problems.push(`stale:   generated/${file}`);
    }
  }
  for (const file of [...actual].sort()) {
    if (!expected.has(file)) problems.push(`extra:   generated/${file} (spec/ does not produce it)`);
  }
  return problems;
}

/**
 * Each review sheet's PDF must have been printed from the sheet spec/ gives now.
 * @param {string} expectedDir
 * @param {string} actualDir
 */
export function stalePdfs(expectedDir, actualDir) {
  return Object.values(REVIEW_SHEETS).flatMap(({ dir }) => {
    const pdf = join(actualDir, dir, 'review.pdf');
    if (!existsSync(pdf)) return [`missing: generated/${dir}/review.pdf`];
    const html = readFileSync(join(expectedDir, dir, 'index.html'), 'utf8');
    return printedFrom(readFileSync(pdf)) === htmlDigest(html) ? [] : [`stale:   generated/${dir}/review.pdf (printed from another review sheet)`];
  });
}

const fresh = mkdtempSync(join(tmpdir(), 'apig-generated-'));
try {
  await generate(fresh, { pdf: false });
  const problems = [...compareTrees(fresh, GENERATED), ...stalePdfs(fresh, GENERATED)];
  if (problems.length > 0) {
    console.error(`generated/ does not match spec/ (run \`npm run generate\` and commit):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`generated/ is up to date with spec/ (${relative(ROOT, GENERATED)}/, ${listFiles(GENERATED).length} files).`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}

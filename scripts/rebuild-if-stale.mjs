// Rebuilds generated/ when anything it is made from is newer than it (or it is missing).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.mjs';
import { CHROMIUM, CHROMIUM_HINT, haveChromium } from './print-pdf.mjs';
import { GENERATED, ROOT } from './tools.mjs';

const INPUTS = ['spec', 'redocly.yaml', 'scripts/generate.mjs', 'scripts/generate-validator.mjs', 'scripts/translations.mjs', 'scripts/docs-template.hbs', 'scripts/down-convert.mjs', 'scripts/review-sheet.mjs', 'scripts/print-pdf.mjs', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function oldestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.min(...readdirSync(path).map((name) => oldestMtime(join(path, name))));
}

/** Rebuilds `generatedDir` when it is missing or older than its inputs; says whether it did. */
export async function rebuildIfStale(generatedDir = GENERATED) {
  const inputs = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  const outputs = existsSync(join(generatedDir, 'openapi.yaml')) ? oldestMtime(generatedDir) : 0;
  if (outputs >= inputs) return false;
  console.log('generated/ is older than spec/: rebuilding…');
  if (!haveChromium()) console.warn(`review sheet PDFs not printed (${CHROMIUM} not found: ${CHROMIUM_HINT}); the HTML sheets are rebuilt.`);
  await generate(generatedDir, { pdf: haveChromium() });
  return true;
}

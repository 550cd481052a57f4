// Rebuilds generated/ when what it is made from changed since it was built (or it is
// missing), judged by content: generated/inputs.sha256 against the inputs' digest now. File
// times say nothing after a git clone. The generator (1.3 s to import) is loaded only when
// a rebuild is due, so an up-to-date `npm start` starts as fast as the bare mock.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inputsDigest, recordedDigest } from '../generate/inputs-digest.mjs';
import { GENERATED, ROOT, runNode } from '../tools.mjs';

/**
 * Why `generatedDir` must be rebuilt, or undefined when it matches the inputs.
 * @param {string} [generatedDir]
 * @param {string} [root]
 */
export function stalenessOf(generatedDir = GENERATED, root = ROOT) {
  if (!existsSync(join(generatedDir, 'openapi.json'))) return 'generated/ is missing';
  const recorded = recordedDigest(generatedDir);
  if (recorded === undefined) return 'generated/ records no inputs digest';
  return recorded === inputsDigest(root) ? undefined : 'spec/ or the generator changed since generated/ was built';
}

/**
 * Rebuilds `generatedDir` when it is stale; says whether it did.
 * @param {string} [generatedDir]
 */
export async function rebuildIfStale(generatedDir = GENERATED) {
  const why = stalenessOf(generatedDir);
  if (!why) return false;
  console.log(`${why}: rebuilding…`);
  const [{ generate }, { CHROMIUM, CHROMIUM_HINT, haveChromium }] = await Promise.all([import('../generate/index.mjs'), import('../generate/print-pdf.mjs')]);
  if (!haveChromium()) console.warn(`review sheet PDFs not printed (${CHROMIUM} not found: ${CHROMIUM_HINT}); the HTML sheets are rebuilt.`);
  await generate(generatedDir, { pdf: haveChromium() });
  // dist/ holds a copy of the validator the mock checks seeds with: keep it in step.
  if (generatedDir === GENERATED) runNode(join(ROOT, 'scripts', 'generate', 'build.mjs'), []);
  return true;
}

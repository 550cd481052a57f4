// What generated/ is made from, and one digest of their content. generate writes it to
// generated/inputs.sha256; `npm start` compares it with the inputs as they are now to decide
// whether to rebuild. Content, not file times: git does not keep times, so after a clone
// generated/ may look older than spec/ though it is exactly what spec/ produces.
// Only node built-ins here: `npm start` reads this before anything else and must start fast.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The files and folders generated/ is derived from (the generating tools' versions are checked by check:generated). */
export const INPUTS = [
  'spec',
  'redocly.yaml',
  'scripts/generate/index.mjs',
  'scripts/generate/request-rules.mjs',
  'scripts/generate/postman.mjs',
  'scripts/generate/postman-scripts.mjs',
  'scripts/generate/translations.mjs',
  'scripts/generate/docs-template.hbs',
  'scripts/generate/down-convert.mjs',
  'scripts/generate/review-sheet.mjs',
  'scripts/generate/print-pdf.mjs',
  'scripts/generate/json-pointer.mjs',
  'scripts/generate/inputs-digest.mjs',
  'mock/core/prism-operations.mjs',
  'mock/core/load-prism.mjs',
  'mock/core/defer-unused-modules.mjs',
];

/** The file in generated/ that records the digest of the inputs it was made from. */
export const DIGEST_FILE = 'inputs.sha256';

/**
 * @param {string} path
 * @returns {string[]}
 */
function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/**
 * One line: the SHA-256 over every input file's path and bytes, in a fixed order.
 * @param {string} root
 */
export function inputsDigest(root) {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(root, input)))) {
    const name = relative(root, file).split(sep).join('/');
    hash.update(`${name}\0${createHash('sha256').update(readFileSync(file)).digest('hex')}\n`);
  }
  return `${hash.digest('hex')}\n`;
}

/**
 * The digest generated/ records, or undefined when it has none.
 * @param {string} generatedDir
 */
export function recordedDigest(generatedDir) {
  const file = join(generatedDir, DIGEST_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

// Prism's reading of the document (its operations, dereferenced) costs 0.2 s of the mock's
// start. `npm run generate` stores it, without its prose, in generated/prism-operations.json with the digest of the
// openapi.json it was read from and the Prism engine's version; the mock uses it only when both
// match, and otherwise reads the document as plain Prism does.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const OPERATIONS_FILE = 'prism-operations.json';

/** @param {import('node:crypto').BinaryLike} bytes */
const digestOf = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Prose Prism neither matches, validates nor answers with: left out of the stored reading. */
const PROSE = new Set(['description', 'summary']);

/**
 * The operations without their prose (descriptions and summaries, and the x-rule-* wording the
 * client's validator reads from the document): it was two fifths of the file, and the package's
 * size grows with every operation. Property names are kept, whatever they are called.
 * @param {unknown} node
 * @param {string} [parentKey]
 * @returns {unknown}
 */
export function withoutProse(node, parentKey) {
  if (Array.isArray(node)) return node.map((item) => withoutProse(item));
  if (!node || typeof node !== 'object') return node;
  /** @type {(key: string, value: unknown) => boolean} */
  const keep = parentKey === 'properties' ? () => true : (key, value) => !(PROSE.has(key) && typeof value === 'string') && !key.startsWith('x-rule-');
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => keep(key, value))
      .map(([key, value]) => [key, withoutProse(value, key)]),
  );
}

/**
 * What generated/prism-operations.json holds: `{ prismHttp, document, operations }`.
 * @param {import('node:crypto').BinaryLike} documentBytes
 * @param {string} prismHttpVersion
 * @param {unknown[]} operations
 */
export function operationsRecord(documentBytes, prismHttpVersion, operations) {
  return { prismHttp: prismHttpVersion, document: digestOf(documentBytes), operations: withoutProse(operations) };
}

/**
 * The operations of `generatedDir/openapi.json` for Prism's engine `prism` (version
 * `prismHttpVersion`): the stored reading when it was made from these bytes by this version
 * (and so what the engine would read).
 * @template Operation
 * @param {{ getHttpOperationsFromSpec(file: string): Promise<Operation[]> }} prism
 * @param {string} generatedDir
 * @param {string} prismHttpVersion
 * @returns {Promise<Operation[]>}
 */
export async function loadOperations(prism, generatedDir, prismHttpVersion) {
  const documentFile = join(generatedDir, 'openapi.json');
  const stored = join(generatedDir, OPERATIONS_FILE);
  if (existsSync(stored)) {
    try {
      const record = JSON.parse(readFileSync(stored, 'utf8'));
      if (record.prismHttp === prismHttpVersion && record.document === digestOf(readFileSync(documentFile)) && Array.isArray(record.operations))
        return record.operations;
    } catch {
      // unreadable: read the document instead
    }
  }
  return prism.getHttpOperationsFromSpec(documentFile);
}

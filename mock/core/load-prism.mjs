// Prism's engine (@stoplight/prism-http), loaded for the mock with the libraries it never uses
// deferred (./defer-unused-modules.mjs). It is an optional peer dependency: client-only
// installs never pull it in, and without it the mock says exactly what to install.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { deferUnusedModules } from './defer-unused-modules.mjs';

export const PRISM_PACKAGE = '@stoplight/prism-http@5.12.0';

/**
 * `{ prism, version }`: the engine's exports and its installed version.
 * @returns {Promise<{ prism: typeof import('@stoplight/prism-http'), version: string }>}
 */
export async function loadPrism() {
  let entry;
  try {
    entry = createRequire(import.meta.url).resolve('@stoplight/prism-http');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException | undefined} */ (error)?.code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(`the mock needs Prism's engine, which client-only installs leave out: npm install --save-dev ${PRISM_PACKAGE}`);
  }
  deferUnusedModules(entry);
  const { version } = createRequire(entry)('../package.json');
  return { prism: await import(pathToFileURL(entry).href), version };
}

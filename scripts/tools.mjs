// Paths and command runners shared by the dev-time scripts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SPEC = join(ROOT, 'spec', 'openapi.yaml');
export const GENERATED = join(ROOT, 'generated');

const require = createRequire(import.meta.url);

/**
 * The package's package.json, also for packages whose `exports` do not list it.
 * @param {string} pkg
 */
function manifestOf(pkg) {
  try {
    return require.resolve(`${pkg}/package.json`);
  } catch {
    const dirs = require.resolve.paths(pkg) ?? [];
    const found = dirs.map((dir) => join(dir, pkg, 'package.json')).find((file) => existsSync(file));
    if (!found) throw new Error(`${pkg} is not installed: run npm ci`);
    return found;
  }
}

/**
 * Absolute path of a package's CLI entry, so scripts work outside `npm run` too.
 * @param {string} pkg
 * @param {string} name the bin's name (when the package has more than one)
 */
export function binOf(pkg, name) {
  const manifestPath = manifestOf(pkg);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const rel = typeof bin === 'string' ? bin : bin[name];
  return join(dirname(manifestPath), rel);
}

/**
 * Runs a node CLI; throws with its output when it fails.
 * @param {string} cliPath
 * @param {string[]} args
 * @param {{ quiet?: boolean }} [options] quiet: do not print its output
 */
export function runNode(cliPath, args, { quiet = true } = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_TELEMETRY: 'off' },
  });
  if (result.status !== 0) {
    throw new Error(`${cliPath} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  if (!quiet) process.stdout.write(result.stdout);
  return result;
}

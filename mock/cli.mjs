#!/usr/bin/env node
// The package's bin, `apig-app-mock` (`npm start` / `npm run mock` in the repository):
//   apig-app-mock [serve] …                 the mock, the docs and the bundled document
//   apig-app-mock proxy <upstream URL> …    the validating proxy
// (`--help` prints the flags; ./cli/options.mjs reads them.) PORT and HOST set the defaults; flags win.
import module from 'node:module';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Node ≥ 22.1 keeps the compiled code of the modules it loads (Prism's engine is most of the
// start) in its compile cache, so a second start is about a quarter faster. Node 20 has no
// such cache; there this is a no-op. The mock's modules load after it, hence the dynamic imports.
/** @type {typeof module & { enableCompileCache?: () => unknown }} (Node 20's types do not have it) */ (module).enableCompileCache?.();
const { USAGE, cliOptions } = await import('./cli/options.mjs');

/**
 * Parses `args` and starts the program they name; exits 1 with a message on a bad flag.
 * @param {string[]} [args]
 */
export async function main(args = process.argv.slice(2)) {
  try {
    const settings = cliOptions(args);
    if (settings.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (settings.deprecated) console.error(settings.deprecated);
    // The proxy's settings have its upstream (./cli/options.mjs refuses `proxy` without one).
    if (settings.mode === 'proxy') return await (await import('./cli/proxy.mjs')).serveProxy(/** @type {typeof settings & { proxy: string }} */ (settings));
    return await (await import('./cli/serve.mjs')).serveMock(settings);
  } catch (error) {
    const thrown = /** @type {NodeJS.ErrnoException | undefined} */ (error);
    console.error(`mock: ${thrown?.code === 'EADDRINUSE' ? `${thrown.message} (is another mock running? use --port)` : (thrown?.message ?? error)}`);
    process.exit(1);
  }
}

// Run as a program (the bin, or `node mock/cli.mjs`), not when imported.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

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
module.enableCompileCache?.();
const { USAGE, cliOptions } = await import('./cli/options.mjs');

/** Parses `args` and starts the program they name; exits 1 with a message on a bad flag. */
export async function main(args = process.argv.slice(2)) {
  try {
    const settings = cliOptions(args);
    if (settings.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (settings.deprecated) console.error(settings.deprecated);
    if (settings.mode === 'proxy') return await (await import('./cli/proxy.mjs')).serveProxy(settings);
    return await (await import('./cli/serve.mjs')).serveMock(settings);
  } catch (error) {
    console.error(`mock: ${error?.code === 'EADDRINUSE' ? `${error.message} (is another mock running? use --port)` : (error?.message ?? error)}`);
    process.exit(1);
  }
}

// Run as a program (the bin, or `node mock/cli.mjs`), not when imported.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

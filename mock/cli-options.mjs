// The flags of `apig-app-mock` (./cli.mjs): parsed, each file read and checked, every wrong
// combination refused with a message naming the flag, before the mock or the proxy starts.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCredentials } from './credentials.mjs';

export const USAGE = 'usage: apig-app-mock [--port N] [--host H] [--stateless] [--quota N] [--seed apps.json] [--credentials creds.json]  (env: PORT, HOST)\n       apig-app-mock --proxy <upstream URL> [--report report.json] [--credentials creds.json] [--har traffic.har] [--junit drift.xml] [--compare [--seed seed.json]] [--strict] [--fail-on-outside] [--ca ca.pem] [--port N] [--host H] [-- <command> …]  (the contract in the request path; AK/SK requests re-signed with --credentials or HUAWEICLOUD_SDK_AK/SK; with a command, runs it against the proxy and exits non-zero on drift in the contract’s operations, or on any traffic outside the contract with --fail-on-outside)';

/** A flag's JSON file, read; a missing or broken one is an Error naming the flag and the file. */
function jsonFile(flag, path) {
  try {
    // Stryker disable next-line StringLiteral: without an encoding JSON.parse reads the Buffer as UTF-8 text all the same
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${flag} ${path}: ${error.code === 'ENOENT' ? 'no such file' : `not JSON (${error.message})`}`);
  }
}

/**
 * The bin's settings from its arguments and environment (PORT, HOST): every file named is read
 * and checked here, so a bad flag is refused with a message before anything listens.
 * @param {string[]} allArgs
 * @param {Record<string, string | undefined>} [env]
 */
export function cliOptions(allArgs, env = process.env) {
  // `-- <command> …`: run that command through the proxy.
  const end = allArgs.indexOf('--');
  const [args, command] = end === -1 ? [allArgs, []] : [allArgs.slice(0, end), allArgs.slice(end + 1)];
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      stateless: { type: 'boolean', default: false },
      quota: { type: 'string' },
      seed: { type: 'string' },
      credentials: { type: 'string' },
      proxy: { type: 'string' },
      report: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'fail-on-outside': { type: 'boolean', default: false },
      ca: { type: 'string' },
      har: { type: 'string' },
      compare: { type: 'boolean', default: false },
      junit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  if (values.proxy === undefined && (values.report !== undefined || values.har !== undefined || values.junit !== undefined || values.strict || values['fail-on-outside'] || values.compare || values.ca !== undefined || command.length > 0)) throw new Error('--report, --har, --junit, --strict, --fail-on-outside, --compare, --ca and -- <command> go with --proxy <upstream URL>');
  let ca;
  if (values.ca !== undefined) {
    try {
      ca = readFileSync(values.ca, 'utf8');
    } catch (error) {
      throw new Error(`--ca ${values.ca}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`--ca ${values.ca}: expected PEM certificates (-----BEGIN CERTIFICATE-----)`);
  }
  if (values.proxy !== undefined) {
    // --seed goes with --compare: it starts the mock the answers are compared with.
    // Stryker disable next-line ArrayDeclaration: a name in the list that is no flag reads as unset and is filtered out, so [] and ['x'] are the same
    const mockOnly = ['stateless', 'quota', ...(values.compare ? [] : ['seed'])].filter((flag) => values[flag] !== undefined && values[flag] !== false);
    if (mockOnly.length > 0) throw new Error(`--proxy forwards to a gateway; ${mockOnly.map((f) => `--${f}`).join(', ')} ${mockOnly.length > 1 ? 'are' : 'is'} for the mock`);
  }
  const rawPort = values.port ?? env.PORT ?? '4010';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`--port/PORT must be a port number from 0 to 65535 (got ${JSON.stringify(rawPort)})`);
  const quota = values.quota === undefined ? undefined : Number(values.quota);
  if (quota !== undefined && (!Number.isSafeInteger(quota) || quota < 0)) throw new Error(`--quota must be a whole number of APPs per tenant (got ${JSON.stringify(values.quota)})`);
  const seed = values.seed === undefined ? undefined : jsonFile('--seed', values.seed);
  if (seed !== undefined) {
    if (!Array.isArray(seed) || !seed.every((t) => typeof t?.tenant === 'string' && Array.isArray(t.apps) && t.apps.every((a) => typeof a?.name === 'string'))) {
      throw new Error(`--seed ${values.seed}: expected [{ "tenant": "v2 <project_id> <instance_id>", "apps": [{ "name": "…" }] }] (or "v1 <project_id> <instance_id>", "v1.0 <token or AK>")`);
    }
  }
  const credentials = values.credentials === undefined ? undefined : jsonFile('--credentials', values.credentials);
  if (credentials !== undefined) parseCredentials(credentials, `--credentials ${values.credentials}`); // says what is wrong, before listening
  return { port, host: values.host ?? env.HOST ?? '127.0.0.1', stateless: values.stateless, quota, seed, credentials, proxy: values.proxy, report: values.report, har: values.har, junit: values.junit, strict: values.strict, failOnOutside: values['fail-on-outside'], compare: values.compare, ca, command };
}

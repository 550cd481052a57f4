// The arguments of `apig-app-mock` (../cli.mjs): the subcommand (`serve`, the default, or
// `proxy <upstream URL>`), its flags, each file read and checked, every wrong combination
// refused with a message naming the flag, before the mock or the proxy starts.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCredentials } from '../core/credentials.mjs';

export const USAGE = `usage: apig-app-mock [serve] [--port N] [--host H] [--stateless] [--quota N] [--seed apps.json] [--credentials creds.json]  (env: PORT, HOST)
       apig-app-mock proxy <upstream URL> [--report report.json] [--credentials creds.json] [--har traffic.har] [--junit drift.xml] [--compare [--seed seed.json]] [--strict] [--fail-on-outside] [--ca ca.pem] [--port N] [--host H] [-- <command> …]
serve: the mock (stateful; --stateless answers the pages' examples).
proxy: the contract in the request path; AK/SK requests re-signed with --credentials or HUAWEICLOUD_SDK_AK/SK; with a command, runs it against the proxy and exits non-zero on drift in the contract’s operations, or on any traffic outside the contract with --fail-on-outside.
(apig-app-mock --proxy <upstream URL> … is the proxy too, until 3.0.0.)`;

const SUBCOMMANDS = ['serve', 'proxy'];
const PROXY_ONLY = ['report', 'har', 'junit', 'strict', 'fail-on-outside', 'compare', 'ca'];
/** What `--proxy <URL>` says once: the flag still works, the subcommand is the way. */
export const PROXY_FLAG_DEPRECATION = 'apig-app-mock: --proxy <URL> is deprecated and goes in 3.0.0; use apig-app-mock proxy <URL>';

/**
 * The settings of a run of the bin (`help` aside). `proxy` is the upstream URL, given in proxy mode.
 * @typedef {object} CliSettings
 * @property {undefined} [help]
 * @property {'serve' | 'proxy'} mode
 * @property {string | undefined} deprecated a line to print
 * @property {number} port
 * @property {string} host
 * @property {boolean} stateless
 * @property {number | undefined} quota
 * @property {import('../server/types.d.mts').MockSeedTenant[] | undefined} seed
 * @property {import('../server/types.d.mts').MockCredentials | undefined} credentials
 * @property {string | undefined} proxy
 * @property {string | undefined} report
 * @property {string | undefined} har
 * @property {string | undefined} junit
 * @property {boolean} strict
 * @property {boolean} failOnOutside
 * @property {boolean} compare
 * @property {string | undefined} ca the PEM text
 * @property {string[]} command what to run through the proxy
 */

/**
 * A flag's JSON file, read; a missing or broken one is an Error naming the flag and the file.
 * @param {string} flag
 * @param {string} path
 * @returns {any} JSON as parsed: each caller checks its shape
 */
function jsonFile(flag, path) {
  try {
    // Stryker disable next-line StringLiteral: without an encoding JSON.parse reads the Buffer as UTF-8 text all the same
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `${flag} ${path}: ${/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT' ? 'no such file' : `not JSON (${/** @type {Error} */ (error).message})`}`,
    );
  }
}

/**
 * The flags every subcommand's parser knows (a flag of the other one is refused by name below).
 * @satisfies {import('node:util').ParseArgsConfig['options']}
 */
const FLAGS = {
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
};

/**
 * Which program: `serve` (also with no subcommand), `proxy <URL>`, or the `--proxy <URL>` flag
 * of 2.x (deprecated). Returns the mode and, for the proxy, its upstream.
 * @param {string[]} positionals
 * @param {string | undefined} proxyFlag
 * @returns {{ mode: 'serve' | 'proxy', upstream: string | undefined, deprecated: string | undefined }}
 */
function subcommandOf(positionals, proxyFlag) {
  const [name, ...rest] = positionals;
  if (name !== undefined && !SUBCOMMANDS.includes(name))
    throw new Error(`unknown command ${JSON.stringify(name)}: apig-app-mock serve | apig-app-mock proxy <upstream URL> (--help shows the flags)`);
  if (name === 'proxy') {
    if (proxyFlag !== undefined) throw new Error('apig-app-mock proxy takes its upstream URL once: apig-app-mock proxy <upstream URL>, without --proxy');
    if (rest.length !== 1)
      throw new Error(
        `apig-app-mock proxy takes one upstream URL, e.g. apig-app-mock proxy https://apig.cn-north-4.myhuaweicloud.com (got ${rest.length === 0 ? 'none' : rest.map((arg) => JSON.stringify(arg)).join(' ')})`,
      );
    return { mode: 'proxy', upstream: rest[0], deprecated: undefined };
  }
  if (rest.length > 0)
    throw new Error(`apig-app-mock ${name ?? 'serve'} takes no ${JSON.stringify(rest[0])} (a command to run goes after --, with apig-app-mock proxy)`);
  if (proxyFlag === undefined) return { mode: 'serve', upstream: undefined, deprecated: undefined };
  if (name === 'serve') throw new Error('apig-app-mock serve is the mock; --proxy <upstream URL> goes with apig-app-mock proxy <upstream URL>');
  return { mode: 'proxy', upstream: proxyFlag, deprecated: PROXY_FLAG_DEPRECATION };
}

/**
 * Refuses the flags of the other program, naming them.
 * @param {'serve' | 'proxy'} mode
 * @param {Record<string, string | boolean | undefined>} values
 * @param {string[]} command
 */
function refuseOtherProgramsFlags(mode, values, command) {
  if (mode === 'serve') {
    if (PROXY_ONLY.some((flag) => values[flag] !== undefined && values[flag] !== false) || command.length > 0)
      throw new Error('--report, --har, --junit, --strict, --fail-on-outside, --compare, --ca and -- <command> go with apig-app-mock proxy <upstream URL>');
    return;
  }
  // --seed goes with --compare: it starts the mock the answers are compared with.
  // Stryker disable next-line ArrayDeclaration: a name in the list that is no flag reads as unset and is filtered out, so [] and ['x'] are the same
  const mockOnly = ['stateless', 'quota', ...(values.compare ? [] : ['seed'])].filter((flag) => values[flag] !== undefined && values[flag] !== false);
  if (mockOnly.length > 0)
    throw new Error(
      `the proxy forwards to a gateway; ${mockOnly.map((f) => `--${f}`).join(', ')} ${mockOnly.length > 1 ? 'are' : 'is'} for the mock (apig-app-mock serve)`,
    );
}

/**
 * The --ca file's PEM text; a missing file or one with no certificate is refused by name.
 * @param {string | undefined} path
 */
function caOf(path) {
  if (path === undefined) return undefined;
  let ca;
  try {
    ca = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--ca ${path}: ${/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT' ? 'no such file' : /** @type {Error} */ (error).message}`);
  }
  if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`--ca ${path}: expected PEM certificates (-----BEGIN CERTIFICATE-----)`);
  return ca;
}

/** @param {string} rawPort */
function portOf(rawPort) {
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`--port/PORT must be a port number from 0 to 65535 (got ${JSON.stringify(rawPort)})`);
  return port;
}

/** @param {string | undefined} raw */
function quotaOf(raw) {
  const quota = raw === undefined ? undefined : Number(raw);
  if (quota !== undefined && (!Number.isSafeInteger(quota) || quota < 0))
    throw new Error(`--quota must be a whole number of APPs per tenant (got ${JSON.stringify(raw)})`);
  return quota;
}

/**
 * @param {string | undefined} path
 * @returns {import('../server/types.d.mts').MockSeedTenant[] | undefined} the seed, in its shape (its APPs are checked as the mock starts)
 */
function seedOf(path) {
  const seed = path === undefined ? undefined : jsonFile('--seed', path);
  if (
    seed !== undefined &&
    !(
      Array.isArray(seed) &&
      seed.every(
        (t) =>
          typeof t?.tenant === 'string' && Array.isArray(t.apps) && t.apps.every((/** @type {{ name?: unknown } | null} */ a) => typeof a?.name === 'string'),
      )
    )
  ) {
    throw new Error(
      `--seed ${path}: expected [{ "tenant": "v2 <project_id> <instance_id>", "apps": [{ "name": "…" }] }] (or "v1 <project_id> <instance_id>", "v1.0 <token or AK>")`,
    );
  }
  return seed;
}

/**
 * @param {string | undefined} path
 * @returns {import('../server/types.d.mts').MockCredentials | undefined}
 */
function credentialsOf(path) {
  const credentials = path === undefined ? undefined : jsonFile('--credentials', path);
  if (credentials !== undefined) parseCredentials(credentials, `--credentials ${path}`); // says what is wrong, before listening
  return credentials;
}

/**
 * The bin's settings from its arguments and environment (PORT, HOST): every file named is read
 * and checked here, so a bad flag is refused with a message before anything listens.
 * `mode` is 'serve' or 'proxy'; `proxy` is the upstream URL; `deprecated` a line to print.
 * @param {string[]} allArgs
 * @param {Record<string, string | undefined>} [env]
 * @returns {({ help: true } & { [K in Exclude<keyof CliSettings, 'help'>]?: undefined }) | CliSettings}
 */
export function cliOptions(allArgs, env = process.env) {
  // `-- <command> …`: run that command through the proxy.
  const end = allArgs.indexOf('--');
  const [args, command] = end === -1 ? [allArgs, []] : [allArgs.slice(0, end), allArgs.slice(end + 1)];
  const { values, positionals } = parseArgs({ args, options: FLAGS, allowPositionals: true });
  if (values.help) return { help: true };
  const { mode, upstream, deprecated } = subcommandOf(positionals, values.proxy);
  refuseOtherProgramsFlags(mode, values, command);
  const ca = caOf(values.ca);
  return {
    mode,
    deprecated,
    port: portOf(values.port ?? env.PORT ?? '4010'),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    stateless: values.stateless,
    quota: quotaOf(values.quota),
    seed: seedOf(values.seed),
    credentials: credentialsOf(values.credentials),
    proxy: upstream,
    report: values.report,
    har: values.har,
    junit: values.junit,
    strict: values.strict,
    failOnOutside: values['fail-on-outside'],
    compare: values.compare,
    ca,
    command,
  };
}

// `apig-app-mock proxy <upstream URL>`: starts the validating proxy, runs the command after `--`
// against it if one is given, and at the end prints one line, writes the reports and exits
// non-zero on drift.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { startProxy } from '../proxy/index.mjs';
import { stopWhenNpmIsGone } from './npm-parent.mjs';

/** @typedef {import('./options.mjs').CliSettings} CliSettings */
/** @typedef {import('../proxy/types.d.mts').RunningProxy} RunningProxy */

/**
 * The pairs to re-sign with: --credentials, else the SDK's environment variables' one pair.
 * @param {CliSettings['credentials']} credentials
 * @param {Record<string, string | undefined>} env
 */
function pairsOf(credentials, env) {
  const { HUAWEICLOUD_SDK_AK: ak, HUAWEICLOUD_SDK_SK: sk } = env;
  return credentials ?? (ak && sk ? { aksk: [{ ak, sk }] } : undefined);
}

/**
 * Writes the report files asked for; returns what was written, for the last line.
 * @param {RunningProxy} proxy
 * @param {import('../proxy/types.d.mts').ProxyReport} result
 * @param {Pick<CliSettings, 'report' | 'har' | 'junit'>} files
 */
function writeReports(proxy, result, { report, har, junit }) {
  if (report) writeFileSync(report, `${JSON.stringify(result, null, 2)}\n`);
  if (har) writeFileSync(har, `${JSON.stringify(proxy.har(), null, 2)}\n`);
  if (junit) writeFileSync(junit, proxy.junit());
  return [report && `report: ${report}`, har && `HAR: ${har}`, junit && `JUnit: ${junit}`].filter(Boolean);
}

/**
 * Runs `command` with APIG_BASE_URL naming the proxy (the conformance suite and the examples read it).
 * @param {RunningProxy} proxy
 * @param {string} upstream
 * @param {string[]} command not empty
 * @param {(why: string, commandCode?: number) => Promise<void>} finish
 */
function runThrough(proxy, upstream, command, finish) {
  const child = spawn(/** @type {string} */ (command[0]), command.slice(1), { stdio: 'inherit', env: { ...process.env, APIG_BASE_URL: proxy.url } });
  /** @param {NodeJS.Signals} signal */
  const forwardSignal = (signal) => child.kill(signal);
  process.on('SIGINT', forwardSignal);
  process.on('SIGTERM', forwardSignal);
  child.once('error', (error) => {
    console.error(`mock: could not run ${command[0]}: ${error.message}`);
    finish(`${command.join(' ')}`, 127);
  });
  child.once('exit', (code, signal) => finish(`${command.join(' ')} exited ${signal ?? code}`, code ?? 1));
  console.log(`APP contract proxy on ${proxy.url} → ${new URL(upstream).origin}; running ${command.join(' ')} with APIG_BASE_URL=${proxy.url}`);
}

/**
 * Starts the proxy with the parsed settings; it runs until the command ends, a signal, or npm is gone.
 * @param {CliSettings & { proxy: string }} settings proxy mode's, with its upstream
 */
export async function serveProxy({ proxy: upstream, port, host, report, har, junit, strict, failOnOutside, compare, seed, ca, command, credentials }) {
  const pairs = pairsOf(credentials, process.env);
  const proxy = await startProxy({ upstream, port, host, credentials: pairs, strict, failOnOutside, ca, compare, seed });
  /**
   * Prints the run's one line, writes the reports, exits: the command's failure, else 1 on drift (report.passed).
   * @param {string} why
   * @param {number} [commandCode]
   */
  const finish = async (why, commandCode = 0) => {
    await proxy.close();
    const result = proxy.report();
    const written = writeReports(proxy, result, { report, har, junit });
    console.log(`\n${why}: ${result.summary}${written.length ? ` (${written.join(', ')})` : ''}`);
    process.exit(commandCode !== 0 ? commandCode : result.passed ? 0 : 1);
  };
  if (command.length > 0) return runThrough(proxy, upstream, command, finish);
  // (A signal handler gets the signal's number too: not an exit code.)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => finish(signal));
  stopWhenNpmIsGone((why) => finish(why));
  console.log(
    `APP contract proxy is listening on ${proxy.url}, forwarding to ${new URL(upstream).origin}: each request and answer is checked against the contract, and what passes through is not changed${pairs?.aksk?.length ? ' (AK/SK requests are checked and signed anew for the upstream)' : ''}. Ctrl-C stops and prints the findings${report ? ` (and writes ${report})` : ''}.`,
  );
}

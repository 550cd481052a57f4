#!/usr/bin/env node
// `npx apig-app-mock` (the package's bin), `npm start` / `npm run mock` in the repository:
// serves the API mock, the docs and the bundled document.
//   apig-app-mock [--port N] [--host H] [--stateless] [--quota N] [--seed apps.json] [--credentials creds.json]
//   apig-app-mock --proxy <upstream URL> [--report report.json] [--credentials creds.json] [--har traffic.har] [--junit drift.xml] [--compare [--seed seed.json]] [--strict] [--ca ca.pem] [--port N] [--host H] [-- <command> …]
// PORT and HOST set the defaults; flags win.
import module from 'node:module';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Node ≥ 22.1 keeps the compiled code of the modules it loads (Prism's engine is most of the
// start) in its compile cache, so a second start is about a quarter faster. Node 20 has no
// such cache; there this is a no-op. The mock's modules load after it, hence the dynamic imports.
module.enableCompileCache?.();
const { startMockServer } = await import('./server.mjs');
const { parseCredentials } = await import('./credentials.mjs');
const { USAGE, cliOptions } = await import('./cli-options.mjs');

/** The proxy: forwards to `upstream`, and at the end prints one line and writes the JSON report. */
async function serveProxy({ upstream, port, host, report, har, junit, strict, failOnOutside, compare, seed, ca, command, credentials }) {
  const { startProxy } = await import('./proxy.mjs');
  const proxy = await startProxy({ upstream, port, host, credentials, strict, failOnOutside, ca, compare, seed });
  /** Prints the run's one line, writes the report, exits: the command's failure, else 1 on drift (report.passed). */
  const finish = async (why, commandCode = 0) => {
    await proxy.close();
    const result = proxy.report();
    if (report) writeFileSync(report, `${JSON.stringify(result, null, 2)}\n`);
    if (har) writeFileSync(har, `${JSON.stringify(proxy.har(), null, 2)}\n`);
    if (junit) writeFileSync(junit, proxy.junit());
    const written = [report && `report: ${report}`, har && `HAR: ${har}`, junit && `JUnit: ${junit}`].filter(Boolean);
    console.log(`\n${why}: ${result.summary}${written.length ? ` (${written.join(', ')})` : ''}`);
    process.exit(commandCode !== 0 ? commandCode : result.passed ? 0 : 1);
  };
  if (command.length > 0) {
    // The command talks to the proxy: APIG_BASE_URL names it (the conformance suite and the README examples read it).
    const { spawn } = await import('node:child_process');
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, APIG_BASE_URL: proxy.url } });
    const forwardSignal = (signal) => child.kill(signal);
    process.on('SIGINT', forwardSignal);
    process.on('SIGTERM', forwardSignal);
    child.once('error', (error) => {
      console.error(`mock: could not run ${command[0]}: ${error.message}`);
      finish(`${command.join(' ')}`, 127);
    });
    child.once('exit', (code, signal) => finish(`${command.join(' ')} exited ${signal ?? code}`, code ?? 1));
    console.log(`APP contract proxy on ${proxy.url} → ${new URL(upstream).origin}; running ${command.join(' ')} with APIG_BASE_URL=${proxy.url}`);
    return;
  }
  // (A signal handler gets the signal's number too: not an exit code.)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => finish(signal));
  stopWhenNpmIsGone((why) => finish(why));
  console.log(`APP contract proxy is listening on ${proxy.url}, forwarding to ${new URL(upstream).origin}: each request and answer is checked against the contract, and what passes through is not changed${credentials?.secrets.size ? ' (AK/SK requests are checked and signed anew for the upstream)' : ''}. Ctrl-C stops and prints the findings${report ? ` (and writes ${report})` : ''}.`);
}

/** The parent of process `pid` (Linux's /proc), or undefined where that cannot be read. */
function parentOf(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Under npm (`npm start`, `npx apig-app-mock`) a signal to npm's pid does not reach this process:
 * npm runs it through a shell, which npm signals, and npm or the shell exits leaving it
 * listening. So when npm or its shell is gone (this process, or the shell, handed to another
 * parent), stop as on SIGTERM. Only under npm: a mock a shell started in the background
 * (`apig-app-mock &`, nohup) keeps running when that shell ends.
 */
function stopWhenNpmIsGone(stop) {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  const watch = setInterval(() => {
    if (process.ppid === parent && (grandparent === undefined || parentOf(parent) === grandparent)) return;
    clearInterval(watch);
    stop('npm exited');
  }, 500);
  watch.unref();
}

/** Parses `args`, starts the mock and prints where everything is; exits 1 with a message on a bad flag. */
export async function main(args = process.argv.slice(2)) {
  try {
    const settings = cliOptions(args);
    if (settings.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const { port, host, stateless, quota, seed, credentials, proxy, report, har, junit, strict, failOnOutside, compare, ca, command } = settings;
    if (proxy !== undefined) {
      // The SDK's environment variables name one AK/SK pair when no --credentials file is given.
      const { HUAWEICLOUD_SDK_AK: ak, HUAWEICLOUD_SDK_SK: sk } = process.env;
      const pairs = credentials ?? (ak && sk ? { aksk: [{ ak, sk }] } : undefined);
      return await serveProxy({ upstream: proxy, port, host, report, har, junit, strict, failOnOutside, compare, seed, ca, command, credentials: pairs ? parseCredentials(pairs, '--credentials') : undefined });
    }
    const mock = await startMockServer({ port, host, stateless, seed, credentials, ...(quota !== undefined ? { quota } : {}) });
    const stop = async (signal) => {
      console.log(`\n${signal}: stopping the mock.`);
      await mock.close();
      process.exit(0);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, stop);
    stopWhenNpmIsGone(stop);
    console.log(`APP mock is listening on ${mock.url} (${stateless ? 'stateless: every call answers its page example' : 'stateful: it remembers the APPs you create; POST /_mock/reset goes back to the seed'})
  ${mock.url}/v1.0/apigw/apps…                                   (shared gateway)
  ${mock.url}/v1/{project_id}/apigw/instances/{instance_id}/apps… (dedicated gateway)
  ${mock.url}/v2/{project_id}/apigw/instances/{instance_id}/apps… (dedicated gateway v2)
  start:    ${mock.url}/
${[['docs', ['/docs', '/docs/zh-CN']], ['review', ['/review', '/review/zh-CN']], ['document', ['/openapi.json', '/openapi.yaml', '/openapi-3.0.json']]]
  .map(([label, paths]) => [label, paths.filter((p) => mock.served.includes(p))])
  .filter(([, paths]) => paths.length > 0)
  .map(([label, paths]) => `  ${`${label}:`.padEnd(10)}${paths.map((p) => mock.url + p).join('  ')}\n`)
  .join('')}${credentials ? 'Only the tokens and AK/SK pairs of --credentials are accepted; a failing one answers 401 with X-Mock-Auth-Reason. ' : 'Any X-Auth-Token or Authorization is accepted. '}Prefer: code=403 | example=<name> picks another response. Ctrl-C stops.`);
  } catch (error) {
    console.error(`mock: ${error?.code === 'EADDRINUSE' ? `${error.message} (is another mock running? use --port)` : error?.message ?? error}`);
    process.exit(1);
  }
}

// Run as a program (the bin, or `node mock/cli.mjs`), not when imported.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

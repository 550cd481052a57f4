#!/usr/bin/env node
// `npm start` / `npm run mock`: serves the API mock, the docs and the bundled document.
//   node scripts/mock.mjs [--port N] [--host H] [--rebuild] [--stateless] [--quota N] [--seed apps.json] [--credentials creds.json]
// PORT and HOST set the defaults; flags win.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rebuildIfStale } from './rebuild-if-stale.mjs';
import { startMockServer } from './mock/server.mjs';
import { parseCredentials } from './mock/credentials.mjs';

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      stateless: { type: 'boolean', default: false },
      quota: { type: 'string' },
      seed: { type: 'string' },
      credentials: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: node scripts/mock.mjs [--port N] [--host H] [--rebuild] [--stateless] [--quota N] [--seed apps.json] [--credentials creds.json]  (env: PORT, HOST)');
    process.exit(0);
  }
  const rawPort = values.port ?? process.env.PORT ?? '4010';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`--port/PORT must be a port number from 0 to 65535 (got ${JSON.stringify(rawPort)})`);
  const quota = values.quota === undefined ? undefined : Number(values.quota);
  if (quota !== undefined && (!Number.isSafeInteger(quota) || quota < 0)) throw new Error(`--quota must be a whole number of APPs per tenant (got ${JSON.stringify(values.quota)})`);
  let seed;
  if (values.seed !== undefined) {
    try {
      seed = JSON.parse(readFileSync(values.seed, 'utf8'));
    } catch (error) {
      throw new Error(`--seed ${values.seed}: ${error.code === 'ENOENT' ? 'no such file' : `not JSON (${error.message})`}`);
    }
    if (!Array.isArray(seed) || !seed.every((t) => typeof t?.tenant === 'string' && Array.isArray(t.apps) && t.apps.every((a) => typeof a?.name === 'string'))) {
      throw new Error(`--seed ${values.seed}: expected [{ "tenant": "v2 <project_id> <instance_id>", "apps": [{ "name": "…" }] }]`);
    }
  }
  let credentials;
  if (values.credentials !== undefined) {
    try {
      credentials = JSON.parse(readFileSync(values.credentials, 'utf8'));
    } catch (error) {
      throw new Error(`--credentials ${values.credentials}: ${error.code === 'ENOENT' ? 'no such file' : `not JSON (${error.message})`}`);
    }
    parseCredentials(credentials, `--credentials ${values.credentials}`); // says what is wrong, before listening
  }
  return { port, host: values.host ?? process.env.HOST ?? '127.0.0.1', rebuild: values.rebuild, stateless: values.stateless, quota, seed, credentials };
}

try {
  const { port, host, rebuild, stateless, quota, seed, credentials } = options();
  if (rebuild) await rebuildIfStale();
  const mock = await startMockServer({ port, host, stateless, seed, credentials, ...(quota !== undefined ? { quota } : {}) });
  const stop = async (signal) => {
    console.log(`\n${signal}: stopping the mock.`);
    await mock.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`APP mock is listening on ${mock.url} (${stateless ? 'stateless: every call answers its page example' : 'stateful: it remembers the APPs you create; POST /_mock/reset forgets them'})
  ${mock.url}/v1.0/apigw/apps…                                   (shared gateway)
  ${mock.url}/v1/{project_id}/apigw/instances/{instance_id}/apps… (dedicated gateway)
  ${mock.url}/v2/{project_id}/apigw/instances/{instance_id}/apps… (dedicated gateway v2)
  start:    ${mock.url}/
  docs:     ${mock.url}/docs  ${mock.url}/docs/zh-CN
  review:   ${mock.url}/review  ${mock.url}/review/zh-CN  (contract at a glance, with PDFs)
  document: ${mock.url}/openapi.json  ${mock.url}/openapi.yaml  ${mock.url}/openapi-3.0.json
${credentials ? 'Only the tokens and AK/SK pairs of --credentials are accepted; a failing one answers 401 with X-Mock-Auth-Reason. ' : 'Any X-Auth-Token or Authorization is accepted. '}Prefer: code=403 | example=<name> picks another response. Ctrl-C stops.`);
} catch (error) {
  console.error(`mock: ${error?.code === 'EADDRINUSE' ? `${error.message} (is another mock running? use --port)` : error?.message ?? error}`);
  process.exit(1);
}

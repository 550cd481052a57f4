// `apig-app-mock serve` (the default): starts the mock, prints where everything is, and stops on
// a signal or when npm is gone.
import { startMockServer } from '../server/index.mjs';
import { stopWhenNpmIsGone } from './npm-parent.mjs';

/**
 * The lines that tell a user where the mock's APIs, pages and documents are.
 * @param {import('../server/types.d.mts').RunningMockServer} mock
 * @param {{ stateless: boolean, credentials: unknown }} settings
 */
function banner(mock, { stateless, credentials }) {
  const pages = /** @type {Array<[string, string[]]>} */ ([
    ['docs', ['/docs', '/docs/zh-CN']],
    ['review', ['/review', '/review/zh-CN']],
    ['document', ['/openapi.json', '/openapi.yaml', '/openapi-3.0.json']],
  ])
    .map(/** @returns {[string, string[]]} */ ([label, paths]) => [label, paths.filter((p) => mock.served.includes(p))])
    .filter(([, paths]) => paths.length > 0)
    .map(([label, paths]) => `  ${`${label}:`.padEnd(10)}${paths.map((p) => mock.url + p).join('  ')}\n`)
    .join('');
  return `APP mock is listening on ${mock.url} (${stateless ? 'stateless: every call answers its page example' : 'stateful: it remembers the APPs you create; POST /_mock/reset goes back to the seed'})
  ${mock.url}/v1.0/apigw/apps…                                   (shared gateway)
  ${mock.url}/v1/{project_id}/apigw/instances/{instance_id}/apps… (dedicated gateway)
  ${mock.url}/v2/{project_id}/apigw/instances/{instance_id}/apps… (dedicated gateway v2)
  start:    ${mock.url}/
${pages}${credentials ? 'Only the tokens and AK/SK pairs of --credentials are accepted; a failing one answers 401 with X-Mock-Auth-Reason. ' : 'Any X-Auth-Token or Authorization is accepted. '}Prefer: code=403 | example=<name> picks another response. Ctrl-C stops.`;
}

/**
 * Starts the mock with the parsed settings; it runs until a signal, or npm, stops it.
 * @param {Pick<import('./options.mjs').CliSettings, 'port' | 'host' | 'stateless' | 'quota' | 'seed' | 'credentials'>} settings
 */
export async function serveMock({ port, host, stateless, quota, seed, credentials }) {
  const mock = await startMockServer({ port, host, stateless, seed, credentials, ...(quota !== undefined ? { quota } : {}) });
  /** @param {string} signal */
  const stop = async (signal) => {
    console.log(`\n${signal}: stopping the mock.`);
    await mock.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, stop);
  stopWhenNpmIsGone(stop);
  console.log(banner(mock, { stateless, credentials }));
}

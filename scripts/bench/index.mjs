#!/usr/bin/env node
// `npm run bench`: speed and size targets, each printed next to a baseline measured in the
// same run (this machine is noisy; ratios travel better than absolute numbers).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tools.mjs';
import { benchMock } from './mock-throughput.mjs';
import { benchClient } from './client-overhead.mjs';
import { benchStatefulMock } from './stateful-mock.mjs';
import { benchStartup } from './startup.mjs';
import { benchProxy } from './proxy.mjs';

/**
 * @param {number} n
 * @param {number} [digits]
 */
const fmt = (n, digits = 1) => n.toFixed(digits);
const only = process.argv[2]; // `mock`, `state`, `startup`, `proxy` or `client` runs one part

console.log(`bench ${new Date().toISOString().slice(0, 10)} on node ${process.version}`);

if (only === undefined || only === 'mock') {
  console.log('\nMock: POST /v1.0/apigw/apps, 10 connections');
  const mock = await benchMock();
  const prism = mock['plain prism mock'].rps;
  console.log('  server             req/s     p50 ms  p99 ms  × plain prism');
  for (const [name, r] of Object.entries(mock)) {
    console.log(
      `  ${name.padEnd(18)} ${fmt(r.rps, 0).padStart(7)}   ${fmt(r.p50).padStart(6)}  ${fmt(r.p99).padStart(6)}  ${fmt(r.rps / prism, 2).padStart(6)}`,
    );
  }
  const ours = mock['our mock'];
  console.log(`  aim: ≥ 2.50× plain prism (now ${fmt(ours.rps / prism, 2)}×), p99 ≤ 10 ms (now ${fmt(ours.p99)} ms)`);
}

if (only === undefined || only === 'state') {
  console.log('\nStateful mock: v2 creates (a new name each) and lists (limit=20), 10 connections');
  const s = await benchStatefulMock();
  const prism = s['plain prism mock'];
  const full = s['stateful mock, 10,000 stored'];
  const small = s['stateful mock, 10 stored'];
  console.log('  server                          creates/s  p99 ms   lists/s  p99 ms');
  for (const [name, r] of /** @type {Array<[string, { creates?: import('./mock-throughput.mjs').Load, lists: import('./mock-throughput.mjs').Load }]>} */ ([
    ['stateful, 10,000 stored', full],
    ['stateful, 10 stored', small],
    ['plain prism mock', prism],
  ])) {
    console.log(
      `  ${name.padEnd(30)} ${r.creates ? fmt(r.creates.rps, 0).padStart(9) : '        -'}  ${r.creates ? fmt(r.creates.p99).padStart(6) : '     -'}  ${fmt(r.lists.rps, 0).padStart(8)}  ${fmt(r.lists.p99).padStart(6)}`,
    );
  }
  console.log(
    `  aim: ≥ 2.50× plain prism (creates ${fmt(full.creates.rps / prism.creates.rps, 2)}×, lists ${fmt(full.lists.rps / prism.lists.rps, 2)}×), p99 ≤ 10 ms (creates ${fmt(full.creates.p99)} ms, lists ${fmt(full.lists.p99)} ms)`,
  );
  console.log(`  list cost, 10,000 stored vs 10: ${fmt(small.lists.rps / full.lists.rps, 2)}× (aim: about 1×)`);
}

if (only === undefined || only === 'startup') {
  console.log('\nStart to first answer (median of 5 starts each, taken in turn)');
  const times = await benchStartup();
  const prism = times['plain prism mock (the bin, no npm)'];
  const npxPrism = times['plain npx prism mock'];
  console.log('  command                              ms   × plain prism (bin)  × npx prism');
  for (const [name, ms] of Object.entries(times)) {
    console.log(`  ${name.padEnd(34)} ${fmt(ms, 0).padStart(5)}   ${fmt(ms / prism, 2).padStart(18)}  ${fmt(ms / npxPrism, 2).padStart(10)}`);
  }
  const ours = /** @type {Array<import('./startup.mjs').StartupName>} */ (['npm start', 'npm run mock', 'npx apig-app-mock']).map(
    (name) => `${name} ${fmt(times[name] / prism, 2)}×`,
  );
  console.log(`  aim: each ≤ 0.50× plain prism's bin (${ours.join(', ')})`);
}

if (only === undefined || only === 'proxy') {
  console.log('\nValidating proxy in front of bare node:http (POST /v1.0/apigw/apps)');
  const p = await benchProxy();
  /** @param {'p50' | 'p99'} key */
  const added = (key) => p.latency.ours[key] - p.latency.direct[key];
  console.log('  latency, 1 connection        p50 ms  p99 ms');
  for (const [name, r] of Object.entries(p.latency)) console.log(`  ${name.padEnd(28)} ${fmt(r.p50).padStart(6)}  ${fmt(r.p99).padStart(6)}`);
  console.log('  throughput, 10 connections   req/s   × prism proxy');
  for (const [name, r] of Object.entries(p.throughput))
    console.log(`  ${name.padEnd(28)} ${fmt(r.rps, 0).padStart(6)}   ${fmt(r.rps / p.throughput['prism proxy'].rps, 2).padStart(6)}`);
  console.log(
    `  aim: p99 added ≤ 2 ms (now ${fmt(added('p99'))} ms; p50 ${fmt(added('p50'))} ms), throughput ≥ 2× prism proxy (now ${fmt(p.throughput.ours.rps / p.throughput['prism proxy'].rps, 2)}×) and ≥ redocly proxy --api (now ${fmt(p.throughput.ours.rps / p.throughput['redocly proxy'].rps, 2)}×); findings on the way: ${p.findings}`,
  );
}

if (only === undefined || only === 'client') {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'generate', 'build.mjs')], { stdio: 'ignore' });
  console.log('\nClient: sequential POSTs to one local node:http server, callers interleaved (median of 5 rounds)');
  const client = await benchClient();
  const bare = client.perRequest['bare openapi-fetch'];
  const raw = client.perRequest['raw fetch'];
  console.log('  caller                     µs/request  × bare openapi-fetch  × raw fetch');
  for (const [name, us] of Object.entries(client.perRequest)) {
    console.log(`  ${name.padEnd(26)} ${fmt(us).padStart(9)}   ${fmt(us / bare, 3).padStart(18)}  ${fmt(us / raw, 3).padStart(9)}`);
  }
  console.log(
    `  aim: validate ≤ 1.05× bare (now ${fmt(client.perRequest['client, validate'] / bare, 3)}×), validate + sign ≤ 1.15× (now ${fmt(client.perRequest['client, validate + sign'] / bare, 3)}×)`,
  );
  console.log(`  validations/s: ${fmt(client.validations, 0)}   signatures/s: ${fmt(client.signatures, 0)}`);
  console.log('  bundle sizes: held to their bounds by test/package/bundle-size.test.ts (docs/client.md#bundle-size)');
}

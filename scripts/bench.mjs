#!/usr/bin/env node
// `npm run bench`: speed targets, each printed as a ratio to a baseline measured in the same run.
import { benchMock } from './bench/mock-throughput.mjs';

const fmt = (n, digits = 1) => n.toFixed(digits);

console.log(`bench ${new Date().toISOString().slice(0, 10)} on node ${process.version}`);
console.log('\nMock: POST /v1.0/apigw/apps, 10 connections');
const mock = await benchMock();
const prism = mock['plain prism mock'].rps;
console.log('  server             req/s     p50 ms  p99 ms  × plain prism');
for (const [name, r] of Object.entries(mock)) {
  console.log(`  ${name.padEnd(18)} ${fmt(r.rps, 0).padStart(7)}   ${fmt(r.p50).padStart(6)}  ${fmt(r.p99).padStart(6)}  ${fmt(r.rps / prism, 2).padStart(6)}`);
}
const ours = mock['our mock'];
console.log(`  aim: ≥ 2.50× plain prism (now ${fmt(ours.rps / prism, 2)}×), p99 ≤ 10 ms (now ${fmt(ours.p99)} ms)`);

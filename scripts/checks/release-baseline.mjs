#!/usr/bin/env node
// `npm run release:baseline`: at a release, records the contract as released/openapi.json,
// the baseline `npm run diff` compares against.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BASELINE, bundleSpec } from './diff/baseline.mjs';

const doc = bundleSpec();
mkdirSync(dirname(BASELINE), { recursive: true });
writeFileSync(BASELINE, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`released/openapi.json is now contract ${doc.info.version}.`);

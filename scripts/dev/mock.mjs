#!/usr/bin/env node
// `npm start` / `npm run mock` in the repository: the shipped mock (mock/cli.mjs), with
// `--rebuild` first rebuilding generated/ when spec/ is newer (what `npm start` passes).
import { rebuildIfStale } from './rebuild-if-stale.mjs';

const args = process.argv.slice(2);
if (args.includes('--rebuild')) await rebuildIfStale();
const { main } = await import('../../mock/cli.mjs');
await main(args.filter((a) => a !== '--rebuild'));

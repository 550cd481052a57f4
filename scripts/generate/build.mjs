#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/ (ESM + .d.ts) and copies the generated modules the
// compiled code imports (types and the request rules) beside it.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED, ROOT, binOf, runNode } from '../tools.mjs';

const DIST = join(ROOT, 'dist');
/** The types, and the request rules (a module per body schema and per operation's query). */
const RUNTIME_GENERATED = ['schema.d.ts', 'request-rules'];

rmSync(DIST, { recursive: true, force: true });
runNode(binOf('typescript', 'tsc'), ['-p', join(ROOT, 'tsconfig.build.json')]);
mkdirSync(join(DIST, 'generated'), { recursive: true });
for (const file of RUNTIME_GENERATED) cpSync(join(GENERATED, file), join(DIST, 'generated', file), { recursive: true });
console.log('dist/ built: dist/src/index.js (ESM) with .d.ts, and dist/generated/.');

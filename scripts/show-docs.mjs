#!/usr/bin/env node
// Until the mock server exists, `npm start` rebuilds and says where the rendered docs are.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GENERATED } from './tools.mjs';

console.log(`Rendered docs (open in a browser; works offline):\n  ${pathToFileURL(join(GENERATED, 'docs', 'index.html')).href}`);

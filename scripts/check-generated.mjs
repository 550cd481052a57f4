#!/usr/bin/env node
// Fails, naming each file, when generated/ is not exactly what spec/ produces now.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generate } from './generate.mjs';
import { GENERATED, ROOT } from './tools.mjs';

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [relative(base, full)];
  });
}

export function compareTrees(expectedDir, actualDir) {
  const expected = new Set(listFiles(expectedDir));
  const actual = new Set(listFiles(actualDir));
  const problems = [];
  for (const file of [...expected].sort()) {
    if (!actual.has(file)) problems.push(`missing: generated/${file}`);
    else if (!readFileSync(join(expectedDir, file)).equals(readFileSync(join(actualDir, file)))) {
      problems.push(`stale:   generated/${file}`);
    }
  }
  for (const file of [...actual].sort()) {
    if (!expected.has(file)) problems.push(`extra:   generated/${file} (spec/ does not produce it)`);
  }
  return problems;
}

const fresh = mkdtempSync(join(tmpdir(), 'apig-generated-'));
try {
  await generate(fresh);
  const problems = compareTrees(fresh, GENERATED);
  if (problems.length > 0) {
    console.error(`generated/ does not match spec/ (run \`npm run generate\` and commit):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`generated/ is up to date with spec/ (${relative(ROOT, GENERATED)}/, ${listFiles(GENERATED).length} files).`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}

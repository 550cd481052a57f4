// `npm start` rebuilds generated/ only when it is missing or older than spec/ and the tools
// that make it; the rebuild gives the same bytes.
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildIfStale } from '../../scripts/rebuild-if-stale.mjs';

const GENERATED = fileURLToPath(new URL('../../generated', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'apig-stale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touchAll(path: string, time: Date) {
  if (statSync(path).isDirectory()) readdirSync(path).forEach((name) => touchAll(join(path, name), time));
  else utimesSync(path, time, time);
}

describe('rebuildIfStale', () => {
  it('rebuilds an old copy of generated/ to the same bytes, then leaves it alone', async () => {
    const copy = join(dir, 'generated');
    cpSync(GENERATED, copy, { recursive: true });
    touchAll(copy, new Date('2000-01-01T00:00:00Z'));
    expect(await rebuildIfStale(copy)).toBe(true);
    expect(readFileSync(join(copy, 'openapi.json'), 'utf8')).toBe(readFileSync(join(GENERATED, 'openapi.json'), 'utf8'));
    expect(readFileSync(join(copy, 'docs/zh-CN/index.html'), 'utf8')).toBe(readFileSync(join(GENERATED, 'docs/zh-CN/index.html'), 'utf8'));
    expect(await rebuildIfStale(copy)).toBe(false);
  }, 60_000);

  it('builds generated/ when it is missing', async () => {
    expect(await rebuildIfStale(join(dir, 'missing'))).toBe(true);
  }, 60_000);
});

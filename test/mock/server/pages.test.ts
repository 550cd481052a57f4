// The pages the mock serves beside the API, in-process (mock/server/pages.mjs): what a generated/
// folder holds is served under its paths, the front page links only those, and the pages that name
// the local mock name this one instead (once per page, never inside a PDF).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagesNaming, staticPages } from '../../../mock/server/pages.mjs';

function generated(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'apig-pages-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('staticPages', () => {
  it('serves each file under its paths, and a front page linking only what is there', () => {
    const pages = staticPages(generated({ 'openapi.json': '{}', 'docs/index.html': '<html>docs</html>' }));
    expect(Object.keys(pages).sort()).toEqual(['/', '/docs', '/docs/index.html', '/openapi.json']);
    expect(pages['/docs']).toBe(pages['/docs/index.html']);
    expect(pages['/openapi.json']?.type).toBe('application/json; charset=utf-8');
    const front = pages['/']!.body.toString('utf8');
    expect(pages['/']!.type).toBe('text/html; charset=utf-8');
    expect(front).toContain('<li>Docs: <a href="/docs/index.html">English</a></li>');
    expect(front).toContain('<li>Documents: <a href="/openapi.json">openapi.json</a></li>');
    expect(front).not.toContain('review');
    expect(front).not.toContain('简体中文');
  });

  it('links the two languages of a kind with a middle dot', () => {
    const pages = staticPages(generated({ 'review/index.html': 'r', 'review/zh-CN/index.html': 'z' }));
    expect(pages['/']!.body.toString('utf8')).toContain(
      '<li>Contract at a glance (review sheet): <a href="/review/index.html">English</a> · <a href="/review/zh-CN/index.html">契约一览</a></li>',
    );
  });
});

describe('pagesNaming', () => {
  it('names this mock where a page names the local one, once per page served under two paths; a PDF is left as it is', () => {
    const pdf = { body: Buffer.from('%PDF http://127.0.0.1:4010'), type: 'application/pdf' };
    const docs = { body: Buffer.from('<a href="http://127.0.0.1:4010/docs">http://127.0.0.1:4010</a>'), type: 'text/html; charset=utf-8' };
    const named = pagesNaming({ '/docs': docs, '/docs/index.html': docs, '/review/review.pdf': pdf }, 'http://127.0.0.1:5555');
    expect(named['/docs']!.body.toString()).toBe('<a href="http://127.0.0.1:5555/docs">http://127.0.0.1:5555</a>');
    expect(named['/docs']).toBe(named['/docs/index.html']);
    expect(named['/review/review.pdf']).toBe(pdf);
    expect(docs.body.toString()).toContain('4010');
  });
});

// The Markdown pages hold together: every relative link of README.md, CONTRIBUTING.md and
// docs/*.md points at a file that exists and, with a `#anchor`, at a heading of that file (by
// GitHub's slug rules); the mock's and the proxy's pages keep the same five sections and list
// every flag the bin knows; CONTRIBUTING's scripts table lists every npm script. In-process:
// files are read, nothing is run but `apig-app-mock --help`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/tools.mjs';
import { docSection, docText } from '../helpers/readme.js';

/** The pages a reader is sent to, by their path from the root. */
const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

/** A page's text without its fenced code blocks and inline code (links there are not links). */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '``');
}

/** Headings outside fenced code blocks, as written (`## Usage` → `Usage`). */
function headings(text: string): Array<{ level: number; text: string }> {
  return [...text.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^(#{1,6})\s+(.+?)\s*#*\s*$/gm)].map((m) => ({ level: m[1]!.length, text: m[2]! }));
}

/**
 * GitHub's anchor for a heading (github-slugger, what github.com renders): the text as shown
 * (a link's text, no markup), lower-cased, every character that is not a letter, mark, digit,
 * connector (`_`), hyphen or space removed, spaces made hyphens; a repeated slug gets `-1`, `-2`….
 */
function slugs(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const { text: heading } of headings(text)) {
    const shown = heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = shown
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  return out;
}

/** Every relative link of a page: `[text](target)`, target without a scheme. */
function relativeLinks(text: string): string[] {
  return [...prose(text).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

describe('GitHub slugs, as github.com makes them', () => {
  it('keeps letters, digits, 汉字, `_` and `-`; drops the rest; numbers repeats', () => {
    expect([
      ...slugs(
        '## The mock (`npm start`, `npm run mock`)\n## Breaking-change gate (`npm run diff`)\n## Review sheet ("contract at a glance", 契约一览)\n## The seed file (`--seed`)\n## Usage\n### Usage\n## Create\'s request body\n## [Link](x.md) here',
      ),
    ]).toEqual([
      'the-mock-npm-start-npm-run-mock',
      'breaking-change-gate-npm-run-diff',
      'review-sheet-contract-at-a-glance-契约一览',
      'the-seed-file---seed',
      'usage',
      'usage-1',
      'creates-request-body',
      'link-here',
    ]);
  });
});

describe('links between the pages', () => {
  it('finds the pages: README, CONTRIBUTING and one per audience in docs/', () => {
    expect(PAGES).toEqual(
      expect.arrayContaining([
        'README.md',
        'CONTRIBUTING.md',
        'docs/client.md',
        'docs/mock.md',
        'docs/proxy.md',
        'docs/conformance.md',
        'docs/contract.md',
        'docs/other-languages.md',
      ]),
    );
  });

  it.each(PAGES)('%s: every relative link reaches a file, and every #anchor a heading there', (page) => {
    const text = docText(page);
    const links = relativeLinks(text);
    const broken: string[] = [];
    for (const link of links) {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), decodeURIComponent(path));
      if (!target.startsWith(ROOT) || !existsSync(target)) {
        broken.push(`${link}: no such file (${relative(ROOT, target)})`);
        continue;
      }
      if (anchor === undefined) continue;
      if (!statSync(target).isFile() || !target.endsWith('.md')) {
        broken.push(`${link}: an anchor into something that is not a Markdown page`);
        continue;
      }
      const known = slugs(readFileSync(target, 'utf8'));
      if (!known.has(decodeURIComponent(anchor)))
        broken.push(`${link}: ${relative(ROOT, target)} has no heading #${anchor} (it has: ${[...known].join(', ')})`);
    }
    expect(broken).toEqual([]);
  });

  it('the README stays short (at most 250 lines) and links every page of docs/ and CONTRIBUTING', () => {
    const readme = docText('README.md');
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
    const linked = new Set(relativeLinks(readme).map((link) => link.split('#')[0]));
    for (const page of PAGES.filter((p) => p !== 'README.md')) expect(linked, page).toContain(page);
  });
});

describe('the mock and the proxy pages', () => {
  const SECTIONS = ['Usage', 'Options', 'Examples', 'Exit codes', 'Report format'];

  it.each(['docs/mock.md', 'docs/proxy.md'])('%s has the same sections, in the same order: Usage, Options, Examples, Exit codes, Report format', (page) => {
    expect(
      headings(docText(page))
        .filter((h) => h.level === 2)
        .map((h) => h.text),
    ).toEqual(SECTIONS);
  });

  it('their Options tables list every flag the bin knows (its --help), and no other', () => {
    const usage = execFileSync(process.execPath, [join(ROOT, 'mock', 'cli.mjs'), '--help'], { encoding: 'utf8', timeout: 30_000 });
    // `--proxy <URL>` is 2.x's spelling of `apig-app-mock proxy <URL>`: docs/proxy.md names it once, not as an option.
    const known = new Set([...usage.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]).filter((flag) => flag !== '--proxy'));
    known.add('--help');
    const listed = (page: string) => new Set([...docSection(page, 'Options').matchAll(/^\| `(--[a-z][a-z-]*)/gm)].map((m) => m[1]!));
    const mock = listed('docs/mock.md');
    const proxy = listed('docs/proxy.md');
    expect([...known].filter((flag) => !mock.has(flag) && !proxy.has(flag))).toEqual([]);
    expect([...mock, ...proxy].filter((flag) => !known.has(flag))).toEqual([]);
    expect(docText('docs/proxy.md')).toContain('apig-app-mock --proxy <upstream URL>');
  });
});

describe('CONTRIBUTING', () => {
  it('lists every npm script in its Scripts table', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);
    const table = docSection('CONTRIBUTING.md', 'Scripts');
    const listed = new Set([...table.matchAll(/^\| `(?:npm (?:run )?)?([a-z:-]+)`/gm)].map((m) => m[1]!));
    expect(scripts.filter((name) => !listed.has(name))).toEqual([]);
  });

  it('keeps a Layout section (rewritten when files move)', () => {
    expect(docSection('CONTRIBUTING.md', 'Layout')).toMatch(/^```/m);
  });
});

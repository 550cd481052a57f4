// The rendered docs as a reviewer sees them: both pages (English, 简体中文) opened in Debian's
// Chromium with no network, from disk and through the mock. Saves full-page screenshots in
// .artifacts/screenshots/ (git-ignored).
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../rules/lifecycle-rules.js';
import { GRANT_OPERATIONS } from '../rules/app-grant-rules.js';
import { ERROR_CODES, REQUEST_FIELDS, SOURCE_REQUEST_EXAMPLE, SOURCE_RESPONSE_EXAMPLE, ENDPOINTS, STATUSES } from '../rules/create-app-rules.js';
import { startMockServer } from '../../mock/server/index.mjs';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = fileURLToPath(new URL('../../.artifacts/screenshots/', import.meta.url));
const page = (rel: string) => pathToFileURL(fileURLToPath(new URL(`../../generated/docs/${rel}`, import.meta.url))).href;
const generatedUrl = (rel: string) => pathToFileURL(fileURLToPath(new URL(`../../generated/${rel}`, import.meta.url))).href;

if (!HAVE_CHROMIUM) {
  const how = 'install it with: sudo apt-get install -y chromium fonts-noto-cjk';
  if (process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM} is missing: ${how}`);
  console.warn(`docs browser test skipped: ${CHROMIUM} not found (${how}).`);
}

const PAGES = [
  {
    name: 'en',
    file: 'index.html',
    mockPath: '/docs',
    shared: 'Create an APP (shared gateway)',
    dedicated: 'Create an APP (dedicated gateway)',
    headings: ['Text encoding and lengths', 'Authentication', 'Errors'],
  },
  {
    name: 'zh-CN',
    file: 'zh-CN/index.html',
    mockPath: '/docs/zh-CN',
    shared: '创建APP（共享版）',
    dedicated: '创建APP（专享版）',
    headings: ['文本编码与长度', '认证', '错误'],
  },
];

interface Visit {
  page: Page;
  requests: string[];
  problems: string[];
}

describe.skipIf(!HAVE_CHROMIUM)('rendered docs in Chromium, offline', () => {
  let browser: Browser;
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mock = await startMockServer({ port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  async function visit(url: string): Promise<Visit> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    const problems: string[] = [];
    // Nothing may leave this machine: anything but 127.0.0.1 is refused (and recorded).
    await context.route(/^(https?|wss?):/, (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const p = await context.newPage();
    p.on('request', (r) => requests.push(r.url()));
    p.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await p.goto(url, { waitUntil: 'load' });
    return { page: p, requests, problems };
  }

  /** Clicks each generation's tag, as a reviewer would, and gathers what each shows. */
  async function openOperations(v: Visit): Promise<string> {
    const texts: string[] = [];
    for (const tag of ['SharedGateway', 'DedicatedGateway', 'DedicatedGatewayV2']) {
      await v.page.getByRole('link', { name: tag, exact: true }).first().click();
      await v.page.waitForSelector('text=/\\[ 8 \\.\\. (64|200) \\] characters/', { timeout: 15_000 });
      // Redoc shortens long patterns; a reviewer clicks "Show pattern" to read them whole.
      for (const button of await v.page.getByText('Show pattern').all()) await button.click();
      // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, as rendered (Playwright's page method, not the DOM's)
      texts.push(await v.page.innerText('body'));
    }
    return texts.join('\n');
  }

  for (const spec of PAGES) {
    for (const via of ['file', 'mock'] as const) {
      it(`${spec.name} page (${via === 'file' ? 'opened from disk' : 'served by the mock'}) shows both operations, every rule and the examples`, async () => {
        const v = await visit(via === 'file' ? page(spec.file) : `${mock.url}${spec.mockPath}`);
        try {
          const overview = await v.page.locator('h1, h2').allInnerTexts();
          for (const heading of spec.headings) expect(overview.join('\n'), `heading ${heading}`).toContain(heading);
          const text = await openOperations(v);
          expect(text).toContain(spec.shared);
          expect(text).toContain(spec.dedicated);
          for (const endpoint of ENDPOINTS) expect(text).toContain(endpoint.path);
          for (const param of Object.keys(ENDPOINTS[1]!.pathParams)) expect(text).toContain(param);
          for (const rule of REQUEST_FIELDS) {
            const length = rule.minLength !== undefined ? `[ ${rule.minLength} .. ${rule.maxLength} ] characters` : `<= ${rule.maxLength} characters`;
            expect(text, `${rule.field} length`).toContain(length);
            if (rule.pattern) expect(text, `${rule.field} pattern`).toContain(rule.pattern);
          }
          expect(text).toContain(`"app_secret": "${SOURCE_REQUEST_EXAMPLE.app_secret}"`);
          expect(text).toContain(`"id": "${SOURCE_RESPONSE_EXAMPLE.id}"`);
          if (spec.name === 'zh-CN') {
            // The Chinese page uses the source pages' own wording for every field rule.
            for (const rule of REQUEST_FIELDS) expect(text, rule.field).toContain(rule.source);
          }
          // The page with every operation open is tall: its full-page screenshot may take longer than Playwright's 30 s default.
          await v.page.screenshot({ path: `${SCREENSHOTS}docs-${spec.name}-${via}.png`, fullPage: true, timeout: 120_000 });
          expect(v.problems).toEqual([]);
          const offMachine = v.requests.filter((u) => !/^(file:|data:|blob:|about:)/.test(u) && new URL(u).hostname !== '127.0.0.1');
          expect(offMachine).toEqual([]);
        } finally {
          await v.page.context().close();
        }
        // A bound against a hang, not a speed claim: the 2.0 page (every v2 field's reason, the
        // front door's 401 examples on 49 operations, 66 since issue 28) takes about 47 s alone here, with its
        // full-page screenshot, and longer beside other suites on two cores.
      }, 180_000);
    }
  }

  // What a reviewer sees with no click at all: the text of each docs page and of each review
  // sheet holds every field's rule in full, every status and every error code.
  const REVIEWER_VIEWS = [
    { name: 'docs en', file: 'docs/index.html', mockPath: '/docs', lang: 'en' },
    { name: 'docs zh-CN', file: 'docs/zh-CN/index.html', mockPath: '/docs/zh-CN', lang: 'zh-CN' },
    { name: 'review sheet en', file: 'review/index.html', mockPath: '/review/index.html', lang: 'en' },
    { name: 'review sheet zh-CN', file: 'review/zh-CN/index.html', mockPath: '/review/zh-CN/index.html', lang: 'zh-CN' },
  ] as const;
  const lengthText = (lang: string, min: number | undefined, max: number) =>
    lang === 'en'
      ? min !== undefined
        ? `${min}–${max} characters`
        : `at most ${max} characters`
      : min !== undefined
        ? `${min} ~ ${max} 个字符`
        : `不超过 ${max} 个字符`;
  const ENGLISH_LABELS = [
    'Field',
    'Type',
    'Required',
    'Rule',
    'Source wording',
    'Description',
    'Status',
    'Body',
    'Error code',
    'Meaning',
    'Operations',
    'Method',
    'Path',
    'Summary',
    'Operation id',
    'Statuses',
    'Parameters',
    'Request body',
    'Response body',
    'In',
  ];

  for (const view of REVIEWER_VIEWS) {
    for (const via of ['file', 'mock'] as const) {
      it(`${view.name} (${via === 'file' ? 'from disk' : 'through the mock'}) shows every rule, status and error code without a click`, async () => {
        const v = await visit(via === 'file' ? generatedUrl(view.file) : `${mock.url}${view.mockPath}`);
        try {
          await v.page.waitForSelector('#contract-at-a-glance, body.apig-sheet', { timeout: 15_000 });
          // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, as rendered (Playwright's page method, not the DOM's)
          const text = await v.page.innerText('body');
          for (const endpoint of ENDPOINTS) expect(text, endpoint.path).toContain(endpoint.path);
          for (const param of Object.keys(ENDPOINTS[1]!.pathParams)) expect(text, param).toContain(param);
          for (const rule of REQUEST_FIELDS) {
            expect(text, `${rule.field} length`).toContain(lengthText(view.lang, rule.minLength, rule.maxLength));
            if (rule.pattern) expect(text, `${rule.field} pattern in full`).toContain(rule.pattern);
            if (rule.refusedCharacters) expect(text, `${rule.field} refused characters`).toContain(rule.refusedCharacters);
            expect(text, `${rule.field} source wording`).toContain(rule.source);
          }
          for (const status of STATUSES) expect(text, `status ${status}`).toMatch(new RegExp(`\\b${status}\\b`));
          // Every operation of every generation, its body rules and the codes its page names.
          for (const op of OPERATIONS) {
            expect(text, `${op.method} ${op.path}`).toContain(op.path);
            for (const param of Object.keys(op.query)) expect(text, `${op.path} ?${param}`).toContain(param);
            for (const [field, rule] of Object.entries(op.body ?? {})) {
              if (rule.maxLength !== undefined) expect(text, `${op.path} ${field} length`).toContain(lengthText(view.lang, rule.minLength, rule.maxLength));
              if (rule.pattern) expect(text, `${op.path} ${field} pattern`).toContain(rule.pattern);
            }
            for (const code of Object.values(op.errorCodes).flat()) expect(text, `${op.path} ${code}`).toContain(code);
          }
          // And the 28 beside the APP: AppCodes, authorizations, the outline.
          for (const op of GRANT_OPERATIONS) {
            expect(text, `${op.method} ${op.path}`).toContain(op.path);
            for (const param of Object.keys(op.query)) expect(text, `${op.path} ?${param}`).toContain(param);
            for (const [field, rule] of Object.entries(op.body ?? {})) {
              expect(text, `${op.path} ${field}`).toContain(field);
              if (rule.maxLength !== undefined) expect(text, `${op.path} ${field} length`).toContain(lengthText(view.lang, rule.minLength, rule.maxLength));
              if (rule.pattern) expect(text, `${op.path} ${field} pattern`).toContain(rule.pattern);
            }
            for (const code of Object.values(op.errorCodes).flat()) expect(text, `${op.path} ${code}`).toContain(code);
          }
          for (const code of Object.values(ERROR_CODES).flat()) expect(text, code).toContain(code);
          if (view.lang === 'zh-CN') {
            const labels = await v.page.locator('.apig-sheet th, .apig-sheet h1, .apig-sheet h2, .apig-sheet h4').allInnerTexts();
            expect(labels.filter((l) => ENGLISH_LABELS.includes(l.trim()))).toEqual([]);
            expect(labels.join(' ')).toContain('错误码');
          }
          const shot = `${SCREENSHOTS}${view.name.replace(/ /g, '-')}-${via}`;
          await v.page.screenshot({ path: `${shot}-first-screen.png` });
          if (view.file.startsWith('review')) await v.page.screenshot({ path: `${shot}-full.png`, fullPage: true });
          expect(v.problems).toEqual([]);
        } finally {
          await v.page.context().close();
        }
      }, 60_000);
    }
  }

  it.each(PAGES)(
    'the $name docs page links to its review sheet, which links back and to its PDF',
    async (spec) => {
      for (const start of [page(spec.file), `${mock.url}${spec.mockPath}`]) {
        const v = await visit(start);
        try {
          const link = v.page.locator('a.apig-review-link');
          await link.click();
          await v.page.waitForSelector('body.apig-sheet', { timeout: 15_000 });
          const hrefs = await v.page.locator('nav a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
          for (const href of hrefs) {
            if (href.startsWith('file:')) expect(existsSync(fileURLToPath(href)), href).toBe(true);
            else expect((await fetch(href)).status, href).toBe(200);
          }
          expect(hrefs.some((h) => h.endsWith('review.pdf'))).toBe(true);
        } finally {
          await v.page.context().close();
        }
      }
    },
    60_000,
  );
});

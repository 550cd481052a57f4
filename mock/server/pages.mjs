// The pages and documents the mock serves beside the API: the docs, the review sheet, the
// bundled documents and a front page linking them (those this install's generated/ holds).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A page or document served beside the API. @typedef {{ body: Buffer, type: string }} Page */

/**
 * The pages served beside the API; the docs and review sheet link to each other by these paths.
 * @type {Array<[paths: string[], file: string, type: string]>}
 */
const STATIC_FILES = [
  [['/openapi.json'], 'openapi.json', 'application/json; charset=utf-8'],
  [['/openapi.yaml'], 'openapi.yaml', 'application/yaml; charset=utf-8'],
  [['/openapi-3.0.json'], 'openapi-3.0.json', 'application/json; charset=utf-8'],
  [['/openapi-3.0.yaml'], 'openapi-3.0.yaml', 'application/yaml; charset=utf-8'],
  [['/docs', '/docs/index.html'], 'docs/index.html', 'text/html; charset=utf-8'],
  [['/docs/zh-CN', '/docs/zh-CN/index.html'], 'docs/zh-CN/index.html', 'text/html; charset=utf-8'],
  [['/review', '/review/index.html'], 'review/index.html', 'text/html; charset=utf-8'],
  [['/review/review.pdf'], 'review/review.pdf', 'application/pdf'],
  [['/review/zh-CN', '/review/zh-CN/index.html'], 'review/zh-CN/index.html', 'text/html; charset=utf-8'],
  [['/review/zh-CN/review.pdf'], 'review/zh-CN/review.pdf', 'application/pdf'],
];

/**
 * The mock's front page: where everything is, in both languages (what this install holds).
 * @param {(path: string) => boolean} has whether this install serves a page
 */
function indexPage(has) {
  /**
   * @param {string} path
   * @param {string} text
   */
  const link = (path, text) => (has(path) ? `<a href="${path}">${text}</a>` : '');
  /**
   * @param {string} label
   * @param {string[]} links
   */
  const line = (label, links) => (links.some(Boolean) ? `<li>${label}: ${links.filter(Boolean).join(' · ')}</li>` : '');
  return Buffer.from(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>apig-app-contract mock</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body { font: 15px/1.6 sans-serif; margin: 32px; } code { background: #f2f2f7; padding: 0 4px; }</style></head>
<body><h1>apig-app-contract mock</h1>
<p>The APP API (应用) of Huawei Cloud API Gateway, served by Prism's engine from the contract, on three generations:
<code>/v1.0/apigw/…</code>, <code>/v1/{project_id}/apigw/instances/{instance_id}/…</code>, <code>/v2/{project_id}/apigw/instances/{instance_id}/…</code>:
APPs (<code>…/apps</code>), their AppCodes (<code>…/apps/{app_id}/app-codes</code>), authorizations (<code>…/app-auths</code>) and the outline (<code>…/resources/outline/apps</code>).</p>
<ul>
${line('Docs', [link('/docs/index.html', 'English'), link('/docs/zh-CN/index.html', '简体中文')])}
${line('Contract at a glance (review sheet)', [link('/review/index.html', 'English'), link('/review/review.pdf', 'PDF'), link('/review/zh-CN/index.html', '契约一览'), link('/review/zh-CN/review.pdf', 'PDF')])}
${line('Documents', [link('/openapi.json', 'openapi.json'), link('/openapi.yaml', 'openapi.yaml'), link('/openapi-3.0.json', 'openapi-3.0.json (OpenAPI 3.0.3)')])}
</ul></body></html>
`);
}

/**
 * The pages `generatedDir` holds, by path, with the front page.
 * @param {string} generatedDir
 * @returns {Record<string, Page>}
 */
export function staticPages(generatedDir) {
  /** @type {Record<string, Page>} */
  const pages = {};
  for (const [paths, file, type] of STATIC_FILES) {
    if (!existsSync(join(generatedDir, file))) continue;
    const page = { body: readFileSync(join(generatedDir, file)), type };
    for (const path of paths) pages[path] = page;
  }
  pages['/'] = { body: indexPage((path) => path in pages), type: 'text/html; charset=utf-8' };
  return pages;
}

/**
 * The pages naming this mock: the documents and the docs pages name the local mock as
 * http://127.0.0.1:4010, rewritten to `url` (a page served under two paths is rewritten once).
 * @param {Record<string, Page>} pages
 * @param {string} url
 * @returns {Record<string, Page>}
 */
export function pagesNaming(pages, url) {
  /** @type {Map<Page, Page>} */
  const rewritten = new Map();
  /** @type {Record<string, Page>} */
  const out = {};
  for (const [path, page] of Object.entries(pages)) {
    if (page.type === 'application/pdf') out[path] = page;
    else {
      if (!rewritten.has(page)) rewritten.set(page, { ...page, body: Buffer.from(page.body.toString('utf8').replaceAll('http://127.0.0.1:4010', url)) });
      out[path] = /** @type {Page} */ (rewritten.get(page));
    }
  }
  return out;
}

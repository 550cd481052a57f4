#!/usr/bin/env node
// Rebuilds everything in generated/ from spec/. Deterministic: the same spec gives the
// same bytes, so a diff in generated/ always means a contract change.
//   node scripts/generate.mjs [outDir]   (default: generated/)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { GENERATED, ROOT, SPEC, binOf, runNode } from './tools.mjs';
import { validatorModule } from './generate-validator.mjs';
import { loadTranslations, translateDocument } from './translations.mjs';

const REDOCLY = binOf('@redocly/cli', 'redocly');
const PAGES = [
  { lang: 'en', dir: 'docs', title: 'Create APP (创建APP) — Huawei Cloud API Gateway' },
  { lang: 'zh-CN', dir: 'docs/zh-CN', title: '创建APP — 华为云 API 网关' },
];

// Redoc 3 renders its attribution logo from Redocly's CDN; the page must load nothing
// from the network, so the logo becomes an inline SVG (the attribution link stays).
const CDN_LOGOS = [
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg',
  'https://cdn.redoc.ly/redoc/logo-mini.svg',
];
const INLINE_LOGO =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16" viewBox="0 0 64 16">' +
      '<text x="0" y="12" font-family="sans-serif" font-size="12" fill="#7a7a7a">Redocly</text></svg>',
  );

function bundle(outDir) {
  runNode(REDOCLY, ['bundle', SPEC, '-o', join(outDir, 'openapi.yaml')]);
  runNode(REDOCLY, ['bundle', SPEC, '--ext', 'json', '-o', join(outDir, 'openapi.json')]);
}

async function types(outDir) {
  const ast = await openapiTS(pathToFileURL(join(outDir, 'openapi.yaml')));
  writeFileSync(join(outDir, 'schema.d.ts'), astToString(ast));
}

function validator(outDir) {
  const { js, dts } = validatorModule(JSON.parse(readFileSync(join(outDir, 'openapi.json'), 'utf8')));
  writeFileSync(join(outDir, 'create-app-request-validator.js'), js);
  writeFileSync(join(outDir, 'create-app-request-validator.d.ts'), dts);
}

/** Renders one page; the source is spec/ itself (English) or a translated copy of the bundle. */
function renderPage(outDir, { lang, dir, title }) {
  const page = join(outDir, dir, 'index.html');
  mkdirSync(join(outDir, dir), { recursive: true });
  let source = SPEC;
  if (lang !== 'en') {
    const bundled = JSON.parse(readFileSync(join(outDir, 'openapi.json'), 'utf8'));
    source = join(outDir, dir, `openapi.${lang}.json`);
    writeFileSync(source, JSON.stringify(translateDocument(bundled, loadTranslations(lang))));
  }
  try {
    runNode(REDOCLY, [
      'build-docs', source, '--inlineBundle', '--title', title, `--templateOptions.lang=${lang}`,
      '--template', join(ROOT, 'scripts', 'docs-template.hbs'), '-o', page,
    ]);
  } finally {
    if (source !== SPEC) rmSync(source, { force: true });
  }
  let html = readFileSync(page, 'utf8');
  for (const url of CDN_LOGOS) {
    if (!html.includes(url)) {
      throw new Error(`Redoc no longer references ${url}: re-check what the docs page loads from the network.`);
    }
    html = html.replaceAll(url, INLINE_LOGO);
  }
  if (!html.includes('"disableTelemetry":true')) {
    throw new Error('The docs page would send telemetry: redocly.yaml must say `telemetry: off`.');
  }
  writeFileSync(page, html);
}

function docs(outDir) {
  for (const page of PAGES) renderPage(outDir, page);
}

export async function generate(outDir = GENERATED) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  bundle(outDir);
  await types(outDir);
  validator(outDir);
  docs(outDir);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = resolve(process.argv[2] ?? GENERATED);
  await generate(outDir);
  console.log(`generated/ rebuilt from spec/ in ${outDir}`);
}

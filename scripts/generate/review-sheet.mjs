// The review sheet ("contract at a glance"): one static page per language with every
// operation, every field's rule in full (type, required, length, pattern, source wording),
// every status and a table of every error code. Derived from the bundled document, so it
// cannot drift; no script, nothing collapsed: what a reviewer prints, searches or diffs.
import { deref } from './json-pointer.mjs';
import { loadTranslations, translateDocument } from './translations.mjs';

/** @typedef {import('../openapi.d.mts').Document} Document */
/** @typedef {import('../openapi.d.mts').Schema} Schema */
/** @typedef {import('../openapi.d.mts').PathItem} PathItem */
/** @typedef {import('../openapi.d.mts').Operation} Operation */
/** @typedef {'en' | 'zh-CN'} Language */

/** @type {import('../openapi.d.mts').Method[]} */
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * A language's words; `chars` and `range` word a length's or a value's bounds (either may be missing).
 * @typedef {{
 *   lang: string, title: string, version: string, links: string, docs: string, otherLanguage: string, pdf: string, document: string,
 *   operations: string, method: string, path: string, summary: string, operationId: string, statuses: string, parameters: string,
 *   requestBody: string, responseBody: string, field: string, in: string, type: string, required: string, yes: string, no: string,
 *   rule: string, source: string, description: string, status: string, schema: string, errors: string, code: string, message: string,
 *   meaning: string, where: string, none: string, security: string,
 *   chars: (a: number | undefined, b: number | undefined) => string, range: (a: number | undefined, b: number | undefined) => string,
 *   pattern: string, notPattern: string, oneOf: string, format: string, default: string,
 *   types: Record<string, string>, ins: Record<string, string>
 * }} Labels
 */

/** @type {Record<Language, Labels>} */
const LABELS = {
  en: {
    lang: 'en',
    title: 'Contract at a glance',
    version: 'Contract version',
    links: 'Also',
    docs: 'Full docs',
    otherLanguage: '简体中文',
    pdf: 'PDF for printing',
    document: 'OpenAPI document',
    operations: 'Operations',
    method: 'Method',
    path: 'Path',
    summary: 'Summary',
    operationId: 'Operation id',
    statuses: 'Statuses',
    parameters: 'Parameters',
    requestBody: 'Request body',
    responseBody: 'Response body',
    field: 'Field',
    in: 'In',
    type: 'Type',
    required: 'Required',
    yes: 'yes',
    no: 'no',
    rule: 'Rule',
    source: 'Source wording',
    description: 'Description',
    status: 'Status',
    schema: 'Body',
    errors: 'Error codes',
    code: 'Error code',
    message: 'error_msg',
    meaning: 'Meaning',
    where: 'Operations',
    none: 'none',
    security: 'Authentication',
    chars: (a, b) => (a !== undefined && b !== undefined ? `${a}–${b} characters` : a !== undefined ? `at least ${a} characters` : `at most ${b} characters`),
    range: (a, b) => (a !== undefined && b !== undefined ? `${a} to ${b}` : a !== undefined ? `at least ${a}` : `at most ${b}`),
    pattern: 'must match',
    notPattern: 'refused when it contains',
    oneOf: 'one of',
    format: 'format',
    default: 'default',
    types: { string: 'string', integer: 'integer', number: 'number', boolean: 'boolean', object: 'object', array: 'array' },
    ins: { path: 'path', query: 'query', header: 'header' },
  },
  'zh-CN': {
    lang: 'zh-CN',
    title: '契约一览',
    version: '契约版本',
    links: '另见',
    docs: '完整文档',
    otherLanguage: 'English',
    pdf: '打印版 PDF',
    document: 'OpenAPI 文档',
    operations: '接口',
    method: '请求方法',
    path: 'URI',
    summary: '说明',
    operationId: '接口标识',
    statuses: '状态码',
    parameters: '参数',
    requestBody: '请求消息',
    responseBody: '响应消息',
    field: '参数',
    in: '位置',
    type: '类型',
    required: '是否必选',
    yes: '是',
    no: '否',
    rule: '规则',
    source: '来源文档原文',
    description: '描述',
    status: '状态码',
    schema: '消息体',
    errors: '错误码',
    code: '错误码',
    message: '错误信息（error_msg）',
    meaning: '含义',
    where: '接口',
    none: '无',
    security: '认证方式',
    chars: (a, b) => (a !== undefined && b !== undefined ? `${a} ~ ${b} 个字符` : a !== undefined ? `至少 ${a} 个字符` : `不超过 ${b} 个字符`),
    range: (a, b) => (a !== undefined && b !== undefined ? `${a} ~ ${b}` : a !== undefined ? `不小于 ${a}` : `不大于 ${b}`),
    pattern: '须匹配',
    notPattern: '含有以下字符即拒绝',
    oneOf: '取值',
    format: '格式',
    default: '默认值',
    types: { string: '字符串', integer: '整数', number: '数字', boolean: '布尔值', object: '对象', array: '数组' },
    ins: { path: '路径', query: '查询', header: '请求头' },
  },
};

export const REVIEW_LANGUAGES = /** @type {Language[]} */ (Object.keys(LABELS));

/** @param {unknown} text */
const escapeHtml = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[/** @type {'&' | '<' | '>' | '"'} */ (c)]);
/** @param {unknown} text */
const code = (text) => `<code>${escapeHtml(text)}</code>`;
/**
 * The first paragraph of a Markdown description, as HTML with its inline code kept.
 * @param {string} [markdown]
 */
const firstParagraph = (markdown = '') =>
  escapeHtml(/** @type {string} */ (markdown.trim().split(/\n\s*\n/)[0]).replace(/\s*\n\s*/g, ' ').replace(/\\(.)/g, '$1')).replace(
    /`([^`]+)`/g,
    '<code>$1</code>',
  );
/**
 * The source page's wording: `x-rule-zh`, or the quotes after `Source:` in the description.
 * @param {Schema} schema
 */
function sourceWording(schema) {
  if (schema['x-rule-zh']) return schema['x-rule-zh'];
  const match = /Source:?\s*((?:“[^”]*”\s*)+)/.exec(schema.description ?? '');
  return match ? /** @type {string} */ (match[1]).trim().replace(/\\(.)/g, '$1') : '';
}

/**
 * @param {Schema} schema
 * @param {Labels} L
 */
function typeOf(schema, L) {
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  return L.types[/** @type {string} */ (type)] ?? type ?? '';
}

/**
 * @param {Schema} schema
 * @param {Labels} L
 */
function ruleOf(schema, L) {
  /** @type {string[]} */
  const parts = [];
  if (schema.minLength !== undefined || schema.maxLength !== undefined) parts.push(escapeHtml(L.chars(schema.minLength, schema.maxLength)));
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(escapeHtml(L.range(schema.minimum, schema.maximum)));
  if (schema.pattern) parts.push(`${L.pattern} ${code(schema.pattern)}`);
  if (schema.not?.pattern) parts.push(`${L.notPattern} ${code(schema.not.pattern)}`);
  if (schema.enum) parts.push(`${L.oneOf} ${schema.enum.map((v) => code(v)).join(', ')}`);
  if (schema.format) parts.push(`${L.format} ${code(schema.format)}`);
  if (schema.default !== undefined) parts.push(`${L.default} ${code(schema.default)}`);
  return parts.join('; ');
}

/**
 * @param {string[]} head
 * @param {unknown[][]} rows
 */
const table = (head, rows) =>
  rows.length === 0
    ? ''
    : `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

/**
 * One row per property: the text from `doc` (maybe translated), the source wording from `english`.
 * @param {Document} doc
 * @param {Document} english
 * @param {Schema | undefined} schemaRef
 * @param {Schema | undefined} englishRef
 * @param {Labels} L
 */
function fieldRows(doc, english, schemaRef, englishRef, L) {
  const schema = deref(doc, schemaRef) ?? {};
  const englishSchema = deref(english, englishRef) ?? {};
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, raw]) => {
    const prop = deref(doc, raw);
    const source = sourceWording(deref(english, englishSchema.properties?.[name]) ?? {});
    return [code(name), escapeHtml(typeOf(prop, L)), required.has(name) ? L.yes : L.no, ruleOf(prop, L), escapeHtml(source), firstParagraph(prop.description)];
  });
}

/** @param {Document} doc */
function operationsOf(doc) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, item, op: /** @type {Operation} */ (item[method]) })),
  );
}

/** @param {Document} doc */
function errorCodes(doc) {
  /** @type {Map<string, { status: string, code: string, message: unknown, meaning: string, where: string[] }>} */
  const found = new Map();
  for (const { path, method, op } of operationsOf(doc)) {
    for (const [status, raw] of Object.entries(op.responses)) {
      const examples = deref(doc, raw)?.content?.['application/json']?.examples ?? {};
      for (const example of Object.values(examples).map((e) => deref(doc, e))) {
        // An error's example: its body.
        const value = /** @type {{ error_code?: string, error_msg?: string } | undefined} */ (example?.value);
        if (!value?.error_code) continue;
        const key = `${value.error_code} ${status}`;
        /** @type {{ status: string, code: string, message: unknown, meaning: string, where: string[] }} */
        const entry = found.get(key) ?? {
          status,
          code: value.error_code,
          message: value.error_msg,
          meaning: (example.summary ?? '').replace(/^APIG\.\d+\s*[—-]\s*/, ''),
          where: [],
        };
        entry.where.push(`${method.toUpperCase()} ${path}`);
        found.set(key, entry);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.code.localeCompare(b.code) || a.status.localeCompare(b.status));
}

// Scoped to .apig-sheet: the same rules style the sheet's own page and its copy on the docs pages.
const STYLE = `
  .apig-sheet { font: 14px/1.45 "Noto Sans CJK SC", "Noto Sans", sans-serif; color: #1d1d1f; }
  .apig-sheet h1 { font-size: 24px; margin: 0 0 4px; }
  .apig-sheet h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 2px solid #1d1d1f; }
  .apig-sheet h3 { font-size: 16px; margin: 22px 0 6px; }
  .apig-sheet h4 { font-size: 14px; margin: 12px 0 4px; }
  .apig-sheet table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; }
  .apig-sheet th, .apig-sheet td { border: 1px solid #c7c7cc; padding: 3px 6px; text-align: left; vertical-align: top; }
  .apig-sheet th { background: #f2f2f7; }
  .apig-sheet td:nth-child(-n+3) { white-space: nowrap; }
  .apig-sheet code { font: 13px/1.3 "Noto Sans Mono CJK SC", monospace; word-break: break-all; white-space: pre-wrap; }
  .apig-sheet nav a { margin-right: 14px; }
  .apig-sheet .op { break-inside: avoid-page; }
`;
const PAGE_STYLE = `body { margin: 24px; }\n  @page { size: A4 landscape; margin: 12mm; }`;

/**
 * The sheet's content for one language: operations, fields, statuses and error codes.
 * @param {Document} bundled
 * @param {Language} lang
 */
export function reviewSheetContent(bundled, lang) {
  const L = LABELS[lang];
  const doc = lang === 'en' ? bundled : translateDocument(bundled, loadTranslations(lang));
  const english = bundled; // source wording is Chinese in every language
  const ops = operationsOf(doc);
  const overview = table(
    [L.method, L.path, L.summary, L.operationId, L.statuses],
    ops.map(({ path, method, op }) => [
      method.toUpperCase(),
      code(path),
      escapeHtml(op.summary ?? ''),
      code(op.operationId ?? ''),
      Object.keys(op.responses).join(', '),
    ]),
  );
  const sections = ops.map(({ path, method, item, op }) => {
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(doc, p));
    // `english` is the same document as `doc` (untranslated): it has each path and operation.
    const englishItem = /** @type {PathItem} */ (english.paths[path]);
    const englishOp = /** @type {Operation} */ (englishItem[method]);
    const englishParams = [...(englishItem.parameters ?? []), ...(englishOp.parameters ?? [])].map((p) => deref(english, p));
    const paramRows = params.map((p, i) => [
      code(p.name),
      L.ins[p.in] ?? p.in,
      escapeHtml(typeOf(p.schema ?? {}, L)),
      p.required ? L.yes : L.no,
      ruleOf(p.schema ?? {}, L),
      escapeHtml(sourceWording({ description: englishParams[i]?.description })),
      firstParagraph(p.description),
    ]);
    /** @param {Document} d `doc` or `english`: each has this operation */
    const bodyOf = (d) =>
      deref(d, /** @type {Operation} */ (/** @type {PathItem} */ (d.paths[path])[method]).requestBody)?.content?.['application/json']?.schema;
    const bodyRows = bodyOf(doc) ? fieldRows(doc, english, bodyOf(doc), bodyOf(english), L) : [];
    const statusRows = Object.entries(op.responses).map(([status, raw]) => {
      const response = deref(doc, raw);
      const ref = response?.content?.['application/json']?.schema?.$ref;
      return [status, firstParagraph(response?.description), ref ? code(ref.split('/').pop()) : L.none];
    });
    const success = Object.keys(op.responses).find((s) => s.startsWith('2'));
    /** @param {Document} d `doc` or `english`: each has this operation */
    const successOf = (d) =>
      success && deref(d, /** @type {Operation} */ (/** @type {PathItem} */ (d.paths[path])[method]).responses[success])?.content?.['application/json']?.schema;
    const security = (op.security ?? doc.security ?? []).map((req) => Object.keys(req).join(' + ')).join(' | ');
    return `<section class="op" id="${escapeHtml(op.operationId)}">
<h3>${method.toUpperCase()} ${code(path)}: ${escapeHtml(op.summary ?? '')}</h3>
<p>${L.operationId}: ${code(op.operationId ?? '')}. ${L.security}: ${escapeHtml(security)}.</p>
${paramRows.length ? `<h4>${L.parameters}</h4>${table([L.field, L.in, L.type, L.required, L.rule, L.source, L.description], paramRows)}` : ''}
${bodyRows.length ? `<h4>${L.requestBody}</h4>${table([L.field, L.type, L.required, L.rule, L.source, L.description], bodyRows)}` : ''}
<h4>${L.statuses}</h4>${table([L.status, L.description, L.schema], statusRows)}
${successOf(doc) ? `<h4>${L.responseBody} (${success})</h4>${table([L.field, L.type, L.required, L.rule, L.source, L.description], fieldRows(doc, english, /** @type {Schema | undefined} */ (successOf(doc)), /** @type {Schema | undefined} */ (successOf(english)), L))}` : ''}
</section>`;
  });
  const errors = table(
    [L.code, L.status, L.message, L.meaning, L.where],
    errorCodes(doc).map((e) => [code(e.code), e.status, escapeHtml(e.message), escapeHtml(e.meaning), e.where.map((w) => code(w)).join('<br>')]),
  );
  return `<h2>${L.operations}</h2>
${overview}
${sections.join('\n')}
<h2>${L.errors}</h2>
${errors}`;
}

/**
 * The sheet as a page of its own; `links` are relative URLs of the sibling pages.
 * @param {Document} bundled
 * @param {Language} lang
 * @param {{ docs: string, otherLanguage: string, pdf: string, document: string }} links
 */
export function reviewSheet(bundled, lang, links) {
  const L = LABELS[lang];
  const doc = lang === 'en' ? bundled : translateDocument(bundled, loadTranslations(lang));
  return `<!DOCTYPE html>
<html lang="${L.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<title>${escapeHtml(L.title)} — ${escapeHtml(doc.info.title)}</title>
<style>${STYLE}  ${PAGE_STYLE}</style>
</head>
<body class="apig-sheet">
<h1>${escapeHtml(L.title)}: ${escapeHtml(doc.info.title)}</h1>
<p>${L.version} ${code(doc.info.version)}. ${escapeHtml(doc.info.summary ?? '')}</p>
<nav>${L.links}: <a href="${links.docs}">${L.docs}</a><a href="${links.otherLanguage}">${L.otherLanguage}</a><a href="${links.pdf}">${L.pdf}</a><a href="${links.document}">${L.document}</a></nav>
${reviewSheetContent(bundled, lang)}
</body>
</html>
`;
}

/**
 * The sheet's content as a section to put on another page (the docs pages), styled in scope.
 * @param {Document} bundled
 * @param {Language} lang
 * @param {string} href the sheet's page
 */
export function reviewSheetSection(bundled, lang, href) {
  const L = LABELS[lang];
  return `<style>${STYLE}  .apig-sheet#contract-at-a-glance { margin: 48px auto 24px; padding: 0 24px; max-width: 1400px; border-top: 4px solid #1d1d1f; }</style>
<section class="apig-sheet" id="contract-at-a-glance" lang="${L.lang}">
<h1>${escapeHtml(L.title)}</h1>
<p><a href="${href}">${L.title}</a> · ${L.pdf}: <a href="${href.replace(/index\.html$/, 'review.pdf')}">review.pdf</a></p>
${reviewSheetContent(bundled, lang)}
</section>`;
}

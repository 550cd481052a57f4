// The 简体中文 translation covers every prose field, in both directions, and uses the source
// pages' own wording for the field rules.
import { describe, expect, it } from 'vitest';
import { loadTranslations, prosePointers, translateDocument, translationProblems } from '../../scripts/generate/translations.mjs';
import { ENDPOINTS, REQUEST_FIELDS } from '../rules/create-app-rules.js';
import { loadBundledDocument } from '../helpers/bundled-document.js';

const doc = loadBundledDocument();
const zh = loadTranslations('zh-CN') as Record<string, string>;
const unescaped = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

describe('zh-CN translation', () => {
  it('translates every prose field and nothing else', () => {
    expect(translationProblems(doc, zh, 'zh-CN')).toEqual([]);
  });

  it('fails when a description is added without a translation, or a translation is left over', () => {
    const grown = structuredClone(doc);
    grown.components.schemas.App.properties.bind_num = { type: 'integer', description: 'Number of bound APIs.' };
    expect(translationProblems(grown, zh, 'zh-CN')).toEqual([
      expect.stringContaining('missing zh-CN translation for /components/schemas/App/properties/bind_num/description'),
    ]);
    const extra = { ...zh, '/components/schemas/App/properties/gone/description': '已删除' };
    expect(translationProblems(doc, extra, 'zh-CN')).toEqual([expect.stringContaining('has no description left to translate')]);
  });

  it('leaves rules, patterns and examples untouched', () => {
    const translated = translateDocument(doc, zh);
    const strip = (d: any) =>
      JSON.stringify(d, (key, value) => (['description', 'summary', 'title'].includes(key) && typeof value === 'string' ? undefined : value));
    expect(strip(translated)).toBe(strip(doc));
    expect(prosePointers(translated).size).toBe(prosePointers(doc).size);
  });

  it('quotes the source pages for every request field and path parameter', () => {
    for (const rule of REQUEST_FIELDS) {
      expect(unescaped(zh[`/components/schemas/CreateAppRequest/properties/${rule.field}/description`]!), rule.field).toContain(rule.source);
    }
    expect(zh['/components/parameters/ProjectId/description']).toContain(ENDPOINTS[1]!.pathParams.project_id);
    expect(zh['/components/parameters/InstanceId/description']).toContain(ENDPOINTS[1]!.pathParams.instance_id);
  });

  it('gives each request field one valid and one invalid example, in both languages', () => {
    for (const rule of REQUEST_FIELDS) {
      const en = doc.components.schemas.CreateAppRequest.properties[rule.field].description as string;
      expect(en, rule.field).toMatch(/Valid: .+ Invalid: /s);
      expect(zh[`/components/schemas/CreateAppRequest/properties/${rule.field}/description`], rule.field).toMatch(/合法示例：.+非法示例：/s);
    }
  });
});

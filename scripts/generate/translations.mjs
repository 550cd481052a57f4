// Translations of the contract's prose (spec/translations/<lang>.yaml, keyed by JSON pointer):
// finding every prose field, checking both directions, and applying a translation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { escapePointer, pointerKeys } from './json-pointer.mjs';
import { ROOT } from '../tools.mjs';

const PROSE_KEYS = new Set(['title', 'summary', 'description']);
// Under these keys sit example payloads and schema example values: data, not prose.
const DATA_KEYS = new Set(['value', 'example', 'examples', 'default', 'enum', 'const']);

/**
 * A translation: JSON pointer → text (what spec/translations/<lang>.yaml holds; checked by translationProblems).
 * @typedef {Record<string, unknown>} Translations
 */

/**
 * Every prose string of a document, as a Map from JSON pointer to text.
 * @param {unknown} doc
 */
export function prosePointers(doc) {
  /** @type {Map<string, string>} */
  const found = new Map();
  /**
   * @param {unknown} node
   * @param {string} pointer
   */
  const walk = (node, pointer) => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${pointer}/${i}`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (PROSE_KEYS.has(key) && typeof value === 'string') found.set(at, value);
      else if (key === 'examples' && !Array.isArray(value) && value && typeof value === 'object') {
        // Named examples (media types): their summary/description are prose, their value is data.
        for (const [name, example] of Object.entries(value))
          walk(Object.fromEntries(Object.entries(example).filter(([k]) => k !== 'value')), `${at}/${escapePointer(name)}`);
      } else if (!DATA_KEYS.has(key) && !key.startsWith('x-')) walk(value, at);
    }
  };
  walk(doc, '');
  return found;
}

/**
 * @param {string} lang
 * @returns {Translations}
 */
export function loadTranslations(lang) {
  return parse(readFileSync(join(ROOT, 'spec', 'translations', `${lang}.yaml`), 'utf8')) ?? {};
}

/**
 * One readable line per problem: prose with no translation, or a translation with no prose.
 * @param {unknown} doc
 * @param {Translations} translations
 * @param {string} lang
 */
export function translationProblems(doc, translations, lang) {
  const prose = prosePointers(doc);
  const problems = [];
  for (const [pointer, text] of prose) {
    const translated = translations[pointer];
    if (typeof translated !== 'string' || translated.trim() === '')
      problems.push(`missing ${lang} translation for ${pointer} (“${text.slice(0, 60).replace(/\n/g, ' ')}…”)`);
  }
  for (const pointer of Object.keys(translations)) {
    if (!prose.has(pointer)) problems.push(`${lang} translation ${pointer} has no description left to translate: remove it`);
  }
  return problems;
}

/**
 * A copy of the document with its prose replaced by the translation.
 * @template Doc
 * @param {Doc} doc
 * @param {Translations} translations
 * @returns {Doc}
 */
export function translateDocument(doc, translations) {
  const copy = structuredClone(doc);
  for (const [pointer, text] of Object.entries(translations)) {
    const keys = pointerKeys(pointer);
    // A pointer has a key at least (`/…`): the last is the prose field's.
    const last = /** @type {string} */ (keys.pop());
    /** @type {Record<string, unknown> | undefined} the prose field's parent, when the document has it */
    const parent = keys.reduce(
      (node, key) => /** @type {Record<string, unknown> | undefined} */ (node?.[key]),
      /** @type {Record<string, unknown> | undefined} */ (copy),
    );
    if (parent && typeof parent[last] === 'string') parent[last] = text;
  }
  return copy;
}

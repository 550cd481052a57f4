// Property-based: for generated strings biased toward boundary lengths and mixed character
// classes, the server accepts a value exactly when the reference predicate (written from
// the source pages' wording) does. Fixed seed, bounded runs; fast-check prints the
// counterexample on failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_PREDICATES, REQUEST_FIELDS } from '../rules/create-app-rules.js';
import { VARIANTS, caseBody, send } from './target.js';

const chars = (s: string) => Array.from(s);
const CLASSES = {
  letters: chars('abcxyzABCXYZ'),
  digits: chars('0189'),
  underscore: ['_'],
  hyphen: ['-'],
  secretSymbols: chars('!@#$%'),
  otherAscii: chars(' .^&*+=/\\:;"\'<>?,`~|()[]{}'),
  han: ['\u4e00', '\u9fa5', '应', '用', '测', '试'],
  nearHan: ['\u4dff', '\u9fa6', '\u3007'],
  kana: chars('あカ'),
  fullWidth: chars('！＿ａＡ１，　'),
  whitespace: ['\n', '\t', '\r', ' ', '\u00a0'],
  astral: ['😀', '𠀀', '🀄'],
};
const anyChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CLASSES.letters) },
  { weight: 3, arbitrary: fc.constantFrom(...CLASSES.digits) },
  { weight: 2, arbitrary: fc.constantFrom(...CLASSES.underscore, ...CLASSES.hyphen) },
  { weight: 2, arbitrary: fc.constantFrom(...CLASSES.secretSymbols) },
  { weight: 3, arbitrary: fc.constantFrom(...CLASSES.han) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...CLASSES.otherAscii, ...CLASSES.nearHan, ...CLASSES.kana, ...CLASSES.fullWidth, ...CLASSES.whitespace, ...CLASSES.astral),
  },
);

/** Each field's own alphabet, from the source pages' wording, so that valid values are common. */
const FIELD_ALPHABETS: Record<string, string[]> = {
  name: [...CLASSES.letters, ...CLASSES.digits, '_', ...CLASSES.han],
  remark: [...CLASSES.letters, ...CLASSES.han, ...CLASSES.otherAscii, ...CLASSES.astral, '\n'],
  app_key: [...CLASSES.letters, ...CLASSES.digits, '_', '-'],
  app_secret: [...CLASSES.letters, ...CLASSES.digits, '_', '-', ...CLASSES.secretSymbols],
};

/**
 * Strings whose length sits on or next to the field's limits most of the time, drawn from
 * the field's alphabet, then often with one character swapped for any class (which may or
 * may not break the rule: a digit or 汉字 in first place, a symbol, kana, an emoji…).
 */
function valuesFor(field: string, min: number, max: number) {
  const length = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(Math.max(0, min - 1), min, min + 1, max - 1, max, max + 1) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: max + 2 }) },
  );
  const own = fc.constantFrom(...FIELD_ALPHABETS[field]!);
  return length.chain((n) =>
    fc.tuple(fc.array(own, { minLength: n, maxLength: n }), fc.option(fc.tuple(fc.nat(), anyChar), { freq: 2 })).map(([letters, swap]) => {
      if (swap && letters.length > 0) letters[swap[0] % letters.length] = swap[1];
      return letters.join('');
    }),
  );
}

describe.each(VARIANTS)('%s gateway: server verdict equals the reference predicate', (variant) => {
  it.each(REQUEST_FIELDS.map((rule) => ({ ...rule })))('$field', async ({ field, minLength = 0, maxLength }) => {
    const predicate = REFERENCE_PREDICATES[field];
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(valuesFor(field, minLength, maxLength), async (value) => {
        const reply = await send(variant, { json: caseBody(field, value) });
        const expected = predicate(value) ? 201 : 400;
        if (reply.status === 201) accepted += 1;
        expect(reply.status, `${field} = ${JSON.stringify(value)}: ${reply.text}`).toBe(expected);
      }),
      { seed: 4010, numRuns: 120 },
    );
    // The generator must reach both sides of the rule, or the property proves little.
    expect(accepted).toBeGreaterThan(5);
    expect(accepted).toBeLessThan(120);
  });
});

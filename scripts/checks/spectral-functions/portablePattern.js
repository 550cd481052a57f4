// Spectral function: every `pattern` must read the same in ECMA-262 (JavaScript), RE2 (Go),
// PCRE/Perl, Python `re` and java.util.regex, the engines our document's users validate with.
// Given a schema that has a `pattern`; also checks its `not.pattern`, and asks an anchored
// pattern for that `not` (in Python, Java and PCRE `$` also matches before a final newline).

/**
 * Constructs outside the portable subset, each with the reason a user would need.
 * @type {Array<[RegExp, string]>}
 */
const ESCAPES = [
  [/^\\u/, '`\\uXXXX` is a literal `u` in PCRE/Perl and an error in RE2 (Go): write the character itself, e.g. `一-龥` for U+4E00–U+9FA5'],
  [/^\\x\{/, '`\\x{…}` is not JavaScript: write the character itself'],
  [/^\\[dDwWsS]/, '`\\d`, `\\w`, `\\s` match non-ASCII digits, letters or spaces in Python, Java (with flags) and .NET: spell the class out, e.g. `[0-9]`'],
  [/^\\[bB]/, 'word boundaries are Unicode-aware in some engines: spell the rule out'],
  [/^\\[pPX]/, 'Unicode property classes differ between engines (RE2 and ECMA without `u` lack some): list the characters'],
  [/^\\[AzZGRhHvVKQEN]/, 'this escape is not in ECMA-262 or means something else there: `$` plus a `not` pattern ends the string everywhere'],
  [/^\\[1-9k]/, 'backreferences are not in RE2 (Go)'],
];

/**
 * The problems of one pattern, as readable sentences; empty when it is portable.
 * @param {string} pattern
 */
export function portabilityProblems(pattern) {
  /** @type {string[]} */
  const problems = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const rest = pattern.slice(i);
    const ch = pattern[i];
    const codePoint = /** @type {number} */ (pattern.codePointAt(i)); // (i is within the pattern)
    if (codePoint > 0xffff) {
      problems.push(
        `${String.fromCodePoint(codePoint)} is outside the BMP: a JavaScript regex without the \`u\` flag (what zod generators emit) sees two UTF-16 units`,
      );
      i++;
      continue;
    }
    if (ch === '\\') {
      const found = ESCAPES.find(([re]) => re.test(rest));
      if (found) problems.push(`${rest.slice(0, 2)}: ${found[1]}`);
      i++; // the escaped character
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      else if (ch === '[') problems.push('`[` inside a class opens a nested class in Java: escape it as `\\[`');
      else if (rest.startsWith('&&')) problems.push('`&&` inside a class is an intersection in Java: drop it or escape it');
      continue;
    }
    if (ch === '[') {
      inClass = true;
      if (pattern[i + 1] === '^') i++;
      if (pattern[i + 1] === ']') i++; // a leading `]` is literal
      continue;
    }
    if (rest.startsWith('(?')) problems.push('`(?` (lookaround, named groups, inline flags) is not in RE2 (Go) or differs between engines');
    else if (ch === '.') problems.push('`.` excludes different line terminators in each engine: list the characters instead');
    else if (/^[*+?}]\+/.test(rest)) problems.push('possessive quantifiers are not in ECMA-262, RE2 or Python before 3.11');
  }
  return problems;
}

const ANCHORED_AT_END = /(^|[^\\])\$$/;
const NEGATED_CLASS = /^\[\^(?:\\.|[^\]\\[])+\]$/;

/**
 * @param {{ pattern: string, not?: { pattern?: unknown } }} schema one with a `pattern` (the rule's `given`)
 * @param {unknown} _options
 * @param {{ path: Array<string | number> }} context Spectral's: where the schema is
 * @returns {Array<{ message: string, path: Array<string | number> }>}
 */
export default function portablePattern(schema, _options, context) {
  /** @type {Array<{ message: string, path: Array<string | number> }>} */
  const results = [];
  /**
   * @param {string} message
   * @param {string[]} key
   */
  const report = (message, key) => results.push({ message, path: [...context.path, ...key] });
  for (const problem of portabilityProblems(schema.pattern)) report(`pattern ${schema.pattern}: ${problem}.`, ['pattern']);
  const notPattern = schema.not?.pattern;
  if (typeof notPattern === 'string') {
    for (const problem of portabilityProblems(notPattern)) report(`not.pattern ${notPattern}: ${problem}.`, ['not', 'pattern']);
  }
  if (ANCHORED_AT_END.test(schema.pattern) && !(typeof notPattern === 'string' && NEGATED_CLASS.test(notPattern))) {
    report(
      `pattern ${schema.pattern} ends in \`$\`, which in Python, Java and PCRE also matches before a final newline: add \`not: {pattern: "[^…]"}\` with the allowed characters, so "abc\\n" is refused everywhere.`,
      ['pattern'],
    );
  }
  return results;
}

// The lint rule that keeps every pattern in the subset ECMA-262, RE2, PCRE, Python `re` and
// java.util.regex read alike (scripts/checks/spectral-functions/portablePattern.js).
import { describe, expect, it } from 'vitest';
import portablePattern, { portabilityProblems } from '../../scripts/checks/spectral-functions/portablePattern.js';

const run = (schema: Parameters<typeof portablePattern>[0]) => portablePattern(schema, {}, { path: ['s'] }).map((r: { message: string }) => r.message);

describe('portable patterns', () => {
  it.each(['^[A-Za-z一-龥][A-Za-z0-9_一-龥]{2,63}$', '[^A-Za-z0-9_!@#$%-]', '^APIG\\.[0-9]{4}$', '^[\\]a-]+$', '^(ab|cd)*?$'])('%s is portable', (pattern) => {
    expect(portabilityProblems(pattern)).toEqual([]);
  });

  it.each([
    ['^[\\u4e00-\\u9fa5]+$', /literal `u` in PCRE/],
    ['^\\x{4e00}$', /not JavaScript/],
    ['^\\d{4}$', /\[0-9\]/],
    ['^\\w+$', /spell the class out/],
    ['^\\s$', /spell the class out/],
    ['\\bword', /word boundaries/],
    ['^\\p{Han}+$', /Unicode property/],
    ['^abc\\z', /not in ECMA-262/],
    ['^(a)\\1$', /backreferences/],
    ['^(?=a)b$', /lookaround/],
    ['^(?<n>a)$', /lookaround, named groups/],
    ['^a.c$', /line terminators/],
    ['^a*+$', /possessive/],
    ['^[a[b]]$', /nested class in Java/],
    ['^[a-z&&[^x]]$', /nested class in Java|intersection/],
    ['^[𠀀-𪛟]$', /outside the BMP/],
  ])('%s is refused with a reason', (pattern, reason) => {
    const problems = portabilityProblems(pattern);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join(' ')).toMatch(reason);
  });

  it('asks an anchored pattern for a `not` negated class, and checks that one too', () => {
    expect(run({ pattern: '^[a-z]{3}$' })).toEqual([expect.stringMatching(/also matches before a final newline: add `not/)]);
    expect(run({ pattern: '^[a-z]{3}$', not: { pattern: '[^a-z]' } })).toEqual([]);
    expect(run({ pattern: '^[a-z]{3}$', not: { pattern: '\\n' } })).toEqual([expect.stringMatching(/add `not/)]);
    expect(run({ pattern: '^[a-z]{3}$', not: { pattern: '[^\\d]' } })).toEqual([expect.stringMatching(/not\.pattern .*\[0-9\]/)]);
    expect(run({ pattern: 'abc' })).toEqual([]);
    expect(run({ pattern: '^abc\\$' })).toEqual([]);
  });
});

// Regex engines that JSON Schema validators in other languages use for `pattern` ("found
// anywhere in the string"): java.util.regex (Matcher.find; Debian's default-jdk-headless)
// and Perl (what PCRE follows; Perl's JSON::Validator). In both, `$` also matches before a
// final newline (Java: before \r, U+0085, U+2028 too); each anchored pattern's `not` must
// catch those. Lengths are counted in code points, as JSON Schema says.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES } from './cases.js';
import { APP_CODE_CASES } from '../rules/app-grant-rules.js';
import { DOCUMENTS } from './documents.js';
import { toolchain } from './toolchain.js';

const consumer = (dir: string) => fileURLToPath(new URL(`./consumers/${dir}/`, import.meta.url));
const ENGINES = [
  {
    name: 'Java: java.util.regex',
    command: ['java', 'PatternFind.java'],
    cwd: consumer('java'),
    available: toolchain('Java (java.util.regex)', ['javac', '-version'], 'default-jdk-headless').available,
  },
  {
    name: 'Perl regex',
    command: ['perl', 'pattern-find.pl'],
    cwd: consumer('perl'),
    available: toolchain('Perl', ['perl', '-MEncode', '-MMIME::Base64', '-e', '1'], 'perl').available,
  },
];

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const codePoints = (s: string) => Array.from(s).length;

/** "found anywhere" for each [pattern, value] pair, in one process. */
function findAll([command, ...args]: string[], cwd: string, pairs: Array<[string, string]>): boolean[] {
  const input = `${pairs.map(([p, v]) => `${b64(p)}\t${b64(v)}`).join('\n')}\n`;
  const result = spawnSync(command!, args, { cwd, input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  if (lines.length !== pairs.length) throw new Error(`${command} answered ${lines.length} lines for ${pairs.length} pairs:\n${result.stderr}`);
  return lines.map((line) => line === '1');
}

type FieldSchema = { pattern?: string; not?: { pattern?: string }; minLength?: number; maxLength?: number };

describe.each(ENGINES)('$name', ({ command, cwd, available }) => {
  describe.skipIf(!available).each(DOCUMENTS)('$name', ({ path }) => {
    const fields = JSON.parse(readFileSync(path, 'utf8')).components.schemas.CreateAppRequest.properties as Record<string, FieldSchema>;
    const stringCases = CASES.filter((c) => typeof c.value === 'string' && fields[c.field!]?.pattern);
    let verdicts: boolean[];
    beforeAll(() => {
      const pairs = stringCases.flatMap((c): Array<[string, string]> => {
        const schema = fields[c.field!]!;
        return [
          [schema.pattern!, c.value as string],
          [schema.not?.pattern ?? '[^\\s\\S]', c.value as string],
        ];
      });
      const found = findAll(command, cwd, pairs);
      verdicts = stringCases.map((c, i) => {
        const schema = fields[c.field!]!;
        const n = codePoints(c.value as string);
        return found[2 * i]! && !found[2 * i + 1]! && n >= (schema.minLength ?? 0) && n <= (schema.maxLength ?? Infinity);
      });
    }, 60_000);

    it('has string cases for every patterned field', () => {
      expect(new Set(stringCases.map((c) => c.field))).toEqual(new Set(Object.keys(fields).filter((f) => fields[f]!.pattern)));
    });

    it('pattern + not give the source pages’ verdict on every string case', () => {
      const wrong = stringCases.filter((c, i) => verdicts[i] !== c.valid).map((c) => `${c.id}: pages say ${c.valid ? 'valid' : 'invalid'}`);
      expect(wrong).toEqual([]);
    });
  });
});

// The AppCode rule, each generation's own: pattern + not + length in each engine.
const APP_CODE_SCHEMAS = [
  ['v1.0', 'CreateAppCodeRequest'],
  ['v2', 'CreateAppCodeRequestV2'],
] as const;
describe.each(ENGINES)('$name, app_code', ({ command, cwd, available }) => {
  describe.skipIf(!available).each(DOCUMENTS)('$name', ({ path }) => {
    it.each(APP_CODE_SCHEMAS)(
      '%s (%s): every string case gets the pages’ verdict',
      (generation, schemaName) => {
        const schema = JSON.parse(readFileSync(path, 'utf8')).components.schemas[schemaName].properties.app_code as FieldSchema;
        const cases = APP_CODE_CASES.filter((c) => c.generation === generation && typeof c.value === 'string');
        const found = findAll(
          command,
          cwd,
          cases.flatMap(
            (c): Array<[string, string]> => [
              [schema.pattern!, c.value as string],
              [schema.not!.pattern!, c.value as string],
            ],
          ),
        );
        const wrong = cases.filter((c, i) => {
          const n = codePoints(c.value as string);
          const verdict = found[2 * i]! && !found[2 * i + 1]! && n >= schema.minLength! && n <= schema.maxLength!;
          return verdict !== c.valid;
        });
        expect(wrong.map((c) => `${c.why}: pages say ${c.valid ? 'valid' : 'invalid'}`)).toEqual([]);
      },
      60_000,
    );
  });
});

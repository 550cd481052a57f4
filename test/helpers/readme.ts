// The README's code blocks, as a user copies them: tests run and type-check them as printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/tools.mjs';

/** The text of the README's `## <title>` section, up to the next `## `. */
export function readmeSection(title: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return readme.split(`\n## ${title}\n`)[1]?.split('\n## ')[0] ?? '';
}

/** Every ```<lang> block of a section, in order. */
export function codeBlocks(section: string, lang: 'ts' | 'sh'): string[] {
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** The TypeScript examples of "Calling Create APP". */
export const README_EXAMPLES = codeBlocks(readmeSection('Calling Create APP'), 'ts').map((code, i) => ({ name: `example-${i + 1}`, code }));

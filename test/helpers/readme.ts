// The Markdown pages' code blocks, as a user copies them: tests run and type-check them as
// printed. The README is for every reader; each audience has its page in docs/ (CONTRIBUTING.md
// for maintainers), and a test names the page and the heading it reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, binOf } from '../../scripts/tools.mjs';

/** A Markdown page of the repository, by its path from the root (`README.md`, `docs/client.md`). */
export function docText(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

/**
 * The text of `file`'s `## <heading>` section, up to the next `## ` (its `###` subsections
 * included). Throws when the page has no such heading, so a renamed heading fails the test
 * that reads it, naming the page, instead of leaving it nothing to check.
 */
export function docSection(file: string, heading: string): string {
  const parts = docText(file).split(`\n## ${heading}\n`);
  if (parts.length < 2) throw new Error(`${file} has no "## ${heading}" section`);
  return parts[1]!.split('\n## ')[0]!;
}

/** Every ```<lang> block of a text (a section, or a whole page), in order. */
export function codeBlocks(text: string, lang: 'ts' | 'sh' | 'js'): string[] {
  return [...text.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
}

/**
 * The first ```sh block of `file`'s `## <heading>`, as printed and made runnable from this
 * checkout: `npx <pkg>@<version>` becomes this project's own bin of `pkg`, the installed
 * package's path (`node_modules/apig-app-contract/`) this checkout, and the mock's default
 * URL `url`. `pinned` is the version package.json pins: a test expects the page to print it.
 */
export function shellBlockAsRun(file: string, heading: string, { pkg, bin, url }: { pkg: string; bin: string; url: string }) {
  const [printed = ''] = codeBlocks(docSection(file, heading), 'sh');
  const manifest = JSON.parse(docText('package.json')) as { devDependencies: Record<string, string> };
  const pinned = manifest.devDependencies[pkg];
  const script = printed
    .replaceAll(`npx ${pkg}@${pinned}`, `"${process.execPath}" "${binOf(pkg, bin)}"`)
    .replaceAll('node_modules/apig-app-contract/', `${ROOT}/`)
    .replaceAll('http://127.0.0.1:4010', url);
  return { printed, pinned, script };
}

/** Where the client's examples are: a client team's page. */
export const CLIENT_PAGE = 'docs/client.md';
export const CLIENT_SECTION = 'Calling the APP API';

/** The TypeScript examples of docs/client.md's "Calling the APP API". */
export const CLIENT_EXAMPLES = codeBlocks(docSection(CLIENT_PAGE, CLIENT_SECTION), 'ts').map((code, i) => ({ name: `example-${i + 1}`, code }));

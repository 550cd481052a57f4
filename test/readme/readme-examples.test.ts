// The client's TypeScript examples type-check as a user pastes them: each ```ts block of
// docs/client.md's "Calling the APP API" against the built package (tsc --strict, resolved by
// the package's own name), as an ES module and as CommonJS (what `npm init -y` makes of
// example.ts: no top-level await there). test/trial/readme-as-printed.test.ts runs them, from
// a project made as the page says with the packed tarball. The README's client example is one
// of them, as printed; every other ```ts block of the README and docs/ type-checks as an ES module.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/tools.mjs';
import { CLIENT_EXAMPLES, CLIENT_PAGE, CLIENT_SECTION, codeBlocks, docSection, docText } from '../helpers/readme.js';

// Inside the package, so `import … from 'apig-app-contract'` resolves to this package (dist/).
const SCRATCH = join(ROOT, '.artifacts', 'readme-examples');

describe(`${CLIENT_PAGE}: ${CLIENT_SECTION}`, () => {
  beforeAll(() => {
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(SCRATCH, { recursive: true });
    for (const { name, code } of CLIENT_EXAMPLES) {
      writeFileSync(join(SCRATCH, `${name}.ts`), code); // an ES module here (this package's "type": "module")
      writeFileSync(join(SCRATCH, `${name}.cts`), code); // CommonJS, as example.ts is in a project `npm init -y` made
    }
  });

  it('has the token, the AK/SK, the lifecycle and the provisioning example', () => {
    expect(CLIENT_EXAMPLES.map((e) => e.code.match(/createAppOnShared\w+|auth: \{ ak, sk|findAppByName|authorizeApps/)?.[0])).toEqual([
      'createAppOnSharedGateway',
      'auth: { ak, sk',
      'findAppByName',
      'authorizeApps',
    ]);
  });

  it('the AK/SK example creates on the current generation (v2), not v1', () => {
    const aksk = CLIENT_EXAMPLES.filter((e) => /auth: \{ ak, sk/.test(e.code));
    expect(aksk).toHaveLength(1);
    expect(aksk[0]!.code).toMatch(/createAppOnDedicatedGatewayV2\(/);
    expect(aksk[0]!.code).not.toMatch(/createAppOnDedicatedGateway\(/);
  });

  it('reads the credentials by the SDK names (HUAWEICLOUD_SDK_TOKEN, HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK), IAM_TOKEN only after HUAWEICLOUD_SDK_TOKEN', () => {
    for (const { name, code } of CLIENT_EXAMPLES) {
      const names = [...code.matchAll(/process\.env\.([A-Z_]+)/g)].map((m) => m[1]);
      // Nothing else: not the suite's old APIG_AK, APIG_SK or APIG_AUTH_TOKEN.
      for (const n of names)
        expect(
          [
            'HUAWEICLOUD_SDK_TOKEN',
            'IAM_TOKEN',
            'HUAWEICLOUD_SDK_AK',
            'HUAWEICLOUD_SDK_SK',
            'APIG_BASE_URL',
            'APIG_PROJECT_ID',
            'APIG_INSTANCE_ID',
            'APIG_API_IDS',
            'APIG_ALLOWED_IPS',
          ],
          name,
        ).toContain(n);
      if (names.includes('IAM_TOKEN')) expect(code, name).toContain('process.env.HUAWEICLOUD_SDK_TOKEN ?? process.env.IAM_TOKEN ??');
      if (/auth: \{ ak, sk/.test(code)) expect(names, name).toEqual(expect.arrayContaining(['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK']));
      else expect(names, name).toContain('HUAWEICLOUD_SDK_TOKEN');
    }
  });

  it('type-checks as written (strict, every name declared), as an ES module and as CommonJS', () => {
    const files = CLIENT_EXAMPLES.flatMap(({ name }) => [join(SCRATCH, `${name}.ts`), join(SCRATCH, `${name}.cts`)]);
    expect(typeCheck(files)).toEqual([]);
  }, 60_000);
});

/** tsc --strict over these files, as the client examples are checked: the problems, if any. */
function typeCheck(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Every page a reader is sent to: the README and docs/*.md. */
const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

describe('README: the client example', () => {
  const readmeExamples = codeBlocks(docSection('README.md', 'Client teams'), 'ts');

  it(`is one of ${CLIENT_PAGE}'s, as printed there (so it is type-checked and run with them)`, () => {
    expect(readmeExamples).toHaveLength(1);
    expect(CLIENT_EXAMPLES.map((e) => e.code)).toContain(readmeExamples[0]);
  });
});

describe('every other TypeScript block of the README and docs/', () => {
  const SCRATCH_OTHERS = join(ROOT, '.artifacts', 'docs-blocks');
  const clientCodes = new Set(CLIENT_EXAMPLES.map((e) => e.code));
  const others = PAGES.flatMap((page) =>
    codeBlocks(docText(page), 'ts')
      .filter((code) => !clientCodes.has(code))
      .map((code, i) => ({ page, name: `${page.replace(/[/.]/g, '-')}-${i + 1}`, code })),
  );

  it('type-checks as an ES module (strict), importing the package by its name', () => {
    rmSync(SCRATCH_OTHERS, { recursive: true, force: true });
    mkdirSync(SCRATCH_OTHERS, { recursive: true });
    // Each block alone: an `export {}` makes a block without imports a module too (top-level await).
    const files = others.map(({ name, code }) => {
      const file = join(SCRATCH_OTHERS, `${name}.ts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      return file;
    });
    expect(others.map((o) => o.page)).toContain('docs/mock.md');
    expect(typeCheck(files)).toEqual([]);
  }, 60_000);
});

// The README's TypeScript examples type-check as a user pastes them: each ```ts block of
// "Calling Create APP" against the built package (tsc --strict, resolved by the package's own
// name). test/trial/readme-as-printed.test.ts runs them, from a project that installed the
// packed tarball.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/tools.mjs';
import { README_EXAMPLES } from '../helpers/readme.js';

// Inside the package, so `import … from 'apig-app-contract'` resolves to this package (dist/).
const SCRATCH = join(ROOT, '.artifacts', 'readme-examples');

describe('README: Calling Create APP', () => {
  beforeAll(() => {
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(SCRATCH, { recursive: true });
    for (const { name, code } of README_EXAMPLES) writeFileSync(join(SCRATCH, `${name}.ts`), code);
  });

  it('has the token, the AK/SK, the lifecycle and the provisioning example', () => {
    expect(README_EXAMPLES.map((e) => e.code.match(/createAppOnShared\w+|createAppOnDedicatedGateway\b|findAppByName|authorizeApps/)?.[0])).toEqual(['createAppOnSharedGateway', 'createAppOnDedicatedGateway', 'findAppByName', 'authorizeApps']);
  });

  it('type-checks as written (strict, every name declared)', () => {
    const files = README_EXAMPLES.map(({ name }) => join(SCRATCH, `${name}.ts`));
    const program = ts.createProgram(files, { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: ['node'], skipLibCheck: true });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 60_000);
});

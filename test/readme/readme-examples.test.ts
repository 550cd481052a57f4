// The README's TypeScript examples type-check as a user pastes them: each ```ts block of
// "Calling Create APP" against the built package (tsc --strict, resolved by the package's own
// name), as an ES module and as CommonJS (what `npm init -y` makes of example.ts: no top-level
// await there). test/trial/readme-as-printed.test.ts runs them, from a project made as the
// README says with the packed tarball.
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
    for (const { name, code } of README_EXAMPLES) {
      writeFileSync(join(SCRATCH, `${name}.ts`), code); // an ES module here (this package's "type": "module")
      writeFileSync(join(SCRATCH, `${name}.cts`), code); // CommonJS, as example.ts is in a project `npm init -y` made
    }
  });

  it('has the token, the AK/SK, the lifecycle and the provisioning example', () => {
    expect(README_EXAMPLES.map((e) => e.code.match(/createAppOnShared\w+|auth: \{ ak, sk|findAppByName|authorizeApps/)?.[0])).toEqual(['createAppOnSharedGateway', 'auth: { ak, sk', 'findAppByName', 'authorizeApps']);
  });

  it('the AK/SK example creates on the current generation (v2), not v1', () => {
    const aksk = README_EXAMPLES.filter((e) => /auth: \{ ak, sk/.test(e.code));
    expect(aksk).toHaveLength(1);
    expect(aksk[0]!.code).toMatch(/createAppOnDedicatedGatewayV2\(/);
    expect(aksk[0]!.code).not.toMatch(/createAppOnDedicatedGateway\(/);
  });

  it('reads the credentials by the SDK names (HUAWEICLOUD_SDK_TOKEN, HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK), IAM_TOKEN only after HUAWEICLOUD_SDK_TOKEN', () => {
    for (const { name, code } of README_EXAMPLES) {
      const names = [...code.matchAll(/process\.env\.([A-Z_]+)/g)].map((m) => m[1]);
      // Nothing else: not the suite's old APIG_AK, APIG_SK or APIG_AUTH_TOKEN.
      for (const n of names) expect(['HUAWEICLOUD_SDK_TOKEN', 'IAM_TOKEN', 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'APIG_BASE_URL', 'APIG_PROJECT_ID', 'APIG_INSTANCE_ID', 'APIG_API_IDS'], name).toContain(n);
      if (names.includes('IAM_TOKEN')) expect(code, name).toContain('process.env.HUAWEICLOUD_SDK_TOKEN ?? process.env.IAM_TOKEN ??');
      if (/auth: \{ ak, sk/.test(code)) expect(names, name).toEqual(expect.arrayContaining(['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK']));
      else expect(names, name).toContain('HUAWEICLOUD_SDK_TOKEN');
    }
  });

  it('type-checks as written (strict, every name declared), as an ES module and as CommonJS', () => {
    const files = README_EXAMPLES.flatMap(({ name }) => [join(SCRATCH, `${name}.ts`), join(SCRATCH, `${name}.cts`)]);
    const program = ts.createProgram(files, { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: ['node'], skipLibCheck: true });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 60_000);
});

// The README's TypeScript examples, as a user pastes them: each ```ts block of "Calling
// Create APP" is type-checked against the built package (tsc --strict, resolved by the
// package's own name) and run against the mock.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { transform } from 'esbuild';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../mock/server.mjs';
import { ROOT } from '../../scripts/tools.mjs';

// Inside the package, so `import … from 'apig-app-contract'` resolves to this package (dist/).
const SCRATCH = join(ROOT, '.artifacts', 'readme-examples');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.split('\n## Calling Create APP\n')[1]?.split('\n## ')[0] ?? '';
const examples = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({ name: `example-${i + 1}`, code: m[1]! }));

describe('README: Calling Create APP', () => {
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  beforeAll(async () => {
    // Stateful, as `npm start` runs it, with the APP the lifecycle example looks for.
    mock = await startMockServer({ port: 0, seed: [{ tenant: 'v2 p1 i1', apps: [{ name: 'app_demo', remark: 'seeded' }] }] });
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(SCRATCH, { recursive: true });
    for (const { name, code } of examples) writeFileSync(join(SCRATCH, `${name}.ts`), code);
  });
  afterAll(async () => {
    await mock?.close();
  });

  it('has the token, the AK/SK and the lifecycle example', () => {
    expect(examples.map((e) => e.code.match(/createAppOn\w+|findAppByName/)?.[0])).toEqual(['createAppOnSharedGateway', 'createAppOnDedicatedGateway', 'findAppByName']);
  });

  it('type-checks as written (strict, every name declared)', () => {
    const files = examples.map(({ name }) => join(SCRATCH, `${name}.ts`));
    const program = ts.createProgram(files, { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: ['node'], skipLibCheck: true });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 60_000);

  it.each(examples)('$name runs against the mock and prints the created APP', async ({ name, code }) => {
    const { code: js } = await transform(code, { loader: 'ts', format: 'esm', target: 'node20' });
    writeFileSync(join(SCRATCH, `${name}.mjs`), js);
    const env = { ...process.env, APIG_BASE_URL: mock.url, IAM_TOKEN: 'readme-token', HUAWEICLOUD_SDK_AK: 'readme-ak', HUAWEICLOUD_SDK_SK: 'readme-secret-key', APIG_PROJECT_ID: 'p1', APIG_INSTANCE_ID: 'i1' };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(SCRATCH, `${name}.mjs`)], { cwd: SCRATCH, env, encoding: 'utf8', timeout: 30_000 });
    expect(stderr).toBe('');
    // Create prints the new APP's id and request id, or its generated key; the lifecycle
    // example finds the seeded app_demo, updates it (201 on v2), deletes it (204), and the
    // list that follows is empty.
    const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
    expect(stdout).toMatch(new RegExp(`^(${uuid} [0-9a-f]{32}|${uuid}|updated [0-9a-f-]{32,36} \\(201\\)\\ndeleted \\(204\\))\\n$`));
    expect(stdout + stderr).not.toContain('readme-secret-key');
  });
});

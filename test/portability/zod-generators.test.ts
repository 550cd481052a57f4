// Client generators that emit zod validators, run as a client team would, on both
// renderings; each generated validator judges every case. Their known limits are pinned
// here case by case, so a change on either side shows.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, binOf, runNode } from '../../scripts/tools.mjs';
import { CASES, UTF16_LENGTH_DISAGREEMENTS, disagreements } from './cases.js';
import { DOCUMENTS } from './documents.js';

// Inside the project, so the generated code resolves `zod` from node_modules.
const SCRATCH = fileURLToPath(new URL('../../.artifacts/portability/', import.meta.url));
const HEY_API = binOf('@hey-api/openapi-ts', 'openapi-ts');
const TYPED_OPENAPI = binOf('typed-openapi', 'typed-openapi');
const ZOD_CLIENT = binOf('openapi-zod-client', 'openapi-zod-client');
// openapi-zod-client targets zod 3 and installs it for itself; its output runs on that copy.
const ZOD_CLIENT_DIR = dirname(ZOD_CLIENT);
const ZOD3 = pathToFileURL(createRequire(join(ZOD_CLIENT_DIR, 'package.json')).resolve('zod')).href;

type ZodLike = { safeParse: (value: unknown) => { success: boolean } };
const verdictsOf = (schema: ZodLike) => CASES.map((c) => schema.safeParse(c.body).success);

/** tsc --strict on one file: the diagnostics a client team would see. */
function compile(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe.each(DOCUMENTS.map((d, i) => ({ ...d, dir: join(SCRATCH, i === 0 ? 'openapi-3.1' : 'openapi-3.0') })))('$name', ({ path, dir }) => {
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  });

  describe('@hey-api/openapi-ts with the zod plugin', () => {
    let generated: Record<string, ZodLike>;
    beforeAll(async () => {
      runNode(HEY_API, ['-i', path, '-o', join(dir, 'hey-api'), '-p', 'zod']);
      generated = await import(/* @vite-ignore */ pathToFileURL(join(dir, 'hey-api', 'zod.gen.ts')).href);
    }, 60_000);

    it('the generated module compiles under tsc --strict', () => {
      expect(compile(join(dir, 'hey-api', 'zod.gen.ts'))).toEqual([]);
    });

    it('agrees on every case (zod 4 counts characters, so 255 emoji fit a remark)', () => {
      expect(generated.zCreateAppRequest).toBeDefined();
      expect(disagreements(verdictsOf(generated.zCreateAppRequest!))).toEqual([]);
    });
  });

  describe('typed-openapi (zod runtime)', () => {
    let generated: Record<string, ZodLike>;
    const file = join(dir, 'typed-openapi.zod.ts');
    beforeAll(async () => {
      // typed-openapi joins -o to the working directory even when it is absolute.
      runNode(TYPED_OPENAPI, [path, '-r', 'zod', '-o', relative(ROOT, file)]);
      generated = await import(/* @vite-ignore */ pathToFileURL(file).href);
    }, 60_000);

    it('the generated client compiles under tsc --strict (no schema shadows a built-in)', () => {
      expect(compile(file)).toEqual([]);
    });

    it('agrees on every type and required-field case; emits no length or character rule', () => {
      // typed-openapi's zod output keeps types and required fields only: every string that
      // breaks a length or character rule passes it. Pinned so a change shows.
      const typeOnly = CASES.filter((c) => !c.valid && c.field !== undefined && typeof c.value === 'string').map((c) => `${c.id}: pages say invalid`);
      expect(typeOnly.length).toBeGreaterThan(50);
      expect(generated.CreateAppRequest).toBeDefined();
      expect(disagreements(verdictsOf(generated.CreateAppRequest!))).toEqual(typeOnly);
    });
  });

  describe('openapi-zod-client (zod 3, schemas-only template)', () => {
    let generated: { schemas: Record<string, ZodLike & { _def?: unknown }> };
    const file = join(dir, 'openapi-zod-client.ts');
    beforeAll(async () => {
      runNode(ZOD_CLIENT, [path, '-o', file, '-t', join(ZOD_CLIENT_DIR, 'src', 'templates', 'schemas-only.hbs'), '--export-schemas']);
      const source = readFileSync(file, 'utf8');
      if (!source.includes('from "zod"')) throw new Error('openapi-zod-client no longer imports "zod": update this test');
      writeFileSync(file, source.replace('from "zod"', `from ${JSON.stringify(ZOD3)}`));
      generated = await import(/* @vite-ignore */ pathToFileURL(file).href);
    }, 60_000);

    it('agrees on every case but those where zod 3 counts UTF-16 units (255 emoji are 510)', () => {
      expect(UTF16_LENGTH_DISAGREEMENTS.length).toBeGreaterThan(0);
      expect(generated.schemas.CreateAppRequest).toBeDefined();
      expect(disagreements(verdictsOf(generated.schemas.CreateAppRequest!))).toEqual(UTF16_LENGTH_DISAGREEMENTS);
    });
  });
});

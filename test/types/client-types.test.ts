// Type-level checks, run by `npm run typecheck` (tsc fails on an unused @ts-expect-error)
// and by vitest's expectTypeOf.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ROOT } from '../../scripts/tools.mjs';
import type * as api from '../../src/index.js';
import {
  createApigClient,
  createAppCode,
  createAppOnDedicatedGateway,
  createAppOnDedicatedGatewayV2,
  createAppOnSharedGateway,
  deleteAppCode,
  generateAppCode,
  listAppCodes,
  listAppCodesPage,
  listAppsOnDedicatedGateway,
  resetAppSecretOnDedicatedGatewayV2,
  showAppCode,
  updateAppOnSharedGateway,
  type App,
  type AppCodeGateway,
  type CreateAppRequest,
  type CreateAppResult,
  type ErrorBody,
  type Gateway,
  type Outcome,
} from '../../src/index.js';

const client = createApigClient({ baseUrl: 'http://127.0.0.1:4010', auth: { token: 't' } });

// Never called: these lines are here to be type-checked.
// biome-ignore lint/suspicious/noExportsInTest: exported so that nothing flags it as unused: it is never called, only type-checked
export async function typeOnlyCalls() {
  // @ts-expect-error the dedicated path needs both path parameters
  await client.POST('/v1/{project_id}/apigw/instances/{instance_id}/apps', { body: { name: 'app_001' } });
  // @ts-expect-error instance_id is missing
  await client.POST('/v1/{project_id}/apigw/instances/{instance_id}/apps', { params: { path: { project_id: 'p' } }, body: { name: 'app_001' } });
  // @ts-expect-error name is required
  await client.POST('/v1.0/apigw/apps', { body: { remark: 'no name' } });
  // @ts-expect-error name is a string
  await client.POST('/v1.0/apigw/apps', { body: { name: 123 } });
  // openapi-fetch's init type defeats excess-property checks on the raw client (the client's
  // validator refuses such fields at run time); the task helpers' bodies are checked by tsc:
  // @ts-expect-error a typo: appKey is not a field (app_key is)
  await createAppOnSharedGateway(client, { name: 'app_001', appKey: 'my-custom-key-1' });
  // @ts-expect-error v1.0 update takes no related_domain_id (only v2 create does)
  await updateAppOnSharedGateway(client, 'a', { name: 'app_001', related_domain_id: 'd'.repeat(32) });
  // @ts-expect-error v2 reset takes only app_secret
  await resetAppSecretOnDedicatedGatewayV2(client, { projectId: 'p', instanceId: 'i' }, 'a', { app_secret: 'secret_123', name: 'x' });
  // @ts-expect-error no such path
  await client.POST('/v1.0/apigw/app', { body: { name: 'app_001' } });
  // @ts-expect-error list takes no body
  await client.GET('/v1.0/apigw/apps', { body: { name: 'app_001' } });
  // @ts-expect-error v2 pages with offset/limit, not page_no
  await client.GET('/v2/{project_id}/apigw/instances/{instance_id}/apps', { params: { path: { project_id: 'p', instance_id: 'i' }, query: { page_no: 1 } } });
  // @ts-expect-error creator is USER or MARKET
  await client.GET('/v1.0/apigw/apps', { params: { query: { creator: 'ADMIN' } } });
  // @ts-expect-error v2 names the APP id app_id
  await client.DELETE('/v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}', { params: { path: { project_id: 'p', instance_id: 'i', id: 'a' } } });
  // @ts-expect-error there is no PATCH
  await client.PATCH('/v1.0/apigw/apps/{id}', { params: { path: { id: 'a' } } });
  // @ts-expect-error auth is a token or AK/SK
  createApigClient({ baseUrl: 'http://127.0.0.1:4010', auth: { password: 'x' } });

  // The generation a helper calls is in its name; a Gateway of another generation does not compile.
  const v1: Gateway = { gateway: 'dedicated', projectId: 'p', instanceId: 'i' };
  const v2: Gateway = { gateway: 'dedicatedV2', projectId: 'p', instanceId: 'i' };
  // @ts-expect-error a v2 gateway on the v1 helper (it would call /v1/…)
  await createAppOnDedicatedGateway(client, v2, { name: 'app_001' });
  // @ts-expect-error the same for every v1 helper
  await listAppsOnDedicatedGateway(client, v2);
  // @ts-expect-error a v1 gateway on the v2 helper
  await createAppOnDedicatedGatewayV2(client, v1, { name: 'app_001' });
  // @ts-expect-error the shared gateway has no instance
  await createAppOnDedicatedGateway(client, { gateway: 'shared' }, { name: 'app_001' });
  // Each generation's own gateway, or a bare instance, compiles:
  await createAppOnDedicatedGateway(client, v1, { name: 'app_001' });
  await createAppOnDedicatedGatewayV2(client, v2, { name: 'app_001' });
  await createAppOnDedicatedGateway(client, { projectId: 'p', instanceId: 'i' }, { name: 'app_001' });
  // AppCodes: the dedicated gateway v1 has none.
  // @ts-expect-error createAppCode on v1
  await createAppCode(client, v1, 'a', { app_code: 'c'.repeat(64) });
  // @ts-expect-error generateAppCode on v1
  await generateAppCode(client, v1, 'a');
  // @ts-expect-error listAppCodesPage on v1
  await listAppCodesPage(client, v1, 'a');
  // @ts-expect-error listAppCodes on v1
  listAppCodes(client, v1, 'a');
  // @ts-expect-error showAppCode on v1
  await showAppCode(client, v1, 'a', 'c');
  // @ts-expect-error deleteAppCode on v1
  await deleteAppCode(client, v1, 'a', 'c');
  const anyGeneration = (gateway: Gateway) =>
    // @ts-expect-error a Gateway that may be v1 (narrow it first)
    generateAppCode(client, gateway, 'a');
  void anyGeneration;
  await generateAppCode(client, v2, 'a');
  await generateAppCode(client, { gateway: 'shared' }, 'a');

  const { data, error } = await client.POST('/v1/{project_id}/apigw/instances/{instance_id}/apps', {
    params: { path: { project_id: 'p', instance_id: 'i' } },
    body: { name: 'app_001' },
  });
  if (data) {
    const creator: 'USER' | 'MARKET' = data.creator;
    // @ts-expect-error creator is not any string
    const wrong: 'ADMIN' = data.creator;
    void creator;
    void wrong;
  }
  if (error) {
    const code: string = error.error_code;
    void code;
  }
}

type Api = typeof api;
type V1Gateway = Extract<Gateway, { gateway: 'dedicated' }>;
type V2Gateway = Extract<Gateway, { gateway: 'dedicatedV2' }>;
/** Whether the helper's second parameter (the instance or gateway) takes a T. */
type Takes<F, T> = F extends (client: never, target: infer I, ...rest: never[]) => unknown ? (T extends I ? true : false) : 'not a helper';
type Helpers<Suffix extends string> = { [K in keyof Api as K extends `${string}${Suffix}` ? K : never]: Api[K] };
type EveryTakes<H, T> = { [K in keyof H]: Takes<H[K], T> }[keyof H];

describe('types', () => {
  it('every …OnDedicatedGateway (v1) helper takes an instance or a v1 gateway, never a v2 one', () => {
    expectTypeOf<'createAppOnDedicatedGateway' | 'listAppsOnDedicatedGateway' | 'authorizeAppsOnDedicatedGateway'>().toExtend<
      keyof Helpers<'OnDedicatedGateway'>
    >();
    expectTypeOf<EveryTakes<Helpers<'OnDedicatedGateway'>, V2Gateway>>().toEqualTypeOf<false>();
    expectTypeOf<EveryTakes<Helpers<'OnDedicatedGateway'>, V1Gateway>>().toEqualTypeOf<true>();
    expectTypeOf<EveryTakes<Helpers<'OnDedicatedGateway'>, { projectId: string; instanceId: string }>>().toEqualTypeOf<true>();
  });
  it('every …OnDedicatedGatewayV2 helper takes an instance or a v2 gateway, never a v1 one', () => {
    expectTypeOf<'createAppOnDedicatedGatewayV2' | 'createAppCodeOnDedicatedGatewayV2'>().toExtend<keyof Helpers<'OnDedicatedGatewayV2'>>();
    expectTypeOf<EveryTakes<Helpers<'OnDedicatedGatewayV2'>, V1Gateway>>().toEqualTypeOf<false>();
    expectTypeOf<EveryTakes<Helpers<'OnDedicatedGatewayV2'>, V2Gateway>>().toEqualTypeOf<true>();
    expectTypeOf<EveryTakes<Helpers<'OnDedicatedGatewayV2'>, { projectId: string; instanceId: string }>>().toEqualTypeOf<true>();
  });
  it('the AppCode helpers take the shared gateway or v2, never v1', () => {
    type AppCodeHelpers = Pick<Api, 'createAppCode' | 'generateAppCode' | 'listAppCodesPage' | 'listAppCodes' | 'showAppCode' | 'deleteAppCode'>;
    expectTypeOf<EveryTakes<AppCodeHelpers, V1Gateway>>().toEqualTypeOf<false>();
    expectTypeOf<EveryTakes<AppCodeHelpers, V2Gateway | { gateway: 'shared' }>>().toEqualTypeOf<true>();
    expectTypeOf<AppCodeGateway>().toEqualTypeOf<{ gateway: 'shared' } | V2Gateway>();
    // The other grant helpers still take every generation.
    expectTypeOf<EveryTakes<Pick<Api, 'authorizeApps' | 'showAppOutline' | 'listApisBoundToApp'>, Gateway>>().toEqualTypeOf<true>();
  });

  it('creator is "USER" | "MARKET"', () => {
    expectTypeOf<App['creator']>().toEqualTypeOf<'USER' | 'MARKET'>();
  });
  it('name is required, the other request fields optional strings', () => {
    expectTypeOf<CreateAppRequest['name']>().toEqualTypeOf<string>();
    expectTypeOf<CreateAppRequest>().toHaveProperty('remark').toEqualTypeOf<string | undefined>();
    expectTypeOf<{ remark: string }>().not.toExtend<CreateAppRequest>();
  });
  it('the response has all ten fields, status an integer (number)', () => {
    expectTypeOf<keyof App>().toEqualTypeOf<
      'id' | 'name' | 'status' | 'app_key' | 'app_secret' | 'creator' | 'register_time' | 'update_time' | 'remark' | 'app_type'
    >();
    expectTypeOf<App['status']>().toEqualTypeOf<number>();
  });
  it('createAppOn… answer { ok: true, data } like every other helper; app is there too, the same type', () => {
    type Ok = Extract<CreateAppResult, { ok: true }>;
    expectTypeOf<Ok['data']>().toEqualTypeOf<App>();
    expectTypeOf<Omit<Ok, 'app'>>().toEqualTypeOf<Extract<Outcome<App>, { ok: true }>>();
    expectTypeOf<Ok['app']>().toEqualTypeOf<App>();
  });
  it('app is marked @deprecated (editors strike it through), data is not', () => {
    const file = join(ROOT, 'test', 'types', 'deprecated-app.ts');
    const code = `import { createApigClient, createAppOnSharedGateway } from '../../src/index.js';\nconst r = await createAppOnSharedGateway(createApigClient({ baseUrl: 'http://x', auth: { token: 't' } }), { name: 'app_001' });\nif (r.ok) console.log(r.data, r.app);\n`;
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
      types: ['node'],
    };
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [file],
      getScriptVersion: () => '1',
      getScriptSnapshot: (name) => ts.ScriptSnapshot.fromString(name === file ? code : (ts.sys.readFile(name) ?? '')),
      getCurrentDirectory: () => ROOT,
      getCompilationSettings: () => options,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: (name) => name === file || ts.sys.fileExists(name),
      readFile: (name) => (name === file ? code : ts.sys.readFile(name)),
    };
    const deprecated = ts
      .createLanguageService(host)
      .getSuggestionDiagnostics(file)
      .filter((d) => d.reportsDeprecated)
      .map((d) => code.slice(d.start, d.start! + d.length!));
    expect(deprecated).toEqual(['app']);
  }, 60_000);
  it('the error body has error_code, error_msg and an optional request_id', () => {
    expectTypeOf<ErrorBody>().toEqualTypeOf<{ error_code: string; error_msg: string; request_id?: string }>();
  });
});

// The shipped mock's and proxy's declarations (mock/server/types.d.mts, mock/proxy/types.d.mts:
// what apig-app-contract/mock and apig-app-contract/proxy give TypeScript users) against their
// code, whose JSDoc names them: `npm run typecheck` fails here when an implementation drifts from
// what is declared (and checks the code itself against its JSDoc). Also run by vitest's expectTypeOf.
import { describe, expectTypeOf, it } from 'vitest';
import * as proxy from '../../mock/proxy/index.mjs';
import type * as declaredProxy from '../../mock/proxy/types.d.mts';
import * as server from '../../mock/server/index.mjs';
import type * as declaredServer from '../../mock/server/types.d.mts';

// Each module can stand wherever its declaration is used: every value declared is exported, of a
// type that fits the declared one (a function taking at least the options declared, and resolving
// to at least what is declared).
const serverModule: typeof declaredServer = server;
const proxyModule: typeof declaredProxy = proxy;

describe('the mock and the proxy are what their declarations say', () => {
  it('apig-app-contract/mock: startMockServer and PRISM_PACKAGE', () => {
    expectTypeOf(serverModule).toEqualTypeOf<typeof declaredServer>();
    expectTypeOf(server.startMockServer).toExtend<typeof declaredServer.startMockServer>();
    expectTypeOf(server.startMockServer).parameter(0).toEqualTypeOf<declaredServer.MockServerOptions | undefined>();
    expectTypeOf(server.startMockServer).returns.resolves.toEqualTypeOf<declaredServer.RunningMockServer>();
    expectTypeOf(server.PRISM_PACKAGE).toExtend<typeof declaredServer.PRISM_PACKAGE>();
  });

  it('apig-app-contract/proxy: startProxy, which also takes the credentials parsed', () => {
    expectTypeOf(proxyModule).toEqualTypeOf<typeof declaredProxy>();
    expectTypeOf(proxy.startProxy).toExtend<typeof declaredProxy.startProxy>();
    expectTypeOf<declaredProxy.ProxyOptions>().toExtend<Parameters<typeof proxy.startProxy>[0]>();
    expectTypeOf(proxy.startProxy).returns.resolves.toEqualTypeOf<declaredProxy.RunningProxy>();
  });
});

// Mutation testing only (vitest.mutation-mock.config.ts): the conformance suite's mocks start
// in the test worker, where Stryker sees which test reaches which line of mock/ (a mock in
// vitest's main process, as the global setup starts it, is invisible to it).
import { afterAll } from 'vitest';
import { startOwnMockTarget } from './own-mock.js';
import { IN_PROCESS_TARGET } from './in-process-key.js';

const own = await startOwnMockTarget();
(globalThis as Record<string, unknown>)[IN_PROCESS_TARGET] = own.target;
afterAll(() => own.close());

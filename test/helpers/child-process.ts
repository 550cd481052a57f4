// Child processes for tests: the shared implementation lives in scripts/ (the bench uses it too).
export { freePort, startChild } from '../../scripts/child-process.mjs';

export type RunningChild = Awaited<ReturnType<typeof import('../../scripts/child-process.mjs').startChild>>;

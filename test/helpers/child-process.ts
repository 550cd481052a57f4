// Child processes for tests: the shared implementation lives in scripts/ (the bench uses it too).
export { freePort, startChild } from '../../scripts/dev/child-process.mjs';

export type RunningChild = Awaited<ReturnType<typeof import('../../scripts/dev/child-process.mjs').startChild>>;

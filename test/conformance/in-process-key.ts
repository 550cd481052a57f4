// Where ./in-process-target.ts leaves the target when the mocks run in the test worker (mutation
// testing), read by ./target.ts: a module of its own, so that neither imports the other.
export const IN_PROCESS_TARGET = '__apigConformanceTarget';

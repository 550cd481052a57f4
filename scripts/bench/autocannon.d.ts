// What the benches use of autocannon (which ships no types): a load run and its result.
declare module 'autocannon' {
  export interface Request {
    /** Changes each request before it is sent (e.g. a new body each time). */
    setupRequest?: (request: Request & Record<string, unknown>) => Request & Record<string, unknown>;
    [option: string]: unknown;
  }
  export interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    duration?: number;
    requests?: Request[];
  }
  export interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  export interface Result {
    requests: Histogram;
    latency: Histogram;
    non2xx: number;
    errors: number;
  }
  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): unknown;
  export default autocannon;
}

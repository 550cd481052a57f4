// Types of `apig-app-contract/proxy` (./index.mjs): the validating proxy, for TypeScript users.
import type { MockCredentials, MockSeedTenant } from '../server/types.d.mts';

export interface ProxyOptions {
  /** The gateway to forward to: its http(s) URL, e.g. `https://apig.cn-north-4.myhuaweicloud.com`. */
  upstream: string;
  /** Default 4010; 0 picks a free port (read it from `url`). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The folder with openapi.json and prism-operations.json. Default: the package's generated/. */
  generatedDir?: string;
  /** How long to wait for the upstream's answer. Default 30 000 ms. */
  timeoutMs?: number;
  /** AK/SK pairs to check callers' signatures with and re-sign for the upstream (tokens pass through). */
  credentials?: MockCredentials;
  /** Refuse a request that breaks the contract with the mock's 400 instead of forwarding it. Default false. */
  strict?: boolean;
  /** PEM certificates to trust for an HTTPS upstream, besides the system's (e.g. a company CA). */
  ca?: string | Uint8Array;
  /** Ask this package's stateful mock too (started in-process) and report where it answers otherwise. */
  compare?: boolean;
  /** The compared mock's start (with `compare`). */
  seed?: MockSeedTenant[];
  /** Traffic outside the contract fails the run too (`passed` false). Default false. */
  failOnOutside?: boolean;
}

/** One thing the proxy saw: drift, an invalid request, a field the contract does not list, traffic outside it, or an exchange it could not judge. */
export interface ProxyFinding {
  method: string | undefined;
  path: string | undefined;
  /** The answer's status; undefined when the request itself could not be judged (an `unjudged` finding). */
  status: number | undefined;
  /** The upstream's `X-Request-Id`, when it sent one. */
  requestId: string | undefined;
  /** `METHOD /template` of the contract's operation, when the request reached one. */
  operation: string | undefined;
  kind: 'response' | 'request' | 'undeclared-field' | 'unknown-route' | 'preflight' | 'upstream' | 'unjudged' | (string & {});
  where: 'request' | 'response' | 'proxy';
  /** Where in the exchange, e.g. `body.apps[].name`, `headers`, `path`. */
  location: string;
  message: string;
}

/** With `compare`: where this package's mock answered otherwise than the upstream. */
export interface ProxyDifference {
  operation: string | undefined;
  method: string;
  path: string;
  requestId: string | undefined;
  what: 'status' | 'error_code' | 'fields';
  upstream: { status: number; error_code?: string; fields?: string[] };
  mock: { status: number; error_code?: string; fields?: string[] };
}

/** A run's JSON report (`--report`). */
export interface ProxyReport {
  upstream: string;
  exchanges: number;
  /** The contract's operations the traffic reached, `METHOD /template`. */
  operations: string[];
  /** Drift: the upstream's answers that break the contract. */
  findings: ProxyFinding[];
  /** Callers' requests that break the contract (the upstream refused them, as it should). */
  requests: ProxyFinding[];
  /** Response fields the contract does not list: news, not a break. */
  news: ProxyFinding[];
  /** Traffic outside the contract: unknown routes, CORS preflights, `/`. */
  outside: ProxyFinding[];
  /** Exchanges the proxy refused itself or could not judge, with the reason. */
  unjudged: ProxyFinding[];
  /** With `compare` only. */
  differences?: ProxyDifference[];
  /** What the exit code says: no drift (and nothing outside the contract, with `failOnOutside`). */
  passed: boolean;
  /** One line, e.g. `12 exchanges, 0 drift findings, …`. */
  summary: string;
}

export interface HarHeader {
  name: string;
  value: string;
}

/** One exchange of the HAR (secrets replaced by `redacted`). */
export interface HarEntry {
  startedDateTime: string;
  /** Milliseconds the exchange took. */
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: HarHeader[];
    queryString: HarHeader[];
    cookies: never[];
    headersSize: number;
    bodySize: number;
    postData?: { mimeType: string; text: string };
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HarHeader[];
    cookies: never[];
    content: { size: number; mimeType: string; text: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
}

/** HAR 1.2 of the traffic the proxy forwarded. */
export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[] };
}

export interface RunningProxy {
  /** Where it listens, e.g. `http://127.0.0.1:4011`. */
  url: string;
  /** The drift found so far, oldest first. */
  findings(): ProxyFinding[];
  report(): ProxyReport;
  /** HAR 1.2 of the traffic, secrets replaced. */
  har(): Har;
  /** JUnit XML: a test case per operation reached, failing with its drift. */
  junit(): string;
  /** Stops listening and closes every connection (and the compared mock). */
  close(): Promise<void>;
}

/**
 * Starts the validating proxy: forwards every request to `upstream` unchanged (AK/SK requests
 * re-signed with `credentials`), judges each exchange against the contract, and keeps the
 * findings. Rejects when `upstream` is no http(s) URL, or Prism's engine is missing.
 */
export function startProxy(options: ProxyOptions): Promise<RunningProxy>;

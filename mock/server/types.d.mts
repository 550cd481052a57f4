// Types of `apig-app-contract/mock` (mock/server/index.mjs), for TypeScript users of the shipped mock.

/** An environment APIs are published in and authorized in, e.g. `{ id: 'DEFAULT_ENVIRONMENT_RELEASE_ID', name: 'RELEASE' }`. */
export interface MockEnvironment {
  id: string;
  name: string;
}

/** An API of a tenant's catalogue: what authorizations point at. */
export interface MockApi {
  id: string;
  name: string;
  group_id?: string;
  group_name?: string;
  remark?: string;
  req_uri?: string;
  /** Ids of the environments it is published in (the bound lists show only those authorizations). */
  published_in?: string[];
  /** Its tags (v2's API lists filter by them and show them). */
  tags?: string[];
}

/** APPs to start with, per tenant, and the tenant's own APIs and environments. */
export interface MockSeedTenant {
  /**
   * Whose APPs these are: `"v2 <project_id> <instance_id>"`, `"v1 <project_id> <instance_id>"`,
   * or `"v1.0 <token or AK>"` (the shared gateway keeps APPs per credential; the mock keeps only
   * a digest of it).
   */
  tenant: string;
  /** Each a Create APP body of that generation (`name` required), checked against the contract. */
  apps: Array<{
    name: string;
    remark?: string;
    app_key?: string;
    app_secret?: string;
    /** v2 only: the APP's access control, as Set APP access control takes it (checked against the contract). */
    app_acl?: { app_acl_type: 'PERMIT' | 'DENY'; app_acl_values: string[] };
    [field: string]: unknown;
  }>;
  /** The tenant's environments; default RELEASE (`DEFAULT_ENVIRONMENT_RELEASE_ID`) and TEST. */
  environments?: MockEnvironment[];
  /** The tenant's APIs; given neither this nor `environments`, four APIs in two groups (three published in RELEASE); given `environments` only, none. */
  apis?: MockApi[];
}

/** Credentials that mean something: only these are accepted, and every AK/SK signature is checked. */
export interface MockCredentials {
  tokens?: string[];
  aksk?: Array<{ ak: string; sk: string }>;
}

export interface MockServerOptions {
  /** Default 4010; 0 picks a free port (read it from `url`). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The folder with openapi.json (and the docs pages, when present). Default: the package's generated/. */
  generatedDir?: string;
  /** Answer every call with its source page's example, remembering nothing. Default false. */
  stateless?: boolean;
  /** APPs per tenant; past it a create answers 403 APIG.3103. Default 1000. */
  quota?: number;
  /** APPs (and APIs and environments) to start with; `POST /_mock/reset` returns to them. */
  seed?: MockSeedTenant[];
  /** Accept only these credentials (else any X-Auth-Token or Authorization is accepted). */
  credentials?: MockCredentials;
}

export interface RunningMockServer {
  /** Where it listens, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The paths of the pages and documents it serves beside the API (`/openapi.json`, `/docs`…). */
  served: string[];
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/**
 * Starts the mock: Prism's engine (the optional peer `@stoplight/prism-http`) behind a layer
 * that answers as Huawei's gateway does. Rejects with a message saying what to install when
 * Prism's engine is missing, and with the reason when an option is wrong.
 */
export function startMockServer(options?: MockServerOptions): Promise<RunningMockServer>;

/** The Prism engine package (with its version) the mock needs. */
export const PRISM_PACKAGE: string;

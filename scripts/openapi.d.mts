// The parts of a bundled OpenAPI 3.1 document (generated/openapi.json, or spec/ bundled) that the
// scripts read: what spec/ writes, typed for their JSDoc. Any node that may be a reference is one
// `$ref` away (scripts/generate/json-pointer.mjs `deref` follows it); what is not read here is
// left to the index signatures.

/** A node that may be a local reference (`#/components/…`) instead. */
export interface Referable {
  $ref?: string;
}

export interface Schema extends Referable {
  type?: string | string[];
  format?: string;
  pattern?: string;
  not?: Schema;
  enum?: unknown[];
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  description?: string;
  /** A field's rule in English and in the source page's Chinese (the client's validator words its issues with them). */
  'x-rule-en'?: string;
  'x-rule-zh'?: string;
  [keyword: string]: unknown;
}

export interface Parameter extends Referable {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Schema;
}

export interface Example extends Referable {
  summary?: string;
  description?: string;
  value?: unknown;
}

export interface MediaType {
  schema?: Schema;
  examples?: Record<string, Example>;
}

export interface RequestBody extends Referable {
  description?: string;
  required?: boolean;
  content: Record<string, MediaType>;
}

export interface Response extends Referable {
  description?: string;
  content?: Record<string, MediaType>;
}

/** One way to authenticate: scheme name → scopes. */
export type SecurityRequirement = Record<string, string[]>;

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses: Record<string, Response>;
  security?: SecurityRequirement[];
}

export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

export type PathItem = { parameters?: Parameter[] } & { [M in Method]?: Operation };

export interface Document {
  openapi: string;
  info: { title: string; version: string; summary?: string; description?: string; [field: string]: unknown };
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, Schema>;
    parameters: Record<string, Parameter>;
    requestBodies: Record<string, RequestBody>;
    responses: Record<string, Response>;
    [kind: string]: unknown;
  };
  security?: SecurityRequirement[];
  [field: string]: unknown;
}

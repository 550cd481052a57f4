// A generated rules module, imported once per key: an import() on every call would cost each
// later call the module loader's lookup, on the request path.

/** `load` memoised by key (the promise, so that two first calls share one import). */
export function loadOnce<K, T>(load: (key: K) => Promise<{ default: T }>): (key: K) => Promise<T> {
  const loaded = new Map<K, Promise<T>>();
  return (key) => {
    let rules = loaded.get(key);
    // Stryker disable next-line ConditionalExpression,BlockStatement: a cache: importing again gives the same rules
    if (!rules) {
      rules = load(key).then((module) => module.default);
      // Stryker disable next-line CallExpression: a cache: rules not kept are imported again next time, the same rules
      loaded.set(key, rules);
    }
    return rules;
  };
}

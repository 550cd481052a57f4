// JSON pointers (RFC 6901) and `$ref` resolution inside one bundled OpenAPI document.

/** @param {string} key */
export const escapePointer = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');
/** @param {string} key */
export const unescapePointer = (key) => key.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * The keys a pointer (`/a/b~1c`, or a `#/a/b` reference) walks through.
 * @param {string} pointer
 */
export const pointerKeys = (pointer) => pointer.replace(/^#/, '').split('/').slice(1).map(unescapePointer);

/**
 * Follows a node's local `$ref` chain (cycles stop where they start). What a reference reaches
 * is taken to be of its kind (a schema's a schema, a response's a response: as spec/ writes them).
 * @template {import('../openapi.d.mts').Referable | undefined} Node
 * @param {unknown} doc
 * @param {Node} node
 * @param {Set<string>} [seen]
 * @returns {Node}
 */
export function deref(doc, node, seen = new Set()) {
  if (!node || typeof node.$ref !== 'string' || seen.has(node.$ref)) return node;
  seen.add(node.$ref);
  return deref(
    doc,
    /** @type {Node} */ (pointerKeys(node.$ref).reduce((at, key) => /** @type {Record<string, unknown> | undefined} */ (at)?.[key], doc)),
    seen,
  );
}

// JSON pointers (RFC 6901) and `$ref` resolution inside one bundled OpenAPI document.

export const escapePointer = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');
export const unescapePointer = (key) => key.replace(/~1/g, '/').replace(/~0/g, '~');

/** The keys a pointer (`/a/b~1c`, or a `#/a/b` reference) walks through. */
export const pointerKeys = (pointer) => pointer.replace(/^#/, '').split('/').slice(1).map(unescapePointer);

/** Follows a node's local `$ref` chain (cycles stop where they start). */
export function deref(doc, node, seen = new Set()) {
  if (!node || typeof node.$ref !== 'string' || seen.has(node.$ref)) return node;
  seen.add(node.$ref);
  return deref(
    doc,
    pointerKeys(node.$ref).reduce((at, key) => at?.[key], doc),
    seen,
  );
}

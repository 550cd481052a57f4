// Reads and decodes a request body defensively: bounded size, strict UTF-8, JSON only.
// Never echoes the body back (it may hold an app_secret).

export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Past this, the mock stops draining and drops the connection. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * What reading a body gave: its bytes, a body too large (its bytes dropped), or a connection
 * gone before the end.
 * @typedef {{ bytes: Buffer, tooLarge?: undefined, aborted?: undefined }
 *   | { tooLarge: true, bytes?: undefined, aborted?: undefined }
 *   | { aborted: true, tooLarge?: boolean, bytes?: undefined }} BodyRead
 */

/**
 * Resolves to { bytes } or { tooLarge: true }; never rejects.
 * @param {import('node:events').EventEmitter & { destroy(): unknown }} req a request: its `data`, `end`, `error` and `close`
 * @returns {Promise<BodyRead>}
 */
export function readBody(req) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? { tooLarge: true } : { bytes: Buffer.concat(chunks) }));
    req.on('error', () => resolve({ tooLarge: size > MAX_BODY_BYTES, aborted: true }));
    req.on('close', () => resolve({ aborted: true }));
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** @param {unknown} value the Content-Type header */
function isJsonContentType(value) {
  const [type, ...params] = String(value)
    .toLowerCase()
    .split(';')
    .map((s) => s.trim());
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]*\+json$/.test(type ?? '')) return false;
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

/**
 * Decodes a JSON body. Returns { value } (undefined when there is no body) or
 * { problem } with a message safe to send back.
 * @param {string | undefined} contentType
 * @param {Uint8Array} bytes
 * @returns {{ value: unknown, problem?: undefined } | { problem: string, value?: undefined }}
 */
export function decodeJsonBody(contentType, bytes) {
  // Stryker disable next-line ObjectLiteral: { value: undefined } and {} read the same to every caller (decoded.value)
  if (bytes.length === 0) return { value: undefined };
  if (!isJsonContentType(contentType)) {
    return { problem: `Content-Type must be application/json with UTF-8 (got ${JSON.stringify(String(contentType ?? 'none').slice(0, 100))})` };
  }
  let text;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problem: 'the request body is not valid UTF-8 (中文字符必须为UTF-8或者unicode编码)' };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const at = /position (\d+)/.exec(String(/** @type {Error | undefined} */ (error)?.message))?.[1];
    return { problem: `the request body is not valid JSON${at ? ` (at character ${at})` : ''}` };
  }
}

// The credentials a client is made with, checked before any request is sent.

export type ApigAuth = { token: string } | { ak: string; sk: string; projectId?: string };

const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]+$/;

/** Checks credentials up front, naming the field but never echoing its value. */
export function checkAuth(auth: ApigAuth): void {
  const given: Record<string, unknown> = typeof auth === 'object' && auth !== null ? auth : {};
  const fields: Array<[string, unknown]> =
    'token' in given
      ? [['auth.token', given.token]]
      : 'ak' in given
        ? [
            ['auth.ak', given.ak],
            ['auth.sk', given.sk],
          ]
        : [];
  if (fields.length === 0) throw new TypeError('createApigClient: auth must be { token } or { ak, sk, projectId? }');
  for (const [name, value] of fields) {
    if (typeof value !== 'string' || value.trim().length === 0) throw new TypeError(`createApigClient: ${name} must be a non-empty string`);
    if (!HEADER_SAFE.test(value)) throw new TypeError(`createApigClient: ${name} has characters that cannot go in an HTTP header (such as a line break)`);
  }
  if ('projectId' in auth && auth.projectId !== undefined && (typeof auth.projectId !== 'string' || !/^[A-Za-z0-9_-]+$/.test(auth.projectId))) {
    throw new TypeError('createApigClient: auth.projectId must be a project ID (letters, digits, _ and -)');
  }
}

// The operation a method and path template name, in the words of the source pages' titles
// (Create APP, List APPs…), so that an error says which call was not sent.

/** e.g. `Create APP` for `POST /v1.0/apigw/apps`, `Reset APP secret` for `PUT …/apps/secret/{id}`. */
export function operationName(method: string, path: string): string {
  if (path.includes('/app-codes'))
    return /\/app-codes$/.test(path)
      ? (({ POST: 'Create AppCode', PUT: 'Generate AppCode' } as Record<string, string>)[method] ?? 'List AppCodes')
      : method === 'GET'
        ? 'Show AppCode'
        : 'Delete AppCode';
  if (path.endsWith('/app-auths/binded-apis')) return 'List APIs bound to APP';
  if (path.endsWith('/app-auths/unbinded-apis')) return 'List APIs not bound to APP';
  if (path.endsWith('/app-auths/binded-apps')) return 'List APPs bound to API';
  if (path.endsWith('/app-auths')) return 'Authorize APPs';
  if (path.includes('/app-auths/')) return 'Cancel authorization';
  if (path.endsWith('/resources/outline/apps')) return 'Show APP outline';
  if (path.includes('/apps/secret/')) return 'Reset APP secret';
  if (path.includes('/apps/validation/')) return 'Verify APP';
  if (/\/apps$/.test(path)) return method === 'POST' ? 'Create APP' : 'List APPs';
  return ({ GET: 'Show APP', PUT: 'Update APP', DELETE: 'Delete APP' } as Record<string, string>)[method] ?? `${method} ${path}`;
}

/** `The Create APP body (POST /v1.0/apigw/apps) breaks the contract and was not sent` and the like. */
export function notSent(part: 'body' | 'query' | 'path parameters', method: string, path: string): string {
  return `The ${operationName(method, path)} ${part} (${method} ${path}) ${part === 'path parameters' ? 'break' : 'breaks'} the contract and ${part === 'path parameters' ? 'the call' : 'it'} was not sent`;
}

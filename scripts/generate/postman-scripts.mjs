// The scripts the Postman collection carries (./postman.mjs). Each is a plain function whose
// source is written into the collection and runs in Postman's (or newman's, or Apifox's)
// sandbox, where `pm` and `CryptoJS` are globals; nothing here runs in this project's Node.

/* eslint-disable */
/**
 * Collection-level pre-request script: with the `token` variable set, sends it as
 * `X-Auth-Token`; otherwise signs the request with Huawei's SDK-HMAC-SHA256 from the `ak` and
 * `sk` variables, as the package's signer (src/auth/sign-request.ts) and Huawei's SDKs do:
 * `host`, `x-sdk-date` and every header on the request are signed, the path's segments and the
 * query are encoded the canonical way, and the body is hashed as sent.
 * @param {any} pm
 * @param {any} CryptoJS
 */
export function signRequestInPostman(pm, CryptoJS) {
  for (const name of ['Authorization', 'X-Sdk-Date', 'X-Auth-Token']) pm.request.headers.remove(name);
  const token = pm.variables.get('token');
  if (token) {
    pm.request.headers.upsert({ key: 'X-Auth-Token', value: token });
    return;
  }
  const ak = pm.variables.get('ak');
  const sk = pm.variables.get('sk');
  if (!ak || !sk) {
    // A failed check the run reports; the request, which would only earn a 401, is not sent
    // (pm.execution.skipRequest: Postman 10.23+, newman 6.1+).
    const message = 'Set the collection variables ak and sk (AK/SK signing), or token (an IAM token, sent as X-Auth-Token).';
    pm.test('credentials are set', () => {
      throw new Error(message);
    });
    if (pm.execution && typeof pm.execution.skipRequest === 'function') pm.execution.skipRequest();
    else throw new Error(message);
    return;
  }

  const fill = (/** @type {unknown} */ text) => String(pm.variables.replaceIn(String(text ?? '')));
  // Every byte but A-Z a-z 0-9 _ - . ~ percent-encoded, upper-case hex.
  const encode = (/** @type {string} */ text) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const decode = (/** @type {string} */ text) => {
    try {
      return decodeURIComponent(text);
    } catch (_) {
      return text;
    }
  };
  const byCodeUnits = (/** @type {string} */ x, /** @type {string} */ y) => (x < y ? -1 : x > y ? 1 : 0);

  // {{baseUrl}} is the scheme, the host and maybe a base path; the operation's path follows.
  const base = /^[a-z]+:\/\/([^/?#]+)([^?#]*)/i.exec(fill(pm.request.url.getHost()));
  if (!base) throw new Error(`baseUrl must be an http(s) URL, e.g. https://apig.cn-north-4.myhuaweicloud.com (got ${fill(pm.request.url.getHost())})`);
  const host = base[1] ?? '';
  const path = `${(base[2] ?? '').replace(/\/+$/, '')}${fill(pm.request.url.getPath())}`;
  const canonicalUri = path
    .split('/')
    .map((segment) => encode(decode(segment)))
    .join('/');

  /** @type {Array<[string, string]>} */
  const query = pm.request.url.query
    .all()
    .filter((/** @type {any} */ param) => !param.disabled && param.key)
    .map((/** @type {any} */ param) => [fill(param.key), fill(param.value)]);
  query.sort(([ak1, av1], [ak2, av2]) => byCodeUnits(ak1, ak2) || byCodeUnits(av1, av2));
  const canonicalQuery = query.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');

  const date = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  /** @type {Map<string, string>} */
  const headers = new Map();
  for (const header of pm.request.headers.all()) {
    if (!header.disabled && header.key) headers.set(header.key.toLowerCase(), fill(header.value).trim());
  }
  headers.set('x-sdk-date', date);
  if (!headers.has('host')) headers.set('host', host);
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(';');
  const canonicalHeaders = names.map((name) => `${name}:${headers.get(name)}\n`).join('');

  const body = pm.request.body && pm.request.body.mode === 'raw' ? fill(pm.request.body.raw) : '';
  const hex = (/** @type {any} */ words) => String(words.toString(CryptoJS.enc.Hex));
  const canonicalRequest = [
    pm.request.method.toUpperCase(),
    canonicalUri.endsWith('/') ? canonicalUri : `${canonicalUri}/`,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    hex(CryptoJS.SHA256(body)),
  ].join('\n');
  const stringToSign = `SDK-HMAC-SHA256\n${date}\n${hex(CryptoJS.SHA256(canonicalRequest))}`;
  const signature = hex(CryptoJS.HmacSHA256(stringToSign, sk));
  pm.request.headers.upsert({ key: 'X-Sdk-Date', value: date });
  pm.request.headers.upsert({ key: 'Authorization', value: `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=${signedHeaders}, Signature=${signature}` });
}

/**
 * Request-level test script: the status is one the contract gives for the operation, and the
 * body follows the contract's schema for that status. `contract` is written in per request.
 * @param {any} pm
 * @param {{ operation: string, statuses: number[], schemas: Record<string, object> }} contract
 */
export function checkAnswerInPostman(pm, contract) {
  pm.test(`${contract.operation}: the status is one the contract gives (${contract.statuses.join(', ')})`, () => {
    pm.expect(contract.statuses).to.include(pm.response.code);
  });
  const schema = contract.schemas[String(pm.response.code)];
  if (schema) {
    pm.test(`${contract.operation}: the body follows the contract's ${pm.response.code} schema`, () => {
      pm.response.to.have.jsonSchema(schema);
    });
  }
}

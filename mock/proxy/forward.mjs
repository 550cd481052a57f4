// Forwarding: the caller's request to the upstream, byte for byte, over kept-alive connections;
// AK/SK requests signed anew for the upstream's host when the proxy holds the AK's SK.
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { akOf } from '../core/front-door.mjs';

/** @typedef {import('../core/request-target.mjs').Target} Target */
/**
 * A request the server received: unlike node:http's type (which serves its client's answers
 * too), it always has a method and a URL.
 * @typedef {import('node:http').IncomingMessage & { method: string, url: string }} ServedRequest
 */
/**
 * The upstream's answer, or why there is none.
 * @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, bytes: Buffer, url: string, sentHeaders: import('node:http').OutgoingHttpHeaders, failed?: undefined, refused?: undefined }
 *   | { failed: NodeJS.ErrnoException, refused?: undefined }
 *   | { refused: `the request cannot be forwarded as it came (${string})`, failed?: undefined }} Forwarded
 */
/** @typedef {Extract<Forwarded, { status: number }>} Answer */
/** @typedef {typeof import('apig-app-contract/auth').signRequest} Signer */
/**
 * @typedef {object} Forwarder
 * @property {(req: ServedRequest, target: Target, bytes: Buffer) => Promise<Forwarded>} forward
 * @property {() => void} close
 */

/** Headers that belong to one connection, not to the request (RFC 9110 §7.6.1), and the host. */
export const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);

/**
 * The headers of `headers` that belong to the request, not to one connection.
 * @template {Record<string, unknown>} H
 * @param {H} headers
 * @returns {H}
 */
export const endToEnd = (headers) => /** @type {H} */ (Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()))));

/**
 * The package's own signer, by the package's name (its dist/: built by `npm ci` in a clone, shipped in the package).
 * @returns {Promise<Signer>}
 */
export async function loadSigner() {
  try {
    return (await import('apig-app-contract/auth')).signRequest;
  } catch (error) {
    throw new Error(
      `the proxy with credentials needs the package's signer (apig-app-contract's dist/), which is missing (run npm run build): ${/** @type {Error} */ (error).message}`,
    );
  }
}

/**
 * A forwarder to `base`.
 * @param {{ base: URL, timeoutMs: number, ca?: string | Uint8Array, secrets?: Map<string, string>, signRequest?: Signer }} options
 *   secrets: the AK/SK pairs to sign with (the signer loaded with them)
 * @returns {Forwarder}
 */
export function forwarderTo({ base, timeoutMs, ca, secrets, signRequest }) {
  const https = base.protocol === 'https:';
  // Connections to the upstream are kept alive between requests, as a client's would be.
  // Stryker disable next-line BooleanLiteral,ObjectLiteral: keep-alive saves connections, it changes no answer
  const agent = https ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  // (node:tls reads any Uint8Array, not only a Buffer, as its types say.)
  const tls = https && ca ? { ca: /** @type {Array<string | Buffer>} */ ([...rootCertificates, ca]) } : {};

  /**
   * The request's headers for the upstream: its host, and a signature of its own when the proxy holds the AK's SK.
   * @param {ServedRequest} req
   * @param {string} href the upstream's URL of the request
   * @param {Buffer} bytes
   * @returns {Promise<import('node:http').OutgoingHttpHeaders>}
   */
  async function upstreamHeaders(req, href, bytes) {
    /** @type {import('node:http').OutgoingHttpHeaders} */
    const headers = endToEnd(req.headers);
    headers.host = base.host;
    if (bytes.length > 0) headers['content-length'] = String(bytes.length);
    const ak = akOf(req);
    const sk = ak === undefined ? undefined : secrets?.get(ak);
    if (sk === undefined) return headers;
    delete headers.authorization;
    delete headers['x-sdk-date'];
    // Signed: host, x-sdk-date and the headers that describe the request; sent exactly so.
    const signed = Object.fromEntries(
      ['content-type', 'x-project-id'].filter((name) => headers[name] !== undefined).map((name) => [name, String(headers[name])]),
    );
    // An SK was found: the pairs were given (and the signer loaded), and the request named its AK.
    const signer = /** @type {Signer} */ (signRequest);
    Object.assign(
      headers,
      await signer({ method: req.method, url: href, headers: { ...signed, host: base.host }, body: bytes }, { ak: /** @type {string} */ (ak), sk }),
    );
    return headers;
  }

  /**
   * The upstream's answer: `{ status, headers, bytes, url, sentHeaders }`, `{ failed }` when it
   * did not answer, or `{ refused }` when the request cannot be sent as it came (a target or
   * header node:http will not write). The target is the upstream's origin and the request's own
   * path and query, whatever its form (`//x` or `http://elsewhere/x` never leaves the upstream).
   * @param {ServedRequest} req
   * @param {Target} target
   * @param {Buffer} bytes
   * @returns {Promise<Forwarded>}
   */
  async function forward(req, target, bytes) {
    const url = `${base.origin}${target.pathAndQuery}`;
    let out;
    let headers;
    try {
      headers = await upstreamHeaders(req, url, bytes);
      /** @type {typeof httpsRequest} (node:https's takes the TLS options, and node:http's what it reads of them) */
      const send = https ? httpsRequest : httpRequest;
      out = send({
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        path: target.pathAndQuery,
        method: req.method,
        headers,
        timeout: timeoutMs,
        agent,
        ...tls,
      });
    } catch (error) {
      return {
        refused: `the request cannot be forwarded as it came (${/** @type {NodeJS.ErrnoException} */ (error).code ?? /** @type {Error} */ (error).message})`,
      };
    }
    return answerOf(out, bytes, { url, sentHeaders: headers, timeoutMs });
  }

  return { forward, close: () => agent.destroy() };
}

/**
 * Sends the request's body and waits for the answer, or for why there is none.
 * @param {import('node:http').ClientRequest} out
 * @param {Buffer} bytes
 * @param {{ url: string, sentHeaders: import('node:http').OutgoingHttpHeaders, timeoutMs: number }} sent
 * @returns {Promise<Forwarded>}
 */
function answerOf(out, bytes, { url, sentHeaders, timeoutMs }) {
  return new Promise((resolve) => {
    out.on('response', (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, bytes: Buffer.concat(chunks), url, sentHeaders }));
      res.on('error', (error) => resolve({ failed: error }));
    });
    out.on('timeout', () => out.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    out.on('error', (error) => resolve({ failed: error }));
    out.end(bytes);
  });
}

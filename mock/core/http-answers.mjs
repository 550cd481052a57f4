// How the mock and the proxy answer on their own: a JSON body (the Huawei error body, mostly)
// with a fresh X-Request-Id, and malformed HTTP that node:http refuses before any handler runs.
import { randomUUID } from 'node:crypto';
import { parameterError } from './huawei-errors.mjs';

/** The size node:http allows the request line and headers together, on both programs. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** A request id shaped as the gateway's: 32 hex digits. */
export const newRequestId = () => randomUUID().replaceAll('-', '');

/**
 * Sends `body` (a Buffer, or a value sent as JSON) with a fresh X-Request-Id (or the one in
 * `headers`, when the body carries it too); a 204 carries no body.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {import('node:http').OutgoingHttpHeaders} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const requestId = headers['x-request-id'] ?? newRequestId();
  if (status === 204) {
    // No Content (a delete) carries no body and no content headers: a client that reads
    // none would otherwise find stray bytes on the keep-alive connection.
    res.writeHead(204, { ...headers, 'x-request-id': requestId });
    return res.end();
  }
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers, 'x-request-id': requestId, 'content-length': payload.length });
  res.end(payload);
}

/** @typedef {{ status: number, message: string }} BadHttpAnswer */

/**
 * What to answer a request node:http could not parse: `{ status, message }`, or undefined when
 * the connection is gone. Headers (the request line counts) past MAX_HEADER_BYTES get
 * `overflowStatus`: the mock's 400, the proxy's 431 (a proxy's usual word for it).
 * @param {NodeJS.ErrnoException} error a `clientError`'s
 * @param {number} [overflowStatus]
 * @returns {BadHttpAnswer | undefined}
 */
export function badHttpAnswer(error, overflowStatus = 400) {
  if (error.code === 'ECONNRESET') return undefined;
  // (The request line counts as headers: a 100 KB URL is refused the same way.)
  if (error.code === 'HPE_HEADER_OVERFLOW') return { status: overflowStatus, message: 'the request headers are larger than 64 KiB' };
  return { status: 400, message: 'the request is not valid HTTP' };
}

/** @type {Record<number, string>} */
const REASONS = { 400: 'Bad Request', 431: 'Request Header Fields Too Large' };

/**
 * Answers on the raw socket with the Huawei error body, then closes it.
 * @param {import('node:stream').Duplex} socket
 * @param {BadHttpAnswer} answer
 */
export function answerBadHttp(socket, answer) {
  if (!socket.writable) return socket.destroy();
  const payload = JSON.stringify(parameterError(answer.message));
  socket.end(
    `HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n` +
      `X-Request-Id: ${newRequestId()}\r\nConnection: close\r\n\r\n${payload}`,
  );
}

/**
 * An `Expect` other than 100-continue: node:http would answer a bare 417 with no body; this
 * answers it with the Huawei error body, and the request is not read further.
 * @param {import('node:http').ServerResponse} res
 */
export function refuseExpectation(res) {
  sendJson(res, 417, parameterError('the Expect header asks for something this server does not do (only 100-continue is understood)'), { connection: 'close' });
}

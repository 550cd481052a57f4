// The mock's answers carry CORS headers, so a page in a browser can read them.
import { sendJson } from '../core/http-answers.mjs';

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'X-Request-Id, sl-violations, X-Mock-Auth-Reason',
};

/**
 * Sends a JSON answer (see ../core/http-answers.mjs) with the CORS headers.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {import('node:http').OutgoingHttpHeaders} [headers]
 */
export const send = (res, status, body, headers = {}) => sendJson(res, status, body, { ...CORS_HEADERS, ...headers });

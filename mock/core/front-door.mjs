// The cloud's front door: before a request reaches the APP API, Huawei's gateway checks its
// credential and answers a wrong one itself (API Request Signing Guide and APIG FAQ, "Common
// Errors Related to IAM Authentication Information"): 401, `APIGW.0301`, a message saying which
// check failed, and the request id in the body. An AK whose signatures fail five times in a row
// is locked for five minutes: every AK/SK request with it is refused until then.
import { credentialProblem } from './credentials.mjs';

export const FRONT_DOOR_CODE = 'APIGW.0301';
/** Consecutive failed authentications of one AK that lock it, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 5 * 60 * 1000;

const AK_OF = /^SDK-HMAC-SHA256\s+Access=([^,\s]+)/;

/**
 * The AK an `Authorization` names, or undefined.
 * @param {{ headers: import('node:http').IncomingHttpHeaders }} req
 * @returns {string | undefined}
 */
export const akOf = (req) => AK_OF.exec(String(req.headers.authorization ?? ''))?.[1];

/** @typedef {(ak: string | undefined) => string} Message */

/**
 * The gateway's words for each kind of failure (the FAQ's messages).
 * @type {Record<import('./credentials.mjs').CredentialProblem['kind'], Message> & { [kind: string]: Message | undefined }}
 */
const MESSAGES = {
  token: () => 'decrypt token fail',
  'unknown-ak': (ak) => `Get secretKey failed,ak:${ak},err:ak not exist`,
  locked: () => 'AK access failed to reach the limit,forbidden.',
  signature: () => 'verify aksk signature fail',
};

/**
 * The front door's error body for `problem` (`{ kind, ak }`), carrying `requestId`.
 * @param {{ kind: string, ak?: string }} problem (a kind it does not know reads as a signature failure)
 * @param {string} requestId
 */
export function frontDoorError(problem, requestId) {
  const message = (MESSAGES[problem.kind] ?? MESSAGES.signature)(problem.ak);
  return { error_code: FRONT_DOOR_CODE, error_msg: `Incorrect IAM authentication information: ${message}`, request_id: requestId };
}

/**
 * @typedef {object} FrontDoor
 * @property {(req: import('./request-target.mjs').RequestHead, body: Uint8Array) => import('./credentials.mjs').CredentialProblem | undefined} check
 * @property {() => void} reset
 */

/**
 * `check(req, body)`: undefined when the credential passes, else `{ kind, reason, ak }`
 * (kind: token, unknown-ak, signature, locked). Counts each known AK's failures in a row; a
 * success starts the count again. `reset()` forgets the counts and locks.
 * @param {{ tokens: Set<string>, secrets: Map<string, string> }} credentials
 * @param {() => number} [clock]
 * @returns {FrontDoor}
 */
export function frontDoor(credentials, clock = Date.now) {
  /** @type {Map<string, { failures: number, lockedUntil: number }>} */
  const akState = new Map();
  return {
    check(req, body) {
      const now = clock();
      const ak = akOf(req);
      const state = ak === undefined || req.headers['x-auth-token'] !== undefined ? undefined : akState.get(ak);
      if (state && state.lockedUntil > now)
        return { kind: 'locked', ak, reason: `AK locked: ${LOCK_AFTER_FAILURES} failed authentications in a row, for ${LOCK_MS / 60_000} minutes` };
      const problem = credentialProblem(req, body, credentials, now);
      if (ak !== undefined && credentials.secrets.has(ak) && req.headers['x-auth-token'] === undefined) count(ak, problem === undefined, now);
      return problem;
    },
    reset: () => akState.clear(),
  };

  /**
   * @param {string} ak
   * @param {boolean} passed
   * @param {number} now
   */
  function count(ak, passed, now) {
    if (passed) return akState.delete(ak);
    const state = akState.get(ak) ?? { failures: 0, lockedUntil: 0 };
    state.failures = state.lockedUntil > 0 && state.lockedUntil <= now ? 1 : state.failures + 1;
    state.lockedUntil = state.failures >= LOCK_AFTER_FAILURES ? now + LOCK_MS : 0;
    akState.set(ak, state);
  }
}

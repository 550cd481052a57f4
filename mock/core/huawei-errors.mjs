// Huawei APIG error bodies for what the mock refuses, worded as the real gateway words them
// (error codes from Huawei's APIG error-code reference).

const SUPPORT = 'Please refer to the support documentation';

/**
 * Request fields in the order the source pages list them: the first broken one is reported.
 * (Looked up with names a violation may lack, hence `undefined` among the types.)
 * @type {ReadonlyArray<string | undefined>}
 */
const FIELD_ORDER = ['name', 'remark', 'app_key', 'app_secret'];

/**
 * The gateway's error body.
 * @typedef {{ error_code: string, error_msg: string }} ErrorBody
 */

/**
 * A violation of the contract as Prism reports it (what is read of it here).
 * @typedef {object} Violation
 * @property {ReadonlyArray<string | number>} [path] where: `['body', 'name']`, `['query', 'limit']`, `['path', 'app_id']`…
 * @property {string | number} [code] the rule broken (`required`, `pattern`…), or a status (415)
 * @property {string} message
 */

/**
 * @param {string} code
 * @param {string} msg
 * @returns {ErrorBody}
 */
export const errorBody = (code, msg) => ({ error_code: code, error_msg: msg });

/** @param {string} detail */
export const parameterError = (detail) => errorBody('APIG.2000', `Parameter error: ${detail}`);

/** @param {string | undefined} field */
export const missingParameter = (field) => errorBody('APIG.2001', `The request parameters must be specified,parameterName:${field}. ${SUPPORT}`);

/** @param {string | undefined} field */
export const invalidParameter = (field) => errorBody('APIG.2011', `Invalid parameter value,parameterName:${field}. ${SUPPORT}`);

export const apiNotFound = () => errorBody('APIG.0101', 'The API does not exist or has not been published in the environment');

export const systemError = () => errorBody('APIG.9999', 'System error');

/** @param {string | undefined} field */
const fieldRank = (field) => {
  const rank = FIELD_ORDER.indexOf(field);
  return rank === -1 ? FIELD_ORDER.length : rank;
};

/**
 * Turns Prism's request violations into the one error body the gateway would send:
 * a missing required field → APIG.2001, a broken field or parameter rule → APIG.2011 naming
 * it, anything about the body as a whole → APIG.2000.
 * @param {ReadonlyArray<Violation>} violations
 * @returns {ErrorBody}
 */
export function errorFromViolations(violations) {
  const bodyViolations = violations.filter((v) => (!v.path || v.path[0] === 'body') && !/^Request path /.test(v.message ?? ''));
  const missing = bodyViolations
    .filter((v) => v.code === 'required')
    .map((v) => /required property '([^']+)'/.exec(v.message)?.[1])
    .filter(Boolean)
    .sort((a, b) => fieldRank(a) - fieldRank(b));
  if (missing.length > 0) return missingParameter(missing[0]);

  const broken = bodyViolations
    .filter((v) => v.path && v.path.length >= 2)
    .map((v) => String(/** @type {ReadonlyArray<string | number>} */ (v.path)[1]))
    .sort((a, b) => fieldRank(a) - fieldRank(b));
  if (broken.length > 0) return invalidParameter(broken[0]);

  // An empty path parameter (`/v1//apigw/…`) or a required query parameter left out (`app_id`
  // of the bound lists): Prism reports either as a required one missing.
  const missingParameterName = violations
    .filter((v) => v.code === 'required')
    .map((v) => /^Request (?:path|query) must have required property '([^']+)'/.exec(v.message ?? '')?.[1])
    .find(Boolean);
  if (missingParameterName) return missingParameter(missingParameterName);

  // A path or query parameter that breaks its rule (an id, page_size, limit, creator…).
  const parameter = violations.find((v) => v.path && (v.path[0] === 'query' || v.path[0] === 'path') && v.path.length >= 2);
  if (parameter) return invalidParameter(String(/** @type {ReadonlyArray<string | number>} */ (parameter.path)[1]));

  if (bodyViolations.some((v) => v.code === 'required')) return parameterError('the request body is required (a JSON object)');
  if (bodyViolations.length > 0) return parameterError('the request body must be a JSON object');
  return parameterError('the request does not match the contract');
}

// The three ways a call can fail, told apart by class and by `kind`. None of them ever holds
// a credential or an app_secret: messages are built from safe parts, and anything that
// comes from elsewhere (a network error's text) is redacted first.
import type { ValidationIssue } from './validation/body-issues.js';

/**
 * Which check refused the credential, read from a 401: the cloud's front door (error code
 * `APIGW.0301`, `APIG.0301` in older regions; Huawei's API Request Signing Guide and APIG FAQ,
 * "Common Errors Related to IAM Authentication Information") or the APP API's own codes.
 */
export type CredentialRefusal =
  | 'token-not-decrypted'
  | 'signature-mismatch'
  | 'unknown-ak'
  | 'ak-locked'
  | 'front-door'
  | 'missing-credential'
  | 'incorrect-token';

const FRONT_DOOR_CODE = /^APIGW?\.0301$/;
/** The front door's messages, in the FAQ's words, and what each means for the caller. */
const FRONT_DOOR: ReadonlyArray<[RegExp, CredentialRefusal]> = [
  [/decrypt token fail/, 'token-not-decrypted'],
  [/verify aksk signature fail/, 'signature-mismatch'],
  [/ak not exist|Get secretKey failed/, 'unknown-ak'],
  [/AK access failed to reach the limit/, 'ak-locked'],
];
const EXPLAINED: Record<CredentialRefusal, string> = {
  'token-not-decrypted': 'the cloud’s front door could not decrypt the IAM token (expired, cut short, or from another account or region)',
  'signature-mismatch':
    'the AK/SK signature did not verify at the cloud’s front door (a wrong SK, or X-Sdk-Date more than 15 minutes from the gateway’s clock)',
  'unknown-ak': 'the cloud’s front door does not know the AK',
  'ak-locked': 'the AK is locked for 5 minutes after 5 failed authentications in a row; wait before trying again',
  'front-door': 'the cloud’s front door refused the credential',
  'missing-credential': 'the request carried no credential (X-Auth-Token or an AK/SK Authorization)',
  'incorrect-token': 'the APP API found the token incorrect',
};

/** What a 401 says of the credential, or undefined for any other answer. */
export function credentialRefusalOf(status: number, errorCode: string | undefined, errorMsg: string): CredentialRefusal | undefined {
  if (status !== 401) return undefined;
  // Stryker disable next-line ConditionalExpression: without the undefined check, test(undefined) reads "undefined", which no front-door code is
  if (errorCode !== undefined && FRONT_DOOR_CODE.test(errorCode)) return FRONT_DOOR.find(([pattern]) => pattern.test(errorMsg))?.[1] ?? 'front-door';
  if (errorCode === 'APIG.1000') return 'missing-credential';
  if (errorCode === 'APIG.1002') return 'incorrect-token';
  return undefined;
}

/** The gateway answered with an error status. */
export class ApigError extends Error {
  override readonly name = 'ApigError';
  readonly kind = 'api' as const;
  /** On a 401, which check refused the credential (the front door's APIGW.0301, or the APP API's own codes). */
  readonly credentialRefusal: CredentialRefusal | undefined;
  constructor(
    /** HTTP status. */
    readonly status: number,
    /** Huawei error code, e.g. `APIG.2011`; undefined when the body was not a Huawei error. */
    readonly errorCode: string | undefined,
    /** Huawei error message (or the start of a body that was not one). */
    readonly errorMsg: string,
    /** From the body's `request_id` or the `X-Request-Id` header. */
    readonly requestId: string | undefined,
  ) {
    const refusal = credentialRefusalOf(status, errorCode, errorMsg);
    super(
      `${errorCode ?? 'HTTP error'} (HTTP ${status}): ${errorMsg}${refusal ? ` (${EXPLAINED[refusal]})` : ''}${requestId ? ` [request id ${requestId}]` : ''}`,
    );
    this.credentialRefusal = refusal;
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      errorCode: this.errorCode,
      errorMsg: this.errorMsg,
      requestId: this.requestId,
      credentialRefusal: this.credentialRefusal,
    };
  }
}

/** The request did not reach the gateway, or its answer did not come back. */
export class ApigNetworkError extends Error {
  override readonly name = 'ApigNetworkError';
  readonly kind = 'network' as const;
  /** The underlying error's code (e.g. ECONNREFUSED), when it had one. */
  readonly code: string | undefined;
  constructor(method: string, url: string, cause: unknown, secrets: readonly string[]) {
    const inner = cause instanceof Error ? cause : new Error(String(cause));
    const root = (inner as { cause?: unknown }).cause instanceof Error ? (inner as { cause: Error }).cause : inner;
    const code = (root as { code?: unknown }).code;
    const detail = redact([inner.message, root !== inner ? root.message : ''].filter(Boolean).join(': '), secrets);
    super(redact(`${method} ${withoutUserinfo(url)} failed: ${detail}`, secrets));
    this.code = typeof code === 'string' ? code : undefined;
  }

  toJSON() {
    return { name: this.name, kind: this.kind, message: this.message, code: this.code };
  }
}

/** The request (its body, query or path parameters) breaks the contract; it was not sent. */
export class ApigValidationError extends Error {
  override readonly name = 'ApigValidationError';
  readonly kind = 'validation' as const;
  /**
   * @param lead what was not sent and why, e.g. `The Update APP body (PUT /v1.0/apigw/apps/{id})
   *   breaks the contract and was not sent`; the issues' messages follow it.
   */
  constructor(
    readonly issues: readonly ValidationIssue[],
    lead = 'The request breaks the contract and was not sent',
  ) {
    super(`${lead}: ${issues.map((i) => i.message).join(' | ')}`);
  }

  toJSON() {
    return { name: this.name, kind: this.kind, issues: this.issues };
  }
}

export type ApigFailure = ApigError | ApigNetworkError | ApigValidationError;

/** The URL with any `user:password@` taken out: a password in a URL is a secret too. */
function withoutUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
}

/** Replaces every occurrence of each secret (at least 4 characters long) with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

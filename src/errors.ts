// The three ways a call can fail, told apart by class and by `kind`. None of them ever holds
// a credential or an app_secret: messages are built from safe parts, and anything that
// comes from elsewhere (a network error's text) is redacted first.
import type { ValidationIssue } from './validation/validate-create-app-request.js';

/** The gateway answered with an error status. */
export class ApigError extends Error {
  override readonly name = 'ApigError';
  readonly kind = 'api' as const;
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
    super(`${errorCode ?? 'HTTP error'} (HTTP ${status}): ${errorMsg}${requestId ? ` [request id ${requestId}]` : ''}`);
  }

  toJSON() {
    return { name: this.name, kind: this.kind, status: this.status, errorCode: this.errorCode, errorMsg: this.errorMsg, requestId: this.requestId };
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
    const root = (inner as { cause?: unknown }).cause instanceof Error ? ((inner as { cause: Error }).cause) : inner;
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
  constructor(readonly issues: readonly ValidationIssue[], lead = 'The request breaks the contract and was not sent') {
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

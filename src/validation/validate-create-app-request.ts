// Create APP's request body (v1.0 and v1), the first contract's validator under its own name.
import type { CreateAppRequest } from '../types.js';
import type { BODY_RULES } from '../../generated/request-rules/bodies.js';
import { validateRequestBody, type BodyValidationOptions, type BodyValidationResult, type ValidationIssue } from './validate-request-body.js';

export type { ValidationIssue };
export type RequestField = keyof (typeof BODY_RULES)['CreateAppRequest']['fields'];
export type ValidationResult = BodyValidationResult<CreateAppRequest>;

/** Validates a Create APP request body against the contract's rules. */
export function validateCreateAppRequest(body: unknown, options?: BodyValidationOptions): ValidationResult {
  return validateRequestBody<CreateAppRequest>('CreateAppRequest', body, options);
}

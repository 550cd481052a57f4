// apig-app-contract/validation: a request body checked against the contract at once and
// synchronously, for every operation that takes one (every body schema's rules come with it, so
// it is apart from the root: a page that only calls the client does not carry them).
export { validateCreateAppRequest, type ValidationIssue, type ValidationResult, type RequestField } from './validation/validate-create-app-request.js';
export { validateRequestBody, type RequestSchemaName, type BodyValidationOptions, type BodyValidationResult } from './validation/validate-request-body.js';

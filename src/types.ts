// Names for the contract's types, taken from the generated openapi-typescript output.
import type { components, paths } from '../generated/schema.js';

export type { components, paths };
/** Request body of Create APP (请求消息). */
export type CreateAppRequest = components['schemas']['CreateAppRequest'];
/** The created APP (响应消息). */
export type App = components['schemas']['App'];
/** Huawei's error body. */
export type ErrorBody = components['schemas']['ErrorBody'];

// Names for the contract's types, taken from the generated openapi-typescript output.
import type { components, paths } from '../generated/schema.js';

export type { components, paths };
/** Request body of Create APP (请求消息). */
export type CreateAppRequest = components['schemas']['CreateAppRequest'];
/** The created APP (响应消息). */
export type App = components['schemas']['App'];
/** Huawei's error body. */
export type ErrorBody = components['schemas']['ErrorBody'];
/** Create APP's body on v2 (current limits, related_* fields). */
export type CreateAppRequestV2 = components['schemas']['CreateAppRequestV2'];
/** An APP as v2 answers it. */
export type AppV2 = components['schemas']['AppV2'];
/** One page of APPs: v1.0/v1 (`AppList`) and v2 (`AppListV2`). */
export type AppList = components['schemas']['AppList'];
export type AppListV2 = components['schemas']['AppListV2'];
/** An AppCode of an APP (every generation). */
export type AppCode = components['schemas']['AppCode'];
/** The APP outline: how many APPs are authorized to an API, how many are not. */
export type AppOutline = components['schemas']['AppOutline'];

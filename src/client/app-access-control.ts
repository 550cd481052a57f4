// APP access control (APP访问控制), on the dedicated gateway v2 only (no v1.0 or v1 page has it):
// an APP's IP allow list (PERMIT) or deny list (DENY). Each helper returns `{ ok: true, … }` or
// `{ ok: false, error }` like the lifecycle's; the body is checked before it is sent.
import { AppAclRequestV2Schema } from '../../generated/request-rules/index.js';
import type { components } from '../types.js';
import type { ApigClient } from './create-apig-client.js';
import type { CallOptions, InstanceOn, Outcome } from './vocabulary.js';
import { callOn, instanceOn } from './gateway-call.js';

type S = components['schemas'];
const ACL = '/apps/{app_id}/app-acl';

/** `GET …/apps/{app_id}/app-acl`: the APP's list; `app_acl_type` and `app_acl_values` only while it has one. */
export function showAppAcl(client: ApigClient, instance: InstanceOn<'dedicatedV2'>, appId: string, options: CallOptions = {}): Promise<Outcome<S['AppAclV2']>> {
  return callOn(client, 'GET', instanceOn('dedicatedV2', instance), ACL, {}, options, [['appId', 'app_id', appId]]);
}

/** `PUT …/apps/{app_id}/app-acl`: sets (replaces) the APP's list; 201 with the list as set. */
export function setAppAcl(
  client: ApigClient,
  instance: InstanceOn<'dedicatedV2'>,
  appId: string,
  body: S['AppAclRequestV2'],
  options: CallOptions = {},
): Promise<Outcome<S['AppAclSetV2']>> {
  return callOn(client, 'PUT', instanceOn('dedicatedV2', instance), ACL, { body, schema: AppAclRequestV2Schema }, options, [['appId', 'app_id', appId]]);
}

/** `DELETE …/apps/{app_id}/app-acl`: removes the APP's list; 204, no body. */
export function deleteAppAcl(client: ApigClient, instance: InstanceOn<'dedicatedV2'>, appId: string, options: CallOptions = {}): Promise<Outcome<undefined>> {
  return callOn(client, 'DELETE', instanceOn('dedicatedV2', instance), ACL, {}, options, [['appId', 'app_id', appId]]);
}

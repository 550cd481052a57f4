// The cloud's front door answers a bad credential before the APP API does (Huawei's API Request
// Signing Guide and APIG FAQ, "Common Errors Related to IAM Authentication Information"): 401
// with `APIGW.0301` (`APIG.0301` in older regions), the FAQ's message and a `request_id`. Every
// operation of every generation must take those answers as they are, or the proxy reports drift
// on every real 401. The bodies below are the FAQ's, written here, not read from the spec.
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadBundledDocument } from '../helpers/bundled-document.js';

const FRONT_DOOR_BODIES = [
  { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: decrypt token fail', request_id: 'b1' },
  { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail', request_id: 'b2' },
  { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: Get secretKey failed,ak:AK1,err:ak not exist', request_id: 'b3' },
  { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.', request_id: 'b4' },
  { error_code: 'APIG.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail', request_id: 'b5' },
];
const NOT_HUAWEI = [
  { error_code: 'APIGWX.0301', error_msg: 'x' },
  { error_code: 'apigw.0301', error_msg: 'x' },
  { error_code: 'APIGW.301', error_msg: 'x' },
];

const doc = loadBundledDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'urn:apig:doc', components: doc.components }, 'urn:apig:doc');
const deref = (node: { $ref?: string }) =>
  node.$ref
    ? node.$ref
        .split('/')
        .slice(1)
        .reduce((at: any, key: string) => at[key], doc)
    : node;

const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
  ['get', 'post', 'put', 'delete'].filter((method) => item[method]).map((method) => ({ name: `${method.toUpperCase()} ${path}`, operation: item[method] })),
);

describe('the front door’s 401, on every operation', () => {
  it('there are operations to check (all three generations)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(49);
  });

  it.each(operations.map((o) => [o.name, o.operation]))('%s declares a 401 that takes each FAQ body and refuses what is no Huawei code', (_name, operation) => {
    const unauthorized = operation.responses['401'];
    expect(unauthorized, 'declares 401').toBeDefined();
    const schema = deref(deref(unauthorized).content['application/json'].schema);
    const validate = ajv.compile({
      $ref: `urn:apig:doc#/components/schemas/${(deref(unauthorized).content['application/json'].schema.$ref ?? '').split('/').pop()}`,
    });
    expect(schema.properties.request_id, 'a request_id in the body').toBeDefined();
    for (const body of FRONT_DOOR_BODIES) expect(validate(body), JSON.stringify(body)).toBe(true);
    for (const body of NOT_HUAWEI) expect(validate(body), JSON.stringify(body)).toBe(false);
  });
});

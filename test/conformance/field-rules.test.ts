// Every boundary case of the rule table, sent to both variants: the status is the table's,
// 201 bodies match the App schema and 400 bodies the error schema of the bundled document.
// On a target that remembers APPs, each APP a valid case creates is deleted at once (send).
import { describe, expect, it } from 'vitest';
import { BODY_CASES, FIELD_CASES, bodyWith, label } from '../rules/create-app-rules.js';
import { loadBundledDocument, schemaValidators } from '../helpers/bundled-document.js';
import { ONLY_OWN_MOCK, VARIANTS, caseBody, send, target } from './target.js';

const validators = schemaValidators(loadBundledDocument());
const validateApp = validators('App');
const validateError = validators('ErrorBody');

const fieldCases = FIELD_CASES.map((c) => ({ ...c, title: `${c.field} = ${label(c.value)} → ${c.valid ? 201 : 400} (${c.why})` }));

describe.each(VARIANTS)('%s gateway: field rules', (variant) => {
  it.each(fieldCases)('$title', async ({ field, value, valid }) => {
    const reply = await send(variant, { json: caseBody(field, value) });
    expect(reply.status, reply.text).toBe(valid ? 201 : 400);
    if (valid) expect(validateApp(reply.json), JSON.stringify(validateApp.errors)).toBe(true);
    else expect(validateError(reply.json), reply.text).toBe(true);
  });

  it.each(BODY_CASES)('body: $why', async ({ body, valid }) => {
    const reply = await send(variant, { json: body });
    expect(reply.status, reply.text).toBe(valid ? 201 : 400);
    expect((valid ? validateApp : validateError)(reply.json), reply.text).toBe(true);
  });

  it.skipIf(!target.ownMock)(`a 400 names the broken field as the gateway does (APIG.2011 / APIG.2001)${ONLY_OWN_MOCK}`, async () => {
    for (const c of fieldCases.filter((x) => !x.valid)) {
      const reply = await send(variant, { json: bodyWith(c.field, c.value) });
      expect(reply.json, c.title).toEqual({
        error_code: 'APIG.2011',
        error_msg: `Invalid parameter value,parameterName:${c.field}. Please refer to the support documentation`,
      });
    }
    for (const c of BODY_CASES.filter((x) => x.field)) {
      const reply = await send(variant, { json: c.body });
      expect(reply.json.error_code, c.why).toBe('APIG.2001');
      expect(reply.json.error_msg, c.why).toContain(`parameterName:${c.field}`);
    }
  });
});

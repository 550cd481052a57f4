// The lint rule that keeps the three generations in step (scripts/checks/spectral-functions/generationParity.js).
import { describe, expect, it } from 'vitest';
import generationParity from '../../scripts/checks/spectral-functions/generationParity.js';
import { loadBundledDocument } from '../helpers/bundled-document.js';

const paths = () => structuredClone(loadBundledDocument().paths);

describe('generation parity', () => {
  it('holds for the contract: every operation on v1.0, v1 and v2', () => {
    expect(generationParity(paths())).toEqual([]);
  });

  it('names an operation missing on one generation', () => {
    const p = paths();
    delete p['/v2/{project_id}/apigw/instances/{instance_id}/apps/secret/{app_id}'].put;
    expect(generationParity(p).map((r: { message: string }) => r.message)).toEqual([
      'PUT …/apps/secret/{id} is missing on v2 (generation parity: every operation exists on v1.0, v1 and v2; only AppCodes may be missing on v1, and the v2-only families on v1.0 and v1).',
    ]);
  });

  it('names a path that belongs to no generation', () => {
    const p = paths();
    p['/v3/apps'] = { get: {} };
    expect(generationParity(p).map((r: { message: string }) => r.message)).toEqual(
      expect.arrayContaining(['/v3/apps belongs to no gateway generation (v1.0, v1, v2).']),
    );
  });

  it('allows the one gap the pages make, AppCodes on v1, and only that one', () => {
    const p = paths();
    p['/v1/{project_id}/apigw/instances/{instance_id}/apps/{app_id}/app-codes'] = { post: {} };
    expect(generationParity(p).map((r: { message: string }) => r.message)).toEqual([
      'POST …/apps/{id}/app-codes exists on v1, but the dedicated v1 pages have no AppCode operations.',
    ]);
    const q = paths();
    delete q['/v2/{project_id}/apigw/instances/{instance_id}/app-auths/binded-apps'];
    expect(generationParity(q).map((r: { message: string }) => r.message)).toEqual([
      'GET …/app-auths/binded-apps is missing on v2 (generation parity: every operation exists on v1.0, v1 and v2; only AppCodes may be missing on v1, and the v2-only families on v1.0 and v1).',
    ]);
    const r = paths();
    delete r['/v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}/app-codes'].put;
    expect(generationParity(r).map((x: { message: string }) => x.message)).toEqual([
      'PUT …/apps/{id}/app-codes is missing on v2 (generation parity: every operation exists on v1.0, v1 and v2; only AppCodes may be missing on v1, and the v2-only families on v1.0 and v1).',
    ]);
  });
  it('allows client quotas, APP access control and AI API keys on v2 only (no v1.0 or v1 page has them), and refuses them elsewhere', () => {
    const p = paths();
    const acl = '/v2/{project_id}/apigw/instances/{instance_id}/apps/{app_id}/app-acl';
    expect(p[acl]).toBeDefined();
    expect(generationParity(p)).toEqual([]);
    p['/v1.0/apigw/apps/{app_id}/app-acl'] = { get: {} };
    p['/v1/{project_id}/apigw/instances/{instance_id}/apps/{id}/app-acl'] = { put: {} };
    expect(generationParity(p).map((r: { message: string }) => r.message)).toEqual([
      'GET …/apps/{id}/app-acl exists on v1.0, but client quotas, APP access control and AI API keys exist on the current dedicated gateway (v2) only.',
      'PUT …/apps/{id}/app-acl exists on v1, but client quotas, APP access control and AI API keys exist on the current dedicated gateway (v2) only.',
    ]);
  });
});

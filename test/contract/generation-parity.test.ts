// The lint rule that keeps the three generations in step (scripts/spectral-functions/generationParity.js).
import { describe, expect, it } from 'vitest';
import generationParity from '../../scripts/spectral-functions/generationParity.js';
import { loadBundledDocument } from '../helpers/bundled-document.js';

const paths = () => structuredClone(loadBundledDocument().paths);

describe('generation parity', () => {
  it('holds for the contract: every operation on v1.0, v1 and v2', () => {
    expect(generationParity(paths())).toEqual([]);
  });

  it('names an operation missing on one generation', () => {
    const p = paths();
    delete p['/v2/{project_id}/apigw/instances/{instance_id}/apps/secret/{app_id}'].put;
    expect(generationParity(p).map((r: { message: string }) => r.message)).toEqual(['PUT …/apps/secret/{id} is missing on v2 (generation parity: every operation exists on v1.0, v1 and v2).']);
  });

  it('names a path that belongs to no generation', () => {
    const p = paths();
    p['/v3/apps'] = { get: {} };
    expect(generationParity(p).map((r: { message: string }) => r.message)).toEqual(expect.arrayContaining(['/v3/apps belongs to no gateway generation (v1.0, v1, v2).']));
  });
});

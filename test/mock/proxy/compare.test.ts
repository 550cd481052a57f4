// --compare's reading of two answers, in-process (mock/proxy/compare.mjs): the ids both created,
// the fields an answer has, and the first way the mock's answer differs from the upstream's.
import { describe, expect, it } from 'vitest';
import { differencesOf, fieldsOf, idsOf, seenBy } from '../../../mock/proxy/compare.mjs';

describe('idsOf', () => {
  it('every id, in order: an object’s own, then its lists’ entries’, at any depth', () => {
    expect(idsOf({ id: 'a', apps: [{ id: 'b', codes: [{ id: 'c' }] }, { id: 'd' }], other: { id: 'e' } })).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(idsOf([{ id: 'x' }, { id: 'y' }])).toEqual(['x', 'y']);
  });

  it('only string ids, and nothing from scalars or null', () => {
    expect(idsOf({ id: 7, child: { id: null }, list: [null, 'id', 3] })).toEqual([]);
    expect(idsOf(null)).toEqual([]);
    expect(idsOf('id')).toEqual([]);
    expect(idsOf(undefined)).toEqual([]);
  });

  it('a fresh list each call', () => {
    idsOf({ id: 'a' });
    expect(idsOf({ id: 'b' })).toEqual(['b']);
  });
});

describe('fieldsOf', () => {
  it('an object’s keys, sorted; a bare array’s first entry’s', () => {
    expect(fieldsOf({ b: 1, a: 2 })).toEqual(['a', 'b']);
    expect(fieldsOf([{ z: 1, y: 2 }, { x: 3 }])).toEqual(['y', 'z']);
  });

  it('nothing for scalars, null, an empty array', () => {
    expect(fieldsOf(null)).toEqual([]);
    expect(fieldsOf('text')).toEqual([]);
    expect(fieldsOf(5)).toEqual([]);
    expect(fieldsOf([])).toEqual([]);
  });
});

describe('seenBy', () => {
  it('an error answer is its status and error_code; a success its status and fields', () => {
    expect(seenBy(404, { error_code: 'APIG.3004', error_msg: 'x' })).toEqual({ status: 404, error_code: 'APIG.3004', fields: undefined });
    expect(seenBy(400, { error_code: 'APIG.2011' })).toEqual({ status: 400, error_code: 'APIG.2011', fields: undefined });
    expect(seenBy(399, { error_code: 'x', b: 1 })).toEqual({ status: 399, error_code: undefined, fields: ['b', 'error_code'] });
    expect(seenBy(201, { id: 'a' })).toEqual({ status: 201, error_code: undefined, fields: ['id'] });
    expect(seenBy(500, undefined)).toEqual({ status: 500, error_code: undefined, fields: undefined });
  });
});

describe('differencesOf', () => {
  const base = { operation: 'GET /x', method: 'GET', path: '/x', requestId: 'r' };
  it('the status first, then the error_code, then the fields; none when all agree', () => {
    const ok = seenBy(200, { a: 1 });
    expect(differencesOf(base, ok, seenBy(200, { a: 2 }))).toEqual([]);
    expect(differencesOf(base, ok, seenBy(404, { error_code: 'APIG.3004' }))).toEqual([
      { ...base, what: 'status', upstream: ok, mock: { status: 404, error_code: 'APIG.3004', fields: undefined } },
    ]);
    expect(differencesOf(base, seenBy(404, { error_code: 'APIG.3002' }), seenBy(404, { error_code: 'APIG.3004' }))[0]?.what).toBe('error_code');
    expect(differencesOf(base, ok, seenBy(200, { a: 1, b: 2 }))[0]?.what).toBe('fields');
    expect(differencesOf(base, seenBy(404, { error_code: 'APIG.3004' }), seenBy(404, { error_code: 'APIG.3004', extra: 1 }))).toEqual([]);
  });
});

// The mock's API answering, in-process where it is pure (mock/server/api.mjs): the sl-violations
// header Prism's own clients read, kept within a header's size and in latin-1.
import { describe, expect, it } from 'vitest';
import { violationsHeader } from '../../../mock/server/api.mjs';

describe('violationsHeader', () => {
  it('none for no violation', () => {
    expect(violationsHeader([])).toEqual({});
  });

  it('each violation located under `request`, as Prism writes it', () => {
    expect(violationsHeader([{ path: ['body', 'name'], code: 'pattern', message: 'must match' }, { message: 'no path' }])).toEqual({
      'sl-violations': JSON.stringify([
        { location: ['request', 'body', 'name'], code: 'pattern', message: 'must match' },
        { location: ['request'], message: 'no path' },
      ]),
    });
  });

  it('escapes what latin-1 cannot carry, and stops before 8 KiB', () => {
    const [value = ''] = Object.values(violationsHeader([{ path: ['body', 'name'], message: '名称 must match' }]));
    expect(value).toContain('\\u540d\\u79f0 must match');
    expect(value).toMatch(/^[\x20-\x7e]+$/);
    const long = violationsHeader(Array.from({ length: 400 }, (_, i) => ({ path: ['body', `field_${i}`], message: 'x'.repeat(40) })));
    expect(long['sl-violations']!.length).toBe(8 * 1024 - 100);
    const exact = violationsHeader([{ message: 'x'.repeat(8 * 1024 - 100 - JSON.stringify([{ location: ['request'], message: '' }]).length) }]);
    expect(exact['sl-violations']!.length).toBe(8 * 1024 - 100);
    expect(exact['sl-violations']!.endsWith('"}]')).toBe(true);
  });
});

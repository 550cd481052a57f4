// Parses Prism's `Prefer` header (`code=403`, `example=name`, `dynamic=true`) into a mock config.

/**
 * What of Prism's `mock` section a Prefer header sets.
 * @typedef {{ code?: number, exampleKey?: string, dynamic?: boolean }} PreferConfig
 */

/**
 * Returns { config } for Prism's `mock` section, or { problem } naming what is wrong.
 * @param {string | string[] | undefined} header the request's Prefer header, if any
 * @returns {{ config: PreferConfig, header?: string, problem?: undefined } | { problem: `Prefer ${string}`, config?: undefined, header?: undefined }}
 */
export function preferToMockConfig(header) {
  /** @type {PreferConfig} */
  const config = {};
  if (!header) return { config };
  header = String(header);
  for (const part of String(header).split(/[,;]/)) {
    const [rawKey, ...rest] = /** @type {[string, ...string[]]} */ (part.split('='));
    const key = rawKey.trim().toLowerCase();
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    // Other preferences (return=minimal, respond-async) are not ours: no branch takes them.
    if (key === 'code') {
      if (!/^\d{3}$/.test(value)) return { problem: `Prefer code must be a three-digit status (got ${JSON.stringify(value.slice(0, 20))})` };
      config.code = Number(value);
    } else if (key === 'example') {
      config.exampleKey = value;
    } else if (key === 'dynamic') {
      if (value !== 'true' && value !== 'false') return { problem: 'Prefer dynamic must be true or false' };
      // Prism's dynamic answers invent values the contract forbids (a status of 6915341, keys
      // no page lists): refuse them rather than hand a tester data the gateway never sends.
      if (value === 'true')
        return {
          problem:
            'Prefer dynamic=true is not supported: its invented values break the contract; the mock is stateful (create an APP, then read it back) or use Prefer example=<name>',
        };
      config.dynamic = false;
    }
  }
  return { config, header };
}

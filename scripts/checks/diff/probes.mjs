// Strings to compare two patterns by: a pattern is "tighter" when it rejects a probe the
// old one accepted. Deterministic: the same probes every run.
const POOL = Array.from('aZ09_-!@#$%.^&* 中应一龥\u9fa6\u4dffあカ😀𠀀\n＿ａ');

/**
 * @param {number} seed
 * @returns {Generator<number, never>}
 */
function* lcg(seed) {
  let x = seed >>> 0;
  for (;;) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    yield x;
  }
}

/** @param {unknown[]} [extra] strings (other values are left out) */
export function patternProbes(extra = []) {
  const probes = new Set(extra.filter((s) => typeof s === 'string'));
  for (const a of POOL) {
    probes.add(a);
    for (const b of POOL) probes.add(`${a}${b}${b}`);
  }
  const random = lcg(2024);
  for (let i = 0; i < 4000; i += 1) {
    const length = random.next().value % 70;
    // (An index below the pool's length: a character of it.)
    const first = /** @type {string} */ (POOL[random.next().value % POOL.length]);
    let s = first;
    const body = POOL.slice(0, 6);
    for (let j = 1; j < length; j += 1)
      s += /** @type {string} */ (
        (random.next().value % 10 === 0 ? POOL : body)[random.next().value % (random.next().value % 10 === 0 ? POOL.length : body.length)]
      );
    probes.add(s);
  }
  return [...probes];
}

/**
 * Reproducible randomness, one generator for the whole project: analytics
 * (Louvain, sampled betweenness) draws from `seededRandom`, and layouts, whose
 * fCoSE/CoSE code draws from `Math.random` with no seed option, run inside
 * `withSeededRandom`, which swaps in a PRNG seeded from a string (the view) for
 * one synchronous call, so the same view gets the same picture.
 */

/** FNV-1a: a stable 32-bit hash of a string. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; values in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `run` with `Math.random` drawing from a PRNG seeded by `seed`; restores it afterwards, even on a throw. */
export function withSeededRandom<T>(seed: string, run: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(hashSeed(seed));
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

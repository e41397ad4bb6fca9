/**
 * A small seeded pseudo-random generator (mulberry32). Louvain and betweenness
 * sampling draw from it so the same graph always gives the same answer.
 */

/** The seed every analytics run uses; changing it changes community ids and sampled betweenness. */
export const ANALYTICS_SEED = 0x5eed5;

/** Returns a generator of floats in [0, 1), fully determined by `seed`. */
export function seededRandom(seed: number = ANALYTICS_SEED): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The analytics' seed: Louvain and betweenness sampling draw from the core's
 * seeded generator (mulberry32), so the same graph always gives the same answer.
 */
import { seededRandom as coreSeededRandom } from '../core/seeded-random';

/** The seed every analytics run uses; changing it changes community ids and sampled betweenness. */
export const ANALYTICS_SEED = 0x5eed5;

/** Returns a generator of floats in [0, 1), fully determined by `seed`. */
export function seededRandom(seed: number = ANALYTICS_SEED): () => number {
  return coreSeededRandom(seed);
}

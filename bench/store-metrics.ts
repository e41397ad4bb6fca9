/** Read latencies of a store, called directly (no GraphQL, no HTTP), one call at a time. */
import type { GraphStore } from '../graph/core/store';
import type { Probes } from './probes';
import { timeEach, type Timed } from './stats';

export interface StoreMetrics {
  /** Autocomplete-sized search: the first 10 hits. */
  search: Timed;
  neighborhoodDepth1: Timed;
  neighborhoodDepth2: Timed;
  /** Up to 5 paths of at most 4 relationships. */
  paths: Timed;
  /** Depth-2 neighbourhood (limit 500) as of a date. */
  asOfNeighborhood: Timed;
  /** Mean size of a depth-2 answer, and how often it hit the limit. */
  depth2MeanActors: number;
  depth2MeanRelationships: number;
  depth2TruncatedShare: number;
  pathsFoundShare: number;
}

export const NEIGHBORHOOD_LIMIT = 500;

export async function measureStore(store: GraphStore, probes: Probes): Promise<StoreMetrics> {
  const search = await timeEach(probes.searches, (search) => store.findActors({ search, first: 10 }));
  const depth1 = await timeEach(probes.centres, (actorId) => store.neighborhood({ actorId, depth: 1, limit: NEIGHBORHOOD_LIMIT }));
  let actors = 0;
  let relationships = 0;
  let truncated = 0;
  const depth2 = await timeEach(probes.centres, async (actorId) => {
    const sub = await store.neighborhood({ actorId, depth: 2, limit: NEIGHBORHOOD_LIMIT });
    actors += sub.actors.length;
    relationships += sub.relationships.length;
    if (sub.truncated) truncated++;
  }, 0);
  let found = 0;
  const paths = await timeEach(probes.pairs, async ([from, to]) => {
    if ((await store.paths({ from, to, maxLength: 4, limit: 5 })).length) found++;
  }, 0);
  const asOf = await timeEach(
    probes.centres.map((actorId, i) => ({ actorId, asOf: probes.asOfDates[i % probes.asOfDates.length] })),
    ({ actorId, asOf }) => store.neighborhood({ actorId, depth: 2, limit: NEIGHBORHOOD_LIMIT, asOf }),
  );
  const n = probes.centres.length;
  return {
    search,
    neighborhoodDepth1: depth1,
    neighborhoodDepth2: depth2,
    paths,
    asOfNeighborhood: asOf,
    depth2MeanActors: actors / n,
    depth2MeanRelationships: relationships / n,
    depth2TruncatedShare: truncated / n,
    pathsFoundShare: found / probes.pairs.length,
  };
}

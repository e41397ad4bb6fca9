/**
 * Per-actor metrics, communities and rankings for a set of relationships.
 * Pure: no store, no I/O. `computeMetrics` in compute.ts feeds it from a store.
 */
import type { PartialDate, Relationship, RelationshipType } from '../core/model';
import { betweenness, betweennessPivotCount } from './betweenness';
import { brokerage, louvainPartition } from './communities';
import { pageRank } from './pagerank';
import { buildTieGraph } from './tie-graph';

export interface ActorMetrics {
  actorId: string;
  /** Relationships touching the actor. Also its weighted degree: a tie weighs as many relationships as it bundles. */
  degree: number;
  /** Distinct actors it shares at least one relationship with. */
  neighbours: number;
  /** `neighbours / (actorCount − 1)`, 0–1. */
  degreeCentrality: number;
  /** Normalised betweenness, 0–1 (see betweenness.ts); hops, not weights. */
  betweenness: number;
  /** PageRank on the weighted ties, damping 0.85; sums to 1 over the analysed actors. */
  pageRank: number;
  /** Id of its community in `GraphMetrics.communities`. */
  community: number;
  /** Broker score: the number of communities other than its own that it has a tie into. */
  bridgedCommunities: number;
  /** Participation coefficient, 0–1 (see communities.ts): how evenly its ties spread over communities. */
  participation: number;
  /** 1-based positions in `GraphMetrics.rankings` (ties broken by id, so every rank is distinct). */
  rank: { degree: number; betweenness: number; pageRank: number };
}

export interface Community {
  /** 0-based; communities are numbered by size, largest first, then by the leader's id. */
  id: number;
  /** Name of the leader. */
  label: string;
  /** The member with the highest PageRank. */
  leaderId: string;
  size: number;
  /** Member ids by PageRank, highest first (ties by id). */
  members: string[];
}

export interface GraphMetrics {
  /** The options the graph was filtered with; null when not given. */
  asOf: PartialDate | null;
  types: RelationshipType[] | null;
  /** Actors with at least one relationship passing the filters: the only actors analysed. */
  actorCount: number;
  /** Distinct pairs of actors tied by at least one relationship. */
  tieCount: number;
  relationshipCount: number;
  /** Weighted modularity of the community partition (0 for an empty graph). */
  modularity: number;
  /** True when betweenness was estimated from sampled source actors (large graphs only). */
  betweennessSampled: boolean;
  /** Metrics per analysed actor, in id order. Actors without a relationship passing the filters are absent. */
  actors: ReadonlyMap<string, ActorMetrics>;
  communities: Community[];
  /** Actor ids, most central first; ties broken by id. */
  rankings: {
    degree: string[];
    betweenness: string[];
    pageRank: string[];
    /**
     * Brokers: actors tied into at least one other community, by the number of
     * communities bridged, then participation, then betweenness, then id.
     */
    brokers: string[];
  };
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Node indices ordered by each score in turn, highest first, then by id.
 * Scores are compared to 12 significant digits so floating-point noise cannot
 * reorder equal scores (e.g. the nodes of a cycle).
 */
function rankBy(ids: string[], ...scores: ArrayLike<number>[]): number[] {
  const settled = scores.map((xs) => Float64Array.from(xs, (x) => Number(x.toPrecision(12))));
  const order = ids.map((_, i) => i);
  return order.sort((a, b) => {
    for (const key of settled) {
      const d = key[b] - key[a];
      if (d !== 0) return d;
    }
    return byId(ids[a], ids[b]);
  });
}

/**
 * Analyses `relationships` (already filtered) as an undirected weighted graph.
 * `names` gives community labels; an actor missing from it is labelled by id.
 */
export function analyseRelationships(
  relationships: readonly Pick<Relationship, 'source' | 'target'>[],
  names: ReadonlyMap<string, string>,
  filters: { asOf?: PartialDate; types?: RelationshipType[] } = {},
): GraphMetrics {
  const ties = buildTieGraph(relationships);
  const { ids } = ties;
  const n = ids.length;

  const degree = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = ties.offsets[i]; j < ties.offsets[i + 1]; j++) degree[i] += ties.weights[j];
  const neighbours = (i: number) => ties.offsets[i + 1] - ties.offsets[i];

  const pivots = betweennessPivotCount(ties);
  const between = betweenness(ties, pivots);
  const pr = pageRank(ties);

  const partition = louvainPartition(ties);
  const byPageRank = rankBy(ids, pr);

  // Group members in PageRank order, so each group's first member is its leader.
  const groups = new Map<number, number[]>();
  for (const i of byPageRank) {
    const c = partition.membership[i];
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(i);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || byId(ids[a[0]], ids[b[0]]));
  const membership = new Int32Array(n);
  const communities: Community[] = ordered.map((members, id) => {
    for (const i of members) membership[i] = id;
    const leaderId = ids[members[0]];
    return { id, label: names.get(leaderId) ?? leaderId, leaderId, size: members.length, members: members.map((i) => ids[i]) };
  });
  const brokers = brokerage(ties, membership);

  const byDegree = rankBy(ids, degree);
  const byBetweenness = rankBy(ids, between);
  const byBrokerage = rankBy(ids, brokers.bridged, brokers.participation, between).filter((i) => brokers.bridged[i] > 0);
  const positions = (order: number[]) => {
    const at = new Int32Array(n);
    order.forEach((i, k) => (at[i] = k + 1));
    return at;
  };
  const degreeRank = positions(byDegree);
  const betweennessRank = positions(byBetweenness);
  const pageRankRank = positions(byPageRank);

  const actors = new Map<string, ActorMetrics>();
  ids.forEach((actorId, i) =>
    actors.set(actorId, {
      actorId,
      degree: degree[i],
      neighbours: neighbours(i),
      degreeCentrality: n > 1 ? neighbours(i) / (n - 1) : 0,
      betweenness: between[i],
      pageRank: pr[i],
      community: membership[i],
      bridgedCommunities: brokers.bridged[i],
      participation: brokers.participation[i],
      rank: { degree: degreeRank[i], betweenness: betweennessRank[i], pageRank: pageRankRank[i] },
    }),
  );

  const idsOf = (order: number[]) => order.map((i) => ids[i]);
  return {
    asOf: filters.asOf ?? null,
    types: filters.types ?? null,
    actorCount: n,
    tieCount: ties.tieCount,
    relationshipCount: ties.relationshipCount,
    modularity: partition.modularity,
    betweennessSampled: pivots < n,
    actors,
    communities,
    rankings: {
      degree: idsOf(byDegree),
      betweenness: idsOf(byBetweenness),
      pageRank: idsOf(byPageRank),
      brokers: idsOf(byBrokerage),
    },
  };
}

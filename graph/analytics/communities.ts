/**
 * Communities (Louvain, seeded) and how much each actor straddles them.
 */
import louvain from 'graphology-communities-louvain';
import { seededRandom } from './seeded-random';
import { toGraphology, type TieGraph } from './tie-graph';

export interface Partition {
  /** Community of each node index, as Louvain numbered it (renumbered later for output). */
  membership: Int32Array;
  /** Weighted modularity of the partition, −0.5 to 1. */
  modularity: number;
}

/**
 * Louvain on tie weights, resolution 1. The generator is re-seeded on every
 * call and the graph is built in id order, so the same ties always give the
 * same partition.
 */
export function louvainPartition(ties: TieGraph): Partition {
  const membership = new Int32Array(ties.ids.length);
  if (ties.tieCount === 0) return { membership: membership.map((_, i) => i), modularity: 0 };
  const result = louvain.detailed(toGraphology(ties), { getEdgeWeight: 'weight', rng: seededRandom(), resolution: 1 });
  ties.ids.forEach((id, i) => (membership[i] = result.communities[id]));
  return { membership, modularity: result.modularity };
}

export interface Brokerage {
  /** Number of communities other than its own that the actor has a tie into: the broker score. */
  bridged: Int32Array;
  /**
   * Participation coefficient (Guimerà & Amaral 2005): 1 − Σ_c (w_c / w)², where
   * w_c is the weight of the actor's ties into community c (its own included)
   * and w the weight of all its ties. 0 when every tie stays inside one
   * community; approaches 1 as ties spread evenly over many communities.
   */
  participation: Float64Array;
}

export function brokerage(ties: TieGraph, membership: Int32Array): Brokerage {
  const n = ties.ids.length;
  const participation = new Float64Array(n);
  const bridged = new Int32Array(n);
  const perCommunity = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    perCommunity.clear();
    let total = 0;
    for (let j = ties.offsets[i]; j < ties.offsets[i + 1]; j++) {
      const c = membership[ties.neighbours[j]];
      perCommunity.set(c, (perCommunity.get(c) ?? 0) + ties.weights[j]);
      total += ties.weights[j];
    }
    let concentration = 0;
    for (const w of perCommunity.values()) concentration += (w / total) ** 2;
    participation[i] = total > 0 ? 1 - concentration : 0;
    bridged[i] = perCommunity.size - (perCommunity.has(membership[i]) ? 1 : 0);
  }
  return { bridged, participation };
}

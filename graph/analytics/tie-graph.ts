/**
 * The graph the analytics run on: one node per actor that has at least one
 * relationship, one undirected tie per pair of actors that share any
 * relationship. Direction is ignored (an appointment and an alliance both tie
 * two actors) and parallel relationships collapse into one tie whose weight is
 * how many relationships it bundles.
 */
import { UndirectedGraph } from 'graphology';
import type { Relationship } from '../core/model';

export interface TieGraph {
  /** Actor ids in ascending order; node `i` everywhere below is `ids[i]`. */
  ids: string[];
  /** Compressed adjacency: the neighbours of node `i` are `neighbours[offsets[i]]` … `neighbours[offsets[i + 1] - 1]`, ascending. */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Weight of each adjacency entry: the number of relationships between the two actors. */
  weights: Float64Array;
  /** Number of distinct actor pairs tied. */
  tieCount: number;
  /** Number of relationships behind the ties. */
  relationshipCount: number;
}

type Ends = Pick<Relationship, 'source' | 'target'>;

export function buildTieGraph(relationships: readonly Ends[]): TieGraph {
  const idSet = new Set<string>();
  for (const r of relationships) {
    if (r.source === r.target) continue; // the model forbids self-loops; they would tie nobody to anybody
    idSet.add(r.source);
    idSet.add(r.target);
  }
  const ids = [...idSet].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(ids.map((id, i) => [id, i]));

  // One numeric key per relationship, smaller index × n + larger (exact for n < 2^26);
  // sorting the keys groups parallel relationships and orders every pair.
  const n = ids.length;
  const keys = new Float64Array(relationships.length);
  let relationshipCount = 0;
  for (const r of relationships) {
    if (r.source === r.target) continue;
    const a = index.get(r.source)!;
    const b = index.get(r.target)!;
    keys[relationshipCount++] = a < b ? a * n + b : b * n + a;
  }
  const sorted = keys.subarray(0, relationshipCount).sort();

  const pairA: number[] = [];
  const pairB: number[] = [];
  const pairWeight: number[] = [];
  const degree = new Int32Array(n);
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) {
      pairWeight[pairWeight.length - 1]++;
      continue;
    }
    const a = Math.floor(sorted[k] / n);
    const b = sorted[k] - a * n;
    pairA.push(a);
    pairB.push(b);
    pairWeight.push(1);
    degree[a]++;
    degree[b]++;
  }

  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n]);
  const weights = new Float64Array(offsets[n]);
  // Pairs arrive ordered by (a, b), so each node meets its smaller neighbours
  // (as b) before its larger ones (as a), each group ascending: lists come out sorted.
  for (let p = 0; p < pairA.length; p++) {
    const a = pairA[p];
    const b = pairB[p];
    neighbours[fill[a]] = b;
    weights[fill[a]++] = pairWeight[p];
    neighbours[fill[b]] = a;
    weights[fill[b]++] = pairWeight[p];
  }
  return { ids, offsets, neighbours, weights, tieCount: pairA.length, relationshipCount };
}

/** The same ties as a graphology graph (nodes and edges in ascending order, edge attribute `weight`). */
export function toGraphology(ties: TieGraph): UndirectedGraph<Record<string, never>, { weight: number }> {
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (const id of ties.ids) graph.addNode(id);
  for (let a = 0; a < ties.ids.length; a++) {
    for (let j = ties.offsets[a]; j < ties.offsets[a + 1]; j++) {
      const b = ties.neighbours[j];
      if (a < b) graph.addEdge(ties.ids[a], ties.ids[b], { weight: ties.weights[j] });
    }
  }
  return graph;
}

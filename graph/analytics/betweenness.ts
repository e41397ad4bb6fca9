/**
 * Betweenness centrality on a TieGraph (Brandes 2001), counting hops: a tie's
 * weight says how strong it is, not how long, so it plays no part here.
 *
 * Normalised to 0–1 for undirected graphs: the share of shortest paths between
 * pairs of other actors that pass through the actor, summed over the
 * (n − 1)(n − 2) / 2 pairs that exclude it. The centre of a star scores 1.
 *
 * Exact while that costs at most BETWEENNESS_WORK_BUDGET steps (one breadth-first
 * search per actor, each walking every tie twice). Above that, paths are counted
 * from as many source actors as the budget allows (at least
 * MIN_BETWEENNESS_PIVOTS), drawn with the seeded generator, and scaled up
 * (Brandes & Pich 2007), an unbiased estimate; results then say
 * `betweennessSampled`. Graphs up to a couple of thousand actors (the
 * Kazakhstan dataset by far) are computed exactly.
 */
import type { TieGraph } from './tie-graph';
import { seededRandom } from './seeded-random';

/** Adjacency entries visited per run, at most (about a second on a busy core). */
export const BETWEENNESS_WORK_BUDGET = 25_000_000;
export const MIN_BETWEENNESS_PIVOTS = 100;

/** How many source actors to count paths from (`ids.length` means exact). */
export function betweennessPivotCount(ties: TieGraph): number {
  const n = ties.ids.length;
  const perSource = Math.max(1, ties.neighbours.length);
  if (n * perSource <= BETWEENNESS_WORK_BUDGET) return n;
  return Math.min(n, Math.max(MIN_BETWEENNESS_PIVOTS, Math.floor(BETWEENNESS_WORK_BUDGET / perSource)));
}

/** The first `k` nodes of a seeded shuffle of 0 … n − 1; all nodes in order when k ≥ n. */
function pickPivots(n: number, k: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (k >= n) return order;
  const rng = seededRandom();
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order.slice(0, k);
}

/** Normalised betweenness per node index, counting paths from `pivots` source actors (default: betweennessPivotCount). */
export function betweenness(ties: TieGraph, pivots: number = betweennessPivotCount(ties)): Float64Array {
  const n = ties.ids.length;
  const { offsets, neighbours } = ties;
  const score = new Float64Array(n);
  if (n <= 2) return score;

  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n); // visit order: a queue while searching, read backwards to accumulate
  const sources = pickPivots(n, pivots);

  for (const s of sources) {
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++];
      const next = dist[v] + 1;
      const paths = sigma[v];
      for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) {
        const w = neighbours[j];
        const d = dist[w];
        if (d < 0) {
          dist[w] = next;
          order[tail++] = w;
          sigma[w] = paths;
        } else if (d === next) sigma[w] += paths;
      }
    }
    // Dependencies flow back from the farthest actors; predecessors are the neighbours one hop closer.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      const previous = dist[w] - 1;
      const dw = delta[w];
      const coefficient = (1 + dw) / sigma[w];
      for (let j = offsets[w], end = offsets[w + 1]; j < end; j++) {
        const v = neighbours[j];
        if (dist[v] === previous) delta[v] += sigma[v] * coefficient;
      }
      score[w] += dw;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }

  // Each unordered pair was counted from both ends (when every node is a source), hence (n−1)(n−2), not half of it.
  const scale = n / sources.length / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) score[i] *= scale;
  return score;
}

/**
 * Graph walks: neighbourhoods (breadth-first, capped) and simple paths
 * (shortest first). Both walk relationships in either stored direction and
 * apply the type and as-of filters to every edge. Per-actor walk state lives
 * in typed arrays indexed by actor slot (see GraphState), so a walk over the
 * whole of a 100k-actor graph hashes no ids.
 */
import { NotFoundError } from '../core/errors';
import type { NeighborhoodQuery, Path, PathQuery, Subgraph } from '../core/store';
import { dateArg, datedOnly, intArg, kindsArg, typesArg, undatedArg } from '../core/args';
import { DEFAULT_MAX_PATH_LENGTH, DEFAULT_NEIGHBORHOOD_LIMIT, DEFAULT_PATH_LIMIT, PATH_WORK_BUDGET } from '../core/limits';
import { copyActor, copyRelationship } from './copy';
import { dayRange, edgePasses, type CompiledFilter } from './filter';
import type { StoredRelationship } from './packed-citations';
import type { GraphState, RelEntry } from './state';

type EdgeFilter = Pick<CompiledFilter, 'types' | 'ranges' | 'datedOnly'>;

function edgeFilter(q: Pick<NeighborhoodQuery, 'types' | 'asOf' | 'undated'>): EdgeFilter {
  const at = dateArg('asOf', q.asOf);
  const undated = undatedArg('undated', q.undated);
  return { types: typesArg('types', q.types), ranges: at ? [dayRange(at, at)] : [], datedOnly: datedOnly(at !== undefined, undated) };
}

/** The slot at the other end of `e` from `slot`. */
function across(e: RelEntry, slot: number): number {
  return e.s === slot ? e.t : e.s;
}

function slotOfActor(state: GraphState, id: string): number {
  const slot = state.actors.has(id) ? state.slotOf(id) : undefined;
  if (slot === undefined) throw new NotFoundError('Actor', id);
  return slot;
}

// ----- neighbourhood -----------------------------------------------------------

/**
 * The first `count` actors of a breadth-first level in neighbourhood order
 * (most relationships first, then id), in that order. Behind a hub a level
 * can hold tens of thousands of actors of which a few hundred are kept:
 * degrees are read once, a numeric sort finds the cut-off degree, and only
 * actors at or above it are compared by id.
 */
function firstInLevel(state: GraphState, level: readonly number[], count: number): number[] {
  const degrees = new Int32Array(level.length);
  for (let i = 0; i < level.length; i++) degrees[i] = state.entriesAt(level[i]).size;
  let cutoff = -1;
  if (count < level.length) cutoff = degrees.slice().sort().reverse()[count - 1];
  const kept: number[] = [];
  for (let i = 0; i < level.length; i++) if (degrees[i] >= cutoff) kept.push(i);
  const id = (i: number) => state.idAt(level[i]);
  kept.sort((a, b) => degrees[b] - degrees[a] || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  return kept.slice(0, count).map((i) => level[i]);
}

/**
 * Breadth-first from the centre, one level at a time; within a level the
 * better connected (total degree) come first, then by id. Actors of excluded
 * kinds are neither returned nor walked through. `truncated` is set when the
 * limit left out an actor the walk would otherwise have returned.
 */
export function neighborhood(state: GraphState, q: NeighborhoodQuery): Subgraph {
  const depth = intArg('depth', q.depth, 1, 1, 3);
  const limit = intArg('limit', q.limit, DEFAULT_NEIGHBORHOOD_LIMIT, 1, 500);
  const f = edgeFilter(q);
  const kinds = kindsArg('kinds', q.kinds);
  const centre = slotOfActor(state, q.actorId);

  const seen = new Uint8Array(state.slotCount);
  seen[centre] = 1;
  /** Unseen, admissible actors one step from `frontier`; stops after `max`. */
  const discover = (frontier: number[], max: number): number[] => {
    const found: number[] = [];
    for (const v of frontier) {
      for (const e of state.entriesAt(v)) {
        if (!edgePasses(f, e)) continue;
        const w = across(e, v);
        if (seen[w]) continue;
        seen[w] = 1;
        if (kinds && !kinds.has(state.actors.get(state.idAt(w))!.kind)) continue;
        found.push(w);
        if (found.length >= max) return found;
      }
    }
    return found;
  };

  const chosen = [centre];
  let frontier = chosen;
  let truncated = false;
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    if (chosen.length === limit) {
      truncated = discover(frontier, 1).length > 0;
      break;
    }
    const level = discover(frontier, Infinity);
    const room = limit - chosen.length;
    if (level.length > room) {
      chosen.push(...firstInLevel(state, level, room));
      truncated = true;
      break;
    }
    chosen.push(...firstInLevel(state, level, level.length));
    frontier = level;
  }

  const inside = new Uint8Array(state.slotCount);
  for (const v of chosen) inside[v] = 1;
  const rels = new Set<StoredRelationship>();
  for (const v of chosen) {
    for (const e of state.entriesAt(v)) if (inside[across(e, v)] && edgePasses(f, e)) rels.add(e.rel);
  }
  return {
    actors: chosen.map((slot) => copyActor(state.actors.get(state.idAt(slot))!)),
    relationships: [...rels].sort((a, b) => (a.id < b.id ? -1 : 1)).map(copyRelationship),
    truncated,
  };
}

// ----- paths ----------------------------------------------------------------------

const UNKNOWN = -1;

/**
 * Breadth-first distances to the target, grown one level at a time on demand:
 * a walk of length L needs only the actors within L − 1 hops of the target,
 * and at a million actors each further level is ten times larger.
 */
class DistanceToTarget {
  readonly dist: Int32Array;
  private frontier: number[];
  depth = 0;

  constructor(
    private readonly state: GraphState,
    target: number,
    private readonly f: EdgeFilter,
  ) {
    this.dist = new Int32Array(state.slotCount).fill(UNKNOWN);
    this.dist[target] = 0;
    this.frontier = [target];
  }

  /** Grows the known distances to `depth` complete levels. */
  growTo(depth: number): void {
    const { dist, f, state } = this;
    while (this.depth < depth && this.frontier.length > 0) {
      const d = ++this.depth;
      const next: number[] = [];
      for (const v of this.frontier) {
        for (const e of state.entriesAt(v)) {
          const w = across(e, v);
          if (dist[w] !== UNKNOWN || !edgePasses(f, e)) continue;
          dist[w] = d;
          next.push(w);
        }
      }
      this.frontier = next;
    }
  }
}

/**
 * The length of the shortest path between two actors if it is at most
 * `maxLength`, else UNKNOWN. A breadth-first search from both ends that
 * always grows the side whose next level is cheaper: most pairs of a large
 * sparse graph have no path within a few hops, and proving that takes two
 * small balls rather than one ball of radius `maxLength` around the target.
 */
function shortestDistanceWithin(state: GraphState, from: number, to: number, f: EdgeFilter, maxLength: number): number {
  const sides = [
    { seen: new Map<number, number>([[from, 0]]), frontier: [from], depth: 0 },
    { seen: new Map<number, number>([[to, 0]]), frontier: [to], depth: 0 },
  ];
  const cost = (frontier: number[]) => {
    let edges = 0;
    for (const v of frontier) edges += state.entriesAt(v).size;
    return edges;
  };
  while (sides[0].depth + sides[1].depth < maxLength && sides[0].frontier.length > 0 && sides[1].frontier.length > 0) {
    const grow = cost(sides[0].frontier) <= cost(sides[1].frontier) ? 0 : 1;
    const side = sides[grow];
    const other = sides[1 - grow].seen;
    const d = side.depth + 1;
    const next: number[] = [];
    for (const v of side.frontier) {
      for (const e of state.entriesAt(v)) {
        const w = across(e, v);
        if (side.seen.has(w) || !edgePasses(f, e)) continue;
        // The balls were disjoint, so no path is shorter than d plus the other side's depth; the first actor where
        // they meet closes one of exactly that length.
        const rest = other.get(w);
        if (rest !== undefined) return d + rest;
        side.seen.set(w, d);
        next.push(w);
      }
    }
    side.frontier = next;
    side.depth = d;
  }
  return UNKNOWN;
}

interface Step {
  entry: RelEntry;
  to: number;
  dist: number;
}

/**
 * Simple paths from `from` to `to`, shortest first. For each length L from
 * the shortest distance up to maxLength, a depth-first walk keeps only steps
 * that can still reach the target in the hops left (known BFS distance), so
 * it never wanders into the rest of the graph. Within one length, paths come
 * in a fixed order: steps closer to the target first, then by actor id, then
 * by relationship id.
 */
export function paths(state: GraphState, q: PathQuery): Path[] {
  const from = slotOfActor(state, q.from);
  const to = slotOfActor(state, q.to);
  const maxLength = intArg('maxLength', q.maxLength, DEFAULT_MAX_PATH_LENGTH, 1, 6);
  const limit = intArg('limit', q.limit, DEFAULT_PATH_LIMIT, 1, 50);
  const f = edgeFilter(q);
  if (from === to) return [];

  const shortest = shortestDistanceWithin(state, from, to, f, maxLength);
  if (shortest === UNKNOWN) return [];
  // The walks need no distance beyond length − 1 (grown below, per length), not even the source's: it is `shortest`.
  const d = new DistanceToTarget(state, to, f);

  const found: { slots: number[]; rels: StoredRelationship[] }[] = [];
  let work = 0;
  let stepCache = new Map<number, Step[]>();
  /** The path length being walked. */
  let length = shortest;
  /** Steps from v to actors within length − 1 hops of the target (no walk of this length goes further), closest first. */
  const stepsFrom = (v: number): Step[] => {
    let steps = stepCache.get(v);
    if (!steps) {
      steps = [];
      for (const entry of state.entriesAt(v)) {
        const w = across(entry, v);
        const dist = d.dist[w];
        if (dist !== UNKNOWN && dist < length && edgePasses(f, entry)) steps.push({ entry, to: w, dist });
      }
      work += steps.length;
      const id = (slot: number) => state.idAt(slot);
      steps.sort((a, b) => a.dist - b.dist || (id(a.to) < id(b.to) ? -1 : id(a.to) > id(b.to) ? 1 : 0) || (a.entry.rel.id < b.entry.rel.id ? -1 : 1));
      stepCache.set(v, steps);
    }
    return steps;
  };

  const slots = [from];
  const rels: StoredRelationship[] = [];
  const onPath = new Uint8Array(state.slotCount);
  onPath[from] = 1;
  const walk = (v: number, left: number): void => {
    for (const step of stepsFrom(v)) {
      if (found.length >= limit || work > PATH_WORK_BUDGET) return;
      work++;
      if (step.dist > left - 1) break; // sorted by distance: nothing further fits either
      if (onPath[step.to]) continue;
      if (step.to === to) {
        if (left === 1) found.push({ slots: [...slots, to], rels: [...rels, step.entry.rel] });
        continue;
      }
      slots.push(step.to);
      rels.push(step.entry.rel);
      onPath[step.to] = 1;
      walk(step.to, left - 1);
      onPath[step.to] = 0;
      rels.pop();
      slots.pop();
    }
  };

  for (; length <= maxLength && found.length < limit && work <= PATH_WORK_BUDGET; length++) {
    // Intermediate actors of a path of this length lie within length − 1 hops of the target. Steps are listed afresh
    // for each length, as the Neo4j store does, so both count the same work against the budget.
    if (d.depth < length - 1) d.growTo(length - 1);
    stepCache = new Map();
    walk(from, length);
  }
  return found.map((p) => ({ actorIds: p.slots.map((s) => state.idAt(s)), relationships: p.rels.map(copyRelationship) }));
}

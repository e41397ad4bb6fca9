/**
 * Neighbourhoods and paths over Neo4j: breadth-first in the app, one batched
 * ADJACENCY query per level, with the same rules and orderings as the
 * embedded store's traversal (graph/memory/traversal.ts), so both stores
 * return the same subgraphs and the same paths in the same order.
 */
import { NotFoundError } from '../core/errors';
import { earliestDay, latestDay, type Actor, type Relationship } from '../core/model';
import type { NeighborhoodQuery, Path, PathQuery, Subgraph } from '../core/store';
import { dateArg, datedOnly, intArg, kindsArg, typesArg, undatedArg } from '../core/args';
import { DEFAULT_MAX_PATH_LENGTH, DEFAULT_NEIGHBORHOOD_LIMIT, DEFAULT_PATH_LIMIT, PATH_WORK_BUDGET } from '../core/limits';
import * as cypher from './cypher';
import { int, type QueryRunner, type Row } from './executor';
import { ALL_TYPES, fetchActors, fetchRelationships, fetchSources } from './fetch';
import { actorFrom, relationshipFrom } from './records';

/** `$types/$fromDay/$toDay/$datedOnly/$sourceId` for an edge filter of types, asOf and undated. */
function edgeParams(q: Pick<NeighborhoodQuery, 'types' | 'asOf' | 'undated'>) {
  const t = typesArg('types', q.types);
  const at = dateArg('asOf', q.asOf);
  const undated = undatedArg('undated', q.undated);
  return {
    types: t ? [...t] : ALL_TYPES,
    fromDay: at ? earliestDay(at) : null,
    toDay: at ? latestDay(at) : null,
    datedOnly: datedOnly(at !== undefined, undated),
    sourceId: null,
  };
}

type EdgeParams = ReturnType<typeof edgeParams>;

interface Edge {
  relId: string;
  other: string;
}

/** Filtered edges of each actor in `ids` (every id gets an entry, possibly empty). */
async function adjacency(q: QueryRunner, ids: readonly string[], f: EdgeParams): Promise<Map<string, Edge[]>> {
  const out = new Map<string, Edge[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  for (const row of await q.run(cypher.ADJACENCY, { ...f, ids })) {
    out.get(String(row.actorId))!.push({ relId: String(row.relId), other: String(row.otherId) });
  }
  return out;
}

async function requireActors(q: QueryRunner, ids: string[]): Promise<void> {
  const found = await fetchActors(q, ids);
  for (const id of ids) if (!found.has(id)) throw new NotFoundError('Actor', id);
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ----- neighbourhood -------------------------------------------------------------------

/**
 * Breadth-first from the centre; within a level the better connected (total
 * degree) first, then by id. Actors of excluded kinds are neither returned nor
 * walked through; `truncated` when the limit left out an admissible actor.
 * Each level is one NEXT_LEVEL statement (NEXT_LEVEL_LEGACY on Neo4j 4.4) that returns at most one actor more
 * than there is room for, already ordered.
 */
export async function neighborhood(q: QueryRunner, query: NeighborhoodQuery, statements: cypher.DegreeStatements): Promise<Subgraph> {
  const depth = intArg('depth', query.depth, 1, 1, 3);
  const limit = intArg('limit', query.limit, DEFAULT_NEIGHBORHOOD_LIMIT, 1, 500);
  const f = edgeParams(query);
  const kinds = kindsArg('kinds', query.kinds);
  // An unknown centre has no edges, so the walk finds nothing; the final fetch of the chosen actors tells (one round trip fewer).

  const chosen = [query.actorId];
  const degrees = new Map<string, number>();
  let frontier = chosen;
  let truncated = false;
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const room = limit - chosen.length;
    // Every actor seen so far is chosen (the walk stops at the first level that does not fit), so `chosen` is what not to find again.
    const rows = await q.run(statements.nextLevel, { ...f, frontier, seen: chosen, kinds: kinds ? [...kinds] : null, limit: int(room + 1), steppeTypes: ALL_TYPES });
    const level = rows.slice(0, room).map((row) => {
      degrees.set(String(row.actorId), Number(row.degree));
      return String(row.actorId);
    });
    chosen.push(...level);
    if (rows.length > room) {
      truncated = true;
      break;
    }
    frontier = level;
  }

  // Both are sent before either answer is read: the driver pipelines them on the transaction's connection.
  const [rows, centre] = await Promise.all([
    q.run(cypher.ACTORS_AND_RELATIONSHIPS_AMONG, { ...f, ids: chosen }),
    q.run(statements.degrees, { ids: [query.actorId], steppeTypes: ALL_TYPES }),
  ]);
  const actors = new Map<string, Actor>();
  const relationships: Relationship[] = [];
  for (const row of rows) {
    const actor = actorFrom(row.actor);
    actors.set(actor.id, actor);
    for (const r of row.out as Row[]) relationships.push(relationshipFrom({ props: r.props, type: r.type, source: actor.id, target: r.target }));
  }
  if (!actors.has(query.actorId)) throw new NotFoundError('Actor', query.actorId);
  for (const row of centre) degrees.set(query.actorId, Number(row.degree));
  relationships.sort((a, b) => byId(a.id, b.id));
  // Every reader of a neighbourhood shows its evidence: reading the cited sources here saves them a transaction of their own.
  const sources = await fetchSources(q, relationships.flatMap((r) => r.citations.map((c) => c.sourceId)));
  return { actors: chosen.map((id) => actors.get(id)!), relationships, truncated, degrees, sources };
}

// ----- paths -------------------------------------------------------------------------------

/** Breadth-first distances to the target, grown a level at a time on demand; adjacency is cached. */
class DistanceToTarget {
  readonly dist = new Map<string, number>();
  private readonly edges = new Map<string, Edge[]>();
  private frontier: string[];
  depth = 0;

  constructor(
    private readonly q: QueryRunner,
    target: string,
    private readonly f: EdgeParams,
  ) {
    this.dist.set(target, 0);
    this.frontier = [target];
  }

  async edgesOf(ids: string[]): Promise<void> {
    const todo = ids.filter((id) => !this.edges.has(id));
    for (const [id, list] of await adjacency(this.q, todo, this.f)) this.edges.set(id, list);
  }

  async edgesFrom(v: string): Promise<Edge[]> {
    await this.edgesOf([v]);
    return this.edges.get(v)!;
  }

  async growTo(depth: number): Promise<void> {
    while (this.depth < depth && this.frontier.length > 0) {
      await this.edgesOf(this.frontier);
      const next: string[] = [];
      for (const v of this.frontier) {
        for (const e of this.edges.get(v)!) {
          if (this.dist.has(e.other)) continue;
          this.dist.set(e.other, this.depth + 1);
          next.push(e.other);
        }
      }
      this.frontier = next;
      this.depth++;
    }
  }
}

/**
 * The length of the shortest path between two actors if it is at most
 * `maxLength`, else undefined: a breadth-first search from both ends, as the
 * embedded store does, growing the smaller frontier. Adjacency goes through
 * `d`'s cache, so the walks reuse what this fetched.
 */
async function shortestDistanceWithin(d: DistanceToTarget, from: string, to: string, maxLength: number): Promise<number | undefined> {
  const sides = [
    { seen: new Map([[from, 0]]), frontier: [from], depth: 0 },
    { seen: new Map([[to, 0]]), frontier: [to], depth: 0 },
  ];
  while (sides[0].depth + sides[1].depth < maxLength && sides[0].frontier.length > 0 && sides[1].frontier.length > 0) {
    const side = sides[0].frontier.length <= sides[1].frontier.length ? sides[0] : sides[1];
    const other = side === sides[0] ? sides[1].seen : sides[0].seen;
    const depth = side.depth + 1;
    await d.edgesOf(side.frontier);
    const next: string[] = [];
    for (const v of side.frontier) {
      for (const { other: w } of await d.edgesFrom(v)) {
        if (side.seen.has(w)) continue;
        // The balls were disjoint, so the first actor where they meet closes a shortest path.
        const rest = other.get(w);
        if (rest !== undefined) return depth + rest;
        side.seen.set(w, depth);
        next.push(w);
      }
    }
    side.frontier = next;
    side.depth = depth;
  }
  return undefined;
}

interface Step {
  relId: string;
  to: string;
  dist: number;
}

/**
 * Simple paths, shortest first: for each length from the shortest distance up
 * to maxLength, a depth-first walk that only takes steps which can still reach
 * the target in the hops left. Within one length: steps closer to the target
 * first, then by actor id, then by relationship id.
 */
export async function paths(q: QueryRunner, query: PathQuery): Promise<Path[]> {
  // One round trip for both ends; `from` is reported first when both are unknown.
  await requireActors(q, [query.from, query.to]);
  const maxLength = intArg('maxLength', query.maxLength, DEFAULT_MAX_PATH_LENGTH, 1, 6);
  const limit = intArg('limit', query.limit, DEFAULT_PATH_LIMIT, 1, 50);
  const f = edgeParams(query);
  if (query.from === query.to) return [];

  const d = new DistanceToTarget(q, query.to, f);
  const shortest = await shortestDistanceWithin(d, query.from, query.to, maxLength);
  if (shortest === undefined) return [];

  const found: { actorIds: string[]; relIds: string[] }[] = [];
  let work = 0;
  let stepCache = new Map<string, Step[]>();
  /** The path length being walked. */
  let length = shortest;
  /** Steps to actors within length − 1 hops of the target (no walk of this length goes further), closest first. */
  const stepsFrom = async (v: string): Promise<Step[]> => {
    let steps = stepCache.get(v);
    if (!steps) {
      steps = [];
      for (const e of await d.edgesFrom(v)) {
        const dist = d.dist.get(e.other);
        if (dist !== undefined && dist < length) steps.push({ relId: e.relId, to: e.other, dist });
      }
      work += steps.length;
      steps.sort((a, b) => a.dist - b.dist || byId(a.to, b.to) || byId(a.relId, b.relId));
      stepCache.set(v, steps);
    }
    return steps;
  };

  const actorIds = [query.from];
  const relIds: string[] = [];
  const onPath = new Set([query.from]);
  const walk = async (v: string, left: number): Promise<void> => {
    for (const step of await stepsFrom(v)) {
      if (found.length >= limit || work > PATH_WORK_BUDGET) return;
      work++;
      if (step.dist > left - 1) break;
      if (onPath.has(step.to)) continue;
      if (step.to === query.to) {
        if (left === 1) found.push({ actorIds: [...actorIds, query.to], relIds: [...relIds, step.relId] });
        continue;
      }
      actorIds.push(step.to);
      relIds.push(step.relId);
      onPath.add(step.to);
      await walk(step.to, left - 1);
      onPath.delete(step.to);
      relIds.pop();
      actorIds.pop();
    }
  };

  for (; length <= maxLength && found.length < limit && work <= PATH_WORK_BUDGET; length++) {
    // Steps are listed afresh for each length (adjacency stays cached), as the embedded store does: the same work counted.
    if (d.depth < length - 1) await d.growTo(length - 1);
    stepCache = new Map();
    await walk(query.from, length);
  }

  const rels = await fetchRelationships(q, found.flatMap((p) => p.relIds));
  const relOf = (id: string): Relationship => ({ ...rels.get(id)!, citations: rels.get(id)!.citations.map((c) => ({ ...c })) });
  return found.map((p) => ({ actorIds: p.actorIds, relationships: p.relIds.map(relOf) }));
}

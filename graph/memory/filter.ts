/**
 * Relationship filters compiled once per query into plain string checks on
 * the precomputed active interval, with the same meaning as `overlapsRange`
 * and `inForceAsOf` in model.ts (those parse dates on every call, which is too
 * slow for a scan of 500k relationships).
 */
import { NotFoundError } from '../core/errors';
import { earliestDay, latestDay, type RelationshipType } from '../core/model';
import type { RelationshipFilter } from '../core/store';
import { dateArg, datedOnly, typesArg, undatedArg } from '../core/args';
import { sortByKey } from './sorted-index';
import { citesSource } from './packed-citations';
import { dayNumber, entryStartKey, type GraphState, type RelEntry } from './state';

export interface CompiledFilter {
  types: Set<RelationshipType> | null;
  /** Day-number ranges (see `dayNumber`) the active interval must overlap: from/to, and asOf. */
  ranges: [number, number][];
  /** Leave out relationships without a start date (a date was given and undated is HIDE). */
  datedOnly: boolean;
  actorId?: string;
  sourceId?: string;
}

/** [from, to] as day numbers; an open end is open. */
export function dayRange(from: string | undefined, to: string | undefined): [number, number] {
  return [dayNumber(from ? earliestDay(from) : ''), dayNumber(to ? latestDay(to) : '9999-12-31')];
}

/** Checks arguments and compiles; an unknown `actorId` throws NotFoundError. */
export function compileFilter(state: GraphState, filter: RelationshipFilter = {}): CompiledFilter {
  const types = typesArg('types', filter.types);
  const from = dateArg('from', filter.from);
  const to = dateArg('to', filter.to);
  const asOf = dateArg('asOf', filter.asOf);
  const ranges: [number, number][] = [];
  if (from !== undefined || to !== undefined) ranges.push(dayRange(from, to));
  if (asOf !== undefined) ranges.push(dayRange(asOf, asOf));
  const undated = undatedArg('undated', filter.undated);
  if (filter.actorId != null && !state.actors.has(filter.actorId)) throw new NotFoundError('Actor', filter.actorId);
  if (filter.sourceId != null && !state.sources.has(filter.sourceId)) throw new NotFoundError('Source', filter.sourceId);
  return { types, ranges, datedOnly: datedOnly(ranges.length > 0, undated), actorId: filter.actorId ?? undefined, sourceId: filter.sourceId ?? undefined };
}

/** Type and date checks only: what traversal needs per edge. */
export function edgePasses(f: Pick<CompiledFilter, 'types' | 'ranges' | 'datedOnly'>, e: RelEntry): boolean {
  if (f.types && !f.types.has(e.rel.type)) return false;
  if (f.datedOnly && e.rel.start === undefined) return false;
  for (const [lo, hi] of f.ranges) if (e.lo > hi || e.hi < lo) return false;
  return true;
}

export function passes(f: CompiledFilter, e: RelEntry): boolean {
  if (!edgePasses(f, e)) return false;
  if (f.actorId !== undefined && e.rel.source !== f.actorId && e.rel.target !== f.actorId) return false;
  if (f.sourceId !== undefined && !citesSource(e.rel.citations, f.sourceId)) return false;
  return true;
}

/** The smallest index-backed candidate set for the filter, or null when only a full scan will do. */
function candidates(state: GraphState, f: CompiledFilter): Iterable<RelEntry> | null {
  const options: { size: number; entries: () => Iterable<RelEntry> }[] = [];
  if (f.actorId !== undefined) {
    const s = state.incidentEntries(f.actorId);
    options.push({ size: s.size, entries: () => s });
  }
  if (f.sourceId !== undefined) {
    const s = state.entriesCiting(f.sourceId);
    options.push({ size: s.size, entries: () => s });
  }
  if (f.types) {
    const bags = [...f.types].map((t) => state.entriesOfType(t));
    options.push({ size: bags.reduce((n, s) => n + s.size, 0), entries: () => bags.flatMap((s) => [...s]) });
  }
  if (options.length === 0) return null;
  const best = options.reduce((a, b) => (b.size < a.size ? b : a));
  // A large candidate set is cheaper to filter along the presorted list than to sort.
  return best.size > state.rels.size / 4 ? null : best.entries();
}

/** Matching relationships ordered by start date (undated last), then id. */
export function matchingRelationships(state: GraphState, f: CompiledFilter): RelEntry[] {
  const found = candidates(state, f);
  if (found === null) return state.byStart.all().filter((e) => passes(f, e));
  const out: RelEntry[] = [];
  for (const e of found) if (passes(f, e)) out.push(e);
  return sortByKey(out, entryStartKey);
}

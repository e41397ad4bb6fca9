/**
 * Read queries over the in-memory graph: actor search, timeline and stats.
 * (Relationship filters live in filter.ts, traversal in traversal.ts.)
 */
import { NotFoundError, ValidationError } from '../errors';
import {
  ACTOR_KINDS,
  earliestDay,
  latestDay,
  RELATIONSHIP_TYPES,
  type Actor,
  type ActorKind,
  type PartialDate,
  type RelationshipType,
} from '../model';
import { compareHits, matchActor } from '../search';
import type { ActorHit, ActorQuery, Page, RelationshipFilter, Stats, TimelineEvent, TimelineQuery } from '../store';
import { dateArg, intArg, kindsArg, pageArg, pageOf, typesArg } from './args';
import { copyActor, copyRelationship } from './copy';
import { compileFilter, matchingRelationships } from './filter';
import { datePart, eventKeys, parseEventKey } from './keys';
import type { GraphState, RelEntry } from './state';

// ----- search ---------------------------------------------------------------

interface Hit {
  actor: Actor;
  match: ActorHit['match'];
  matchedText?: string;
}

function toHit(h: Hit): ActorHit {
  const out: ActorHit = { actor: copyActor(h.actor), match: h.match };
  if (h.matchedText !== undefined) out.matchedText = h.matchedText;
  return out;
}

/**
 * Recent ranked results, so paging through a search (or an autocomplete
 * repeating a query) does not rank every candidate again. Any actor write
 * (a new `actorsVersion`) empties it.
 */
const hitCache = new WeakMap<GraphState, { version: number; hits: Map<string, Hit[]> }>();
const HIT_CACHE_SIZE = 16;

function rankedHits(state: GraphState, text: string, kinds: Set<ActorKind> | null): Hit[] {
  let entry = hitCache.get(state);
  if (!entry || entry.version !== state.actorsVersion) hitCache.set(state, (entry = { version: state.actorsVersion, hits: new Map() }));
  const cache = entry.hits;
  const key = `${kinds ? [...kinds].sort().join(',') : '*'}|${text}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const kindOk = (a: Actor) => !kinds || kinds.has(a.kind);
  const candidates = state.search.candidates(text);
  let hits: Hit[];
  if (candidates === null) {
    hits = state.byName
      .all()
      .filter(kindOk)
      .map((actor) => ({ actor, match: 'ALL' as const }));
  } else {
    hits = [];
    for (const id of candidates) {
      const actor = state.actors.get(id)!;
      if (!kindOk(actor)) continue;
      const m = matchActor(text, actor);
      if (m) hits.push({ actor, match: m.match, matchedText: m.matchedText });
    }
    hits.sort(compareHits);
  }
  if (cache.size >= HIT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, hits);
  return hits;
}

export function findActors(state: GraphState, query: ActorQuery): Page<ActorHit> {
  const kinds = kindsArg('kinds', query.kinds);
  const window = pageArg(query);
  return pageOf(rankedHits(state, query.search ?? '', kinds), window, toHit);
}

// ----- timeline ---------------------------------------------------------------

export const DEFAULT_TIMELINE_LIMIT = 500;
export const MAX_TIMELINE_LIMIT = 5000;

/** Events whose date (as a day range) overlaps [from, to], in timeline order. */
export function timeline(state: GraphState, query: TimelineQuery): TimelineEvent[] {
  const from = dateArg('from', query.from);
  const to = dateArg('to', query.to);
  const types = typesArg('types', query.types);
  const limit = intArg('limit', query.limit, DEFAULT_TIMELINE_LIMIT, 1, MAX_TIMELINE_LIMIT);
  const fromDay = from ? earliestDay(from) : '';
  const toDay = to ? latestDay(to) : '9999-12-31';
  if (fromDay > toDay) throw new ValidationError('Invalid argument', [{ path: 'to', message: 'is before from' }]);

  const eventOf = (key: string): TimelineEvent | null => {
    const { kind, relId, earliest } = parseEventKey(key);
    const { rel } = state.rels.get(relId)!;
    if (types && !types.has(rel.type)) return null;
    const date = (kind === 'START' ? rel.start : rel.end)!;
    if (earliest > toDay || latestDay(date) < fromDay) return null;
    return { date, kind, relationship: rel };
  };
  const out: TimelineEvent[] = [];

  if (query.actorIds != null) {
    const relIds = new Set<string>();
    for (const id of query.actorIds) {
      if (!state.actors.has(id)) throw new NotFoundError('Actor', id);
      for (const e of state.incidentEntries(id)) relIds.add(e.rel.id);
    }
    const keys = [...relIds].flatMap((id) => eventKeys(state.rels.get(id)!.rel)).sort();
    for (const key of keys) {
      const ev = eventOf(key);
      if (ev && out.push(ev) >= limit) break;
    }
  } else {
    const keys = state.events.all();
    // Keys start with the event's earliest day; an event from an earlier year cannot reach `from`.
    const start = from ? state.events.lowerBound(`${from.slice(0, 4)}-01-01`) : 0;
    for (let i = start; i < keys.length && keys[i].slice(0, 10) <= toDay; i++) {
      const ev = eventOf(keys[i]);
      if (ev && out.push(ev) >= limit) break;
    }
  }
  return out.map((e) => ({ ...e, relationship: copyRelationship(e.relationship) }));
}

// ----- stats ------------------------------------------------------------------

export const DEFAULT_TOP = 10;

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function isEmptyFilter(f: RelationshipFilter | undefined): boolean {
  return !f || Object.values(f).every((v) => v === undefined || v === null);
}

function topByDegree(state: GraphState, degrees: Iterable<[string, number]>, top: number): Stats['mostConnected'] {
  return [...degrees]
    .filter(([, d]) => d > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, top)
    .map(([id, degree]) => ({ actor: copyActor(state.actors.get(id)!), degree }));
}

function dateRangeOf(entries: Iterable<RelEntry>): Stats['dateRange'] {
  let min: [string, PartialDate] | null = null;
  let max: [string, PartialDate] | null = null;
  for (const { rel } of entries) {
    for (const date of [rel.start, rel.end]) {
      if (!date) continue;
      const key = datePart(date);
      if (!min || key < min[0]) min = [key, date];
      if (!max || key > max[0]) max = [key, date];
    }
  }
  return min && max ? { min: min[1], max: max[1] } : null;
}

/** Date range of the whole graph: the first and last timeline events. */
function fullDateRange(state: GraphState): Stats['dateRange'] {
  const keys = state.events.all();
  if (keys.length === 0) return null;
  const dateOf = (key: string) => {
    const { kind, relId } = parseEventKey(key);
    const { rel } = state.rels.get(relId)!;
    return (kind === 'START' ? rel.start : rel.end)!;
  };
  return { min: dateOf(keys[0]), max: dateOf(keys[keys.length - 1]) };
}

/**
 * Without a filter: every actor, relationship and source. With one: the
 * matching relationships, the actors at their ends and the sources they cite;
 * degrees count matching relationships only.
 */
export function stats(state: GraphState, options: { top?: number; filter?: RelationshipFilter } = {}): Stats {
  const top = intArg('top', options.top, DEFAULT_TOP, 0, 500);
  const actorsByKind = emptyCounts<ActorKind>(ACTOR_KINDS);
  const relationshipsByType = emptyCounts<RelationshipType>(RELATIONSHIP_TYPES);

  if (isEmptyFilter(options.filter)) {
    for (const a of state.actors.values()) actorsByKind[a.kind]++;
    for (const t of RELATIONSHIP_TYPES) relationshipsByType[t] = state.entriesOfType(t).size;
    const degrees = (function* () {
      for (const id of state.actors.keys()) yield [id, state.degree(id)] as [string, number];
    })();
    return {
      actors: state.actors.size,
      relationships: state.rels.size,
      sources: state.sources.size,
      actorsByKind,
      relationshipsByType,
      mostConnected: topByDegree(state, degrees, top),
      dateRange: fullDateRange(state),
    };
  }

  const entries = matchingRelationships(state, compileFilter(state, options.filter));
  const degree = new Map<string, number>();
  const sources = new Set<string>();
  for (const { rel } of entries) {
    relationshipsByType[rel.type]++;
    for (const end of [rel.source, rel.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    for (const c of rel.citations) sources.add(c.sourceId);
  }
  for (const id of degree.keys()) actorsByKind[state.actors.get(id)!.kind]++;
  return {
    actors: degree.size,
    relationships: entries.length,
    sources: sources.size,
    actorsByKind,
    relationshipsByType,
    mostConnected: topByDegree(state, degree, top),
    dateRange: dateRangeOf(entries),
  };
}

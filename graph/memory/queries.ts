/**
 * Read queries over the in-memory graph: actor search, timeline and stats.
 * (Relationship filters live in filter.ts, traversal in traversal.ts.)
 */
import { NotFoundError } from '../core/errors';
import {
  ACTOR_KINDS,
  latestDay,
  RELATIONSHIP_TYPES,
  type Actor,
  type ActorKind,
  type PartialDate,
  type RelationshipType,
} from '../core/model';
import { compareHits, matchTokenizedNames, searchWords, tokens } from '../core/search';
import type { ActorHit, ActorQuery, Page, RelationshipFilter, Stats, TimelineEvent, TimelineQuery } from '../core/store';
import { intArg, kindsArg, pageArg, pageOf, timelineArgs, type OrderedList } from '../core/args';
import { DEFAULT_TOP } from '../core/limits';
import { copyActor, copyRelationship } from './copy';
import { compileFilter, matchingRelationships } from './filter';
import { datePart, eventKeys, parseEventKey } from '../core/keys';
import { citedSourceIds, type StoredRelationship } from './packed-citations';
import type { GraphState, RelEntry } from './state';
import type { IndexedActor } from './search-index';

// ----- search ---------------------------------------------------------------

interface Hit {
  actor: Actor;
  match: ActorHit['match'];
  /** Set for every text match; one-word searches fill it in only for the hits a page returns (see `oneWordHits`). */
  matchedText?: string;
}

function toHit(h: Hit): ActorHit {
  const out: ActorHit = { actor: copyActor(h.actor), match: h.match };
  if (h.matchedText !== undefined) out.matchedText = h.matchedText;
  return out;
}

/**
 * Hits in `compareHits` order, sorted only as far as pages have been asked
 * for: `hits[0, sorted)` are the best, in order, and every later hit ranks
 * after them. The first page of a short prefix that matches thousands of
 * actors picks its few best with a bounded heap instead of sorting them all;
 * a later page sorts what it needs of the rest.
 */
class RankedHits {
  private sorted: number;

  constructor(
    private readonly hits: Hit[],
    alreadySorted: boolean,
  ) {
    this.sorted = alreadySorted ? hits.length : 0;
  }

  get length(): number {
    return this.hits.length;
  }

  slice(start: number, end: number): Hit[] {
    const upTo = Math.min(end, this.hits.length);
    if (upTo > this.sorted) this.sortTo(upTo);
    return this.hits.slice(start, upTo);
  }

  /** Sorts in place: at a million actors a short prefix has tens of thousands of hits, and copies of them are garbage. */
  private sortTo(n: number): void {
    const hits = this.hits;
    const want = n - this.sorted;
    if (want * 4 >= hits.length - this.sorted) {
      const tail = hits.splice(this.sorted).sort(compareHits);
      for (const h of tail) hits.push(h);
      this.sorted = hits.length;
      return;
    }
    const best = bestOf(hits, this.sorted, want);
    const picked = new Set(best);
    // Swap every unpicked hit in [sorted, n) with a picked one from beyond n; then [sorted, n) holds exactly the best.
    for (let i = this.sorted, j = n; i < n; i++) {
      if (picked.has(hits[i])) continue;
      while (!picked.has(hits[j])) j++;
      [hits[i], hits[j]] = [hits[j], hits[i]];
      j++;
    }
    for (let k = 0; k < want; k++) hits[this.sorted + k] = best[k];
    this.sorted = n;
  }
}

/** The `k` hits from `from` on that come first in `compareHits` order, in that order: a bounded max-heap, O(n log k). */
function bestOf(hits: readonly Hit[], from: number, k: number): Hit[] {
  const heap: Hit[] = [];
  const worse = (i: number, j: number) => compareHits(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && worse(l, top)) top = l;
      if (r < heap.length && worse(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  for (let i = from; i < hits.length; i++) {
    const h = hits[i];
    if (heap.length < k) {
      heap.push(h);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (compareHits(h, heap[0]) < 0) {
      heap[0] = h;
      siftDown(0);
    }
  }
  return heap.sort(compareHits);
}

/** A page merged in name order must be this many times smaller than the hits to pay (`PrefixHitsByName`). */
const MERGE_FACTOR = 16;

/**
 * The hits of a one-word query whose prefix matches many actors (a short
 * prefix at a million actors matches tens of thousands), for its first
 * pages: exact hits, then prefix hits merged in name order from each
 * matching token's entries (`SearchIndex.firstInNameOrder`), rather than
 * every hit collected, made and ranked. The count comes from the index
 * (`SearchIndex.prefixCount`). Fuzzy hits and deeper pages rank every hit.
 */
class PrefixHitsByName implements OrderedList<Hit> {
  readonly length: number;
  private readonly exact: Hit[];
  private readonly exactEntries: ReadonlySet<IndexedActor>;
  private prefix: Hit[] = [];
  private full: RankedHits | null = null;

  private constructor(
    private readonly state: GraphState,
    private readonly word: string,
    private readonly prefixCount: number,
    fuzzyCount: number,
  ) {
    this.exactEntries = state.search.exactMatches(word);
    this.exact = [...this.exactEntries].map((e): Hit => ({ actor: e.actor, match: 'EXACT' })).sort(compareHits);
    this.length = prefixCount + fuzzyCount;
  }

  /**
   * The merge, when a first page of `end` hits reads far fewer entries than
   * ranking every hit would (about `end` per matching token, against every
   * candidate); else null.
   */
  static tryFor(state: GraphState, word: string, end: number): PrefixHitsByName | null {
    const prefixCount = state.search.prefixCount(word);
    if (end * MERGE_FACTOR > prefixCount) return null;
    state.refreshSearchNameOrder();
    return new PrefixHitsByName(state, word, prefixCount, state.search.fuzzyOnlyCount(word));
  }

  slice(start: number, end: number): Hit[] {
    const upTo = Math.min(end, this.length);
    if (!this.full && upTo <= this.prefixCount && upTo * MERGE_FACTOR <= this.prefixCount) {
      const need = upTo - this.exact.length;
      if (need > this.prefix.length) {
        this.prefix = this.state.search.firstInNameOrder(this.word, need, this.exactEntries).map((e): Hit => ({ actor: e.actor, match: 'PREFIX' }));
      }
      const out: Hit[] = [];
      for (let i = start; i < upTo; i++) out.push(i < this.exact.length ? this.exact[i] : this.prefix[i - this.exact.length]);
      return out;
    }
    this.full ??= new RankedHits(oneWordHits(this.state, this.word, () => true), false);
    return this.full.slice(start, end);
  }
}

/**
 * Recent ranked results, so paging through a search (or an autocomplete
 * repeating a query) does not rank every candidate again. Any actor write
 * (a new `actorsVersion`) empties it.
 */
const hitCache = new WeakMap<GraphState, { version: number; hits: Map<string, OrderedList<Hit>> }>();
const HIT_CACHE_SIZE = 16;

function rankedHits(state: GraphState, text: string, kinds: Set<ActorKind> | null, end: number): OrderedList<Hit> {
  let entry = hitCache.get(state);
  if (!entry || entry.version !== state.actorsVersion) hitCache.set(state, (entry = { version: state.actorsVersion, hits: new Map() }));
  const cache = entry.hits;
  const key = `${kinds ? [...kinds].sort().join(',') : '*'}|${text}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const kindOk = (a: Actor) => !kinds || kinds.has(a.kind);
  // The query is tokenized once and names were tokenized when indexed: no text is normalized per candidate.
  const queryTokens = searchWords(text);
  let ranked: OrderedList<Hit>;
  if (queryTokens === null) {
    const all = state.byName
      .all()
      .filter(kindOk)
      .map((actor) => ({ actor, match: 'ALL' as const }));
    ranked = new RankedHits(all, true);
  } else if (queryTokens.length === 0) {
    ranked = new RankedHits([], false);
  } else if (queryTokens.length === 1) {
    const word = queryTokens[0];
    ranked = (!kinds && PrefixHitsByName.tryFor(state, word, end)) || new RankedHits(oneWordHits(state, word, kindOk), false);
  } else {
    const hits: Hit[] = [];
    for (const { actor, names } of state.search.candidates(text)!) {
      if (!kindOk(actor)) continue;
      const m = matchTokenizedNames(queryTokens, names);
      if (m) hits.push({ actor, match: m.match, matchedText: m.matchedText });
    }
    ranked = new RankedHits(hits, false);
  }
  if (cache.size >= HIT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, ranked);
  return ranked;
}

/**
 * Hits of a one-word query (every keystroke of a typed name) without
 * matching each candidate's names: the index already says how each can
 * match (see `SearchIndex.wordCandidates`), and the result is the one
 * `matchActor` gives. No names are read; the matched text is found later
 * for the hits a page returns.
 */
function oneWordHits(state: GraphState, word: string, kindOk: (a: Actor) => boolean): Hit[] {
  const { prefix, exact, fuzzy } = state.search.wordCandidates(word);
  const hits: Hit[] = [];
  for (const entry of prefix) {
    const { actor } = entry;
    if (!kindOk(actor)) continue;
    const isExact = exact.has(entry);
    hits.push({ actor, match: isExact ? 'EXACT' : 'PREFIX' });
  }
  for (const { actor } of fuzzy) if (kindOk(actor)) hits.push({ actor, match: 'FUZZY' });
  return hits;
}

export function findActors(state: GraphState, query: ActorQuery): Page<ActorHit> {
  const kinds = kindsArg('kinds', query.kinds);
  const window = pageArg(query);
  const text = query.search ?? '';
  return pageOf(rankedHits(state, text, kinds, window.offset + window.first), window, (h) => {
    if (h.matchedText === undefined && h.match !== 'ALL') {
      h.matchedText = matchTokenizedNames(tokens(text), state.search.entryOf(h.actor.id).names)?.matchedText ?? h.actor.name;
    }
    return toHit(h);
  });
}

// ----- timeline ---------------------------------------------------------------

/** Events whose date (as a day range) overlaps [from, to], in timeline order. */
export function timeline(state: GraphState, query: TimelineQuery): TimelineEvent[] {
  const { types, limit, fromDay, toDay } = timelineArgs(query);

  type StoredEvent = Omit<TimelineEvent, 'relationship'> & { relationship: StoredRelationship };
  const eventOf = (key: string): StoredEvent | null => {
    const { kind, relId, earliest } = parseEventKey(key);
    const { rel } = state.rels.get(relId)!;
    if (types && !types.has(rel.type)) return null;
    const date = (kind === 'START' ? rel.start : rel.end)!;
    if (earliest > toDay || latestDay(date) < fromDay) return null;
    return { date, kind, relationship: rel };
  };
  const out: StoredEvent[] = [];

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
    const start = fromDay ? state.events.lowerBound(`${fromDay.slice(0, 4)}-01-01`) : 0;
    for (let i = start; i < keys.length && keys[i].slice(0, 10) <= toDay; i++) {
      const ev = eventOf(keys[i]);
      if (ev && out.push(ev) >= limit) break;
    }
  }
  return out.map((e) => ({ ...e, relationship: copyRelationship(e.relationship) }));
}

// ----- stats ------------------------------------------------------------------

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
    for (const sourceId of citedSourceIds(rel.citations)) sources.add(sourceId);
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

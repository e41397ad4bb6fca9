/**
 * The in-memory graph and its indexes. Records held here are never mutated in
 * place (every change replaces the record), so the change log and indexes can
 * share them; callers outside the store only ever see copies.
 *
 * This module trusts its input: validation happens before a write reaches it
 * (see plan.ts), and replay feeds it records that were validated when written.
 */
import { activeInterval, upgradeSource, type Actor, type Relationship, type RelationshipType, type Source } from '../core/model';
import type { CuratedMap } from '../core/maps';
import { compareByName } from '../core/search';
import type { StoredText } from '../core/plan-reads';
import type { Change } from '../core/store';
import { eventKeys, startKey } from '../core/keys';
import { citedSourceIds, packCitations, type StoredRelationship } from './packed-citations';
import { SearchIndex } from './search-index';
import { SortedIndex } from './sorted-index';

/**
 * A relationship plus what traversal and filters need without further
 * lookups: its active interval (`activeInterval`) as day numbers (YYYYMMDD)
 * and the slots of its two actors.
 */
export interface RelEntry {
  /** The record with its citations packed (packed-citations.ts); copy.ts turns it back into a Relationship. */
  rel: StoredRelationship;
  lo: number;
  hi: number;
  /** Slot of `rel.source` (see GraphState.slotOf). */
  s: number;
  /** Slot of `rel.target`. */
  t: number;
}

/** `YYYY-MM-DD` (or '' for an open start) as the integer YYYYMMDD; order is preserved. */
export function dayNumber(day: string): number {
  if (day === '') return 0;
  // Digit arithmetic rather than slicing: this runs twice per relationship on every load.
  let n = 0;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7) n = n * 10 + day.charCodeAt(i) - 48;
  return n;
}

/** A read-only collection: iterable, with a size. */
export interface Bagged<T> extends Iterable<T> {
  readonly size: number;
}
export type Ids = Bagged<string>;

/**
 * A set that starts as a plain array: bulk loads only append (several times
 * cheaper than Set.add, and smaller), and the first removal turns it into a
 * Set. Callers never add an item twice (a replaced record is removed first).
 */
class Bag<T> implements Bagged<T> {
  private list: T[] | null = [];
  private set: Set<T> | null = null;

  get size(): number {
    return this.set ? this.set.size : this.list!.length;
  }

  add(item: T): void {
    if (this.set) this.set.add(item);
    else this.list!.push(item);
  }

  delete(item: T): void {
    if (!this.set) {
      this.set = new Set(this.list);
      this.list = null;
    }
    this.set.delete(item);
  }

  [Symbol.iterator](): Iterator<T> {
    return (this.set ?? this.list!)[Symbol.iterator]();
  }
}

/** Relationship ids of a bag of entries, without copying. */
class IdsOf implements Ids {
  constructor(private readonly entries: Bagged<RelEntry>) {}
  get size(): number {
    return this.entries.size;
  }
  *[Symbol.iterator](): Iterator<string> {
    for (const e of this.entries) yield e.rel.id;
  }
}

/** Distinct cited source ids (two citations of one source must not list a relationship twice). */
function citedSources(rel: StoredRelationship): string[] {
  const ids = citedSourceIds(rel.citations);
  return ids.length === 1 ? ids : [...new Set(ids)];
}

const EMPTY_BAG: Bagged<never> = new Set<never>();

function addTo<K, T>(map: Map<K, Bag<T>>, key: K, item: T): void {
  let bag = map.get(key);
  if (!bag) map.set(key, (bag = new Bag()));
  bag.add(item);
}

function removeFrom<K, T>(map: Map<K, Bag<T>>, key: K, item: T): void {
  const bag = map.get(key);
  if (!bag) return;
  bag.delete(item);
  if (bag.size === 0) map.delete(key);
}

/** listRelationships order: the one relationship order (`startKey`, graph/core/keys.ts). Computed, not stored: see SortedIndex. */
export const entryStartKey = (e: RelEntry): string => startKey(e.rel);

export class GraphState {
  readonly actors = new Map<string, Actor>();
  readonly sources = new Map<string, Source>();
  readonly rels = new Map<string, RelEntry>();
  readonly changes: Change[] = [];
  // ----- source texts (evidence intake) -----
  /** source id → its full text, kept apart from the Source records so listing sources never copies it. */
  readonly texts = new Map<string, StoredText>();
  // ----- end source texts -----
  /** Curated maps by id (graph/core/maps.ts); they refer to records by id and need no index. */
  readonly maps = new Map<string, CuratedMap>();

  /**
   * Every actor id with relationships or a record gets a small integer slot,
   * so traversal keeps per-actor state in typed arrays and walks adjacency
   * without hashing ids. Slots of deleted actors are reused.
   */
  private readonly slots = new Map<string, number>();
  private readonly slotIds: (string | undefined)[] = [];
  private readonly adjacency: (Bag<RelEntry> | undefined)[] = [];
  private readonly freeSlots: number[] = [];

  private readonly typeIndex = new Map<RelationshipType, Bag<RelEntry>>();
  /** source id → relationships citing it. */
  private readonly citing = new Map<string, Bag<RelEntry>>();
  /** state id → ids of actors whose `country` it is. */
  private readonly citizenIndex = new Map<string, Bag<string>>();

  readonly search = new SearchIndex();
  /** Actors by name, then id (`compareByName`): the order of a search with no text, and of equally ranked hits. */
  readonly byName = new SortedIndex<Actor>(() => this.actors.values(), { compare: compareByName });
  /** Relationships in listRelationships order: start date (undated last), then id. */
  readonly byStart = new SortedIndex<RelEntry>(() => this.rels.values(), { key: entryStartKey });
  /** `eventKey` of every relationship start and end. */
  readonly events = new SortedIndex<string>(() => this.allEventKeys());

  /**
   * One copy of each short value that repeats across records (types, kinds,
   * dates, roles, cited source ids, tag lists): a parsed record brings its own
   * copy of every string, which at a million actors is most of the heap.
   */
  private readonly pool = new Map<string, string>();
  private readonly tagLists = new Map<string, string[]>();

  /** Bumped by every actor write, so caches of search results know when they are stale. */
  actorsVersion = 0;

  get lastSeq(): number {
    return this.changes.length ? this.changes[this.changes.length - 1].seq : 0;
  }

  /** Gives the search index the current name order (`byName`) if an actor write left it without one (`SearchIndex.add`). */
  refreshSearchNameOrder(): void {
    if (this.search.nameOrderStale) this.search.setNameOrder(this.byName.all());
  }

  // ----- slots and adjacency ------------------------------------------------------

  /** One more than the highest slot in use: the length typed arrays indexed by slot need. */
  get slotCount(): number {
    return this.slotIds.length;
  }

  slotOf(actorId: string): number | undefined {
    return this.slots.get(actorId);
  }

  idAt(slot: number): string {
    return this.slotIds[slot]!;
  }

  /** Relationships at either end of the actor in this slot. */
  entriesAt(slot: number): Bagged<RelEntry> {
    return this.adjacency[slot] ?? EMPTY_BAG;
  }

  incidentEntries(actorId: string): Bagged<RelEntry> {
    const slot = this.slots.get(actorId);
    return slot === undefined ? EMPTY_BAG : this.entriesAt(slot);
  }

  incidentIds(actorId: string): Ids {
    return new IdsOf(this.incidentEntries(actorId));
  }

  degree(actorId: string): number {
    return this.incidentEntries(actorId).size;
  }

  entriesOfType(type: RelationshipType): Bagged<RelEntry> {
    return this.typeIndex.get(type) ?? EMPTY_BAG;
  }

  entriesCiting(sourceId: string): Bagged<RelEntry> {
    return this.citing.get(sourceId) ?? EMPTY_BAG;
  }

  idsCiting(sourceId: string): Ids {
    return new IdsOf(this.entriesCiting(sourceId));
  }

  citizensOf(stateId: string): Ids {
    return this.citizenIndex.get(stateId) ?? EMPTY_BAG;
  }

  private slotFor(actorId: string): number {
    let slot = this.slots.get(actorId);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.slotIds.length;
      this.slots.set(actorId, slot);
      this.slotIds[slot] = actorId;
    }
    return slot;
  }

  private adjacentTo(slot: number): Bag<RelEntry> {
    let bag = this.adjacency[slot];
    if (!bag) this.adjacency[slot] = bag = new Bag();
    return bag;
  }

  /** Frees the slot once nothing refers to it (no actor record, no relationship). */
  private releaseSlot(actorId: string): void {
    const slot = this.slots.get(actorId);
    if (slot === undefined || this.actors.has(actorId) || (this.adjacency[slot]?.size ?? 0) > 0) return;
    this.slots.delete(actorId);
    this.slotIds[slot] = undefined;
    this.adjacency[slot] = undefined;
    this.freeSlots.push(slot);
  }

  // ----- compact records -----------------------------------------------------------

  private intern<S extends string | undefined>(value: S): S {
    if (value === undefined) return value;
    const known = this.pool.get(value);
    if (known !== undefined) return known as S;
    this.pool.set(value, value);
    return value;
  }

  /**
   * Shares the record's repeated values with every other record, in place.
   * Each replacement is an equal string (or an equal, never-mutated tag
   * list), so nobody else holding the record can tell; a fresh copy would
   * cost a second object per record and push its fields out of line.
   */
  private compactActor(actor: Actor): Actor {
    actor.id = this.slotIds[this.slotFor(actor.id)]!;
    actor.kind = this.intern(actor.kind);
    if (actor.category !== undefined) actor.category = this.intern(actor.category);
    if (actor.country !== undefined) actor.country = this.intern(actor.country);
    const tagKey = actor.tags.join('\u0000');
    let tags = this.tagLists.get(tagKey);
    if (!tags) this.tagLists.set(tagKey, (tags = actor.tags.map((t) => this.intern(t))));
    actor.tags = tags;
    return actor;
  }

  /**
   * Packs the citations in place, like the interning: a copy would not keep
   * the parsed record's compact layout (V8 gives a spread copy of a record
   * with this many fields a separate property array, about 50 bytes more).
   */
  private compactRelationship(given: Relationship, s: number, t: number): StoredRelationship {
    const rel = given as unknown as StoredRelationship;
    rel.citations = packCitations(given.citations);
    rel.type = this.intern(rel.type);
    rel.source = this.slotIds[s]!;
    rel.target = this.slotIds[t]!;
    if (rel.role !== undefined) rel.role = this.intern(rel.role);
    if (rel.start !== undefined) rel.start = this.intern(rel.start);
    if (rel.end !== undefined) rel.end = this.intern(rel.end);
    if (rel.currency !== undefined) rel.currency = this.intern(rel.currency);
    return rel;
  }

  // ----- writes -----------------------------------------------------------------------

  /** Before a bulk load: sorted indexes rebuild lazily instead of taking one insert per record. */
  invalidateSorted(): void {
    this.search.invalidate();
    this.byName.invalidate();
    this.byStart.invalidate();
    this.events.invalidate();
  }

  putActor(given: Actor): void {
    this.actorsVersion++;
    const old = this.actors.get(given.id);
    if (old) this.unindexActor(old);
    const actor = this.compactActor(given);
    this.actors.set(actor.id, actor);
    // Not built during a bulk load (-1): the search index then renumbers once, on the next broad search.
    const at = this.byName.insert(actor);
    this.search.add(actor, at >= 0 ? { actors: this.byName.all(), at } : undefined);
    if (actor.country) addTo(this.citizenIndex, actor.country, actor.id);
  }

  removeActor(id: string): void {
    const old = this.actors.get(id);
    if (!old) return;
    this.actorsVersion++;
    this.unindexActor(old);
    this.actors.delete(id);
    this.releaseSlot(id);
  }

  putSource(source: Source): void {
    // Journals and snapshots written before `authors` carry a single `author`.
    this.sources.set(source.id, upgradeSource(source));
  }

  removeSource(id: string): void {
    this.sources.delete(id);
    this.texts.delete(id);
  }

  /** Takes the record: it becomes the stored one (see compactRelationship); pass a copy of a record someone else keeps. */
  putRelationship(given: Relationship): void {
    if (this.rels.has(given.id)) this.removeRelationship(given.id);
    const s = this.slotFor(given.source);
    const t = this.slotFor(given.target);
    const rel = this.compactRelationship(given, s, t);
    const [lo, hi] = activeInterval(rel);
    const entry: RelEntry = { rel, lo: dayNumber(lo), hi: dayNumber(hi), s, t };
    this.rels.set(rel.id, entry);
    this.adjacentTo(entry.s).add(entry);
    this.adjacentTo(entry.t).add(entry);
    addTo(this.typeIndex, rel.type, entry);
    for (const sourceId of citedSources(rel)) addTo(this.citing, this.intern(sourceId), entry);
    this.byStart.insert(entry);
    if (this.events.built) for (const k of eventKeys(rel)) this.events.insert(k);
  }

  removeRelationship(id: string): void {
    const entry = this.rels.get(id);
    if (!entry) return;
    const { rel } = entry;
    this.rels.delete(id);
    this.adjacency[entry.s]?.delete(entry);
    this.adjacency[entry.t]?.delete(entry);
    removeFrom(this.typeIndex, rel.type, entry);
    for (const sourceId of citedSources(rel)) removeFrom(this.citing, sourceId, entry);
    this.byStart.remove(entry);
    if (this.events.built) for (const k of eventKeys(rel)) this.events.remove(k);
    this.releaseSlot(rel.source);
    this.releaseSlot(rel.target);
  }

  private unindexActor(actor: Actor): void {
    this.search.remove(actor);
    this.byName.remove(actor);
    if (actor.country) removeFrom(this.citizenIndex, actor.country, actor.id);
  }

  private *allEventKeys(): Generator<string> {
    for (const { rel } of this.rels.values()) yield* eventKeys(rel);
  }
}

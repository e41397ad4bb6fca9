/**
 * Per-request DataLoaders, so a query touching many records makes a bounded
 * number of store calls: every actor, source or actor's-relationships lookup
 * made while resolving one level of a query is sent to the store as one batch.
 *
 * Records already in hand (returned by a root query or an earlier batch) are
 * also kept in `known`, so resolvers can answer them synchronously: graphql-js
 * completes a plain value much faster than a promise, which matters for the
 * hundreds of relationship ends in a neighbourhood.
 */
import DataLoader from 'dataloader';
import type { Actor, PartialDate, Relationship, RelationshipType, Source, UndatedMode } from '../core/model';
import type { GraphStore, SourceTextInfo } from '../core/store';
import type { RequestVersion, VersionedCache } from './store-version';

/** The filters Actor.relationships and Actor.neighbors can ask for. */
export interface ActorRelationshipFilter {
  types?: RelationshipType[];
  asOf?: PartialDate;
  undated?: UndatedMode;
}

export interface Loaders {
  actors: DataLoader<string, Actor | null>;
  sources: DataLoader<string, Source | null>;
  /** Relationships by id (curated maps resolve their edges through it). */
  relationships: DataLoader<string, Relationship | null>;
  /** Records (and degrees) loaded or primed during this request, by actor or source id. */
  known: { actors: Map<string, Actor>; sources: Map<string, Source>; degrees: Map<string, number> };
  /** Records a root query returned, so later lookups of them need no store call. */
  primeActors(actors: Iterable<Actor>): void;
  primeSources(sources: Iterable<Source>): void;
  /** Degrees a store call returned alongside its records (a Neo4j neighbourhood counts them while walking). */
  primeDegrees(degrees: Iterable<readonly [string, number]>): void;
  /** Relationships touching each actor (either end), one loader per distinct filter. */
  relationshipsOf(filter: ActorRelationshipFilter): DataLoader<string, Relationship[]>;
  /** Number of relationships touching each actor (any type, any date), kept across requests until the store changes. */
  degrees: DataLoader<string, number>;
  /** Forgets everything loaded, e.g. after a mutation changed the store. */
  clearAll(): void;
  // ----- evidence intake -----
  /** Length and date of each source's stored text (never the text), or null. */
  sourceTexts: DataLoader<string, SourceTextInfo | null>;
}

/** Degrees per actor id, shared by every request to one API until the store's next write. */
export type DegreeCache = VersionedCache<number>;

export function createLoaders(store: GraphStore, degreeCache: DegreeCache, version: RequestVersion): Loaders {
  const known = { actors: new Map<string, Actor>(), sources: new Map<string, Source>(), degrees: new Map<string, number>() };
  const remember = <T extends { id: string }>(into: Map<string, T>, found: readonly (T | null)[]) => {
    for (const r of found) if (r) into.set(r.id, r);
    return found as (T | null)[];
  };
  const actors = new DataLoader<string, Actor | null>(async (ids) => remember(known.actors, await store.getActors(ids)));
  const sources = new DataLoader<string, Source | null>(async (ids) => remember(known.sources, await store.getSources(ids)));
  const relationships = new DataLoader<string, Relationship | null>((ids) => store.getRelationships(ids));
  const byFilter = new Map<string, DataLoader<string, Relationship[]>>();
  const sourceTexts = new DataLoader<string, SourceTextInfo | null>((ids) => store.sourceTextInfo(ids));
  const UNFILTERED = '[null,null]';

  function relationshipsOf(filter: ActorRelationshipFilter): DataLoader<string, Relationship[]> {
    const types = filter.types?.length ? [...new Set(filter.types)].sort() : undefined;
    // The common unfiltered case builds no key.
    const key = types || filter.asOf !== undefined ? JSON.stringify([types ?? null, filter.asOf ?? null, filter.undated ?? null]) : UNFILTERED;
    let loader = byFilter.get(key);
    if (!loader) {
      loader = new DataLoader<string, Relationship[]>(async (ids) => {
        const found = await store.relationshipsOfActors(ids, { types, asOf: filter.asOf, undated: filter.undated });
        return ids.map((id) => found.get(id) ?? []);
      });
      byFilter.set(key, loader);
    }
    return loader;
  }

  // Counted by the store (never listed), and kept per store version.
  const degrees = new DataLoader<string, number>(async (ids) => {
    const cached = degreeCache.at(store, await version.get());
    const missing = cached ? ids.filter((id) => cached.get(id) === undefined) : ids;
    const counted = new Map<string, number>();
    if (missing.length) (await store.degrees(missing)).forEach((d, i) => counted.set(missing[i], d));
    return ids.map((id) => {
      let degree = cached?.get(id);
      if (degree === undefined) {
        degree = counted.get(id) ?? 0;
        cached?.set(id, degree);
      }
      known.degrees.set(id, degree);
      return degree;
    });
  });

  return {
    actors,
    sources,
    relationships,
    known,
    primeActors(list) {
      for (const a of list) {
        known.actors.set(a.id, a);
        actors.prime(a.id, a);
      }
    },
    primeDegrees(list) {
      for (const [id, degree] of list) {
        known.degrees.set(id, degree);
        degrees.prime(id, degree);
      }
    },
    primeSources(list) {
      for (const s of list) {
        known.sources.set(s.id, s);
        sources.prime(s.id, s);
      }
    },
    relationshipsOf,
    degrees,
    sourceTexts,
    clearAll() {
      actors.clearAll();
      sourceTexts.clearAll();
      sources.clearAll();
      relationships.clearAll();
      degrees.clearAll();
      known.actors.clear();
      known.sources.clear();
      known.degrees.clear();
      byFilter.clear();
    },
  };
}

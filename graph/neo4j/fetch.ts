/**
 * Record lookups shared by reads and writes: each runs one statement from
 * cypher.ts inside the caller's transaction and returns Steppe records.
 */
import { RELATIONSHIP_TYPES, type Actor, type Relationship, type Source } from '../core/model';
import * as cypher from './cypher';
import type { QueryRunner } from './executor';
import { actorFrom, mapFrom, relationshipFrom, sourceFrom } from './records';
import type { CuratedMap } from '../core/maps';

/** Every Steppe relationship type: the default `$types`, which also keeps foreign relationships out. */
export const ALL_TYPES: string[] = [...RELATIONSHIP_TYPES];

const unique = (ids: readonly string[]) => [...new Set(ids)];

export async function fetchActors(q: QueryRunner, ids: readonly string[]): Promise<Map<string, Actor>> {
  const out = new Map<string, Actor>();
  if (!ids.length) return out;
  for (const row of await q.run(cypher.GET_ACTORS, { ids: unique(ids) })) {
    const a = actorFrom(row.actor);
    out.set(a.id, a);
  }
  return out;
}

export async function fetchSources(q: QueryRunner, ids: readonly string[]): Promise<Map<string, Source>> {
  const out = new Map<string, Source>();
  if (!ids.length) return out;
  for (const row of await q.run(cypher.GET_SOURCES, { ids: unique(ids) })) {
    const s = sourceFrom(row.source);
    out.set(s.id, s);
  }
  return out;
}

/** Above this many ids a lookup first asks whether there is any relationship at all (see fetchRelationships). */
export const MANY_RELATIONSHIP_IDS = 1000;

/**
 * Relationships by id. An id does not tell its type and each type has its own id index, so a
 * lookup seeks once per type and id: 17 seeks per id. A large lookup (an import's: 500 000 ids
 * for a 100 000-actor graph) first asks the count store whether the database holds any
 * relationship, so a load into an empty database (`db:load` on a new server) seeks nothing.
 */
export async function fetchRelationships(q: QueryRunner, ids: readonly string[]): Promise<Map<string, Relationship>> {
  const out = new Map<string, Relationship>();
  if (!ids.length) return out;
  const wanted = unique(ids);
  if (wanted.length > MANY_RELATIONSHIP_IDS && Number((await q.run(cypher.ANY_RELATIONSHIPS))[0]?.count ?? 0) === 0) return out;
  for (const row of await q.run(cypher.GET_RELATIONSHIPS, { ids: wanted })) {
    const r = relationshipFrom(row);
    out.set(r.id, r);
  }
  return out;
}

/** Every relationship (any Steppe type, no filter) with one of `actorIds` at either end. */
export async function fetchIncident(q: QueryRunner, actorIds: readonly string[]): Promise<Relationship[]> {
  if (!actorIds.length) return [];
  const rows = await q.run(cypher.RELATIONSHIPS_OF_ACTORS, { ids: unique(actorIds), types: ALL_TYPES, fromDay: null, toDay: null, datedOnly: false, sourceId: null });
  const byId = new Map<string, Relationship>();
  for (const row of rows) {
    const r = relationshipFrom(row);
    byId.set(r.id, r);
  }
  return [...byId.values()];
}

/** Actors whose `country` is one of `ids`. */
export async function fetchCitizens(q: QueryRunner, ids: readonly string[]): Promise<Actor[]> {
  if (!ids.length) return [];
  return (await q.run(cypher.CITIZENS_OF, { ids: unique(ids) })).map((row) => actorFrom(row.actor));
}

export async function fetchCiting(q: QueryRunner, sourceId: string): Promise<Relationship[]> {
  return (await q.run(cypher.RELATIONSHIPS_CITING_SOURCE, { sourceId, types: ALL_TYPES })).map(relationshipFrom);
}

export async function fetchMaps(q: QueryRunner, ids: readonly string[]): Promise<Map<string, CuratedMap>> {
  const out = new Map<string, CuratedMap>();
  if (!ids.length) return out;
  for (const row of await q.run(cypher.GET_MAPS, { ids: unique(ids) })) {
    const m = mapFrom(row.body);
    out.set(m.id, m);
  }
  return out;
}

/** Maps whose nodes include any of these actors. */
export async function fetchMapsShowing(q: QueryRunner, actorIds: readonly string[]): Promise<CuratedMap[]> {
  if (!actorIds.length) return [];
  return (await q.run(cypher.MAPS_SHOWING_ACTORS, { ids: unique(actorIds) })).map((r) => mapFrom(r.body));
}

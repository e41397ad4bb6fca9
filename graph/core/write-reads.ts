/**
 * Beside each write command, the records its plan (graph/core/plan.ts) reads.
 * A store that does not hold the whole graph in memory (the Neo4j store) loads
 * exactly these, inside the write transaction, before planning; anything a
 * plan reads must be loaded here, or the plan would see a record as missing.
 * Inputs are unchecked here (plans validate them), so ids are read leniently.
 */
import type { GraphData } from './model';
import { mapIdCandidates } from './maps';
import type { PlanReads } from './plan-reads';

/** Loads records into `loaded`; ids already tried are skipped, absent ids are simply not there. */
export interface RecordLoader {
  readonly loaded: PlanReads;
  actors(ids: readonly (string | undefined)[]): Promise<void>;
  sources(ids: readonly (string | undefined)[]): Promise<void>;
  relationships(ids: readonly (string | undefined)[]): Promise<void>;
  /** Every relationship at these actors, and (for kind checks) the actors at their other ends. */
  incident(actorIds: readonly string[], withOtherEnds: boolean): Promise<void>;
  /** Every actor naming one of these as its country. */
  citizens(stateIds: readonly string[]): Promise<void>;
  /** Stored texts of these sources, where they have one. */
  sourceTexts(sourceIds: readonly (string | undefined)[]): Promise<void>;
  /** Every relationship citing the source. */
  citing(sourceId: string): Promise<void>;
  maps(ids: readonly (string | undefined)[]): Promise<void>;
  /** Every map showing one of these actors. */
  mapsShowing(actorIds: readonly string[]): Promise<void>;
}

/** A string field of an unchecked input, or undefined (plans validate the input itself). */
export function field(input: unknown, key: string): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const v = (input as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

/** Source ids cited by an unchecked relationship input. */
function citedSourceIds(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  const citations = (input as { citations?: unknown }).citations;
  return Array.isArray(citations) ? citations.map((c) => field(c, 'sourceId')).filter((id): id is string => id !== undefined) : [];
}

function listOf(input: unknown, key: string): unknown[] {
  const v = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return Array.isArray(v) ? v : [];
}

/** planUpsertActor: the actor and its country; on a kind change also its relationships (with their other ends) and citizens. */
export async function upsertActorReads(load: RecordLoader, actor: unknown): Promise<void> {
  const id = field(actor, 'id');
  await load.actors([id, field(actor, 'country')]);
  const old = id === undefined ? undefined : load.loaded.actors.get(id);
  if (id !== undefined && old && old.kind !== field(actor, 'kind')) {
    await load.incident([id], true);
    await load.citizens([id]);
  }
}

/** planDeleteActor: the actor, its relationships and its citizens. */
export async function deleteActorReads(load: RecordLoader, id: string): Promise<void> {
  await load.actors([id]);
  await load.incident([id], false);
  await load.citizens([id]);
}

/** planMergeActors: both actors, the merged one's relationships (with other ends), citizens, and the maps showing it. */
export async function mergeActorsReads(load: RecordLoader, keepId: string, mergeId: string): Promise<void> {
  await load.actors([keepId, mergeId]);
  await load.incident([mergeId], true);
  await load.citizens([mergeId]);
  await load.mapsShowing([mergeId]);
}

/** planUpsertSource: the source it replaces. */
export async function upsertSourceReads(load: RecordLoader, source: unknown): Promise<void> {
  await load.sources([field(source, 'id')]);
}

/** planDeleteSource: the source and the relationships citing it. */
export async function deleteSourceReads(load: RecordLoader, id: string): Promise<void> {
  await load.sources([id]);
  await load.citing(id);
}

/** planSetSourceText: the source, its stored text, and the relationships citing it. */
export async function setSourceTextReads(load: RecordLoader, sourceId: string): Promise<void> {
  await load.sources([sourceId]);
  await load.sourceTexts([sourceId]);
  await load.citing(sourceId);
}

/** planUpsertRelationship: both ends, the cited sources and their texts, and the relationship it replaces. */
export async function upsertRelationshipReads(load: RecordLoader, rel: unknown): Promise<void> {
  await load.actors([field(rel, 'source'), field(rel, 'target')]);
  await load.sources(citedSourceIds(rel));
  await load.sourceTexts(citedSourceIds(rel));
  await load.relationships([field(rel, 'id')]);
}

/** planDeleteRelationship: the relationship. */
export async function deleteRelationshipReads(load: RecordLoader, id: string): Promise<void> {
  await load.relationships([id]);
}

/**
 * planImport: every actor, source, text and relationship the records name;
 * actors whose kind the import changes are checked against what the import
 * leaves in place (their relationships, other ends and citizens).
 */
export async function importReads(load: RecordLoader, data: GraphData): Promise<void> {
  const actors = listOf(data, 'actors');
  const rels = listOf(data, 'relationships');
  const actorIds = actors.map((a) => field(a, 'id'));
  await load.actors([...actorIds, ...actors.map((a) => field(a, 'country')), ...rels.flatMap((r) => [field(r, 'source'), field(r, 'target')])]);
  await load.sources(rels.flatMap(citedSourceIds));
  await load.sourceTexts([...new Set(rels.flatMap(citedSourceIds))]);
  await load.relationships(rels.map((r) => field(r, 'id')));
  // The records an import replaces, for their versions.
  await load.sources(listOf(data, 'sources').map((s) => field(s, 'id')));
  await load.maps(listOf(data, 'maps').map((m) => field(m, 'id')));
  const changed = actors
    .filter((a) => {
      const id = field(a, 'id');
      const old = id === undefined ? undefined : load.loaded.actors.get(id);
      return old !== undefined && old.kind !== field(a, 'kind');
    })
    .map((a) => field(a, 'id')!);
  if (changed.length) {
    await load.incident(changed, true);
    await load.citizens(changed);
  }
}

/** planSaveMap: the actors and relationships it shows, and the stored map it replaces or the slugs a new map may take. */
export async function saveMapReads(load: RecordLoader, input: unknown): Promise<void> {
  const id = field(input, 'id');
  const title = field(input, 'title');
  await load.actors(listOf(input, 'nodes').map((n) => field(n, 'actorId')));
  await load.relationships(listOf(input, 'relationshipIds').filter((r): r is string => typeof r === 'string'));
  await load.maps(id !== undefined ? [id] : title !== undefined ? mapIdCandidates(title) : []);
}

/** planDeleteMap: the map. */
export async function deleteMapReads(load: RecordLoader, id: string): Promise<void> {
  await load.maps([id]);
}

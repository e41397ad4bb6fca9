/**
 * Writes a planned change list to Neo4j inside the caller's transaction, with
 * the same meaning as graph/memory/apply.ts: changes apply in order; runs of
 * the same operation go in UNWIND batches. A relationship whose type or ends
 * change is deleted and created again (Neo4j relationships cannot change either).
 */
import type { Actor, GraphData, Relationship, Source } from '../core/model';
import type { PlannedChange } from '../core/plan';
import * as cypher from './cypher';
import type { QueryRunner } from './executor';
import { actorRow, mapRow, relationshipRow, sourceRow } from './records';
import type { CuratedMap } from '../core/maps';

export const BATCH_SIZE = 1000;
/**
 * Batches of one statement sent before the previous one has been answered: the
 * driver pipelines them on the transaction's connection, so Node encodes the
 * next batch while Neo4j runs this one. Two are enough to keep both busy.
 */
export const BATCHES_IN_FLIGHT = 2;

/**
 * Runs `statement` once per BATCH_SIZE items, `params` building each batch's
 * parameters, with up to BATCHES_IN_FLIGHT batches in flight. Every batch sent
 * is awaited before this settles, so a failure leaves no answer pending; the
 * first failure is the one thrown (later ones follow from it: the transaction is broken).
 */
export async function runInBatches<T>(q: QueryRunner, statement: string, items: readonly T[], params: (batch: T[]) => Record<string, unknown>): Promise<void> {
  const inFlight: Promise<unknown>[] = [];
  let failure: { error: unknown } | undefined;
  const settle = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      failure ??= { error: e };
    }
  };
  for (let i = 0; i < items.length && !failure; i += BATCH_SIZE) {
    inFlight.push(q.run(statement, params(items.slice(i, i + BATCH_SIZE))));
    if (inFlight.length >= BATCHES_IN_FLIGHT) await settle(inFlight.shift()!);
  }
  for (const p of inFlight) await settle(p);
  if (failure) throw failure.error;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

async function upsertSources(q: QueryRunner, sources: readonly Source[]): Promise<void> {
  await runInBatches(q, cypher.UPSERT_SOURCES, sources, (batch) => ({ rows: batch.map(sourceRow) }));
}

/** Creates actors that do not exist yet (by kind, one label each), replaces the rest; `exists` learns of those created. */
async function upsertActors(q: QueryRunner, actors: readonly Actor[], exists: Existence): Promise<void> {
  const fresh: Actor[] = [];
  const updated: Actor[] = [];
  for (const a of actors) {
    if (exists.has(a.id)) updated.push(a);
    else {
      exists.add(a.id);
      fresh.push(a);
    }
  }
  for (const [kind, ofKind] of groupBy(fresh, (a) => a.kind)) {
    await runInBatches(q, cypher.createActorsStatement(kind), ofKind, (batch) => ({ rows: batch.map(actorRow) }));
  }
  await runInBatches(q, cypher.UPSERT_ACTORS, updated, (batch) => ({ rows: batch.map(actorRow) }));
}

async function upsertMaps(q: QueryRunner, maps: readonly CuratedMap[]): Promise<void> {
  await runInBatches(q, cypher.UPSERT_MAPS, maps, (batch) => ({ rows: batch.map(mapRow) }));
}

async function deleteIds(q: QueryRunner, statement: string, ids: readonly string[]): Promise<void> {
  await runInBatches(q, statement, ids, (batch) => ({ ids: batch }));
}

async function deleteRelationships(q: QueryRunner, rels: readonly Relationship[]): Promise<void> {
  for (const [type, group] of groupBy(rels, (r) => r.type)) {
    await deleteIds(
      q,
      cypher.deleteRelationshipsStatement(type),
      group.map((r) => r.id),
    );
  }
}

/**
 * Creates or replaces relationships; `stored` gives the version already in
 * Neo4j, if any. New and moved ones are created, the rest updated in place.
 */
async function upsertRelationships(q: QueryRunner, rels: readonly Relationship[], stored: (id: string) => Relationship | undefined, exists: Existence): Promise<void> {
  const moved: Relationship[] = [];
  const created: Relationship[] = [];
  const updated: Relationship[] = [];
  for (const next of rels) {
    const old = stored(next.id);
    if (!old && exists.has(next.id)) updated.push(next);
    else if (!old) {
      exists.add(next.id);
      created.push(next);
    } else if (old.type !== next.type || old.source !== next.source || old.target !== next.target) {
      moved.push(old);
      created.push(next);
    } else updated.push(next);
  }
  await deleteRelationships(q, moved);
  for (const [statement, group] of [
    [cypher.createRelationshipsStatement, created],
    [cypher.mergeRelationshipsStatement, updated],
  ] as const) {
    for (const [type, ofType] of groupBy(group, (r) => r.type)) {
      await runInBatches(q, statement(type), ofType, (batch) => ({ rows: batch.map(relationshipRow) }));
    }
  }
}

/**
 * Records as they were before this write, as its reads loaded them. Every
 * write reads the actors and relationships it upserts first, so undefined
 * means there is none, and a CREATE cannot duplicate one (nor could it
 * silently: ids are unique by constraint, and the contract checks relationships).
 */
export interface StoredRecords {
  actor(id: string): Actor | undefined;
  relationship(id: string): Relationship | undefined;
}

/** Ids known to exist at this point of the write: stored before it, or created by it and not deleted since. */
class Existence {
  private readonly created = new Set<string>();
  private readonly deleted = new Set<string>();

  constructor(private readonly stored: (id: string) => unknown) {}

  has(id: string): boolean {
    return this.created.has(id) || (!this.deleted.has(id) && this.stored(id) !== undefined);
  }

  add(id: string): void {
    this.created.add(id);
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      this.created.delete(id);
      this.deleted.add(id);
    }
  }
}

/** Applies `changes` (and an IMPORT's `data`). */
export async function applyChanges(q: QueryRunner, changes: readonly PlannedChange[], data: GraphData | undefined, stored: StoredRecords): Promise<void> {
  const actors = new Existence((id) => stored.actor(id));
  const rels = new Existence((id) => stored.relationship(id));
  let i = 0;
  while (i < changes.length) {
    const op = changes[i].op;
    let j = i;
    while (j < changes.length && changes[j].op === op) j++;
    const run = changes.slice(i, j);
    i = j;
    switch (op) {
      case 'UPSERT_ACTOR':
        await upsertActors(q, run.map((c) => c.after as Actor), actors);
        break;
      case 'DELETE_ACTOR': {
        const ids = run.map((c) => c.entityId);
        await deleteIds(q, cypher.DELETE_ACTORS, ids);
        actors.remove(ids);
        break;
      }
      case 'MERGE_ACTORS': {
        await upsertActors(q, run.map((c) => c.after as Actor), actors);
        const merged = run.map((c) => (c.before as { merged: Actor }).merged.id);
        await deleteIds(q, cypher.DELETE_ACTORS, merged);
        actors.remove(merged);
        break;
      }
      case 'UPSERT_RELATIONSHIP': {
        const before = new Map(run.map((c) => [c.entityId, c.before as Relationship | undefined]));
        await upsertRelationships(q, run.map((c) => c.after as Relationship), (id) => before.get(id) ?? stored.relationship(id), rels);
        break;
      }
      case 'DELETE_RELATIONSHIP': {
        const gone = run.map((c) => c.before as Relationship);
        await deleteRelationships(q, gone);
        rels.remove(gone.map((r) => r.id));
        break;
      }
      case 'UPSERT_SOURCE':
        await upsertSources(q, run.map((c) => c.after as Source));
        break;
      case 'DELETE_SOURCE':
        await deleteIds(q, cypher.DELETE_SOURCE_TEXTS, run.map((c) => c.entityId));
        await deleteIds(q, cypher.DELETE_SOURCES, run.map((c) => c.entityId));
        break;
      case 'SET_SOURCE_TEXT':
        // The text travels beside the change (WritePlan.sourceText); the store writes it with the write's timestamp.
        break;
      case 'IMPORT':
        if (data) {
          await upsertSources(q, data.sources);
          await upsertActors(q, data.actors, actors);
          await upsertRelationships(q, data.relationships, (id) => stored.relationship(id), rels);
          await upsertMaps(q, data.maps ?? []);
        }
        break;
      // ----- curated maps -----
      case 'SAVE_MAP':
        await upsertMaps(q, run.map((c) => c.after as CuratedMap));
        break;
      case 'DELETE_MAP':
        await deleteIds(q, cypher.DELETE_MAPS, run.map((c) => c.entityId));
        break;
    }
  }
}

/**
 * The GraphStore write methods, once for both stores. Each write is a command:
 * what its plan reads (write-reads.ts, for a store that loads records per
 * write) and the plan (plan.ts, which validates, checks expected versions and
 * lists the changes). A store only says how to run a command atomically and
 * durably (`run`), so a write means the same whichever store runs it.
 */
import type { CitationReport } from './citations';
import type { CuratedMap, MapInput } from './maps';
import type { Actor, GraphData, Relationship, Source } from './model';
import {
  planDeleteActor,
  planDeleteMap,
  planDeleteRelationship,
  planDeleteSource,
  planImport,
  planMergeActors,
  planSaveMap,
  planSetSourceText,
  planUpsertActor,
  planUpsertRelationship,
  planUpsertSource,
  type WritePlan,
} from './plan';
import type { PlanReads } from './plan-reads';
import type { GraphStore, ImportResult, SourceTextResult, WriteContext } from './store';
import {
  deleteActorReads,
  deleteMapReads,
  deleteRelationshipReads,
  deleteSourceReads,
  importReads,
  mergeActorsReads,
  saveMapReads,
  setSourceTextReads,
  upsertActorReads,
  upsertRelationshipReads,
  upsertSourceReads,
  type RecordLoader,
} from './write-reads';

/** One write: what its plan reads, and the plan. */
export interface WriteCommand<T> {
  /** Loads into `load.loaded` every record `plan` reads (a store holding the whole graph in memory skips this). */
  reads(load: RecordLoader): Promise<void>;
  plan(state: PlanReads): WritePlan<T>;
}

/** What running a command gives back: the plan's result (the caller's own copy) and the write's timestamp. */
export interface CommandOutcome<T> {
  result: T;
  at: string;
}

type StoreWriteMethods = Pick<
  GraphStore,
  'upsertActor' | 'deleteActor' | 'mergeActors' | 'upsertSource' | 'deleteSource' | 'upsertRelationship' | 'deleteRelationship' | 'importGraph' | 'setSourceText' | 'saveMap' | 'deleteMap'
>;

/** A store's writes, in terms of one `run`: atomic (a plan that throws writes nothing), durable when it resolves, serialised with other writes. */
export abstract class StoreWrites implements StoreWriteMethods {
  protected abstract run<T>(command: WriteCommand<T>): Promise<CommandOutcome<T>>;

  private async result<T>(command: WriteCommand<T>): Promise<T> {
    return (await this.run(command)).result;
  }

  upsertActor(actor: Actor, ctx?: WriteContext): Promise<Actor> {
    return this.result({ reads: (l) => upsertActorReads(l, actor), plan: (s) => planUpsertActor(s, actor, ctx) });
  }

  deleteActor(id: string, options?: { cascade?: boolean }, ctx?: WriteContext): Promise<void> {
    return this.result({ reads: (l) => deleteActorReads(l, id), plan: (s) => planDeleteActor(s, id, options?.cascade === true, ctx) });
  }

  mergeActors(keepId: string, mergeId: string, ctx?: WriteContext): Promise<Actor> {
    return this.result({ reads: (l) => mergeActorsReads(l, keepId, mergeId), plan: (s) => planMergeActors(s, keepId, mergeId, ctx) });
  }

  upsertSource(source: Source, ctx?: WriteContext): Promise<Source> {
    return this.result({ reads: (l) => upsertSourceReads(l, source), plan: (s) => planUpsertSource(s, source, ctx) });
  }

  deleteSource(id: string, ctx?: WriteContext): Promise<void> {
    return this.result({ reads: (l) => deleteSourceReads(l, id), plan: (s) => planDeleteSource(s, id, ctx) });
  }

  upsertRelationship(rel: Relationship, ctx?: WriteContext): Promise<Relationship> {
    return this.result({ reads: (l) => upsertRelationshipReads(l, rel), plan: (s) => planUpsertRelationship(s, rel, ctx) });
  }

  deleteRelationship(id: string, ctx?: WriteContext): Promise<void> {
    return this.result({ reads: (l) => deleteRelationshipReads(l, id), plan: (s) => planDeleteRelationship(s, id, ctx) });
  }

  importGraph(data: GraphData, ctx?: WriteContext): Promise<ImportResult> {
    return this.result({ reads: (l) => importReads(l, data), plan: (s) => planImport(s, data, ctx) });
  }

  async setSourceText(sourceId: string, text: string, options?: { source?: Source }, ctx?: WriteContext): Promise<SourceTextResult> {
    const { result, at } = await this.run<{ check: CitationReport; length: number }>({
      reads: (l) => setSourceTextReads(l, sourceId),
      plan: (s) => planSetSourceText(s, sourceId, text, options?.source, ctx),
    });
    return { info: { sourceId, length: result.length, updatedAt: at }, check: result.check };
  }

  saveMap(input: MapInput, ctx?: WriteContext): Promise<CuratedMap> {
    return this.result({ reads: (l) => saveMapReads(l, input), plan: (s) => planSaveMap(s, input, ctx) });
  }

  deleteMap(id: string, ctx?: WriteContext): Promise<void> {
    return this.result({ reads: (l) => deleteMapReads(l, id), plan: (s) => planDeleteMap(s, id, ctx) });
  }
}

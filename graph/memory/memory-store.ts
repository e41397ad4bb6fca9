/**
 * MemoryStore: the embedded GraphStore. The graph lives in memory with its
 * indexes (state.ts); every write is planned and validated in full (plan.ts),
 * made durable (an fsync'd journal record, or a snapshot for bulk imports),
 * and only then applied to memory (apply.ts). Writes run one at a time;
 * reads never wait for them. See README.md in this directory for the format.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { NotFoundError, StoreUnavailableError } from '../core/errors';
import { verifyCitations, type CitationReport } from '../core/citations';
import { compareMaps, copyMap, type CuratedMap } from '../core/maps';
import type { Actor, GraphData, Relationship, Source } from '../core/model';
import type {
  ActorHit,
  ActorQuery,
  Change,
  GraphStore,
  NeighborhoodQuery,
  Page,
  PageArgs,
  Path,
  PathQuery,
  SourceTextInfo,
  RelationshipFilter,
  Stats,
  StoreHealth,
  Subgraph,
  TimelineEvent,
  TimelineQuery,
} from '../core/store';
import { pageArg, pageOf } from '../core/args';
import type { PlanReads } from '../core/plan-reads';
import { withoutVersion } from '../core/versions';
import { applyRecord, type WriteRecord } from './apply';
import { copyActor, copyChange, copyRelationship, copySource } from './copy';
import { acquireLock, fsyncDir, journalPath, listDataDir, snapshotPath } from './data-dir';
import { compileFilter, matchingRelationships } from './filter';
import { scanFrames } from './framing';
import { JournalFile } from './journal';
import { StoreWrites, type CommandOutcome, type WriteCommand } from '../core/store-writes';
import { findActors, stats, timeline } from './queries';
import { unpackRelationship } from './packed-citations';
import { planView } from './plan-view';
import { readSnapshot, SnapshotCorruptError, writeSnapshot, type SnapshotContent } from './snapshot';
import { GraphState } from './state';
import { neighborhood, paths } from './traversal';

export interface MemoryStoreOptions {
  /** Directory for the journal, snapshots and lock; created if missing. */
  dataDir: string;
  /** Journal size that triggers compaction into a fresh snapshot. Default 64 MiB. */
  compactAfterBytes?: number;
  /** Imports with more records than this are written as a snapshot instead of one journal record. Default 10 000. */
  snapshotImportsAbove?: number;
}

export const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;
export const DEFAULT_SNAPSHOT_IMPORTS_ABOVE = 10_000;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const recordCount = (d: GraphData) => d.sources.length + d.actors.length + d.relationships.length + (d.maps?.length ?? 0);

function unavailable(what: string, cause: unknown): StoreUnavailableError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new StoreUnavailableError(`${what}: ${detail}`, { cause });
}

/** Replays a journal into `state`. Damage is logged once and repaired as README.md describes. */
async function replayJournal(file: string, state: GraphState): Promise<{ corruptMiddle: boolean }> {
  let buf: Buffer;
  try {
    buf = await fsp.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { corruptMiddle: false };
    throw e;
  }
  const scan = scanFrames(buf);
  for (const value of scan.values) applyRecord(state, value as WriteRecord);
  const damage = scan.damage;
  if (!damage) return { corruptMiddle: false };
  if (!damage.inMiddle) {
    console.warn(
      `[steppe] ${file}: torn or corrupt last record at byte ${damage.offset} (${damage.reason}); ` +
        `skipped it and truncated the journal to ${damage.offset} bytes. It was never acknowledged.`,
    );
    const handle = await fsp.open(file, 'r+');
    try {
      await handle.truncate(damage.offset);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { corruptMiddle: false };
  }
  const keep = `${file}.corrupt-${Date.now()}`;
  await fsp.copyFile(file, keep);
  console.warn(
    `[steppe] ${file}: corrupt record at byte ${damage.offset} (${damage.reason}) with valid records after it; ` +
      `replay stopped there, so writes after that point are not loaded. The damaged journal is kept as ${keep}.`,
  );
  return { corruptMiddle: true };
}

export class MemoryStore extends StoreWrites implements GraphStore {
  readonly kind = 'memory' as const;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly state: GraphState,
    private journal: JournalFile,
    private generation: number,
    private readonly releaseLock: () => void,
    private readonly compactAfterBytes: number,
    private readonly snapshotImportsAbove: number,
  ) {
    super();
  }

  /** Opens (or creates) the store in `dataDir`: loads the newest snapshot, replays its journal. */
  static async open(options: MemoryStoreOptions): Promise<MemoryStore> {
    const dir = path.resolve(options.dataDir);
    try {
      await fsp.mkdir(dir, { recursive: true });
    } catch (e) {
      throw unavailable(`Cannot create the data directory ${dir}`, e);
    }
    const release = await acquireLock(dir);
    try {
      const listing = await listDataDir(dir);
      await Promise.all(listing.temps.map((t) => fsp.rm(t, { force: true })));
      const generation = listing.snapshots[0] ?? 0;
      const state = new GraphState();
      if (generation > 0) {
        await readSnapshot(snapshotPath(dir, generation), {
          source: (s) => state.putSource(s),
          actor: (a) => state.putActor(a),
          relationship: (r) => state.putRelationship(r),
          map: (m) => void state.maps.set(m.id, m),
          change: (c) => void state.changes.push(c),
          text: (t) => void state.texts.set(t.sourceId, { text: t.text, updatedAt: t.updatedAt }),
        });
      }
      const { corruptMiddle } = await replayJournal(journalPath(dir, generation), state);
      // Done now rather than on the first broad search, which reads its first page in name order (queries.ts).
      state.refreshSearchNameOrder();
      const journal = await JournalFile.open(journalPath(dir, generation));
      await fsyncDir(dir);
      const store = new MemoryStore(
        dir,
        state,
        journal,
        generation,
        release,
        options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES,
        options.snapshotImportsAbove ?? DEFAULT_SNAPSHOT_IMPORTS_ABOVE,
      );
      // Files of older generations are superseded by the snapshot just loaded.
      for (const g of listing.snapshots.filter((g) => g < generation)) await fsp.rm(snapshotPath(dir, g), { force: true });
      for (const g of listing.journals.filter((g) => g < generation)) await fsp.rm(journalPath(dir, g), { force: true });
      // After mid-journal damage, new writes must not land behind the damaged record: start a new generation.
      if (corruptMiddle) await store.compact();
      return store;
    } catch (e) {
      release();
      if (e instanceof SnapshotCorruptError) throw new StoreUnavailableError(e.message, { cause: e });
      if (e instanceof StoreUnavailableError) throw e;
      throw unavailable(`Cannot open the store in ${dir}`, e);
    }
  }

  // ----- plumbing ---------------------------------------------------------------

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The store is closed');
  }

  private async read<T>(fn: () => T): Promise<T> {
    this.assertOpen();
    return fn();
  }

  /** What a write plan reads: the state, with relationships unpacked (plan-view.ts). */
  private get forPlans(): PlanReads {
    return planView(this.state);
  }

  /** Runs writes (and compactions) one at a time, in call order. */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** One write (StoreWrites): plan against the state, make it durable, then apply it; the caller gets a copy of the result. */
  protected run<T>(command: WriteCommand<T>): Promise<CommandOutcome<T>> {
    return this.serially(async () => {
      this.assertOpen();
      const p = command.plan(this.forPlans);
      const at = new Date().toISOString();
      let seq = this.state.lastSeq;
      const changes: Change[] = p.changes.map((c) => ({ seq: ++seq, at, ...c }));
      const record: WriteRecord = p.data ? { changes, data: p.data } : { changes };
      if (p.sourceText) record.sourceText = p.sourceText;
      if (p.data && recordCount(p.data) > this.snapshotImportsAbove) {
        await this.compact(record);
      } else {
        try {
          await this.journal.append(record);
        } catch (e) {
          throw unavailable(`Cannot write to the journal ${this.journal.path}`, e);
        }
      }
      applyRecord(this.state, record);
      if (this.journal.size > this.compactAfterBytes) {
        void this.serially(() => this.compact()).catch((e) => console.warn(`[steppe] compaction of ${this.dir} failed; will retry after the next write`, e));
      }
      return { result: structuredClone(p.result), at };
    });
  }

  /** Everything the store holds, plus a not-yet-applied import when given. */
  private snapshotContent(pending?: WriteRecord): SnapshotContent {
    const s = this.state;
    const data = pending?.data;
    const merged = <T extends { id: string }>(current: Iterable<T>, storedCount: number, added: T[] | undefined): Iterable<T> => {
      if (!added?.length) return current;
      // Into an empty store (a first bulk load) nothing is replaced: no set of millions of ids.
      if (storedCount === 0) return added;
      const replaced = new Set(added.map((x) => x.id));
      return (function* () {
        for (const x of current) if (!replaced.has(x.id)) yield x;
        yield* added;
      })();
    };
    return {
      sources: merged(s.sources.values(), s.sources.size, data?.sources),
      actors: merged(s.actors.values(), s.actors.size, data?.actors),
      relationships: merged(
        (function* () {
          for (const e of s.rels.values()) yield unpackRelationship(e.rel);
        })(),
        s.rels.size,
        data?.relationships,
      ),
      maps: merged(s.maps.values(), s.maps.size, data?.maps),
      changes: pending ? [...s.changes, ...pending.changes] : s.changes,
      texts: (function* () {
        for (const [sourceId, t] of s.texts) yield { sourceId, text: t.text, updatedAt: t.updatedAt };
      })(),
    };
  }

  /**
   * Writes generation n+1 (snapshot, then an empty journal), switches to it
   * and deletes generation n. With `pending`, the snapshot includes that
   * write, which is how bulk imports become durable without a giant journal record.
   */
  private async compact(pending?: WriteRecord): Promise<void> {
    const next = this.generation + 1;
    let journal: JournalFile;
    try {
      await writeSnapshot(snapshotPath(this.dir, next), this.snapshotContent(pending));
      journal = await JournalFile.open(journalPath(this.dir, next));
      await fsyncDir(this.dir);
    } catch (e) {
      await fsp.rm(snapshotPath(this.dir, next), { force: true }).catch(() => undefined);
      throw unavailable(`Cannot write a snapshot in ${this.dir}`, e);
    }
    const old = this.journal;
    const oldGeneration = this.generation;
    this.journal = journal;
    this.generation = next;
    await old.close().catch(() => undefined);
    await fsp.rm(journalPath(this.dir, oldGeneration), { force: true }).catch(() => undefined);
    if (oldGeneration > 0) await fsp.rm(snapshotPath(this.dir, oldGeneration), { force: true }).catch(() => undefined);
    await fsyncDir(this.dir).catch(() => undefined);
  }

  // ----- actors -------------------------------------------------------------------

  getActor(id: string): Promise<Actor> {
    return this.read(() => {
      const a = this.state.actors.get(id);
      if (!a) throw new NotFoundError('Actor', id);
      return copyActor(a);
    });
  }

  getActors(ids: readonly string[]): Promise<(Actor | null)[]> {
    return this.read(() => ids.map((id) => {
      const a = this.state.actors.get(id);
      return a ? copyActor(a) : null;
    }));
  }

  findActors(query: ActorQuery): Promise<Page<ActorHit>> {
    return this.read(() => findActors(this.state, query ?? {}));
  }

  // ----- relationships ------------------------------------------------------------

  getRelationship(id: string): Promise<Relationship> {
    return this.read(() => {
      const e = this.state.rels.get(id);
      if (!e) throw new NotFoundError('Relationship', id);
      return copyRelationship(e.rel);
    });
  }

  getRelationships(ids: readonly string[]): Promise<(Relationship | null)[]> {
    return this.read(() => ids.map((id) => {
      const e = this.state.rels.get(id);
      return e ? copyRelationship(e.rel) : null;
    }));
  }

  listRelationships(filter: RelationshipFilter, page?: PageArgs): Promise<Page<Relationship>> {
    return this.read(() => {
      const window = pageArg(page);
      const entries = matchingRelationships(this.state, compileFilter(this.state, filter ?? {}));
      return pageOf(entries, window, (e) => copyRelationship(e.rel));
    });
  }

  relationshipsOfActors(actorIds: readonly string[], filter: Omit<RelationshipFilter, 'actorId'> = {}): Promise<Map<string, Relationship[]>> {
    return this.read(() => {
      const out = new Map<string, Relationship[]>();
      const base = compileFilter(this.state, { ...filter, actorId: undefined });
      for (const id of actorIds) {
        if (out.has(id)) continue;
        out.set(id, this.state.actors.has(id) ? matchingRelationships(this.state, { ...base, actorId: id }).map((e) => copyRelationship(e.rel)) : []);
      }
      return out;
    });
  }

  degrees(actorIds: readonly string[]): Promise<number[]> {
    return this.read(() => actorIds.map((id) => (this.state.actors.has(id) ? this.state.degree(id) : 0)));
  }

  // ----- traversal ----------------------------------------------------------------

  neighborhood(query: NeighborhoodQuery): Promise<Subgraph> {
    return this.read(() => neighborhood(this.state, query));
  }

  paths(query: PathQuery): Promise<Path[]> {
    return this.read(() => paths(this.state, query));
  }

  // ----- sources --------------------------------------------------------------------

  getSource(id: string): Promise<Source> {
    return this.read(() => {
      const s = this.state.sources.get(id);
      if (!s) throw new NotFoundError('Source', id);
      return copySource(s);
    });
  }

  getSources(ids: readonly string[]): Promise<(Source | null)[]> {
    return this.read(() => ids.map((id) => {
      const s = this.state.sources.get(id);
      return s ? copySource(s) : null;
    }));
  }

  listSources(): Promise<Source[]> {
    return this.read(() => [...this.state.sources.values()].sort(byId).map(copySource));
  }

  // ----- time and overview ------------------------------------------------------------

  timeline(query: TimelineQuery): Promise<TimelineEvent[]> {
    return this.read(() => timeline(this.state, query ?? {}));
  }

  stats(options?: { top?: number; filter?: RelationshipFilter }): Promise<Stats> {
    return this.read(() => stats(this.state, options));
  }

  changes(page?: PageArgs): Promise<Page<Change>> {
    return this.read(() => pageOf(this.state.changes, pageArg(page), copyChange));
  }

  // ----- export -----------------------------------------------------------------------

  exportGraph(): Promise<GraphData> {
    return this.read(() => ({
      // Exports hold data, not the store's version counters.
      sources: [...this.state.sources.values()].sort(byId).map((r) => withoutVersion(copySource(r))),
      actors: [...this.state.actors.values()].sort(byId).map((r) => withoutVersion(copyActor(r))),
      relationships: [...this.state.rels.values()].map((e) => e.rel).sort(byId).map((r) => withoutVersion(copyRelationship(r))),
      maps: [...this.state.maps.values()].sort(byId).map((m) => withoutVersion(copyMap(m))),
    }));
  }

  // ----- source texts (evidence intake) ---------------------------------------------------

  getSourceText(sourceId: string): Promise<string | null> {
    return this.read(() => {
      if (!this.state.sources.has(sourceId)) throw new NotFoundError('Source', sourceId);
      return this.state.texts.get(sourceId)?.text ?? null;
    });
  }

  sourceTextInfo(sourceIds: readonly string[]): Promise<(SourceTextInfo | null)[]> {
    return this.read(() => sourceIds.map((sourceId) => {
      const t = this.state.texts.get(sourceId);
      return t ? { sourceId, length: t.text.length, updatedAt: t.updatedAt } : null;
    }));
  }

  verifySourceCitations(sourceId: string): Promise<CitationReport | null> {
    return this.read(() => {
      if (!this.state.sources.has(sourceId)) throw new NotFoundError('Source', sourceId);
      const t = this.state.texts.get(sourceId);
      return t ? verifyCitations(sourceId, t.text, [...this.state.entriesCiting(sourceId)].map((e) => unpackRelationship(e.rel))) : null;
    });
  }

  // ----- curated maps -----------------------------------------------------------------

  getMap(id: string): Promise<CuratedMap> {
    return this.read(() => {
      const m = this.state.maps.get(id);
      if (!m) throw new NotFoundError('Map', id);
      return copyMap(m);
    });
  }

  listMaps(page?: PageArgs): Promise<Page<CuratedMap>> {
    return this.read(() => pageOf([...this.state.maps.values()].sort(compareMaps), pageArg(page), copyMap));
  }

  // ----- lifecycle --------------------------------------------------------------------

  async health(): Promise<StoreHealth> {
    if (this.closed) return { kind: 'memory', ok: false, detail: 'closed' };
    // A journal left refusing by a failed write is retried here too, so health recovers without a write or a restart.
    await this.journal.heal().catch(() => undefined);
    const failure = this.journal.failure;
    if (failure) return { kind: 'memory', ok: false, detail: `journal unwritable: ${failure.message}` };
    const s = this.state;
    return {
      kind: 'memory',
      ok: true,
      detail: `${this.dir}: ${s.actors.size} actors, ${s.rels.size} relationships, ${s.sources.size} sources, ${s.maps.size} maps; journal ${this.journal.size} bytes`,
    };
  }

  /** Waits for queued writes, then closes the journal and releases the directory. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    if (this.closed) return;
    this.closed = true;
    await this.journal.close().catch(() => undefined);
    this.releaseLock();
  }
}

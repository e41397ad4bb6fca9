/**
 * Neo4jStore: the GraphStore port over Neo4j 4.4 / 5. All driver I/O goes
 * through the executor; all Cypher comes from cypher.ts. Writes read what
 * they need inside one write transaction, plan with the embedded store's
 * planner (same validation and semantics), then write and log in that same
 * transaction. Ranking, ordering and traversal rules match the embedded store
 * (graph/core/search.ts, graph/core/keys.ts, traversal.ts here).
 */
import { NotFoundError, StoreUnavailableError } from '../core/errors';
import { verifyCitations, type CitationReport } from '../core/citations';
import {
  ACTOR_KINDS,
  earliestDay,
  latestDay,
  RELATIONSHIP_TYPES,
  type Actor,
  type ActorKind,
  type GraphData,
  type PartialDate,
  type Relationship,
  type RelationshipType,
  type Source,
} from '../core/model';
import { compareHits, matchActor, searchWords } from '../core/search';
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
  RelationshipFilter,
  Stats,
  StoreHealth,
  Subgraph,
  TimelineEvent,
  TimelineQuery,
  SourceTextInfo,
} from '../core/store';
import { dateArg, datedOnly, undatedArg, encodeCursor, intArg, kindsArg, pageArg, pageOf, timelineArgs, typesArg, type PageWindow } from '../core/args';
import { compareRelationships, datePart, eventKey } from '../core/keys';
import type { CuratedMap } from '../core/maps';
import { StoreWrites, type CommandOutcome, type WriteCommand } from '../core/store-writes';
import { withoutVersion } from '../core/versions';
import { DEFAULT_TOP } from '../core/limits';
import { applyChanges } from './apply';
import * as cypher from './cypher';
import { int, type QueryRunner, type ServerVersion, type TransactionExecutor } from './executor';
import { ALL_TYPES, fetchActors, fetchCiting, fetchMaps, fetchRelationships, fetchSources } from './fetch';
import { actorFrom, changeFrom, changeRow, mapFrom, relationshipFrom, sourceFrom } from './records';
import { candidateSearch } from './search-fragments';
import { neighborhood, paths } from './traversal';
import { WriteState } from './write-state';

/** Relationship filter parameters for REL_FILTER; unknown actorId throws NotFoundError (checked by the caller). */
function filterParams(filter: RelationshipFilter) {
  const types = typesArg('types', filter.types);
  const from = dateArg('from', filter.from);
  const to = dateArg('to', filter.to);
  const asOf = dateArg('asOf', filter.asOf);
  // Every range must overlap: the tightest lower and upper bounds do it in one comparison each.
  const lows = [from && earliestDay(from), asOf && earliestDay(asOf)].filter((d): d is string => !!d);
  const highs = [to && latestDay(to), asOf && latestDay(asOf)].filter((d): d is string => !!d);
  const undated = undatedArg('undated', filter.undated);
  return {
    types: types ? [...types] : ALL_TYPES,
    fromDay: lows.length ? lows.sort()[lows.length - 1] : null,
    toDay: highs.length ? highs.sort()[0] : null,
    datedOnly: datedOnly(lows.length + highs.length > 0, undated),
    sourceId: filter.sourceId ?? null,
  };
}

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function dateRangeOf(dates: Iterable<PartialDate>): Stats['dateRange'] {
  let min: [string, PartialDate] | null = null;
  let max: [string, PartialDate] | null = null;
  for (const date of dates) {
    const key = datePart(date);
    if (!min || key < min[0]) min = [key, date];
    if (!max || key > max[0]) max = [key, date];
  }
  return min && max ? { min: min[1], max: max[1] } : null;
}

function pageFrom<T>(items: T[], total: number, window: PageWindow): Page<T> {
  const end = window.offset + items.length;
  return { items, totalCount: total, endCursor: items.length ? encodeCursor(end) : null, hasNextPage: end < total };
}

export class Neo4jStore extends StoreWrites implements GraphStore {
  readonly kind = 'neo4j' as const;
  private closed = false;
  private readonly degreeStatements: cypher.DegreeStatements;

  constructor(
    private readonly exec: TransactionExecutor,
    readonly server: ServerVersion,
  ) {
    super();
    this.degreeStatements = cypher.degreeStatements(server);
  }

  // ----- plumbing -----------------------------------------------------------------------

  private read<T>(work: (q: QueryRunner) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('The store is closed'));
    return this.exec.read(work);
  }

  /**
   * One write (StoreWrites): lock the change log, load what the plan reads,
   * plan (throws before anything is written, and checks expected versions
   * under the lock), apply, append the change entries. All in one
   * transaction, so a failure anywhere writes nothing.
   */
  protected run<T>(command: WriteCommand<T>): Promise<CommandOutcome<T>> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('The store is closed'));
    return this.exec.write(async (q) => {
      const at = new Date().toISOString();
      const [lock] = await q.run(cypher.LOCK_CHANGE_LOG, { counterId: cypher.CHANGE_COUNTER_ID, at });
      const ws = new WriteState(q);
      await command.reads(ws);
      const p = command.plan(ws.loaded);
      await applyChanges(q, p.changes, p.data, { actor: (id) => ws.loaded.actors.get(id), relationship: (id) => ws.loaded.rels.get(id)?.rel });
      if (p.sourceText) {
        const { sourceId, text } = p.sourceText;
        await q.run(cypher.SET_SOURCE_TEXT, { id: sourceId, text, length: int(text.length), updatedAt: at });
      }
      let seq = Number(lock.value);
      const changes: Change[] = p.changes.map((c) => ({ seq: ++seq, at, ...c }));
      await q.run(cypher.APPEND_CHANGES, { counterId: cypher.CHANGE_COUNTER_ID, lastSeq: int(seq), changes: changes.map(changeRow) });
      return { result: p.result, at };
    });
  }

  private async requireActor(q: QueryRunner, id: string): Promise<void> {
    if (!(await fetchActors(q, [id])).has(id)) throw new NotFoundError('Actor', id);
  }

  /** A filter naming an unknown actor or source is NOT_FOUND, not an empty answer. */
  private async requireFilterRecords(q: QueryRunner, filter: RelationshipFilter): Promise<void> {
    if (filter.actorId != null) await this.requireActor(q, filter.actorId);
    if (filter.sourceId != null && !(await fetchSources(q, [filter.sourceId])).has(filter.sourceId)) throw new NotFoundError('Source', filter.sourceId);
  }

  // ----- actors --------------------------------------------------------------------------

  async getActor(id: string): Promise<Actor> {
    const a = (await this.read((q) => fetchActors(q, [id]))).get(id);
    if (!a) throw new NotFoundError('Actor', id);
    return a;
  }

  async getActors(ids: readonly string[]): Promise<(Actor | null)[]> {
    const found = await this.read((q) => fetchActors(q, ids));
    return ids.map((id) => (found.has(id) ? structuredClone(found.get(id)!) : null));
  }

  async findActors(query: ActorQuery): Promise<Page<ActorHit>> {
    const q0 = query ?? {};
    const kinds = kindsArg('kinds', q0.kinds);
    const window = pageArg(q0);
    const text = q0.search ?? '';
    const words = searchWords(text);
    const kindList = kinds ? [...kinds] : null;
    if (words?.length === 0) return { items: [], totalCount: 0, hasNextPage: false, endCursor: null };
    return this.read(async (q) => {
      if (!words) {
        const named = (await q.run(cypher.LIST_ACTOR_NAMES, { kinds: kindList })).map((r) => ({ id: String(r.id), name: String(r.name) }));
        named.sort((a, b) => compareHits({ actor: a, match: 'ALL' }, { actor: b, match: 'ALL' }));
        const page = pageOf(named, window, (a) => a.id);
        const actors = await fetchActors(q, page.items);
        return { ...page, items: page.items.map((id) => ({ actor: actors.get(id)!, match: 'ALL' as const })) };
      }
      const candidates = await q.run(cypher.FIND_ACTOR_CANDIDATES, { kinds: kindList, ...candidateSearch(words) });
      // Candidates carry only their names, which is all ranking reads; only the page's actors are fetched whole.
      const hits: { actor: Pick<Actor, 'id' | 'name' | 'aliases'>; match: ActorHit['match']; matchedText: string }[] = [];
      for (const row of candidates) {
        const named = { id: String(row.id), name: String(row.name), aliases: Array.isArray(row.aliases) ? row.aliases.map(String) : [] };
        const m = matchActor(text, named);
        if (m) hits.push({ actor: named, match: m.match, matchedText: m.matchedText });
      }
      hits.sort(compareHits);
      const page = pageOf(hits, window, (h) => h);
      const actors = await fetchActors(q, page.items.map((h) => h.actor.id));
      return { ...page, items: page.items.map((h) => ({ ...h, actor: actors.get(h.actor.id)! })) };
    });
  }

  // ----- relationships ---------------------------------------------------------------------

  async getRelationship(id: string): Promise<Relationship> {
    const r = (await this.read((q) => fetchRelationships(q, [id]))).get(id);
    if (!r) throw new NotFoundError('Relationship', id);
    return r;
  }

  async getRelationships(ids: readonly string[]): Promise<(Relationship | null)[]> {
    const found = await this.read((q) => fetchRelationships(q, ids));
    return ids.map((id) => (found.has(id) ? structuredClone(found.get(id)!) : null));
  }

  async listRelationships(filter: RelationshipFilter, page?: PageArgs): Promise<Page<Relationship>> {
    const f = filter ?? {};
    const params = filterParams(f);
    const window = pageArg(page);
    return this.read(async (q) => {
      const actorId = f.actorId ?? null;
      await this.requireFilterRecords(q, f);
      const [countStatement, listStatement] =
        actorId === null ? [cypher.COUNT_RELATIONSHIPS, cypher.LIST_RELATIONSHIPS] : [cypher.COUNT_RELATIONSHIPS_OF_ACTOR, cypher.LIST_RELATIONSHIPS_OF_ACTOR];
      const [{ count }] = await q.run(countStatement, { ...params, actorId });
      const rows = await q.run(listStatement, { ...params, actorId, skip: int(window.offset), limit: int(window.first) });
      return pageFrom(rows.map(relationshipFrom), Number(count), window);
    });
  }

  async relationshipsOfActors(actorIds: readonly string[], filter: Omit<RelationshipFilter, 'actorId'> = {}): Promise<Map<string, Relationship[]>> {
    const params = filterParams({ ...filter, actorId: undefined });
    return this.read(async (q) => {
      await this.requireFilterRecords(q, { ...filter, actorId: undefined });
      const out = new Map<string, Relationship[]>(actorIds.map((id) => [id, []]));
      if (!out.size) return out;
      for (const row of await q.run(cypher.RELATIONSHIPS_OF_ACTORS, { ...params, ids: [...out.keys()] })) {
        out.get(String(row.actorId))!.push(relationshipFrom(row));
      }
      for (const list of out.values()) list.sort(compareRelationships);
      return out;
    });
  }

  async degrees(actorIds: readonly string[]): Promise<number[]> {
    if (!actorIds.length) return [];
    const ids = [...new Set(actorIds)];
    return this.read(async (q) => {
      const degree = new Map<string, number>();
      for (const row of await q.run(this.degreeStatements.degrees, { ids, steppeTypes: ALL_TYPES })) degree.set(String(row.actorId), Number(row.degree));
      return actorIds.map((id) => degree.get(id) ?? 0);
    });
  }

  // ----- traversal ----------------------------------------------------------------------------

  async neighborhood(query: NeighborhoodQuery): Promise<Subgraph> {
    return this.read((q) => neighborhood(q, query, this.degreeStatements));
  }

  async paths(query: PathQuery): Promise<Path[]> {
    return this.read((q) => paths(q, query));
  }

  // ----- sources ----------------------------------------------------------------------------

  async getSource(id: string): Promise<Source> {
    const s = (await this.read((q) => fetchSources(q, [id]))).get(id);
    if (!s) throw new NotFoundError('Source', id);
    return s;
  }

  async getSources(ids: readonly string[]): Promise<(Source | null)[]> {
    const found = await this.read((q) => fetchSources(q, ids));
    return ids.map((id) => (found.has(id) ? { ...found.get(id)! } : null));
  }

  async listSources(): Promise<Source[]> {
    return this.read(async (q) => (await q.run(cypher.LIST_SOURCES)).map((r) => sourceFrom(r.source)));
  }

  // ----- time and overview ------------------------------------------------------------------------

  async timeline(query: TimelineQuery): Promise<TimelineEvent[]> {
    const t = query ?? {};
    const { types, limit, fromDay, toDay } = timelineArgs(t);
    const params = { types: types ? [...types] : ALL_TYPES, fromDay, toDay };
    return this.read(async (q) => {
      let rows;
      if (t.actorIds != null) {
        const found = await fetchActors(q, t.actorIds);
        for (const id of t.actorIds) if (!found.has(id)) throw new NotFoundError('Actor', id);
        rows = await q.run(cypher.TIMELINE_RELATIONSHIPS_OF_ACTORS, { ...params, actorIds: [...new Set(t.actorIds)] });
      } else {
        rows = await q.run(cypher.TIMELINE_RELATIONSHIPS, params);
      }
      const events: { key: string; event: TimelineEvent }[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const rel = relationshipFrom(row);
        if (seen.has(rel.id)) continue;
        seen.add(rel.id);
        for (const [kind, date] of [['START', rel.start], ['END', rel.end]] as const) {
          if (!date || earliestDay(date) > toDay || latestDay(date) < fromDay) continue;
          events.push({ key: eventKey(date, kind, rel.id), event: { date, kind, relationship: rel } });
        }
      }
      events.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      // START and END of one relationship must not share an object, so callers can mutate either.
      return events.slice(0, limit).map(({ event }) => ({ ...event, relationship: structuredClone(event.relationship) }));
    });
  }

  /**
   * Without a filter: every actor, relationship and source. With one: the
   * matching relationships, the actors at their ends and the sources they
   * cite; degrees count matching relationships only (as the embedded store).
   */
  async stats(options: { top?: number; filter?: RelationshipFilter } = {}): Promise<Stats> {
    const top = intArg('top', options?.top, DEFAULT_TOP, 0, 500);
    const filter = options?.filter;
    const actorsByKind = emptyCounts<ActorKind>(ACTOR_KINDS);
    const relationshipsByType = emptyCounts<RelationshipType>(RELATIONSHIP_TYPES);
    const unfiltered = !filter || Object.values(filter).every((v) => v === undefined || v === null);
    if (unfiltered) {
      return this.read(async (q) => {
        for (const r of await q.run(cypher.COUNT_ACTORS_BY_KIND)) if (ACTOR_KINDS.includes(r.kind as ActorKind)) actorsByKind[r.kind as ActorKind] = Number(r.count);
        for (const r of await q.run(cypher.COUNT_RELATIONSHIPS_BY_TYPE, { types: ALL_TYPES })) relationshipsByType[r.type as RelationshipType] = Number(r.count);
        const [{ count: sources }] = await q.run(cypher.COUNT_SOURCES);
        const connected = await q.run(cypher.MOST_CONNECTED, { types: ALL_TYPES, top: int(top) });
        const [{ dates }] = await q.run(cypher.RELATIONSHIP_DATES, { types: ALL_TYPES });
        return {
          actors: Object.values(actorsByKind).reduce((a, b) => a + b, 0),
          relationships: Object.values(relationshipsByType).reduce((a, b) => a + b, 0),
          sources: Number(sources),
          actorsByKind,
          relationshipsByType,
          mostConnected: connected.map((r) => ({ actor: actorFrom(r.actor), degree: Number(r.degree) })),
          dateRange: dateRangeOf(dates as string[]),
        };
      });
    }
    const params = filterParams(filter);
    return this.read(async (q) => {
      const actorId = filter.actorId ?? null;
      await this.requireFilterRecords(q, filter);
      const rows = actorId === null ? await q.run(cypher.FILTERED_RELATIONSHIPS, params) : await q.run(cypher.FILTERED_RELATIONSHIPS_OF_ACTOR, { ...params, actorId });
      const rels = rows.map(relationshipFrom);
      const degree = new Map<string, number>();
      const sources = new Set<string>();
      const dates: string[] = [];
      for (const rel of rels) {
        relationshipsByType[rel.type]++;
        for (const end of [rel.source, rel.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
        for (const c of rel.citations) sources.add(c.sourceId);
        if (rel.start) dates.push(rel.start);
        if (rel.end) dates.push(rel.end);
      }
      const actors = await fetchActors(q, [...degree.keys()]);
      for (const a of actors.values()) actorsByKind[a.kind]++;
      const ranked = [...degree].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, top);
      return {
        actors: degree.size,
        relationships: rels.length,
        sources: sources.size,
        actorsByKind,
        relationshipsByType,
        mostConnected: ranked.map(([id, d]) => ({ actor: actors.get(id)!, degree: d })),
        dateRange: dateRangeOf(dates),
      };
    });
  }

  async changes(page?: PageArgs): Promise<Page<Change>> {
    const window = pageArg(page);
    return this.read(async (q) => {
      const [{ count }] = await q.run(cypher.COUNT_CHANGES);
      const rows = await q.run(cypher.LIST_CHANGES, { skip: int(window.offset), limit: int(window.first) });
      return pageFrom(rows.map((r) => changeFrom(r.change)), Number(count), window);
    });
  }

  // ----- export ---------------------------------------------------------------------------------

  async exportGraph(): Promise<GraphData> {
    return this.read(async (q) => ({
      // Exports hold data, not the store's version counters.
      sources: (await q.run(cypher.LIST_SOURCES)).map((r) => withoutVersion(sourceFrom(r.source))),
      actors: (await q.run(cypher.ALL_ACTORS)).map((r) => withoutVersion(actorFrom(r.actor))),
      relationships: (await q.run(cypher.ALL_RELATIONSHIPS, { types: ALL_TYPES })).map((r) => withoutVersion(relationshipFrom(r))),
      maps: (await q.run(cypher.ALL_MAPS)).map((r) => withoutVersion(mapFrom(r.body))),
    }));
  }

  // ----- source texts (evidence intake) -----------------------------------------------------------

  private async requireSource(q: QueryRunner, id: string): Promise<void> {
    if (!(await fetchSources(q, [id])).has(id)) throw new NotFoundError('Source', id);
  }

  private async textOf(q: QueryRunner, id: string): Promise<string | null> {
    const [row] = await q.run(cypher.GET_SOURCE_TEXTS, { ids: [id] });
    return row ? String(row.text) : null;
  }

  async getSourceText(sourceId: string): Promise<string | null> {
    return this.read(async (q) => {
      await this.requireSource(q, sourceId);
      return this.textOf(q, sourceId);
    });
  }

  async sourceTextInfo(sourceIds: readonly string[]): Promise<(SourceTextInfo | null)[]> {
    const rows = await this.read((q) => q.run(cypher.SOURCE_TEXT_INFO, { ids: [...new Set(sourceIds)] }));
    const byId = new Map(rows.map((r) => [String(r.sourceId), { sourceId: String(r.sourceId), length: Number(r.length), updatedAt: String(r.updatedAt) }]));
    return sourceIds.map((id) => (byId.has(id) ? { ...byId.get(id)! } : null));
  }

  async verifySourceCitations(sourceId: string): Promise<CitationReport | null> {
    return this.read(async (q) => {
      await this.requireSource(q, sourceId);
      const text = await this.textOf(q, sourceId);
      return text === null ? null : verifyCitations(sourceId, text, await fetchCiting(q, sourceId));
    });
  }

  // ----- curated maps ---------------------------------------------------------------------------

  async getMap(id: string): Promise<CuratedMap> {
    const found = await this.read((q) => fetchMaps(q, [id]));
    const m = found.get(id);
    if (!m) throw new NotFoundError('Map', id);
    return m;
  }

  async listMaps(page?: PageArgs): Promise<Page<CuratedMap>> {
    const window = pageArg(page);
    return this.read(async (q) => {
      const [{ count }] = await q.run(cypher.COUNT_MAPS);
      const rows = await q.run(cypher.LIST_MAPS, { skip: int(window.offset), limit: int(window.first) });
      return pageFrom(rows.map((r) => mapFrom(r.body)), Number(count), window);
    });
  }

  // ----- lifecycle --------------------------------------------------------------------------------

  async health(): Promise<StoreHealth> {
    if (this.closed) return { kind: 'neo4j', ok: false, detail: 'closed' };
    try {
      await this.exec.read((q) => q.run(cypher.HEALTH_CHECK));
      return { kind: 'neo4j', ok: true, detail: `Neo4j ${this.server.version} (${this.server.edition})` };
    } catch (e) {
      return { kind: 'neo4j', ok: false, detail: e instanceof Error ? e.message : String(e) };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.exec.close();
  }
}

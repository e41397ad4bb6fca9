/**
 * The slice of the graph a write needs, read inside the write transaction
 * (graph/core/write-reads.ts says which records each write reads), so the
 * Neo4j store plans writes with exactly the same code as the embedded store
 * (graph/core/plan.ts: validation, endpoint and kind checks, cascades, merges,
 * import problem paths).
 */
import type { Actor, Relationship } from '../core/model';
import { LoadedRecords } from '../core/plan-reads';
import type { RecordLoader } from '../core/write-reads';
import * as cypher from './cypher';
import type { QueryRunner } from './executor';
import { fetchActors, fetchCiting, fetchCitizens, fetchIncident, fetchMaps, fetchMapsShowing, fetchRelationships, fetchSources } from './fetch';

export class WriteState implements RecordLoader {
  readonly loaded = new LoadedRecords();
  private readonly actorsTried = new Set<string>();
  private readonly sourcesTried = new Set<string>();
  private readonly relsTried = new Set<string>();
  private readonly textsTried = new Set<string>();
  private readonly mapsTried = new Set<string>();

  constructor(private readonly q: QueryRunner) {}

  /** Loads the actors with these ids that exist (ids already tried are skipped). */
  async actors(ids: readonly (string | undefined)[]): Promise<void> {
    const todo = fresh(ids, this.actorsTried);
    for (const a of (await fetchActors(this.q, todo)).values()) this.putActor(a);
  }

  async sources(ids: readonly (string | undefined)[]): Promise<void> {
    const todo = fresh(ids, this.sourcesTried);
    for (const s of (await fetchSources(this.q, todo)).values()) this.loaded.putSource(s);
  }

  async relationships(ids: readonly (string | undefined)[]): Promise<void> {
    const todo = fresh(ids, this.relsTried);
    for (const r of (await fetchRelationships(this.q, todo)).values()) this.putRelationship(r);
  }

  /** Every relationship at these actors, and (for kind checks) the actors at their other ends. */
  async incident(actorIds: readonly string[], withOtherEnds: boolean): Promise<void> {
    const rels = await fetchIncident(this.q, actorIds);
    for (const r of rels) this.putRelationship(r);
    if (withOtherEnds) await this.actors(rels.flatMap((r) => [r.source, r.target]));
  }

  /** Every actor naming one of these as its country. */
  async citizens(ids: readonly string[]): Promise<void> {
    for (const a of await fetchCitizens(this.q, ids)) this.putActor(a);
  }

  /** Stored texts of these sources, where they have one: citations of them must quote them, and setSourceText logs what it replaces. */
  async sourceTexts(sourceIds: readonly (string | undefined)[]): Promise<void> {
    const todo = fresh(sourceIds, this.textsTried);
    if (!todo.length) return;
    for (const row of await this.q.run(cypher.GET_SOURCE_TEXTS, { ids: todo })) {
      this.loaded.texts.set(String(row.id), { text: String(row.text), updatedAt: String(row.updatedAt) });
    }
  }

  /** Every relationship citing the source. */
  async citing(sourceId: string): Promise<void> {
    for (const r of await fetchCiting(this.q, sourceId)) this.putRelationship(r);
  }

  /** Curated maps with these ids that exist. */
  async maps(ids: readonly (string | undefined)[]): Promise<void> {
    const todo = fresh(ids, this.mapsTried);
    for (const m of (await fetchMaps(this.q, todo)).values()) this.loaded.maps.set(m.id, m);
  }

  /** Every map showing one of these actors (a merge re-points them). */
  async mapsShowing(actorIds: readonly string[]): Promise<void> {
    for (const m of await fetchMapsShowing(this.q, actorIds)) {
      this.mapsTried.add(m.id);
      this.loaded.maps.set(m.id, m);
    }
  }

  private putActor(a: Actor): void {
    this.actorsTried.add(a.id);
    this.loaded.putActor(a);
  }

  private putRelationship(r: Relationship): void {
    this.relsTried.add(r.id);
    this.loaded.putRelationship(r);
  }
}

function fresh(ids: readonly (string | undefined)[], tried: Set<string>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (typeof id !== 'string' || tried.has(id)) continue;
    tried.add(id);
    out.push(id);
  }
  return out;
}

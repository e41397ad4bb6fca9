/**
 * What a write plan reads of the graph (graph/core/plan.ts), and nothing more:
 * the embedded store's GraphState answers it from its indexes; a store that
 * loads records per write must load everything a plan reads.
 */
import type { CuratedMap } from './maps';
import type { Actor, Relationship, Source } from './model';

/** A source's full text and when it was set. */
export interface StoredText {
  text: string;
  updatedAt: string;
}

/** Ids with a count, as the plans use them (a delete refuses while any remain). */
export interface CountedIds extends Iterable<string> {
  readonly size: number;
}

export interface PlanReads {
  readonly actors: ReadonlyMap<string, Actor>;
  readonly sources: ReadonlyMap<string, Source>;
  /** Relationships by id (a plan only ever looks one up). */
  readonly rels: { get(id: string): { readonly rel: Relationship } | undefined };
  /** source id → its stored full text. */
  readonly texts: ReadonlyMap<string, StoredText>;
  readonly maps: ReadonlyMap<string, CuratedMap>;
  /** Ids of the relationships at either end of the actor. */
  incidentIds(actorId: string): Iterable<string>;
  /** Ids of the actors naming this STATE as their country. */
  citizensOf(stateId: string): Iterable<string>;
  /** Ids of the relationships citing the source. */
  idsCiting(sourceId: string): CountedIds;
  /** The relationships citing the source. */
  entriesCiting(sourceId: string): Iterable<{ readonly rel: Relationship }>;
}

/**
 * A PlanReads over just the records a store loaded for one write (the Neo4j
 * store reads them inside the write transaction): plain maps plus the three
 * lookups plans make by relationship end, citation and country.
 */
export class LoadedRecords implements PlanReads {
  readonly actors = new Map<string, Actor>();
  readonly sources = new Map<string, Source>();
  readonly rels = new Map<string, { readonly rel: Relationship }>();
  readonly texts = new Map<string, StoredText>();
  readonly maps = new Map<string, CuratedMap>();
  private readonly incident = new Map<string, Set<string>>();
  private readonly citing = new Map<string, Set<string>>();
  private readonly citizens = new Map<string, Set<string>>();

  putActor(actor: Actor): void {
    const old = this.actors.get(actor.id);
    if (old?.country) this.citizens.get(old.country)?.delete(old.id);
    this.actors.set(actor.id, actor);
    if (actor.country) setAt(this.citizens, actor.country).add(actor.id);
  }

  putSource(source: Source): void {
    this.sources.set(source.id, source);
  }

  putRelationship(rel: Relationship): void {
    const old = this.rels.get(rel.id)?.rel;
    if (old) {
      // A record loaded twice re-indexes at the end, as GraphState does.
      this.incident.get(old.source)?.delete(old.id);
      this.incident.get(old.target)?.delete(old.id);
      for (const c of old.citations) this.citing.get(c.sourceId)?.delete(old.id);
    }
    this.rels.set(rel.id, { rel });
    setAt(this.incident, rel.source).add(rel.id);
    setAt(this.incident, rel.target).add(rel.id);
    for (const c of rel.citations) setAt(this.citing, c.sourceId).add(rel.id);
  }

  incidentIds(actorId: string): Iterable<string> {
    return this.incident.get(actorId) ?? NONE;
  }

  citizensOf(stateId: string): Iterable<string> {
    return this.citizens.get(stateId) ?? NONE;
  }

  idsCiting(sourceId: string): CountedIds {
    return this.citing.get(sourceId) ?? NONE;
  }

  entriesCiting(sourceId: string): Iterable<{ readonly rel: Relationship }> {
    return [...this.idsCiting(sourceId)].map((id) => this.rels.get(id)!);
  }
}

const NONE: ReadonlySet<string> = new Set();

function setAt(index: Map<string, Set<string>>, key: string): Set<string> {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  return set;
}

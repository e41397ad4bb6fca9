/**
 * The GraphStore port: the one contract every store (embedded, Neo4j) meets.
 * The API and scripts depend on this interface only. The contract suite in
 * tests/contract/ runs the same cases against every implementation.
 *
 * Conventions for every method:
 * - Unknown ids throw `NotFoundError` (code `NOT_FOUND`), except the batch
 *   getters (`getActors`, `getRelationships`, `getSources`), which return
 *   `null` in place of a missing record so loaders can batch.
 * - Invalid input throws `ValidationError` (code `BAD_USER_INPUT`) and writes nothing.
 * - A write that conflicts with stored data throws `ConflictError` and writes nothing.
 * - An unreachable backend throws `StoreUnavailableError`.
 * - Returned records are copies: mutating them never changes the store.
 * - Symmetric types (ALLIED_WITH, FAMILY_OF) are stored once; every read that
 *   takes an actor finds them from either end.
 */
import type { CitationReport } from './citations';
import type { CuratedMap, MapInput } from './maps';
import type { Actor, ActorKind, GraphData, PartialDate, Relationship, RelationshipType, Source, UndatedMode } from './model';

/** Cursor pagination shared by every list. `after` is an opaque cursor from a previous page's `endCursor`. */
export interface PageArgs {
  /** Page size, 1–500. Default 50. */
  first?: number;
  after?: string | null;
}

export interface Page<T> {
  items: T[];
  /** Number of matching records across all pages. */
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

export interface ActorQuery extends PageArgs {
  /**
   * Free text matched against names and aliases, ignoring case and diacritics.
   * Ranked exact > prefix > fuzzy (one typo allowed in words of 5+ letters).
   * Omitted or blank: every actor, ordered by name.
   */
  search?: string;
  kinds?: ActorKind[];
}

export type MatchKind = 'EXACT' | 'PREFIX' | 'FUZZY' | 'ALL';

export interface ActorHit {
  actor: Actor;
  /** How the search text matched; `ALL` when no search text was given. */
  match: MatchKind;
  /** The name or alias that matched. */
  matchedText?: string;
}

/** Filters shared by relationship lists, neighborhoods, paths, timeline and stats. */
export interface RelationshipFilter {
  types?: RelationshipType[];
  /** Only relationships touching this actor (either end). */
  actorId?: string;
  /** Only relationships whose active interval overlaps [from, to]. */
  from?: PartialDate;
  to?: PartialDate;
  /** Only relationships in force as of this date (see `inForceAsOf` in model.ts). */
  asOf?: PartialDate;
  /**
   * With `asOf`, `from` or `to`: HIDE (default) leaves out relationships
   * without a start date, SHOW keeps them unless their end rules them out
   * (see UndatedMode in model.ts). Ignored without a date.
   */
  undated?: UndatedMode;
  /** Only relationships citing this source. */
  sourceId?: string;
}

export interface NeighborhoodQuery {
  actorId: string;
  /** 1–3. Default 1. */
  depth?: number;
  types?: RelationshipType[];
  /** Only neighbours of these kinds (the centre is always included). */
  kinds?: ActorKind[];
  asOf?: PartialDate;
  /** With `asOf`: what to do with relationships without a start date (see RelationshipFilter.undated). */
  undated?: UndatedMode;
  /** Maximum number of actors returned, centre included, 1–500. Default 100. */
  limit?: number;
}

export interface Subgraph {
  actors: Actor[];
  /** Every relationship (passing the filters) between two returned actors. */
  relationships: Relationship[];
  /** True when the limit cut actors off that the filters would otherwise include. */
  truncated: boolean;
  /** Degrees (as `degrees` counts them) of returned actors, when the store counted them while walking, so callers need not ask again. */
  degrees?: ReadonlyMap<string, number>;
  /** The sources the relationships cite, when the store read them in the same unit of work, so callers need not ask again. */
  sources?: ReadonlyMap<string, Source>;
}

export interface PathQuery {
  from: string;
  to: string;
  /** Maximum number of relationships in a path, 1–6. Default 4. */
  maxLength?: number;
  types?: RelationshipType[];
  asOf?: PartialDate;
  /** With `asOf`: what to do with relationships without a start date (see RelationshipFilter.undated). */
  undated?: UndatedMode;
  /** Maximum number of paths, 1–50. Default 5. */
  limit?: number;
}

export interface Path {
  /** Actor ids from `from` to `to`. */
  actorIds: string[];
  /** Relationships in walking order; `relationships[i]` links `actorIds[i]` and `actorIds[i+1]` (in either stored direction). */
  relationships: Relationship[];
}

export interface TimelineQuery {
  from?: PartialDate;
  to?: PartialDate;
  types?: RelationshipType[];
  /** Only events of relationships touching one of these actors. */
  actorIds?: string[];
  /** Default 500, maximum 5000. */
  limit?: number;
}

export interface TimelineEvent {
  /** The relationship's start or end date. */
  date: PartialDate;
  kind: 'START' | 'END';
  relationship: Relationship;
}

export interface Stats {
  actors: number;
  relationships: number;
  sources: number;
  actorsByKind: Record<ActorKind, number>;
  relationshipsByType: Record<RelationshipType, number>;
  /** Actors with the most relationships, most first (ties by id). */
  mostConnected: { actor: Actor; degree: number }[];
  /** Earliest and latest date on any relationship, or null when none is dated. */
  dateRange: { min: PartialDate; max: PartialDate } | null;
}

export type ChangeOp =
  | 'UPSERT_ACTOR'
  | 'DELETE_ACTOR'
  | 'MERGE_ACTORS'
  | 'UPSERT_RELATIONSHIP'
  | 'DELETE_RELATIONSHIP'
  | 'UPSERT_SOURCE'
  | 'DELETE_SOURCE'
  | 'IMPORT'
  // ----- source texts (evidence intake) -----
  | 'SET_SOURCE_TEXT'
  // ----- curated maps -----
  | 'SAVE_MAP'
  | 'DELETE_MAP';

/** One entry of the change log. */
export interface Change {
  /** Increasing sequence number, 1-based. */
  seq: number;
  /** ISO timestamp of the write. */
  at: string;
  op: ChangeOp;
  /** Id of the record written (for MERGE_ACTORS, the kept actor; for IMPORT, empty). */
  entityId: string;
  /** Record before the write, when one existed. */
  before?: unknown;
  /** Record after the write, when one exists. For IMPORT, a summary of counts. */
  after?: unknown;
  /** Who made the write, when known (e.g. "api", "loader"). */
  by?: string;
}

/** Optional context for writes: who writes (recorded in the change log) and the version the write was based on. */
export interface WriteContext {
  by?: string;
  /**
   * The version of the record this write changes (the actor, relationship,
   * source or map it names; the kept actor of a merge) that the caller loaded.
   * When the stored record is at another version the write throws
   * VersionConflictError and changes nothing; checked inside the write, so two
   * writes based on the same version cannot both succeed. Omitted: no check.
   */
  expectedVersion?: number;
  /** mergeActors only: the version of the merged (deleted) actor the caller loaded. */
  expectedMergeVersion?: number;
}

export interface ImportResult {
  sources: number;
  actors: number;
  relationships: number;
  /** Curated maps imported. */
  maps: number;
}

// ----- source texts (evidence intake) ---------------------------------------------
/**
 * A source's full text is kept apart from its Source record so that listing
 * or loading sources never carries megabytes: `getSourceText` is the only
 * read that returns it. Bundled seed sources have none (excerpts only).
 */
export interface SourceTextInfo {
  sourceId: string;
  /** Characters, after normalisation by `checkSourceText`. */
  length: number;
  /** ISO timestamp of the write that set the text. */
  updatedAt: string;
}

/** A source's citations checked against its stored text (see graph/core/citations.ts). */
export type { CitationReport, StaleCitation } from './citations';

/** What `setSourceText` wrote: the text's summary and the re-check of every citation of the source. */
export interface SourceTextResult {
  info: SourceTextInfo;
  check: CitationReport;
}
// ----- end source texts ---------------------------------------------------------------

export interface StoreHealth {
  kind: 'memory' | 'neo4j';
  ok: boolean;
  detail?: string;
}

export interface GraphStore {
  /** Which implementation this is. */
  readonly kind: 'memory' | 'neo4j';

  // ----- actors -----
  /** The actor with this id. Throws NotFoundError. */
  getActor(id: string): Promise<Actor>;
  /** Batch lookup in input order; `null` where no actor has the id. */
  getActors(ids: readonly string[]): Promise<(Actor | null)[]>;
  /** Search or list actors (see ActorQuery for ranking). */
  findActors(query: ActorQuery): Promise<Page<ActorHit>>;

  // ----- relationships -----
  /** The relationship with this id. Throws NotFoundError. */
  getRelationship(id: string): Promise<Relationship>;
  /** Batch lookup in input order; `null` where missing. */
  getRelationships(ids: readonly string[]): Promise<(Relationship | null)[]>;
  /** Relationships matching the filter, ordered by start date (undated last) then id. Unknown `actorId` throws NotFoundError. */
  listRelationships(filter: RelationshipFilter, page?: PageArgs): Promise<Page<Relationship>>;
  /** Relationships per actor for many actors at once (either end), filtered; for batched loaders. */
  relationshipsOfActors(actorIds: readonly string[], filter?: Omit<RelationshipFilter, 'actorId'>): Promise<Map<string, Relationship[]>>;
  /** How many relationships touch each actor (any type, any date), in input order; 0 where no actor has the id. Counts, never lists: the API's `degree`. */
  degrees(actorIds: readonly string[]): Promise<number[]>;

  // ----- traversal -----
  /**
   * Actors within `depth` hops of the centre, breadth-first, closest first
   * (ties broken by degree, then id), plus every filtered relationship among
   * them. Unknown centre throws NotFoundError; depth outside 1–3 or limit
   * outside 1–500 throws ValidationError.
   */
  neighborhood(query: NeighborhoodQuery): Promise<Subgraph>;
  /**
   * Simple paths (no repeated actor) from `from` to `to`, ignoring direction,
   * shortest first, at most `maxLength` relationships and `limit` paths. No path
   * gives `[]`. Unknown ids throw NotFoundError.
   */
  paths(query: PathQuery): Promise<Path[]>;

  // ----- sources -----
  getSource(id: string): Promise<Source>;
  getSources(ids: readonly string[]): Promise<(Source | null)[]>;
  /** Every source, ordered by id. */
  listSources(): Promise<Source[]>;

  // ----- time and overview -----
  /** Relationship starts and ends in date order (then START before END, then relationship id). */
  timeline(query: TimelineQuery): Promise<TimelineEvent[]>;
  /** Counts and most connected actors, optionally restricted by a filter. `top` defaults to 10. */
  stats(options?: { top?: number; filter?: RelationshipFilter }): Promise<Stats>;
  /** The change log, oldest first. */
  changes(page?: PageArgs): Promise<Page<Change>>;

  // ----- writes (each atomic, durable when the promise resolves, logged) -----
  /** Creates or replaces an actor. `country`, when given, must name a STATE actor. */
  upsertActor(actor: Actor, ctx?: WriteContext): Promise<Actor>;
  /**
   * Deletes an actor. With relationships attached it throws ConflictError
   * unless `cascade` is true, which also deletes those relationships.
   */
  deleteActor(id: string, options?: { cascade?: boolean }, ctx?: WriteContext): Promise<void>;
  /**
   * Merges `mergeId` into `keepId`: its relationships move to the kept actor
   * (relationships that would become self-loops are dropped), its name and
   * aliases become aliases of the kept actor, and it is deleted. Curated maps
   * showing it show the kept actor instead (logged as SAVE_MAP). Returns the kept actor.
   */
  mergeActors(keepId: string, mergeId: string, ctx?: WriteContext): Promise<Actor>;
  upsertSource(source: Source, ctx?: WriteContext): Promise<Source>;
  /** Deletes a source; ConflictError while any relationship cites it. */
  deleteSource(id: string, ctx?: WriteContext): Promise<void>;
  /**
   * Creates or replaces a relationship after checking actors, kinds, sources and citations.
   * A new citation of a source with stored text must quote that text verbatim (ValidationError otherwise);
   * citations the stored relationship already has are not re-checked (stale ones are reported by verifySourceCitations).
   */
  upsertRelationship(rel: Relationship, ctx?: WriteContext): Promise<Relationship>;
  deleteRelationship(id: string, ctx?: WriteContext): Promise<void>;
  /**
   * Upserts everything in `data`, all or nothing: when any record is invalid,
   * throws ValidationError listing the problems (paths like
   * `relationships[12].citations[0].excerpt`) and writes nothing.
   */
  importGraph(data: GraphData, ctx?: WriteContext): Promise<ImportResult>;
  /** Everything (maps included), each list ordered by id. */
  exportGraph(): Promise<GraphData>;

  // ----- source texts (evidence intake) -----
  /** The full text stored with a source, or null when it has none. Unknown source throws NotFoundError. */
  getSourceText(sourceId: string): Promise<string | null>;
  /** Batch, in input order: length and date of each source's text; `null` where a source has no text (or does not exist). Never the text itself. */
  sourceTextInfo(sourceIds: readonly string[]): Promise<(SourceTextInfo | null)[]>;
  /**
   * Sets or replaces a source's text, normalised and checked by
   * `checkSourceText` (empty or over MAX_SOURCE_TEXT_LENGTH throws
   * ValidationError). With `source`, that record (same id) is created or
   * replaced in the same write, so a new source and its text land together or
   * not at all. Every citation of the source is re-verified against the new
   * text; the report is returned and summarised in the change log entry
   * (`SET_SOURCE_TEXT`, `after: { sourceId, length, checked, stale }`; the
   * text itself is not copied into the log). Unknown source (and no `source`)
   * throws NotFoundError.
   */
  setSourceText(sourceId: string, text: string, options?: { source?: Source }, ctx?: WriteContext): Promise<SourceTextResult>;
  /**
   * Citations of the source checked against its current text, computed at
   * read time so it stays right as relationships are added or edited; null
   * when the source has no text. Unknown source throws NotFoundError.
   */
  verifySourceCitations(sourceId: string): Promise<CitationReport | null>;
  // ----- end source texts -----
  // ----- curated maps (graph/core/maps.ts) -----
  /**
   * Creates or replaces a map (replacing keeps `createdAt`). Validated by
   * `buildMap`: actors and relationships must exist now, relationship ends must
   * be map nodes, annotations must target map elements; saved names, kinds and
   * types are taken from the store. Without an id, the first free slug of the
   * title is used. Every problem is listed in one ValidationError.
   */
  saveMap(input: MapInput, ctx?: WriteContext): Promise<CuratedMap>;
  /** The map with this id. Throws NotFoundError. */
  getMap(id: string): Promise<CuratedMap>;
  /** Maps, most recently updated first (then by id). */
  listMaps(page?: PageArgs): Promise<Page<CuratedMap>>;
  /** Deletes a map. Throws NotFoundError. The actors and relationships it shows are untouched. */
  deleteMap(id: string, ctx?: WriteContext): Promise<void>;

  // ----- lifecycle -----
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

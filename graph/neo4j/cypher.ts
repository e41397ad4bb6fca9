/**
 * Every Cypher statement the Neo4j adapter runs, and nothing else. Statements
 * take parameters only; the one exception is a label or relationship type,
 * which Neo4j 4.4 cannot take as a parameter, so those statements are
 * generated here from the ACTOR_KINDS / RELATIONSHIP_TYPES whitelists.
 *
 * Everything must run on Neo4j 4.4 and 5: no `SHORTEST`, no `CALL (x) {}`, no
 * `exists(n.prop)`, no `elementId`, no dynamic labels or types. The exceptions
 * are listed in NEO4J_5_ONLY, each with a 4.4 twin the store runs there instead.
 * `allStatements()` lists every statement (with every generated variant) so
 * tests can lint them offline.
 *
 * Stored shape: `(:Actor:Person|:Institution|:State {id, kind, name, …,
 * searchText, aliasesText})`, `(:Source {…})`, each relationship a native typed
 * relationship carrying `citations` (JSON) plus `citationSources` and the day
 * bounds `startDay`/`startDayLatest`/`endDayEarliest`/`endDay` used by filters,
 * the change log as `(:Change {seq, …})` numbered by one `(:ChangeSeq)` node,
 * and curated maps as `(:CuratedMap {id, title, createdAt, updatedAt, actorIds, body: JSON})`.
 * A source's full text (evidence intake) is a separate `(:SourceText {id, text,
 * length, updatedAt})` node with the source's id, so reading sources never loads it.
 */
import { ACTOR_KINDS, RELATIONSHIP_TYPES, type ActorKind, type RelationshipType } from '../core/model';

// ----- shared fragments --------------------------------------------------------

/**
 * Records travel as lists of their properties in these orders, not as maps:
 * the driver then decodes no key per field (on 60 depth-2 neighbourhoods at
 * 100 000 actors, 466–514 ms of this process's CPU against 722–842 ms as maps).
 * records.ts reads them by these positions.
 */
export const ACTOR_COLUMNS = ['id', 'kind', 'name', 'category', 'aliases', 'summary', 'country', 'tags', 'version'] as const;
export const RELATIONSHIP_COLUMNS = ['id', 'role', 'start', 'end', 'amount', 'currency', 'citations', 'version'] as const;

const columns = (v: string, names: readonly string[]) => `[${names.map((n) => `${v}.${n}`).join(', ')}]`;

/** Actor properties callers see (the search helpers stay in the database). `a` must be bound. */
const ACTOR_FIELDS = columns('a', ACTOR_COLUMNS);

/** Relationship properties callers see (the filter helpers stay in the database). `r` must be bound. */
const REL_PROPS = columns('r', RELATIONSHIP_COLUMNS);

/** A relationship row: properties, type and stored ends. `r` must be bound. */
const REL_FIELDS = `${REL_PROPS} AS props,
  type(r) AS type, startNode(r).id AS source, endNode(r).id AS target`;

/**
 * Relationship filter on `r`: `$types` (always a list), `$fromDay`/`$toDay`
 * (the day range the active interval must overlap, or null), `$datedOnly`
 * (leave out relationships without a start) and `$sourceId`.
 */
const REL_FILTER = `type(r) IN $types
  AND ($datedOnly = false OR r.start IS NOT NULL)
  AND ($toDay IS NULL OR r.startDay IS NULL OR r.startDay <= $toDay)
  AND ($fromDay IS NULL OR r.endDay IS NULL OR r.endDay >= $fromDay)
  AND ($sourceId IS NULL OR $sourceId IN r.citationSources)`;

/** listRelationships order: start date (earliest day, less precise first), undated last, then id. */
const REL_ORDER = 'r.startDay IS NULL, r.startDay, size(r.start), r.id';

// ----- server and schema --------------------------------------------------------

export const HEALTH_CHECK = 'RETURN 1 AS ok';

export const SERVER_COMPONENTS = `CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version, edition`;

export const CREATE_ACTOR_ID_CONSTRAINT = 'CREATE CONSTRAINT steppe_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE';
export const CREATE_SOURCE_ID_CONSTRAINT = 'CREATE CONSTRAINT steppe_source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE';
export const CREATE_CHANGE_SEQ_CONSTRAINT = 'CREATE CONSTRAINT steppe_change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE';
export const CREATE_CHANGE_COUNTER_CONSTRAINT = 'CREATE CONSTRAINT steppe_change_counter IF NOT EXISTS FOR (s:ChangeSeq) REQUIRE s.id IS UNIQUE';
export const CREATE_ACTOR_COUNTRY_INDEX = 'CREATE INDEX steppe_actor_country IF NOT EXISTS FOR (a:Actor) ON (a.country)';
/** Search's substring seeks (FIND_ACTOR_CANDIDATES): a text index answers CONTAINS without reading every actor. */
export const CREATE_ACTOR_SEARCH_TEXT_INDEX = 'CREATE TEXT INDEX steppe_actor_search_text IF NOT EXISTS FOR (a:Actor) ON (a.searchText)';

export const ACTOR_NAMES_INDEX = 'steppe_actor_names';
/** Neo4j 5: full-text index over names and aliases (for Browser/Bloom users and ad-hoc queries). */
export const CREATE_ACTOR_NAMES_FULLTEXT = `CREATE FULLTEXT INDEX ${ACTOR_NAMES_INDEX} IF NOT EXISTS
FOR (a:Actor) ON EACH [a.name, a.aliasesText]`;
/** Neo4j 4.4: the index names, to guard the procedure below (it has no IF NOT EXISTS). */
export const LIST_INDEX_NAMES_LEGACY = 'CALL db.indexes() YIELD name RETURN name';
/** Neo4j 4.4: the same full-text index through the 4.x procedure. */
export const CREATE_ACTOR_NAMES_FULLTEXT_LEGACY = "CALL db.index.fulltext.createNodeIndex($name, ['Actor'], ['name', 'aliasesText'])";

function relIdSchemaName(type: RelationshipType): string {
  return `steppe_rel_id_${type.toLowerCase()}`;
}

/** Neo4j 5.7+: relationship property uniqueness for one type. */
export function relationshipIdConstraintStatement(type: RelationshipType): string {
  return `CREATE CONSTRAINT ${relIdSchemaName(type)}_unique IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`;
}

/** Neo4j 4.4 – 5.6: an index on the relationship id (uniqueness is checked by the app). */
export function relationshipIdIndexStatement(type: RelationshipType): string {
  return `CREATE INDEX ${relIdSchemaName(type)} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`;
}

/** Drops the plain index before the constraint replaces it (a server upgraded past 5.7). */
export function dropRelationshipIdIndexStatement(type: RelationshipType): string {
  return `DROP INDEX ${relIdSchemaName(type)} IF EXISTS`;
}

// ----- actors -----------------------------------------------------------------

export const GET_ACTORS = `UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN ${ACTOR_FIELDS} AS actor`;

/** Name listing: ids and names only, sorted by the shared ranking in the app. */
export const LIST_ACTOR_NAMES = `MATCH (a:Actor)
WHERE $kinds IS NULL OR a.kind IN $kinds
RETURN a.id AS id, a.name AS name`;

/**
 * Search candidates: `$terms` holds, per query word, alternatives of which one
 * must hold, each a list of fragments that must all occur in the actor's names;
 * a fragment opening with `$wordStart` must start a word, so the names are
 * matched with that mark before every word (graph/neo4j/search-fragments.ts).
 * The app ranks the candidates with graph/core/search.ts, then fetches the
 * page's actors whole.
 */
const CANDIDATE_FILTER = `WITH a, $wordStart + replace(a.searchText, $lineBreak, $lineBreak + $wordStart) AS words
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND all(word IN $terms WHERE any(alternative IN word WHERE all(fragment IN alternative WHERE words CONTAINS fragment)))`;

/** Candidates carry only their names, which is all ranking reads. */
const CANDIDATE_NAMES = 'a.id AS id, a.name AS name, a.aliases AS aliases';

/**
 * Search candidates through the text index: every candidate contains one of
 * `$contains` or starts with one of `$starts` (one query word's fragments), so
 * the filter reads only the actors those seeks find. A plain UNION rather than
 * a subquery: 4.4 has no `CALL () {}` and 5 deprecates `CALL {}` without it;
 * UNION drops the rows both halves find.
 */
export const FIND_ACTOR_CANDIDATES = `UNWIND $contains AS fragment
MATCH (a:Actor) WHERE a.searchText CONTAINS fragment
${CANDIDATE_FILTER}
RETURN ${CANDIDATE_NAMES}
UNION
UNWIND $starts AS fragment
MATCH (a:Actor) WHERE a.searchText STARTS WITH fragment
${CANDIDATE_FILTER}
RETURN ${CANDIDATE_NAMES}`;

export const CITIZENS_OF = `UNWIND $ids AS id
MATCH (a:Actor {country: id})
RETURN ${ACTOR_FIELDS} AS actor`;

export const ACTOR_LABELS = Object.fromEntries(
  ACTOR_KINDS.map((k) => [k, k.charAt(0) + k.slice(1).toLowerCase()]),
) as Record<ActorKind, string>;

/** Creates or replaces actors: all properties from `row.props`, plus exactly one kind label. */
export const UPSERT_ACTORS = `UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a = row.props
REMOVE a${ACTOR_KINDS.map((k) => `:${ACTOR_LABELS[k]}`).join('')}
${ACTOR_KINDS.map((k) => `FOREACH (ignored IN CASE WHEN row.kind = '${k}' THEN [1] ELSE [] END | SET a:${ACTOR_LABELS[k]})`).join('\n')}`;

/** Actors of one kind the write's reads showed are new: no MERGE lookup, no label juggling. */
export function createActorsStatement(kind: ActorKind): string {
  return `UNWIND $rows AS row
CREATE (a:Actor:${ACTOR_LABELS[kind]})
SET a = row.props`;
}

export const DELETE_ACTORS = `UNWIND $ids AS id
MATCH (a:Actor {id: id})
DETACH DELETE a`;

// ----- sources ------------------------------------------------------------------

export const GET_SOURCES = `UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s{.*} AS source`;

export const LIST_SOURCES = `MATCH (s:Source)
RETURN s{.*} AS source
ORDER BY s.id`;

export const UPSERT_SOURCES = `UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row`;

export const DELETE_SOURCES = `UNWIND $ids AS id
MATCH (s:Source {id: id})
DELETE s`;

// ----- source texts (evidence intake) ------------------------------------------------

export const CREATE_SOURCE_TEXT_ID_CONSTRAINT = 'CREATE CONSTRAINT steppe_source_text_id IF NOT EXISTS FOR (t:SourceText) REQUIRE t.id IS UNIQUE';

export const GET_SOURCE_TEXTS = `UNWIND $ids AS id
MATCH (t:SourceText {id: id})
RETURN t.id AS id, t.text AS text, t.updatedAt AS updatedAt`;

export const SOURCE_TEXT_INFO = `UNWIND $ids AS id
MATCH (t:SourceText {id: id})
RETURN t.id AS sourceId, t.length AS length, t.updatedAt AS updatedAt`;

export const SET_SOURCE_TEXT = `MERGE (t:SourceText {id: $id})
SET t.text = $text, t.length = $length, t.updatedAt = $updatedAt`;

export const DELETE_SOURCE_TEXTS = `UNWIND $ids AS id
MATCH (t:SourceText {id: id})
DELETE t`;

// ----- end source texts -------------------------------------------------------------

// ----- relationships ---------------------------------------------------------------
// Reads keyed by actor or relationship id carry USING INDEX: with an anonymous (:Actor) at the
// other end, Neo4j 5.26's planner was seen to scan the whole Actor(id) index and filter instead
// of seeking (tests/neo4j/query-plans.test.ts profiles them). The hinted indexes always exist
// (migrations), and hints read the same on 4.4.

/** By id, whatever the type: one index-backed branch per type. */
export const GET_RELATIONSHIPS = RELATIONSHIP_TYPES.map(
  (type) => `MATCH (:Actor)-[r:${type}]->(:Actor)
USING INDEX r:${type}(id)
WHERE r.id IN $ids
RETURN ${REL_FIELDS}`,
).join('\nUNION ALL\n');

/** Whether the database holds any relationship, from Neo4j's count store (no scan): see fetchRelationships. */
export const ANY_RELATIONSHIPS = `MATCH ()-[r]->()
RETURN count(r) AS count`;

export const COUNT_RELATIONSHIPS = `MATCH (:Actor)-[r]->(:Actor)
WHERE ${REL_FILTER}
RETURN count(r) AS count`;

export const LIST_RELATIONSHIPS = `MATCH (:Actor)-[r]->(:Actor)
WHERE ${REL_FILTER}
RETURN ${REL_FIELDS}
ORDER BY ${REL_ORDER}
SKIP $skip LIMIT $limit`;

export const COUNT_RELATIONSHIPS_OF_ACTOR = `MATCH (a:Actor {id: $actorId})-[r]-(:Actor)
USING INDEX a:Actor(id)
WHERE ${REL_FILTER}
RETURN count(r) AS count`;

export const LIST_RELATIONSHIPS_OF_ACTOR = `MATCH (a:Actor {id: $actorId})-[r]-(:Actor)
USING INDEX a:Actor(id)
WHERE ${REL_FILTER}
RETURN ${REL_FIELDS}
ORDER BY ${REL_ORDER}
SKIP $skip LIMIT $limit`;

/** Every matching relationship, unordered (stats with a filter). */
export const FILTERED_RELATIONSHIPS = `MATCH (:Actor)-[r]->(:Actor)
WHERE ${REL_FILTER}
RETURN ${REL_FIELDS}`;

export const FILTERED_RELATIONSHIPS_OF_ACTOR = `MATCH (a:Actor {id: $actorId})-[r]-(:Actor)
USING INDEX a:Actor(id)
WHERE ${REL_FILTER}
RETURN ${REL_FIELDS}`;

/** Filtered relationships at either end of each actor in `$ids`, tagged with that actor. */
export const RELATIONSHIPS_OF_ACTORS = `UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r]-(:Actor)
USING INDEX a:Actor(id)
WHERE ${REL_FILTER}
RETURN id AS actorId, ${REL_FIELDS}`;

/**
 * A neighbourhood's records in one pass: each actor in `$ids`, found by one
 * seek, with `out`, its filtered outgoing relationships whose far end is one
 * of those actors (so each relationship among them once: `{props, type,
 * target}`). Rows come in no particular order; the app orders them.
 * The far end is tested by identity against the collected nodes, so the
 * server reads no property of the many far ends that are not among them.
 * At 100 000 actors, for 60 depth-2 neighbourhoods of up to 500 actors, the
 * server took 972–1,089 ms in all, against 1,510–1,693 ms testing `b.id IN $ids`
 * and 1,554–1,678 ms for the earlier pair (the actors, then the relationships by id).
 */
export const ACTORS_AND_RELATIONSHIPS_AMONG = `UNWIND $ids AS id
MATCH (a:Actor {id: id})
WITH collect(a) AS nodes
UNWIND nodes AS a
RETURN ${ACTOR_FIELDS} AS actor,
  [(a)-[r]->(b) WHERE b IN nodes AND ${REL_FILTER} | {props: ${REL_PROPS}, type: type(r), target: b.id}] AS out`;

export const RELATIONSHIPS_CITING_SOURCE = `MATCH (:Actor)-[r]->(:Actor)
WHERE type(r) IN $types AND $sourceId IN r.citationSources
RETURN ${REL_FIELDS}
ORDER BY r.id`;

export const ALL_RELATIONSHIPS = `MATCH (:Actor)-[r]->(:Actor)
WHERE type(r) IN $types
RETURN ${REL_FIELDS}
ORDER BY r.id`;

export const ALL_ACTORS = `MATCH (a:Actor)
RETURN ${ACTOR_FIELDS} AS actor
ORDER BY a.id`;

/** Replaces nothing: removes relationships of one type by id. */
export function deleteRelationshipsStatement(type: RelationshipType): string {
  return `MATCH (:Actor)-[r:${type}]->(:Actor)
WHERE r.id IN $ids
DELETE r`;
}

/** Creates or updates relationships of one type between existing actors (idempotent). */
export function mergeRelationshipsStatement(type: RelationshipType): string {
  return `UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
MERGE (a)-[r:${type} {id: row.id}]->(b)
SET r = row.props`;
}

/**
 * For relationships the write's reads showed do not exist: CREATE skips
 * MERGE's search for an existing edge and the locks it takes. With actors
 * created the same way, importGraph of 100 000 actors / 500 000
 * relationships went from 119 s to 82 s.
 */
export function createRelationshipsStatement(type: RelationshipType): string {
  return `UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
CREATE (a)-[r:${type}]->(b)
SET r = row.props`;
}

// ----- traversal ------------------------------------------------------------------

/** One breadth-first level: filtered edges at each actor in `$ids`, with the actor at the other end. */
export const ADJACENCY = `UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r]-(other:Actor)
USING INDEX a:Actor(id)
WHERE ${REL_FILTER}
RETURN id AS actorId, r.id AS relId, other.id AS otherId`;

/**
 * Degrees, Neo4j 5. An actor's degree counts its relationships of Steppe's
 * types, at either end (the far end needs no label: Steppe's types only ever
 * join two actors). While the database holds no other relationship type,
 * which `db.relationshipTypes()` tells (it lists only the types in use), that
 * is the node's whole degree, which Neo4j reads from its degree store
 * (`getDegree`, one read per actor) instead of expanding every relationship;
 * otherwise they are counted by expanding them. `degreeOf(x)` is the
 * expression; ONLY_STEPPE_TYPES binds the `onlySteppe` it reads.
 * At 100 000 actors, the second level of 60 depth-2 neighbourhoods took the
 * server 243–354 ms in all against 560–663 ms when every relationship was
 * expanded and counted.
 */
const ONLY_STEPPE_TYPES = `CALL {
  CALL db.relationshipTypes() YIELD relationshipType
  WITH relationshipType WHERE NOT relationshipType IN $steppeTypes
  RETURN count(*) = 0 AS onlySteppe
}`;
const degreeOf = (x: string) => `CASE WHEN onlySteppe THEN COUNT { (${x})--() } ELSE COUNT { (${x})-[d]-() WHERE type(d) IN $steppeTypes } END`;

/** Neo4j 4.4 (no COUNT {} subqueries): the same degree by expanding the relationships of Steppe's types. */
const STEPPE_TYPES_PATTERN = RELATIONSHIP_TYPES.join('|');

/**
 * The next level of a neighbourhood's breadth-first walk: the actors a
 * filtered relationship joins to `$frontier` that are not `$seen`, each once,
 * with its degree (as DEGREES counts it), best connected first, then by
 * id (ids are ASCII slugs, so Cypher's order is the app's); only actors of
 * `$kinds` (null: any), at most `$limit`. An actor of an excluded kind is
 * excluded at every level, so it is never walked through and never needs to be
 * `$seen`. The server deduplicates, counts and orders, so only the level's
 * chosen actors travel, not every edge of the frontier, and degrees need no
 * second round trip. Neo4j 5; NEXT_LEVEL_LEGACY is the same for 4.4.
 */
export const NEXT_LEVEL = `${ONLY_STEPPE_TYPES}
UNWIND $frontier AS id
MATCH (a:Actor {id: id})-[r]-(o:Actor)
USING INDEX a:Actor(id)
WHERE ${REL_FILTER} AND NOT o.id IN $seen
WITH DISTINCT o, onlySteppe
WHERE $kinds IS NULL OR o.kind IN $kinds
WITH o, ${degreeOf('o')} AS degree
RETURN o.id AS actorId, degree
ORDER BY degree DESC, actorId
LIMIT $limit`;

export const NEXT_LEVEL_LEGACY = `UNWIND $frontier AS id
MATCH (a:Actor {id: id})-[r]-(o:Actor)
USING INDEX a:Actor(id)
WHERE ${REL_FILTER} AND NOT o.id IN $seen
WITH DISTINCT o
WHERE $kinds IS NULL OR o.kind IN $kinds
OPTIONAL MATCH (o)-[d:${STEPPE_TYPES_PATTERN}]-()
WITH o, count(d) AS degree
RETURN o.id AS actorId, degree
ORDER BY degree DESC, actorId
LIMIT $limit`;

/** The degree of each actor in `$ids` (see ONLY_STEPPE_TYPES). Neo4j 5; DEGREES_LEGACY is the same for 4.4. */
export const DEGREES = `${ONLY_STEPPE_TYPES}
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN id AS actorId, ${degreeOf('a')} AS degree`;

export const DEGREES_LEGACY = `UNWIND $ids AS id
MATCH (a:Actor {id: id})
OPTIONAL MATCH (a)-[r:${STEPPE_TYPES_PATTERN}]-()
RETURN id AS actorId, count(r) AS degree`;

export interface DegreeStatements {
  nextLevel: string;
  degrees: string;
}

/** Statements only Neo4j 5 runs, each with its 4.4 twin: degreeStatements and the migration plan choose by server version. */
export const NEO4J_5_ONLY: Readonly<Record<string, string>> = {
  NEXT_LEVEL: 'NEXT_LEVEL_LEGACY',
  DEGREES: 'DEGREES_LEGACY',
  CREATE_ACTOR_NAMES_FULLTEXT: 'CREATE_ACTOR_NAMES_FULLTEXT_LEGACY',
};

/** The degree statements for a server: Neo4j 5 reads degrees from its degree store, 4.4 counts relationships. Both take `$steppeTypes`. */
export function degreeStatements(server: { major: number }): DegreeStatements {
  return server.major >= 5 ? { nextLevel: NEXT_LEVEL, degrees: DEGREES } : { nextLevel: NEXT_LEVEL_LEGACY, degrees: DEGREES_LEGACY };
}

// ----- timeline and stats ------------------------------------------------------------

/** Relationships with a start or end whose day range overlaps [$fromDay, $toDay]. */
const EVENT_IN_RANGE = `((r.start IS NOT NULL AND r.startDay <= $toDay AND r.startDayLatest >= $fromDay)
    OR (r.end IS NOT NULL AND r.endDayEarliest <= $toDay AND r.endDay >= $fromDay))`;

export const TIMELINE_RELATIONSHIPS = `MATCH (:Actor)-[r]->(:Actor)
WHERE type(r) IN $types AND ${EVENT_IN_RANGE}
RETURN ${REL_FIELDS}`;

export const TIMELINE_RELATIONSHIPS_OF_ACTORS = `UNWIND $actorIds AS id
MATCH (a:Actor {id: id})-[r]-(:Actor)
USING INDEX a:Actor(id)
WHERE type(r) IN $types AND ${EVENT_IN_RANGE}
RETURN DISTINCT ${REL_FIELDS}`;

export const COUNT_ACTORS_BY_KIND = `MATCH (a:Actor)
RETURN a.kind AS kind, count(a) AS count`;

export const COUNT_SOURCES = `MATCH (s:Source)
RETURN count(s) AS count`;

export const COUNT_RELATIONSHIPS_BY_TYPE = `MATCH (:Actor)-[r]->(:Actor)
WHERE type(r) IN $types
RETURN type(r) AS type, count(r) AS count`;

export const MOST_CONNECTED = `MATCH (a:Actor)-[r]-(:Actor)
WHERE type(r) IN $types
WITH a, count(r) AS degree
ORDER BY degree DESC, a.id
LIMIT $top
RETURN ${ACTOR_FIELDS} AS actor, degree`;

export const RELATIONSHIP_DATES = `MATCH (:Actor)-[r]->(:Actor)
WHERE type(r) IN $types
WITH collect(DISTINCT r.start) + collect(DISTINCT r.end) AS dates
RETURN dates`;

// ----- change log ---------------------------------------------------------------------

export const CHANGE_COUNTER_ID = 'steppe';

/**
 * Taken first by every write: the SET write-locks the counter node until the
 * transaction ends, so Steppe writes are serialised and the app's checks
 * (relationship id uniqueness across types, endpoint kinds) cannot race.
 */
export const LOCK_CHANGE_LOG = `MERGE (s:ChangeSeq {id: $counterId})
ON CREATE SET s.value = 0
SET s.lockedAt = $at
RETURN s.value AS value`;

export const APPEND_CHANGES = `MATCH (s:ChangeSeq {id: $counterId})
SET s.value = $lastSeq
WITH s
UNWIND $changes AS change
CREATE (c:Change)
SET c = change`;

export const COUNT_CHANGES = `MATCH (c:Change)
RETURN count(c) AS count`;

export const LIST_CHANGES = `MATCH (c:Change)
RETURN c{.*} AS change
ORDER BY c.seq
SKIP $skip LIMIT $limit`;

// ----- curated maps --------------------------------------------------------------------------
// A map is one (:CuratedMap {id, title, createdAt, updatedAt, actorIds, body}) node; `body` is the
// whole record as JSON (Neo4j cannot nest maps), the other properties serve order and lookup.

export const CREATE_MAP_ID_CONSTRAINT = 'CREATE CONSTRAINT steppe_map_id IF NOT EXISTS FOR (m:CuratedMap) REQUIRE m.id IS UNIQUE';

export const GET_MAPS = `UNWIND $ids AS id
MATCH (m:CuratedMap {id: id})
RETURN m.body AS body`;

/** Maps showing any of these actors (a merge re-points them). */
export const MAPS_SHOWING_ACTORS = `UNWIND $ids AS id
MATCH (m:CuratedMap)
WHERE id IN m.actorIds
RETURN DISTINCT m.body AS body`;

export const COUNT_MAPS = `MATCH (m:CuratedMap)
RETURN count(m) AS count`;

/** listMaps order: most recently updated first, then id. */
export const LIST_MAPS = `MATCH (m:CuratedMap)
RETURN m.body AS body
ORDER BY m.updatedAt DESC, m.id
SKIP $skip LIMIT $limit`;

export const ALL_MAPS = `MATCH (m:CuratedMap)
RETURN m.body AS body
ORDER BY m.id`;

export const UPSERT_MAPS = `UNWIND $rows AS row
MERGE (m:CuratedMap {id: row.id})
SET m = row`;

export const DELETE_MAPS = `UNWIND $ids AS id
MATCH (m:CuratedMap {id: id})
DELETE m`;

// ----- tests only -------------------------------------------------------------------------

/** Removes every Steppe node (integration tests wipe the database between cases). */
export const DELETE_ALL_STEPPE_DATA = `MATCH (n)
WHERE n:Actor OR n:Source OR n:SourceText OR n:Change OR n:ChangeSeq OR n:CuratedMap
DETACH DELETE n`;

// ----- listing ------------------------------------------------------------------------------

const STATIC_STATEMENTS: Record<string, string> = {
  HEALTH_CHECK,
  SERVER_COMPONENTS,
  CREATE_ACTOR_ID_CONSTRAINT,
  CREATE_SOURCE_ID_CONSTRAINT,
  CREATE_CHANGE_SEQ_CONSTRAINT,
  CREATE_CHANGE_COUNTER_CONSTRAINT,
  CREATE_ACTOR_COUNTRY_INDEX,
  CREATE_ACTOR_SEARCH_TEXT_INDEX,
  CREATE_ACTOR_NAMES_FULLTEXT,
  LIST_INDEX_NAMES_LEGACY,
  CREATE_ACTOR_NAMES_FULLTEXT_LEGACY,
  GET_ACTORS,
  LIST_ACTOR_NAMES,
  FIND_ACTOR_CANDIDATES,
  CITIZENS_OF,
  UPSERT_ACTORS,
  DELETE_ACTORS,
  GET_SOURCES,
  LIST_SOURCES,
  UPSERT_SOURCES,
  DELETE_SOURCES,
  CREATE_SOURCE_TEXT_ID_CONSTRAINT,
  GET_SOURCE_TEXTS,
  SOURCE_TEXT_INFO,
  SET_SOURCE_TEXT,
  DELETE_SOURCE_TEXTS,
  GET_RELATIONSHIPS,
  ANY_RELATIONSHIPS,
  COUNT_RELATIONSHIPS,
  LIST_RELATIONSHIPS,
  COUNT_RELATIONSHIPS_OF_ACTOR,
  LIST_RELATIONSHIPS_OF_ACTOR,
  FILTERED_RELATIONSHIPS,
  FILTERED_RELATIONSHIPS_OF_ACTOR,
  RELATIONSHIPS_OF_ACTORS,
  ACTORS_AND_RELATIONSHIPS_AMONG,
  RELATIONSHIPS_CITING_SOURCE,
  ALL_RELATIONSHIPS,
  ALL_ACTORS,
  ADJACENCY,
  NEXT_LEVEL,
  NEXT_LEVEL_LEGACY,
  DEGREES,
  DEGREES_LEGACY,
  TIMELINE_RELATIONSHIPS,
  TIMELINE_RELATIONSHIPS_OF_ACTORS,
  COUNT_ACTORS_BY_KIND,
  COUNT_SOURCES,
  COUNT_RELATIONSHIPS_BY_TYPE,
  MOST_CONNECTED,
  RELATIONSHIP_DATES,
  LOCK_CHANGE_LOG,
  APPEND_CHANGES,
  COUNT_CHANGES,
  LIST_CHANGES,
  CREATE_MAP_ID_CONSTRAINT,
  GET_MAPS,
  MAPS_SHOWING_ACTORS,
  COUNT_MAPS,
  LIST_MAPS,
  ALL_MAPS,
  UPSERT_MAPS,
  DELETE_MAPS,
  DELETE_ALL_STEPPE_DATA,
};

const GENERATED: { name: string; make: (type: RelationshipType) => string }[] = [
  { name: 'relationshipIdConstraintStatement', make: relationshipIdConstraintStatement },
  { name: 'relationshipIdIndexStatement', make: relationshipIdIndexStatement },
  { name: 'dropRelationshipIdIndexStatement', make: dropRelationshipIdIndexStatement },
  { name: 'deleteRelationshipsStatement', make: deleteRelationshipsStatement },
  { name: 'mergeRelationshipsStatement', make: mergeRelationshipsStatement },
  { name: 'createRelationshipsStatement', make: createRelationshipsStatement },
];

/** Every statement this adapter can run, including each generated per-type and per-kind variant. */
export function allStatements(): { name: string; cypher: string }[] {
  const out = Object.entries(STATIC_STATEMENTS).map(([name, cypher]) => ({ name, cypher }));
  for (const g of GENERATED) for (const type of RELATIONSHIP_TYPES) out.push({ name: `${g.name}(${type})`, cypher: g.make(type) });
  for (const kind of ACTOR_KINDS) out.push({ name: `createActorsStatement(${kind})`, cypher: createActorsStatement(kind) });
  return out;
}

const NAMES = new Map(allStatements().map((s) => [s.cypher, s.name]));

/** The name of a statement, for error messages that must not quote Cypher. */
export function statementName(cypher: string): string {
  return NAMES.get(cypher) ?? 'unnamed statement';
}

/**
 * Conversions between Steppe records and Neo4j property maps. Neo4j drops
 * null properties and cannot nest maps, so optional fields are left out,
 * citations travel as JSON (plus a list of cited source ids for filters) and
 * each relationship carries the day bounds its filters compare.
 */
import { earliestDay, latestDay, type Actor, type ActorKind, type Citation, type Relationship, type RelationshipType, type Source } from '../core/model';
import type { CuratedMap } from '../core/maps';
import { normalizeText } from '../core/search';
import type { Change, ChangeOp } from '../core/store';
import type { Row } from './executor';
import { int } from './executor';

type Props = Record<string, unknown>;

function defined(obj: Props): Props {
  const out: Props = {};
  // for…in, not Object.entries: no array per field, and every record of every read passes here.
  for (const k in obj) {
    const v = obj[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A stored `version` (a Neo4j integer); nodes written before versions have none and read as 1. */
function versionFrom(v: unknown): number {
  return v === undefined || v === null ? 1 : Number(v);
}

// ----- actors ----------------------------------------------------------------------

/** What separates an actor's names in `searchText`. */
export const SEARCH_TEXT_LINE_BREAK = '\n';

/** Normalized name and aliases, one per line: what search candidates are matched against. */
export function searchTextOf(actor: Pick<Actor, 'name' | 'aliases'>): string {
  return [actor.name, ...actor.aliases].map(normalizeText).join(SEARCH_TEXT_LINE_BREAK);
}

/** A row for UPSERT_ACTORS: `{id, kind, props}`. Empty lists are left out (read back as `[]`). */
export function actorRow(a: Actor): { id: string; kind: ActorKind; props: Props } {
  return {
    id: a.id,
    kind: a.kind,
    props: defined({
      id: a.id,
      kind: a.kind,
      name: a.name,
      category: a.category,
      aliases: a.aliases.length ? a.aliases : undefined,
      summary: a.summary,
      country: a.country,
      tags: a.tags.length ? a.tags : undefined,
      searchText: searchTextOf(a),
      aliasesText: a.aliases.join('\n'),
      version: int(a.version ?? 1),
    }),
  };
}

/** An actor from an ACTOR_FIELDS projection (its properties in ACTOR_COLUMNS order), keys in `validateActor` order. */
export function actorFrom(columns: unknown): Actor {
  const [id, kind, name, category, aliases, summary, country, tags, version] = columns as unknown[];
  return defined({
    id: String(id),
    kind: kind as ActorKind,
    name: String(name),
    category: str(category),
    aliases: Array.isArray(aliases) ? aliases.map(String) : [],
    summary: str(summary),
    country: str(country),
    tags: Array.isArray(tags) ? tags.map(String) : [],
    version: versionFrom(version),
  }) as unknown as Actor;
}

// ----- sources ---------------------------------------------------------------------

export function sourceRow(s: Source): Props {
  return defined({
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    authors: s.authors,
    published: s.published,
    updated: s.updated,
    url: s.url,
    textKind: s.textKind,
    textNote: s.textNote,
    version: int(s.version ?? 1),
  });
}

export function sourceFrom(m: unknown): Source {
  const p = m as Props;
  return defined({
    id: String(p.id),
    title: String(p.title),
    publisher: str(p.publisher),
    // Nodes written before `authors` carry a single `author` string.
    authors: Array.isArray(p.authors) ? p.authors.map(String) : typeof p.author === 'string' ? [p.author] : undefined,
    published: str(p.published),
    updated: str(p.updated),
    url: str(p.url),
    textKind: str(p.textKind),
    textNote: str(p.textNote),
    version: versionFrom(p.version),
  }) as unknown as Source;
}

// ----- relationships ------------------------------------------------------------------

/** A row for `mergeRelationshipsStatement(type)`: `{id, source, target, props}`. */
export function relationshipRow(r: Relationship): { id: string; source: string; target: string; props: Props } {
  return {
    id: r.id,
    source: r.source,
    target: r.target,
    props: defined({
      id: r.id,
      role: r.role,
      start: r.start,
      end: r.end,
      startDay: r.start ? earliestDay(r.start) : undefined,
      startDayLatest: r.start ? latestDay(r.start) : undefined,
      endDayEarliest: r.end ? earliestDay(r.end) : undefined,
      endDay: r.end ? latestDay(r.end) : undefined,
      amount: r.amount,
      currency: r.currency,
      citations: JSON.stringify(r.citations),
      citationSources: [...new Set(r.citations.map((c) => c.sourceId))],
      version: int(r.version ?? 1),
    }),
  };
}

/** A relationship from a REL_FIELDS row (`props` in RELATIONSHIP_COLUMNS order, `type`, `source`, `target`), keys in `validateRelationship` order. */
export function relationshipFrom(row: Row): Relationship {
  const [id, role, start, end, amount, currency, citations, version] = row.props as unknown[];
  return defined({
    id: String(id),
    type: row.type as RelationshipType,
    source: String(row.source),
    target: String(row.target),
    role: str(role),
    start: str(start),
    end: str(end),
    amount: typeof amount === 'number' ? amount : undefined,
    currency: str(currency),
    citations: (JSON.parse(String(citations)) as Citation[]).map((c) => ({ sourceId: c.sourceId, excerpt: c.excerpt })),
    version: versionFrom(version),
  }) as unknown as Relationship;
}

// ----- change log ----------------------------------------------------------------------

export function changeRow(c: Change): Props {
  return defined({
    seq: int(c.seq),
    at: c.at,
    op: c.op,
    entityId: c.entityId,
    before: c.before === undefined ? undefined : JSON.stringify(c.before),
    after: c.after === undefined ? undefined : JSON.stringify(c.after),
    by: c.by,
  });
}

export function changeFrom(m: unknown): Change {
  const p = m as Props;
  const c: Change = { seq: Number(p.seq), at: String(p.at), op: p.op as ChangeOp, entityId: String(p.entityId ?? '') };
  if (typeof p.before === 'string') c.before = JSON.parse(p.before);
  if (typeof p.after === 'string') c.after = JSON.parse(p.after);
  if (typeof p.by === 'string') c.by = p.by;
  return c;
}

// ----- curated maps --------------------------------------------------------------------

/** A row for UPSERT_MAPS: lookup and order keys, the actors shown (for merges), and the whole record as JSON. */
export function mapRow(m: CuratedMap): Props {
  return { id: m.id, title: m.title, createdAt: m.createdAt, updatedAt: m.updatedAt, actorIds: m.nodes.map((n) => n.actorId), body: JSON.stringify(m) };
}

/** A stored map; maps saved before versions read as version 1. */
export function mapFrom(body: unknown): CuratedMap {
  const map = JSON.parse(String(body)) as CuratedMap;
  if (map.version === undefined) map.version = 1;
  return map;
}

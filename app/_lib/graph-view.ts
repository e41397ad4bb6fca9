/**
 * What the canvas should hold and show: the union of the loaded subgraphs
 * (focus, expansions, paths) and, under the current filters, which elements
 * are hidden and which nodes are left without any relationship in force.
 * Pure functions, shared by the canvas, the legend counts and the JSON export.
 */
import { comparePartialDates, inForceAsOf, isDated, type ActorKind, type PartialDate, type RelationshipType, type UndatedMode } from '@/graph/core/model';
import { formatPartialDate } from '@/app/_reference/format';
import type { ActorRecord, RelationshipRecord, SourceRecord, Subgraph } from './queries';

export interface LoadedGraph {
  actors: Map<string, ActorRecord>;
  relationships: Map<string, RelationshipRecord>;
}

/** Union of subgraphs; a record seen twice is kept once (the first copy). */
export function mergeSubgraphs(parts: readonly (Subgraph | undefined)[]): LoadedGraph {
  const actors = new Map<string, ActorRecord>();
  const relationships = new Map<string, RelationshipRecord>();
  for (const part of parts) {
    if (!part) continue;
    for (const a of part.actors) if (!actors.has(a.id)) actors.set(a.id, a);
    for (const r of part.relationships) if (!relationships.has(r.id)) relationships.set(r.id, r);
  }
  // An edge is drawable only when both ends are loaded.
  for (const [id, r] of relationships) if (!actors.has(r.source.id) || !actors.has(r.target.id)) relationships.delete(id);
  return { actors, relationships };
}

export interface Filters {
  hiddenTypes: readonly RelationshipType[];
  hiddenKinds: readonly ActorKind[];
  asOf: string | null;
  /** Under a date: hide relationships without a start (HIDE), or show them marked as undated (SHOW). */
  undated: UndatedMode;
}

export interface Visibility {
  /** Element ids (actors and relationships) a filter hides. */
  hidden: Set<string>;
  /** Shown actors with no shown relationship (other than those in `keepLit`): drawn faded. */
  dormant: Set<string>;
  /** Shown relationships without a start under a date (SHOW): drawn as "date unknown", never as in force. */
  undated: Set<string>;
  /** Relationships that pass the kind and date filters, whatever their type: what the legend counts. */
  countable: Set<string>;
}

/**
 * A relationship is hidden when its type is hidden, either end's kind is
 * hidden, or it is not in force as of the chosen date (model.ts semantics,
 * with the view's undated mode). An actor is hidden when its kind is hidden.
 */
export function computeVisibility(graph: LoadedGraph, filters: Filters, keepLit: ReadonlySet<string> = new Set()): Visibility {
  const hiddenTypes = new Set(filters.hiddenTypes);
  const hiddenKinds = new Set(filters.hiddenKinds);
  const hidden = new Set<string>();
  const lit = new Set<string>();
  const undated = new Set<string>();
  const countable = new Set<string>();
  for (const a of graph.actors.values()) if (hiddenKinds.has(a.kind)) hidden.add(a.id);
  for (const r of graph.relationships.values()) {
    const inForce = filters.asOf === null || inForceAsOf({ start: r.start ?? undefined, end: r.end ?? undefined }, filters.asOf, filters.undated);
    const kindOff = hidden.has(r.source.id) || hidden.has(r.target.id);
    if (inForce && !kindOff) countable.add(r.id);
    if (hiddenTypes.has(r.type) || kindOff || !inForce) hidden.add(r.id);
    else {
      if (filters.asOf !== null && !isDated(r)) undated.add(r.id);
      lit.add(r.source.id);
      lit.add(r.target.id);
    }
  }
  const dormant = new Set<string>();
  for (const id of graph.actors.keys()) if (!hidden.has(id) && !lit.has(id) && !keepLit.has(id)) dormant.add(id);
  return { hidden, dormant, undated, countable };
}

/**
 * Counts per kind and type for the legend: with a visibility, only what the
 * kind and date filters let through (so counts follow the date), whatever
 * types are switched off; without one, everything loaded.
 */
export function countByKindAndType(graph: LoadedGraph, visibility?: Visibility): { kinds: Map<ActorKind, number>; types: Map<RelationshipType, number> } {
  const kinds = new Map<ActorKind, number>();
  const types = new Map<RelationshipType, number>();
  for (const a of graph.actors.values()) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  for (const r of graph.relationships.values()) if (!visibility || visibility.countable.has(r.id)) types.set(r.type, (types.get(r.type) ?? 0) + 1);
  return { kinds, types };
}

/** Relationships in the loaded graph without a start date. */
export function undatedCount(graph: LoadedGraph): number {
  let n = 0;
  for (const r of graph.relationships.values()) if (!isDated(r)) n++;
  return n;
}

/** The earliest and latest start or end among the loaded relationships: the slider's default span. Null when none is dated. */
export function datedSpan(graph: LoadedGraph): { min: PartialDate; max: PartialDate } | null {
  let min: PartialDate | null = null;
  let max: PartialDate | null = null;
  for (const r of graph.relationships.values()) {
    for (const d of [r.start, r.end]) {
      if (!d) continue;
      if (min === null || comparePartialDates(d, min) < 0) min = d;
      if (max === null || comparePartialDates(d, max) > 0) max = d;
    }
  }
  return min && max ? { min, max } : null;
}

/**
 * The visible subgraph in the dataset's own record shape (sources, actors,
 * relationships with `sourceId` citations), so an export can be re-imported.
 */
export function visibleSubgraphExport(graph: LoadedGraph, visibility: Visibility) {
  const sources = new Map<string, SourceRecord>();
  const actors = [...graph.actors.values()]
    .filter((a) => !visibility.hidden.has(a.id))
    .map((a) => stripNulls({ id: a.id, kind: a.kind, name: a.name, category: a.category, aliases: a.aliases, summary: a.summary, tags: a.tags }));
  const relationships = [...graph.relationships.values()]
    .filter((r) => !visibility.hidden.has(r.id))
    .map((r) => {
      for (const c of r.citations) sources.set(c.source.id, c.source);
      return stripNulls({
        id: r.id,
        type: r.type,
        source: r.source.id,
        target: r.target.id,
        role: r.role,
        start: r.start,
        end: r.end,
        amount: r.amount,
        currency: r.currency,
        citations: r.citations.map((c) => ({ sourceId: c.source.id, excerpt: c.excerpt })),
      });
    });
  return {
    // Provenance travels with the sources (the model's fields; the derived warning stays out).
    sources: [...sources.values()].map((s) =>
      stripNulls({ id: s.id, title: s.title, publisher: s.publisher, authors: s.authors.length ? s.authors : null, published: s.published, updated: s.updated, url: s.url, textKind: s.textKind, textNote: s.textNote }),
    ),
    actors,
    relationships,
  };
}

function stripNulls<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

/**
 * Types that name one act on one date (an appointment, a visit): their start
 * date is when it happened. The others are states that last ("since 2022").
 */
const EVENT_TYPES: ReadonlySet<RelationshipType> = new Set<RelationshipType>([
  'APPOINTED',
  'DISMISSED',
  'PROSECUTED',
  'SUCCEEDED',
  'INTERVENED_IN',
  'CRITICIZED',
  'VISITED',
  'MET_WITH',
]);

/**
 * Edge label that reads like a sentence fragment between the two names:
 * "appointed · Jan 2022", "member of · since 2019", "allied with". Dates in
 * words; an act's date stands alone, a lasting state's start reads "since".
 * Roles are left to the details panel: in the sources they are phrases, too
 * long to sit on a line.
 */
export function relationshipLabel(r: Pick<RelationshipRecord, 'type' | 'start' | 'end'>, typeLabel: string): string {
  const verb = typeLabel.toLowerCase();
  const start = r.start ? formatPartialDate(r.start) : null;
  const end = r.end ? formatPartialDate(r.end) : null;
  const dates = start && !end && EVENT_TYPES.has(r.type) ? start : formatPeriod(start, end);
  return dates ? `${verb} · ${dates}` : verb;
}

/** `2022-01 – 2023`, `since 2022`, `until 2021`, or '' when undated. */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined): string {
  if (start && end) return start === end ? start : `${start} – ${end}`;
  if (start) return `since ${start}`;
  if (end) return `until ${end}`;
  return '';
}

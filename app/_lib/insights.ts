/**
 * The pure pieces of the explorer's insights: how a centrality score becomes
 * a node size, which colour a community gets, the timeline of the
 * relationships in view and which of its events the date slider is at, and
 * how a diff marks edges on the canvas.
 */
import { comparePartialDates, earliestDay, type PartialDate } from '@/graph/core/model';
import type { RelationshipRecord } from './queries';

export const SIZE_BY = ['none', 'degree', 'betweenness', 'pagerank'] as const;
export type SizeBy = (typeof SIZE_BY)[number];
export const SIZE_BY_LABELS: Record<SizeBy, string> = { none: 'None', degree: 'Degree', betweenness: 'Betweenness', pagerank: 'PageRank' };
/** The API's CentralityMeasure for each choice. */
export const MEASURE: Record<Exclude<SizeBy, 'none'>, 'DEGREE' | 'BETWEENNESS' | 'PAGERANK'> = {
  degree: 'DEGREE',
  betweenness: 'BETWEENNESS',
  pagerank: 'PAGERANK',
};

export const COLOR_BY = ['kind', 'community'] as const;
export type ColorBy = (typeof COLOR_BY)[number];

/** Smallest and largest node scale when sizing by a score. */
export const MIN_SCALE = 0.8;
export const MAX_SCALE = 2.6;

/**
 * Node scale for each scored actor: area grows with the score (scale ∝ √score,
 * so a node twice as central is not drawn four times as large), from MIN_SCALE
 * for the lowest score in `scores` to MAX_SCALE for the highest. Actors
 * without a score (not in the analysed graph) get MIN_SCALE.
 */
export function sizeScales(scores: ReadonlyMap<string, number>, ids: Iterable<string>): Map<string, number> {
  const values = [...scores.values()].filter((v) => Number.isFinite(v) && v >= 0);
  const hi = Math.sqrt(Math.max(0, ...values));
  const lo = Math.sqrt(values.length ? Math.min(...values) : 0);
  const out = new Map<string, number>();
  for (const id of ids) {
    const s = scores.get(id);
    if (s === undefined || hi === lo) {
      out.set(id, s === undefined ? MIN_SCALE : (MIN_SCALE + MAX_SCALE) / 2);
      continue;
    }
    const t = (Math.sqrt(Math.max(0, s)) - lo) / (hi - lo);
    out.set(id, Math.round((MIN_SCALE + t * (MAX_SCALE - MIN_SCALE)) * 100) / 100);
  }
  return out;
}

/**
 * Community colours: Okabe–Ito's colour-blind-safe hues (minus yellow, too
 * light on white) darkened to at least 3:1 against the white canvas (WCAG
 * 1.4.11), then further hues from Paul Tol's muted scheme. Communities past the
 * palette share one neutral grey ("other"): more than a dozen hues cannot be
 * told apart anyway.
 */
export const COMMUNITY_PALETTE = [
  '#0072b2', // blue
  '#c85a00', // orange (vermillion-orange)
  '#00795c', // bluish green
  '#b8477f', // reddish purple
  '#3f7fa6', // sky blue, darkened
  '#a33a1a', // vermillion
  '#332288', // indigo (Tol)
  '#7a6a00', // olive (Tol's sand, darkened)
  '#882255', // wine (Tol)
  '#117733', // green (Tol)
  '#44509c', // slate blue
  '#8a5a2b', // brown
] as const;
export const OTHER_COMMUNITY_COLOR = '#6b7280';

/** Colour of the community with this 0-based id (ids are by size, so the largest get the distinct hues). */
export function communityColor(id: number): string {
  return id >= 0 && id < COMMUNITY_PALETTE.length ? COMMUNITY_PALETTE[id] : OTHER_COMMUNITY_COLOR;
}

export interface TimelineEntry {
  /** `${relationshipId}:start` or `:end`. */
  key: string;
  date: PartialDate;
  kind: 'START' | 'END';
  relationship: RelationshipRecord;
}

/**
 * The dated starts and ends of `relationships`, in the API's timeline order:
 * by date (comparePartialDates), starts before ends, then relationship id.
 */
export function timelineOf(relationships: Iterable<RelationshipRecord>): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const r of relationships) {
    if (r.start) out.push({ key: `${r.id}:start`, date: r.start, kind: 'START', relationship: r });
    if (r.end) out.push({ key: `${r.id}:end`, date: r.end, kind: 'END', relationship: r });
  }
  return out.sort(
    (a, b) =>
      comparePartialDates(a.date, b.date) ||
      (a.kind === b.kind ? 0 : a.kind === 'START' ? -1 : 1) ||
      (a.relationship.id < b.relationship.id ? -1 : a.relationship.id > b.relationship.id ? 1 : 0),
  );
}

/**
 * Index of the event the slider is at: the last event whose date begins on or
 * before the first day of `asOf`; -1 when the slider is before every event.
 * With no date (all dates), the last event.
 */
export function currentEventIndex(events: readonly Pick<TimelineEntry, 'date'>[], asOf: PartialDate | null): number {
  if (asOf === null) return events.length - 1;
  const day = earliestDay(asOf);
  // Events are sorted by earliest day: binary search for the last one at or before `day`.
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (earliestDay(events[mid].date) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export type DiffMark = 'diff-added' | 'diff-removed';

/**
 * Canvas classes for a diff: started relationships are added, ended ones
 * removed. One that started and ended within the range reads as removed: it
 * is gone by the end of the range.
 */
export function diffMarks(diff: { started: readonly { relationship: { id: string } }[]; ended: readonly { relationship: { id: string } }[] }): Map<string, DiffMark> {
  const marks = new Map<string, DiffMark>();
  for (const e of diff.started) marks.set(e.relationship.id, 'diff-added');
  for (const e of diff.ended) marks.set(e.relationship.id, 'diff-removed');
  return marks;
}

/** The diff range to offer: 2022 when the data covers it, otherwise the last year of the data. */
export function defaultDiffRange(range: { min: PartialDate; max: PartialDate } | null): { from: string; to: string } {
  const preferred = { from: '2022-01-01', to: '2022-12-31' };
  if (!range) return preferred;
  const min = earliestDay(range.min);
  const max = earliestDay(range.max);
  if (min <= preferred.from && max >= preferred.from) return preferred;
  const year = max.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

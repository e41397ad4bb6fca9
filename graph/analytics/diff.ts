/**
 * What changed between two dates: relationships that started or ended, and
 * the positions actors gained or lost.
 *
 * Partial dates are periods (`2022` is 1 Jan–31 Dec 2022), and so is the range
 * [from, to]: from the first day of `from` to the last day of `to`. A start or
 * end counts as *within* the range when its whole period lies inside it, i.e.
 * it certainly happened in the range. For 2022-01-01 … 2022-12-31, starts of
 * `2022`, `2022-01` and `2022-03-05` are within; `2021` and `2021-12-31` are not.
 * A date whose period only partly overlaps the range (a start of `2022` against
 * March–December 2022) may or may not have fallen inside it: it is listed under
 * `uncertain` instead, so nothing is silently dropped and nothing is claimed.
 * Undated starts and ends never appear.
 *
 * Positions, per actor, from dates within the range only:
 * - HOLDS_POSITION: the holder (source) gains the post at its start and loses it at its end.
 * - APPOINTED: the appointee (target) gains the post at its start and loses it at its end.
 * - DISMISSED: the dismissed (target) loses the post at its start.
 */
import { comparePartialDates, earliestDay, latestDay, type PartialDate, type Relationship, type RelationshipType } from '../core/model';
import type { GraphStore, TimelineEvent } from '../core/store';
import { checkRange } from './options';

export interface PositionChange {
  type: Extract<RelationshipType, 'HOLDS_POSITION' | 'APPOINTED' | 'DISMISSED'>;
  date: PartialDate;
  /** The post, from the relationship's role, when it names one. */
  role: string | null;
  /** HOLDS_POSITION: the institution or state; APPOINTED / DISMISSED: who appointed or dismissed. */
  counterpartId: string;
  relationship: Relationship;
}

export interface ActorPositionChanges {
  actorId: string;
  /** In date order, then relationship id. */
  gained: PositionChange[];
  lost: PositionChange[];
}

export interface GraphDiff {
  from: PartialDate;
  to: PartialDate;
  /** Relationships whose start lies within the range, by start date then id. */
  started: TimelineEvent[];
  /** Relationships whose end lies within the range, by end date then id. */
  ended: TimelineEvent[];
  /** Starts and ends whose date only partly overlaps the range, in timeline order (date, START before END, id). */
  uncertain: TimelineEvent[];
  /** Actors that gained or lost a position, by the date of their first change, then id. */
  positions: ActorPositionChanges[];
}

const byEvent = (a: TimelineEvent, b: TimelineEvent) =>
  comparePartialDates(a.date, b.date) ||
  (a.kind === b.kind ? 0 : a.kind === 'START' ? -1 : 1) ||
  (a.relationship.id < b.relationship.id ? -1 : a.relationship.id > b.relationship.id ? 1 : 0);

const byChange = (a: PositionChange, b: PositionChange) =>
  comparePartialDates(a.date, b.date) || (a.relationship.id < b.relationship.id ? -1 : a.relationship.id > b.relationship.id ? 1 : 0);

/** The position change an event means, if any, and whose it is. */
function positionChange(event: TimelineEvent): { actorId: string; gained: boolean; change: PositionChange } | null {
  const rel = event.relationship;
  const change = (type: PositionChange['type'], counterpartId: string): PositionChange => ({
    type,
    date: event.date,
    role: rel.role ?? null,
    counterpartId,
    relationship: rel,
  });
  const started = event.kind === 'START';
  switch (rel.type) {
    case 'HOLDS_POSITION':
      return { actorId: rel.source, gained: started, change: change(rel.type, rel.target) };
    case 'APPOINTED':
      return { actorId: rel.target, gained: started, change: change(rel.type, rel.source) };
    case 'DISMISSED':
      return started ? { actorId: rel.target, gained: false, change: change(rel.type, rel.source) } : null;
    default:
      return null;
  }
}

/** The diff over already loaded relationships. Throws ValidationError for a bad or reversed range. */
export function diffRelationships(relationships: readonly Relationship[], from: PartialDate, to: PartialDate): GraphDiff {
  const range = checkRange(from, to);
  const lo = earliestDay(range.from);
  const hi = latestDay(range.to);
  const started: TimelineEvent[] = [];
  const ended: TimelineEvent[] = [];
  const uncertain: TimelineEvent[] = [];

  for (const relationship of relationships) {
    for (const kind of ['START', 'END'] as const) {
      const date = kind === 'START' ? relationship.start : relationship.end;
      if (date === undefined) continue;
      const first = earliestDay(date);
      const last = latestDay(date);
      if (last < lo || first > hi) continue;
      const event: TimelineEvent = { date, kind, relationship };
      if (first >= lo && last <= hi) (kind === 'START' ? started : ended).push(event);
      else uncertain.push(event);
    }
  }
  started.sort(byEvent);
  ended.sort(byEvent);
  uncertain.sort(byEvent);

  const perActor = new Map<string, ActorPositionChanges>();
  for (const event of [...started, ...ended]) {
    const found = positionChange(event);
    if (!found) continue;
    let entry = perActor.get(found.actorId);
    if (!entry) perActor.set(found.actorId, (entry = { actorId: found.actorId, gained: [], lost: [] }));
    (found.gained ? entry.gained : entry.lost).push(found.change);
  }
  const firstChange = (e: ActorPositionChanges) => [...e.gained, ...e.lost].sort(byChange)[0];
  const positions = [...perActor.values()];
  for (const e of positions) {
    e.gained.sort(byChange);
    e.lost.sort(byChange);
  }
  positions.sort((a, b) => byChange(firstChange(a), firstChange(b)) || (a.actorId < b.actorId ? -1 : 1));

  return { from: range.from, to: range.to, started, ended, uncertain, positions };
}

/** What changed between `from` and `to` in the store's graph (see the rules above). */
export async function diffBetween(store: GraphStore, from: PartialDate, to: PartialDate): Promise<GraphDiff> {
  checkRange(from, to); // refuse a bad range before reading the whole graph
  const data = await store.exportGraph();
  return diffRelationships(data.relationships, from, to);
}

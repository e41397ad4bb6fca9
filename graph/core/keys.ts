/**
 * Sort keys as plain strings, so big indexes sort and binary-search with
 * ordinary string comparison. Each key is a fixed-width date part followed by
 * the relationship id (ids are `[a-z0-9-]`, so they never disturb the order).
 *
 * Date part: `earliestDay(date)` plus a precision digit (0 year, 1 month,
 * 2 day), which is exactly `comparePartialDates` order: earliest day first,
 * less precise first.
 */
import { earliestDay, type PartialDate, type Relationship } from './model';

const DATE_PART = 11;
/** Sorts after every dated key: `~` is above the digits. */
const UNDATED = '~'.repeat(DATE_PART);

function precision(date: PartialDate): string {
  return date.length === 4 ? '0' : date.length === 7 ? '1' : '2';
}

export function datePart(date: PartialDate): string {
  return earliestDay(date) + precision(date);
}

/**
 * The one relationship order, as a string: start date (earliest day first,
 * less precise first, undated last), then id. Every relationship list uses it
 * (listRelationships in both stores, an actor's relationships in the API);
 * the embedded store keeps it per relationship for its sorted index.
 */
export function startKey(rel: Pick<Relationship, 'id' | 'start'>): string {
  return (rel.start ? datePart(rel.start) : UNDATED) + rel.id;
}

/** `startKey` order as a comparator. */
export function compareRelationships(a: Pick<Relationship, 'id' | 'start'>, b: Pick<Relationship, 'id' | 'start'>): number {
  const ka = startKey(a);
  const kb = startKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export type EventKind = 'START' | 'END';

/** Timeline order: date, then START before END, then relationship id. */
export function eventKey(date: PartialDate, kind: EventKind, relId: string): string {
  return datePart(date) + (kind === 'START' ? '0' : '1') + relId;
}

export function parseEventKey(key: string): { kind: EventKind; relId: string; earliest: string } {
  return { kind: key[DATE_PART] === '0' ? 'START' : 'END', relId: key.slice(DATE_PART + 1), earliest: key.slice(0, 10) };
}

export function eventKeys(rel: Pick<Relationship, 'id' | 'start' | 'end'>): string[] {
  const keys: string[] = [];
  if (rel.start) keys.push(eventKey(rel.start, 'START', rel.id));
  if (rel.end) keys.push(eventKey(rel.end, 'END', rel.id));
  return keys;
}

/**
 * Checks on read arguments (page sizes, cursors, depths, limits, type and kind
 * lists, dates). Each bad argument is a ValidationError naming the field.
 */
import { ValidationError } from './errors';
import { ACTOR_KINDS, earliestDay, isPartialDate, latestDay, RELATIONSHIP_TYPES, type ActorKind, type PartialDate, type RelationshipType } from './model';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageArgs, type TimelineQuery } from './store';

function bad(path: string, message: string): never {
  throw new ValidationError(`Invalid argument ${path}`, [{ path, message }]);
}

/** An integer in [min, max], or `fallback` when absent. */
export function intArg(path: string, value: number | undefined | null, fallback: number, min: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) bad(path, `must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

export function typesArg(path: string, types: readonly string[] | undefined | null): Set<RelationshipType> | null {
  if (types === undefined || types === null) return null;
  if (!Array.isArray(types)) bad(path, 'must be a list of relationship types');
  types.forEach((t, i) => {
    if (!RELATIONSHIP_TYPES.includes(t as RelationshipType)) bad(`${path}[${i}]`, `must be one of ${RELATIONSHIP_TYPES.join(', ')}`);
  });
  return new Set(types as RelationshipType[]);
}

export function kindsArg(path: string, kinds: readonly string[] | undefined | null): Set<ActorKind> | null {
  if (kinds === undefined || kinds === null) return null;
  if (!Array.isArray(kinds)) bad(path, 'must be a list of actor kinds');
  kinds.forEach((k, i) => {
    if (!ACTOR_KINDS.includes(k as ActorKind)) bad(`${path}[${i}]`, `must be one of ${ACTOR_KINDS.join(', ')}`);
  });
  return new Set(kinds as ActorKind[]);
}

export function dateArg(path: string, value: string | undefined | null): PartialDate | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPartialDate(value)) bad(path, 'must be a partial date: YYYY, YYYY-MM or YYYY-MM-DD');
  return value;
}

// ----- cursors -------------------------------------------------------------

/**
 * The one cursor format, for every paged list (store queries and lists the API
 * pages itself). Cursors are opaque to callers; inside, an offset into the
 * ordered result. Anything else, including cursors of retired formats, is
 * BAD_USER_INPUT.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const m = /^o:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || encodeCursor(Number(m[1])) !== cursor) bad('after', 'is not a cursor from this list');
  return Number(m[1]);
}

export interface PageWindow {
  offset: number;
  first: number;
}

export function pageArg(page: PageArgs | undefined): PageWindow {
  const first = intArg('first', page?.first, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const after = page?.after;
  if (after === undefined || after === null) return { offset: 0, first };
  if (typeof after !== 'string') bad('after', 'must be a cursor string');
  return { offset: decodeCursor(after), first };
}

/** A list in result order; an array, or anything that can hand out slices of it (see RankedHits in queries.ts). */
export interface OrderedList<T> {
  readonly length: number;
  slice(start: number, end: number): T[];
}

/** One page of an already ordered list; `map` turns the kept items into results (copies). */
export function pageOf<T, R>(all: OrderedList<T>, window: PageWindow, map: (item: T) => R): Page<R> {
  const items = all.slice(window.offset, window.offset + window.first).map(map);
  const end = window.offset + items.length;
  return {
    items,
    totalCount: all.length,
    endCursor: items.length ? encodeCursor(end) : null,
    hasNextPage: end < all.length,
  };
}

export const DEFAULT_TIMELINE_LIMIT = 500;
export const MAX_TIMELINE_LIMIT = 5000;

/** A timeline query checked and reduced to what both stores filter on: a type set, a limit and a day range. */
export function timelineArgs(query: TimelineQuery | undefined): { types: Set<RelationshipType> | null; limit: number; fromDay: string; toDay: string } {
  const from = dateArg('from', query?.from);
  const to = dateArg('to', query?.to);
  const types = typesArg('types', query?.types);
  const limit = intArg('limit', query?.limit, DEFAULT_TIMELINE_LIMIT, 1, MAX_TIMELINE_LIMIT);
  const fromDay = from ? earliestDay(from) : '';
  const toDay = to ? latestDay(to) : '9999-12-31';
  if (fromDay > toDay) bad('to', 'is before from');
  return { types, limit, fromDay, toDay };
}

/**
 * Argument checks shared by resolvers. Each throws ValidationError
 * (BAD_USER_INPUT) naming the argument, before any store call.
 */
import { ValidationError } from '../core/errors';
import { ID_PATTERN, MAX_NAME_LENGTH, RELATIONSHIP_TYPES, comparePartialDates, parsePartialDate, type PartialDate, type Relationship, type RelationshipType } from '../core/model';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '../core/store';

function bad(arg: string, message: string): never {
  throw new ValidationError(`Invalid argument ${arg}`, [{ path: arg, message }]);
}

/** An integer in [min, max]; `null`/`undefined` gives the default. */
export function intArg(arg: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) bad(arg, `must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** A page size: 1–500, default 50. */
export function pageSize(value: number | null | undefined, fallback = DEFAULT_PAGE_SIZE): number {
  return intArg('first', value, fallback, 1, MAX_PAGE_SIZE);
}

/** A partial date (`2022`, `2022-01`, `2022-01-08`) or undefined. */
export function dateArg(arg: string, value: string | null | undefined): PartialDate | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = parsePartialDate(value);
  if ('error' in parsed) bad(arg, 'must be a partial date: YYYY, YYYY-MM or YYYY-MM-DD');
  return value;
}

/** Longest search text accepted: no name or alias is longer, so longer text cannot match. */
export const MAX_SEARCH_LENGTH = MAX_NAME_LENGTH * 2;

export function searchArg(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length > MAX_SEARCH_LENGTH) bad('search', `is longer than ${MAX_SEARCH_LENGTH} characters`);
  return value;
}

/** A list argument with at most `max` entries (duplicates removed); null or empty means "no filter". */
export function listArg<T>(arg: string, value: readonly T[] | null | undefined, max = MAX_PAGE_SIZE): T[] | undefined {
  if (value === null || value === undefined || value.length === 0) return undefined;
  const unique = [...new Set(value)];
  if (unique.length > max) bad(arg, `has more than ${max} entries`);
  return unique;
}

/** True when `id` could name a record at all; lookups of other strings are NOT_FOUND without a store call. */
export function isPossibleId(id: string): boolean {
  return ID_PATTERN.test(id);
}

// ---------------------------------------------------------------------------
// Pagination of lists the API holds in memory (an actor's relationships)
// ---------------------------------------------------------------------------

const CURSOR_PREFIX = 'offset:';

export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

function decodeOffsetCursor(cursor: string): number {
  const text = cursor.length <= 40 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const n = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isInteger(n) || n < 0) bad('after', 'is not a cursor from this list');
  return n;
}

/** One page of an in-memory list, with opaque offset cursors. */
export function paginate<T>(items: readonly T[], first: number, after: string | null | undefined): Page<T> {
  const start = after ? decodeOffsetCursor(after) : 0;
  const slice = items.slice(start, start + first);
  const end = start + slice.length;
  return {
    items: slice,
    totalCount: items.length,
    endCursor: slice.length ? encodeOffsetCursor(end) : null,
    hasNextPage: end < items.length,
  };
}

/** The order every relationship list uses: start date (undated last), then id. */
export function compareRelationships(a: Relationship, b: Relationship): number {
  if (a.start && b.start) {
    const c = comparePartialDates(a.start, b.start);
    if (c !== 0) return c;
  } else if (a.start || b.start) {
    return a.start ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const TYPE_RANK = new Map<RelationshipType, number>(RELATIONSHIP_TYPES.map((t, i) => [t, i]));

/**
 * RANKED order, for paging through hubs: type in RELATIONSHIP_TYPES order
 * (most telling first), then start date newest first (undated last), then id.
 */
export function compareRelationshipsRanked(a: Relationship, b: Relationship): number {
  const t = TYPE_RANK.get(a.type)! - TYPE_RANK.get(b.type)!;
  if (t !== 0) return t;
  if (a.start && b.start) {
    const c = comparePartialDates(b.start, a.start);
    if (c !== 0) return c;
  } else if (a.start || b.start) {
    return a.start ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

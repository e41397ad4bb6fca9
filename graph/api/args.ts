/**
 * Argument checks shared by resolvers. Each throws ValidationError
 * (BAD_USER_INPUT) naming the argument, before any store call.
 */
import { ValidationError } from '../core/errors';
import { decodeCursor, intArg, pageOf } from '../core/args';
import { ID_PATTERN, MAX_NAME_LENGTH, RELATIONSHIP_TYPES, comparePartialDates, type Relationship, type RelationshipType } from '../core/model';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '../core/store';

function bad(arg: string, message: string): never {
  throw new ValidationError(`Invalid argument ${arg}`, [{ path: arg, message }]);
}

/** A page size: 1–500, default 50. */
export function pageSize(value: number | null | undefined, fallback = DEFAULT_PAGE_SIZE): number {
  return intArg('first', value, fallback, 1, MAX_PAGE_SIZE);
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

/** One page of an in-memory list, with the store's opaque cursors (graph/core/args.ts). */
export function paginate<T>(items: readonly T[], first: number, after: string | null | undefined): Page<T> {
  return pageOf(items, { offset: after ? decodeCursor(after) : 0, first }, (item) => item);
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

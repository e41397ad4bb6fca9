/**
 * Argument checks shared by the analytics entry points. Bad input is a
 * ValidationError naming the argument, like the stores' own read checks.
 */
import { ValidationError } from '../core/errors';
import { earliestDay, isPartialDate, latestDay, RELATIONSHIP_TYPES, type PartialDate, type RelationshipType } from '../core/model';

function bad(path: string, message: string): never {
  throw new ValidationError('Invalid argument', [{ path, message }]);
}

export function checkDate(path: string, value: unknown): PartialDate | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPartialDate(value)) bad(path, 'must be a date of the form YYYY, YYYY-MM or YYYY-MM-DD');
  return value;
}

/**
 * A list of relationship types, deduplicated and in RELATIONSHIP_TYPES order
 * (so equal lists give equal cache keys). `undefined` means every type; an
 * empty list means none, as in the stores' RelationshipFilter.
 */
export function checkTypes(path: string, value: unknown): RelationshipType[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) bad(path, 'must be a list of relationship types');
  value.forEach((t, i) => {
    if (!RELATIONSHIP_TYPES.includes(t as RelationshipType)) bad(`${path}[${i}]`, `must be one of ${RELATIONSHIP_TYPES.join(', ')}`);
  });
  const wanted = new Set(value as RelationshipType[]);
  return RELATIONSHIP_TYPES.filter((t) => wanted.has(t));
}

/** Both bounds required; the range is the days from the first day of `from` to the last day of `to`. */
export function checkRange(from: unknown, to: unknown): { from: PartialDate; to: PartialDate } {
  const f = checkDate('from', from) ?? bad('from', 'is required');
  const t = checkDate('to', to) ?? bad('to', 'is required');
  if (earliestDay(f) > latestDay(t)) bad('to', 'is before from');
  return { from: f, to: t };
}

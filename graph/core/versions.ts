/**
 * Record versions: every actor, relationship, source and curated map carries
 * `version`, 1 when created and one more on every write that changes it. A
 * write may name the version it was based on; the planners check it against
 * the stored record inside the write (both stores run writes one at a time),
 * so of two writes based on the same version exactly one succeeds.
 * Records stored before versions existed have none and read as version 1.
 */
import { NotFoundError, VersionConflictError } from './errors';

export interface Versioned {
  version?: number;
}

export type VersionedEntity = VersionConflictError['entity'];

/** The stored version of a record (1 when it predates versions). */
export function versionOf(record: Versioned): number {
  return record.version ?? 1;
}

/** `record` as the version that follows `old` (1 when there is no old record). */
export function nextVersion<T extends Versioned>(record: T, old: Versioned | undefined): T {
  return takeNextVersion({ ...record }, old);
}

/**
 * `nextVersion` in place, for a fresh copy the caller owns: an import's
 * validated records, where a second copy of five million relationships costs
 * seconds of garbage collection.
 */
export function takeNextVersion<T extends Versioned>(record: T, old: Versioned | undefined): T {
  record.version = old ? versionOf(old) + 1 : 1;
  return record;
}

/** `record` without its version: exports and dataset files hold data, not store bookkeeping. */
export function withoutVersion<T extends Versioned>(record: T): T {
  if (record.version === undefined) return record;
  const { version: _dropped, ...rest } = record;
  void _dropped;
  return rest as T;
}

/**
 * Throws VersionConflictError when `expected` is given and the stored record
 * is at another version; NotFoundError when it is given and the record is gone
 * (deleted since it was loaded). Omitted `expected`: no check.
 */
export function checkVersion(entity: VersionedEntity, id: string, current: Versioned | undefined, expected: number | null | undefined): void {
  if (expected === undefined || expected === null) return;
  if (!current) throw new NotFoundError(entity, id);
  const at = versionOf(current);
  if (at !== expected) throw new VersionConflictError(entity, id, expected, at, { ...structuredClone(current), version: at });
}

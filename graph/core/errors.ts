/**
 * Named error classes with stable codes. Every layer (stores, importers, API)
 * throws these; the API maps `code` straight to `extensions.code`, so callers
 * can rely on the code, never on the message text.
 */

export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TOO_COMPLEX'
  | 'STORE_UNAVAILABLE'
  | 'CONFIG_INVALID'
  | 'INTERNAL_SERVER_ERROR';

/** One problem with one field of one record, e.g. `{ path: 'citations[0].excerpt', message: 'is empty' }`. */
export interface FieldProblem {
  /** Where the problem is: a field path, optionally prefixed by a record locator such as `relationships.jsonl:12`. */
  path: string;
  message: string;
}

/**
 * Marks Steppe errors across module copies: Next.js may load this file twice
 * (instrumentation and route bundles), and `instanceof` fails between copies.
 */
const STEPPE_ERROR = Symbol.for('steppe.error');

export abstract class SteppeError extends Error {
  abstract readonly code: ErrorCode;
  readonly [STEPPE_ERROR] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An id that names no actor, relationship, source or map. */
export class NotFoundError extends SteppeError {
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly entity: 'Actor' | 'Relationship' | 'Source' | 'Change' | 'Map',
    readonly id: string,
  ) {
    super(`${entity} "${id}" not found`);
  }
}

/** Input that breaks a model rule. Lists every problem found, not only the first. */
export class ValidationError extends SteppeError {
  readonly code = 'BAD_USER_INPUT' as const;
  /** The message without the list of problems, for callers that print problems one per line. */
  readonly summary: string;
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(problems.length ? `${message}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}` : message);
    this.summary = message;
  }
}

/** A write that is valid on its own but clashes with the stored graph (e.g. deleting a cited source). */
export class ConflictError extends SteppeError {
  readonly code = 'CONFLICT' as const;
}

/**
 * A write based on a version of a record that is no longer current (someone
 * else changed it since it was loaded). Carries the current record, so a
 * client can show what changed; the API puts both in `extensions`.
 */
export class VersionConflictError extends ConflictError {
  constructor(
    readonly entity: 'Actor' | 'Relationship' | 'Source' | 'Map',
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
    readonly current: unknown,
  ) {
    super(`${entity} "${id}" changed since it was loaded: it is at version ${currentVersion}, not ${expectedVersion}`);
  }
}

export class UnauthenticatedError extends SteppeError {
  readonly code = 'UNAUTHENTICATED' as const;
}

export class ForbiddenError extends SteppeError {
  readonly code = 'FORBIDDEN' as const;
}

export class QueryTooComplexError extends SteppeError {
  readonly code = 'QUERY_TOO_COMPLEX' as const;
}

/** The store cannot be reached (Neo4j down, data directory unreadable). Retrying later may succeed. */
export class StoreUnavailableError extends SteppeError {
  readonly code = 'STORE_UNAVAILABLE' as const;
}

export class ConfigError extends SteppeError {
  readonly code = 'CONFIG_INVALID' as const;
}

export function isSteppeError(e: unknown): e is SteppeError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[STEPPE_ERROR] === true;
}

/**
 * Defaults and safety valves of the read queries every store answers alike
 * (traversal sizes, the stats top list), kept here so both stores give the
 * same answer to the same query.
 */

/** Actors a neighbourhood returns when the query names no limit. */
export const DEFAULT_NEIGHBORHOOD_LIMIT = 100;

export const DEFAULT_MAX_PATH_LENGTH = 4;
export const DEFAULT_PATH_LIMIT = 5;
/**
 * Safety valve: edges examined while enumerating paths in one query. Only
 * reached on pathological hub-heavy graphs asking for many long paths; the
 * paths found until then are returned (still shortest first).
 */
export const PATH_WORK_BUDGET = 2_000_000;

/** Entries in each top list of `stats` when the query names no `top`. */
export const DEFAULT_TOP = 10;

/**
 * Parent records the API builds itself (codegen.ts maps GraphQL types to
 * them), for types whose fields are not all stored on a model or store record.
 */
import type { Actor, ActorKind, Relationship, RelationshipType } from '../core/model';
import type { RelationshipFilter, Stats } from '../core/store';

/** What Query.stats returns: the store's counts, per-kind and per-type lists, and the filter Stats.analytics reuses. */
export interface StatsRecord extends Omit<Stats, 'actorsByKind' | 'relationshipsByType'> {
  actorsByKind: { kind: ActorKind; count: number }[];
  relationshipsByType: { type: RelationshipType; count: number }[];
  /** The checked stats filter; Stats.analytics reads its `asOf` and `types`. */
  filter: RelationshipFilter;
}

/** What Query.neighborhood returns; Neighborhood.sources is resolved from `edges`' citations. */
export interface NeighborhoodRecord {
  center: Actor;
  nodes: Actor[];
  edges: Relationship[];
  truncated: boolean;
}

/** One of Query.paths' answers; Path.sources is resolved from `edges`' citations. */
export interface PathRecord {
  nodes: Actor[];
  edges: Relationship[];
  length: number;
}

/**
 * Analytics over a GraphStore. Both stores answer through the port's
 * `exportGraph()` (one round trip, linear in the graph) and the filtering and
 * algorithms run here, with model.ts's as-of rule, so the embedded store and
 * Neo4j give identical results and Neo4j needs no plugins.
 */
import { inForceAsOf, type PartialDate, type RelationshipType } from '../core/model';
import type { GraphStore } from '../core/store';
import { analyseRelationships, type GraphMetrics } from './metrics';
import { checkDate, checkTypes } from './options';

export interface MetricsOptions {
  /** Only relationships in force as of this date (`inForceAsOf`); omitted: every relationship. */
  asOf?: PartialDate;
  /** Only these relationship types; omitted: every type; empty: none. */
  types?: RelationshipType[];
}

/**
 * Degree, betweenness, PageRank, Louvain communities and brokers for the
 * graph the options select. Invalid options throw ValidationError.
 * Deterministic: the same graph and options always give the same result.
 */
export async function computeMetrics(store: GraphStore, options: MetricsOptions = {}): Promise<GraphMetrics> {
  const asOf = checkDate('asOf', options.asOf);
  const types = checkTypes('types', options.types);
  const data = await store.exportGraph();
  const wanted = types && new Set(types);
  const relationships = data.relationships.filter((r) => (!wanted || wanted.has(r.type)) && (asOf === undefined || inForceAsOf(r, asOf)));
  const names = new Map(data.actors.map((a) => [a.id, a.name]));
  return analyseRelationships(relationships, names, { asOf, types });
}

/**
 * A per-request memo: repeated calls with equal options share one
 * computation, so `actor { metrics }` over a list of actors costs one run.
 * Make one per GraphQL request (the store may change between requests).
 */
export function memoizeMetrics(store: GraphStore): (options?: MetricsOptions) => Promise<GraphMetrics> {
  const runs = new Map<string, Promise<GraphMetrics>>();
  return (options = {}) => {
    const asOf = checkDate('asOf', options.asOf);
    const types = checkTypes('types', options.types);
    const key = JSON.stringify([asOf ?? null, types ?? null]);
    let run = runs.get(key);
    if (!run) {
      run = computeMetrics(store, { asOf, types });
      runs.set(key, run);
      run.catch(() => runs.delete(key));
    }
    return run;
  };
}

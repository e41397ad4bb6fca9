/**
 * Graph analytics for Steppe, independent of the store: centrality,
 * communities and brokers (`computeMetrics`), and change between two dates
 * (`diffBetween`). Definitions are in README.md. The pure variants
 * (`analyseRelationships`, `diffRelationships`) take records instead of a store.
 */
export { computeMetrics, memoizeMetrics, type MetricsOptions } from './compute';
export { analyseRelationships, type ActorMetrics, type Community, type GraphMetrics } from './metrics';
export { diffBetween, diffRelationships, type ActorPositionChanges, type GraphDiff, type PositionChange } from './diff';

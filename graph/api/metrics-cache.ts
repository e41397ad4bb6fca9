/**
 * Graph metrics (graph/analytics computeMetrics) cached across requests until
 * the store's next write (store-version.ts). Computing them reads and analyses
 * the whole graph (about a second at 5 000 actors), so the explorer asking
 * again for the same analysis of an unchanged graph must not recompute it.
 * Entries are keyed by the options, normalised as the analytics module does.
 */
import { computeMetrics, type GraphMetrics, type MetricsOptions } from '../analytics';
import { checkDate, checkTypes, checkUndated } from '../analytics/options';
import type { GraphStore } from '../core/store';
import { rememberPromise, type RequestVersion, type VersionedCache } from './store-version';

export type MetricsCache = VersionedCache<Promise<GraphMetrics>>;

/** One request's metrics: one run per distinct options, from the cache when the store has not changed. */
export interface RequestMetrics {
  /** The metrics of the graph `options` select. Bad options throw ValidationError (BAD_USER_INPUT) before the store is read. */
  metrics(options?: MetricsOptions): Promise<GraphMetrics>;
  /** Forgets this request's runs: called after the request writes. */
  forget(): void;
}

export function requestMetrics(store: GraphStore, cache: MetricsCache, version: RequestVersion): RequestMetrics {
  const mine = new Map<string, Promise<GraphMetrics>>();

  async function cached(key: string, options: MetricsOptions): Promise<GraphMetrics> {
    return rememberPromise(cache.at(store, await version.get()), key, () => computeMetrics(store, options));
  }

  return {
    metrics(options = {}) {
      const asOf = checkDate('asOf', options.asOf);
      const undated = checkUndated('undated', options.undated, asOf);
      const types = checkTypes('types', options.types);
      const key = JSON.stringify([asOf ?? null, types ?? null, undated ?? null]);
      let run = mine.get(key);
      if (!run) mine.set(key, (run = cached(key, { asOf, types, undated })));
      return run;
    },
    forget() {
      mine.clear();
    },
  };
}

/** What every resolver receives: the store, this request's loaders and analytics, the config and the caller's write rights. */
import type { GraphMetrics } from '../analytics';
import type { SteppeConfig } from '../config';
import type { GraphStore, WriteContext } from '../core/store';
import type { AuthStatus } from './auth';
import { IntakeAnalyses } from './intake-analyses';
import { IntakeAnalysisFiles } from './intake-analysis-files';
import { createLoaders, type DegreeCache, type Loaders } from './loaders';
import { requestMetrics, type MetricsCache, type RequestMetrics } from './metrics-cache';
import { VersionedCache, requestVersion } from './store-version';

export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  /** Graph metrics for this request, from the API's cross-request cache. */
  analytics: RequestMetrics;
  config: SteppeConfig;
  auth: AuthStatus;
  /** Who writes, for the change log: the admin token's name ("api" for the single STEPPE_ADMIN_TOKEN). */
  writer: WriteContext;
  /** Intake analyses of source texts, kept across requests (intake-analyses.ts). */
  intake: IntakeAnalyses;
  /** Forgets what this request read or cached about the store: called after each write. */
  afterWrite(): void;
}

/** What one API instance keeps across requests, valid until the store's next write (store-version.ts). */
export interface ApiCaches {
  metrics: MetricsCache;
  degrees: DegreeCache;
  intake: IntakeAnalyses;
}

/** Most analyses (distinct asOf/types) kept per store; the least recently used goes first. */
export const METRICS_CACHE_ENTRIES = 16;

export function createApiCaches(config: SteppeConfig): ApiCaches {
  return {
    metrics: new VersionedCache<Promise<GraphMetrics>>(METRICS_CACHE_ENTRIES),
    degrees: new VersionedCache<number>(),
    intake: new IntakeAnalyses(new IntakeAnalysisFiles(config.intakeDir)),
  };
}

export function createContext(store: GraphStore, config: SteppeConfig, auth: AuthStatus, caches: ApiCaches, writer: string | null = null): ApiContext {
  const version = requestVersion(store);
  const ctx: ApiContext = {
    store,
    loaders: createLoaders(store, caches.degrees, version),
    analytics: requestMetrics(store, caches.metrics, version),
    config,
    auth,
    writer: { by: writer ?? 'api' },
    intake: caches.intake,
    afterWrite() {
      version.forget();
      ctx.loaders.clearAll();
      ctx.analytics.forget();
    },
  };
  return ctx;
}

/** What every resolver receives: the store, this request's loaders and analytics, the config and the caller's write rights. */
import type { GraphMetrics } from '../analytics';
import type { SteppeConfig } from '../config';
import type { GraphStore, WriteContext } from '../core/store';
import type { AuthStatus } from './auth';
import { IntakeAnalyses } from './intake-analyses';
import { IntakeAnalysisFiles } from './intake-analysis-files';
import { createLoaders, type DegreeCache, type Loaders } from './loaders';
import { requestMetrics, type MetricsCache, type RequestMetrics } from './metrics-cache';
import { VersionedCache, requestVersion, type StoreVersion } from './store-version';

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

/** `version`: the store's version when the request already read it (a GET read, for its ETag). */
export function createContext(store: GraphStore, config: SteppeConfig, auth: AuthStatus, caches: ApiCaches, writer: string | null = null, version?: StoreVersion): ApiContext {
  const requestsVersion = requestVersion(store, version);
  const ctx: ApiContext = {
    store,
    loaders: createLoaders(store, caches.degrees, requestsVersion),
    analytics: requestMetrics(store, caches.metrics, requestsVersion),
    config,
    auth,
    writer: { by: writer ?? 'api' },
    intake: caches.intake,
    afterWrite() {
      requestsVersion.forget();
      ctx.loaders.clearAll();
      ctx.analytics.forget();
    },
  };
  return ctx;
}

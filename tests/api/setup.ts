/** Stores, configs and servers for the API tests: a real MemoryStore in a temp dir, a real handler, a real HTTP server. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type ConfigOptions, type SteppeConfig } from '@/graph/config';
import { createGraphqlApi, type GraphqlApi, type StoreSource } from '@/graph/api/handler';
import type { GraphData } from '@/graph/core/model';
import type { GraphStore } from '@/graph/core/store';
import { MemoryStore } from '@/graph/memory';
import { apiGraph } from '@/tests/fixtures/api-graph';
import { serve, type TestServer } from './http-harness';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export function tempDir(prefix = 'steppe-api-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real embedded store in a fresh temp dir, loaded with `data`. */
export async function openLoadedStore(data: GraphData = apiGraph()): Promise<{ store: MemoryStore; dir: string; close(): Promise<void> }> {
  const tmp = tempDir();
  const store = await MemoryStore.open({ dataDir: tmp.dir });
  await store.importGraph(data, { by: 'test' });
  return {
    store,
    dir: tmp.dir,
    close: async () => {
      await store.close();
      tmp.remove();
    },
  };
}

/** Config from explicit options only (the test process's env is ignored). */
export function testConfig(dataDir: string, options: ConfigOptions = {}): SteppeConfig {
  return loadConfig({ store: { kind: 'memory', dataDir }, loadDatasetWhenEmpty: false, production: false, ...options }, {});
}

/** A handler over `store` served on a real HTTP port. */
export async function startApi(store: StoreSource, config: SteppeConfig): Promise<TestServer & { api: GraphqlApi }> {
  const api = createGraphqlApi({ store, config });
  const server = await serve({ GET: api.handle, POST: api.handle });
  return { ...server, api };
}

/**
 * The production route, app/api/graphql/route.ts, on a real HTTP port: its GET
 * and POST exactly as Next.js would call them, configured through the
 * environment like a deployment (a fresh data dir; `env` adds settings), with
 * the store it opens (getStore()) loaded with `data`. Once per test file: the
 * route's API is a process-wide singleton.
 */
export async function startRoute(env: Record<string, string>, data: GraphData = apiGraph()): Promise<TestServer & { store: GraphStore }> {
  const tmp = tempDir();
  const vars: Record<string, string> = { STEPPE_DATA_DIR: tmp.dir, STEPPE_LOAD_DATASET: '0', ...env };
  for (const [k, v] of Object.entries(vars)) Reflect.set(process.env, k, v);
  delete process.env.NEO4J_URI;
  const route = await import('@/app/api/graphql/route');
  const store = await (await import('@/graph/open-store')).getStore();
  await store.importGraph(data, { by: 'test' });
  const server = await serve({ GET: route.GET, POST: route.POST });
  return {
    ...server,
    store,
    close: async () => {
      await server.close();
      await store.close();
      tmp.remove();
    },
  };
}

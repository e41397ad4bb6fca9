/**
 * Stores, configs and servers for the API tests: a real MemoryStore in a temp dir, a real
 * handler, a real HTTP server. Under `npm run test:neo4j` (STEPPE_TEST_STORE=neo4j) the same
 * cases run on the launched Neo4j instead: each store starts from an emptied database.
 */
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

/** True when this run's API cases go to the launched Neo4j (`npm run test:neo4j`). */
export const ON_NEO4J = process.env.STEPPE_TEST_STORE === 'neo4j';

/** An empty store: the embedded store in `dir`, or the launched Neo4j with its database emptied. */
async function openEmptyStore(dir: string): Promise<GraphStore> {
  if (!ON_NEO4J) return MemoryStore.open({ dataDir: dir });
  const { neo4jTestConfig, wipeNeo4j } = await import('@/tests/neo4j/server');
  const { openNeo4jStore } = await import('@/graph/neo4j');
  await wipeNeo4j();
  return openNeo4jStore(neo4jTestConfig());
}

/** A real store (embedded in a fresh temp dir, or Neo4j: see ON_NEO4J), loaded with `data`. */
export async function openLoadedStore(data: GraphData = apiGraph()): Promise<{ store: GraphStore; dir: string; close(): Promise<void> }> {
  const tmp = tempDir();
  const store = await openEmptyStore(tmp.dir);
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
  // The intake directory too: on Neo4j it would default to ./.steppe/intake and outlive the run.
  const vars: Record<string, string> = { STEPPE_DATA_DIR: tmp.dir, STEPPE_INTAKE_DIR: path.join(tmp.dir, 'intake'), STEPPE_LOAD_DATASET: '0', ...env };
  for (const [k, v] of Object.entries(vars)) Reflect.set(process.env, k, v);
  if (ON_NEO4J) await (await import('@/tests/neo4j/server')).wipeNeo4j();
  else delete process.env.NEO4J_URI;
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

/**
 * Opens the configured GraphStore: the embedded store by default, Neo4j when
 * NEO4J_URI is set. `getStore()` is the process-wide instance the API uses.
 */
import { loadConfig, type SteppeConfig } from './config';
import { readDatasetDir } from './io/dataset';
import { MemoryStore } from './memory';
import type { GraphStore } from './core/store';

/**
 * Opens a store from `config`. An empty embedded store is seeded from the
 * bundled dataset when `loadDatasetWhenEmpty` is set.
 */
export async function openStore(config: SteppeConfig): Promise<GraphStore> {
  if (config.store.kind === 'neo4j') {
    // Loaded on demand so the embedded path never pulls in the driver.
    const { openNeo4jStore } = await import('./neo4j/index');
    return openNeo4jStore(config.store);
  }
  const store = await MemoryStore.open({ dataDir: config.store.dataDir });
  try {
    if (config.loadDatasetWhenEmpty && (await store.stats({ top: 0 })).actors === 0 && (await store.changes({ first: 1 })).totalCount === 0) {
      const { sources, actors, relationships, maps } = await readDatasetDir(config.datasetDir);
      await store.importGraph({ sources, actors, relationships, maps }, { by: 'dataset' });
    }
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

const STORE_KEY = Symbol.for('steppe.graphStore');
type StoreHolder = { [STORE_KEY]?: Promise<GraphStore> };

/**
 * The process-wide store, opened once from `loadConfig()`. Cached on
 * globalThis so Next.js dev hot reloads, which re-evaluate modules, reuse it
 * instead of opening the data directory a second time. A failed open is not
 * cached, so the next request retries.
 */
export function getStore(): Promise<GraphStore> {
  const holder = globalThis as StoreHolder;
  if (!holder[STORE_KEY]) {
    holder[STORE_KEY] = openStore(loadConfig()).catch((e: unknown) => {
      delete holder[STORE_KEY];
      throw e;
    });
  }
  return holder[STORE_KEY];
}

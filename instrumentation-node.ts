/**
 * Opens the store before the first request, so a wrong Neo4j password or an
 * unreachable server stops the process with one clear line and a non-zero
 * exit instead of failing later per request. Also re-exports the fair
 * request dispatch (graph/fair-dispatch.ts) that register() installs.
 */
import { loadConfig } from './graph/config';
export { installFairDispatch } from './graph/fair-dispatch';
import { getStore } from './graph/open-store';

export async function openStoreAtStartup(): Promise<void> {
  try {
    const store = await getStore();
    const health = await store.health();
    if (!health.ok) throw new Error(health.detail ?? 'store is not healthy');
    const where = loadConfig().store;
    console.log(`steppe: ${store.kind} store ready (${'uri' in where ? where.uri : where.dataDir})`);
  } catch (e) {
    console.error(`steppe: cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}

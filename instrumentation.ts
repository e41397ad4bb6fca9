/**
 * Runs once when the Next.js server starts: opens the store before the first
 * request, so a wrong Neo4j password or an unreachable server stops the process
 * with one clear line and a non-zero exit instead of failing later per request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getStore } = await import('./graph/open-store');
  const { loadConfig } = await import('./graph/config');
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

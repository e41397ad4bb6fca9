/**
 * Next.js calls register() once when the server starts. The Node.js-only work
 * lives in instrumentation-node.ts, imported only under the Node.js runtime,
 * so the Edge compilation of this file never sees process.exit or the store.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { openStoreAtStartup, installFairDispatch } = await import('./instrumentation-node');
    installFairDispatch();
    await openStoreAtStartup();
  }
}

/**
 * GET /api/health: which store serves the app, whether it answers, and the
 * dataset counts. 200 when healthy, 503 when the store cannot be reached, so
 * container healthchecks and load balancers can act on the status alone.
 */
import { getStore } from '@/graph/open-store';
import { isSteppeError } from '@/graph/core/errors';
import { datasetCounts } from '@/graph/api/instance';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

export async function GET(): Promise<Response> {
  try {
    const store = await getStore();
    const health = await store.health();
    if (!health.ok) return Response.json({ status: 'unavailable', store: health }, { status: 503, headers: noStore });
    return Response.json({ status: 'ok', store: health, counts: await datasetCounts(store) }, { headers: noStore });
  } catch (e) {
    // One line, no stack: the reason is in the logs, the client only learns the store is down.
    console.error(`health: store unavailable: ${(e as Error).message}`);
    const code = isSteppeError(e) ? e.code : 'INTERNAL_SERVER_ERROR';
    return Response.json({ status: 'unavailable', code }, { status: 503, headers: noStore });
  }
}

/**
 * One app replica for tests/neo4j/replicas.test.ts, in its own process: the
 * production route (app/api/graphql/route.ts) configured from the environment
 * (NEO4J_URI selects Neo4j), served on a random loopback port. Prints
 * `LISTENING <url>` once it answers; stops on SIGTERM or when its stdin closes
 * (the test process went away).
 */
import { GET, POST } from '@/app/api/graphql/route';
import { serve } from '@/tests/api/http-harness';

const server = await serve({ GET, POST });
console.log(`LISTENING ${server.url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  const { getStore } = await import('@/graph/open-store');
  await (await getStore()).close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();

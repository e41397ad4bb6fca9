/**
 * HTTP load on loopback: the real GraphQL handler behind a node:http server in
 * this process, autocannon in a child process, a bounded number of
 * connections for a bounded time. The requests are what the explorer sends:
 * autocomplete searches, depth-1 neighbourhoods with full records, and actor details.
 */
import { createGraphqlApi } from '../graph/api/handler';
import type { SteppeConfig } from '../graph/config';
import type { GraphStore } from '../graph/core/store';
import { runChild } from './child';
import { startServer } from './http-server';
import type { LoadJob, LoadResult } from './load-client';
import type { Probes } from './probes';

export const SEARCH = `query Search($search: String!) { actors(search: $search, first: 8) { totalCount edges { match matchedText node { id name kind category } } } }`;
export const NEIGHBORHOOD = `query Neighborhood($actorId: ID!) {
  neighborhood(actorId: $actorId, depth: 1, limit: 150) {
    truncated
    nodes { id kind name category aliases summary tags degree }
    edges { id type symmetric role start end amount currency source { id name kind } target { id name kind } citations { excerpt source { id title publisher author published url } } }
  }
}`;
const ACTOR = `query Actor($id: ID!) { actor(id: $id) { id kind name category aliases summary tags degree country { id name } } }`;

/** Request bodies in a fixed interleaving: search, neighbourhood, search, actor, … */
export function loadBodies(probes: Probes): string[] {
  const bodies: string[] = [];
  probes.centres.forEach((actorId, i) => {
    bodies.push(JSON.stringify({ query: SEARCH, variables: { search: probes.searches[i % probes.searches.length] } }));
    bodies.push(JSON.stringify({ query: NEIGHBORHOOD, variables: { actorId } }));
    bodies.push(JSON.stringify({ query: SEARCH, variables: { search: probes.searches[(i + 101) % probes.searches.length] } }));
    bodies.push(JSON.stringify({ query: ACTOR, variables: { id: probes.centres[(i + 37) % probes.centres.length] } }));
  });
  return bodies;
}

export async function measureHttpLoad(store: GraphStore, config: SteppeConfig, probes: Probes, options: { connections: number; durationSeconds: number }): Promise<LoadResult> {
  const api = createGraphqlApi({ store, config });
  const server = await startServer(api.handle);
  try {
    const job: LoadJob = { url: `${server.url}/api/graphql`, bodies: loadBodies(probes), ...options };
    return await runChild<LoadResult>('load-client.ts', [], job);
  } finally {
    await server.close();
    await api.server.stop();
  }
}

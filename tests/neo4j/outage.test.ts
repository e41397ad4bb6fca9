/**
 * A real outage: the route serves Steppe from the launched Neo4j, the server is stopped
 * (its Bolt port closes, the database shuts down) and started again on the same port and
 * data. While it is down every request answers STORE_UNAVAILABLE quickly; once it is back
 * the same route answers again by itself, with the data it had.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@/graph/core/store';
import { apiGraph } from '@/tests/fixtures/api-graph';
import { gql, serve, type TestServer } from '../api/http-harness';
import { controlNeo4j, neo4jTestConfig, wipeNeo4j } from './server';

const QUERY = '{ stats { actors } actor(id: "tokayev") { name } }';

describe('Neo4j stopped and started again under a running API', () => {
  let server: TestServer;
  let store: GraphStore;

  beforeAll(async () => {
    await wipeNeo4j(neo4jTestConfig());
    Reflect.set(process.env, 'NODE_ENV', 'production');
    process.env.STEPPE_LOAD_DATASET = '0';
    const route = await import('@/app/api/graphql/route');
    store = await (await import('@/graph/open-store')).getStore();
    await store.importGraph(apiGraph(), { by: 'test' });
    server = await serve({ GET: route.GET, POST: route.POST });
  });

  afterAll(async () => {
    await controlNeo4j('start'); // never leave the shared server down, whatever failed
    await server?.close();
    await store?.close();
    Reflect.set(process.env, 'NODE_ENV', 'test');
  });

  it('answers STORE_UNAVAILABLE within about a second while down, and recovers by itself', async () => {
    const up = await gql(server.url, QUERY);
    expect(up.status).toBe(200);
    const before = up.body.data;
    expect(before).toEqual({ stats: { actors: 13 }, actor: { name: expect.any(String) } });

    expect(await controlNeo4j('stop')).toBe('STOPPED');
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const down = await gql(server.url, QUERY);
      timings.push(Math.round(performance.now() - started));
      // The store was open when the server went away: each field fails with its own error;
      // `stats` is non-null in the schema, so `data` as a whole becomes null.
      expect(down.codes).toEqual(['STORE_UNAVAILABLE', 'STORE_UNAVAILABLE']);
      expect(down.body.data).toBeNull();
      expect(JSON.stringify(down.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
    }
    console.log(`[neo4j outage] STORE_UNAVAILABLE after ${timings.join(', ')} ms (NEO4J_TIMEOUT_MS ${neo4jTestConfig().connectionTimeoutMs})`);
    // A generous bound for a loaded 2-core machine; the budget is 1 s and the measured times are printed above.
    expect(Math.max(...timings)).toBeLessThan(4000);

    const restarted = performance.now();
    expect(await controlNeo4j('start')).toMatch(/^BOLT bolt:\/\//);
    const back = await gql(server.url, QUERY);
    console.log(`[neo4j outage] server restarted in ${Math.round(performance.now() - restarted)} ms; first request after it: ${back.status}`);
    expect(back.status).toBe(200);
    expect(back.body.data).toEqual(before);
  });
});

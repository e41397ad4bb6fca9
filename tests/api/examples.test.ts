/**
 * The documented examples work as pasted: each `curl` block of the README's
 * GraphQL section (graph/api/README-graphql.md) is run by bash against the
 * real route serving the bundled dataset (loaded at start as in production),
 * with only the host:port replaced; every playground example runs too.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@/graph/core/store';
import { EXAMPLES } from '@/app/playground/examples';
import { gql, serve, type Json, type TestServer } from './http-harness';
import { ADMIN_TOKEN, tempDir } from './setup';

const run = promisify(execFile);
const README = path.join(process.cwd(), 'graph/api/README-graphql.md');
const tmp = tempDir();
let server: TestServer;
let store: GraphStore;

beforeAll(async () => {
  process.env.STEPPE_DATA_DIR = tmp.dir;
  process.env.STEPPE_DATASET_DIR = path.join(process.cwd(), 'data');
  process.env.STEPPE_LOAD_DATASET = '1';
  process.env.STEPPE_ADMIN_TOKEN = ADMIN_TOKEN;
  delete process.env.NEO4J_URI;
  const route = await import('@/app/api/graphql/route');
  store = await (await import('@/graph/open-store')).getStore();
  server = await serve({ GET: route.GET, POST: route.POST });
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  tmp.remove();
});

function curlBlocks(): string[] {
  const text = readFileSync(README, 'utf8');
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => b.trimStart().startsWith('curl'));
}

describe('README GraphQL section', () => {
  it('has four curl examples', () => {
    expect(curlBlocks()).toHaveLength(4);
  });

  it('runs each as pasted (only the host changed) and gets data without errors', async () => {
    const origin = new URL(server.url).origin;
    const results: Json[] = [];
    for (const block of curlBlocks()) {
      const { stdout } = await run('bash', ['-c', block.replaceAll('http://localhost:3000', origin)], { timeout: 20_000 });
      const body = JSON.parse(stdout);
      expect(body.errors, block).toBeUndefined();
      results.push(body.data);
    }
    const [search, actor, around, power] = results;
    expect(search.actors.edges[0].node.id).toBe('kassym-jomart-tokayev');
    expect(actor.actor.name).toBe('Kassym-Jomart Tokayev');
    expect(actor.actor.relationships.nodes.length).toBeGreaterThan(0);
    expect(actor.actor.relationships.nodes[0].citations[0].excerpt.length).toBeGreaterThan(0);
    expect(around.neighborhood.nodes.length).toBeGreaterThan(1);
    expect(power.stats.analytics.central).toHaveLength(5);
    expect(power.stats.analytics.central[0].rank).toBe(1);
    expect(power.communities.length).toBeGreaterThan(1);
    expect(power.diff.positions.some((p: Json) => p.lost.length > 0)).toBe(true);
  });
});

describe('playground examples', () => {
  for (const example of EXAMPLES) {
    it(example.title, async () => {
      const r = await gql(server.url, example.query, { variables: example.variables, token: example.needsToken ? ADMIN_TOKEN : undefined });
      if (example.needsToken) {
        // Shipped with a placeholder source id, so running it unedited writes nothing.
        expect(r.codes).toEqual(['BAD_USER_INPUT']);
      } else {
        expect(r.body.errors).toBeUndefined();
        expect(r.status).toBe(200);
      }
    });
  }
});

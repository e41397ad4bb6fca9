/**
 * No N+1: the real MemoryStore wrapped in a Proxy that counts calls per
 * method. Resolving 500 relationships with their source, target and cited
 * sources, or 500 actors with their degree, country, relationships and
 * neighbours, takes a small fixed number of store calls, the same for a page
 * of 10 as for a page of 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@/graph/core/store';
import { SRC_A, apiGraph } from '@/tests/fixtures/api-graph';
import { gql, type Json } from './http-harness';
import { openLoadedStore, startApi, testConfig } from './setup';

const calls = new Map<string, number>();
let api: Awaited<ReturnType<typeof startApi>>;
let store: GraphStore;
let closeStore: () => Promise<void>;

/** Counts every method call on the real store and forwards it unchanged. */
function counting(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function countCalls(query: string): Promise<{ total: number; byMethod: Record<string, number>; data: Record<string, Json> }> {
  calls.clear();
  const r = await gql(api.url, query);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  const byMethod = Object.fromEntries(calls);
  return { total: [...calls.values()].reduce((a, b) => a + b, 0), byMethod, data: r.body.data! };
}

beforeAll(async () => {
  const opened = await openLoadedStore(apiGraph({ people: 600, relationships: 600 }));
  closeStore = opened.close;
  store = opened.store;
  api = await startApi(counting(opened.store), testConfig(opened.dir, { limits: { maxQueryCost: 20_000 } }));
});

afterAll(async () => {
  await api?.close();
  await closeStore?.();
});

const relationshipsQuery = (n: number) =>
  `{ relationships(first: ${n}) { nodes { id source { id name } target { id name } citations { excerpt source { id title } } } } }`;

describe('batched loading', () => {
  it('500 relationships with source, target and citations: at most 4 store calls', async () => {
    const { total, byMethod, data } = await countCalls(relationshipsQuery(500));
    const nodes = data.relationships.nodes;
    expect(nodes).toHaveLength(500);
    expect(nodes.every((n: Json) => n.source.name && n.target.name && n.citations.length >= 1 && n.citations.every((c: Json) => c.source.title))).toBe(true);
    expect(byMethod).toEqual({ listRelationships: 1, getActors: 1, getSources: 1 });
    expect(total).toBeLessThanOrEqual(4);
    const small = await countCalls(relationshipsQuery(10));
    expect(small.total).toBe(total);
  });

  it('500 actors with degree, country, relationships and neighbours: a fixed number of calls', async () => {
    const q = (n: number) => `{ actors(first: ${n}) { nodes { id degree country { name } relationships(first: 3) { totalCount nodes { id target { name } } } neighbors(limit: 3) { name } } } }`;
    const big = await countCalls(q(500));
    expect(big.data.actors.nodes).toHaveLength(500);
    expect(big.byMethod.findActors).toBe(1);
    // Degrees are counted in their own batch (kept across requests, after one `changes` call reads the store version).
    expect(big.byMethod.degrees).toBeLessThanOrEqual(1);
    expect(big.byMethod.relationshipsOfActors).toBeLessThanOrEqual(1);
    expect(big.total).toBeLessThanOrEqual(6);
    const small = await countCalls(q(10));
    expect(small.total).toBeLessThanOrEqual(big.total);
  });

  it('counts degrees once per store version, and again after any write to the store', async () => {
    const q = '{ actors(first: 500) { nodes { id degree } } }';
    const degreeOf = (data: Record<string, Json>, id: string) => data.actors.nodes.find((n: Json) => n.id === id).degree;
    await store.deleteRelationship('degree-probe').catch(() => undefined);
    const cold = await countCalls(q);
    const before = degreeOf(cold.data, 'bulk-person-001');
    const warm = await countCalls(q);
    expect(warm.byMethod).toEqual({ findActors: 1, changes: 1 });
    expect(warm.data).toEqual(cold.data);

    // A write through the store (not through this API) is noticed: the change log grew.
    await store.upsertRelationship({
      id: 'degree-probe',
      type: 'SUPPORTED',
      source: 'bulk-person-001',
      target: 'bulk-person-002',
      citations: [{ sourceId: SRC_A, excerpt: 'Degree probe.' }],
    });
    const after = await countCalls(q);
    expect(after.byMethod.degrees).toBe(1);
    expect(after.byMethod.relationshipsOfActors).toBeUndefined();
    expect(degreeOf(after.data, 'bulk-person-001')).toBe(before + 1);
    expect(degreeOf(after.data, 'bulk-person-002')).toBe(degreeOf(cold.data, 'bulk-person-002') + 1);
  });

  it('a depth-2 neighbourhood with every node’s relationships: a fixed number of calls', async () => {
    const { total, data } = await countCalls(
      '{ neighborhood(actorId: "bulk-person-000", depth: 2, limit: 200) { nodes { id degree country { id } } edges { source { id } target { id } citations { source { id } } } } }',
    );
    expect(data.neighborhood.nodes.length).toBeGreaterThan(4);
    expect(total).toBeLessThanOrEqual(5);
  });

  it('a neighbourhood’s cited sources come with it where the store reads them in the same call', async () => {
    const query = '{ neighborhood(actorId: "bulk-person-000", depth: 2, limit: 200) { edges { id citations { source { id } } } sources { id title } } }';
    const { byMethod, data } = await countCalls(query);
    const hood = await store.neighborhood({ actorId: 'bulk-person-000', depth: 2, limit: 200 });
    const cited = new Set(hood.relationships.flatMap((r) => r.citations.map((c) => c.sourceId)));
    expect(cited.size).toBeGreaterThan(0);
    expect((data.neighborhood.sources as { id: string }[]).map((s) => s.id).sort()).toEqual([...cited].sort());
    // The Neo4j store returns them (one transaction); the embedded store leaves them to one batched lookup.
    expect(byMethod).toEqual(hood.sources ? { neighborhood: 1 } : { neighborhood: 1, getSources: 1 });
  });
});

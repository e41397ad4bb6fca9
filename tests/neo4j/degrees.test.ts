/**
 * Degrees on the launched Neo4j. While the database holds only Steppe's
 * relationship types, Neo4j 5 reads each actor's degree from its degree store
 * (getDegree in the plan); once another application's relationship type is in
 * use, degrees count Steppe's types only. Either way they equal the count of
 * the actor's relationships, and a neighbourhood (ordered by degree) is the same.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNeo4jStore } from '@/graph/neo4j';
import { DEGREES } from '@/graph/neo4j/cypher';
import { ALL_TYPES } from '@/graph/neo4j/fetch';
import type { GraphStore, Subgraph } from '@/graph/core/store';
import { apiGraph, bulkActorId } from '@/tests/fixtures/api-graph';
import { neo4jTestConfig, wipeNeo4j } from './server';

const config = neo4jTestConfig();
const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { disableLosslessIntegers: true });
const cypherOf = (query: string, params: Record<string, unknown> = {}) => driver.executeQuery(query, params, { database: config.database });
let store: GraphStore;
const ids = ['tokayev', 'nazarbayev', bulkActorId(1), bulkActorId(2), bulkActorId(40)];

/** Relationships at each actor (either end, any Steppe type), counted from the store's own lists. */
async function counted(actorIds: string[]): Promise<number[]> {
  const lists = await store.relationshipsOfActors(actorIds);
  return actorIds.map((id) => lists.get(id)?.length ?? 0);
}

const shape = (h: Subgraph) => ({ actors: h.actors.map((a) => a.id), relationships: h.relationships.map((r) => r.id), degrees: [...(h.degrees ?? [])] });

/** The operators and details of DEGREES' plan for `ids`, as the store sends it. */
async function degreesPlan(): Promise<string> {
  const result = await cypherOf(`PROFILE ${DEGREES}`, { ids, steppeTypes: ALL_TYPES });
  const walk = (p: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }): string[] => [
    `${p.operatorType} ${String(p.arguments.Details ?? '')}`,
    ...p.children.flatMap((c) => walk(c as typeof p)),
  ];
  return walk(result.summary.profile as never).join('\n');
}

beforeAll(async () => {
  await wipeNeo4j(config);
  store = await openNeo4jStore(config);
  await store.importGraph(apiGraph({ people: 120, relationships: 400 }), { by: 'test' });
});

afterAll(async () => {
  await store?.close();
  await driver.close();
});

describe('degrees on Neo4j', () => {
  it('equal the count of each actor’s relationships, read from the degree store while only Steppe’s types are in use', async () => {
    const expected = await counted(ids);
    expect(expected.some((d) => d > 5)).toBe(true);
    expect(await store.degrees(ids)).toEqual(expected);
    const hood = await store.neighborhood({ actorId: 'tokayev', depth: 2, limit: 60 });
    const hoodIds = hood.actors.map((a) => a.id);
    expect(hoodIds.map((id) => hood.degrees!.get(id))).toEqual(await counted(hoodIds));
    expect(await degreesPlan()).toMatch(/onlySteppe THEN getDegree/);
  });

  it('count Steppe’s types only once another type is in use, and leave the neighbourhood unchanged', async () => {
    const before = { degrees: await store.degrees(ids), hood: shape(await store.neighborhood({ actorId: 'tokayev', depth: 2, limit: 60 })) };
    // Another application's data in the same database: a relationship to its own node, and one between two actors.
    await cypherOf("MATCH (a:Actor {id: 'tokayev'}) CREATE (a)-[:TAGGED_BY_OTHER_APP]->(:OtherAppNote {n: 1})");
    await cypherOf('MATCH (a:Actor {id: $a}), (b:Actor {id: $b}) CREATE (a)-[:KNOWS_IN_OTHER_APP]->(b)', { a: bulkActorId(1), b: bulkActorId(2) });
    try {
      expect(await store.degrees(ids)).toEqual(before.degrees);
      expect(shape(await store.neighborhood({ actorId: 'tokayev', depth: 2, limit: 60 }))).toEqual(before.hood);
      // The check can fail: counting every relationship would now differ.
      const all = await cypherOf('UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN COUNT { (a)--() } AS d', { ids });
      expect(all.records.map((r) => r.get('d'))).not.toEqual(before.degrees);
    } finally {
      await cypherOf('MATCH (n:OtherAppNote) DETACH DELETE n');
      await cypherOf('MATCH ()-[r:KNOWS_IN_OTHER_APP]->() DELETE r');
    }
    expect(await store.degrees(ids)).toEqual(before.degrees);
  });
});

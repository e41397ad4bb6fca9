/**
 * Records a Neo4j database held before versions existed: nodes without a
 * `version` property (and maps whose JSON body has none) read as version 1
 * through the store, with no migration, and move on from there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionConflictError } from '@/graph/core/errors';
import type { GraphStore } from '@/graph/core/store';
import { Neo4jExecutor, openNeo4jStore } from '@/graph/neo4j';
import { neo4jTestConfig, wipeNeo4j } from './server';

const config = neo4jTestConfig();
let store: GraphStore;

beforeAll(async () => {
  await wipeNeo4j(config);
  store = await openNeo4jStore(config, { migrate: true });
  const at = '2023-01-01T00:00:00.000Z';
  const body = JSON.stringify({ id: 'old-map', title: 'Old map', createdAt: at, updatedAt: at, nodes: [{ actorId: 'old-person', savedName: 'Old Person', savedKind: 'PERSON', x: 0, y: 0 }], edges: [], annotations: [] });
  const exec = Neo4jExecutor.create(config);
  try {
    // Written as Steppe wrote them before versions: the same properties, no `version`.
    await exec.write(async (q) => {
      await q.run("CREATE (:Actor:Person {id: 'old-person', kind: 'PERSON', name: 'Old Person', searchText: 'old person', aliasesText: ''})");
      await q.run("CREATE (:Source {id: 'old-source', title: 'Old source'})");
      await q.run('CREATE (:CuratedMap {id: $id, title: $title, createdAt: $at, updatedAt: $at, actorIds: $actorIds, body: $body})', { id: 'old-map', title: 'Old map', at, actorIds: ['old-person'], body });
    });
  } finally {
    await exec.close();
  }
});

afterAll(async () => {
  await store?.close();
});

describe('a Neo4j database written before versions', () => {
  it('reads every record at version 1, and versions move on from there', async () => {
    expect((await store.getActor('old-person')).version).toBe(1);
    expect((await store.getSource('old-source')).version).toBe(1);
    expect((await store.getMap('old-map')).version).toBe(1);
    const edited = await store.upsertActor({ ...(await store.getActor('old-person')), summary: 'Edited.' }, { expectedVersion: 1 });
    expect(edited.version).toBe(2);
    expect((await store.getActor('old-person')).version).toBe(2);
    await expect(store.upsertSource({ id: 'old-source', title: 'Stale' }, { expectedVersion: 2 })).rejects.toBeInstanceOf(VersionConflictError);
    expect((await store.upsertSource({ id: 'old-source', title: 'Current' }, { expectedVersion: 1 })).version).toBe(2);
  });
});

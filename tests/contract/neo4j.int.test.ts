/**
 * The GraphStore contract against a real Neo4j: the one `npm run test:neo4j` launches
 * (Neo4j 5.26), or any 4.4/5 server in NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, optionally
 * NEO4J_DATABASE). Every case starts from an empty graph: Steppe's nodes (Actor, Source,
 * Change, ChangeSeq, …) are deleted before each one, so point it at a test database.
 * Without NEO4J_URI it fails, saying how to run it; it is never skipped.
 */
import { describe, expect, it } from 'vitest';
import { Neo4jExecutor, openNeo4jStore, runMigrations } from '@/graph/neo4j';
import { neo4jTestConfig, wipeNeo4j } from '../neo4j/server';
import { defineGraphStoreContract } from './graph-store.contract';

const config = neo4jTestConfig();
console.log(`[neo4j contract] running against ${config.uri} (database ${config.database ?? 'default'}); Steppe nodes are deleted before each case`);
let migrated = false;

describe('neo4j migrations', () => {
  it('are idempotent: a second run succeeds and reports the same steps', async () => {
    const exec = Neo4jExecutor.create(config);
    try {
      const first = await runMigrations(exec);
      const second = await runMigrations(exec);
      expect(second.steps.filter((s) => !s.startsWith('CREATE_ACTOR_NAMES_FULLTEXT_LEGACY'))).toEqual(
        first.steps.filter((s) => !s.startsWith('CREATE_ACTOR_NAMES_FULLTEXT_LEGACY')),
      );
      expect(second.steps).not.toContain('CREATE_ACTOR_NAMES_FULLTEXT_LEGACY');
      migrated = true;
    } finally {
      await exec.close();
    }
  });
});

/** Relationship ids stored more than once: the adapter alone keeps them unique across types (writes CREATE edges its reads showed are new). */
async function duplicateRelationshipIds(): Promise<string[]> {
  const exec = Neo4jExecutor.create(config);
  try {
    const rows = await exec.read((q) => q.run('MATCH (:Actor)-[r]->(:Actor) WITH r.id AS id, count(*) AS n WHERE n > 1 RETURN id ORDER BY id'));
    return rows.map((r) => String(r.id));
  } finally {
    await exec.close();
  }
}

defineGraphStoreContract('neo4j contract', async () => {
  await wipeNeo4j(config);
  const store = await openNeo4jStore(config, { migrate: !migrated });
  migrated = true;
  return { store, cleanup: async () => expect(await duplicateRelationshipIds()).toEqual([]) };
});

/**
 * The GraphStore contract against a real Neo4j (4.4 or 5), when NEO4J_URI is
 * set (with NEO4J_USER, NEO4J_PASSWORD, optionally NEO4J_DATABASE). Every case
 * starts from an empty graph: Steppe's nodes (Actor, Source, Change,
 * ChangeSeq) are deleted before each one, so point it at a test database.
 * Without NEO4J_URI the suite is reported as skipped, with the reason.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig, type Neo4jStoreConfig } from '@/graph/config';
import { openNeo4jStore, Neo4jExecutor, runMigrations } from '@/graph/neo4j';
import { DELETE_ALL_STEPPE_DATA } from '@/graph/neo4j/cypher';
import { defineGraphStoreContract } from './graph-store.contract';

const uri = process.env.NEO4J_URI;

if (!uri) {
  console.log('[neo4j contract] skipped: NEO4J_URI not set (set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to run the contract against Neo4j)');
  describe.skip('neo4j contract (skipped: NEO4J_URI not set)', () => {
    it('runs the GraphStore contract against Neo4j', () => undefined);
  });
} else {
  const config = loadConfig({ store: { kind: 'neo4j' } }).store as Neo4jStoreConfig;
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

  defineGraphStoreContract('neo4j contract', async () => {
    const exec = Neo4jExecutor.create(config);
    try {
      await exec.connect(); // fails fast when the server is down, before the retried wipe
      await exec.write((q) => q.run(DELETE_ALL_STEPPE_DATA));
    } finally {
      await exec.close();
    }
    const store = await openNeo4jStore(config, { migrate: !migrated });
    migrated = true;
    return { store };
  });
}

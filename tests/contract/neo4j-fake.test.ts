/**
 * The GraphStore contract against the Neo4j adapter with a statement-level
 * fake in place of the server (tests/fixtures/fake-neo4j.ts). This runs all of
 * the adapter's TypeScript offline; the Cypher itself is only linted here
 * (tests/integration/cypher-syntax.test.ts) and executed by neo4j.int.test.ts.
 */
import { expect } from 'vitest';
import { parseServerVersion } from '@/graph/neo4j/executor';
import { Neo4jStore } from '@/graph/neo4j/store';
import { FakeNeo4j } from '../fixtures/fake-neo4j';
import { defineGraphStoreContract } from './graph-store.contract';

defineGraphStoreContract('neo4j adapter contract over a statement-level fake (no Cypher executed)', async () => {
  const fake = new FakeNeo4j();
  const store = new Neo4jStore(fake, parseServerVersion('5.26.0', 'community'));
  return {
    store,
    // Relationship ids are unique across types only because the adapter keeps them so (4.4 has no constraint for it).
    cleanup: async () => expect(fake.duplicateRelationshipIds()).toEqual([]),
  };
});

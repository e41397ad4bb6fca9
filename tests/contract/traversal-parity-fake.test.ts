/** Traversal parity of the Neo4j adapter over the statement-level fake with the embedded store (offline; the real server runs tests/neo4j/traversal-parity.test.ts). */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStore } from '@/graph/memory';
import { parseServerVersion } from '@/graph/neo4j/executor';
import { Neo4jStore } from '@/graph/neo4j/store';
import { FakeNeo4j } from '../fixtures/fake-neo4j';
import { defineTraversalParity } from './traversal-parity';

defineTraversalParity('traversal parity: neo4j adapter over the fake vs the embedded store', async () => {
  const reference = await MemoryStore.open({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'steppe-parity-')) });
  const candidate = new Neo4jStore(new FakeNeo4j(), parseServerVersion('5.26.0', 'community'));
  return { reference, candidate, degreesExpected: true, close: () => Promise.all([reference.close(), candidate.close()]).then(() => undefined) };
});

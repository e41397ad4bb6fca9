/** Traversal parity of the Neo4j store on the launched server with the embedded store (see tests/contract/traversal-parity.ts). */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStore } from '@/graph/memory';
import { openNeo4jStore } from '@/graph/neo4j';
import { defineTraversalParity } from '../contract/traversal-parity';
import { neo4jTestConfig, wipeNeo4j } from './server';

defineTraversalParity('traversal parity: real Neo4j vs the embedded store', async () => {
  const config = neo4jTestConfig();
  await wipeNeo4j(config);
  const reference = await MemoryStore.open({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'steppe-parity-')) });
  const candidate = await openNeo4jStore(config, { migrate: true });
  return {
    reference,
    candidate,
    degreesExpected: true,
    close: async () => {
      await Promise.all([reference.close(), candidate.close()]);
    },
  };
});

/**
 * The suites that need a real Neo4j (and the GraphQL API suite on the Neo4j store), run by `npm run test:neo4j` (scripts/test-neo4j.mjs)
 * against the server it starts. Files share that server's one database, so they run one at a time.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/neo4j/**/*.test.ts', 'tests/contract/neo4j.int.test.ts', 'tests/api/**/*.test.ts'],
    // The API cases run here with STEPPE_TEST_STORE=neo4j (tests/api/setup.ts). store-outage.test.ts
    // is about the embedded store's data directory and an unreachable port; the real Neo4j outage
    // is tests/neo4j/outage.test.ts.
    exclude: ['node_modules/**', 'tests/api/store-outage.test.ts'],
    fileParallelism: false,
  },
});

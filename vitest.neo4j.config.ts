/**
 * The suites that need a real Neo4j, run by `npm run test:neo4j` (scripts/test-neo4j.mjs)
 * against the server it starts. Files share that server's one database, so they run one at a time.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/neo4j/**/*.test.ts', 'tests/contract/neo4j.int.test.ts'],
    exclude: ['node_modules/**'],
    fileParallelism: false,
  },
});

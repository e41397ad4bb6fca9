import { defineConfig } from 'vitest/config';
import { createRequire } from 'node:module';
import path from 'node:path';

export default defineConfig({
  resolve: {
    alias: [
      { find: '@', replacement: path.resolve(__dirname) },
      // One graphql-js for everything: Apollo Server and graphql-jit load the CommonJS build through Node,
      // so our modules must too (Vite would pick the ESM build, and graphql-js's instanceof checks fail across copies).
      { find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // The suites that need a real Neo4j run in `npm run test:neo4j` (vitest.neo4j.config.ts).
    exclude: ['tests/e2e/**', 'tests/neo4j/**', 'tests/contract/neo4j.int.test.ts', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});

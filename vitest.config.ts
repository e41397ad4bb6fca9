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
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});

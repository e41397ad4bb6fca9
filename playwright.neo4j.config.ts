/**
 * The browser smoke served from Neo4j, run by `npm run test:neo4j` with NEO4J_URI set to the
 * server it started: the same production server as playwright.config.ts, but the store is
 * Neo4j, loaded with the bundled dataset by `npm run db:load` before the server starts.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

if (!process.env.NEO4J_URI) throw new Error('NEO4J_URI is not set: run the Neo4j browser smoke with `npm run test:neo4j`');

export default defineConfig({
  ...base,
  testDir: 'tests/e2e-neo4j',
  reporter: [['list'], ['json', { outputFile: 'reports/playwright-neo4j.json' }]],
  webServer: {
    ...base.webServer,
    // The standalone server the product ships (scripts/explore.mjs), not `next start`, which `output: standalone` does not support.
    command: `npx tsx scripts/db-load.ts && node scripts/explore.mjs${process.env.STEPPE_E2E_NO_BUILD ? ' --no-build' : ''}`,
    env: {
      ...(base.webServer as { env: Record<string, string> }).env,
      NEO4J_URI: process.env.NEO4J_URI,
      NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
    },
  },
});

/**
 * npm run db:migrate
 * Applies Steppe's Neo4j schema (constraints, relationship-id indexes or
 * constraints, the full-text index) to the server in NEO4J_URI. Idempotent:
 * running it again changes nothing. Wrong password or unreachable server:
 * one line on stderr, exit code 1.
 */
import { loadConfig, type Neo4jStoreConfig } from '../graph/config';
import { Neo4jExecutor, runMigrations } from '../graph/neo4j';
import { runCli } from './cli';

runCli('db:migrate', async () => {
  const config = loadConfig({ store: { kind: 'neo4j' } }).store as Neo4jStoreConfig;
  const exec = Neo4jExecutor.create(config);
  try {
    const report = await runMigrations(exec);
    console.log(`db:migrate: Neo4j ${report.server.version} at ${config.uri}: schema up to date (${report.steps.length} idempotent steps)`);
  } finally {
    await exec.close();
  }
});

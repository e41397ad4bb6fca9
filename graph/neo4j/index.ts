/**
 * The Neo4j adapter: `openNeo4jStore(config)` connects, checks the server,
 * applies the (idempotent) schema migrations and returns a GraphStore.
 */
import type { Neo4jStoreConfig } from '../config';
import type { GraphStore } from '../core/store';
import { Neo4jExecutor, Neo4jQueryError } from './executor';
import { runMigrations } from './migrations';
import { Neo4jStore } from './store';

export { Neo4jStore } from './store';
export { Neo4jExecutor, Neo4jQueryError, type ServerVersion } from './executor';
export { runMigrations, type MigrationReport } from './migrations';

export interface OpenNeo4jOptions {
  /**
   * Apply schema migrations on open (default true; they are idempotent and
   * cheap when already applied). A user without schema rights gets a warning
   * and a working store; run `npm run db:migrate` as an admin once.
   */
  migrate?: boolean;
}

/** Connects to Neo4j; throws StoreUnavailableError (wrong password, unreachable server, missing database). */
export async function openNeo4jStore(config: Neo4jStoreConfig, options: OpenNeo4jOptions = {}): Promise<GraphStore> {
  const exec = Neo4jExecutor.create(config);
  try {
    const server = await exec.connect();
    if (options.migrate !== false) {
      try {
        await runMigrations(exec, server);
      } catch (e) {
        if (!(e instanceof Neo4jQueryError && e.neo4jCode.startsWith('Neo.ClientError.Security.'))) throw e;
        console.warn(`[steppe] Neo4j user "${config.user}" may not change the schema (${e.neo4jCode}); run npm run db:migrate as an admin`);
      }
    }
    return new Neo4jStore(exec, server);
  } catch (e) {
    await exec.close().catch(() => undefined);
    throw e;
  }
}

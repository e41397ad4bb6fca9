/**
 * npm run db:load
 * Runs the Neo4j migrations, then imports the bundled dataset
 * (config.datasetDir) all or nothing. Idempotent: when every dataset record is
 * already stored as it is, nothing is written (not even a change-log entry).
 * Problems name the dataset file and line. Wrong password or unreachable
 * server: one line on stderr, exit code 1.
 */
import { isDeepStrictEqual } from 'node:util';
import { loadConfig, type Neo4jStoreConfig } from '../graph/config';
import { ValidationError } from '../graph/core/errors';
import { readDatasetDir } from '../graph/io/dataset';
import { locateProblems } from '../graph/io/exchange';
import { validateMapRecord } from '../graph/core/maps';
import { canonicalEnds, validateActor, validateRelationship, validateSource, type GraphData } from '../graph/core/model';
import { openNeo4jStore } from '../graph/neo4j';
import type { GraphStore } from '../graph/core/store';
import { runCli } from './cli';

/** True when importing `data` would leave the store exactly as it is. */
async function alreadyLoaded(store: GraphStore, data: GraphData): Promise<boolean> {
  const stored = await store.exportGraph();
  const same = <T extends { id: string }>(records: unknown[], current: T[], normalize: (x: unknown) => T): boolean => {
    const byId = new Map(current.map((r) => [r.id, r]));
    try {
      return records.every((r) => {
        const n = normalize(r);
        return isDeepStrictEqual(n, byId.get(n.id));
      });
    } catch {
      return false; // invalid record: let the import report it
    }
  };
  return (
    same(data.sources, stored.sources, validateSource) &&
    same(data.actors, stored.actors, validateActor) &&
    same(data.relationships, stored.relationships, (r) => canonicalEnds(validateRelationship(r))) &&
    same(data.maps ?? [], stored.maps ?? [], validateMapRecord)
  );
}

runCli('db:load', async () => {
  const config = loadConfig({ store: { kind: 'neo4j' } });
  const neo4j = config.store as Neo4jStoreConfig;
  const store = await openNeo4jStore(neo4j);
  try {
    const { origins, ...data } = await readDatasetDir(config.datasetDir);
    const counts = `${data.sources.length} sources, ${data.actors.length} actors, ${data.relationships.length} relationships, ${data.maps?.length ?? 0} maps`;
    if (await alreadyLoaded(store, data)) {
      console.log(`db:load: ${config.datasetDir} is already loaded in Neo4j at ${neo4j.uri} (${counts}); nothing written`);
      return;
    }
    try {
      await store.importGraph(data, { by: 'db:load' });
    } catch (e) {
      if (e instanceof ValidationError) throw new ValidationError(`Dataset in ${config.datasetDir} refused; nothing was written`, locateProblems(e.problems, origins));
      throw e;
    }
    console.log(`db:load: loaded ${config.datasetDir} into Neo4j at ${neo4j.uri}: ${counts}`);
  } finally {
    await store.close();
  }
});

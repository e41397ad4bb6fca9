/**
 * `--store neo4j`: the same reads against a real Neo4j, beside the embedded
 * store in the same run. Starts the launched Neo4j (scripts/neo4j-server.mjs,
 * the server `npm run test:neo4j` uses, here with a production-like JVM and a
 * page cache that holds the graph), loads the generated dataset directory with
 * the project's own `db:load` (scripts/db-load.ts in a child process, as a user
 * runs it), then measures the store reads, GraphQL over HTTP and the
 * `@neo4j/graphql` peer (bench/peer-neo4j-graphql.ts) against it.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { loadConfig, type Neo4jStoreConfig } from '../graph/config';
import { openNeo4jStore } from '../graph/neo4j';
import { buildNeo4jServer, startNeo4jServer } from '../scripts/neo4j-server.mjs';
import { measureGraphqlOverhead, type OverheadResult } from './graphql-overhead';
import { measurePeer, type PeerResult } from './peer-neo4j-graphql';
import type { Probes } from './probes';
import { measureStore, type StoreMetrics } from './store-metrics';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * JVM heap and page cache for the benchmark's Neo4j. db:load writes the whole graph in one
 * transaction (all or nothing): at 100 000 actors / 500 000 relationships that transaction
 * outgrew Neo4j's transaction memory pool (70 % of the heap by default) with a 4 GB heap
 * (MemoryPoolOutOfMemoryError at commit) and fits in 8 GB. STEPPE_NEO4J_HEAP overrides it.
 */
const HEAP = process.env.STEPPE_NEO4J_HEAP || '8g';
const PAGE_CACHE = '2g';
/** The launched server has no auth; the driver still sends credentials. */
const PASSWORD = 'no-auth-on-the-bench-server';
const TIMEOUT_MS = 30_000;

export interface Neo4jBenchResult {
  version: string;
  heap: string;
  pageCache: string;
  /** `db:load` of the generated dataset directory into the empty database, wall time of the whole command (Node start, migrations, reading and validating the files, one write transaction). */
  dbLoadMs: number;
  /** What db:load printed. */
  dbLoadOutput: string;
  store: StoreMetrics;
  graphql: OverheadResult;
  peer: PeerResult;
  /** 1-minute load average (`os.loadavg`) before db:load, before the reads and at the end: other work on the machine slows every number. */
  loadAverage: { start: number; reads: number; end: number };
}

const load1 = () => Math.round(os.loadavg()[0] * 100) / 100;

/** Runs `npm run db:load`'s script against `uri` with the dataset in `datasetDir`; resolves with its wall time and output. */
function dbLoad(uri: string, datasetDir: string): Promise<{ ms: number; output: string }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/db-load.ts')], {
      cwd: ROOT,
      // The 1 s default budget is for outages of a serving app; a batch load on a busy machine may wait longer for a connection.
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: PASSWORD, NEO4J_TIMEOUT_MS: String(TIMEOUT_MS), STEPPE_DATASET_DIR: datasetDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve({ ms: performance.now() - t, output: output.trim() });
      else reject(new Error(`db:load failed (exit ${code}):\n${output.trim()}`));
    });
  });
}

/** The first Bolt session of a fresh JVM is slow (cold code paths): taken here, untimed. */
async function warmUp(uri: string): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD), { connectionTimeout: TIMEOUT_MS });
  try {
    await driver.executeQuery('RETURN 1');
  } finally {
    await driver.close();
  }
}

export async function measureNeo4j(
  datasetDir: string,
  probes: Probes,
  centres: readonly string[],
  step: (message: string) => void,
  version?: string,
): Promise<Neo4jBenchResult> {
  const launcher = buildNeo4jServer({ ...(version ? { version } : {}), log: step });
  step(`starting Neo4j ${launcher.version} (heap ${HEAP}, page cache ${PAGE_CACHE})…`);
  const server = await startNeo4jServer(launcher, { heap: HEAP, pageCache: PAGE_CACHE, tuned: true });
  try {
    await warmUp(server.uri);
    const start = load1();
    step(`db:load of ${datasetDir} into ${server.uri}…`);
    const loaded = await dbLoad(server.uri, datasetDir);
    step(`db:load took ${(loaded.ms / 1000).toFixed(1)} s: ${loaded.output.split('\n').pop()}`);

    const config = loadConfig(
      { store: { kind: 'neo4j', uri: server.uri, user: 'neo4j', password: PASSWORD, connectionTimeoutMs: TIMEOUT_MS }, limits: { maxQueryCost: 50_000 }, production: true, loadDatasetWhenEmpty: false },
      {},
    );
    const store = await openNeo4jStore(config.store as Neo4jStoreConfig);
    try {
      const reads = load1();
      step('Neo4j: measuring store reads (search, neighbourhoods, paths, as-of)…');
      const storeMetrics = await measureStore(store, probes);
      const d2 = storeMetrics.neighborhoodDepth2;
      step(`Neo4j: depth-2 p50 ${d2.p50.toFixed(1)} ms, p95 ${d2.p95.toFixed(1)} ms (CPU of this process p95 ${d2.cpu.p95.toFixed(1)} ms)`);
      step(`Neo4j: GraphQL over HTTP against the same depth-2 reads (${centres.length} centres)…`);
      const graphql = await measureGraphqlOverhead(store, config, centres);
      step(`Neo4j: explorer's request over HTTP p50 ${graphql.explorer.httpMs.toFixed(1)} ms, p95 ${graphql.explorer.httpP95Ms.toFixed(1)} ms`);
      step(`Neo4j: the @neo4j/graphql peer, Steppe's GraphQL on the same server, same ${centres.length} centres…`);
      const peer = await measurePeer(store, config, centres);
      step(`Neo4j: Steppe ÷ ${peer.library} = ${peer.ratio.toFixed(2)}× (medians ${peer.steppe.p50.toFixed(1)} vs ${peer.peer.p50.toFixed(1)} ms)`);
      return {
        version: launcher.version,
        heap: HEAP,
        pageCache: PAGE_CACHE,
        dbLoadMs: loaded.ms,
        dbLoadOutput: loaded.output,
        store: storeMetrics,
        graphql,
        peer,
        loadAverage: { start, reads, end: load1() },
      };
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
  }
}

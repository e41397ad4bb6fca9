/**
 * The real Neo4j that `npm run test:neo4j` (scripts/test-neo4j.mjs) started for these
 * suites: its config from the environment, a wipe between suites (Community has one
 * user database, so suites share it and run one file at a time), and the launcher's
 * control socket to stop and start the server for real.
 */
import net from 'node:net';
import { loadConfig, type Neo4jStoreConfig } from '@/graph/config';
import { Neo4jExecutor } from '@/graph/neo4j';
import { DELETE_ALL_STEPPE_DATA } from '@/graph/neo4j/cypher';

const HOW = 'run the Neo4j suites with `npm run test:neo4j`, which starts a real Neo4j and sets NEO4J_URI and NEO4J_CONTROL_PORT';

/** The launched server's store config; throws (never skips) when there is none. */
export function neo4jTestConfig(): Neo4jStoreConfig {
  if (!process.env.NEO4J_URI) throw new Error(`NEO4J_URI is not set: ${HOW}`);
  return loadConfig({ store: { kind: 'neo4j' } }).store as Neo4jStoreConfig;
}

/** Deletes every Steppe node and relationship (schema stays). */
export async function wipeNeo4j(config = neo4jTestConfig()): Promise<void> {
  const exec = Neo4jExecutor.create(config);
  try {
    await exec.connect(); // fails fast when the server is down, before the retried wipe
    await exec.write((q) => q.run(DELETE_ALL_STEPPE_DATA));
  } finally {
    await exec.close();
  }
}

/** Sends "stop" or "start" to the launcher; resolves with its answer once done. */
export function controlNeo4j(command: 'stop' | 'start'): Promise<string> {
  const port = Number(process.env.NEO4J_CONTROL_PORT);
  if (!port) throw new Error(`NEO4J_CONTROL_PORT is not set: ${HOW}`);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = net.connect(port, '127.0.0.1', () => socket.end(`${command}\n`));
    socket.setEncoding('utf8');
    socket.on('data', (d) => (answer += d));
    socket.on('error', reject);
    socket.on('close', () => (answer.startsWith('ERROR') || !answer ? reject(new Error(`launcher answered "${answer.trim()}" to ${command}`)) : resolve(answer.trim())));
  });
}

#!/usr/bin/env node
// `npm run test:neo4j`: starts a real Neo4j 5.26 (scripts/neo4j-server.mjs), runs every suite
// that needs one against it (vitest.neo4j.config.ts, then a browser smoke served from Neo4j),
// and stops it. Missing Java or Maven, or no Maven Central, fails with what to install: the
// Neo4j suites are never skipped. Extra arguments go to Vitest (e.g. one test file).
import { spawnSync } from 'node:child_process';
import neo4j from 'neo4j-driver';
import { buildNeo4jServer, Neo4jSetupError, startNeo4jServer } from './neo4j-server.mjs';

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const began = performance.now();

let launcher;
try {
  const t = performance.now();
  launcher = buildNeo4jServer(); // STEPPE_NEO4J_VERSION picks another Neo4j (e.g. 2025.12.1); CI runs the pom's 5.26
  console.log(`[neo4j] launcher for Neo4j ${launcher.version} (${launcher.java}) ready in ${seconds(t)}`);
} catch (e) {
  console.error(`[neo4j] ${e instanceof Neo4jSetupError ? e.message : e.stack}`);
  process.exit(1);
}

const t = performance.now();
const server = await startNeo4jServer(launcher).catch((e) => {
  console.error(`[neo4j] ${e.message}`);
  process.exit(1);
});
console.log(`[neo4j] Neo4j answering at ${server.uri} after ${seconds(t)}`);
// Whatever happens below, the JVM goes with us (it also exits by itself when our stdin pipe to it closes).
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.stop().then(() => process.exit(1)));

const env = {
  ...process.env,
  NEO4J_URI: server.uri,
  NEO4J_USER: 'neo4j',
  NEO4J_PASSWORD: 'no-auth-on-the-test-server',
  NEO4J_CONTROL_PORT: String(server.controlPort),
  STEPPE_TEST_STORE: 'neo4j', // the API suite's stores are the launched Neo4j (tests/api/setup.ts)
};
// The first Bolt session of a fresh JVM is slow (cold code paths); take it here, with the driver's
// default timeouts, so the suites' 1 s store budget measures a warm server.
await warmUp(server.uri);
const run = (command, args, extraEnv = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1;

const vitestArgs = process.argv.slice(2);
let status = run('npx', [
  'vitest', 'run', '--config', 'vitest.neo4j.config.ts',
  '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest-neo4j.json',
  ...vitestArgs,
]);
if (vitestArgs.length === 0) {
  await emptyDatabase(server.uri); // the suites leave their test graphs; the smoke loads the bundled dataset into an empty one
  status = Math.max(status, run('node', ['scripts/e2e.mjs', '--config', 'playwright.neo4j.config.ts']));
}

await server.stop();
console.log(`[neo4j] suites done in ${seconds(began)} (server stopped)`);
process.exit(status);

async function warmUp(uri) {
  const driver = neo4j.driver(uri, neo4j.auth.basic(env.NEO4J_USER, env.NEO4J_PASSWORD));
  try {
    await driver.executeQuery('RETURN 1');
  } finally {
    await driver.close();
  }
}

/** Deletes everything in the test server's database (it holds nothing but test data). */
async function emptyDatabase(uri) {
  const driver = neo4j.driver(uri, neo4j.auth.basic(env.NEO4J_USER, env.NEO4J_PASSWORD));
  try {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { routing: 'WRITE' });
  } finally {
    await driver.close();
  }
}

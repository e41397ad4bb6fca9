/**
 * `npm run db:migrate` and `npm run db:load`, each run twice as a user would, against the
 * launched Neo4j from an empty database: the schema and the loaded graph are what the
 * bundled dataset says, and the second runs change nothing.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDatasetDir } from '@/graph/io/dataset';
import { Neo4jExecutor } from '@/graph/neo4j';
import { neo4jTestConfig, wipeNeo4j } from './server';

const config = neo4jTestConfig();
/** Each case runs the scripts twice as child processes (tsx start-up included): minutes on a loaded 2-core machine. */
const SCRIPT_CASE_TIMEOUT = 300_000;

function npmRun(script: 'db:migrate' | 'db:load'): string {
  const r = spawnSync('npm', ['run', '--silent', script], { encoding: 'utf8', env: process.env, timeout: 180_000 });
  expect(r.status, `${script} failed:\n${r.stdout}${r.stderr}`).toBe(0);
  return r.stdout;
}

async function counts() {
  const exec = Neo4jExecutor.create(config);
  try {
    const one = async (cypher: string) => Number((await exec.runAutoCommit(cypher))[0].n);
    return {
      actors: await one('MATCH (a:Actor) RETURN count(a) AS n'),
      sources: await one('MATCH (s:Source) RETURN count(s) AS n'),
      relationships: await one('MATCH (:Actor)-[r]->(:Actor) RETURN count(r) AS n'),
      maps: await one('MATCH (m:CuratedMap) RETURN count(m) AS n'),
      changes: await one('MATCH (c:Change) RETURN count(c) AS n'),
      nodes: await one('MATCH (n) RETURN count(n) AS n'),
      constraints: (await exec.runAutoCommit('SHOW CONSTRAINTS YIELD name RETURN name')).length,
      indexes: (await exec.runAutoCommit('SHOW INDEXES YIELD name RETURN name')).length,
    };
  } finally {
    await exec.close();
  }
}

describe('db:migrate and db:load on a real Neo4j', () => {
  beforeAll(() => wipeNeo4j(config));

  it('db:migrate twice: the same schema after each run', async () => {
    expect(npmRun('db:migrate')).toMatch(/schema up to date/);
    const first = await counts();
    expect(npmRun('db:migrate')).toMatch(/schema up to date/);
    const second = await counts();
    expect(first.constraints).toBeGreaterThanOrEqual(6);
    expect(first.indexes).toBeGreaterThan(first.constraints); // constraints' own indexes, plus full-text and lookups
    expect(second).toEqual(first);
  }, SCRIPT_CASE_TIMEOUT);

  it('db:load twice: the bundled dataset, once; the second run writes nothing', async () => {
    const dataset = await readDatasetDir('data');
    expect(npmRun('db:load')).toMatch(/loaded .* into Neo4j/);
    const first = await counts();
    expect(first).toMatchObject({
      actors: dataset.actors.length,
      sources: dataset.sources.length,
      relationships: dataset.relationships.length,
      maps: dataset.maps?.length ?? 0,
    });
    expect(first.changes).toBeGreaterThan(0);
    expect(npmRun('db:load')).toMatch(/already loaded/);
    expect(await counts()).toEqual(first);
    console.log(`[neo4j db scripts] after two runs each: ${JSON.stringify(first)}`);
  }, SCRIPT_CASE_TIMEOUT);
});

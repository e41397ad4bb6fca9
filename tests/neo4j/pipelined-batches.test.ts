/**
 * Writes send two UNWIND batches at a time (runInBatches in graph/neo4j/apply.ts): the
 * driver pipelines them on the transaction's connection. On the real server, a batch that
 * fails while the next is already on its way must still end as one Steppe error, with
 * nothing of the transaction kept and no answer left unhandled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '@/graph/core/errors';
import type { Actor } from '@/graph/core/model';
import { Neo4jExecutor } from '@/graph/neo4j';
import { BATCH_SIZE, runInBatches } from '@/graph/neo4j/apply';
import { createActorsStatement } from '@/graph/neo4j/cypher';
import { runMigrations } from '@/graph/neo4j/migrations';
import { actorRow } from '@/graph/neo4j/records';
import { neo4jTestConfig, wipeNeo4j } from './server';

const config = neo4jTestConfig();
const exec = Neo4jExecutor.create(config);
const person = (i: number): Actor => ({ id: `batch-probe-${i}`, kind: 'PERSON', name: `Batch Probe ${i}`, aliases: [], tags: [], version: 1 });
const people = (n: number) => Array.from({ length: n }, (_, i) => person(i));
const CREATE_PEOPLE = createActorsStatement('PERSON');
const rows = (batch: Actor[]) => ({ rows: batch.map(actorRow) });
const countProbes = async () => Number((await exec.read((q) => q.run("MATCH (a:Actor) WHERE a.id STARTS WITH 'batch-probe-' RETURN count(a) AS n")))[0].n);

beforeAll(async () => {
  await wipeNeo4j(config);
  // The actor id constraint the clash below needs (a suite run alone starts on a server without it).
  await runMigrations(exec);
});

afterAll(async () => {
  await wipeNeo4j(config);
  await exec.close();
});

describe('batches in flight on the real server', () => {
  it('writes every batch of a write larger than two batches', async () => {
    await exec.write((q) => runInBatches(q, CREATE_PEOPLE, people(2 * BATCH_SIZE + 500), rows));
    expect(await countProbes()).toBe(2 * BATCH_SIZE + 500);
    await wipeNeo4j(config);
  });

  it('a batch failing while the next is in flight: one ConflictError, and none of the write is kept', async () => {
    // Another writer already holds the id the second batch creates: the uniqueness constraint refuses it mid-write.
    const clash = BATCH_SIZE + BATCH_SIZE / 2;
    await exec.write((q) => runInBatches(q, CREATE_PEOPLE, [person(clash)], rows));
    const failed = exec.write((q) => runInBatches(q, CREATE_PEOPLE, people(3 * BATCH_SIZE), rows));
    await expect(failed).rejects.toBeInstanceOf(ConflictError);
    // Only the other writer's actor: the first batch, written before the clash, was rolled back with the rest.
    expect(await countProbes()).toBe(1);
  });
});

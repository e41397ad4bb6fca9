/**
 * Replicas that agree: two app processes (tests/neo4j/replica-server.ts, each
 * the production route with its own in-process caches) on the launched Neo4j,
 * as two replicas behind a load balancer would run. A write through one is
 * answered by the other on its very next request: the new record, degrees,
 * a graph analysis it had cached, and a new ETag for a read it had tagged
 * (its caches and tags are keyed on the store's version read from Neo4j,
 * graph/api/store-version.ts). Both processes tag the same answer alike, so a
 * client revalidating against either gets 304 while nothing changed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNeo4jStore } from '@/graph/neo4j';
import { SRC_A, apiGraph } from '@/tests/fixtures/api-graph';
import { gql, type GqlResponse, type Json } from '../api/http-harness';
import { neo4jTestConfig, wipeNeo4j } from './server';

const TOKEN = 'replica-test-admin-token-0123456789';

interface Replica {
  url: string;
  child: ChildProcess;
}

/** Starts one replica process and waits for its address. */
function startReplica(dataDir: string): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/neo4j/replica-server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', STEPPE_LOAD_DATASET: '0', STEPPE_ADMIN_TOKEN: TOKEN, STEPPE_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`replica did not start in 60 s: ${out}${err}`)), 60_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /LISTENING (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`replica exited with ${code}: ${out}${err}`));
    });
  });
}

function stopReplica(r: Replica | undefined): Promise<void> {
  if (!r || r.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    r.child.removeAllListeners('exit');
    r.child.once('exit', () => resolve());
    r.child.kill('SIGTERM');
  });
}

function ok(r: GqlResponse): Record<string, Json> {
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body.data!;
}

const READ = `{
  actor(id: "smailov") { degree metrics { degree } }
  ring: neighborhood(actorId: "smailov", depth: 1, limit: 100) { nodes { id name degree } }
  stats { actors analytics { actorCount relationshipCount } }
  communities { size }
}`;
const get = (url: string, etag?: string) => gql(url, READ, { method: 'GET', headers: etag ? { 'if-none-match': etag } : {} });

describe('two app processes on one Neo4j', () => {
  let a: Replica | undefined;
  let b: Replica | undefined;
  const dirs: string[] = [];

  beforeAll(async () => {
    await wipeNeo4j();
    const store = await openNeo4jStore(neo4jTestConfig());
    try {
      await store.importGraph(apiGraph(), { by: 'test' });
    } finally {
      await store.close();
    }
    const dir = () => {
      const d = mkdtempSync(path.join(os.tmpdir(), 'steppe-replica-'));
      dirs.push(d);
      return d;
    };
    [a, b] = await Promise.all([startReplica(dir()), startReplica(dir())]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([stopReplica(a), stopReplica(b)]);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a write through one is answered by the other on its next request: records, degrees, analytics and ETags', async () => {
    // Both replicas answer, cache their analyses and tag the same answer alike.
    const fromA = await get(a!.url);
    const fromB = await get(b!.url);
    const before = ok(fromB);
    expect(ok(fromA)).toEqual(before);
    const newcomerIn = (data: Record<string, Json>) => data.ring.nodes.find((n: Json) => n.id === 'replica-newcomer');
    expect(newcomerIn(before)).toBeUndefined();
    const etag = fromB.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect(fromA.headers.get('etag')).toBe(etag);
    expect((await get(b!.url, etag)).status).toBe(304);
    expect((await get(a!.url, etag)).status).toBe(304);

    // A write through A: a new actor and a relationship from smailov to it.
    ok(await gql(a!.url, 'mutation { createActor(input: { id: "replica-newcomer", kind: PERSON, name: "Replica Newcomer" }) { id } }', { token: TOKEN }));
    const created = ok(
      await gql(
        a!.url,
        `mutation { createRelationship(input: { type: SUPPORTED, source: "smailov", target: "replica-newcomer", start: "2023", citations: [{ sourceId: "${SRC_A}", excerpt: "Smailov backed the newcomer." }] }) { id } }`,
        { token: TOKEN },
      ),
    ).createRelationship.id as string;

    // B's very next request, revalidating its old tag, gets the new answer with a new tag.
    const next = await get(b!.url, etag);
    expect(next.status).toBe(200);
    const after = ok(next);
    expect(newcomerIn(after)).toEqual({ id: 'replica-newcomer', name: 'Replica Newcomer', degree: 1 });
    expect(after.actor.degree).toBe(before.actor.degree + 1);
    expect(after.actor.metrics.degree).toBe(before.actor.metrics.degree + 1);
    expect(after.stats.actors).toBe(before.stats.actors + 1);
    expect(after.stats.analytics).toEqual({ actorCount: before.stats.analytics.actorCount + 1, relationshipCount: before.stats.analytics.relationshipCount + 1 });
    const newTag = next.headers.get('etag')!;
    expect(newTag).not.toBe(etag);

    // A agrees, tag included; and a write through B reaches A the same way.
    const atA = await get(a!.url, etag);
    expect(atA.status).toBe(200);
    expect(ok(atA)).toEqual(after);
    expect(atA.headers.get('etag')).toBe(newTag);
    ok(await gql(b!.url, 'mutation($id: ID!) { deleteRelationship(id: $id) }', { token: TOKEN, variables: { id: created } }));
    const back = await get(a!.url, newTag);
    expect(back.status).toBe(200);
    expect(newcomerIn(ok(back))).toBeUndefined();
    expect(ok(back).actor.degree).toBe(before.actor.degree);
    expect(ok(back).stats.analytics.relationshipCount).toBe(before.stats.analytics.relationshipCount);
  }, 120_000);
});

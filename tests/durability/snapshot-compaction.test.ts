/**
 * Snapshots and compaction: reopening gives back exactly what was there
 * (graph and change log), big imports go to a snapshot instead of the
 * journal, failed imports leave the files untouched, and the directory lock
 * and damaged snapshots are handled.
 */
import { copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError, ValidationError } from '@/graph/core/errors';
import { MemoryStore } from '@/graph/memory';
import type { Actor, GraphData, Relationship } from '@/graph/core/model';
import type { GraphStore } from '@/graph/core/store';
import { miniGraph } from '../fixtures/mini-graph';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-snap-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const person = (id: string, name = `Person ${id}`): Actor => ({ id, kind: 'PERSON', name, aliases: [], tags: [] });
const rel = (id: string, source: string, target: string): Relationship => ({
  id,
  type: 'SUPPORTED',
  source,
  target,
  start: '2022-03',
  citations: [{ sourceId: 'src-a', excerpt: `Evidence ${id}` }],
});

/** Everything observable that must survive a restart. */
async function observable(store: GraphStore) {
  return { data: await store.exportGraph(), changes: (await store.changes({ first: 500 })).items };
}

/** A mixed history: import, upserts, replacements, deletes, a cascade and a merge. */
async function busyHistory(store: GraphStore): Promise<void> {
  await store.importGraph(miniGraph(), { by: 'loader' });
  for (let i = 0; i < 40; i++) await store.upsertActor(person(`p${i}`));
  for (let i = 1; i < 40; i++) await store.upsertRelationship(rel(`x${i}`, `p${i - 1}`, `p${i}`));
  await store.upsertActor({ ...person('p3'), name: 'Renamed Three', aliases: ['Trois'] });
  await store.deleteRelationship('x5');
  await store.deleteActor('p10', { cascade: true });
  await store.mergeActors('p20', 'p21', { by: 'editor' });
  await store.upsertSource({ id: 'src-c', title: 'Later source' });
  await store.deleteSource('src-c');
}

function bigGraph(n: number): GraphData {
  const actors = Array.from({ length: n }, (_, i) => person(`big-${i}`));
  const relationships = Array.from({ length: n - 1 }, (_, i) => rel(`big-rel-${i}`, `big-${i}`, `big-${i + 1}`));
  return { sources: [{ id: 'src-a', title: 'A' }], actors, relationships };
}

describe('reopen', () => {
  it('gives the same graph and change log after many writes (journal replay)', async () => {
    const store = await MemoryStore.open({ dataDir: dir });
    await busyHistory(store);
    const before = await observable(store);
    await store.close();
    const again = await MemoryStore.open({ dataDir: dir });
    expect(await observable(again)).toEqual(before);
    // Indexes were rebuilt too, not only the records.
    expect((await again.findActors({ search: 'trois' })).items.map((h) => h.actor.id)).toEqual(['p3']);
    expect((await again.neighborhood({ actorId: 'p20' })).actors.map((a) => a.id).sort()).toEqual(['p19', 'p20', 'p22']);
    await again.close();
  });

  it('gives the same graph and change log when compaction ran many times (snapshot + journal)', async () => {
    const store = await MemoryStore.open({ dataDir: dir, compactAfterBytes: 4096 });
    await busyHistory(store);
    const before = await observable(store);
    await store.close();
    const files = await readdir(dir);
    const snapshots = files.filter((f) => f.startsWith('snapshot-'));
    expect(snapshots).toHaveLength(1); // older generations are deleted
    expect(Number(snapshots[0].slice(9, 15))).toBeGreaterThan(3); // and there were several
    expect(files.filter((f) => f.startsWith('journal-'))).toEqual([`journal-${snapshots[0].slice(9, 15)}.log`]);
    const again = await MemoryStore.open({ dataDir: dir });
    expect(await observable(again)).toEqual(before);
    await again.close();
  });
});

describe('bulk import', () => {
  it('writes a big import as a snapshot, not a journal record, and reopens with it', async () => {
    const store = await MemoryStore.open({ dataDir: dir, snapshotImportsAbove: 100 });
    expect(await store.importGraph(bigGraph(300))).toEqual({ sources: 1, actors: 300, relationships: 299, maps: 0 });
    expect((await stat(path.join(dir, 'journal-000001.log'))).size).toBe(0);
    await store.upsertActor(person('after-import'));
    const before = await observable(store);
    await store.close();
    const again = await MemoryStore.open({ dataDir: dir });
    expect(await observable(again)).toEqual(before);
    expect((await again.paths({ from: 'big-0', to: 'big-3' }))[0].actorIds).toEqual(['big-0', 'big-1', 'big-2', 'big-3']);
    await again.close();
  });

  it('a bulk import merges with what is already stored', async () => {
    const store = await MemoryStore.open({ dataDir: dir, snapshotImportsAbove: 10 });
    await store.importGraph(miniGraph());
    await store.importGraph(bigGraph(30));
    const before = await observable(store);
    expect(before.data.actors).toHaveLength(13 + 30);
    await store.close();
    const again = await MemoryStore.open({ dataDir: dir });
    expect(await observable(again)).toEqual(before);
    await again.close();
  });

  it('a failing import changes no file on disk, small or bulk', async () => {
    for (const snapshotImportsAbove of [1_000_000, 10]) {
      const sub = path.join(dir, String(snapshotImportsAbove));
      const store = await MemoryStore.open({ dataDir: sub, snapshotImportsAbove });
      await store.upsertSource({ id: 'src-a', title: 'A' });
      const filesBefore = await readdir(sub);
      const journalBefore = await readFile(path.join(sub, 'journal-000000.log'));
      const bad = bigGraph(50);
      bad.relationships[12].citations[0].sourceId = 'no-such-source';
      const error = await store.importGraph(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((p) => p.path)).toContain('relationships[12].citations[0].sourceId');
      expect(await readdir(sub)).toEqual(filesBefore);
      expect(await readFile(path.join(sub, 'journal-000000.log'))).toEqual(journalBefore);
      await store.close();
      const again = await MemoryStore.open({ dataDir: sub });
      expect((await again.stats()).actors).toBe(0);
      await again.close();
    }
  });
});

describe('data directory', () => {
  it('refuses a second open of the same directory until the first is closed', async () => {
    const store = await MemoryStore.open({ dataDir: dir });
    await expect(MemoryStore.open({ dataDir: dir })).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
    const again = await MemoryStore.open({ dataDir: dir });
    await again.close();
  });

  it('takes over a lock left by a dead process', async () => {
    await writeFile(path.join(dir, 'LOCK'), '2147483646');
    const store = await MemoryStore.open({ dataDir: dir });
    await store.close();
  });

  it('refuses to open on a damaged snapshot instead of loading half a graph', async () => {
    const store = await MemoryStore.open({ dataDir: dir, snapshotImportsAbove: 10 });
    await store.importGraph(bigGraph(40));
    await store.close();
    const snap = path.join(dir, 'snapshot-000001.jsonl');
    const buf = await readFile(snap);
    buf[Math.floor(buf.length / 2)] ^= 0x01;
    await writeFile(snap, buf);
    await expect(MemoryStore.open({ dataDir: dir })).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('ignores the leftovers of an interrupted compaction', async () => {
    const store = await MemoryStore.open({ dataDir: dir, snapshotImportsAbove: 10 });
    await store.importGraph(bigGraph(20)); // generation 1
    await store.upsertActor(person('late'));
    const before = await observable(store);
    await store.close();
    // A crash mid-compaction can leave a temp snapshot of the next generation…
    await writeFile(path.join(dir, 'snapshot-000002.jsonl.tmp'), 'h {"format":"steppe-snapshot"');
    // …and a crash after the switch can leave the previous generation behind.
    await copyFile(path.join(dir, 'snapshot-000001.jsonl'), path.join(dir, 'snapshot-000000.jsonl'));
    const again = await MemoryStore.open({ dataDir: dir });
    expect(await observable(again)).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(['LOCK', 'journal-000001.log', 'snapshot-000001.jsonl']);
    await again.close();
  });

  it('reports a closed store as unavailable', async () => {
    const store = await MemoryStore.open({ dataDir: dir });
    await store.close();
    await expect(store.getActor('x')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.upsertActor(person('x'))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await store.health()).ok).toBe(false);
  });
});

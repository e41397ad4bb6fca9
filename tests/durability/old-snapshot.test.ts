/**
 * A data directory written by an older build still opens. The fixture in
 * tests/fixtures/store-v1 was written by the store of commit 2c9733c (before
 * records were compacted in memory): a version-1 snapshot of the mini graph
 * (generation 1) and a journal with one later write. Never regenerate it: its
 * point is to be old.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '@/graph/memory';
import type { GraphData } from '@/graph/core/model';
import { miniGraph } from '../fixtures/mini-graph';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/store-v1');
const LATER_ACTOR = { id: 'written-after-the-snapshot', kind: 'PERSON' as const, name: 'Journal Only', aliases: [], tags: [] };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-old-'));
  await cp(FIXTURE, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function expected(): GraphData {
  const g = miniGraph();
  return { sources: byId(g.sources), actors: byId([...g.actors, LATER_ACTOR]), relationships: byId(g.relationships), maps: [] };
}

describe('a data directory from an older build', () => {
  it('opens with every record of its snapshot and journal, unchanged', async () => {
    const store = await MemoryStore.open({ dataDir: dir });
    try {
      expect(await store.exportGraph()).toEqual(expected());
      const changes = (await store.changes({ first: 10 })).items;
      expect(changes.map((c) => [c.seq, c.op])).toEqual([
        [1, 'IMPORT'],
        [2, 'UPSERT_ACTOR'],
      ]);
      expect((await store.findActors({ search: 'tokaev', first: 5 })).items.map((h) => h.actor.id)).toEqual(['tokayev']);
      expect((await store.neighborhood({ actorId: 'tokayev', depth: 1 })).relationships.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('takes writes and compacts into the current format, which reopens the same', async () => {
    const store = await MemoryStore.open({ dataDir: dir, compactAfterBytes: 1 });
    await store.upsertActor({ id: 'after-upgrade', kind: 'PERSON', name: 'After Upgrade', aliases: [], tags: [] });
    await store.close();
    expect((await readdir(dir)).filter((f) => f.startsWith('snapshot-'))).toEqual(['snapshot-000002.jsonl']);
    const again = await MemoryStore.open({ dataDir: dir });
    try {
      const data = await again.exportGraph();
      expect(data.actors.map((a) => a.id)).toContain('after-upgrade');
      expect(data.relationships).toEqual(expected().relationships);
    } finally {
      await again.close();
    }
  });
});

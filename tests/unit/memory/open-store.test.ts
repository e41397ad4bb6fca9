/** openStore/getStore with the embedded store: seeding from the dataset once, and one instance per process. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '@/graph/config';
import { writeDatasetDir } from '@/graph/io/dataset';
import { getStore, openStore } from '@/graph/open-store';
import { miniGraph, MINI_COUNTS } from '../../fixtures/mini-graph';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'steppe-open-'));
  await writeDatasetDir(path.join(root, 'dataset'), miniGraph());
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const config = (loadDatasetWhenEmpty: boolean) =>
  loadConfig({ store: { kind: 'memory', dataDir: path.join(root, 'store') }, datasetDir: path.join(root, 'dataset'), loadDatasetWhenEmpty }, {});

describe('openStore (memory)', () => {
  it('seeds an empty store from the dataset once, and not again on reopen', async () => {
    const store = await openStore(config(true));
    expect(store.kind).toBe('memory');
    const stats = await store.stats();
    expect([stats.sources, stats.actors, stats.relationships]).toEqual([MINI_COUNTS.sources, MINI_COUNTS.actors, MINI_COUNTS.relationships]);
    const log = await store.changes();
    expect(log.items.map((c) => [c.op, c.by])).toEqual([['IMPORT', 'dataset']]);
    await store.deleteActor('smailov', { cascade: true });
    await store.close();

    const again = await openStore(config(true));
    expect((await again.stats()).actors).toBe(MINI_COUNTS.actors - 1); // kept the edit, did not re-import
    expect((await again.changes()).items.filter((c) => c.op === 'IMPORT')).toHaveLength(1);
    await again.close();
  });

  it('leaves the store empty when seeding is off', async () => {
    const store = await openStore(config(false));
    expect((await store.stats()).actors).toBe(0);
    await store.close();
  });
});

describe('getStore', () => {
  it('returns one shared instance per process', async () => {
    const saved = { ...process.env };
    process.env.STEPPE_DATA_DIR = path.join(root, 'shared');
    process.env.STEPPE_DATASET_DIR = path.join(root, 'dataset');
    delete process.env.NEO4J_URI;
    try {
      const [a, b] = await Promise.all([getStore(), getStore()]);
      expect(a).toBe(b);
      expect(await getStore()).toBe(a);
      expect((await a.stats()).actors).toBe(MINI_COUNTS.actors);
      await a.close();
    } finally {
      delete (globalThis as Record<symbol, unknown>)[Symbol.for('steppe.graphStore')];
      process.env = saved;
    }
  });
});

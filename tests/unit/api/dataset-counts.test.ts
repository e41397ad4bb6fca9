/**
 * /api/health's counts (graph/api/dataset-counts.ts) come from one `stats`
 * call per store version: polls of an unchanged store reuse it, and the next
 * poll after a write shows the write. Run on the embedded store on disk; the
 * only wrapper counts `stats` calls and passes everything through.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '@/graph/memory';
import type { GraphStore } from '@/graph/core/store';
import { datasetCounts } from '@/graph/api/dataset-counts';

let dir: string;
let store: MemoryStore;
let counted: GraphStore;
let statsCalls = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-counts-'));
  store = await MemoryStore.open({ dataDir: dir });
  await store.upsertActor({ id: 'a', kind: 'PERSON', name: 'A', aliases: [], tags: [] });
  counted = new Proxy(store, {
    get(target, key) {
      if (key === 'stats') statsCalls++;
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('dataset counts for health', () => {
  it('reads stats once per store version and shows a write on the next poll', async () => {
    expect(await datasetCounts(counted)).toEqual({ actors: 1, relationships: 0, sources: 0 });
    expect(await datasetCounts(counted)).toEqual({ actors: 1, relationships: 0, sources: 0 });
    expect(statsCalls).toBe(1);
    await store.upsertActor({ id: 'b', kind: 'PERSON', name: 'B', aliases: [], tags: [] });
    expect(await datasetCounts(counted)).toEqual({ actors: 2, relationships: 0, sources: 0 });
    expect(statsCalls).toBe(2);
  });
});

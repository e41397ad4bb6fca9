/** The embedded store keeps citations packed into one string (graph/memory/packed-citations.ts); callers and the disk only ever see records. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Citation, Relationship } from '@/graph/core/model';
import { MemoryStore } from '@/graph/memory';
import { citedSourceIds, citesSource, packCitations, unpackCitations } from '@/graph/memory/packed-citations';
import { miniGraph } from '../../fixtures/mini-graph';

describe('packCitations', () => {
  const cases: [string, Citation[]][] = [
    ['one citation', [{ sourceId: 'src-a', excerpt: 'Tokayev appointed Smailov prime minister.' }]],
    [
      'several, with lengths that take two and three digits',
      [
        { sourceId: 's'.repeat(63), excerpt: 'x'.repeat(64) },
        { sourceId: 'src-b', excerpt: 'y'.repeat(4095) },
        { sourceId: 'src-c', excerpt: 'z'.repeat(4096 * 64 + 1) },
      ],
    ],
    ['non-Latin text and an empty excerpt', [{ sourceId: 'назарбаев', excerpt: 'Республика Казахстан — 🇰🇿' }, { sourceId: 'src-d', excerpt: '' }]],
    ['none', []],
  ];

  it.each(cases)('round-trips %s', (_, citations) => {
    const packed = packCitations(citations);
    expect(unpackCitations(packed)).toEqual(citations);
    expect(citedSourceIds(packed)).toEqual(citations.map((c) => c.sourceId));
  });

  it('finds a cited source only by its whole id', () => {
    const packed = packCitations([
      { sourceId: 'src-10', excerpt: 'src-1 is named in this excerpt' },
      { sourceId: 'src-2', excerpt: 'b' },
    ]);
    expect(citesSource(packed, 'src-10')).toBe(true);
    expect(citesSource(packed, 'src-2')).toBe(true);
    expect(citesSource(packed, 'src-1')).toBe(false);
    expect(citesSource(packed, 'src-')).toBe(false);
  });
});

describe('the store with packed citations', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-packed-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const rel: Relationship = {
    id: 'r-two-sources',
    type: 'APPOINTED',
    source: 'tokayev',
    target: 'massimov',
    role: 'Chairman of the KNB',
    start: '2019-09',
    citations: [
      { sourceId: 'src-a', excerpt: 'Massimov was detained on suspicion of treason.' },
      { sourceId: 'src-b', excerpt: 'Massimov chaired the KNB.' },
    ],
  };

  it('hands out records, in reads, the change log, exports and after a restart', async () => {
    const store = await MemoryStore.open({ dataDir: dir });
    await store.importGraph(miniGraph());
    await store.upsertRelationship(structuredClone(rel));
    const expected = { ...rel, version: 1 };
    expect(await store.getRelationship(rel.id)).toEqual(expected);
    const change = (await store.changes()).items.find((c) => c.op === 'UPSERT_RELATIONSHIP' && c.entityId === rel.id);
    expect(change?.after).toEqual(expected);
    expect((await store.exportGraph()).relationships.find((r) => r.id === rel.id)?.citations).toEqual(rel.citations);
    const sub = await store.neighborhood({ actorId: 'massimov', depth: 1, limit: 50 });
    expect(sub.relationships.find((r) => r.id === rel.id)).toEqual(expected);
    const bySource = await store.listRelationships({ sourceId: 'src-b' });
    expect(bySource.items.map((r) => r.id)).toContain(rel.id);

    // A caller changing its copy changes nothing stored.
    const copy = await store.getRelationship(rel.id);
    copy.citations[0].excerpt = 'changed';
    expect((await store.getRelationship(rel.id)).citations).toEqual(rel.citations);

    // Deleting rewrites the record into the change log as it was.
    await store.deleteRelationship(rel.id);
    const deleted = (await store.changes()).items.find((c) => c.op === 'DELETE_RELATIONSHIP' && c.entityId === rel.id);
    expect(deleted?.before).toEqual(expected);
    await store.upsertRelationship(structuredClone(rel));
    await store.close();

    // Journal replay, then a snapshot written from the packed state and read back.
    const reopened = await MemoryStore.open({ dataDir: dir, compactAfterBytes: 1 });
    expect((await reopened.getRelationship(rel.id)).citations).toEqual(rel.citations);
    await reopened.upsertRelationship({ ...structuredClone(rel), id: 'r-after-compaction' });
    await reopened.close();
    const compacted = await MemoryStore.open({ dataDir: dir });
    expect((await compacted.getRelationship(rel.id)).citations).toEqual(rel.citations);
    expect((await compacted.getRelationship('r-after-compaction')).citations).toEqual(rel.citations);
    await compacted.close();
  });
});

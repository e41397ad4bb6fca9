/**
 * Source texts survive a restart of the embedded store: from the journal, and
 * from a snapshot after compaction (texts are their own snapshot lines).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '@/graph/memory';
import { miniGraph, SRC_A } from '../fixtures/mini-graph';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-text-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TEXT = 'Tokayev appointed Smailov prime minister.\n\nThe government of Mamin was dismissed.';

async function writeTexts(store: MemoryStore) {
  await store.importGraph(miniGraph());
  await store.setSourceText(SRC_A, 'A first draft.');
  await store.setSourceText(SRC_A, TEXT);
  await store.setSourceText('doc-1', 'Ünïcödé text with “quotes”.', { source: { id: 'doc-1', title: 'Doc' } });
}

async function observable(store: MemoryStore) {
  return {
    texts: [await store.getSourceText(SRC_A), await store.getSourceText('doc-1')],
    info: await store.sourceTextInfo([SRC_A, 'doc-1']),
    check: await store.verifySourceCitations(SRC_A),
    changes: (await store.changes({ first: 500 })).items,
  };
}

describe('source texts on disk', () => {
  it('are replayed from the journal after a restart', async () => {
    const store = await MemoryStore.open({ dataDir: dir });
    await writeTexts(store);
    const before = await observable(store);
    expect(before.texts).toEqual([TEXT, 'Ünïcödé text with “quotes”.']);
    await store.close();

    const reopened = await MemoryStore.open({ dataDir: dir });
    expect(await observable(reopened)).toEqual(before);
    await reopened.close();
  });

  it('are kept in the snapshot when the journal is compacted', async () => {
    // A tiny compaction threshold: every write after the first starts a new generation with a snapshot.
    const store = await MemoryStore.open({ dataDir: dir, compactAfterBytes: 1 });
    await writeTexts(store);
    await store.upsertSource({ id: 'doc-2', title: 'After compaction' });
    const before = await observable(store);
    await store.close();
    expect((await readdir(dir)).some((f) => f.startsWith('snapshot'))).toBe(true);

    const reopened = await MemoryStore.open({ dataDir: dir });
    expect(await observable(reopened)).toEqual(before);
    expect(before.check?.stale.length).toBeGreaterThan(0);
    await reopened.close();
  });
});

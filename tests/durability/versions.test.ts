/**
 * Record versions on disk: they survive a restart from the journal and from a
 * snapshot, and a data directory written before versions existed (records
 * without `version`, in a snapshot and in the journal) still opens, every
 * record reading as version 1 and moving on from there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VersionConflictError } from '@/graph/core/errors';
import type { Actor } from '@/graph/core/model';
import type { Change, GraphStore } from '@/graph/core/store';
import { MemoryStore } from '@/graph/memory';
import { journalPath, snapshotPath } from '@/graph/memory/data-dir';
import { JournalFile } from '@/graph/memory/journal';
import { writeSnapshot } from '@/graph/memory/snapshot';
import { miniGraph, SRC_A } from '../fixtures/mini-graph';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-versions-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Versions of a few records, as a restart must give them back. */
async function versions(store: GraphStore) {
  return {
    smailov: (await store.getActor('smailov')).version,
    r01: (await store.getRelationship('r01')).version,
    source: (await store.getSource(SRC_A)).version,
    map: (await store.getMap('knb')).version,
  };
}

async function editALot(store: GraphStore): Promise<void> {
  await store.importGraph(miniGraph());
  await store.saveMap({ id: 'knb', title: 'KNB', nodes: [{ actorId: 'tokayev', x: 0, y: 0 }, { actorId: 'smailov', x: 1, y: 1 }], relationshipIds: ['r01'] });
  for (let i = 0; i < 3; i++) {
    await store.upsertActor({ ...(await store.getActor('smailov')), summary: `Edit ${i}` }, { expectedVersion: i + 1 });
    await store.upsertRelationship({ ...(await store.getRelationship('r01')), role: `Role ${i}` }, { expectedVersion: i + 1 });
  }
  await store.setSourceText(SRC_A, 'Some text.');
  await store.saveMap({ id: 'knb', title: 'KNB again', nodes: [{ actorId: 'tokayev', x: 0, y: 0 }], relationshipIds: [], expectedVersion: 1 });
}

describe('versions survive a restart', () => {
  for (const [how, options] of [
    ['from the journal', {}],
    ['from a snapshot (compaction after every write)', { compactAfterBytes: 1 }],
  ] as const) {
    it(how, async () => {
      const first = await MemoryStore.open({ dataDir: dir, ...options });
      await editALot(first);
      const before = await versions(first);
      expect(before).toEqual({ smailov: 4, r01: 4, source: 2, map: 2 });
      await first.close();

      const reopened = await MemoryStore.open({ dataDir: dir, ...options });
      try {
        expect(await versions(reopened)).toEqual(before);
        // The check still bites after the restart.
        await expect(reopened.upsertActor({ ...(await reopened.getActor('smailov')), summary: 'Stale' }, { expectedVersion: 3 })).rejects.toBeInstanceOf(VersionConflictError);
      } finally {
        await reopened.close();
      }
    });
  }
});

describe('a data directory written before versions', () => {
  it('opens with every record at version 1 (snapshot and journal), and versions move on from there', async () => {
    const data = miniGraph(); // records without `version`, as every store wrote them before
    const at = '2023-01-01T00:00:00.000Z';
    const oldMap = { id: 'old-map', title: 'Old map', createdAt: at, updatedAt: at, nodes: [{ actorId: 'tokayev', savedName: 'Tokayev', savedKind: 'PERSON' as const, x: 0, y: 0 }], edges: [], annotations: [] };
    await writeSnapshot(snapshotPath(dir, 1), { ...data, maps: [oldMap], changes: [{ seq: 1, at, op: 'IMPORT', entityId: '', after: { sources: 2 } }] });
    const journal = await JournalFile.open(journalPath(dir, 1));
    const newcomer: Actor = { id: 'old-journal-actor', kind: 'PERSON', name: 'From an old journal', aliases: [], tags: [] };
    const change: Change = { seq: 2, at, op: 'UPSERT_ACTOR', entityId: newcomer.id, after: newcomer, by: 'api' };
    await journal.append({ changes: [change] });
    await journal.close();

    const store = await MemoryStore.open({ dataDir: dir });
    try {
      expect((await store.getActor('tokayev')).version).toBe(1);
      expect((await store.getActor(newcomer.id)).version).toBe(1);
      expect((await store.getRelationship('r01')).version).toBe(1);
      expect((await store.getSource(SRC_A)).version).toBe(1);
      expect((await store.getMap('old-map')).version).toBe(1);
      const edited = await store.upsertActor({ ...newcomer, summary: 'Edited.' }, { expectedVersion: 1 });
      expect(edited.version).toBe(2);
      await expect(store.upsertActor({ ...newcomer, summary: 'Stale.' }, { expectedVersion: 1 })).rejects.toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    } finally {
      await store.close();
    }
  });
});

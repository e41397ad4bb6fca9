/**
 * Curated maps beyond the shared contract: they survive a restart of the
 * embedded store (journal replay, and a snapshot after compaction), the
 * dataset check of map references, slugs, and the RANKED order used to page
 * through hubs.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareRelationshipsRanked } from '@/graph/api/args';
import { loadConfig } from '@/graph/config';
import { ConfigError, ValidationError } from '@/graph/core/errors';
import { MemoryStore } from '@/graph/memory';
import { mapReferenceProblems, slugify, validateMapRecord, type MapInput } from '@/graph/core/maps';
import type { Relationship } from '@/graph/core/model';
import { miniGraph } from '../../fixtures/mini-graph';

const MAP: MapInput = {
  title: 'Security service, 2022',
  nodes: [
    { actorId: 'tokayev', x: 1, y: 2 },
    { actorId: 'massimov', x: 3, y: 4 },
  ],
  relationshipIds: ['r05', 'r19'],
  annotations: [{ id: 'n1', text: 'Removed from the KNB.', target: 'EDGE', targetId: 'r05' }],
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-maps-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('durability of maps in the embedded store', () => {
  it('replays saved and deleted maps from the journal after a restart', async () => {
    const store = await MemoryStore.open({ dataDir: dir });
    await store.importGraph(miniGraph());
    const kept = await store.saveMap(MAP);
    const gone = await store.saveMap({ ...MAP, id: 'gone' });
    await store.deleteMap(gone.id);
    await store.close();

    const reopened = await MemoryStore.open({ dataDir: dir });
    try {
      expect((await reopened.listMaps()).items).toEqual([kept]);
      expect((await reopened.changes({ first: 500 })).items.slice(-3).map((c) => c.op)).toEqual(['SAVE_MAP', 'SAVE_MAP', 'DELETE_MAP']);
    } finally {
      await reopened.close();
    }
  });

  it('writes maps into the snapshot when the journal is compacted, and reads them back', async () => {
    const store = await MemoryStore.open({ dataDir: dir, compactAfterBytes: 1 });
    await store.importGraph(miniGraph());
    const saved = await store.saveMap(MAP);
    await store.upsertActor({ id: 'extra', kind: 'PERSON', name: 'Extra', aliases: [], tags: [] }); // lets the queued compaction finish
    await store.close();
    const files = await readdir(dir);
    const snapshot = files.find((f) => f.startsWith('snapshot'));
    expect(snapshot, files.join(', ')).toBeDefined();
    const text = await readFile(path.join(dir, snapshot!), 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('m ')).map((l) => JSON.parse(l.slice(2)).id)).toEqual([saved.id]);
    expect(text).toMatch(/"maps":1/);

    const reopened = await MemoryStore.open({ dataDir: dir });
    try {
      expect(await reopened.getMap(saved.id)).toEqual(saved);
    } finally {
      await reopened.close();
    }
  });
});

describe('map records', () => {
  it('slugs titles: lowercase ASCII, diacritics and apostrophes dropped, never empty', () => {
    expect(slugify("Kazakhstan's foreign partners")).toBe('kazakhstans-foreign-partners');
    expect(slugify('The fall of the Nazarbayev circle, 2022')).toBe('the-fall-of-the-nazarbayev-circle-2022');
    expect(slugify('Qazaqstan — Ōrda')).toBe('qazaqstan-orda');
    expect(slugify('Назарбаев')).toBe('map');
  });

  it('mapReferenceProblems names nodes and edges the graph lacks and edges whose type or ends changed', () => {
    const g = miniGraph();
    const store = {
      actor: (id: string) => g.actors.find((a) => a.id === id),
      relationship: (id: string) => g.relationships.find((r) => r.id === id),
    };
    const map = validateMapRecord({
      id: 'check',
      title: 'Check',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      nodes: [
        { actorId: 'tokayev', savedName: 'T', savedKind: 'PERSON', x: 0, y: 0 },
        { actorId: 'massimov', savedName: 'M', savedKind: 'PERSON', x: 0, y: 0 },
        { actorId: 'nobody', savedName: 'N', savedKind: 'PERSON', x: 0, y: 0 },
      ],
      edges: [
        { relationshipId: 'r05', savedType: 'DISMISSED', savedSource: 'tokayev', savedTarget: 'massimov' },
        { relationshipId: 'r19', savedType: 'SUPPORTED', savedSource: 'massimov', savedTarget: 'tokayev' },
        { relationshipId: 'no-rel', savedType: 'SUPPORTED', savedSource: 'massimov', savedTarget: 'nobody' },
      ],
      annotations: [],
    });
    expect(mapReferenceProblems(map, store.actor, store.relationship).map((p) => p.path)).toEqual(['nodes[2].actorId', 'edges[1]', 'edges[2].relationshipId']);
  });

  it('validateMapRecord refuses bad timestamps, kinds and types', () => {
    try {
      validateMapRecord({ id: 'x', title: 'X', createdAt: 'yesterday', nodes: [{ actorId: 'a', savedName: 'A', savedKind: 'ROBOT', x: 0, y: 0 }], edges: [{ relationshipId: 'r', savedType: 'LIKES', savedSource: 'a', savedTarget: 'a' }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).problems.map((p) => p.path).sort()).toEqual(['createdAt', 'edges[0].savedType', 'nodes[0].savedKind', 'updatedAt']);
    }
  });
});

describe('RANKED order for hub paging', () => {
  const r = (id: string, type: Relationship['type'], start?: string): Relationship => ({ id, type, source: 'a', target: 'b', ...(start ? { start } : {}), citations: [] });

  it('orders by type rank, then newest start first with undated last, then id', () => {
    const rels = [r('s1', 'SUPPORTED', '2020'), r('a-undated', 'APPOINTED'), r('a-2019', 'APPOINTED', '2019-05'), r('a-2022b', 'APPOINTED', '2022'), r('a-2022a', 'APPOINTED', '2022'), r('o1', 'OPPOSED', '2023'), r('d1', 'DISMISSED', '2001'), r('a-2022-03', 'APPOINTED', '2022-03')];
    expect(rels.sort(compareRelationshipsRanked).map((x) => x.id)).toEqual(['a-2022-03', 'a-2022a', 'a-2022b', 'a-2019', 'a-undated', 'd1', 's1', 'o1']);
  });
});

describe('example maps in data/maps.jsonl', () => {
  const root = path.resolve(__dirname, '../../..');
  const lines = async (file: string) => (await readFile(path.join(root, 'data', file), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));

  it('ships the two example maps, and every quoted passage of a note occurs in an excerpt its map cites', async () => {
    const maps = await lines('maps.jsonl');
    const rels = new Map<string, Relationship>((await lines('relationships.jsonl')).map((r: Relationship) => [r.id, r]));
    expect(maps.map((m: { id: string }) => m.id)).toEqual(['fall-of-the-nazarbayev-circle-2022', 'kazakhstans-foreign-partners']);
    let quotes = 0;
    for (const raw of maps) {
      const map = validateMapRecord(raw);
      // Text as a reader sees it: Markdown link markup `[text](#)` shows as `text`, a no-break space as a space.
      const asRead = (t: string) => t.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ');
      const excerpts = map.edges.flatMap((e) => rels.get(e.relationshipId)!.citations.map((c) => asRead(c.excerpt)));
      for (const note of map.annotations) {
        for (const [, quoted] of note.text.matchAll(/“([^”]+)”/g)) {
          const passage = asRead(quoted.replace(/^…/, ''));
          quotes++;
          expect(excerpts.some((x) => x.includes(passage)), `${map.id} note "${note.id}": ${passage}`).toBe(true);
        }
      }
    }
    expect(quotes).toBeGreaterThanOrEqual(6);
  });
});

describe('hub page size setting', () => {
  it('reads STEPPE_PUBLIC_URL for link previews and refuses anything but an absolute http(s) URL', () => {
    expect(loadConfig({}, {}).publicUrl).toBeUndefined();
    expect(loadConfig({}, { STEPPE_PUBLIC_URL: 'https://steppe.example.org/' }).publicUrl).toBe('https://steppe.example.org');
    expect(loadConfig({ publicUrl: 'http://localhost:3000' }, { STEPPE_PUBLIC_URL: 'https://x.org' }).publicUrl).toBe('http://localhost:3000');
    for (const bad of ['steppe.example.org', 'ftp://x.org', '/maps']) expect(() => loadConfig({}, { STEPPE_PUBLIC_URL: bad }), bad).toThrow(ConfigError);
  });

  it('defaults to 25, reads STEPPE_HUB_PAGE_SIZE, and refuses values outside 1–500', () => {
    expect(loadConfig({}, {}).limits.hubPageSize).toBe(25);
    expect(loadConfig({}, { STEPPE_HUB_PAGE_SIZE: '40' }).limits.hubPageSize).toBe(40);
    expect(loadConfig({ limits: { hubPageSize: 10 } }, { STEPPE_HUB_PAGE_SIZE: '40' }).limits.hubPageSize).toBe(10);
    for (const bad of ['0', '501', 'many', '2.5']) expect(() => loadConfig({}, { STEPPE_HUB_PAGE_SIZE: bad }), bad).toThrow(ConfigError);
  });
});

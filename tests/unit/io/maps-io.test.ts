/**
 * Curated maps travel with the data: the bundled dataset's maps.jsonl loads
 * into a fresh embedded store, dataset directories and native JSON carry maps
 * both ways, files without maps still import, and a broken map in a file is
 * refused whole with its file and index named.
 */
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/graph/config';
import { ValidationError } from '@/graph/core/errors';
import { MAPS_FILE, readDatasetDir, writeDatasetDir } from '@/graph/io/dataset';
import { exportTo, importFile } from '@/graph/io/exchange';
import { openStore } from '@/graph/open-store';
import { miniGraph } from '../../fixtures/mini-graph';
import { withoutVersion } from '@/graph/core/versions';
import { tempStores } from '@/tests/fixtures/temp-stores';

const datasetDir = path.resolve(__dirname, '../../../data');
const tmp = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

const freshStore = tempStores('steppe-maps-io-');

describe('the bundled dataset', () => {
  it('seeds a fresh embedded store with the example maps, every node and edge resolving', async () => {
    const store = await openStore(loadConfig({ store: { kind: 'memory', dataDir: tmp('steppe-seed-') }, datasetDir, loadDatasetWhenEmpty: true }, {}));
    try {
      const maps = (await store.listMaps()).items;
      expect(maps.map((m) => m.id).sort()).toEqual(['fall-of-the-nazarbayev-circle-2022', 'kazakhstans-foreign-partners']);
      for (const m of maps) {
        expect(await store.getActors(m.nodes.map((n) => n.actorId))).not.toContain(null);
        expect(await store.getRelationships(m.edges.map((e) => e.relationshipId))).not.toContain(null);
      }
      expect((await store.changes()).items.map((c) => [c.op, c.after])).toEqual([['IMPORT', expect.objectContaining({ maps: 2 })]]);
    } finally {
      await store.close();
    }
  });
});

describe('dataset directories', () => {
  it('write and read maps.jsonl; a directory without it has no maps', async () => {
    const source = await freshStore();
    await source.importGraph(miniGraph());
    await source.saveMap({ id: 'one', title: 'One', nodes: [{ actorId: 'tokayev', x: 0, y: 0 }, { actorId: 'smailov', x: 9, y: 9 }], relationshipIds: ['r01'] });
    const dir = tmp('steppe-ds-');
    await writeDatasetDir(dir, await source.exportGraph());
    const read = await readDatasetDir(dir);
    // Dataset files hold data, not the store's version counters.
    expect(read.maps).toEqual([withoutVersion(await source.getMap('one'))]);
    expect(read.origins.maps).toEqual([`${MAPS_FILE}:1`]);

    await fs.rm(path.join(dir, MAPS_FILE));
    expect((await readDatasetDir(dir)).maps).toEqual([]);
  });
});

describe('native JSON', () => {
  it('exports maps and imports them back into a fresh store unchanged', async () => {
    const source = await freshStore();
    const { origins: _origins, ...data } = await readDatasetDir(datasetDir);
    void _origins;
    expect(await source.importGraph(data)).toMatchObject({ maps: 2 });
    const [file] = await exportTo(source, 'json', tmp('steppe-json-'));
    expect(JSON.parse(await fs.readFile(file, 'utf8')).maps).toHaveLength(2);
    const target = await freshStore();
    expect(await importFile(target, file)).toMatchObject({ format: 'json', maps: 2 });
    expect(await target.exportGraph()).toEqual(await source.exportGraph());
  });

  it('imports an export made before maps existed (no "maps" key)', async () => {
    const file = path.join(tmp('steppe-json-'), 'old.json');
    const { sources, actors, relationships } = miniGraph();
    await fs.writeFile(file, JSON.stringify({ format: 'steppe', version: 1, sources, actors, relationships }));
    const store = await freshStore();
    expect(await importFile(store, file)).toMatchObject({ maps: 0, actors: actors.length });
  });

  it('refuses a file with a broken map, naming it, and writes nothing', async () => {
    const file = path.join(tmp('steppe-json-'), 'broken.json');
    const { sources, actors, relationships } = miniGraph();
    const map = { id: 'bad', title: 'Bad', createdAt: 'now', updatedAt: '2026-01-01T00:00:00Z', nodes: [{ actorId: 'tokayev', savedName: 'T', savedKind: 'PERSON', x: 0, y: 0 }], edges: [], annotations: [{ id: 'n', text: 'x', target: 'EDGE', targetId: 'r01' }] };
    await fs.writeFile(file, JSON.stringify({ format: 'steppe', version: 1, sources, actors, relationships, maps: [map] }));
    const store = await freshStore();
    const e = await importFile(store, file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).problems.map((p) => p.path).sort()).toEqual(['broken.json:1 maps[0] annotations[0].targetId', 'broken.json:1 maps[0] createdAt']);
    expect((await store.stats()).actors).toBe(0);
    expect((await store.listMaps()).totalCount).toBe(0);
  });
});

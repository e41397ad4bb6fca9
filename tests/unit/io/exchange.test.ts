/**
 * Import and export through a real embedded store on disk: every format
 * exports the bundled dataset and imports back into a fresh store unchanged;
 * a bad file writes nothing and names file, line and field.
 */
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/graph/core/errors';
import { readDatasetDir } from '@/graph/io/dataset';
import { exportTo, importFile } from '@/graph/io/exchange';
import { FORMATS } from '@/graph/io/formats';
import type { GraphStore } from '@/graph/core/store';
import { tempStores } from '@/tests/fixtures/temp-stores';

const datasetDir = path.resolve(__dirname, '../../../data');
const freshStore = tempStores('steppe-x-');

async function loadedStore(): Promise<GraphStore> {
  const store = await freshStore();
  const { sources, actors, relationships } = await readDatasetDir(datasetDir);
  await store.importGraph({ sources, actors, relationships });
  return store;
}


describe.each(FORMATS.map((f) => [f.name] as const))('%s through the store', (format) => {
  it('export then import into a fresh store gives the same graph', async () => {
    const source = await loadedStore();
    const out = mkdtempSync(path.join(os.tmpdir(), 'steppe-out-'));
    const files = await exportTo(source, format, out);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect((await fs.stat(f)).size).toBeGreaterThan(100);
    const target = await freshStore();
    const result = await importFile(target, format === 'csv' ? out : files[0], format);
    expect(result.relationships).toBe((await source.stats()).relationships);
    expect(await target.exportGraph()).toEqual(await source.exportGraph());
  });
});

describe('dataset export (the maintenance path: intake → review → data/)', () => {
  it('writes data/*.jsonl that read back as the store’s graph, without source texts', async () => {
    const source = await loadedStore();
    await source.setSourceText('note', 'Tokayev appointed Alikhan Smailov as prime minister.', { source: { id: 'note', title: 'A note' } });
    await source.upsertRelationship({
      id: 'appointed--test',
      type: 'APPOINTED',
      source: 'kassym-jomart-tokayev',
      target: 'alikhan-smailov',
      citations: [{ sourceId: 'note', excerpt: 'Tokayev appointed Alikhan Smailov as prime minister.' }],
    });
    await source.saveMap({
      title: 'A new appointment',
      nodes: [
        { actorId: 'kassym-jomart-tokayev', x: 0, y: 0 },
        { actorId: 'alikhan-smailov', x: 120, y: 40 },
      ],
      relationshipIds: ['appointed--test'],
    });
    const out = mkdtempSync(path.join(os.tmpdir(), 'steppe-out-'));
    const files = await exportTo(source, 'dataset', out);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['actors.jsonl', 'maps.jsonl', 'relationships.jsonl', 'sources.jsonl']);
    const back = await readDatasetDir(out);
    expect({ sources: back.sources, actors: back.actors, relationships: back.relationships, maps: back.maps }).toEqual(await source.exportGraph());
    expect(await fs.readFile(path.join(out, 'sources.jsonl'), 'utf8')).not.toContain('prime minister');
  });
});

describe('bad imports write nothing', () => {
  it('a CSV with one bad row in the middle is refused whole, naming file, line and field', async () => {
    const source = await loadedStore();
    const out = mkdtempSync(path.join(os.tmpdir(), 'steppe-out-'));
    await exportTo(source, 'csv', out);
    const actorsCsv = path.join(out, 'actors.csv');
    const lines = (await fs.readFile(actorsCsv, 'utf8')).split('\n');
    lines[5] = lines[5].replace(/^([^,]+),(PERSON|INSTITUTION|STATE),/, '$1,ALIEN,');
    await fs.writeFile(actorsCsv, lines.join('\n'));
    const target = await freshStore();
    const err = await importFile(target, out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems.map((p) => p.path)).toContain('actors.csv:6 kind');
    expect((await target.stats()).actors).toBe(0);
    expect((await target.changes()).totalCount).toBe(0);
  });

  it('a relationship naming an unknown actor is refused with its line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'steppe-in-'));
    await fs.writeFile(path.join(dir, 'sources.csv'), 'id,title,publisher,author,published,url\ns1,A source,,,,\n');
    await fs.writeFile(path.join(dir, 'actors.csv'), 'id,kind,name,category,aliases,summary,country,tags\na,PERSON,Ann,,,,,\n');
    await fs.writeFile(
      path.join(dir, 'relationships.csv'),
      'id,type,source,target,role,start,end,amount,currency,citation_source,citation_excerpt\nr1,APPOINTED,a,ghost,,2022-13,,,,s1,Ann appointed a ghost.\n',
    );
    const store = await freshStore();
    const err = (await importFile(store, path.join(dir, 'actors.csv')).catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    const paths = err.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['relationships.csv:2 start']));
    expect((await store.stats()).actors).toBe(0);
  });

  it('a binary file is refused', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'steppe-bin-')), 'x.graphml');
    await fs.writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const err = await importFile(await freshStore(), file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
  });
});

describe('bundled dataset in the store', () => {
  it.each([
    ['tokaev', 'kassym-jomart-tokayev'],
    ['nazarbaev', 'nursultan-nazarbayev'],
    ['masimov', 'karim-massimov'],
    ['nur-sultan', 'kazakhstan'],
    ['Токаев', 'kassym-jomart-tokayev'],
    ['nur otan', 'amanat-party'],
  ])('searching %j finds %s first', async (query, id) => {
    const store = await loadedStore();
    const page = await store.findActors({ search: query, first: 5 });
    expect(page.items[0]?.actor.id).toBe(id);
  });
});

/**
 * Streamed FtM import through a real embedded store on disk: a file larger
 * than one read chunk (so lines straddle chunk boundaries) imports unchanged
 * with progress reported as it is read; a bad line anywhere refuses the whole
 * file, names its line, and writes nothing.
 */
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/graph/core/errors';
import { importFile } from '@/graph/io/exchange';
import { writeFtmFile } from '@/graph/io/formats/ftm';
import { readLines } from '@/graph/io/line-stream';
import { generateGraph } from '@/bench/generate';
import { progressLine } from '@/scripts/progress';
import { tempStores } from '@/tests/fixtures/temp-stores';

const freshStore = tempStores('steppe-stream-');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'steppe-stream-'));

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('streamed FtM import', () => {
  it('imports a file of several read chunks unchanged, reporting progress as it reads', async () => {
    const graph = generateGraph({ actors: 1500, seed: 5 });
    const file = path.join(tmp(), 'big.ftm.jsonl');
    const entities = await writeFtmFile(graph, file);
    const size = (await fs.stat(file)).size;
    expect(size).toBeGreaterThan(4 * 1024 * 1024); // more than one 4 MiB chunk
    const store = await freshStore();
    const reads: number[] = [];
    const result = await importFile(store, file, undefined, { onRead: (p) => reads.push(p.bytes) });
    expect(result).toMatchObject({ format: 'ftm', actors: graph.actors.length, relationships: graph.relationships.length, sources: graph.sources.length });
    expect(entities).toBe(graph.sources.length + graph.actors.length + 2 * graph.relationships.length);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads[reads.length - 1]).toBe(size);
    const back = await store.exportGraph();
    expect(back.actors).toEqual(byId(graph.actors));
    expect(back.relationships).toEqual(byId(graph.relationships));
  }, 120_000); // several seconds when quiet; a shared machine can make it many times that

  it('refuses the whole file over one bad line, names that line, and writes nothing', async () => {
    const graph = generateGraph({ actors: 200, seed: 5 });
    const file = path.join(tmp(), 'bad.ftm.jsonl');
    await writeFtmFile(graph, file);
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    lines[100] = '{"id":"steppe-actor-x","schema":"Person","properties":'; // an actor's line, cut off
    await fs.writeFile(file, lines.join('\r\n'));
    const store = await freshStore();
    const err = (await importFile(store, file).catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.problems.map((p) => p.path)).toEqual(['bad.ftm.jsonl:101']);
    expect((await store.stats()).actors).toBe(0);
  });

  it('names the line of a record the store refuses', async () => {
    const graph = generateGraph({ actors: 200, seed: 5 });
    graph.relationships[10] = { ...graph.relationships[10], target: 'nobody-at-all' };
    const file = path.join(tmp(), 'dangling.ftm.jsonl');
    await writeFtmFile(graph, file);
    const store = await freshStore();
    const err = (await importFile(store, file).catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    // Sources, then actors, then each relationship followed by its one citation.
    const line = graph.sources.length + graph.actors.length + 2 * 10 + 1;
    expect(err.problems.map((p) => p.path)).toEqual([`dangling.ftm.jsonl:${line} target`]);
    expect((await store.stats()).relationships).toBe(0);
  });
});

describe('readLines', () => {
  it('numbers lines from 1, drops \\r before \\n and keeps a last line without a newline', async () => {
    const file = path.join(tmp(), 'lines.txt');
    await fs.writeFile(file, 'one\r\ntwo\n\nfour');
    const got: [number, string][] = [];
    for await (const { line, text } of readLines(file)) got.push([line, text]);
    expect(got).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, ''],
      [4, 'four'],
    ]);
  });
});

describe('progressLine', () => {
  it('gives share, records, rate and an ETA from the share done', () => {
    expect(progressLine('import', { done: 250, total: 1000, records: 5000 }, 10_000, true)).toBe(
      'import: [#######.....................] 25.0%, 5,000 records, 500 records/s, 10 s elapsed, ETA 30 s',
    );
    expect(progressLine('import', { done: 1000, total: 1000, records: 9000 }, 90_000, false)).toBe(
      'import: 100.0%, 9,000 records, 100 records/s, 1 min 30 s elapsed, ETA 0 s',
    );
  });
});

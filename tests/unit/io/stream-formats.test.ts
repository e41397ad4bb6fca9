/**
 * Streamed JSON and CSV reads: a file on disk read a chunk at a time gives
 * exactly what the whole-string read gives (records and where each came
 * from), whatever the values hold (quotes, commas, line breaks, Cyrillic,
 * emoji) and wherever the bytes are split, even inside a character; bad
 * records are named by line; and an import that fails writes nothing to a
 * real embedded store on disk.
 */
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/graph/core/errors';
import type { GraphData } from '@/graph/core/model';
import { importFile } from '@/graph/io/exchange';
import { csvFormat, writeCsvFiles } from '@/graph/io/formats/csv';
import { CSV_HEADERS } from '@/graph/io/formats/csv-files';
import { readCsvChunks } from '@/graph/io/formats/csv-read';
import { jsonFormat, readJsonPieces, writeJsonFile } from '@/graph/io/formats/json';
import type { ParsedGraph } from '@/graph/io/formats/types';
import { generateGraph } from '@/bench/generate';
import { problemLines } from '@/tests/fixtures/problems';
import { tempStores } from '@/tests/fixtures/temp-stores';

const freshStore = tempStores('steppe-stream-formats-');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'steppe-stream-formats-'));

/** A generated graph whose names, summaries and quotes hold what trips up hand-written parsers; still a valid graph. */
function awkwardGraph(actors: number): GraphData {
  const g = generateGraph({ actors, seed: 11 });
  g.actors = g.actors.map((a, i) =>
    i % 3 ? a : { ...a, name: `${a.name} "Ақ Орда", Ltd.\n🇰🇿 №${i}`, summary: `Line one, with "quotes"\r\nline two — 🐎 ü ß 中文` },
  );
  g.relationships = g.relationships.map((r, i) =>
    i % 4 ? r : { ...r, role: 'chair, "acting"', citations: r.citations.map((c) => ({ ...c, excerpt: `He said, "yes"\nthen 🙂: ${c.excerpt}` })) },
  );
  g.sources = g.sources.map((s, i) => (i % 2 ? s : { ...s, title: `Відомості, "${s.title}"\n(2-е видання)` }));
  return g;
}

/** A small graph for feeding split at every byte: every awkward value, a few records (parsed, not validated). */
function tinyGraph(): GraphData {
  const g = awkwardGraph(100);
  return { sources: g.sources.slice(0, 1), actors: [g.actors[0], g.actors[1], g.actors[3]], relationships: g.relationships.slice(0, 2) };
}

/** The records and their locations, plain (origins is a getter). */
function plain(g: ParsedGraph) {
  return { sources: g.sources, actors: g.actors, relationships: g.relationships, maps: g.maps ?? [], origins: { ...g.origins } };
}

/** Every way of cutting `bytes` in two, and the bytes one at a time (every cut at once). */
function* splits(bytes: Buffer): Generator<Buffer[]> {
  for (let k = 0; k <= bytes.length; k++) yield [bytes.subarray(0, k), bytes.subarray(k)];
  yield [...bytes].map((b) => Buffer.from([b]));
}

/** The 1-based line on which `needle` first occurs in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('streamed JSON', () => {
  it('reads a file of several chunks exactly as the whole-string read does, and the writer writes what write() returns', async () => {
    const graph = awkwardGraph(2000);
    const file = path.join(tmp(), 'big.json');
    await writeJsonFile(graph, file);
    const whole = jsonFormat.write(graph).get('steppe.json')!;
    expect(await fs.readFile(file, 'utf8')).toBe(whole);
    // Byte for byte the indented document exports have always been.
    expect(whole).toBe(JSON.stringify({ format: 'steppe', version: 1, ...graph, maps: [] }, null, 2) + '\n');
    expect(Buffer.byteLength(whole)).toBeGreaterThan(4 * 1024 * 1024); // more than one 4 MiB read chunk
    const progress: number[] = [];
    const streamed = await jsonFormat.readFile!(file, (p) => progress.push(p.bytes));
    const fromString = jsonFormat.read(new Map([['big.json', whole]]));
    expect(plain(streamed)).toEqual(plain(fromString));
    expect(streamed.actors).toEqual(graph.actors);
    expect(streamed.relationships).toEqual(graph.relationships);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toBe(Buffer.byteLength(whole));
    // Each record is located at the line where it starts.
    const a = graph.actors[42];
    expect(streamed.origins.actors[42]).toBe(`big.json:${lineOf(whole, `"id": "${a.id}"`) - 1} actors[42]`);
  }, 120_000);

  it('gives the same records and locations however the bytes are split, even inside a character', () => {
    const text = jsonFormat.write(tinyGraph()).get('steppe.json')!;
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(text.length); // multi-byte characters are there to be split
    const expected = plain(jsonFormat.read(new Map([['t.json', text]])));
    expect(expected.actors).toHaveLength(3);
    for (const pieces of splits(bytes)) expect(plain(readJsonPieces('t.json', pieces))).toEqual(expected);
    // Minified, every record is on line 1 and told apart by its index.
    const minified = JSON.stringify(JSON.parse(text));
    expect(plain(readJsonPieces('t.json', [minified])).origins.actors).toEqual(['t.json:1 actors[0]', 't.json:1 actors[1]', 't.json:1 actors[2]']);
  });

  it('refuses malformed JSON with the line of the value at fault, however it is split', () => {
    const text = jsonFormat.write(tinyGraph()).get('steppe.json')!;
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('"kind"') && lines[lines.indexOf(l) - 1]?.includes('"id"'));
    const recordLine = at - 1; // 0-based line of the record's opening brace
    lines[at] = lines[at].replace('"kind":', '"kind"'); // a missing colon inside an actor
    const broken = Buffer.from(lines.join('\n'));
    const expected = [expect.stringMatching(new RegExp(`^t\\.json:${recordLine}: is not valid JSON \\(`))];
    for (const pieces of [[broken], [broken.subarray(0, 700), broken.subarray(700)]]) expect(problemLines(() => readJsonPieces('t.json', pieces))).toEqual(expected);
  });

  it('refuses what is not JSON, or not a Steppe document, as the whole-document reader did', () => {
    const read = (text: string) => problemLines(() => jsonFormat.read(new Map([['x.json', text]])));
    expect(read('')).toEqual(['x.json:1: is not valid JSON (the document is empty)']);
    expect(read('{"format":"steppe",\n"sources":[],\n"actors":[1,]}')).toEqual(['x.json:3: is not valid JSON (unexpected "]")']);
    expect(read('{"format":"steppe","sources":[],"actors":[],"relationships":[]}\n{}')).toEqual(['x.json:2: is not valid JSON (unexpected text after the end of the document)']);
    expect(read('{"format":"steppe","sources":[],"actors":[\n{"id": "a"')).toEqual(['x.json:2: is not valid JSON (the value that starts on this line is not closed before the document ends)']);
    expect(read('[{"format":"steppe"}]')).toEqual(['x.json format: must be "steppe"']);
    expect(read('{"format":"steppe","sources":{},"actors":[],"relationships":"x","maps":3}')).toEqual(['x.json sources: must be a list', 'x.json relationships: must be a list', 'x.json maps: must be a list']);
    // Keys JSON.parse would keep: the last of a repeated key wins; unknown keys are read (and must be valid) but ignored.
    const last = jsonFormat.read(new Map([['x.json', '{"actors":[{"id":"gone"}],"format":"steppe","sources":[],"extra":[{"a":[1,{"b":"]"}]}],"actors":[],"relationships":[]}']]));
    expect(last.actors).toEqual([]);
    expect(read('{"format":"steppe","sources":[],"actors":[],"relationships":[],"extra":[{"a":tru}]}')).toEqual([expect.stringMatching(/^x\.json:1: is not valid JSON/)]);
  });
});

describe('streamed CSV', () => {
  it('reads a directory exactly as the whole-string read does, with progress over all three files, and the writer writes what write() returns', async () => {
    const graph = awkwardGraph(600);
    const dir = tmp();
    const written = await writeCsvFiles(graph, dir);
    const files = csvFormat.write(graph);
    for (const f of written) expect(await fs.readFile(f, 'utf8')).toBe(files.get(path.basename(f)));
    const total = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
    const progress: { bytes: number; records: number }[] = [];
    const streamed = await csvFormat.readFile!(dir, (p) => {
      expect(p.totalBytes).toBe(total);
      progress.push(p);
    });
    expect(plain(streamed)).toEqual(plain(csvFormat.read(files)));
    expect(progress.at(-1)).toEqual({ bytes: total, totalBytes: total, records: graph.sources.length + graph.actors.length + graph.relationships.length });
    // Any one of the three files stands for its directory.
    expect(plain(await csvFormat.readFile!(path.join(dir, 'relationships.csv')))).toEqual(plain(streamed));
    // A record spanning lines is located at its first line.
    const actorsCsv = files.get('actors.csv')!;
    const a = graph.actors[30];
    expect(a.name).toContain('\n');
    expect(streamed.origins.actors[30]).toBe(`actors.csv:${lineOf(actorsCsv, `\n${a.id},`) + 1}`);
  });

  it('gives the same records and locations however the bytes of each file are split, even inside a character', async () => {
    const files = csvFormat.write(tinyGraph());
    const expected = plain(csvFormat.read(files));
    expect(expected.actors).toHaveLength(3);
    // The first and last span three lines each (a line break in the name, a CRLF in the summary).
    expect(expected.origins.actors).toEqual(['actors.csv:2', 'actors.csv:5', 'actors.csv:6']);
    const whole = new Map([...files].map(([name, text]) => [name, [Buffer.from(text)]]));
    const actors = whole.get('actors.csv')![0];
    expect(actors.length).toBeGreaterThan(files.get('actors.csv')!.length);
    for (const file of ['actors.csv', 'relationships.csv'])
      for (const pieces of splits(whole.get(file)![0])) expect(plain(await readCsvChunks(new Map([...whole, [file, pieces]])))).toEqual(expected);
  });

  it('names the line of a malformed record and of a bad cell, in the streamed read as in the string read', async () => {
    const header = 'id,kind,name,category,aliases,summary,country,tags\n';
    const good = csvFormat.write(tinyGraph());
    const withActors = (text: string) => new Map([...good, ['actors.csv', text]]);
    const unclosed = withActors(`${header}a,PERSON,"Ann\nB,,,,,\n`);
    const short = withActors(`${header}a,PERSON,"Ann\nOther",,,"two\nlines",,\nb,PERSON\n`);
    const badHeaderThenUnclosed = withActors('id,name\na,"Ann\n');
    const streamedProblems = (files: Map<string, string>) =>
      readCsvChunks(new Map([...files].map(([n, t]) => [n, [Buffer.from(t)]]))).then(
        () => [],
        (e: ValidationError) => e.problems.map((p) => `${p.path}: ${p.message}`),
      );
    for (const files of [unclosed, short]) {
      const streamed = await streamedProblems(files);
      expect(streamed).toEqual(problemLines(() => csvFormat.read(files)));
      expect(streamed).toEqual([expect.stringMatching(/^actors\.csv:\d+: is not valid CSV/)]);
    }
    expect(await streamedProblems(badHeaderThenUnclosed)).toEqual(problemLines(() => csvFormat.read(badHeaderThenUnclosed)));
    expect(await streamedProblems(badHeaderThenUnclosed)).toEqual([expect.stringMatching(/^actors\.csv:1: header must be/), expect.stringMatching(/^actors\.csv:\d+: is not valid CSV/)]);
    const amount = new Map([...good, ['relationships.csv', `${CSV_HEADERS['relationships.csv'].join(',')}\nr,INVESTED_IN,a,b,,,,lots,USD,s,"a\nquote",,\nr2,INVESTED_IN,a,b,,,,many,USD,s,q,,\n`]]);
    const expected = ['relationships.csv:2 amount: "lots" is not a number', 'relationships.csv:4 amount: "many" is not a number'];
    expect(problemLines(() => csvFormat.read(amount))).toEqual(expected);
    await expect(readCsvChunks(new Map([...amount].map(([n, t]) => [n, [Buffer.from(t)]])))).rejects.toMatchObject({ problems: expected.map((e) => ({ path: e.split(': ')[0] })) });
  });

  it('refuses a binary file among the three', async () => {
    const dir = tmp();
    await writeCsvFiles(tinyGraph(), dir);
    await fs.writeFile(path.join(dir, 'actors.csv'), Buffer.from([0x69, 0x64, 0, 0x2c]));
    await expect(csvFormat.readFile!(dir)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('streamed imports into the embedded store', () => {
  it.each(['json', 'csv'] as const)('%s: imports a generated graph unchanged', async (format) => {
    const graph = awkwardGraph(300);
    const dir = tmp();
    const input = format === 'json' ? path.join(dir, 'g.json') : dir;
    if (format === 'json') await writeJsonFile(graph, input);
    else await writeCsvFiles(graph, dir);
    const store = await freshStore();
    const result = await importFile(store, input);
    expect(result).toMatchObject({ format, actors: graph.actors.length, relationships: graph.relationships.length, sources: graph.sources.length });
    const back = await store.exportGraph();
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(back.actors.map((a) => a.name)).toEqual(byId(graph.actors).map((a) => a.name));
    expect(back.relationships.map((r) => r.citations)).toEqual(byId(graph.relationships).map((r) => r.citations));
  });

  it.each(['json', 'csv'] as const)('%s: a bad record deep in the file is named by its line, and nothing is written', async (format) => {
    const graph = awkwardGraph(300);
    const bad = 250;
    graph.actors[bad] = { ...graph.actors[bad], kind: 'ALIEN' as never };
    const dir = tmp();
    let input: string;
    let where: string;
    if (format === 'json') {
      input = path.join(dir, 'g.json');
      await writeJsonFile(graph, input);
      where = `g.json:${lineOf(await fs.readFile(input, 'utf8'), `"id": "${graph.actors[bad].id}"`) - 1} actors[${bad}]`;
    } else {
      input = path.join(dir, 'actors.csv');
      await writeCsvFiles(graph, dir);
      where = `actors.csv:${lineOf(await fs.readFile(input, 'utf8'), `\n${graph.actors[bad].id},`) + 1}`;
    }
    const store = await freshStore();
    const err = (await importFile(store, input).catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.problems.map((p) => p.path)).toContain(`${where} kind`);
    expect((await store.stats()).actors).toBe(0);
    expect((await store.changes()).totalCount).toBe(0);
  });
});

/**
 * Every exchange format round-trips the bundled dataset (typographic quotes,
 * non-breaking spaces, amounts, partial dates, several citations) and reports
 * bad files with file, line and field.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatasetDir } from '@/graph/io/dataset';
import { FORMATS, formatByName, formatForFile } from '@/graph/io/formats';
import { validateActor, validateRelationship, validateSource, type GraphData } from '@/graph/core/model';
import { problemLines } from '@/tests/fixtures/problems';

const datasetDir = path.resolve(__dirname, '../../../data');

/** The model's canonical form, so absent-vs-undefined differences do not count. */
function canonical(data: GraphData): GraphData {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    sources: byId(data.sources.map(validateSource)),
    actors: byId(data.actors.map(validateActor)),
    relationships: byId(data.relationships.map(validateRelationship)),
  };
}

async function dataset(): Promise<GraphData> {
  const { sources, actors, relationships } = await readDatasetDir(datasetDir);
  return { sources, actors, relationships };
}

describe.each(FORMATS.map((f) => [f.name, f] as const))('%s format', (_name, format) => {
  it('round-trips the bundled dataset unchanged', async () => {
    const original = canonical(await dataset());
    expect(original.relationships.length).toBeGreaterThan(50);
    const files = format.write(original);
    expect([...files.keys()].sort()).toEqual([...format.files].sort());
    const back = format.read(files);
    expect(canonical(back)).toEqual(original);
    expect(back.origins.actors).toHaveLength(back.actors.length);
  });

  it('round-trips an edge case graph: markup, quotes, pipes in text, several citations, amounts', () => {
    const graph: GraphData = canonical({
      sources: [{ id: 's-1', title: 'A "quoted" <title> & more', published: '2022-01' }],
      actors: [
        { id: 'p-1', kind: 'PERSON', name: '<img src=x onerror=alert(1)>', aliases: ['O’Brien', 'Ó Briain'], tags: ['tag, with comma'] },
        { id: 'st-1', kind: 'STATE', name: 'Ruritania', aliases: [], tags: [] },
        { id: 'c-1', kind: 'INSTITUTION', category: 'company', name: 'Acme', aliases: [], tags: [] },
      ],
      relationships: [
        {
          id: 'r-1',
          type: 'INVESTED_IN',
          source: 'st-1',
          target: 'c-1',
          start: '2022',
          end: '2023-02-28',
          amount: 1.5e9,
          currency: 'USD',
          citations: [
            { sourceId: 's-1', excerpt: 'Line one,\nline "two" – with a dash\u00a0and NBSP' },
            { sourceId: 's-1', excerpt: 'second; citation' },
          ],
        },
        { id: 'r-2', type: 'HOLDS_POSITION', source: 'p-1', target: 'st-1', role: 'President & CEO', citations: [{ sourceId: 's-1', excerpt: '<b>bold</b>' }] },
      ],
    });
    expect(canonical(format.read(format.write(graph)))).toEqual(graph);
  });

  it('round-trips source provenance and the four newer relationship types, and writes each quote with its provenance', () => {
    const paraphrased = { id: 's-copy', title: 'A paper', publisher: 'Think Tank', authors: ['A. One', 'B. Two'], published: '2023-04', updated: '2023-05-02', url: 'https://example.org/paper', textKind: 'PARAPHRASED_COPY' as const, textNote: 'Machine-paraphrased copy.' };
    const graph: GraphData = canonical({
      sources: [paraphrased, { id: 's-orig', title: 'Wire', textKind: 'ORIGINAL' }],
      actors: [
        { id: 'st-a', kind: 'STATE', name: 'A-land', aliases: [], tags: [] },
        { id: 'st-b', kind: 'STATE', name: 'B-land', aliases: [], tags: [] },
      ],
      relationships: (['COOPERATED_WITH', 'CRITICIZED', 'VISITED', 'MET_WITH'] as const).map((type, i) => ({
        id: `r-${i}`,
        type,
        source: 'st-a',
        target: 'st-b',
        start: '2022-06-17',
        citations: [{ sourceId: i % 2 ? 's-orig' : 's-copy', excerpt: `quote ${i}` }],
      })),
    });
    const files = format.write(graph);
    expect(canonical(format.read(files))).toEqual(graph);
    const text = [...files.values()].join('\n');
    expect(text).toContain('https://example.org/paper');
    // The warning travels with the quotes of the copy only (GraphML/GEXF escape the apostrophe).
    const warnings = text.match(/Quoted from a paraphrased copy: the wording is not the publisher(&apos;|&#39;|')s\./g) ?? [];
    expect(warnings.length).toBeGreaterThanOrEqual(format.name === 'json' ? 0 : 2);
  });
});

describe('older files', () => {
  it('CSV with the older headers (one author, no provenance columns) still imports', () => {
    const csv = formatByName('csv')!;
    const files = new Map([
      ['sources.csv', 'id,title,publisher,author,published,url\ns,A source,Wire,Solo Writer,2022,\n'],
      ['actors.csv', 'id,kind,name,category,aliases,summary,country,tags\na,STATE,A,,,,,\nb,STATE,B,,,,,\n'],
      ['relationships.csv', 'id,type,source,target,role,start,end,amount,currency,citation_source,citation_excerpt\nr,ALLIED_WITH,a,b,,,,,,s,quote\n'],
    ]);
    const back = canonical(csv.read(files));
    expect(back.sources).toEqual([{ id: 's', title: 'A source', publisher: 'Wire', authors: ['Solo Writer'], published: '2022' }]);
    expect(back.relationships.map((r) => r.type)).toEqual(['ALLIED_WITH']);
  });

  it('a source record with the older single author (any format) validates as authors', () => {
    const legacy = { id: 's', title: 'Old', author: 'Solo Writer' };
    expect(validateSource(legacy)).toEqual({ id: 's', title: 'Old', authors: ['Solo Writer'] });
  });
});

describe('format detection', () => {
  it('guesses formats from file names', () => {
    expect(formatForFile('x.graphml')?.name).toBe('graphml');
    expect(formatForFile('x.GEXF')?.name).toBe('gexf');
    expect(formatForFile('entities.ftm.jsonl')?.name).toBe('ftm');
    expect(formatForFile('actors.csv')?.name).toBe('csv');
    expect(formatForFile('steppe.json')?.name).toBe('json');
    expect(formatForFile('notes.txt')).toBeUndefined();
  });
});

describe('bad files', () => {
  const csv = formatByName('csv')!;
  const good = () => csv.write(canonical({ sources: [{ id: 's', title: 'T' }], actors: [{ id: 'a', kind: 'PERSON', name: 'A', aliases: [], tags: [] }], relationships: [] }));

  it('CSV: a wrong header names the file and line 1', () => {
    const files = good();
    files.set('actors.csv', 'id,name\na,A\n');
    expect(problemLines(() => csv.read(files))).toEqual([expect.stringMatching(/^actors\.csv:1: header must be id,kind,name/)]);
  });

  it('CSV: a row with the wrong number of cells names its line', () => {
    const files = good();
    files.set('actors.csv', files.get('actors.csv')! + 'b,PERSON\n');
    expect(problemLines(() => csv.read(files))[0]).toMatch(/^actors\.csv:3: is not valid CSV/);
  });

  it('CSV: a non-numeric amount names line and field', () => {
    const files = good();
    files.set('relationships.csv', files.get('relationships.csv')! + 'r,INVESTED_IN,a,a,,,,lots,USD,s,quote,,\n');
    expect(problemLines(() => csv.read(files))).toEqual(['relationships.csv:2 amount: "lots" is not a number']);
  });

  it('CSV: a missing file is named', () => {
    const files = good();
    files.delete('sources.csv');
    expect(problemLines(() => csv.read(files))).toEqual(['sources.csv: is missing']);
  });

  it('GraphML and GEXF: malformed XML names the line', () => {
    for (const name of ['graphml', 'gexf']) {
      const f = formatByName(name)!;
      const text = '<?xml version="1.0"?>\n<graphml>\n  <graph>\n    <node id="a">\n  </graph>\n</graphml>\n';
      expect(problemLines(() => f.read(new Map([[`bad.${name}`, text]])))[0]).toMatch(new RegExp(`^bad\\.${name}:\\d+: `));
    }
  });

  it('GraphML: a document that is XML but not GraphML is refused', () => {
    expect(problemLines(() => formatByName('graphml')!.read(new Map([['x.graphml', '<html><body/></html>']])))).toEqual(['x.graphml: has no <graphml><graph>']);
  });

  it('FtM: bad JSON lines and unknown schemata name their lines, in file order', () => {
    const text = '{"id":"x","schema":"Vessel","properties":{}}\nnot json\n';
    expect(problemLines(() => formatByName('ftm')!.read(new Map([['e.ftm.jsonl', text]])))).toEqual([
      'e.ftm.jsonl:1 schema: "Vessel" is not a schema Steppe imports',
      expect.stringMatching(/^e\.ftm\.jsonl:2: is not valid JSON/),
    ]);
  });

  it('JSON: something else than a Steppe export is refused', () => {
    expect(problemLines(() => formatByName('json')!.read(new Map([['x.json', '{"nodes":[]}']])))).toEqual(['x.json format: must be "steppe"']);
  });
});

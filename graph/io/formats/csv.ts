/**
 * CSV, the format people keep in spreadsheets: three files with fixed headers.
 *
 *   sources.csv        id,title,publisher,author,published,url
 *   actors.csv         id,kind,name,category,aliases,summary,country,tags
 *   relationships.csv  id,type,source,target,role,start,end,amount,currency,citation_source,citation_excerpt
 *
 * Lists (aliases, tags) are separated by " | ". A relationship with several
 * citations takes one row per citation: the first row carries its fields, the
 * following rows repeat its id and fill only the citation columns.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ValidationError, type FieldProblem } from '../../core/errors';
import type { Actor, GraphData, Relationship, Source } from '../../core/model';
import { LIST_SEPARATOR, blankToUndefined, emptyOrigins, splitList, type FileSet, type GraphFormat, type ParsedGraph } from './types';

export const CSV_HEADERS = {
  'sources.csv': ['id', 'title', 'publisher', 'author', 'published', 'url'],
  'actors.csv': ['id', 'kind', 'name', 'category', 'aliases', 'summary', 'country', 'tags'],
  'relationships.csv': ['id', 'type', 'source', 'target', 'role', 'start', 'end', 'amount', 'currency', 'citation_source', 'citation_excerpt'],
} as const;
type CsvFile = keyof typeof CSV_HEADERS;


function table(file: CsvFile, rows: string[][]): string {
  return stringify([[...CSV_HEADERS[file]], ...rows], { record_delimiter: '\n' });
}

function write(data: GraphData): FileSet {
  const files: FileSet = new Map();
  files.set('sources.csv', table('sources.csv', data.sources.map((s) => [s.id, s.title, s.publisher ?? '', s.author ?? '', s.published ?? '', s.url ?? ''])));
  files.set(
    'actors.csv',
    table(
      'actors.csv',
      data.actors.map((a) => [a.id, a.kind, a.name, a.category ?? '', a.aliases.join(LIST_SEPARATOR), a.summary ?? '', a.country ?? '', a.tags.join(LIST_SEPARATOR)]),
    ),
  );
  const relRows: string[][] = [];
  for (const r of data.relationships) {
    r.citations.forEach((c, i) => {
      const fields = i === 0 ? [r.type, r.source, r.target, r.role ?? '', r.start ?? '', r.end ?? '', r.amount === undefined ? '' : String(r.amount), r.currency ?? ''] : ['', '', '', '', '', '', '', ''];
      relRows.push([r.id, ...fields, c.sourceId, c.excerpt]);
    });
  }
  files.set('relationships.csv', table('relationships.csv', relRows));
  return files;
}

interface Row {
  line: number;
  cells: Record<string, string>;
}

function readTable(file: CsvFile, text: string | undefined, problems: FieldProblem[]): Row[] {
  if (text === undefined) {
    problems.push({ path: file, message: 'is missing' });
    return [];
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, relax_column_count: false, skip_empty_lines: true, bom: true, trim: false }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    problems.push({ path: `${file}:${err.lines ?? 1}`, message: `is not valid CSV (${err.message.replace(/^Invalid Record Length: /, '')})` });
    return [];
  }
  const [header, ...body] = records;
  const expected = CSV_HEADERS[file];
  if (!header || header.record.join(',') !== expected.join(',')) {
    problems.push({ path: `${file}:1`, message: `header must be ${expected.join(',')}` });
    return [];
  }
  return body.map(({ record, info }) => ({ line: info.lines, cells: Object.fromEntries(expected.map((h, i) => [h, record[i] ?? ''])) }));
}

function read(files: FileSet): ParsedGraph {
  const problems: FieldProblem[] = [];
  const sourceRows = readTable('sources.csv', files.get('sources.csv'), problems);
  const actorRows = readTable('actors.csv', files.get('actors.csv'), problems);
  const relRows = readTable('relationships.csv', files.get('relationships.csv'), problems);
  if (problems.length) throw new ValidationError('CSV files are malformed', problems);

  const origins = emptyOrigins();
  const sources: Source[] = sourceRows.map(({ line, cells: c }) => {
    origins.sources.push(`sources.csv:${line}`);
    return { id: c.id, title: c.title, publisher: blankToUndefined(c.publisher), author: blankToUndefined(c.author), published: blankToUndefined(c.published), url: blankToUndefined(c.url) } as Source;
  });
  const actors: Actor[] = actorRows.map(({ line, cells: c }) => {
    origins.actors.push(`actors.csv:${line}`);
    return {
      id: c.id,
      kind: c.kind,
      name: c.name,
      category: blankToUndefined(c.category),
      aliases: splitList(c.aliases),
      summary: blankToUndefined(c.summary),
      country: blankToUndefined(c.country),
      tags: splitList(c.tags),
    } as Actor;
  });
  const relationships: Relationship[] = [];
  const byId = new Map<string, Relationship>();
  for (const { line, cells: c } of relRows) {
    const citation = { sourceId: c.citation_source, excerpt: c.citation_excerpt };
    const existing = byId.get(c.id);
    if (existing) {
      // A continuation row: only citation columns may be filled.
      const extra = ['type', 'source', 'target', 'role', 'start', 'end', 'amount', 'currency'].filter((k) => c[k] !== '');
      if (extra.length) problems.push({ path: `relationships.csv:${line} ${extra[0]}`, message: `must be empty on a further citation row of "${c.id}"` });
      existing.citations.push(citation);
      continue;
    }
    let amount: number | undefined;
    if (c.amount !== '') {
      amount = Number(c.amount);
      if (!Number.isFinite(amount)) problems.push({ path: `relationships.csv:${line} amount`, message: `"${c.amount}" is not a number` });
    }
    const rel = {
      id: c.id,
      type: c.type,
      source: c.source,
      target: c.target,
      role: blankToUndefined(c.role),
      start: blankToUndefined(c.start),
      end: blankToUndefined(c.end),
      amount,
      currency: blankToUndefined(c.currency),
      citations: c.citation_source === '' && c.citation_excerpt === '' ? [] : [citation],
    } as Relationship;
    byId.set(c.id, rel);
    relationships.push(rel);
    origins.relationships.push(`relationships.csv:${line}`);
  }
  if (problems.length) throw new ValidationError('CSV files are malformed', problems);
  return { sources, actors, relationships, origins };
}

export const csvFormat: GraphFormat = {
  name: 'csv',
  description: 'CSV: sources.csv, actors.csv, relationships.csv (one row per citation)',
  files: Object.keys(CSV_HEADERS),
  write,
  read,
};

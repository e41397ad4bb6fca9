/**
 * CSV, the format people keep in spreadsheets: three files with fixed headers.
 *
 *   sources.csv        id,title,publisher,authors,published,updated,url,text_kind,text_note
 *   actors.csv         id,kind,name,category,aliases,summary,country,tags
 *   relationships.csv  id,type,source,target,role,start,end,amount,currency,citation_source,citation_excerpt,citation_url,citation_warning
 *
 * Lists (authors, aliases, tags) are separated by " | ". A relationship with
 * several citations takes one row per citation: the first row carries its
 * fields, the following rows repeat its id and fill only the citation columns.
 * `citation_url` and `citation_warning` repeat the cited source's address and
 * wording warning next to each quote for spreadsheet readers; import ignores
 * them. Files written before provenance (sources.csv with one `author`,
 * relationships.csv without the two citation columns) still import.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { GraphData } from '../../core/model';
import { writeTextFile } from '../text-file';
import { CSV_FILES, CSV_HEADERS, type CsvFile } from './csv-files';
import { readCsvDir, readCsvFiles } from './csv-read';
import { citationUrl, citationWarning, sourceLookup } from './provenance';
import { LIST_SEPARATOR, type FileSet, type GraphFormat } from './types';

/** Rows per csv-stringify call when writing: the pieces stay small, and joined they are one call's output. */
const WRITE_BATCH = 1000;

function* table(file: CsvFile, rows: Iterable<string[]>): Generator<string> {
  yield stringify([[...CSV_HEADERS[file]]], { record_delimiter: '\n' });
  let batch: string[][] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === WRITE_BATCH) {
      yield stringify(batch, { record_delimiter: '\n' });
      batch = [];
    }
  }
  if (batch.length) yield stringify(batch, { record_delimiter: '\n' });
}

/** Each file's text, in pieces of a thousand rows at most. */
function tables(data: GraphData): Record<CsvFile, Iterable<string>> {
  const sources = sourceLookup(data);
  function* relRows(): Generator<string[]> {
    for (const r of data.relationships)
      for (const [i, c] of r.citations.entries()) {
        const fields = i === 0 ? [r.type, r.source, r.target, r.role ?? '', r.start ?? '', r.end ?? '', r.amount === undefined ? '' : String(r.amount), r.currency ?? ''] : ['', '', '', '', '', '', '', ''];
        yield [r.id, ...fields, c.sourceId, c.excerpt, citationUrl(sources, c), citationWarning(sources, c)];
      }
  }
  return {
    'sources.csv': table(
      'sources.csv',
      data.sources.map((s) => [s.id, s.title, s.publisher ?? '', (s.authors ?? []).join(LIST_SEPARATOR), s.published ?? '', s.updated ?? '', s.url ?? '', s.textKind ?? '', s.textNote ?? '']),
    ),
    'actors.csv': table(
      'actors.csv',
      data.actors.map((a) => [a.id, a.kind, a.name, a.category ?? '', a.aliases.join(LIST_SEPARATOR), a.summary ?? '', a.country ?? '', a.tags.join(LIST_SEPARATOR)]),
    ),
    'relationships.csv': table('relationships.csv', relRows()),
  };
}

function write(data: GraphData): FileSet {
  return new Map(Object.entries(tables(data)).map(([file, pieces]) => [file, [...pieces].join('')]));
}

/** `write` straight into a directory, a few megabytes at a time. Returns the files written. */
export async function writeCsvFiles(data: GraphData, dir: string): Promise<string[]> {
  await fsp.mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, pieces] of Object.entries(tables(data))) {
    await writeTextFile(path.join(dir, file), pieces);
    written.push(path.join(dir, file));
  }
  return written;
}

export const csvFormat: GraphFormat = {
  name: 'csv',
  description: 'CSV: sources.csv, actors.csv, relationships.csv (one row per citation)',
  files: CSV_FILES,
  write,
  read: readCsvFiles,
  readFile: readCsvDir,
  writeDir: writeCsvFiles,
};

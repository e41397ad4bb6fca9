/**
 * Reads the CSV format (csv.ts describes it) into Steppe records, from
 * strings or streamed from disk a chunk at a time; records are located at the
 * line they start on, for error messages.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse as parseStream, type InfoRecord, type Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { ValidationError, type FieldProblem } from '../../core/errors';
import type { Actor, Relationship, Source } from '../../core/model';
import type { RecordOrigins } from '../dataset';
import { readTextChunks } from '../text-file';
import { CSV_FILES, CSV_HEADERS, LEGACY_HEADERS, type CsvFile } from './csv-files';
import { blankToUndefined, emptyOrigins, splitList, type FileSet, type ParsedGraph, type ReadProgress } from './types';

/**
 * csv-parse's options for one file. Every record goes to the file's
 * `CsvTable` the moment it is parsed, and none is kept, whether csv-parse is
 * fed a whole string (its sync API) or a chunk at a time (its stream API): one
 * parser, one path for records.
 */
function parseOptions(table: CsvTable): Options {
  return {
    relax_column_count: false,
    skip_empty_lines: true,
    bom: true,
    trim: false,
    on_record: (record: string[], info: InfoRecord) => {
      table.add(record, info);
      return null;
    },
  };
}

const RELATIONSHIP_FIELDS = ['type', 'source', 'target', 'role', 'start', 'end', 'amount', 'currency'] as const;

/**
 * Turns rows into Steppe records as they come, for both the whole-string and
 * the streamed read. A problem with a file as CSV (missing, malformed, wrong
 * header) is reported alone, as those make the rows meaningless; otherwise
 * every row's problem is.
 */
class CsvGraphReader {
  private readonly sources: Source[] = [];
  private readonly actors: Actor[] = [];
  private readonly relationships: Relationship[] = [];
  private readonly relById = new Map<string, Relationship>();
  /** Line numbers, index for index with the records; turned into `file:line` strings only when needed. */
  private readonly lines = { sources: [] as number[], actors: [] as number[], relationships: [] as number[] };
  private readonly csvProblems: FieldProblem[] = [];
  private readonly rowProblems: FieldProblem[] = [];

  /** Records read so far (rows, counting a relationship's continuation rows once). */
  get recordCount(): number {
    return this.sources.length + this.actors.length + this.relationships.length;
  }

  missing(file: CsvFile): void {
    this.csvProblems.push({ path: file, message: 'is missing' });
  }

  /** The csv-parse error that stopped a file. */
  malformed(file: CsvFile, e: unknown): void {
    const err = e as Error & { lines?: number };
    this.csvProblems.push({ path: `${file}:${err.lines ?? 1}`, message: `is not valid CSV (${err.message.replace(/^Invalid Record Length: /, '')})` });
  }

  /** A reader for one file's records, in order. */
  table(file: CsvFile, onRecord?: () => void): CsvTable {
    return new CsvTable(file, this, this.csvProblems, onRecord);
  }

  row(file: CsvFile, line: number, c: Record<string, string>): void {
    if (file === 'sources.csv') {
      const authors = c.authors !== undefined ? splitList(c.authors) : c.author ? [c.author] : [];
      this.lines.sources.push(line);
      this.sources.push({
        id: c.id,
        title: c.title,
        publisher: blankToUndefined(c.publisher),
        authors: authors.length ? authors : undefined,
        published: blankToUndefined(c.published),
        updated: blankToUndefined(c.updated),
        url: blankToUndefined(c.url),
        textKind: blankToUndefined(c.text_kind),
        textNote: blankToUndefined(c.text_note),
      } as Source);
    } else if (file === 'actors.csv') {
      this.lines.actors.push(line);
      this.actors.push({
        id: c.id,
        kind: c.kind,
        name: c.name,
        category: blankToUndefined(c.category),
        aliases: splitList(c.aliases),
        summary: blankToUndefined(c.summary),
        country: blankToUndefined(c.country),
        tags: splitList(c.tags),
      } as Actor);
    } else this.relationshipRow(line, c);
  }

  private relationshipRow(line: number, c: Record<string, string>): void {
    const citation = { sourceId: c.citation_source, excerpt: c.citation_excerpt };
    const existing = this.relById.get(c.id);
    if (existing) {
      // A continuation row: only citation columns may be filled.
      const extra = RELATIONSHIP_FIELDS.filter((k) => c[k] !== '');
      if (extra.length) this.rowProblems.push({ path: `relationships.csv:${line} ${extra[0]}`, message: `must be empty on a further citation row of "${c.id}"` });
      existing.citations.push(citation);
      return;
    }
    let amount: number | undefined;
    if (c.amount !== '') {
      amount = Number(c.amount);
      if (!Number.isFinite(amount)) this.rowProblems.push({ path: `relationships.csv:${line} amount`, message: `"${c.amount}" is not a number` });
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
    this.relById.set(c.id, rel);
    this.relationships.push(rel);
    this.lines.relationships.push(line);
  }

  /** The records read; throws ValidationError naming every problem. */
  finish(): ParsedGraph {
    this.relById.clear();
    const problems = this.csvProblems.length ? this.csvProblems : this.rowProblems;
    if (problems.length) throw new ValidationError('CSV files are malformed', problems);
    const { lines } = this;
    const at = (file: string, list: number[]) => list.map((l) => `${file}:${l}`);
    let origins: RecordOrigins | undefined;
    return {
      sources: this.sources,
      actors: this.actors,
      relationships: this.relationships,
      // Built on first use (an import that fails): a million `file:line` strings would cost tens of megabytes.
      get origins() {
        return (origins ??= { ...emptyOrigins(), sources: at('sources.csv', lines.sources), actors: at('actors.csv', lines.actors), relationships: at('relationships.csv', lines.relationships) });
      },
    };
  }
}

/**
 * One file's records: the first must be a known header; each later one
 * becomes a row of cells named by it, located at the line it starts on (a
 * quoted cell may hold line breaks, so a record can span several lines).
 */
class CsvTable {
  private header: readonly string[] | null = null;
  private refused = false;
  /** Line breaks before the next record: the previous records' own and the empty lines csv-parse skipped. */
  private linesBefore = 0;
  private emptyLinesSeen = 0;

  constructor(
    private readonly file: CsvFile,
    private readonly graph: CsvGraphReader,
    private readonly problems: FieldProblem[],
    private readonly onRecord?: () => void,
  ) {}

  add(record: string[], info: InfoRecord): void {
    if (this.refused) return;
    const line = this.linesBefore + (info.empty_lines - this.emptyLinesSeen) + 1;
    this.emptyLinesSeen = info.empty_lines;
    let breaks = 0;
    for (const cell of record) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) breaks++;
    // The record's own line breaks, and the one that ends it.
    this.linesBefore = line + breaks;
    if (!this.header) {
      const expected = CSV_HEADERS[this.file];
      const found = [expected, ...LEGACY_HEADERS[this.file]].find((h) => record.join(',') === h.join(','));
      if (found) this.header = found;
      else {
        this.refused = true;
        this.problems.push({ path: `${this.file}:1`, message: `header must be ${expected.join(',')}` });
      }
      return;
    }
    const cells: Record<string, string> = {};
    this.header.forEach((h, i) => (cells[h] = record[i] ?? ''));
    this.graph.row(this.file, line, cells);
    this.onRecord?.();
  }

  /** csv-parse stopped at an error: one problem of this file. */
  malformed(e: unknown): void {
    this.graph.malformed(this.file, e);
  }

  /** The file has ended: an empty one has no header either. */
  end(): void {
    if (!this.header && !this.refused) this.problems.push({ path: `${this.file}:1`, message: `header must be ${CSV_HEADERS[this.file].join(',')}` });
  }
}

/** `read`: the three files as strings. */
export function readCsvFiles(files: FileSet): ParsedGraph {
  const graph = new CsvGraphReader();
  for (const file of CSV_FILES) {
    const text = files.get(file);
    if (text === undefined) {
      graph.missing(file);
      continue;
    }
    const table = graph.table(file);
    try {
      parse(text, parseOptions(table));
    } catch (e) {
      table.malformed(e);
      continue;
    }
    table.end();
  }
  return graph.finish();
}

type Chunks = AsyncIterable<Buffer> | Iterable<Buffer>;

/** Feeds a CSV file set given as byte chunks (each file's bytes split anywhere) through the streamed reader. */
export async function readCsvChunks(files: Map<string, Chunks>): Promise<ParsedGraph> {
  const graph = new CsvGraphReader();
  for (const file of CSV_FILES) {
    const chunks = files.get(file);
    if (chunks) await readTableChunks(graph.table(file), chunks);
    else graph.missing(file);
  }
  return graph.finish();
}

/** One file's bytes through csv-parse's stream API into its table. */
async function readTableChunks(table: CsvTable, chunks: Chunks): Promise<void> {
  try {
    // The parser keeps no records (parseOptions), so its readable side ends empty; the sink only lets it finish.
    await pipeline(Readable.from(chunks, { objectMode: false }), parseStream(parseOptions(table)), new Writable({ objectMode: true, write: (_r, _e, done) => done() }));
  } catch (e) {
    // A file that cannot be read (binary) stops the import; a CSV error is one problem of this file.
    if (e instanceof ValidationError) throw e;
    table.malformed(e);
    return;
  }
  table.end();
}

/** How often (in records) the streamed read reports progress. */
const PROGRESS_EVERY = 4096;

/**
 * `read` of a directory (or of any one of its three files) on disk, each file
 * streamed a chunk at a time; progress counts the bytes of all the files.
 */
export async function readCsvDir(input: string, onProgress?: (p: ReadProgress) => void): Promise<ParsedGraph> {
  const dir = (await fsp.stat(input).catch(() => null))?.isDirectory() ? input : path.dirname(input);
  const sizes = new Map<CsvFile, number>();
  for (const file of CSV_FILES) {
    const stat = await fsp.stat(path.join(dir, file)).catch(() => null);
    if (stat?.isFile()) sizes.set(file, stat.size);
  }
  const totalBytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  const graph = new CsvGraphReader();
  let before = 0;
  for (const file of CSV_FILES) {
    if (!sizes.has(file)) {
      graph.missing(file);
      continue;
    }
    let bytes = 0;
    let sinceReport = 0;
    const report = () => onProgress?.({ bytes: before + bytes, totalBytes, records: graph.recordCount });
    const chunks = readTextChunks(path.join(dir, file), (p) => {
      bytes = p.bytes;
      report();
    });
    const table = graph.table(file, () => {
      if (++sinceReport < PROGRESS_EVERY) return;
      sinceReport = 0;
      report();
    });
    await readTableChunks(table, chunks);
    before += sizes.get(file)!;
  }
  onProgress?.({ bytes: totalBytes, totalBytes, records: graph.recordCount });
  return graph.finish();
}


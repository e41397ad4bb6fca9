/**
 * Native JSON: one document with sources, actors, relationships and curated
 * maps, exactly the model's shape. Read and written in pieces (json-stream.ts,
 * text-file.ts), so a document bigger than a string imports and exports; each
 * record is located as `steppe.json:LINE actors[INDEX]` (the line where it
 * starts, and its place in its list for documents written on one line).
 */
import path from 'node:path';
import { ValidationError, type FieldProblem } from '../../core/errors';
import type { GraphData } from '../../core/model';
import type { RecordOrigins } from '../dataset';
import { JsonDocumentScanner, type JsonDocumentSink } from '../json-stream';
import { readTextChunks, writeTextFile } from '../text-file';
import type { FileSet, GraphFormat, ParsedGraph, ReadProgress } from './types';

const FILE = 'steppe.json';
const LISTS = ['sources', 'actors', 'relationships', 'maps'] as const;
type ListKey = (typeof LISTS)[number];
const isList = (key: string): key is ListKey => (LISTS as readonly string[]).includes(key);

/** The document in pieces, each a few records at most; joined, exactly `JSON.stringify(document, null, 2)`. */
function* jsonPieces(data: GraphData): Generator<string> {
  yield '{\n  "format": "steppe",\n  "version": 1';
  const lists: Record<ListKey, readonly unknown[]> = { sources: data.sources, actors: data.actors, relationships: data.relationships, maps: data.maps ?? [] };
  for (const key of LISTS) {
    const list = lists[key];
    if (!list.length) {
      yield `,\n  "${key}": []`;
      continue;
    }
    yield `,\n  "${key}": [`;
    // Strings hold no raw newline, so indenting after each one indents the record by two levels.
    for (let i = 0; i < list.length; i++) yield `${i ? ',' : ''}\n    ${JSON.stringify(list[i], null, 2).replace(/\n/g, '\n    ')}`;
    yield '\n  ]';
  }
  yield '\n}\n';
}

/** `write` straight to a file, a few megabytes at a time. */
export async function writeJsonFile(data: GraphData, file: string): Promise<void> {
  await writeTextFile(file, jsonPieces(data));
}

/** Collects the records of a Steppe document as the scanner finds them, and checks the document's shape at the end. */
class JsonGraphReader implements JsonDocumentSink {
  private isObject = true;
  private format: unknown;
  private readonly lists: Partial<Record<ListKey, unknown[]>> = {};
  /** Line numbers, index for index with the records; turned into strings only when needed. */
  private readonly lines: Partial<Record<ListKey, number[]>> = {};
  private readonly scanner: JsonDocumentScanner;
  records = 0;

  constructor(private readonly name: string) {
    this.scanner = new JsonDocumentScanner(name, this);
  }

  /** The next piece of the document (text, or UTF-8 bytes split anywhere). */
  push(piece: string | Buffer): void {
    this.scanner.push(piece);
  }

  notAnObject(): void {
    this.isObject = false;
  }

  listStart(key: string): void {
    // A repeated key replaces the earlier value, as with JSON.parse.
    if (key === 'format') this.format = [];
    if (!isList(key)) return;
    this.forget(key);
    this.lists[key] = [];
    this.lines[key] = [];
  }

  listElement(key: string, value: unknown, line: number): void {
    if (!isList(key)) return;
    this.lists[key]!.push(value);
    this.lines[key]!.push(line);
    this.records++;
  }

  member(key: string, value: unknown): void {
    if (key === 'format') this.format = value;
    if (!isList(key)) return;
    this.forget(key);
    // Not a list: remembered as such, so the check below names it.
    this.lists[key] = value as unknown[];
    delete this.lines[key];
  }

  private forget(key: ListKey): void {
    const earlier = this.lists[key];
    if (Array.isArray(earlier)) this.records -= earlier.length;
  }

  /** The records read; throws ValidationError if the document is malformed or not a Steppe export. */
  finish(): ParsedGraph {
    this.scanner.end();
    const { name, lists, lines } = this;
    if (!this.isObject || this.format !== 'steppe') throw new ValidationError(`${name} is not a Steppe JSON export`, [{ path: `${name} format`, message: 'must be "steppe"' }]);
    const problems: FieldProblem[] = (['sources', 'actors', 'relationships'] as const).filter((k) => !Array.isArray(lists[k])).map((k) => ({ path: `${name} ${k}`, message: 'must be a list' }));
    // Maps are optional: exports made before maps existed have none.
    if (lists.maps !== undefined && !Array.isArray(lists.maps)) problems.push({ path: `${name} maps`, message: 'must be a list' });
    if (problems.length) throw new ValidationError(`${name} is incomplete`, problems);
    const at = (key: ListKey) => (lines[key] ?? []).map((line, i) => `${name}:${line} ${key}[${i}]`);
    let origins: RecordOrigins | undefined;
    const data = lists as unknown as GraphData;
    return {
      sources: data.sources,
      actors: data.actors,
      relationships: data.relationships,
      maps: data.maps ?? [],
      // Built on first use (an import that fails): a million location strings would cost tens of megabytes.
      get origins() {
        return (origins ??= { sources: at('sources'), actors: at('actors'), relationships: at('relationships'), maps: at('maps') });
      },
    };
  }
}

/** `read` of a file on disk, streamed a few megabytes at a time (the same reader, fed chunk by chunk). */
async function readFile(file: string, onProgress?: (p: ReadProgress) => void): Promise<ParsedGraph> {
  const reader = new JsonGraphReader(path.basename(file));
  for await (const chunk of readTextChunks(file, (p) => onProgress?.({ ...p, records: reader.records }))) reader.push(chunk);
  return reader.finish();
}

/** Parses a document given in pieces (text, or UTF-8 bytes split anywhere); what `read` and `readFile` share. */
export function readJsonPieces(name: string, pieces: Iterable<string | Buffer>): ParsedGraph {
  const reader = new JsonGraphReader(name);
  for (const piece of pieces) reader.push(piece);
  return reader.finish();
}

export const jsonFormat: GraphFormat = {
  name: 'json',
  description: 'Steppe JSON: {"format":"steppe","version":1,"sources":[…],"actors":[…],"relationships":[…],"maps":[…]}',
  files: [FILE],
  write(data: GraphData): FileSet {
    return new Map([[FILE, [...jsonPieces(data)].join('')]]);
  },
  read(files: FileSet): ParsedGraph {
    const [name, text] = [...files][0] ?? [FILE, ''];
    return readJsonPieces(name, [text]);
  },
  readFile,
  async writeDir(data, dir) {
    const file = path.join(dir, FILE);
    await writeJsonFile(data, file);
    return [file];
  },
};

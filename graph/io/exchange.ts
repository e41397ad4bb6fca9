/**
 * Import and export between a GraphStore and files in any format of
 * formats/index.ts. Imports are all-or-nothing (the store's importGraph), and
 * every problem is reported with the file, line and field it came from.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ValidationError, type FieldProblem } from '../core/errors';
import type { GraphStore, ImportResult } from '../core/store';
import { writeDatasetDir, type RecordOrigins } from './dataset';
import { formatByName, formatForFile, FORMATS, type GraphFormat, type ParsedGraph } from './formats';
import type { ReadProgress } from './formats/types';

async function isDirectory(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => null))?.isDirectory() ?? false;
}

/** Reads a file (or, for CSV, a directory or any one of its three files) in the given or guessed format. */
export async function readGraphFiles(input: string, formatName?: string, onProgress?: (p: ReadProgress) => void): Promise<{ format: GraphFormat; graph: ParsedGraph }> {
  const dir = await isDirectory(input);
  const format = formatName ? formatByName(formatName) : dir ? formatByName('csv') : formatForFile(input);
  if (!format)
    throw new ValidationError(`Cannot tell the format of ${input}`, [
      { path: 'format', message: `pass --format, one of ${FORMATS.map((f) => f.name).join(', ')}` },
    ]);
  // Streamed from disk where the format can (FtM, JSON, CSV, whose files can outgrow a string); read whole otherwise.
  if (format.readFile) return { format, graph: await format.readFile(input, onProgress) };
  const bytes = await fs.readFile(input).catch(() => {
    throw new ValidationError(`Cannot read ${input}`, [{ path: input, message: 'cannot be read' }]);
  });
  if (bytes.includes(0)) throw new ValidationError(`${input} is a binary file`, [{ path: input, message: 'is not text' }]);
  return { format, graph: format.read(new Map([[path.basename(input), bytes.toString('utf8')]])) };
}

/** Rewrites store problem paths such as `relationships[12].source` to `relationships.csv:14 source`. */
export function locateProblems(problems: FieldProblem[], origins: RecordOrigins): FieldProblem[] {
  return problems.map((p) => {
    const m = /^(sources|actors|relationships|maps)\[(\d+)\]\.?(.*)$/.exec(p.path);
    const origin = m ? origins[m[1] as keyof RecordOrigins]?.[Number(m[2])] : undefined;
    return origin ? { path: `${origin}${m![3] ? ` ${m![3]}` : ''}`, message: p.message } : p;
  });
}

export interface ImportProgress {
  /** Reading the file (streamed formats report as they go), then validating and writing all of it at once. */
  onRead?: (p: ReadProgress) => void;
  onWrite?: (records: number) => void;
}

/** Imports a file into the store, all or nothing. Throws ValidationError with located problems. */
export async function importFile(store: GraphStore, input: string, formatName?: string, progress: ImportProgress = {}): Promise<ImportResult & { format: string }> {
  const { format, graph } = await readGraphFiles(input, formatName, progress.onRead);
  progress.onWrite?.(graph.sources.length + graph.actors.length + graph.relationships.length + (graph.maps?.length ?? 0));
  try {
    const data = { sources: graph.sources, actors: graph.actors, relationships: graph.relationships, maps: graph.maps ?? [] };
    const result = await store.importGraph(data, { by: `import:${format.name}` });
    return { ...result, format: format.name };
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(`Import of ${input} refused; nothing was written`, locateProblems(e.problems, graph.origins));
    throw e;
  }
}

/**
 * `dataset`: the bundled dataset's own files (data/*.jsonl, sorted by id, with
 * the curated maps), so `npm run export -- --format dataset --out data` writes
 * back what intake and review added. Source texts stay in the store; the
 * dataset keeps excerpts.
 */
export const DATASET_FORMAT = 'dataset';

/** Writes the whole store in a format into a directory; returns the files written. */
export async function exportTo(store: GraphStore, formatName: string, outDir: string): Promise<string[]> {
  if (formatName === DATASET_FORMAT) return writeDatasetDir(outDir, await store.exportGraph());
  const format = formatByName(formatName);
  if (!format) throw new ValidationError(`Unknown format "${formatName}"`, [{ path: 'format', message: `must be one of ${[...FORMATS.map((f) => f.name), DATASET_FORMAT].join(', ')}` }]);
  await fs.mkdir(outDir, { recursive: true });
  const data = await store.exportGraph();
  if (format.writeDir) return format.writeDir(data, outDir);
  const files = format.write(data);
  const written: string[] = [];
  for (const [name, text] of files) {
    const file = path.join(outDir, name);
    await fs.writeFile(file, text, 'utf8');
    written.push(file);
  }
  return written;
}

/**
 * The bundled dataset on disk: three JSON Lines files (sources, actors,
 * relationships), one record per line, sorted by id, so diffs read well and a
 * reviewer can check each fact next to its quote; plus, optionally, curated
 * maps (maps.jsonl, graph/core/maps.ts), which refer to the other three by id.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ValidationError, type FieldProblem } from '../core/errors';
import type { CuratedMap } from '../core/maps';
import type { Actor, GraphData, Relationship, Source } from '../core/model';

export const DATASET_FILES = {
  sources: 'sources.jsonl',
  actors: 'actors.jsonl',
  relationships: 'relationships.jsonl',
} as const;

/** Curated maps: optional, a dataset without maps has no such file. */
export const MAPS_FILE = 'maps.jsonl';

/**
 * Parses JSON Lines text. Blank lines are skipped; a line that is not a JSON
 * object becomes a problem named `<file>:<line>`. Returns records with their line numbers.
 */
export function parseJsonLines(text: string, file: string): { records: { line: number; value: unknown }[]; problems: FieldProblem[] } {
  const records: { line: number; value: unknown }[] = [];
  const problems: FieldProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ path: `${file}:${i + 1}`, message: 'is not a JSON object' });
      } else records.push({ line: i + 1, value });
    } catch (e) {
      problems.push({ path: `${file}:${i + 1}`, message: `is not valid JSON (${(e as Error).message})` });
    }
  });
  return { records, problems };
}

/** Where each record came from (`actors.csv:12`), index for index with the records, so errors can name file and line. */
export interface RecordOrigins {
  sources: string[];
  actors: string[];
  relationships: string[];
  /** Set by readers that carry maps (dataset directories, native JSON). */
  maps?: string[];
}

/**
 * Reads a dataset directory. Shape is checked later by the store or data:check;
 * this only fails (ValidationError naming file and line) on unreadable JSON.
 * A missing directory or file is a ValidationError too.
 */
export async function readDatasetDir(dir: string): Promise<GraphData & { origins: RecordOrigins }> {
  const problems: FieldProblem[] = [];
  const out = { sources: [] as Source[], actors: [] as Actor[], relationships: [] as Relationship[] };
  const origins: RecordOrigins = { sources: [], actors: [], relationships: [] };
  for (const key of ['sources', 'actors', 'relationships'] as const) {
    const file = path.join(dir, DATASET_FILES[key]);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      problems.push({ path: file, message: 'cannot be read' });
      continue;
    }
    const parsed = parseJsonLines(text, DATASET_FILES[key]);
    problems.push(...parsed.problems);
    for (const r of parsed.records) {
      (out[key] as unknown[]).push(r.value);
      origins[key].push(`${DATASET_FILES[key]}:${r.line}`);
    }
  }
  // ----- curated maps (optional file) -----
  const maps: CuratedMap[] = [];
  origins.maps = [];
  const mapsText = await fs.readFile(path.join(dir, MAPS_FILE), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    problems.push({ path: path.join(dir, MAPS_FILE), message: 'cannot be read' });
    return '';
  });
  const parsedMaps = parseJsonLines(mapsText, MAPS_FILE);
  problems.push(...parsedMaps.problems);
  for (const r of parsedMaps.records) {
    maps.push(r.value as CuratedMap);
    origins.maps.push(`${MAPS_FILE}:${r.line}`);
  }
  if (problems.length) throw new ValidationError(`Dataset in ${dir} is unreadable`, problems);
  return { ...out, maps, origins };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One JSON object per line, keys in the record's own order, lines sorted by id. */
export function toJsonLines(records: { id: string }[]): string {
  return [...records].sort(byId).map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
}

/** Writes a dataset directory in the format readDatasetDir reads. */
/**
 * Writes the three record files, and maps.jsonl when the graph has maps (an
 * old maps.jsonl is removed when it has none, so the directory matches the
 * graph). Returns the files written.
 */
export async function writeDatasetDir(dir: string, data: GraphData): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const key of ['sources', 'actors', 'relationships'] as const) {
    const file = path.join(dir, DATASET_FILES[key]);
    await fs.writeFile(file, toJsonLines(data[key]), 'utf8');
    written.push(file);
  }
  const mapsFile = path.join(dir, MAPS_FILE);
  if (data.maps?.length) {
    await fs.writeFile(mapsFile, toJsonLines(data.maps), 'utf8');
    written.push(mapsFile);
  } else {
    await fs.rm(mapsFile, { force: true });
  }
  return written;
}

import type { GraphData } from '../../core/model';
import type { RecordOrigins } from '../dataset';

/** Files by name, as a format writes them or an import reads them. */
export type FileSet = Map<string, string>;

/** What a reader returns: the records and where each came from (`actors.csv:12`), for error messages. */
export interface ParsedGraph extends GraphData {
  origins: RecordOrigins;
}

export interface GraphFormat {
  /** Short name used by `--format`. */
  name: string;
  description: string;
  /** File names this format writes (one, or several for CSV). */
  files: readonly string[];
  write(data: GraphData): FileSet;
  /** `write` into a directory on disk a few megabytes at a time (formats whose files can outgrow a string); returns the files written. */
  writeDir?(data: GraphData, dir: string): Promise<string[]>;
  /** Parses files; throws ValidationError naming file, line and field on malformed input. Shape rules are checked later by the store. */
  read(files: FileSet): ParsedGraph;
  /** `read` of the input on disk (a file; for CSV, a directory or one of its files), streamed rather than read whole (formats whose files can outgrow a string). */
  readFile?(file: string, onProgress?: (p: ReadProgress) => void): Promise<ParsedGraph>;
}

export interface ReadProgress {
  bytes: number;
  totalBytes: number;
  /** Records read so far. */
  records: number;
}

export function emptyOrigins(): RecordOrigins {
  return { sources: [], actors: [], relationships: [] };
}

/** Lists (aliases, tags) in one text cell, for the formats that have no list type. */
export const LIST_SEPARATOR = ' | ';

export function splitList(value: string | undefined): string[] {
  return value ? value.split('|').map((s) => s.trim()).filter(Boolean) : [];
}

/** Empty cells and attributes mean "absent", so optional fields stay undefined rather than "". */
export function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

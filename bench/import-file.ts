/**
 * Child process: writes the file (or, for CSV, the directory) an import phase
 * reads, with the format's own streamed writer, from a generated graph sized
 * to give about `entities` FtM entities (each actor brings about five
 * relationships, each an FtM link plus one Documentation), so every format
 * imports the same graph.
 *
 * Usage: node --import tsx bench/import-file.ts <ftm|csv|json> <entities> <seed> <path>
 */
import { rm } from 'node:fs/promises';
import { writeCsvFiles } from '../graph/io/formats/csv';
import { writeFtmFile } from '../graph/io/formats/ftm';
import { writeJsonFile } from '../graph/io/formats/json';
import { generateGraph } from './generate';
import { replyToParent } from './child';

/** Entities per generated actor: the actor, ~5 links and ~5 Documentation entities. */
const ENTITIES_PER_ACTOR = 11;

export const IMPORT_FORMATS = ['ftm', 'csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportFileResult {
  /** FtM entities written (ftm only). */
  entities?: number;
  actors: number;
  relationships: number;
}

export async function writeBenchImportFile(format: ImportFormat, entities: number, seed: number, target: string): Promise<ImportFileResult> {
  const graph = generateGraph({ actors: Math.max(100, Math.round(entities / ENTITIES_PER_ACTOR)), seed });
  const counts = { actors: graph.actors.length, relationships: graph.relationships.length };
  await rm(target, { recursive: true, force: true });
  if (format === 'ftm') return { entities: await writeFtmFile(graph, target), ...counts };
  if (format === 'json') await writeJsonFile(graph, target);
  else await writeCsvFiles(graph, target);
  return counts;
}

const [formatArg, entitiesArg, seedArg, pathArg] = process.argv.slice(2);
if (pathArg && process.argv[1]?.endsWith('import-file.ts')) replyToParent(() => writeBenchImportFile(formatArg as ImportFormat, Number(entitiesArg), Number(seedArg), pathArg));

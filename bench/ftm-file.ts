/**
 * Child process: writes the FtM JSON-lines file the import phase reads, from
 * a generated graph sized to give about `entities` entities (each actor
 * brings about five relationships, each an FtM link plus one Documentation).
 *
 * Usage: node --import tsx bench/ftm-file.ts <entities> <seed> <file>
 */
import { writeFtmFile } from '../graph/io/formats/ftm';
import { generateGraph } from './generate';
import { replyToParent } from './child';

/** Entities per generated actor: the actor, ~5 links and ~5 Documentation entities. */
const ENTITIES_PER_ACTOR = 11;

export async function writeBenchFtm(entities: number, seed: number, file: string): Promise<{ entities: number; actors: number; relationships: number }> {
  const graph = generateGraph({ actors: Math.max(100, Math.round(entities / ENTITIES_PER_ACTOR)), seed });
  const written = await writeFtmFile(graph, file);
  return { entities: written, actors: graph.actors.length, relationships: graph.relationships.length };
}

const [entitiesArg, seedArg, fileArg] = process.argv.slice(2);
if (fileArg && process.argv[1]?.endsWith('ftm-file.ts')) replyToParent(() => writeBenchFtm(Number(entitiesArg), Number(seedArg), fileArg));

/** Native JSON: one document with sources, actors, relationships and curated maps, exactly the model's shape. */
import { ValidationError } from '../../core/errors';
import type { GraphData } from '../../core/model';
import type { FileSet, GraphFormat, ParsedGraph } from './types';

const FILE = 'steppe.json';

export const jsonFormat: GraphFormat = {
  name: 'json',
  description: 'Steppe JSON: {"format":"steppe","version":1,"sources":[…],"actors":[…],"relationships":[…],"maps":[…]}',
  files: [FILE],
  write(data: GraphData): FileSet {
    const doc = { format: 'steppe', version: 1, sources: data.sources, actors: data.actors, relationships: data.relationships, maps: data.maps ?? [] };
    return new Map([[FILE, JSON.stringify(doc, null, 2) + '\n']]);
  },
  read(files: FileSet): ParsedGraph {
    const [name, text] = [...files][0] ?? [FILE, ''];
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new ValidationError(`${name} is not valid JSON`, [{ path: name, message: (e as Error).message }]);
    }
    const d = doc as Partial<Record<keyof GraphData, unknown>> & { format?: unknown };
    if (typeof doc !== 'object' || doc === null || d.format !== 'steppe')
      throw new ValidationError(`${name} is not a Steppe JSON export`, [{ path: `${name} format`, message: 'must be "steppe"' }]);
    const problems = (['sources', 'actors', 'relationships'] as const)
      .filter((k) => !Array.isArray(d[k]))
      .map((k) => ({ path: `${name} ${k}`, message: 'must be a list' }));
    // Maps are optional: exports made before maps existed have none.
    if (d.maps !== undefined && !Array.isArray(d.maps)) problems.push({ path: `${name} maps`, message: 'must be a list' });
    if (problems.length) throw new ValidationError(`${name} is incomplete`, problems);
    const data = { ...(d as unknown as GraphData) };
    data.maps = data.maps ?? [];
    const label = (list: unknown[], k: string) => list.map((_, i) => `${name} ${k}[${i}]`);
    const origins = {
      sources: label(data.sources, 'sources'),
      actors: label(data.actors, 'actors'),
      relationships: label(data.relationships, 'relationships'),
      maps: label(data.maps, 'maps'),
    };
    return { sources: data.sources, actors: data.actors, relationships: data.relationships, maps: data.maps, origins };
  },
};

/**
 * Checks a dataset the way a reviewer would: every record valid, every
 * reference resolvable, no duplicate actors (ids or colliding names/aliases),
 * kind rules per relationship type, and, when source texts are given, every
 * excerpt verbatim in its source. Problems name file and line.
 */
import type { FieldProblem } from '../core/errors';
import { ValidationError } from '../core/errors';
import {
  ACTOR_KINDS,
  RELATIONSHIP_TYPES,
  checkRelationshipEndpoints,
  isSymmetric,
  validateActor,
  validateRelationship,
  validateSource,
  type Actor,
  type GraphData,
  type Relationship,
  type Source,
} from '../core/model';
import { mapReferenceProblems, validateMapRecord, type CuratedMap } from '../core/maps';
import { normalizeText } from '../core/search';
import { DATASET_FILES, MAPS_FILE, type RecordOrigins } from './dataset';

export interface DatasetCounts {
  sources: number;
  actors: number;
  relationships: number;
  maps: number;
  citations: number;
  byKind: Record<string, number>;
  byType: Record<string, number>;
  /** Relationships citing each source. */
  bySource: Record<string, number>;
}

export interface DatasetReport {
  problems: FieldProblem[];
  counts: DatasetCounts;
  /** Number of excerpts checked verbatim against source texts (0 when no texts were given). */
  excerptsVerified: number;
}

export interface CheckOptions {
  /** Full text of each source by source id; when given, every excerpt must occur in it verbatim. */
  sourceTexts?: Map<string, string>;
  /**
   * The bundled dataset's extra rules: lines sorted by id, and every actor in
   * at least one relationship. Off for user imports, where neither is required.
   */
  curated?: boolean;
}

function validateAll<T extends { id: string }>(
  records: unknown[],
  origins: string[] | undefined,
  file: string,
  validate: (r: unknown) => T,
  problems: FieldProblem[],
  curated: boolean,
): T[] {
  const ok: T[] = [];
  const seen = new Set<string>();
  let previous = '';
  records.forEach((r, i) => {
    const where = origins?.[i] ?? `${file}[${i}]`;
    try {
      const v = validate(r);
      if (seen.has(v.id)) problems.push({ path: `${where} id`, message: `duplicates id "${v.id}"` });
      if (curated && v.id < previous) problems.push({ path: `${where} id`, message: `"${v.id}" is out of order (lines must be sorted by id)` });
      seen.add(v.id);
      previous = v.id;
      ok.push(v);
    } catch (e) {
      if (e instanceof ValidationError) for (const p of e.problems) problems.push({ path: `${where} ${p.path}`, message: p.message });
      else throw e;
    }
  });
  return ok;
}

export function checkDataset(data: GraphData, origins?: RecordOrigins, options: CheckOptions = {}): DatasetReport {
  const problems: FieldProblem[] = [];
  const curated = options.curated ?? false;
  const sources = validateAll<Source>(data.sources, origins?.sources, DATASET_FILES.sources, validateSource, problems, curated);
  const actors = validateAll<Actor>(data.actors, origins?.actors, DATASET_FILES.actors, validateActor, problems, curated);
  const rels = validateAll<Relationship>(data.relationships, origins?.relationships, DATASET_FILES.relationships, validateRelationship, problems, curated);

  const sourceIds = new Set(sources.map((s) => s.id));
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const actorIndex = new Map(data.actors.map((a, i) => [(a as Actor).id, i]));
  const actorWhere = (id: string) => origins?.actors[actorIndex.get(id) ?? -1] ?? `${DATASET_FILES.actors}[${actorIndex.get(id)}]`;

  // Names and aliases must point at one actor only, or search is ambiguous and duplicates hide.
  const owner = new Map<string, string>();
  for (const a of actors) {
    for (const text of new Set([a.name, ...a.aliases].map(normalizeText))) {
      const other = owner.get(text);
      if (other && other !== a.id)
        problems.push({ path: `${actorWhere(a.id)} aliases`, message: `"${text}" also names "${other}"` });
      else owner.set(text, a.id);
    }
    if (a.country !== undefined && actorById.get(a.country)?.kind !== 'STATE')
      problems.push({ path: `${actorWhere(a.id)} country`, message: `"${a.country}" is not a STATE actor` });
  }

  const counts: DatasetCounts = {
    sources: sources.length,
    actors: actors.length,
    relationships: rels.length,
    maps: 0,
    citations: 0,
    byKind: Object.fromEntries(ACTOR_KINDS.map((k) => [k, 0])),
    byType: Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, 0])),
    bySource: Object.fromEntries(sources.map((s) => [s.id, 0])),
  };
  for (const a of actors) counts.byKind[a.kind]++;

  const linked = new Set<string>();
  let excerptsVerified = 0;
  const relIndex = new Map(data.relationships.map((r, i) => [(r as Relationship).id, i]));
  for (const r of rels) {
    const where = origins?.relationships[relIndex.get(r.id) ?? -1] ?? `${DATASET_FILES.relationships}[${relIndex.get(r.id)}]`;
    for (const p of checkRelationshipEndpoints(r, (id) => actorById.get(id), (id) => sourceIds.has(id)))
      problems.push({ path: `${where} ${p.path}`, message: p.message });
    if (r.source > r.target && isSymmetric(r.type))
      problems.push({ path: `${where} source`, message: 'symmetric relationships list the smaller id as source' });
    counts.byType[r.type]++;
    linked.add(r.source).add(r.target);
    const cited = new Set<string>();
    r.citations.forEach((c, i) => {
      counts.citations++;
      cited.add(c.sourceId);
      const text = options.sourceTexts?.get(c.sourceId);
      if (options.sourceTexts && text === undefined)
        problems.push({ path: `${where} citations[${i}].sourceId`, message: `no source text given for "${c.sourceId}"` });
      else if (text !== undefined) {
        if (text.includes(c.excerpt)) excerptsVerified++;
        else problems.push({ path: `${where} citations[${i}].excerpt`, message: `does not occur verbatim in source "${c.sourceId}"` });
      }
    });
    for (const s of cited) if (s in counts.bySource) counts.bySource[s]++;
  }
  if (curated)
    for (const a of actors)
      if (!linked.has(a.id)) problems.push({ path: `${actorWhere(a.id)} id`, message: `"${a.id}" takes part in no relationship` });

  // ----- curated maps: every node and edge exists; in the bundled dataset, saved names are current -----
  const maps = validateAll<CuratedMap>(data.maps ?? [], origins?.maps, MAPS_FILE, validateMapRecord, problems, curated);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const mapIndex = new Map((data.maps ?? []).map((m, i) => [(m as CuratedMap).id, i]));
  for (const m of maps) {
    const where = origins?.maps?.[mapIndex.get(m.id) ?? -1] ?? `${MAPS_FILE}[${mapIndex.get(m.id)}]`;
    for (const p of mapReferenceProblems(m, (id) => actorById.get(id), (id) => relById.get(id))) problems.push({ path: `${where} ${p.path}`, message: p.message });
    if (!curated) continue;
    m.nodes.forEach((n, i) => {
      const a = actorById.get(n.actorId);
      if (a && (a.name !== n.savedName || a.kind !== n.savedKind))
        problems.push({ path: `${where} nodes[${i}].savedName`, message: `is "${n.savedName}" (${n.savedKind}); the actor is "${a.name}" (${a.kind})` });
    });
  }
  counts.maps = maps.length;

  return { problems, counts, excerptsVerified };
}

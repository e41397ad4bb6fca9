/**
 * Write planning: each write is checked in full against the current state and
 * turned into the list of changes it makes, before anything touches memory or
 * disk. A plan that throws has written nothing. The store then persists the
 * plan (journal record or snapshot) and applies it (apply.ts).
 */
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from './errors';
import {
  canonicalEnds,
  checkRelationshipEndpoints,
  validateActor,
  validateRelationship,
  validateSource,
  type Actor,
  type GraphData,
  type Relationship,
  type Source,
} from './model';
import { checkSourceText } from './source-text';
import { verifyCitations, type CitationReport } from './citations';
import { buildMap, mapAfterMerge, validateMapRecord, type CuratedMap } from './maps';
import type { Change, ChangeOp, ImportResult, WriteContext } from './store';
import type { PlanReads } from './plan-reads';
import { checkVersion, nextVersion, takeNextVersion } from './versions';

/** A change before it is stamped with `seq` and `at`. */
export type PlannedChange = Omit<Change, 'seq' | 'at'>;

export interface WritePlan<T> {
  changes: PlannedChange[];
  /** Records an IMPORT change brings in (validated, symmetric ends canonical). */
  data?: GraphData;
  /** The text a SET_SOURCE_TEXT change stores (kept out of the change itself, which only summarises it). */
  sourceText?: { sourceId: string; text: string };
  result: T;
}

/** Import problems listed in one error, at most; a broken 500k-record file should not build a 50 MB message. */
export const MAX_REPORTED_PROBLEMS = 200;

function change(op: ChangeOp, entityId: string, before: unknown, after: unknown, ctx?: WriteContext): PlannedChange {
  const c: PlannedChange = { op, entityId };
  if (before !== undefined) c.before = before;
  if (after !== undefined) c.after = after;
  if (ctx?.by !== undefined) c.by = ctx.by;
  return c;
}

function actorOf(state: PlanReads, id: string): Actor {
  const a = state.actors.get(id);
  if (!a) throw new NotFoundError('Actor', id);
  return a;
}

/** Problems with `country` given how actors are looked up (state plus any pending records). */
function countryProblems(actor: Actor, lookup: (id: string) => Actor | undefined): FieldProblem[] {
  if (actor.country === undefined) return [];
  const c = actor.country === actor.id ? actor : lookup(actor.country);
  if (!c) return [{ path: 'country', message: `names no actor ("${actor.country}")` }];
  if (c.kind !== 'STATE') return [{ path: 'country', message: `must name a STATE actor; "${actor.country}" is a ${c.kind}` }];
  return [];
}

function withoutCountry(a: Actor): Actor {
  const { country: _dropped, ...rest } = a;
  void _dropped;
  return rest;
}

// ----- actors -------------------------------------------------------------------

export function planUpsertActor(state: PlanReads, input: Actor, ctx?: WriteContext): WritePlan<Actor> {
  const actor = validateActor(input);
  const problems = countryProblems(actor, (id) => state.actors.get(id));
  if (problems.length) throw new ValidationError('Invalid actor', problems);
  const old = state.actors.get(actor.id);
  checkVersion('Actor', actor.id, old, ctx?.expectedVersion);
  if (old && old.kind !== actor.kind) {
    const lookup = (id: string) => (id === actor.id ? actor : state.actors.get(id));
    for (const relId of state.incidentIds(actor.id)) {
      const rel = state.rels.get(relId)!.rel;
      const broken = checkRelationshipEndpoints(rel, lookup, () => true);
      if (broken.length) throw new ConflictError(`Changing "${actor.id}" to ${actor.kind} breaks relationship "${rel.id}": ${broken[0].message}`);
    }
    const citizens = [...state.citizensOf(actor.id)].filter((id) => id !== actor.id);
    if (old.kind === 'STATE' && citizens.length) {
      throw new ConflictError(`"${actor.id}" is the country of ${citizens.length} actor(s) (e.g. "${citizens[0]}") and must stay a STATE`);
    }
  }
  const stored = nextVersion(actor, old);
  return { changes: [change('UPSERT_ACTOR', actor.id, old, stored, ctx)], result: stored };
}

export function planDeleteActor(state: PlanReads, id: string, cascade: boolean, ctx?: WriteContext): WritePlan<void> {
  const old = actorOf(state, id);
  checkVersion('Actor', id, old, ctx?.expectedVersion);
  const relIds = [...state.incidentIds(id)].sort();
  const citizens = [...state.citizensOf(id)].filter((c) => c !== id).sort();
  if (!cascade && (relIds.length || citizens.length)) {
    const what = [relIds.length && `${relIds.length} relationship(s)`, citizens.length && `${citizens.length} actor(s) naming it as country`];
    throw new ConflictError(`Actor "${id}" has ${what.filter(Boolean).join(' and ')}; delete with cascade to remove them too`);
  }
  const changes: PlannedChange[] = [];
  for (const relId of relIds) changes.push(change('DELETE_RELATIONSHIP', relId, state.rels.get(relId)!.rel, undefined, ctx));
  for (const cid of citizens) {
    const citizen = state.actors.get(cid)!;
    changes.push(change('UPSERT_ACTOR', cid, citizen, nextVersion(withoutCountry(citizen), citizen), ctx));
  }
  changes.push(change('DELETE_ACTOR', id, old, undefined, ctx));
  return { changes, result: undefined };
}

/**
 * Merge: relationships of `mergeId` move to `keepId` (self-loops dropped,
 * symmetric ends re-ordered, kinds re-checked), actors with `country: mergeId`
 * move to `keepId`, the merged name and aliases become aliases of the kept
 * actor, and the merged actor goes.
 */
export function planMergeActors(state: PlanReads, keepId: string, mergeId: string, ctx?: WriteContext): WritePlan<Actor> {
  const keep = actorOf(state, keepId);
  const merged = actorOf(state, mergeId);
  checkVersion('Actor', keepId, keep, ctx?.expectedVersion);
  checkVersion('Actor', mergeId, merged, ctx?.expectedMergeVersion);
  if (keepId === mergeId) throw new ValidationError('Invalid merge', [{ path: 'mergeId', message: 'must differ from keepId' }]);
  const aliases = [...new Set([...keep.aliases, merged.name, ...merged.aliases])].filter((a) => a !== keep.name);
  const kept = validateActor({ ...keep, aliases });

  const changes: PlannedChange[] = [];
  const lookup = (id: string) => (id === keepId ? kept : state.actors.get(id));
  for (const relId of [...state.incidentIds(mergeId)].sort()) {
    const rel = state.rels.get(relId)!.rel;
    const source = rel.source === mergeId ? keepId : rel.source;
    const target = rel.target === mergeId ? keepId : rel.target;
    if (source === target) {
      changes.push(change('DELETE_RELATIONSHIP', relId, rel, undefined, ctx));
      continue;
    }
    const moved = canonicalEnds({ ...rel, source, target });
    const broken = checkRelationshipEndpoints(moved, lookup, () => true);
    if (broken.length) throw new ConflictError(`Merging breaks relationship "${relId}": ${broken[0].message}`);
    changes.push(change('UPSERT_RELATIONSHIP', relId, rel, nextVersion(moved, rel), ctx));
  }
  for (const cid of [...state.citizensOf(mergeId)].sort()) {
    if (cid === mergeId) continue;
    if (kept.kind !== 'STATE') throw new ConflictError(`"${mergeId}" is the country of "${cid}"; it can only merge into a STATE`);
    const citizen = state.actors.get(cid)!;
    // The kept actor itself may name the merged one as its country: that becomes itself.
    if (cid !== keepId) changes.push(change('UPSERT_ACTOR', cid, citizen, nextVersion({ ...citizen, country: keepId }, citizen), ctx));
  }
  const finalKept = nextVersion(kept.country === mergeId ? { ...kept, country: keepId } : kept, keep);
  changes.push(change('MERGE_ACTORS', keepId, { keep, merged }, finalKept, ctx));
  // Maps showing the merged actor now show the kept one (they would otherwise mark it deleted).
  for (const map of [...state.maps.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const moved = mapAfterMerge(map, finalKept, mergeId);
    if (moved) changes.push(change('SAVE_MAP', map.id, map, nextVersion(moved, map), ctx));
  }
  return { changes, result: finalKept };
}

// ----- sources ------------------------------------------------------------------

export function planUpsertSource(state: PlanReads, input: Source, ctx?: WriteContext): WritePlan<Source> {
  const source = validateSource(input);
  const old = state.sources.get(source.id);
  checkVersion('Source', source.id, old, ctx?.expectedVersion);
  const stored = nextVersion(source, old);
  return { changes: [change('UPSERT_SOURCE', source.id, old, stored, ctx)], result: stored };
}

export function planDeleteSource(state: PlanReads, id: string, ctx?: WriteContext): WritePlan<void> {
  const old = state.sources.get(id);
  if (!old) throw new NotFoundError('Source', id);
  checkVersion('Source', id, old, ctx?.expectedVersion);
  const citing = state.idsCiting(id);
  if (citing.size) throw new ConflictError(`Source "${id}" is cited by ${citing.size} relationship(s)`);
  return { changes: [change('DELETE_SOURCE', id, old, undefined, ctx)], result: undefined };
}

// ----- source texts (evidence intake) ------------------------------------------------

/** The change-log summary of a stored text: never the text itself. */
export interface SourceTextSummary {
  sourceId: string;
  length: number;
  checked: number;
  stale: number;
}

/**
 * Sets a source's text (and, with `source`, upserts that record in the same
 * write): the text is normalised and limited by `checkSourceText`, then every
 * citation of the source is verified against it.
 */
export function planSetSourceText(
  state: PlanReads,
  sourceId: string,
  rawText: string,
  source: Source | undefined,
  ctx?: WriteContext,
): WritePlan<{ check: CitationReport; length: number }> {
  const changes: PlannedChange[] = [];
  if (source !== undefined) {
    const upsert = planUpsertSource(state, source, ctx);
    if (upsert.result.id !== sourceId) throw new ValidationError('Invalid source', [{ path: 'source.id', message: `must be "${sourceId}"` }]);
    changes.push(...upsert.changes);
  } else {
    // A new text is a change of its source: the source moves to its next version.
    const old = state.sources.get(sourceId);
    if (!old) throw new NotFoundError('Source', sourceId);
    checkVersion('Source', sourceId, old, ctx?.expectedVersion);
    changes.push(change('UPSERT_SOURCE', sourceId, old, nextVersion(old, old), ctx));
  }
  const text = checkSourceText(rawText);
  const check = verifyCitations(sourceId, text, [...state.entriesCiting(sourceId)].map((e) => e.rel));
  const old = state.texts.get(sourceId);
  const summary: SourceTextSummary = { sourceId, length: text.length, checked: check.checked, stale: check.stale.length };
  changes.push(change('SET_SOURCE_TEXT', sourceId, old && { sourceId, length: old.text.length, updatedAt: old.updatedAt }, summary, ctx));
  return { changes, sourceText: { sourceId, text }, result: { check, length: text.length } };
}

// ----- relationships ---------------------------------------------------------------

/**
 * Evidence intake: a citation of a source whose full text is stored must
 * quote that text verbatim. Citations the stored relationship already carries
 * are not re-checked, so a relationship flagged after a text edit can still
 * be corrected field by field (its stale quote stays flagged by textCheck).
 */
function unquotedExcerpts(state: PlanReads, rel: Relationship, previous: Relationship | undefined): FieldProblem[] {
  if (state.texts.size === 0 || !rel.citations.some((c) => state.texts.has(c.sourceId))) return []; // the common case: bulk imports pay nothing
  const kept = new Set(previous?.citations.map((c) => `${c.sourceId}\n${c.excerpt}`));
  const problems: FieldProblem[] = [];
  rel.citations.forEach((c, i) => {
    const stored = state.texts.get(c.sourceId);
    if (!stored || kept.has(`${c.sourceId}\n${c.excerpt}`) || stored.text.includes(c.excerpt)) return;
    problems.push({ path: `citations[${i}].excerpt`, message: `is not a verbatim quote of the stored text of source "${c.sourceId}"` });
  });
  return problems;
}

export function planUpsertRelationship(state: PlanReads, input: Relationship, ctx?: WriteContext): WritePlan<Relationship> {
  const rel = canonicalEnds(validateRelationship(input));
  const problems = checkRelationshipEndpoints(rel, (id) => state.actors.get(id), (id) => state.sources.has(id));
  const old = state.rels.get(rel.id)?.rel;
  checkVersion('Relationship', rel.id, old, ctx?.expectedVersion);
  problems.push(...unquotedExcerpts(state, rel, old));
  if (problems.length) throw new ValidationError('Invalid relationship', problems);
  const stored = nextVersion(rel, old);
  return { changes: [change('UPSERT_RELATIONSHIP', rel.id, old, stored, ctx)], result: stored };
}

export function planDeleteRelationship(state: PlanReads, id: string, ctx?: WriteContext): WritePlan<void> {
  const old = state.rels.get(id);
  if (!old) throw new NotFoundError('Relationship', id);
  checkVersion('Relationship', id, old.rel, ctx?.expectedVersion);
  return { changes: [change('DELETE_RELATIONSHIP', id, old.rel, undefined, ctx)], result: undefined };
}

// ----- import ---------------------------------------------------------------------

class ProblemList {
  readonly items: FieldProblem[] = [];
  total = 0;
  add(prefix: string, problems: FieldProblem[]): void {
    for (const p of problems) {
      this.total++;
      if (this.items.length < MAX_REPORTED_PROBLEMS) this.items.push({ path: p.path ? `${prefix}.${p.path}` : prefix, message: p.message });
    }
  }
  throwIfAny(): void {
    if (this.total === 0) return;
    const more = this.total - this.items.length;
    const list = more > 0 ? [...this.items, { path: '', message: `and ${more} more problem(s)` }] : this.items;
    throw new ValidationError('Invalid import', list);
  }
}

function listOf(problems: ProblemList, data: Partial<GraphData>, key: keyof GraphData): unknown[] {
  const list = data[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.add(key, [{ path: '', message: 'must be a list' }]);
    return [];
  }
  return list;
}

/**
 * Validates records of one kind. Returns the valid records by id and, in input
 * order, each record or undefined where it was invalid (so later checks can
 * name `key[i]`). A repeated id in the same import is a problem.
 */
function validateAll<T extends { id: string }>(
  problems: ProblemList,
  key: string,
  list: unknown[],
  validate: (x: unknown) => T,
): { byId: Map<string, T>; inOrder: (T | undefined)[] } {
  const byId = new Map<string, T>();
  const inOrder: (T | undefined)[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    let rec: T;
    try {
      rec = validate(list[i]);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      problems.add(`${key}[${i}]`, e.problems.length ? e.problems : [{ path: '', message: e.message }]);
      continue;
    }
    if (byId.has(rec.id)) {
      const first = inOrder.findIndex((r) => r?.id === rec.id);
      problems.add(`${key}[${i}]`, [{ path: 'id', message: `repeats the id of ${key}[${first}] ("${rec.id}")` }]);
      continue;
    }
    byId.set(rec.id, rec);
    inOrder[i] = rec;
  }
  return { byId, inOrder };
}

/**
 * Validates the whole import against the state it would produce (records may
 * refer to others in the same import, in any order) and lists every problem
 * with its record path, e.g. `relationships[12].citations[0].sourceId`.
 */
export function planImport(state: PlanReads, input: GraphData, ctx?: WriteContext): WritePlan<ImportResult> {
  const problems = new ProblemList();
  if (typeof input !== 'object' || input === null) throw new ValidationError('Invalid import', [{ path: '', message: 'must be an object' }]);
  const sources = validateAll(problems, 'sources', listOf(problems, input, 'sources'), validateSource);
  const actors = validateAll(problems, 'actors', listOf(problems, input, 'actors'), validateActor);
  const relationships = validateAll(problems, 'relationships', listOf(problems, input, 'relationships'), (x) => canonicalEnds(validateRelationship(x)));
  const maps = validateAll(problems, 'maps', listOf(problems, input, 'maps'), validateMapRecord);

  const lookupActor = (id: string) => actors.byId.get(id) ?? state.actors.get(id);
  const hasSource = (id: string) => sources.byId.has(id) || state.sources.has(id);
  actors.inOrder.forEach((actor, i) => {
    if (actor?.country !== undefined) problems.add(`actors[${i}]`, countryProblems(actor, lookupActor));
  });
  // A plain loop with no spread copies of each relationship's problem lists: at a million actors it runs five million times.
  for (let i = 0; i < relationships.inOrder.length; i++) {
    const rel = relationships.inOrder[i];
    if (!rel) continue;
    const found = checkRelationshipEndpoints(rel, lookupActor, hasSource);
    if (state.texts.size) found.push(...unquotedExcerpts(state, rel, state.rels.get(rel.id)?.rel));
    if (found.length) problems.add(`relationships[${i}]`, found);
  }

  // Replacing a stored actor must not break what the import leaves in place.
  actors.inOrder.forEach((actor, i) => {
    if (!actor) return;
    const old = state.actors.get(actor.id);
    if (!old || old.kind === actor.kind) return;
    for (const relId of state.incidentIds(actor.id)) {
      if (relationships.byId.has(relId)) continue;
      const rel = state.rels.get(relId)!.rel;
      for (const p of checkRelationshipEndpoints(rel, lookupActor, () => true)) {
        problems.add(`actors[${i}]`, [{ path: 'kind', message: `would break stored relationship "${relId}": ${p.message}` }]);
      }
    }
    for (const cid of state.citizensOf(actor.id)) {
      if (actor.kind === 'STATE' || actors.byId.has(cid) || cid === actor.id) continue;
      problems.add(`actors[${i}]`, [{ path: 'kind', message: `must stay STATE: stored actor "${cid}" names it as country` }]);
    }
  });
  problems.throwIfAny();

  // Each record is created at version 1 or replaces a stored one at its next version; the validated records are
  // this plan's own copies, so they take it in place.
  const data: GraphData = {
    sources: [...sources.byId.values()].map((s) => takeNextVersion(s, state.sources.get(s.id))),
    actors: [...actors.byId.values()].map((a) => takeNextVersion(a, state.actors.get(a.id))),
    relationships: [...relationships.byId.values()].map((r) => takeNextVersion(r, state.rels.get(r.id)?.rel)),
    maps: [...maps.byId.values()].map((m) => nextVersion(m, state.maps.get(m.id))),
  };
  const result: ImportResult = { sources: data.sources.length, actors: data.actors.length, relationships: data.relationships.length, maps: data.maps!.length };
  return { changes: [change('IMPORT', '', undefined, result, ctx)], data, result };
}

// ----- curated maps ----------------------------------------------------------------

/** The version a map save was based on: the write context's, else the input's `expectedVersion`. */
function expectedMapVersion(input: unknown, ctx?: WriteContext): number | undefined {
  if (ctx?.expectedVersion !== undefined) return ctx.expectedVersion;
  const v = typeof input === 'object' && input !== null ? (input as { expectedVersion?: unknown }).expectedVersion : undefined;
  return typeof v === 'number' ? v : undefined;
}

/**
 * Saving a map reads the actors and relationships it names and the stored map
 * with its id (or the slug candidates of its title); see `buildMap`. An
 * expected version applies only when the id names a stored map (a new map has
 * nothing to conflict with).
 */
export function planSaveMap(state: PlanReads, input: unknown, ctx?: WriteContext, now = new Date().toISOString()): WritePlan<CuratedMap> {
  const built = buildMap(input, {
    actor: (id) => state.actors.get(id),
    relationship: (id) => state.rels.get(id)?.rel,
    map: (id) => state.maps.get(id),
    now,
  });
  const old = state.maps.get(built.id);
  if (old) checkVersion('Map', built.id, old, expectedMapVersion(input, ctx));
  const map = nextVersion(built, old);
  return { changes: [change('SAVE_MAP', map.id, old, map, ctx)], result: map };
}

export function planDeleteMap(state: PlanReads, id: string, ctx?: WriteContext): WritePlan<void> {
  const old = state.maps.get(id);
  if (!old) throw new NotFoundError('Map', id);
  checkVersion('Map', id, old, ctx?.expectedVersion);
  return { changes: [change('DELETE_MAP', id, old, undefined, ctx)], result: undefined };
}

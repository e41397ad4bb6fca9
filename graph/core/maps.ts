/**
 * Curated maps: a saved, annotated view of chosen actors and relationships,
 * laid out by hand. A map refers to records by id and keeps what they were
 * called when it was saved (`savedName`, `savedType`, …), so it still reads
 * sensibly after the graph changes; the API resolves the live records.
 *
 * Rules every entry point (stores, importers, data:check) shares live here.
 */
import { ValidationError, type FieldProblem } from './errors';
import {
  ACTOR_KINDS,
  ID_PATTERN,
  MAX_NAME_LENGTH,
  parsePartialDate,
  RELATIONSHIP_TYPES,
  type Actor,
  type ActorKind,
  type PartialDate,
  type Relationship,
  type RelationshipType,
} from './model';

export const ANNOTATION_TARGETS = ['NODE', 'EDGE', 'CANVAS'] as const;
export type AnnotationTarget = (typeof ANNOTATION_TARGETS)[number];

export const MAX_MAP_TITLE_LENGTH = 200;
export const MAX_MAP_DESCRIPTION_LENGTH = 5000;
export const MAX_ANNOTATION_LENGTH = 2000;
export const MAX_MAP_NODES = 500;
export const MAX_MAP_EDGES = 2000;
export const MAX_MAP_ANNOTATIONS = 500;
/** Positions are model coordinates; anything beyond this is a bug in the caller, not a layout. */
export const MAX_COORDINATE = 1_000_000;

/** An actor placed on a map. */
export interface MapNode {
  actorId: string;
  /** Name when the map was saved (shown when the actor has been deleted since). */
  savedName: string;
  savedKind: ActorKind;
  x: number;
  y: number;
}

/** A relationship drawn on a map. */
export interface MapEdge {
  relationshipId: string;
  savedType: RelationshipType;
  savedSource: string;
  savedTarget: string;
}

/** A note pinned to a node or edge of the map, or placed on the canvas at (x, y). */
export interface MapAnnotation {
  id: string;
  text: string;
  target: AnnotationTarget;
  /** Actor id (NODE) or relationship id (EDGE); absent for CANVAS. */
  targetId?: string;
  /** CANVAS only. */
  x?: number;
  y?: number;
}

export interface CuratedMap {
  /** Slug. */
  id: string;
  title: string;
  description?: string;
  /** The date the map is shown as of, when it has one. */
  asOf?: PartialDate;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  nodes: MapNode[];
  edges: MapEdge[];
  annotations: MapAnnotation[];
  /** Starts at 1, +1 on every change (see graph/core/versions.ts); absent on records stored before versions, read as 1. */
  version?: number;
}

/** What a caller saves; the store adds the saved names and timestamps. */
export interface MapInput {
  /** Omitted: a free slug is made from the title. */
  id?: string | null;
  title: string;
  description?: string | null;
  asOf?: PartialDate | null;
  nodes: { actorId: string; x: number; y: number }[];
  relationshipIds: string[];
  annotations?: { id: string; text: string; target: AnnotationTarget; targetId?: string | null; x?: number | null; y?: number | null }[] | null;
  /** When the id names a stored map: the version the caller loaded (see WriteContext.expectedVersion). */
  expectedVersion?: number | null;
}

type Problems = FieldProblem[];

// ---------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------

/** A slug for a title: lowercase ASCII letters, digits and hyphens; `map` when nothing is left. */
export function slugify(title: string, maxLength = 80): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
  return slug || 'map';
}

/** Ids tried in order for a new map with this title: `slug`, `slug-2`, … `slug-50`. */
export function mapIdCandidates(title: string): string[] {
  const base = slugify(title);
  return [base, ...Array.from({ length: 49 }, (_, i) => `${base}-${i + 2}`)];
}

// ---------------------------------------------------------------------------
// Shape checks
// ---------------------------------------------------------------------------

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkId(p: Problems, path: string, v: unknown): void {
  if (typeof v !== 'string' || !ID_PATTERN.test(v)) p.push({ path, message: 'must be a slug of lowercase letters, digits and hyphens (1–128 characters)' });
}

function checkText(p: Problems, path: string, v: unknown, max: number, required: boolean): void {
  if (v === undefined || v === null) {
    if (required) p.push({ path, message: 'is required' });
    return;
  }
  if (typeof v !== 'string') return void p.push({ path, message: 'must be a string' });
  if (required && v.trim() === '') p.push({ path, message: 'must not be empty' });
  if (v.length > max) p.push({ path, message: `is longer than ${max} characters` });
}

function checkCoordinate(p: Problems, path: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_COORDINATE)
    p.push({ path, message: `must be a finite number between -${MAX_COORDINATE} and ${MAX_COORDINATE}` });
}

function checkList(p: Problems, path: string, v: unknown, max: number, min = 0): unknown[] {
  if (!Array.isArray(v)) {
    p.push({ path, message: 'must be a list' });
    return [];
  }
  if (v.length > max) p.push({ path, message: `has ${v.length} entries; at most ${max} are allowed` });
  if (v.length < min) p.push({ path, message: `must have at least ${min} entr${min === 1 ? 'y' : 'ies'}` });
  return v;
}

function checkDate(p: Problems, path: string, v: unknown): void {
  if (v === undefined || v === null) return;
  const parsed = typeof v === 'string' ? parsePartialDate(v) : { error: 'must be a date string' };
  if ('error' in parsed) p.push({ path, message: parsed.error });
}

function checkTimestamp(p: Problems, path: string, v: unknown): void {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) p.push({ path, message: 'must be an ISO timestamp' });
}

function repeated(p: Problems, path: (i: number) => string, ids: unknown[], what: string): void {
  const seen = new Map<unknown, number>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined) p.push({ path: path(i), message: `repeats ${what} "${id}" (also at index ${first})` });
    else seen.set(id, i);
  });
}

/**
 * Checks annotations against the map's own elements: NODE annotations name a
 * node of the map, EDGE annotations an edge of the map, CANVAS annotations have
 * a position and no target.
 */
function checkAnnotations(p: Problems, list: unknown, nodeIds: Set<string>, edgeIds: Set<string>): MapAnnotation[] {
  const items = checkList(p, 'annotations', list ?? [], MAX_MAP_ANNOTATIONS);
  const out: MapAnnotation[] = [];
  items.forEach((raw, i) => {
    const path = `annotations[${i}]`;
    if (!isRecord(raw)) return void p.push({ path, message: 'must be an object' });
    const before = p.length;
    checkId(p, `${path}.id`, raw.id);
    checkText(p, `${path}.text`, raw.text, MAX_ANNOTATION_LENGTH, true);
    const target = raw.target as AnnotationTarget;
    if (!ANNOTATION_TARGETS.includes(target)) p.push({ path: `${path}.target`, message: `must be one of ${ANNOTATION_TARGETS.join(', ')}` });
    const targetId = raw.targetId ?? undefined;
    const hasPosition = (raw.x ?? undefined) !== undefined || (raw.y ?? undefined) !== undefined;
    if (target === 'CANVAS') {
      if (targetId !== undefined) p.push({ path: `${path}.targetId`, message: 'must be omitted for a CANVAS annotation' });
      checkCoordinate(p, `${path}.x`, raw.x);
      checkCoordinate(p, `${path}.y`, raw.y);
    } else if (target === 'NODE' || target === 'EDGE') {
      const own = target === 'NODE' ? nodeIds : edgeIds;
      if (typeof targetId !== 'string') p.push({ path: `${path}.targetId`, message: `is required for a ${target} annotation` });
      else if (!own.has(targetId))
        p.push({ path: `${path}.targetId`, message: `names no ${target === 'NODE' ? 'actor' : 'relationship'} of this map ("${targetId}")` });
      if (hasPosition) p.push({ path: `${path}.x`, message: `a ${target} annotation follows its element and takes no position` });
    }
    if (p.length > before) return;
    const a: MapAnnotation = { id: raw.id as string, text: raw.text as string, target };
    if (target === 'CANVAS') Object.assign(a, { x: raw.x as number, y: raw.y as number });
    else a.targetId = targetId as string;
    out.push(a);
  });
  repeated(p, (i) => `annotations[${i}].id`, items.map((a) => (isRecord(a) ? a.id : undefined)), 'annotation id');
  return out;
}

function fail(problems: Problems): never {
  throw new ValidationError('Invalid map', problems);
}

/** The stored record, keys in reading order (id, title, description, asOf, timestamps, then the lists). */
function withOptional(map: CuratedMap, description: unknown, asOf: unknown): CuratedMap {
  const { id, title, ...rest } = map;
  return {
    id,
    title,
    ...(typeof description === 'string' && description !== '' ? { description } : {}),
    ...(typeof asOf === 'string' ? { asOf } : {}),
    ...rest,
  };
}

// ---------------------------------------------------------------------------
// Saving: input + the graph as it is now → a stored map
// ---------------------------------------------------------------------------

/** What `buildMap` reads from the store. */
export interface MapWorld {
  actor(id: string): Actor | undefined;
  relationship(id: string): Relationship | undefined;
  /** The stored map with this id, if any (a save with its id replaces it). */
  map(id: string): CuratedMap | undefined;
  /** Current time as an ISO timestamp. */
  now: string;
}

/**
 * Validates a save and builds the stored map: every problem is listed in one
 * ValidationError. Actors and relationships must exist now, and both ends of
 * every relationship must be among the map's nodes. Without an id the map gets
 * the first free slug of its title; with an id it replaces that map, keeping
 * its `createdAt`.
 */
export function buildMap(input: unknown, world: MapWorld): CuratedMap {
  if (!isRecord(input)) fail([{ path: '', message: 'must be an object' }]);
  const p: Problems = [];
  if (input.id !== undefined && input.id !== null) checkId(p, 'id', input.id);
  checkText(p, 'title', input.title, MAX_MAP_TITLE_LENGTH, true);
  checkText(p, 'description', input.description, MAX_MAP_DESCRIPTION_LENGTH, false);
  checkDate(p, 'asOf', input.asOf);

  const nodeInputs = checkList(p, 'nodes', input.nodes, MAX_MAP_NODES, 1);
  const nodes: MapNode[] = [];
  nodeInputs.forEach((raw, i) => {
    const path = `nodes[${i}]`;
    if (!isRecord(raw)) return void p.push({ path, message: 'must be an object' });
    const before = p.length;
    checkId(p, `${path}.actorId`, raw.actorId);
    checkCoordinate(p, `${path}.x`, raw.x);
    checkCoordinate(p, `${path}.y`, raw.y);
    if (p.length > before) return;
    const actor = world.actor(raw.actorId as string);
    if (!actor) return void p.push({ path: `${path}.actorId`, message: `names no actor ("${raw.actorId}")` });
    nodes.push({ actorId: actor.id, savedName: actor.name, savedKind: actor.kind, x: raw.x as number, y: raw.y as number });
  });
  repeated(p, (i) => `nodes[${i}].actorId`, nodeInputs.map((n) => (isRecord(n) ? n.actorId : undefined)), 'actor');
  const nodeIds = new Set(nodeInputs.map((n) => (isRecord(n) ? n.actorId : undefined)).filter((id): id is string => typeof id === 'string'));

  const relIds = checkList(p, 'relationshipIds', input.relationshipIds, MAX_MAP_EDGES);
  const edges: MapEdge[] = [];
  relIds.forEach((id, i) => {
    const path = `relationshipIds[${i}]`;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) return void checkId(p, path, id);
    const rel = world.relationship(id);
    if (!rel) return void p.push({ path, message: `names no relationship ("${id}")` });
    const missing = [rel.source, rel.target].filter((end) => !nodeIds.has(end));
    if (missing.length) return void p.push({ path, message: `links actor(s) not on the map: ${missing.map((m) => `"${m}"`).join(', ')}` });
    edges.push({ relationshipId: rel.id, savedType: rel.type, savedSource: rel.source, savedTarget: rel.target });
  });
  repeated(p, (i) => `relationshipIds[${i}]`, relIds, 'relationship');
  const edgeIds = new Set(relIds.filter((id): id is string => typeof id === 'string'));

  const annotations = checkAnnotations(p, input.annotations, nodeIds, edgeIds);

  let id = typeof input.id === 'string' ? input.id : undefined;
  if (id === undefined && typeof input.title === 'string') {
    id = mapIdCandidates(input.title).find((c) => !world.map(c));
    if (!id) p.push({ path: 'title', message: 'has too many maps with the same slug; give the map an explicit id' });
  }
  if (p.length) fail(p);

  const old = world.map(id!);
  const map: CuratedMap = {
    id: id!,
    title: (input.title as string).trim(),
    createdAt: old?.createdAt ?? world.now,
    updatedAt: world.now,
    nodes,
    edges,
    annotations,
  };
  return withOptional(map, input.description, input.asOf);
}

// ---------------------------------------------------------------------------
// Stored records (import, dataset files, replay)
// ---------------------------------------------------------------------------

/**
 * Validates a stored map record on its own: shape, limits, and that its edges
 * and annotations only refer to its own nodes and edges. Whether the actors and
 * relationships still exist is not checked: a map outlives what it shows (the
 * API marks those elements deleted); `mapReferenceProblems` checks it for datasets.
 */
export function validateMapRecord(input: unknown): CuratedMap {
  if (!isRecord(input)) fail([{ path: '', message: 'must be an object' }]);
  const p: Problems = [];
  checkId(p, 'id', input.id);
  checkText(p, 'title', input.title, MAX_MAP_TITLE_LENGTH, true);
  checkText(p, 'description', input.description, MAX_MAP_DESCRIPTION_LENGTH, false);
  checkDate(p, 'asOf', input.asOf);
  checkTimestamp(p, 'createdAt', input.createdAt);
  checkTimestamp(p, 'updatedAt', input.updatedAt);

  const nodeList = checkList(p, 'nodes', input.nodes, MAX_MAP_NODES, 1);
  const nodes: MapNode[] = [];
  nodeList.forEach((raw, i) => {
    const path = `nodes[${i}]`;
    if (!isRecord(raw)) return void p.push({ path, message: 'must be an object' });
    const before = p.length;
    checkId(p, `${path}.actorId`, raw.actorId);
    checkText(p, `${path}.savedName`, raw.savedName, MAX_NAME_LENGTH, true);
    if (!ACTOR_KINDS.includes(raw.savedKind as ActorKind)) p.push({ path: `${path}.savedKind`, message: `must be one of ${ACTOR_KINDS.join(', ')}` });
    checkCoordinate(p, `${path}.x`, raw.x);
    checkCoordinate(p, `${path}.y`, raw.y);
    if (p.length > before) return;
    nodes.push({ actorId: raw.actorId as string, savedName: raw.savedName as string, savedKind: raw.savedKind as ActorKind, x: raw.x as number, y: raw.y as number });
  });
  const rawNodeIds = nodeList.map((n) => (isRecord(n) ? n.actorId : undefined));
  repeated(p, (i) => `nodes[${i}].actorId`, rawNodeIds, 'actor');
  // References are checked against every named node, so one bad node is one problem, not one per reference.
  const nodeIds = new Set(rawNodeIds.filter((id): id is string => typeof id === 'string'));

  const edgeList = checkList(p, 'edges', input.edges, MAX_MAP_EDGES);
  const edges: MapEdge[] = [];
  edgeList.forEach((raw, i) => {
    const path = `edges[${i}]`;
    if (!isRecord(raw)) return void p.push({ path, message: 'must be an object' });
    const before = p.length;
    checkId(p, `${path}.relationshipId`, raw.relationshipId);
    if (!RELATIONSHIP_TYPES.includes(raw.savedType as RelationshipType))
      p.push({ path: `${path}.savedType`, message: `must be one of ${RELATIONSHIP_TYPES.join(', ')}` });
    for (const end of ['savedSource', 'savedTarget'] as const) {
      if (typeof raw[end] !== 'string' || !nodeIds.has(raw[end] as string))
        p.push({ path: `${path}.${end}`, message: `must name a node of this map ("${String(raw[end])}")` });
    }
    if (p.length > before) return;
    edges.push({
      relationshipId: raw.relationshipId as string,
      savedType: raw.savedType as RelationshipType,
      savedSource: raw.savedSource as string,
      savedTarget: raw.savedTarget as string,
    });
  });
  const rawEdgeIds = edgeList.map((e) => (isRecord(e) ? e.relationshipId : undefined));
  repeated(p, (i) => `edges[${i}].relationshipId`, rawEdgeIds, 'relationship');
  const edgeIds = new Set(rawEdgeIds.filter((id): id is string => typeof id === 'string'));

  const annotations = checkAnnotations(p, input.annotations, nodeIds, edgeIds);
  if (p.length) fail(p);
  const map: CuratedMap = {
    id: input.id as string,
    title: input.title as string,
    createdAt: input.createdAt as string,
    updatedAt: input.updatedAt as string,
    nodes,
    edges,
    annotations,
  };
  return withOptional(map, input.description, input.asOf);
}

/** Problems with a map's references to the graph: every node names an actor and every edge a relationship between map nodes. */
export function mapReferenceProblems(
  map: CuratedMap,
  actor: (id: string) => Pick<Actor, 'id'> | undefined,
  relationship: (id: string) => Pick<Relationship, 'source' | 'target' | 'type'> | undefined,
): FieldProblem[] {
  const p: Problems = [];
  map.nodes.forEach((n, i) => {
    if (!actor(n.actorId)) p.push({ path: `nodes[${i}].actorId`, message: `names no actor ("${n.actorId}")` });
  });
  map.edges.forEach((e, i) => {
    const rel = relationship(e.relationshipId);
    if (!rel) return void p.push({ path: `edges[${i}].relationshipId`, message: `names no relationship ("${e.relationshipId}")` });
    const same = (rel.source === e.savedSource && rel.target === e.savedTarget) || (rel.source === e.savedTarget && rel.target === e.savedSource);
    if (!same || rel.type !== e.savedType)
      p.push({ path: `edges[${i}]`, message: `saved as ${e.savedType} ${e.savedSource} → ${e.savedTarget}, but the relationship is ${rel.type} ${rel.source} → ${rel.target}` });
  });
  return p;
}

/**
 * The map after `mergeId` was merged into `kept` (see GraphStore.mergeActors),
 * or null when it does not show `mergeId`. The merged node becomes the kept
 * actor (or goes, when the kept actor is already on the map), edge ends and
 * notes follow it; `updatedAt` stays, since nobody edited the map.
 */
export function mapAfterMerge(map: CuratedMap, kept: Pick<Actor, 'id' | 'name' | 'kind'>, mergeId: string): CuratedMap | null {
  if (!map.nodes.some((n) => n.actorId === mergeId)) return null;
  const keptShown = map.nodes.some((n) => n.actorId === kept.id);
  const swap = (id: string) => (id === mergeId ? kept.id : id);
  return {
    ...map,
    nodes: map.nodes.flatMap((n) => (n.actorId !== mergeId ? [{ ...n }] : keptShown ? [] : [{ ...n, actorId: kept.id, savedName: kept.name, savedKind: kept.kind }])),
    edges: map.edges.map((e) => ({ ...e, savedSource: swap(e.savedSource), savedTarget: swap(e.savedTarget) })),
    annotations: map.annotations.map((a) => (a.target === 'NODE' && a.targetId === mergeId ? { ...a, targetId: kept.id } : { ...a })),
  };
}

/** A deep copy (maps are plain JSON), with its version (1 for maps stored before versions). */
export function copyMap(m: CuratedMap): CuratedMap {
  return {
    ...m,
    version: m.version ?? 1,
    nodes: m.nodes.map((n) => ({ ...n })),
    edges: m.edges.map((e) => ({ ...e })),
    annotations: m.annotations.map((a) => ({ ...a })),
  };
}

/** Maps listed newest first (by `updatedAt`), then by id. */
export function compareMaps(a: CuratedMap, b: CuratedMap): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Curated maps as the front end reads and writes them: the GraphQL documents
 * (shared by the server pages and the browser), the record shapes, and the
 * conversions between a map record, the `MapInput` that `saveMap` takes (also
 * the JSON export, so an export can be saved again as it is) and the drawing
 * that map-svg.ts turns into an image.
 */
import { graphql, type ResultOf, type VariablesOf } from './graphql';
import { ActorFields, RelationshipFields, SourceFields } from './queries';
import { DEFAULT_VIEW, viewHref } from './url-state';

export const MapFields = graphql(
  `
    fragment MapFields on CuratedMap {
      id title description asOf createdAt updatedAt version deletedCount
      nodes { actorId savedName savedKind x y deleted actor { ...ActorFields } }
      edges { relationshipId savedType savedSource savedTarget deleted relationship { ...RelationshipFields } }
      annotations { id text target targetId x y }
      sources { ...SourceFields }
    }
  `,
  [ActorFields, RelationshipFields, SourceFields],
);

export type MapRecord = ResultOf<typeof MapFields>;
export type MapNodeRecord = MapRecord['nodes'][number];
export type MapEdgeRecord = MapRecord['edges'][number];
export type MapAnnotation = MapRecord['annotations'][number];
export type AnnotationTarget = MapAnnotation['target'];

export const MAP_QUERY = graphql(
  `
    query MapPage($id: ID!) { map(id: $id) { ...MapFields } }
  `,
  [MapFields],
);

export const MAPS_QUERY = graphql(`
  query MapList($first: Int!) {
    maps(first: $first) {
      totalCount
      nodes { id title description asOf updatedAt deletedCount nodeCount edgeCount annotationCount }
    }
  }
`);

export type MapSummary = ResultOf<typeof MAPS_QUERY>['maps']['nodes'][number];

/** The explorer link that opens a map for editing; without a focus the explorer page picks the map's best-connected actor. */
export function editMapHref(map: Pick<MapRecord, 'id' | 'asOf'>, focus?: string | null): string {
  if (focus) return viewHref({ ...DEFAULT_VIEW, actor: focus, asOf: map.asOf, map: map.id });
  return `/?map=${encodeURIComponent(map.id)}${map.asOf ? `&asOf=${encodeURIComponent(map.asOf)}` : ''}`;
}

export const SAVE_MAP = graphql(`
  mutation SaveMap($input: MapInput!) { saveMap(input: $input) { id title description updatedAt version } }
`);

type SaveMapInput = VariablesOf<typeof SAVE_MAP>['input'];
export type MapAnnotationInput = NonNullable<SaveMapInput['annotations']>[number];
/** What `saveMap(input:)` takes, annotations always given; also the JSON export format. */
export type MapInput = SaveMapInput & { annotations: MapAnnotationInput[] };

/** Limits the API enforces (contract), checked in the dialog before sending. */
export const MAP_LIMITS = { title: 200, description: 5000, annotation: 2000, nodes: 500, relationships: 2000 } as const;

/** The record as the input that would save it again (deleted elements drop out: the API refuses them). */
export function mapToInput(map: MapRecord): MapInput {
  const live = new Set(map.nodes.filter((n) => !n.deleted).map((n) => n.actorId));
  const relationshipIds = map.edges.filter((e) => !e.deleted && live.has(e.savedSource) && live.has(e.savedTarget)).map((e) => e.relationshipId);
  const rels = new Set(relationshipIds);
  return {
    id: map.id,
    title: map.title,
    description: map.description,
    asOf: map.asOf,
    nodes: map.nodes.filter((n) => !n.deleted).map((n) => ({ actorId: n.actorId, x: round(n.x), y: round(n.y) })),
    relationshipIds,
    annotations: map.annotations.filter((a) => a.target === 'CANVAS' || (a.targetId && (live.has(a.targetId) || rels.has(a.targetId)))).map(annotationInput),
  };
}

/** An annotation as the API takes it: x/y only on the canvas, a target id only when pinned. */
export function annotationInput(a: MapAnnotation): MapAnnotationInput {
  return a.target === 'CANVAS'
    ? { id: a.id, text: a.text, target: a.target, x: round(a.x ?? 0), y: round(a.y ?? 0) }
    : { id: a.id, text: a.text, target: a.target, targetId: a.targetId ?? '' };
}

/** Positions are kept to a tenth of a pixel: exact enough, and exports stay readable. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The explorer link for a map: the best-connected live actor in focus, other hubs of the map expanded. */
export function exploreFromMap(map: Pick<MapRecord, 'nodes' | 'edges'>, preferred?: string | null): { actor: string; expanded: string[] } | null {
  const live = map.nodes.filter((n) => !n.deleted);
  if (!live.length) return null;
  const degree = new Map<string, number>();
  for (const e of map.edges) {
    if (e.deleted) continue;
    degree.set(e.savedSource, (degree.get(e.savedSource) ?? 0) + 1);
    degree.set(e.savedTarget, (degree.get(e.savedTarget) ?? 0) + 1);
  }
  const ranked = [...live].sort((a, b) => (degree.get(b.actorId) ?? 0) - (degree.get(a.actorId) ?? 0) || a.actorId.localeCompare(b.actorId));
  const actor = preferred && live.some((n) => n.actorId === preferred) ? preferred : ranked[0].actorId;
  const expanded = ranked
    .filter((n) => n.actorId !== actor && (degree.get(n.actorId) ?? 0) >= 3)
    .slice(0, 4)
    .map((n) => n.actorId);
  return { actor, expanded };
}

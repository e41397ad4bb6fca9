/**
 * Curated maps over the API. A map stores ids plus what its records were
 * called when it was saved; here each node and edge is resolved live through
 * the request's loaders, so a map shows current names and citations and marks
 * what was deleted since (`actor`/`relationship` null, `deleted` true).
 */
import { NotFoundError } from '../core/errors';
import type { CuratedMap, MapInput } from '../core/maps';
import type { Relationship, Source } from '../core/model';
import { isPossibleId, pageSize } from './args';
import type { ApiContext } from './context';
import type { CuratedMapResolvers, CuratedMapConnectionResolvers, MapEdgeResolvers, MapNodeResolvers, MutationResolvers, QueryResolvers } from './generated/schema-types';
import { basedOn, written } from './mutation-resolvers';

export type MapTypeName = 'CuratedMap' | 'CuratedMapConnection' | 'MapNode' | 'MapEdge';

function liveRelationships(ctx: ApiContext, map: CuratedMap): Promise<(Relationship | null)[]> {
  return Promise.all(map.edges.map((e) => ctx.loaders.relationships.load(e.relationshipId)));
}

export const mapQueryResolvers: Pick<QueryResolvers, 'maps' | 'map'> = {
  maps: (_root, args, ctx) => ctx.store.listMaps({ first: pageSize(args.first), after: args.after ?? undefined }),
  map(_root, { id }, ctx) {
    if (!isPossibleId(id)) throw new NotFoundError('Map', id);
    return ctx.store.getMap(id);
  },
};

export const mapMutationResolvers: Pick<MutationResolvers, 'saveMap' | 'deleteMap'> = {
  // The store validates the whole input (graph/core/maps.ts buildMap) and lists every problem.
  saveMap: (_root, { input }, ctx) => written(ctx, ctx.store.saveMap(input as MapInput, ctx.writer)),
  async deleteMap(_root, { id, expectedVersion }, ctx) {
    if (!isPossibleId(id)) throw new NotFoundError('Map', id);
    await written(ctx, ctx.store.deleteMap(id, basedOn(ctx, expectedVersion)));
    return id;
  },
};

const nodeResolvers: MapNodeResolvers = {
  actor: (node, _args, ctx) => ctx.loaders.known.actors.get(node.actorId) ?? ctx.loaders.actors.load(node.actorId),
  deleted: async (node, _args, ctx) => !ctx.loaders.known.actors.has(node.actorId) && (await ctx.loaders.actors.load(node.actorId)) === null,
};

const edgeResolvers: MapEdgeResolvers = {
  relationship: (edge, _args, ctx) => ctx.loaders.relationships.load(edge.relationshipId),
  deleted: async (edge, _args, ctx) => (await ctx.loaders.relationships.load(edge.relationshipId)) === null,
};

const curatedMapResolvers: CuratedMapResolvers = {
  version: (map) => map.version ?? 1,
  nodeCount: (map) => map.nodes.length,
  edgeCount: (map) => map.edges.length,
  annotationCount: (map) => map.annotations.length,
  async deletedCount(map, _args, ctx) {
    const [actors, rels] = await Promise.all([ctx.loaders.actors.loadMany(map.nodes.map((n) => n.actorId)), liveRelationships(ctx, map)]);
    return actors.filter((a) => a === null).length + rels.filter((r) => r === null).length;
  },
  async sources(map, _args, ctx) {
    const ids = new Set<string>();
    for (const rel of await liveRelationships(ctx, map)) for (const c of rel?.citations ?? []) ids.add(c.sourceId);
    const found = await ctx.loaders.sources.loadMany([...ids].sort());
    return found.filter((s): s is Source => !!s && !(s instanceof Error));
  },
};

const connectionResolvers: CuratedMapConnectionResolvers = {
  nodes: (page) => page.items,
  pageInfo: (page) => ({ endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
};

export const mapTypeResolvers = {
  CuratedMap: curatedMapResolvers,
  CuratedMapConnection: connectionResolvers,
  MapNode: nodeResolvers,
  MapEdge: edgeResolvers,
};

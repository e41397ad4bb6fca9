/**
 * Root query resolvers: check arguments, call the store once, prime the
 * loaders with what came back. Field resolvers for the returned records live
 * in type-resolvers.ts.
 */
import { NotFoundError } from '../core/errors';
import { ACTOR_KINDS, INSTITUTION_CATEGORIES, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO, type Actor } from '../core/model';
import type { RelationshipFilter } from '../core/store';
import { checkAnalyticsFilter } from './analytics-resolvers';
import { dateArg, intArg, undatedArg } from '../core/args';
import { adminTokensOf } from './auth';
import { isPossibleId, listArg, pageSize, searchArg } from './args';
import type { ApiContext } from './context';
import type { QueryResolvers, RelationshipFilter as FilterInput } from './generated/schema-types';
import { loadActor, loadSource } from './load-records';
import { selects } from './prefetch';

function primeActors(ctx: ApiContext, actors: readonly Actor[]): void {
  ctx.loaders.primeActors(actors);
}

/** The store filter for a RelationshipFilter input, checked. */
export function relationshipFilter(input: FilterInput | null | undefined): RelationshipFilter {
  if (!input) return {};
  const filter: RelationshipFilter = {
    types: listArg('filter.types', input.types),
    actorId: input.actorId ?? undefined,
    from: dateArg('filter.from', input.from),
    to: dateArg('filter.to', input.to),
    asOf: dateArg('filter.asOf', input.asOf),
    undated: undatedArg('filter.undated', input.undated),
    sourceId: input.sourceId ?? undefined,
  };
  if (filter.actorId !== undefined && !isPossibleId(filter.actorId)) throw new NotFoundError('Actor', filter.actorId);
  if (filter.sourceId !== undefined && !isPossibleId(filter.sourceId)) throw new NotFoundError('Source', filter.sourceId);
  return filter;
}

/** Every root query but analytics (analytics-resolvers.ts), intake (intake-resolvers.ts) and maps (map-resolvers.ts). */
export const queryResolvers: Omit<QueryResolvers, 'communities' | 'diff' | 'intake' | 'maps' | 'map'> = {
  actor: (_root, { id }, ctx) => loadActor(ctx, id),

  async actors(_root, args, ctx) {
    const page = await ctx.store.findActors({
      search: searchArg(args.search),
      kinds: listArg('kinds', args.kinds),
      first: pageSize(args.first),
      after: args.after ?? undefined,
    });
    primeActors(ctx, page.items.map((h) => h.actor));
    return page;
  },

  async relationship(_root, { id }, ctx) {
    if (!isPossibleId(id)) throw new NotFoundError('Relationship', id);
    return ctx.store.getRelationship(id);
  },

  relationships: (_root, args, ctx) =>
    ctx.store.listRelationships(relationshipFilter(args.filter), { first: pageSize(args.first), after: args.after ?? undefined }),

  async neighborhood(_root, args, ctx) {
    if (!isPossibleId(args.actorId)) throw new NotFoundError('Actor', args.actorId);
    const sub = await ctx.store.neighborhood({
      actorId: args.actorId,
      depth: intArg('depth', args.depth, 1, 1, 3),
      types: listArg('types', args.types),
      kinds: listArg('kinds', args.kinds),
      asOf: dateArg('asOf', args.asOf),
      undated: undatedArg('undated', args.undated),
      limit: intArg('limit', args.limit, 100, 1, 500),
    });
    primeActors(ctx, sub.actors);
    if (sub.degrees) ctx.loaders.primeDegrees(sub.degrees);
    if (sub.sources) ctx.loaders.primeSources(sub.sources.values());
    const center = sub.actors.find((a) => a.id === args.actorId) ?? (await loadActor(ctx, args.actorId));
    return { center, nodes: sub.actors, edges: sub.relationships, truncated: sub.truncated };
  },

  async paths(_root, args, ctx) {
    for (const id of [args.from, args.to]) if (!isPossibleId(id)) throw new NotFoundError('Actor', id);
    const paths = await ctx.store.paths({
      from: args.from,
      to: args.to,
      maxLength: intArg('maxLength', args.maxLength, 4, 1, 6),
      types: listArg('types', args.types),
      asOf: dateArg('asOf', args.asOf),
      undated: undatedArg('undated', args.undated),
      limit: intArg('limit', args.limit, 5, 1, 50),
    });
    return Promise.all(
      paths.map(async (p) => ({
        nodes: await Promise.all(p.actorIds.map((id) => loadActor(ctx, id))),
        edges: p.relationships,
        length: p.relationships.length,
      })),
    );
  },

  async sources(_root, _args, ctx) {
    const sources = await ctx.store.listSources();
    ctx.loaders.primeSources(sources);
    return sources;
  },

  source: (_root, { id }, ctx) => loadSource(ctx, id),

  timeline: (_root, args, ctx) =>
    ctx.store.timeline({
      from: dateArg('from', args.from),
      to: dateArg('to', args.to),
      types: listArg('types', args.types),
      actorIds: listArg('actorIds', args.actorIds),
      limit: intArg('limit', args.limit, 500, 1, 500),
    }),

  async stats(_root, args, ctx, info) {
    const filter = relationshipFilter(args.filter);
    if (selects(info, ['analytics'])) checkAnalyticsFilter(filter);
    const s = await ctx.store.stats({ top: intArg('top', args.top, 10, 1, 100), filter });
    primeActors(ctx, s.mostConnected.map((m) => m.actor));
    return {
      actors: s.actors,
      relationships: s.relationships,
      sources: s.sources,
      actorsByKind: ACTOR_KINDS.map((kind) => ({ kind, count: s.actorsByKind[kind] ?? 0 })),
      relationshipsByType: RELATIONSHIP_TYPES.map((type) => ({ type, count: s.relationshipsByType[type] ?? 0 })),
      mostConnected: s.mostConnected,
      dateRange: s.dateRange,
      filter,
    };
  },

  changes: (_root, args, ctx) => ctx.store.changes({ first: pageSize(args.first), after: args.after ?? undefined }),

  relationshipTypes: () =>
    RELATIONSHIP_TYPES.map((value) => {
      const info = RELATIONSHIP_TYPE_INFO[value];
      return {
        value,
        label: info.label,
        symmetric: info.symmetric,
        direction: info.direction,
        sourceKinds: [...info.sourceKinds],
        targetKinds: [...info.targetKinds],
      };
    }),

  institutionCategories: () => [...INSTITUTION_CATEGORIES],

  apiInfo: (_root, _args, ctx) => ({
    readOnly: adminTokensOf(ctx.config).length === 0,
    store: ctx.store.kind,
    limits: { ...ctx.config.limits },
  }),
};

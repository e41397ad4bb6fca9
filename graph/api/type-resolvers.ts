/**
 * Field resolvers for records: every reference (an actor's country, a
 * relationship's ends, a citation's source, an answer's cited sources, an
 * actor's relationships) goes through the request's DataLoaders, so lists
 * resolve in batches.
 */
import { GraphQLScalarType } from 'graphql';
import { isSymmetric, reportedDate, wordingWarning, type Actor, type Relationship, type Source } from '../core/model';
import { actorMetrics, analyticsTypeResolvers, statsAnalytics } from './analytics-resolvers';
import { dateArg, intArg, undatedArg } from '../core/args';
import { compareRelationships } from '../core/keys';
import { compareEnglish } from '../core/search';
import { compareRelationshipsRanked, listArg, pageSize, paginate } from './args';
import type { Resolvers } from './generated/schema-types';
import { intakeSourceResolvers } from './intake-resolvers';
import type { MapTypeName } from './map-resolvers';
import { withActorRefs, withRelationshipRefs } from './prefetch';
import { loadActor, loadCitedSources, loadSource } from './load-records';

/** Any JSON value, passed through unchanged (change-log snapshots). Output only. */
const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'An arbitrary JSON value (used for change-log snapshots).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

export const typeResolvers: Omit<Resolvers, 'Query' | 'Mutation' | MapTypeName> = {
  JSON: JSONScalar,

  // Records that predate versions (or come from analytics, which reads exports) are version 1.
  Actor: {
    version: (actor) => actor.version ?? 1,
    country: (actor, _args, ctx) => (actor.country ? (ctx.loaders.known.actors.get(actor.country) ?? ctx.loaders.actors.load(actor.country)) : null),
    degree: (actor, _args, ctx) => ctx.loaders.known.degrees.get(actor.id) ?? ctx.loaders.degrees.load(actor.id),
    async relationships(actor, args, ctx) {
      const first = pageSize(args.first);
      const rels = await ctx.loaders.relationshipsOf({ types: listArg('types', args.types), asOf: dateArg('asOf', args.asOf), undated: undatedArg('undated', args.undated) }).load(actor.id);
      return paginate([...rels].sort(args.order === 'RANKED' ? compareRelationshipsRanked : compareRelationships), first, args.after);
    },
    async neighbors(actor, args, ctx) {
      const limit = intArg('limit', args.limit, 50, 1, 500);
      const kinds = listArg('kinds', args.kinds);
      const rels = await ctx.loaders.relationshipsOf({ types: listArg('types', args.types), asOf: dateArg('asOf', args.asOf), undated: undatedArg('undated', args.undated) }).load(actor.id);
      const shared = new Map<string, number>();
      for (const r of rels) {
        const other = r.source === actor.id ? r.target : r.source;
        shared.set(other, (shared.get(other) ?? 0) + 1);
      }
      const found = await ctx.loaders.actors.loadMany([...shared.keys()]);
      return found
        .filter((a): a is Actor => !!a && !(a instanceof Error) && (!kinds || kinds.includes(a.kind)))
        .sort((a, b) => shared.get(b.id)! - shared.get(a.id)! || compareEnglish(a.name, b.name) || (a.id < b.id ? -1 : 1))
        .slice(0, limit);
    },
    metrics: actorMetrics,
  },

  Relationship: {
    version: (rel) => rel.version ?? 1,
    source: (rel, _args, ctx) => loadActor(ctx, rel.source),
    target: (rel, _args, ctx) => loadActor(ctx, rel.target),
    symmetric: (rel: Relationship) => isSymmetric(rel.type),
    async reported(rel, _args, ctx) {
      const ids = [...new Set(rel.citations.map((c) => c.sourceId))];
      const sources = await ctx.loaders.sources.loadMany(ids);
      return reportedDate(sources.map((s) => (s instanceof Error ? null : s))) ?? null;
    },
  },

  Citation: {
    source: (citation, _args, ctx) => loadSource(ctx, citation.sourceId),
  },

  Source: {
    version: (source: Source) => source.version ?? 1,
    authors: (source: Source) => source.authors ?? [],
    author: (source: Source) => (source.authors?.length ? source.authors.join(', ') : null),
    wordingWarning: (source: Source) => wordingWarning(source),
    relationships: (source, args, ctx) =>
      ctx.store.listRelationships({ sourceId: source.id }, { first: pageSize(args.first), after: args.after ?? undefined }),
    ...intakeSourceResolvers, // evidence intake: hasText, text, textCheck
  },

  Neighborhood: {
    nodes: (n, _args, ctx, info) => withActorRefs(ctx, info, n.nodes),
    edges: (n, _args, ctx, info) => withRelationshipRefs(ctx, info, n.edges),
    sources: (n, _args, ctx) => loadCitedSources(ctx, n.edges),
  },
  Path: {
    edges: (p, _args, ctx, info) => withRelationshipRefs(ctx, info, p.edges),
    sources: (p, _args, ctx) => loadCitedSources(ctx, p.edges),
  },

  ActorConnection: {
    nodes: (page, _args, ctx, info) => withActorRefs(ctx, info, page.items.map((h) => h.actor)),
    edges: (page) => page.items,
    pageInfo: (page) => ({ endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
  },
  ActorEdge: {
    node: (hit) => hit.actor,
  },
  RelationshipConnection: {
    nodes: (page, _args, ctx, info) => withRelationshipRefs(ctx, info, page.items),
    pageInfo: (page) => ({ endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
  },
  Stats: {
    analytics: statsAnalytics,
  },
  ...analyticsTypeResolvers,

  ChangeConnection: {
    nodes: (page) => page.items,
    pageInfo: (page) => ({ endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
  },
};

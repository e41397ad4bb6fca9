/**
 * Resolvers for graph analytics (graph/analytics): centrality, communities and
 * brokers from the request's cached metrics (ctx.analytics), and the diff
 * between two dates. Records are built whole (actors loaded in one batch), so
 * their fields resolve with graphql's default resolvers.
 */
import { diffBetween, type ActorMetrics, type GraphMetrics } from '../analytics';
import { ValidationError } from '../core/errors';
import { MAX_PAGE_SIZE, type RelationshipFilter } from '../core/store';
import { dateArg, intArg } from '../core/args';
import { listArg, pageSize } from './args';
import type { ApiContext } from './context';
import type {
  ActorMetricsParent,
  ActorResolvers,
  CentralityMeasure,
  QueryResolvers,
  RankedActorParent,
  Resolvers,
  StatsResolvers,
} from './generated/schema-types';
import { loadActor, loadActors } from './load-records';

const RANKINGS: Record<CentralityMeasure, 'degree' | 'betweenness' | 'pageRank'> = {
  DEGREE: 'degree',
  BETWEENNESS: 'betweenness',
  PAGERANK: 'pageRank',
};

function metricsRecord(graph: GraphMetrics, m: ActorMetrics): ActorMetricsParent {
  return {
    degree: m.degree,
    neighbours: m.neighbours,
    degreeCentrality: m.degreeCentrality,
    betweenness: m.betweenness,
    pageRank: m.pageRank,
    community: graph.communities[m.community],
    bridgedCommunities: m.bridgedCommunities,
    participation: m.participation,
    degreeRank: m.rank.degree,
    betweennessRank: m.rank.betweenness,
    pageRankRank: m.rank.pageRank,
  };
}

/** The first `first` actors of a ranking, with their score. */
async function ranked(ctx: ApiContext, graph: GraphMetrics, ranking: readonly string[], first: number, score: (m: ActorMetrics) => number): Promise<RankedActorParent[]> {
  const ids = ranking.slice(0, first);
  const actors = await loadActors(ctx, ids);
  return ids.map((id, i) => {
    const m = graph.actors.get(id)!;
    return { rank: i + 1, actor: actors[i], score: score(m), metrics: metricsRecord(graph, m) };
  });
}

/** The analysis options an API caller gives: a checked partial date and type list (empty means every type, as everywhere in the API). */
function metricsOptions(args: { asOf?: string | null; types?: RelationshipFilter['types'] | null }) {
  return { asOf: dateArg('asOf', args.asOf), types: listArg('types', args.types) };
}

/** Stats filter fields that analytics cannot honour (they restrict relationships by something other than time and type). */
const NOT_FOR_ANALYTICS = ['actorId', 'from', 'to', 'sourceId'] as const;

/** Throws BAD_USER_INPUT when a stats filter that asks for analytics sets a field analytics ignores. */
export function checkAnalyticsFilter(filter: RelationshipFilter): void {
  const problems = NOT_FOR_ANALYTICS.filter((k) => filter[k] !== undefined).map((k) => ({
    path: `filter.${k}`,
    message: 'cannot be combined with analytics, which only applies asOf and types',
  }));
  if (problems.length) throw new ValidationError('Invalid argument filter', problems);
}

export const analyticsQueryResolvers: Pick<QueryResolvers, 'communities' | 'diff'> = {
  communities: async (_root, args, ctx) => (await ctx.analytics.metrics(metricsOptions(args))).communities,
  // dateArg names a malformed date; diffBetween refuses a reversed range (BAD_USER_INPUT on `to`).
  diff: (_root, args, ctx) => diffBetween(ctx.store, dateArg('from', args.from)!, dateArg('to', args.to)!),
};

/** Actor.metrics: the actor's metrics in the analysis the arguments select; null when it is not part of it. */
export const actorMetrics: ActorResolvers['metrics'] = async (actor, args, ctx) => {
  const graph = await ctx.analytics.metrics(metricsOptions(args));
  const m = graph.actors.get(actor.id);
  return m ? metricsRecord(graph, m) : null;
};

/** Stats.analytics: the analysis of the stats filter's asOf and types (Query.stats refused any other filter field). */
export const statsAnalytics: StatsResolvers['analytics'] = (stats, _args, ctx) =>
  ctx.analytics.metrics({ asOf: stats.filter.asOf, types: stats.filter.types });

export const analyticsTypeResolvers: Pick<Resolvers, 'GraphAnalytics' | 'Community' | 'PositionChange' | 'ActorPositionChanges'> = {
  GraphAnalytics: {
    central(graph, args, ctx) {
      const key = RANKINGS[args.by ?? 'PAGERANK'];
      return ranked(ctx, graph, graph.rankings[key], intArg('first', args.first, 10, 1, MAX_PAGE_SIZE), (m) => m[key]);
    },
    brokers: (graph, args, ctx) => ranked(ctx, graph, graph.rankings.brokers, intArg('first', args.first, 10, 1, MAX_PAGE_SIZE), (m) => m.bridgedCommunities),
  },

  Community: {
    leader: (community, _args, ctx) => loadActor(ctx, community.leaderId),
    members: (community, args, ctx) => loadActors(ctx, community.members.slice(0, pageSize(args.first))),
  },

  PositionChange: {
    counterpart: (change, _args, ctx) => loadActor(ctx, change.counterpartId),
  },

  ActorPositionChanges: {
    actor: (changes, _args, ctx) => loadActor(ctx, changes.actorId),
  },
};

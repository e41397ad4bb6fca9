/**
 * Every GraphQL operation the explorer sends, as typed documents (./graphql.ts):
 * the record types below are what the fragments select, checked against schema.graphql.
 */
import type { RelationshipType, UndatedMode } from '@/graph/core/model';
import { graphql, type ResultOf, type VariablesOf } from './graphql';
import { GraphQLClientError, graphqlRequest } from './graphql-client';

export const ActorRefFields = graphql(`fragment ActorRefFields on Actor { id name kind }`);
export type ActorRef = ResultOf<typeof ActorRefFields>;

export const ActorFields = graphql(`fragment ActorFields on Actor { id kind name category aliases summary tags degree }`);
export type ActorRecord = ResultOf<typeof ActorFields>;

/** The source fields every view of a citation reads: its provenance (publisher, authors and dates are source metadata, never actors). */
export const SourceFields = graphql(
  `fragment SourceFields on Source { id title publisher authors published updated url textKind textNote wordingWarning }`,
);
export type SourceRecord = ResultOf<typeof SourceFields>;

/** A relationship's own fields and ends: RelationshipFields and the neighbourhood's edges add its citations, each their way. */
const RelationshipCoreFields = graphql(
  `
    fragment RelationshipCoreFields on Relationship {
      id type symmetric role start end amount currency reported
      source { ...ActorRefFields }
      target { ...ActorRefFields }
    }
  `,
  [ActorRefFields],
);

/** The relationship fields every view reads (the explorer, maps and the server-rendered pages). */
export const RelationshipFields = graphql(
  `
    fragment RelationshipFields on Relationship {
      ...RelationshipCoreFields
      citations { excerpt source { ...SourceFields } }
    }
  `,
  [RelationshipCoreFields, SourceFields],
);
export type RelationshipRecord = ResultOf<typeof RelationshipFields>;
export type CitationRecord = RelationshipRecord['citations'][number];

/** What the canvas draws: records from one or more documents, merged. */
export interface Subgraph {
  actors: ActorRecord[];
  relationships: RelationshipRecord[];
  truncated: boolean;
}

/**
 * What the explorer asks of a neighbourhood. Its citations name their source
 * by id and each cited source comes once in `sources`: a depth-2 answer cites
 * a few dozen sources from hundreds of citations, so repeating each source in
 * every citation made most of the answer. `subgraphOf` puts them back.
 */
export const NeighborhoodFields = graphql(
  `
    fragment NeighborhoodFields on Neighborhood {
      truncated
      nodes { ...ActorFields }
      edges { ...RelationshipCoreFields citations { excerpt sourceId } }
      sources { ...SourceFields }
    }
  `,
  [ActorFields, RelationshipCoreFields, SourceFields],
);

/**
 * A neighbourhood answer as the records every view reads: each citation
 * carries its source record again (shared, not copied). A citation naming a
 * source the answer does not hold is a broken answer: BAD_RESPONSE.
 */
export function subgraphOf(n: ResultOf<typeof NeighborhoodFields>): Subgraph {
  const sources = new Map(n.sources.map((s) => [s.id, s]));
  const relationships = n.edges.map(({ citations, ...rel }): RelationshipRecord => ({
    ...rel,
    citations: citations.map(({ excerpt, sourceId }) => {
      const source = sources.get(sourceId);
      if (!source) throw new GraphQLClientError(`Relationship ${rel.id} cites source ${sourceId}, which the answer does not include.`, 'BAD_RESPONSE');
      return { excerpt, source };
    }),
  }));
  return { actors: n.nodes, relationships, truncated: n.truncated };
}

/** A field the API answers null only alongside an error (which graphqlRequest throws), so null here is a broken answer. */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new GraphQLClientError(`The server sent no ${what}.`, 'NOT_FOUND');
  return value;
}

// ---------------------------------------------------------------- search

const SEARCH = graphql(`
  query ExplorerSearch($search: String!, $first: Int!) {
    actors(search: $search, first: $first) {
      totalCount
      edges { match matchedText node { id name kind category } }
    }
  }
`);

type SearchEdge = ResultOf<typeof SEARCH>['actors']['edges'][number];

export interface SearchHit {
  actor: SearchEdge['node'];
  match: SearchEdge['match'];
  matchedText: string | null;
}

export async function searchActors(search: string, signal?: AbortSignal, first = 8): Promise<{ hits: SearchHit[]; totalCount: number }> {
  const data = await graphqlRequest(SEARCH, { search, first }, { signal });
  return {
    totalCount: data.actors.totalCount,
    hits: data.actors.edges.map((e) => ({ actor: e.node, match: e.match, matchedText: e.matchedText })),
  };
}

// ---------------------------------------------------------------- neighbourhood

/** Most actors one neighbourhood request brings in (centre included). */
export const NEIGHBORHOOD_LIMIT = 150;

const NEIGHBORHOOD = graphql(
  `
    query ExplorerNeighborhood($actorId: ID!, $limit: Int!) {
      neighborhood(actorId: $actorId, depth: 1, limit: $limit) { ...NeighborhoodFields }
    }
  `,
  [NeighborhoodFields],
);

/**
 * The actor and its direct neighbours with every relationship among them,
 * unfiltered: type, kind and date filters apply in the browser so toggling
 * them and dragging the date slider never waits for the network.
 */
export async function fetchNeighborhood(actorId: string, signal?: AbortSignal): Promise<Subgraph> {
  const data = await graphqlRequest(NEIGHBORHOOD, { actorId, limit: NEIGHBORHOOD_LIMIT }, { signal });
  const n = data.neighborhood;
  if (!n) return { actors: [], relationships: [], truncated: false };
  return subgraphOf(n);
}

// ---------------------------------------------------------------- details

/** Most relationships the side panel lists for one actor. */
export const PANEL_RELATIONSHIP_LIMIT = 500;

const ACTOR_DETAIL = graphql(
  `
    query ExplorerActor($id: ID!, $first: Int!) {
      actor(id: $id) {
        ...ActorFields
        country { ...ActorRefFields }
        relationships(first: $first) { totalCount nodes { ...RelationshipFields } }
      }
    }
  `,
  [ActorFields, ActorRefFields, RelationshipFields],
);

export type ActorDetail = NonNullable<ResultOf<typeof ACTOR_DETAIL>['actor']>;

export async function fetchActorDetail(id: string, signal?: AbortSignal): Promise<ActorDetail> {
  const data = await graphqlRequest(ACTOR_DETAIL, { id, first: PANEL_RELATIONSHIP_LIMIT }, { signal });
  return present(data.actor, 'actor');
}

const RELATIONSHIP = graphql(
  `
    query ExplorerRelationship($id: ID!) {
      relationship(id: $id) { ...RelationshipFields }
    }
  `,
  [RelationshipFields],
);

export async function fetchRelationship(id: string, signal?: AbortSignal): Promise<RelationshipRecord> {
  const data = await graphqlRequest(RELATIONSHIP, { id }, { signal });
  return present(data.relationship, 'relationship');
}

// ---------------------------------------------------------------- paths

export const PATH_MAX_LENGTH = 4;
export const PATH_LIMIT = 5;

const PATHS = graphql(
  `
    query ExplorerPaths($from: ID!, $to: ID!, $maxLength: Int!, $limit: Int!, $types: [RelationshipType!], $asOf: String, $undated: UndatedMode) {
      paths(from: $from, to: $to, maxLength: $maxLength, limit: $limit, types: $types, asOf: $asOf, undated: $undated) {
        length
        nodes { ...ActorFields }
        edges { ...RelationshipFields }
      }
    }
  `,
  [ActorFields, RelationshipFields],
);

export type PathRecord = ResultOf<typeof PATHS>['paths'][number];

export interface PathQuery {
  from: string;
  to: string;
  /** Only through these types; omitted means every type. */
  types?: RelationshipType[];
  asOf?: string;
  /** Under `asOf`: the view's choice for relationships without a start. */
  undated?: UndatedMode;
}

export async function fetchPaths(q: PathQuery, signal?: AbortSignal): Promise<PathRecord[]> {
  const data = await graphqlRequest(PATHS, { ...q, maxLength: PATH_MAX_LENGTH, limit: PATH_LIMIT }, { signal });
  return data.paths;
}

// ---------------------------------------------------------------- dataset facts

const STATS = graphql(`
  query ExplorerStats { stats(top: 1) { actors relationships dateRange { min max } } }
`);

export type DatasetFacts = ResultOf<typeof STATS>['stats'];

export async function fetchDatasetFacts(signal?: AbortSignal): Promise<DatasetFacts> {
  const data = await graphqlRequest(STATS, {}, { signal });
  return data.stats;
}

// ---------------------------------------------------------------- analytics (insights tab, size and colour by)

/** Analysed actors fetched with their scores: every actor of a dataset this size, the top of a larger one. */
export const ANALYTICS_ACTORS = 500;
export const BROKERS_SHOWN = 10;

const RankedFields = graphql(
  `
    fragment RankedFields on RankedActor {
      rank score
      actor { ...ActorRefFields }
      metrics { community { id label } bridgedCommunities participation }
    }
  `,
  [ActorRefFields],
);

const ANALYTICS = graphql(
  `
    query ExplorerAnalytics($asOf: String, $undated: UndatedMode, $types: [RelationshipType!], $by: CentralityMeasure!, $first: Int!, $brokers: Int!) {
      stats(filter: { asOf: $asOf, undated: $undated, types: $types }, top: 1) {
        analytics {
          actorCount modularity betweennessSampled
          central(by: $by, first: $first) { ...RankedFields }
          brokers(first: $brokers) { ...RankedFields }
          communities { id label size }
        }
      }
    }
  `,
  [RankedFields],
);

/** `central` lists every analysed actor (up to ANALYTICS_ACTORS), most central first: ranks, sizes and community colours all come from it. */
export type AnalyticsRecord = ResultOf<typeof ANALYTICS>['stats']['analytics'];
export type RankedActorRecord = ResultOf<typeof RankedFields>;
export type CommunityRecord = AnalyticsRecord['communities'][number];
export type CentralityMeasure = AnalyticsQuery['by'];

export interface AnalyticsQuery {
  by: VariablesOf<typeof ANALYTICS>['by'];
  asOf?: string;
  undated?: UndatedMode;
  types?: RelationshipType[];
}

export async function fetchAnalytics(q: AnalyticsQuery, signal?: AbortSignal): Promise<AnalyticsRecord> {
  const data = await graphqlRequest(ANALYTICS, { ...q, first: ANALYTICS_ACTORS, brokers: BROKERS_SHOWN }, { signal });
  return data.stats.analytics;
}

// ---------------------------------------------------------------- diff (changes tab)

const DiffEventFields = graphql(
  `
    fragment DiffEventFields on TimelineEvent {
      date kind
      relationship { id type role start end source { ...ActorRefFields } target { ...ActorRefFields } }
    }
  `,
  [ActorRefFields],
);

const PositionFields = graphql(
  `
    fragment PositionFields on PositionChange {
      type date role counterpart { ...ActorRefFields } relationship { id }
    }
  `,
  [ActorRefFields],
);

const DIFF = graphql(
  `
    query ExplorerDiff($from: String!, $to: String!) {
      diff(from: $from, to: $to) {
        from to
        started { ...DiffEventFields }
        ended { ...DiffEventFields }
        uncertain { ...DiffEventFields }
        positions {
          actor { ...ActorRefFields }
          gained { ...PositionFields }
          lost { ...PositionFields }
        }
      }
    }
  `,
  [DiffEventFields, PositionFields, ActorRefFields],
);

export type DiffRecord = ResultOf<typeof DIFF>['diff'];
export type DiffEvent = ResultOf<typeof DiffEventFields>;
export type DiffRelationship = DiffEvent['relationship'];
export type PositionChangeRecord = ResultOf<typeof PositionFields>;

export async function fetchDiff(range: { from: string; to: string }, signal?: AbortSignal): Promise<DiffRecord> {
  const data = await graphqlRequest(DIFF, range, { signal });
  return data.diff;
}

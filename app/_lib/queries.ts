/**
 * Every GraphQL operation the explorer sends, with the shapes it reads back.
 * Written against schema.graphql at the repository root.
 */
import type { ActorKind, RelationshipType } from '@/graph/core/model';
import { graphqlRequest } from './graphql-client';

export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
}

export interface ActorRecord extends ActorRef {
  category: string | null;
  aliases: string[];
  summary: string | null;
  tags: string[];
  /** Relationships touching the actor in the whole graph, loaded or not. */
  degree: number;
}

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
}

export interface CitationRecord {
  excerpt: string;
  source: SourceRecord;
}

export interface RelationshipRecord {
  id: string;
  type: RelationshipType;
  symmetric: boolean;
  role: string | null;
  start: string | null;
  end: string | null;
  amount: number | null;
  currency: string | null;
  source: ActorRef;
  target: ActorRef;
  citations: CitationRecord[];
}

export interface Subgraph {
  actors: ActorRecord[];
  relationships: RelationshipRecord[];
  truncated: boolean;
}

const ACTOR_FIELDS = /* GraphQL */ `
  fragment ActorFields on Actor { id kind name category aliases summary tags degree }
`;

/** The relationship fields every view reads (the explorer and the server-rendered pages). */
export const RELATIONSHIP_FIELDS = /* GraphQL */ `
  fragment RelationshipFields on Relationship {
    id type symmetric role start end amount currency
    source { id name kind }
    target { id name kind }
    citations { excerpt source { id title publisher author published url } }
  }
`;

// ---------------------------------------------------------------- search

export interface SearchHit {
  actor: ActorRef & { category: string | null };
  match: 'EXACT' | 'PREFIX' | 'FUZZY' | 'ALL';
  matchedText: string | null;
}

const SEARCH = /* GraphQL */ `
  query ExplorerSearch($search: String!, $first: Int!) {
    actors(search: $search, first: $first) {
      totalCount
      edges { match matchedText node { id name kind category } }
    }
  }
`;

export async function searchActors(search: string, signal?: AbortSignal, first = 8): Promise<{ hits: SearchHit[]; totalCount: number }> {
  type Data = { actors: { totalCount: number; edges: { match: SearchHit['match']; matchedText: string | null; node: SearchHit['actor'] }[] } };
  const data = await graphqlRequest<Data, { search: string; first: number }>(SEARCH, { search, first }, { signal });
  return {
    totalCount: data.actors.totalCount,
    hits: data.actors.edges.map((e) => ({ actor: e.node, match: e.match, matchedText: e.matchedText })),
  };
}

// ---------------------------------------------------------------- neighbourhood

/** Most actors one neighbourhood request brings in (centre included). */
export const NEIGHBORHOOD_LIMIT = 150;

const NEIGHBORHOOD = /* GraphQL */ `
  query ExplorerNeighborhood($actorId: ID!, $limit: Int!) {
    neighborhood(actorId: $actorId, depth: 1, limit: $limit) {
      truncated
      nodes { ...ActorFields }
      edges { ...RelationshipFields }
    }
  }
  ${ACTOR_FIELDS}
  ${RELATIONSHIP_FIELDS}
`;

/**
 * The actor and its direct neighbours with every relationship among them,
 * unfiltered: type, kind and date filters apply in the browser so toggling
 * them and dragging the date slider never waits for the network.
 */
export async function fetchNeighborhood(actorId: string, signal?: AbortSignal): Promise<Subgraph> {
  type Data = { neighborhood: { truncated: boolean; nodes: ActorRecord[]; edges: RelationshipRecord[] } | null };
  const data = await graphqlRequest<Data, { actorId: string; limit: number }>(NEIGHBORHOOD, { actorId, limit: NEIGHBORHOOD_LIMIT }, { signal });
  const n = data.neighborhood;
  if (!n) return { actors: [], relationships: [], truncated: false };
  return { actors: n.nodes, relationships: n.edges, truncated: n.truncated };
}

// ---------------------------------------------------------------- details

export interface ActorDetail extends ActorRecord {
  country: ActorRef | null;
  relationships: { totalCount: number; nodes: RelationshipRecord[] };
}

/** Most relationships the side panel lists for one actor. */
export const PANEL_RELATIONSHIP_LIMIT = 500;

const ACTOR_DETAIL = /* GraphQL */ `
  query ExplorerActor($id: ID!, $first: Int!) {
    actor(id: $id) {
      ...ActorFields
      country { id name kind }
      relationships(first: $first) { totalCount nodes { ...RelationshipFields } }
    }
  }
  ${ACTOR_FIELDS}
  ${RELATIONSHIP_FIELDS}
`;

export async function fetchActorDetail(id: string, signal?: AbortSignal): Promise<ActorDetail> {
  const data = await graphqlRequest<{ actor: ActorDetail }, { id: string; first: number }>(ACTOR_DETAIL, { id, first: PANEL_RELATIONSHIP_LIMIT }, { signal });
  return data.actor;
}

const RELATIONSHIP = /* GraphQL */ `
  query ExplorerRelationship($id: ID!) {
    relationship(id: $id) { ...RelationshipFields }
  }
  ${RELATIONSHIP_FIELDS}
`;

export async function fetchRelationship(id: string, signal?: AbortSignal): Promise<RelationshipRecord> {
  const data = await graphqlRequest<{ relationship: RelationshipRecord }, { id: string }>(RELATIONSHIP, { id }, { signal });
  return data.relationship;
}

// ---------------------------------------------------------------- paths

export interface PathRecord {
  length: number;
  nodes: ActorRecord[];
  edges: RelationshipRecord[];
}

export const PATH_MAX_LENGTH = 4;
export const PATH_LIMIT = 5;

const PATHS = /* GraphQL */ `
  query ExplorerPaths($from: ID!, $to: ID!, $maxLength: Int!, $limit: Int!, $types: [RelationshipType!], $asOf: String) {
    paths(from: $from, to: $to, maxLength: $maxLength, limit: $limit, types: $types, asOf: $asOf) {
      length
      nodes { ...ActorFields }
      edges { ...RelationshipFields }
    }
  }
  ${ACTOR_FIELDS}
  ${RELATIONSHIP_FIELDS}
`;

export interface PathQuery {
  from: string;
  to: string;
  /** Only through these types; omitted means every type. */
  types?: RelationshipType[];
  asOf?: string;
}

export async function fetchPaths(q: PathQuery, signal?: AbortSignal): Promise<PathRecord[]> {
  const data = await graphqlRequest<{ paths: PathRecord[] }, PathQuery & { maxLength: number; limit: number }>(
    PATHS,
    { ...q, maxLength: PATH_MAX_LENGTH, limit: PATH_LIMIT },
    { signal },
  );
  return data.paths;
}

// ---------------------------------------------------------------- dataset facts

export interface DatasetFacts {
  actors: number;
  relationships: number;
  dateRange: { min: string; max: string } | null;
}

const STATS = /* GraphQL */ `
  query ExplorerStats { stats(top: 1) { actors relationships dateRange { min max } } }
`;

export async function fetchDatasetFacts(signal?: AbortSignal): Promise<DatasetFacts> {
  const data = await graphqlRequest<{ stats: DatasetFacts }>(STATS, undefined, { signal });
  return data.stats;
}

// ---------------------------------------------------------------- analytics (insights tab, size and colour by)

export type CentralityMeasure = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';

export interface RankedActorRecord {
  rank: number;
  actor: ActorRef;
  score: number;
  metrics: { community: { id: number; label: string }; bridgedCommunities: number; participation: number };
}

export interface CommunityRecord {
  id: number;
  label: string;
  size: number;
}

export interface AnalyticsRecord {
  actorCount: number;
  modularity: number;
  betweennessSampled: boolean;
  /** Every analysed actor (up to ANALYTICS_ACTORS), most central first: ranks, sizes and community colours all come from it. */
  central: RankedActorRecord[];
  brokers: RankedActorRecord[];
  communities: CommunityRecord[];
}

/** Analysed actors fetched with their scores: every actor of a dataset this size, the top of a larger one. */
export const ANALYTICS_ACTORS = 500;
export const BROKERS_SHOWN = 10;

const RANKED_FIELDS = /* GraphQL */ `
  fragment RankedFields on RankedActor {
    rank score
    actor { id name kind }
    metrics { community { id label } bridgedCommunities participation }
  }
`;

const ANALYTICS = /* GraphQL */ `
  query ExplorerAnalytics($asOf: String, $types: [RelationshipType!], $by: CentralityMeasure!, $first: Int!, $brokers: Int!) {
    stats(filter: { asOf: $asOf, types: $types }, top: 1) {
      analytics {
        actorCount modularity betweennessSampled
        central(by: $by, first: $first) { ...RankedFields }
        brokers(first: $brokers) { ...RankedFields }
        communities { id label size }
      }
    }
  }
  ${RANKED_FIELDS}
`;

export interface AnalyticsQuery {
  by: CentralityMeasure;
  asOf?: string;
  types?: RelationshipType[];
}

export async function fetchAnalytics(q: AnalyticsQuery, signal?: AbortSignal): Promise<AnalyticsRecord> {
  const data = await graphqlRequest<{ stats: { analytics: AnalyticsRecord } }, AnalyticsQuery & { first: number; brokers: number }>(
    ANALYTICS,
    { ...q, first: ANALYTICS_ACTORS, brokers: BROKERS_SHOWN },
    { signal },
  );
  return data.stats.analytics;
}

// ---------------------------------------------------------------- diff (changes tab)

export interface DiffRelationship {
  id: string;
  type: RelationshipType;
  role: string | null;
  start: string | null;
  end: string | null;
  source: ActorRef;
  target: ActorRef;
}

export interface DiffEvent {
  date: string;
  kind: 'START' | 'END';
  relationship: DiffRelationship;
}

export interface PositionChangeRecord {
  type: RelationshipType;
  date: string;
  role: string | null;
  counterpart: ActorRef;
  relationship: { id: string };
}

export interface DiffRecord {
  from: string;
  to: string;
  started: DiffEvent[];
  ended: DiffEvent[];
  uncertain: DiffEvent[];
  positions: { actor: ActorRef; gained: PositionChangeRecord[]; lost: PositionChangeRecord[] }[];
}

const DIFF = /* GraphQL */ `
  query ExplorerDiff($from: String!, $to: String!) {
    diff(from: $from, to: $to) {
      from to
      started { ...DiffEventFields }
      ended { ...DiffEventFields }
      uncertain { ...DiffEventFields }
      positions {
        actor { id name kind }
        gained { ...PositionFields }
        lost { ...PositionFields }
      }
    }
  }
  fragment DiffEventFields on TimelineEvent {
    date kind
    relationship { id type role start end source { id name kind } target { id name kind } }
  }
  fragment PositionFields on PositionChange {
    type date role counterpart { id name kind } relationship { id }
  }
`;

export async function fetchDiff(range: { from: string; to: string }, signal?: AbortSignal): Promise<DiffRecord> {
  const data = await graphqlRequest<{ diff: DiffRecord }, { from: string; to: string }>(DIFF, range, { signal });
  return data.diff;
}

/**
 * What the reference pages read, as GraphQL against schema.graphql, executed
 * in-process (no HTTP hop, same validation and limits as /api/graphql).
 * `cache` dedupes the fetch between generateMetadata and the page.
 */
import { cache } from 'react';
import type { ActorKind, RelationshipType } from '@/graph/model';
import { runQuery } from './run-query';

/** Relationships per request: well inside the API's default cost limit; pages are followed up to MAX_LISTED. */
const PAGE_SIZE = 250;
/** A page lists at most this many relationships and says so when there are more. */
export const MAX_LISTED = 2000;

export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
}

export interface SourceRef {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
}

export interface RelationshipView {
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
  citations: { excerpt: string; source: SourceRef }[];
}

interface RelationshipPage {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: RelationshipView[];
}

const RELATIONSHIP_FIELDS = /* GraphQL */ `
  fragment RelationshipFields on Relationship {
    id
    type
    symmetric
    role
    start
    end
    amount
    currency
    source { id name kind }
    target { id name kind }
    citations { excerpt source { id title publisher published } }
  }
`;

const PAGE_FIELDS = /* GraphQL */ `
  totalCount
  pageInfo { endCursor hasNextPage }
  nodes { ...RelationshipFields }
`;

/** Follows `after` cursors until the list is complete or MAX_LISTED is reached. */
async function collect(first: RelationshipPage, next: (after: string) => Promise<RelationshipPage | null>) {
  const nodes = [...first.nodes];
  let page: RelationshipPage | null = first;
  while (page && page.pageInfo.hasNextPage && page.pageInfo.endCursor && nodes.length < MAX_LISTED) {
    page = await next(page.pageInfo.endCursor);
    if (page) nodes.push(...page.nodes);
  }
  return { relationships: nodes.slice(0, MAX_LISTED), totalCount: first.totalCount };
}

// ----------------------------------------------------------------- actor page

export interface ActorPageData {
  actor: {
    id: string;
    kind: ActorKind;
    name: string;
    category: string | null;
    aliases: string[];
    summary: string | null;
    tags: string[];
    country: ActorRef | null;
  };
  relationships: RelationshipView[];
  totalCount: number;
}

const ACTOR_QUERY = /* GraphQL */ `
  query ActorPage($id: ID!, $first: Int!, $after: String) {
    actor(id: $id) {
      id
      kind
      name
      category
      aliases
      summary
      tags
      country { id name kind }
      relationships(first: $first, after: $after) { ${PAGE_FIELDS} }
    }
  }
  ${RELATIONSHIP_FIELDS}
`;

const ACTOR_RELATIONSHIPS_QUERY = /* GraphQL */ `
  query ActorRelationships($id: ID!, $first: Int!, $after: String) {
    actor(id: $id) { relationships(first: $first, after: $after) { ${PAGE_FIELDS} } }
  }
  ${RELATIONSHIP_FIELDS}
`;

type ActorResult = { actor: (ActorPageData['actor'] & { relationships: RelationshipPage }) | null };

/** The actor with every relationship (up to MAX_LISTED), or null when no actor has this id. */
export const getActorPage = cache(async (id: string): Promise<ActorPageData | null> => {
  const data = await runQuery<ActorResult>(ACTOR_QUERY, { id, first: PAGE_SIZE });
  if (!data.actor) return null;
  const { relationships: firstPage, ...actor } = data.actor;
  const all = await collect(firstPage, async (after) => {
    const more = await runQuery<{ actor: { relationships: RelationshipPage } | null }>(ACTOR_RELATIONSHIPS_QUERY, { id, first: PAGE_SIZE, after });
    return more.actor?.relationships ?? null;
  });
  return { actor, ...all };
});

// ----------------------------------------------------------------- source page

export interface SourcePageData {
  source: {
    id: string;
    title: string;
    publisher: string | null;
    author: string | null;
    published: string | null;
    url: string | null;
  };
  relationships: RelationshipView[];
  totalCount: number;
}

const SOURCE_QUERY = /* GraphQL */ `
  query SourcePage($id: ID!, $first: Int!, $after: String) {
    source(id: $id) {
      id
      title
      publisher
      author
      published
      url
      relationships(first: $first, after: $after) { ${PAGE_FIELDS} }
    }
  }
  ${RELATIONSHIP_FIELDS}
`;

const SOURCE_RELATIONSHIPS_QUERY = /* GraphQL */ `
  query SourceRelationships($id: ID!, $first: Int!, $after: String) {
    source(id: $id) { relationships(first: $first, after: $after) { ${PAGE_FIELDS} } }
  }
  ${RELATIONSHIP_FIELDS}
`;

type SourceResult = { source: (SourcePageData['source'] & { relationships: RelationshipPage }) | null };

/** The source with every relationship citing it (up to MAX_LISTED), or null when unknown. */
export const getSourcePage = cache(async (id: string): Promise<SourcePageData | null> => {
  const data = await runQuery<SourceResult>(SOURCE_QUERY, { id, first: PAGE_SIZE });
  if (!data.source) return null;
  const { relationships: firstPage, ...source } = data.source;
  const all = await collect(firstPage, async (after) => {
    const more = await runQuery<{ source: { relationships: RelationshipPage } | null }>(SOURCE_RELATIONSHIPS_QUERY, { id, first: PAGE_SIZE, after });
    return more.source?.relationships ?? null;
  });
  return { source, ...all };
});

// ----------------------------------------------------------------- sources list

export interface SourceListItem {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  relationships: { totalCount: number };
}

const SOURCES_QUERY = /* GraphQL */ `
  query SourcesPage {
    sources {
      id
      title
      publisher
      author
      published
      url
      relationships(first: 1) { totalCount }
    }
  }
`;

/** Every source with the number of relationships citing it. */
export async function getSourceList(): Promise<SourceListItem[]> {
  const data = await runQuery<{ sources: SourceListItem[] }>(SOURCES_QUERY, {});
  return data.sources;
}

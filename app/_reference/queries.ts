/**
 * What the reference pages read, as GraphQL against schema.graphql, executed
 * in-process (no HTTP hop, same validation and limits as /api/graphql).
 * `cache` dedupes the fetch between generateMetadata and the page.
 */
import { cache } from 'react';
import { RELATIONSHIP_FIELDS, type ActorRef, type RelationshipRecord, type SourceRecord } from '@/app/_lib/queries';
import type { ActorKind } from '@/graph/core/model';
import { runQuery } from './run-query';

export type { ActorRef } from '@/app/_lib/queries';
/** A relationship as the pages show it: the explorer's shape (one fragment, one type). */
export type RelationshipView = RelationshipRecord;

/** Relationships per request: well inside the API's default cost limit; pages are followed up to MAX_LISTED. */
const PAGE_SIZE = 250;
/** A page lists at most this many relationships and says so when there are more. */
export const MAX_LISTED = 2000;

interface RelationshipPage {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: RelationshipView[];
}

/** The two queries a page with a relationship list needs: its record with the first page, and each further page. */
function pagedQueries(root: 'actor' | 'source', fields: string): { first: string; more: string } {
  const relationships = 'relationships(first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { ...RelationshipFields } }';
  const query = (selection: string) => /* GraphQL */ `
    query ($id: ID!, $first: Int!, $after: String) { ${root}(id: $id) { ${selection} ${relationships} } }
    ${RELATIONSHIP_FIELDS}
  `;
  return { first: query(fields), more: query('') };
}

/**
 * The record at `root(id)` with every relationship its connection lists (cursor
 * by cursor, up to MAX_LISTED), or null when no record has this id.
 */
async function withRelationships<T extends object>(
  root: 'actor' | 'source',
  queries: { first: string; more: string },
  id: string,
): Promise<{ record: T; relationships: RelationshipView[]; totalCount: number } | null> {
  type Result = Record<typeof root, (T & { relationships: RelationshipPage }) | null>;
  const head = (await runQuery<Result>(queries.first, { id, first: PAGE_SIZE }))[root];
  if (!head) return null;
  const { relationships: firstPage, ...record } = head;
  const nodes = [...firstPage.nodes];
  let page: RelationshipPage | undefined = firstPage;
  while (page?.pageInfo.hasNextPage && page.pageInfo.endCursor && nodes.length < MAX_LISTED) {
    page = (await runQuery<Result>(queries.more, { id, first: PAGE_SIZE, after: page.pageInfo.endCursor }))[root]?.relationships;
    if (page) nodes.push(...page.nodes);
  }
  return { record: record as T, relationships: nodes.slice(0, MAX_LISTED), totalCount: firstPage.totalCount };
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

const ACTOR_QUERIES = pagedQueries('actor', 'id kind name category aliases summary tags country { id name kind }');

/** The actor with every relationship (up to MAX_LISTED), or null when no actor has this id. */
export const getActorPage = cache(async (id: string): Promise<ActorPageData | null> => {
  const found = await withRelationships<ActorPageData['actor']>('actor', ACTOR_QUERIES, id);
  return found && { actor: found.record, relationships: found.relationships, totalCount: found.totalCount };
});

// ----------------------------------------------------------------- source page

export interface SourcePageData {
  source: SourceRecord;
  relationships: RelationshipView[];
  totalCount: number;
}

const SOURCE_QUERIES = pagedQueries('source', 'id title publisher author published url');

/** The source with every relationship citing it (up to MAX_LISTED), or null when unknown. */
export const getSourcePage = cache(async (id: string): Promise<SourcePageData | null> => {
  const found = await withRelationships<SourceRecord>('source', SOURCE_QUERIES, id);
  return found && { source: found.record, relationships: found.relationships, totalCount: found.totalCount };
});

// ----------------------------------------------------------------- sources list

export interface SourceListItem extends SourceRecord {
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

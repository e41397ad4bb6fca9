/**
 * What the reference pages read, as typed documents against schema.graphql,
 * executed in-process (no HTTP hop, same validation and limits as /api/graphql).
 * `cache` dedupes the fetch between generateMetadata and the page.
 */
import { cache } from 'react';
import { graphql, type Document, type ResultOf } from '@/app/_lib/graphql';
import { ActorRefFields, RelationshipFields, SourceFields, type RelationshipRecord, type SourceRecord } from '@/app/_lib/queries';
import { runQuery } from './run-query';

export type { ActorRef } from '@/app/_lib/queries';
/** A relationship as the pages show it: the explorer's shape (one fragment, one type). */
export type RelationshipView = RelationshipRecord;

/** Relationships per request: well inside the API's default cost limit; pages are followed up to MAX_LISTED. */
const PAGE_SIZE = 250;
/** A page lists at most this many relationships and says so when there are more. */
export const MAX_LISTED = 2000;

const RelationshipPageFields = graphql(
  `
    fragment RelationshipPageFields on RelationshipConnection {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { ...RelationshipFields }
    }
  `,
  [RelationshipFields],
);

type RelationshipPage = ResultOf<typeof RelationshipPageFields>;
type PageVariables = { id: string; first: number; after: string | null };

/**
 * The record `document` reads (at `pick(data)`) with every relationship its
 * connection lists, cursor by cursor up to MAX_LISTED, or null when no record
 * has this id. Each page request reads the record's few fields again: one
 * document instead of two.
 */
async function withRelationships<TData, TRecord extends { relationships: RelationshipPage }>(
  document: Document<TData, PageVariables>,
  pick: (data: TData) => TRecord | null,
  id: string,
): Promise<{ record: Omit<TRecord, 'relationships'>; relationships: RelationshipView[]; totalCount: number } | null> {
  const head = pick(await runQuery(document, { id, first: PAGE_SIZE, after: null }));
  if (!head) return null;
  const { relationships: firstPage, ...record } = head;
  const nodes = [...firstPage.nodes];
  let page: RelationshipPage | undefined = firstPage;
  while (page?.pageInfo.hasNextPage && page.pageInfo.endCursor && nodes.length < MAX_LISTED) {
    page = pick(await runQuery(document, { id, first: PAGE_SIZE, after: page.pageInfo.endCursor }))?.relationships;
    if (page) nodes.push(...page.nodes);
  }
  return { record, relationships: nodes.slice(0, MAX_LISTED), totalCount: firstPage.totalCount };
}

// ----------------------------------------------------------------- actor page

const ACTOR_PAGE = graphql(
  `
    query ActorPage($id: ID!, $first: Int!, $after: String) {
      actor(id: $id) {
        id kind name category aliases summary tags
        country { ...ActorRefFields }
        relationships(first: $first, after: $after) { ...RelationshipPageFields }
      }
    }
  `,
  [ActorRefFields, RelationshipPageFields],
);

type ActorPageRecord = NonNullable<ResultOf<typeof ACTOR_PAGE>['actor']>;

export interface ActorPageData {
  actor: Omit<ActorPageRecord, 'relationships'>;
  relationships: RelationshipView[];
  totalCount: number;
}

/** The actor with every relationship (up to MAX_LISTED), or null when no actor has this id. */
export const getActorPage = cache(async (id: string): Promise<ActorPageData | null> => {
  const found = await withRelationships(ACTOR_PAGE, (d) => d.actor, id);
  return found && { actor: found.record, relationships: found.relationships, totalCount: found.totalCount };
});

// ----------------------------------------------------------------- source page

const SOURCE_PAGE = graphql(
  `
    query SourcePage($id: ID!, $first: Int!, $after: String) {
      source(id: $id) {
        ...SourceFields
        relationships(first: $first, after: $after) { ...RelationshipPageFields }
      }
    }
  `,
  [SourceFields, RelationshipPageFields],
);

export interface SourcePageData {
  source: SourceRecord;
  relationships: RelationshipView[];
  totalCount: number;
}

/** The source with every relationship citing it (up to MAX_LISTED), or null when unknown. */
export const getSourcePage = cache(async (id: string): Promise<SourcePageData | null> => {
  const found = await withRelationships(SOURCE_PAGE, (d) => d.source, id);
  return found && { source: found.record, relationships: found.relationships, totalCount: found.totalCount };
});

// ----------------------------------------------------------------- sources list

const SOURCES_QUERY = graphql(
  `
    query SourcesPage {
      sources {
        ...SourceFields
        relationships(first: 1) { totalCount }
      }
      stats(top: 1) { relationships }
    }
  `,
  [SourceFields],
);

export type SourceListItem = ResultOf<typeof SOURCES_QUERY>['sources'][number];

/**
 * Every source with the number of relationships citing it, and the number of
 * relationships in the graph. (The per-source numbers do not add up to it: a
 * relationship quoting two sources counts under both.)
 */
export async function getSourceList(): Promise<{ sources: SourceListItem[]; relationships: number }> {
  const data = await runQuery(SOURCES_QUERY, {});
  return { sources: data.sources, relationships: data.stats.relationships };
}

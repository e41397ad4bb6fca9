/**
 * Hub paging: an expanded actor with more relationships than one page shows
 * only its highest-ranked page (`Actor.relationships(order: RANKED)`), plus
 * an "N more" node attached to it that loads the next page. An actor within
 * one page is drawn from its full neighbourhood exactly as before.
 */
import type { ActorRecord, RelationshipRecord, Subgraph } from './queries';
import { fetchNeighborhood, SOURCE_FIELDS } from './queries';
import { graphqlRequest } from './graphql-client';

/** Used until the server's `apiInfo.limits.hubPageSize` is known (graph/config.ts default). */
export const DEFAULT_HUB_PAGE_SIZE = 25;

/** A relationship with both ends as full records (paged neighbours may lie outside the neighbourhood query's limit). */
type RankedRelationship = RelationshipRecord & { source: ActorRecord; target: ActorRecord };

export interface HubNeighborhood {
  /** The full depth-1 neighbourhood (as the explorer has always loaded it). */
  hood: Subgraph;
  /** Ranked relationships loaded so far, page after page. */
  ranked: RankedRelationship[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

const RANKED_PAGE = /* GraphQL */ `
  query HubPage($id: ID!, $first: Int!, $after: String) {
    actor(id: $id) {
      relationships(order: RANKED, first: $first, after: $after) {
        totalCount
        pageInfo { endCursor hasNextPage }
        nodes {
          id type symmetric role start end amount currency reported
          source { id kind name category aliases summary tags degree }
          target { id kind name category aliases summary tags degree }
          citations { excerpt source { ${SOURCE_FIELDS} } }
        }
      }
    }
  }
`;

type PageData = { actor: { relationships: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: RankedRelationship[] } } | null };

async function fetchRankedPage(id: string, first: number, after: string | null, signal?: AbortSignal) {
  const data = await graphqlRequest<PageData, { id: string; first: number; after: string | null }>(RANKED_PAGE, { id, first, after }, { signal });
  return data.actor?.relationships ?? { totalCount: 0, pageInfo: { endCursor: null, hasNextPage: false }, nodes: [] };
}

/** The neighbourhood and the first ranked page, requested together. */
export async function fetchHubNeighborhood(id: string, pageSize: number, signal?: AbortSignal): Promise<HubNeighborhood> {
  const [hood, page] = await Promise.all([fetchNeighborhood(id, signal), fetchRankedPage(id, pageSize, null, signal)]);
  return { hood, ranked: page.nodes, totalCount: page.totalCount, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage };
}

/** The entry with the next ranked page appended. */
export async function fetchNextHubPage(id: string, entry: HubNeighborhood, pageSize: number): Promise<HubNeighborhood> {
  const page = await fetchRankedPage(id, pageSize, entry.endCursor);
  const seen = new Set(entry.ranked.map((r) => r.id));
  return {
    ...entry,
    ranked: [...entry.ranked, ...page.nodes.filter((r) => !seen.has(r.id))],
    totalCount: page.totalCount,
    endCursor: page.pageInfo.endCursor,
    hasNextPage: page.pageInfo.hasNextPage,
  };
}

/** True when every relationship of the actor is loaded, so the full neighbourhood is drawn. */
export function isComplete(entry: HubNeighborhood): boolean {
  return !entry.hasNextPage;
}

/**
 * What the canvas draws for one actor: its full neighbourhood when complete;
 * otherwise the hub, the ranked relationships loaded so far, their other ends,
 * and the neighbourhood's relationships among those ends.
 */
export function hubSubgraph(id: string, entry: HubNeighborhood): Subgraph {
  if (isComplete(entry)) return entry.hood;
  const known = new Map(entry.hood.actors.map((a) => [a.id, a]));
  const actors = new Map<string, ActorRecord>();
  const hub = known.get(id) ?? entry.ranked.map((r) => (r.source.id === id ? r.source : r.target)).find((a) => a.id === id);
  if (hub) actors.set(id, hub);
  for (const r of entry.ranked) for (const end of [r.source, r.target]) if (!actors.has(end.id)) actors.set(end.id, known.get(end.id) ?? end);
  const rankedIds = new Set(entry.ranked.map((r) => r.id));
  const among = entry.hood.relationships.filter(
    (r) => !rankedIds.has(r.id) && r.source.id !== id && r.target.id !== id && actors.has(r.source.id) && actors.has(r.target.id),
  );
  return { actors: [...actors.values()], relationships: [...entry.ranked, ...among], truncated: false };
}

// ---------------------------------------------------------------- the "N more" node

/** A colon never occurs in actor ids (model.ts ID_PATTERN), so these cannot collide. */
const MORE_PREFIX = 'more:';
export const MORE_KIND = 'MORE' as const;

export const moreNodeId = (hubId: string) => `${MORE_PREFIX}${hubId}`;
export const isMoreNodeId = (id: string | null | undefined): id is string => !!id && id.startsWith(MORE_PREFIX);
export const hubOfMoreNode = (id: string) => id.slice(MORE_PREFIX.length);

export interface MoreNode {
  id: string;
  hubId: string;
  hubName: string;
  /** Relationships not yet shown. */
  remaining: number;
  /** How many the next activation adds. */
  next: number;
  loading: boolean;
  /** The last page request failed (activating it again retries). */
  failed: boolean;
}

/** One "N more" node for each shown hub with pages left. */
export function moreNodes(
  hubIds: readonly string[],
  entryOf: (id: string) => (HubNeighborhood & { loadingMore?: boolean; moreError?: unknown }) | undefined,
  nameOf: (id: string) => string,
  pageSize: number,
): MoreNode[] {
  return hubIds.flatMap((hubId) => {
    const e = entryOf(hubId);
    if (!e || isComplete(e)) return [];
    const remaining = Math.max(0, e.totalCount - e.ranked.length);
    return remaining ? [{ id: moreNodeId(hubId), hubId, hubName: nameOf(hubId), remaining, next: Math.min(pageSize, remaining), loading: !!e.loadingMore, failed: !!e.moreError }] : [];
  });
}

export function moreLabel(m: MoreNode): string {
  return m.loading ? 'Loading…' : m.failed ? 'Retry' : `${m.remaining} more`;
}

/** Canvas elements for the "N more" nodes: the node and a dashed edge from its hub. */
export function moreElements(more: readonly MoreNode[]) {
  return {
    nodes: more.map((m) => ({ id: m.id, label: moreLabel(m), kind: MORE_KIND })),
    edges: more.map((m) => ({
      id: `${m.id}:edge`,
      source: m.hubId,
      target: m.id,
      type: MORE_KIND,
      label: `${m.remaining} more relationships`,
      start: null,
      end: null,
    })),
  };
}

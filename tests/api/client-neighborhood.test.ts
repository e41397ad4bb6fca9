/**
 * The explorer's neighbourhood request (app/_lib/queries.ts `fetchNeighborhood`)
 * over real HTTP to the production route: its answer names each citation's
 * source by id and lists the sources once; `subgraphOf` must give back the
 * very records the full RelationshipFields selection (a source inside every
 * citation) gives, and refuse an answer whose citation names an absent source.
 */
import { Kind, print, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClientError } from '@/app/_lib/graphql-client';
import { ActorFields, NEIGHBORHOOD_LIMIT, RelationshipFields, fetchNeighborhood, subgraphOf } from '@/app/_lib/queries';
import { gql } from './http-harness';
import { apiGraph, bulkActorId } from '@/tests/fixtures/api-graph';
import { startRoute } from './setup';

let route: Awaited<ReturnType<typeof startRoute>>;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  route = await startRoute({}, apiGraph({ people: 6, relationships: 10 }));
  // The client posts to the relative /api/graphql, as in a browser; here that is the test server.
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    realFetch(typeof input === 'string' && input.startsWith('/') ? `${route.url}${input}` : input, init);
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await route?.close();
});

/** The same neighbourhood with every citation carrying its source record (the shape the views read). */
const FULL_SELECTION = `
  query Full($actorId: ID!, $limit: Int!) {
    neighborhood(actorId: $actorId, depth: 1, limit: $limit) { truncated nodes { ...ActorFields } edges { ...RelationshipFields } }
  }
  ${[
    ...new Map(
      [ActorFields, RelationshipFields]
        .flatMap((doc) => (doc as unknown as DocumentNode).definitions)
        .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, print(d)] as const),
    ).values(),
  ].join('\n')}
`;

describe('fetchNeighborhood (sources listed once, rehydrated)', () => {
  it('gives the same actors and relationships, each citation with its source record, as the full selection', async () => {
    const sourcesSeen = new Set<string>();
    let citationsPerRelationship = 0;
    for (const actorId of ['tokayev', 'kazakhstan', bulkActorId(0)]) {
      const sub = await fetchNeighborhood(actorId);
      const full = await gql(route.url, FULL_SELECTION, { variables: { actorId, limit: NEIGHBORHOOD_LIMIT } });
      expect(full.body.errors).toBeUndefined();
      const n = full.body.data!.neighborhood;
      expect(sub.relationships.length).toBeGreaterThan(1);
      expect(sub).toEqual({ actors: n.nodes, relationships: n.edges, truncated: n.truncated });
      for (const r of sub.relationships) {
        citationsPerRelationship = Math.max(citationsPerRelationship, r.citations.length);
        for (const c of r.citations) sourcesSeen.add(c.source.id);
      }
    }
    // The answers covered several sources, and relationships citing more than one.
    expect(sourcesSeen.size).toBeGreaterThan(1);
    expect(citationsPerRelationship).toBeGreaterThan(1);
  });

  it('refuses an answer whose citation names a source it does not list: BAD_RESPONSE', async () => {
    const { data } = await gql(route.url, `{ neighborhood(actorId: "tokayev") { truncated nodes { id } edges { id citations { excerpt sourceId } } sources { id } } }`).then((r) => r.body);
    const answer = data!.neighborhood;
    expect(subgraphOf(answer).relationships.length).toBeGreaterThan(0);
    const missing = answer.edges[0].citations[0].sourceId;
    const broken = { ...answer, sources: answer.sources.filter((s: { id: string }) => s.id !== missing) };
    let error: unknown;
    try {
      subgraphOf(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLClientError);
    expect((error as GraphQLClientError).code).toBe('BAD_RESPONSE');
    expect((error as GraphQLClientError).message).toContain(missing);
  });
});

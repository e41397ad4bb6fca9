/**
 * The peer: the same depth-2 neighbourhood (limit 500) served by
 * `@neo4j/graphql`, the official GraphQL library for Neo4j, over the same
 * Neo4j server and the same HTTP stack as Steppe's API in this benchmark
 * (@apollo/server's `executeHTTPGraphQLRequest` behind bench/http-server.ts).
 *
 * `@neo4j/graphql` generates reads from type definitions; a breadth-first
 * neighbourhood with a size limit and a degree order is not one of them, so
 * the peer is what its documentation offers for custom reads: a `@cypher`
 * field. Its one Cypher statement computes the same answer as Steppe's store
 * (graph/neo4j/traversal.ts): the centre, then each level by total degree
 * (descending) and id, cut at the limit, `truncated` when an actor was left
 * out; the relationships among the chosen actors ordered by id; and the
 * cited sources. It runs in one round trip inside the database, with the
 * Actor(id) and Source(id) uniqueness constraints Steppe's migrations create.
 *
 * What each side returns (bench/README.md says the same): Steppe answers the
 * explorer's selection, each actor's fields and degree, each relationship's
 * fields, its two ends as actor references and its citations parsed (excerpt
 * and source id), and each cited source once. The peer returns each actor's
 * fields and degree, each relationship's fields with its two ends' ids and
 * its citations as the stored JSON string, and each cited source once. Both
 * answers are checked to hold the same actors, relationships and sources in
 * the same order, centre by centre.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import type { Neo4jStoreConfig, SteppeConfig } from '../graph/config';
import type { GraphStore } from '../graph/core/store';
import { NEIGHBORHOOD_QUERY } from './graphql-overhead';
import { startServer, type FetchHandler } from './http-server';
import { median, summarize, type Summary } from './stats';

const LIMIT = 500;

/** Breadth-first, two levels, the same order and cut as graph/neo4j/traversal.ts (depth 2, no filters). */
const NEIGHBORHOOD_CYPHER = `
MATCH (c:Actor {id: $actorId})
CALL {
  WITH c
  MATCH (c)--(n:Actor) WHERE n <> c
  WITH DISTINCT n
  WITH n, COUNT { (n)--(:Actor) } AS degree ORDER BY degree DESC, n.id
  RETURN collect({node: n, degree: degree}) AS level1
}
WITH c, level1, $limit - 1 AS room
CALL {
  WITH c, level1, room
  WITH c, [x IN level1 | x.node] AS near, room, size(level1) AS found
  WHERE found <= room
  UNWIND near AS f
  MATCH (f)--(m:Actor) WHERE m <> c AND NOT m IN near
  WITH DISTINCT m
  WITH m, COUNT { (m)--(:Actor) } AS degree ORDER BY degree DESC, m.id
  RETURN collect({node: m, degree: degree}) AS level2
}
WITH c, room, size(level1) > room AS cut,
     CASE WHEN size(level1) > room THEN level1[..room] ELSE level1 + level2[..room - size(level1)] END AS rest,
     size(level2) > room - size(level1) AS cut2
WITH [{node: c, degree: COUNT { (c)--(:Actor) }}] + rest AS chosen, cut OR cut2 AS truncated
WITH chosen, truncated, [x IN chosen | x.node] AS nodes
CALL {
  WITH nodes
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Actor) WHERE b IN nodes
  WITH a, r, b ORDER BY r.id
  RETURN collect(r {.id, type: type(r), .role, .start, .end, .amount, .currency, .citations, source: a.id, target: b.id}) AS edges,
         collect(r.citationSources) AS cited
}
CALL {
  WITH cited
  UNWIND cited AS ids
  UNWIND ids AS sourceId
  WITH DISTINCT sourceId
  MATCH (s:Source {id: sourceId})
  WITH s ORDER BY s.id
  RETURN collect(s {.id, .title, .publisher, .authors, .published, .updated, .url, .textKind, .textNote}) AS sources
}
RETURN {
  truncated: truncated,
  nodes: [x IN chosen | {id: x.node.id, kind: x.node.kind, name: x.node.name, category: x.node.category, aliases: x.node.aliases,
                         summary: x.node.summary, tags: x.node.tags, degree: x.degree}],
  edges: edges,
  sources: sources
} AS result`;

export const PEER_TYPE_DEFS = /* GraphQL */ `
  type PeerActor { id: ID! kind: String! name: String! category: String aliases: [String!] summary: String tags: [String!] degree: Int! }
  type PeerRelationship { id: ID! type: String! role: String start: String end: String amount: Float currency: String source: ID! target: ID! citations: String! }
  type PeerSource { id: ID! title: String! publisher: String authors: [String!] published: String updated: String url: String textKind: String textNote: String }
  type PeerNeighborhood { truncated: Boolean! nodes: [PeerActor!]! edges: [PeerRelationship!]! sources: [PeerSource!]! }
  type Actor @node { id: ID! kind: String! name: String! }
  type Query {
    neighborhood(actorId: ID!, limit: Int!): PeerNeighborhood
      @cypher(statement: """${NEIGHBORHOOD_CYPHER}""", columnName: "result")
  }
`;

export const PEER_QUERY = /* GraphQL */ `
  query PeerNeighborhood($actorId: ID!, $limit: Int!) {
    neighborhood(actorId: $actorId, limit: $limit) {
      truncated
      nodes { id kind name category aliases summary tags degree }
      edges { id type role start end amount currency source target citations }
      sources { id title publisher authors published updated url textKind textNote }
    }
  }
`;

export interface PeerResult {
  library: string;
  samples: number;
  /** Steppe's GraphQL over HTTP on Neo4j (the explorer's selection, depth 2, limit 500). */
  steppe: Summary;
  peer: Summary;
  /** median(Steppe) ÷ median(peer), measured interleaved in one run; target ≤ 1.0. */
  ratio: number;
  meanSteppeBytes: number;
  meanPeerBytes: number;
}

interface Answer {
  data?: { neighborhood: { truncated: boolean; nodes: { id: string }[]; edges: { id: string }[]; sources: { id: string }[] } | null };
  errors?: unknown[];
}

/** A Fetch-style handler around an Apollo server: JSON body parsed, the rest left to Apollo, as Steppe's handler does. */
function apolloHandler(server: ApolloServer): FetchHandler {
  return async (request) => {
    const url = new URL(request.url);
    const headers = new HeaderMap();
    request.headers.forEach((value, key) => headers.set(key, value));
    const body: unknown = request.method === 'POST' ? JSON.parse(await request.text()) : undefined;
    const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: request.method, headers, search: url.search, body }, context: async () => ({}) });
    const out = new Headers();
    for (const [k, v] of result.headers) out.set(k, v);
    if (result.body.kind !== 'complete') throw new Error('the peer answered with a chunked body');
    return new Response(result.body.string, { status: result.status ?? 200, headers: out });
  };
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<{ answer: Answer; bytes: number; ms: number }> {
  const t = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const answer = JSON.parse(text) as Answer;
  const ms = performance.now() - t;
  if (response.status !== 200 || answer.errors?.length || !answer.data?.neighborhood) {
    throw new Error(`HTTP ${response.status} from ${url}: ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
  }
  return { answer, bytes: Buffer.byteLength(text), ms };
}

/** The installed @neo4j/graphql version (its package.json is not among the package's exports). */
function libraryVersion(): string {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../node_modules/@neo4j/graphql/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).join(',');

/**
 * Steppe's API and the peer, one request each per centre, alternating which goes first,
 * after the same warm-up for both; every pair of answers must hold the same actors and relationships.
 */
export async function measurePeer(store: GraphStore, config: SteppeConfig, centres: readonly string[], warmup = 10): Promise<PeerResult> {
  const { createGraphqlApi } = await import('../graph/api/handler');
  const neo = config.store as Neo4jStoreConfig;
  const driver = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password), { userAgent: 'steppe-bench-peer' });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const peerApollo = new ApolloServer({ schema, introspection: false });
  await peerApollo.start();
  const steppeApi = createGraphqlApi({ store, config });
  const steppeServer = await startServer(steppeApi.handle);
  const peerServer = await startServer(apolloHandler(peerApollo));
  const steppeUrl = `${steppeServer.url}/api/graphql`;
  const peerUrl = `${peerServer.url}/graphql`;
  const wall = { steppe: [] as number[], peer: [] as number[] };
  let steppeBytes = 0;
  let peerBytes = 0;
  try {
    for (let i = -warmup; i < centres.length; i++) {
      const actorId = centres[(i + centres.length) % centres.length];
      const steppeAsk = () => post(steppeUrl, NEIGHBORHOOD_QUERY, { actorId, depth: 2, limit: LIMIT });
      const peerAsk = () => post(peerUrl, PEER_QUERY, { actorId, limit: LIMIT });
      let s: Awaited<ReturnType<typeof post>>;
      let p: Awaited<ReturnType<typeof post>>;
      if (i % 2 === 0) {
        s = await steppeAsk();
        p = await peerAsk();
      } else {
        p = await peerAsk();
        s = await steppeAsk();
      }
      const a = s.answer.data!.neighborhood!;
      const b = p.answer.data!.neighborhood!;
      if (ids(a.nodes) !== ids(b.nodes) || ids(a.edges) !== ids(b.edges) || ids(a.sources) !== ids(b.sources) || a.truncated !== b.truncated) {
        throw new Error(`The peer's neighbourhood of ${actorId} differs from Steppe's (${a.nodes.length}/${a.edges.length} vs ${b.nodes.length}/${b.edges.length})`);
      }
      if (i < 0) continue;
      wall.steppe.push(s.ms);
      wall.peer.push(p.ms);
      steppeBytes += s.bytes;
      peerBytes += p.bytes;
    }
  } finally {
    await steppeServer.close();
    await peerServer.close();
    await steppeApi.server.stop();
    await peerApollo.stop();
    await driver.close();
  }
  const n = wall.steppe.length;
  return {
    library: `@neo4j/graphql ${libraryVersion()}`,
    samples: n,
    steppe: summarize(wall.steppe),
    peer: summarize(wall.peer),
    ratio: median(wall.steppe) / median(wall.peer),
    meanSteppeBytes: steppeBytes / n,
    meanPeerBytes: peerBytes / n,
  };
}

/**
 * GraphQL-over-HTTP overhead: a depth-2 neighbourhood (limit 500) asked of the
 * store directly, of the GraphQL API in-process, and of the GraphQL API over
 * HTTP on loopback, interleaved centre by centre so all three see the same
 * heap and caches. The headline ratio is median(HTTP) ÷ median(store call).
 *
 * The GraphQL side asks what the explorer asks: its NeighborhoodFields
 * fragment (app/_lib/queries.ts: actors with their degree, relationships with
 * citations naming their source by id, each cited source once), checked at
 * start-up against the request the explorer's own `fetchNeighborhood` sends,
 * so the number follows the UI. That selection needs more than
 * `store.neighborhood` returns (each node's `degree`, the cited source
 * records), so a second baseline times every store call the answer needs. The explorer's exact
 * request (depth 1, limit 150) is measured too, through its own client code.
 *
 * Besides wall time (the target's measure), CPU time (user + system of this
 * process, which holds both server and client) is reported: on a shared,
 * loaded machine it is the steadier number.
 *
 * The target's measure is the "JSON floor over HTTP": the same answer,
 * already serialised (the bytes of that GraphQL answer), served by a plain
 * handler on the same node:http server and Fetch adaptor, POSTed the same
 * request body and read by the same client code (`fetch`, `response.json()`).
 * It is what moving that answer over this HTTP stack costs with no store call,
 * no GraphQL and no serialising; headline ratio = median(GraphQL over HTTP) ÷
 * median(floor over HTTP). The older in-memory floor (JSON.stringify +
 * JSON.parse of the body) is still reported beside the store call.
 */
import { Kind, parse, print, visit, type DocumentNode } from 'graphql';
import { NeighborhoodFields } from '../app/_lib/queries';
import type { SteppeConfig } from '../graph/config';
import type { GraphStore } from '../graph/core/store';
import { startServer } from './http-server';
import { median, summarize } from './stats';

/**
 * The explorer's own fragments, taken from its typed document (app/_lib/queries.ts)
 * rather than copied, each definition once; `explorerRequest()` still checks that
 * the explorer's request carries exactly these and selects the same on `neighborhood`.
 */
const EXPLORER_FRAGMENTS = [
  ...new Map(
    (NeighborhoodFields as unknown as DocumentNode).definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, print(d)] as const),
  ).values(),
].join('\n');

export const NEIGHBORHOOD_QUERY = /* GraphQL */ `
  query BenchNeighborhood($actorId: ID!, $depth: Int!, $limit: Int!) {
    neighborhood(actorId: $actorId, depth: $depth, limit: $limit) { ...NeighborhoodFields }
  }
  ${EXPLORER_FRAGMENTS}
`;

export interface Medians {
  storeMs: number;
  httpMs: number;
  /** httpMs ÷ storeMs. */
  ratio: number;
}

export interface OverheadResult {
  samples: number;
  /** The same answer pre-serialised, served over the same HTTP stack and read by the same client code. */
  httpFloorMedianMs: number;
  /** httpMedianMs ÷ httpFloorMedianMs: the target's ratio. */
  floorHttpRatio: number;
  /** The same request as a GET (the full answer, with its ETag). */
  httpGetMedianMs: number;
  /** That GET again with If-None-Match: 304, no body (what a client holding the answer pays while the store is unchanged). */
  revalidateMedianMs: number;
  /** `store.neighborhood` alone. */
  storeMedianMs: number;
  /** The GraphQL API called in-process (parse, validate, execute, no HTTP). */
  graphqlInProcessMedianMs: number;
  httpMedianMs: number;
  /** httpMedianMs ÷ storeMedianMs. */
  ratio: number;
  /** Mean actors and relationships per answer, for scale. */
  meanActors: number;
  meanRelationships: number;
  /** Mean size of the HTTP response body. */
  meanResponseBytes: number;
  /** Every store call the answer needs: the neighbourhood, its nodes' degrees, the cited sources. */
  storeAllMedianMs: number;
  /** JSON.stringify + JSON.parse of the response body. */
  jsonFloorMedianMs: number;
  /** (store call + JSON floor) ÷ store call: the ratio no JSON-over-HTTP API can beat. */
  floorRatio: number;
  /** The same measures in CPU time. */
  cpu: { storeMs: number; storeAllMs: number; graphqlInProcessMs: number; httpMs: number; jsonFloorMs: number; ratio: number; httpFloorMs: number; floorHttpRatio: number; httpGetMs: number; revalidateMs: number };
  /** The explorer's own request (depth 1, limit 150), sent by its `fetchNeighborhood`; `httpP95Ms` is its p95 over HTTP. */
  explorer: Medians & { depth: number; limit: number; httpP95Ms: number };
}

interface NeighborhoodData {
  neighborhood: { truncated: boolean; nodes: { id: string }[]; edges: { id: string; citations: { sourceId: string }[] }[]; sources: { id: string }[] } | null;
}

/** Where the bench server serves the floor: the pre-serialised answer. */
const FLOOR_PATH = '/floor';

const sameIds = (a: { id: string }[], b: { id: string }[]) => a.length === b.length && a.every((x, i) => x.id === b[i].id);

const fragmentsOf = (doc: DocumentNode) =>
  doc.definitions
    .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
    .map((d) => print(d))
    .sort();

/** The document's `neighborhood` field: the `depth` it asks for (a literal or a variable; 1 when omitted, as in the schema) and its printed selection. */
function neighborhoodField(doc: DocumentNode, variables: Record<string, unknown>): { depth: number; selection: string } {
  let depth = 1;
  let selection = '';
  visit(doc, {
    Field(node) {
      if (node.name.value !== 'neighborhood') return;
      const value = node.arguments?.find((a) => a.name.value === 'depth')?.value;
      if (value?.kind === Kind.INT) depth = Number(value.value);
      else if (value?.kind === Kind.VARIABLE) depth = Number(variables[value.name.value] ?? 1);
      selection = node.selectionSet ? print(node.selectionSet) : '';
    },
  });
  return { depth, selection };
}

/**
 * The request the explorer sends for a neighbourhood, captured from its own
 * client code, after checking its fragments equal EXPLORER_FRAGMENTS.
 */
async function explorerRequest(): Promise<{ query: string; variables: { limit: number } & Record<string, unknown>; depth: number; send(actorId: string): Promise<unknown> }> {
  const { fetchNeighborhood } = await import('../app/_lib/queries');
  const realFetch = globalThis.fetch;
  let captured: { query: string; variables: { limit: number } & Record<string, unknown> } | undefined;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    // Its reads go as GET (query and variables in the URL), longer ones as POST.
    const params = new URL(String(input), 'http://bench').searchParams;
    captured = init?.body ? JSON.parse(String(init.body)) : { query: params.get('query')!, variables: JSON.parse(params.get('variables') ?? '{}') };
    return new Response(JSON.stringify({ data: { neighborhood: null } }), { headers: { 'content-type': 'application/json' } });
  };
  try {
    await fetchNeighborhood('probe');
  } finally {
    globalThis.fetch = realFetch;
  }
  if (!captured) throw new Error('fetchNeighborhood sent no request');
  const doc = parse(captured.query);
  const field = neighborhoodField(doc, captured.variables);
  if (
    JSON.stringify(fragmentsOf(doc)) !== JSON.stringify(fragmentsOf(parse(EXPLORER_FRAGMENTS))) ||
    field.selection !== neighborhoodField(parse(NEIGHBORHOOD_QUERY), {}).selection
  ) {
    throw new Error('bench/graphql-overhead.ts: the explorer request no longer asks the neighbourhood what NEIGHBORHOOD_QUERY asks (app/_lib/queries.ts)');
  }
  return { query: captured.query, variables: captured.variables, depth: field.depth, send: fetchNeighborhood };
}

/** Runs `fn`, returning its result with wall and CPU milliseconds. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  const c = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (c.user + c.system) / 1000 };
}

export async function measureGraphqlOverhead(store: GraphStore, config: SteppeConfig, centres: readonly string[], warmup = 10): Promise<OverheadResult> {
  // Imported here, not at the top, so a caller can set NODE_ENV before graphql-js loads (it reads it once).
  const { createGraphqlApi } = await import('../graph/api/handler');
  const api = createGraphqlApi({ store, config });
  const realFetch = globalThis.fetch;
  // The floor's answer: set before each floor request, already serialised.
  let floorBody = new Uint8Array();
  const server = await startServer(async (request) => {
    if (new URL(request.url).pathname !== FLOOR_PATH) return api.handle(request);
    await request.text();
    return new Response(floorBody, { headers: { 'content-type': 'application/graphql-response+json; charset=utf-8' } });
  });
  const endpoint = `${server.url}/api/graphql`;
  const post = async (url: string, body: string) => {
    const response = await realFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body,
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${url}`);
    return (await response.json()) as { data?: NeighborhoodData; errors?: unknown[] };
  };
  const explorer = await explorerRequest();
  const wall = { store: [] as number[], storeAll: [] as number[], inProcess: [] as number[], http: [] as number[], floor: [] as number[], httpFloor: [] as number[], get: [] as number[], revalidate: [] as number[], explorerStore: [] as number[], explorerHttp: [] as number[] };
  const cpu = { store: [] as number[], storeAll: [] as number[], inProcess: [] as number[], http: [] as number[], floor: [] as number[], httpFloor: [] as number[], get: [] as number[], revalidate: [] as number[] };
  let actors = 0;
  let relationships = 0;
  let bytes = 0;
  // The explorer's client posts to the relative /api/graphql, as in a browser; here that is the bench server.
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => realFetch(typeof input === 'string' && input.startsWith('/') ? `${server.url}${input}` : input, init);
  try {
    for (let i = -warmup; i < centres.length; i++) {
      const actorId = centres[(i + centres.length) % centres.length];
      const variables = { actorId, depth: 2, limit: 500 };

      const direct = await timed(() => store.neighborhood({ actorId, depth: 2, limit: 500 }));
      const all = await timed(async () => {
        const sub = await store.neighborhood({ actorId, depth: 2, limit: 500 });
        const cited = new Set(sub.relationships.flatMap((r) => r.citations.map((c) => c.sourceId)));
        await Promise.all([store.degrees(sub.actors.map((a) => a.id)), store.getSources([...cited])]);
      });
      const inProcess = await timed(() => api.execute<NeighborhoodData>(NEIGHBORHOOD_QUERY, variables));
      const requestBody = JSON.stringify({ query: NEIGHBORHOOD_QUERY, variables });
      const http = await timed(() => post(endpoint, requestBody));
      let text = '';
      const floor = await timed(async () => {
        text = JSON.stringify(http.value);
        return JSON.parse(text) as unknown;
      });
      floorBody = Buffer.from(text);
      const httpFloor = await timed(() => post(`${server.url}${FLOOR_PATH}`, requestBody));
      if (!sameIds(httpFloor.value.data!.neighborhood!.nodes, direct.value.actors)) throw new Error('The floor answered another body');

      // The same read as a GET (how HTTP caches reuse answers), then revalidated with its ETag.
      const getUrl = `${endpoint}?${new URLSearchParams({ query: NEIGHBORHOOD_QUERY, variables: JSON.stringify(variables) })}`;
      const getHeaders = { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' };
      let etag = '';
      const get = await timed(async () => {
        const response = await realFetch(getUrl, { headers: getHeaders });
        etag = response.headers.get('etag') ?? '';
        return (await response.json()) as { data?: NeighborhoodData };
      });
      if (!etag || !sameIds(get.value.data!.neighborhood!.nodes, direct.value.actors)) throw new Error(`GET of the neighbourhood of ${actorId}: no ETag or another answer`);
      const revalidate = await timed(async () => {
        const response = await realFetch(getUrl, { headers: { ...getHeaders, 'if-none-match': etag } });
        await response.arrayBuffer();
        return response.status;
      });
      if (revalidate.value !== 304) throw new Error(`Revalidating the neighbourhood of ${actorId} answered ${revalidate.value}, not 304`);

      for (const [how, result] of [['in-process', inProcess.value], ['HTTP', http.value]] as const) {
        const n = result.data?.neighborhood;
        if (result.errors?.length || !n) throw new Error(`GraphQL ${how} neighbourhood of ${actorId} failed: ${JSON.stringify(result.errors)}`);
        if (!sameIds(n.nodes, direct.value.actors) || !sameIds(n.edges, direct.value.relationships)) {
          throw new Error(`GraphQL ${how} neighbourhood of ${actorId} differs from the store's answer`);
        }
        const cited = [...new Set(n.edges.flatMap((e) => e.citations.map((c) => c.sourceId)))].sort();
        if (n.sources.map((x) => x.id).join() !== cited.join()) throw new Error(`GraphQL ${how} neighbourhood of ${actorId}: its sources are not the cited ones`);
      }

      const explorerStore = await timed(() => store.neighborhood({ actorId, depth: explorer.depth, limit: explorer.variables.limit }));
      const explorerHttp = await timed(() => explorer.send(actorId) as Promise<{ actors: { id: string }[] }>);
      if (!sameIds(explorerHttp.value.actors, explorerStore.value.actors)) throw new Error(`The explorer's neighbourhood of ${actorId} differs from the store's answer`);

      if (i < 0) continue;
      wall.store.push(direct.ms);
      wall.storeAll.push(all.ms);
      wall.inProcess.push(inProcess.ms);
      wall.http.push(http.ms);
      wall.floor.push(floor.ms);
      wall.httpFloor.push(httpFloor.ms);
      wall.get.push(get.ms);
      wall.revalidate.push(revalidate.ms);
      wall.explorerStore.push(explorerStore.ms);
      wall.explorerHttp.push(explorerHttp.ms);
      cpu.store.push(direct.cpuMs);
      cpu.storeAll.push(all.cpuMs);
      cpu.inProcess.push(inProcess.cpuMs);
      cpu.http.push(http.cpuMs);
      cpu.floor.push(floor.cpuMs);
      cpu.httpFloor.push(httpFloor.cpuMs);
      cpu.get.push(get.cpuMs);
      cpu.revalidate.push(revalidate.cpuMs);
      actors += direct.value.actors.length;
      relationships += direct.value.relationships.length;
      bytes += Buffer.byteLength(text);
    }
  } finally {
    globalThis.fetch = realFetch;
    await server.close();
    await api.server.stop();
  }
  const n = wall.store.length;
  const storeMedianMs = median(wall.store);
  const httpMedianMs = median(wall.http);
  const jsonFloorMedianMs = median(wall.floor);
  const explorerStoreMs = median(wall.explorerStore);
  const explorerHttpMs = median(wall.explorerHttp);
  const cpuStore = median(cpu.store);
  const cpuHttp = median(cpu.http);
  const httpFloorMedianMs = median(wall.httpFloor);
  const cpuHttpFloor = median(cpu.httpFloor);
  return {
    samples: n,
    httpFloorMedianMs,
    floorHttpRatio: httpMedianMs / httpFloorMedianMs,
    httpGetMedianMs: median(wall.get),
    revalidateMedianMs: median(wall.revalidate),
    storeMedianMs,
    graphqlInProcessMedianMs: median(wall.inProcess),
    httpMedianMs,
    ratio: httpMedianMs / storeMedianMs,
    meanActors: actors / n,
    meanRelationships: relationships / n,
    meanResponseBytes: bytes / n,
    storeAllMedianMs: median(wall.storeAll),
    jsonFloorMedianMs,
    floorRatio: (storeMedianMs + jsonFloorMedianMs) / storeMedianMs,
    cpu: {
      storeMs: cpuStore,
      storeAllMs: median(cpu.storeAll),
      graphqlInProcessMs: median(cpu.inProcess),
      httpMs: cpuHttp,
      jsonFloorMs: median(cpu.floor),
      ratio: cpuHttp / cpuStore,
      httpFloorMs: cpuHttpFloor,
      floorHttpRatio: cpuHttp / cpuHttpFloor,
      httpGetMs: median(cpu.get),
      revalidateMs: median(cpu.revalidate),
    },
    explorer: {
      depth: explorer.depth,
      limit: explorer.variables.limit,
      storeMs: explorerStoreMs,
      httpMs: explorerHttpMs,
      httpP95Ms: summarize(wall.explorerHttp).p95,
      ratio: explorerHttpMs / explorerStoreMs,
    },
  };
}

// ---------------------------------------------------------------------------
// `npx tsx bench/graphql-overhead.ts [--actors N] [--centres N]`: one run on a
// generated graph (default 10 000 actors, ~50 000 relationships) in a
// temporary embedded store, with the API's default limits; prints the ratio.
// Runs with NODE_ENV=production unless set, as a deployed server does.
// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  (process.env as Record<string, string | undefined>).NODE_ENV ??= 'production';
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { loadConfig } = await import('../graph/config');
  const { MemoryStore } = await import('../graph/memory');
  const { generateGraph } = await import('./generate');
  const { pickProbes } = await import('./probes');

  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    const n = i > 0 ? Number(process.argv[i + 1]) : fallback;
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  const actorCount = arg('actors', 10_000);
  const centreCount = arg('centres', 200);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'steppe-bench-overhead-'));
  const store = await MemoryStore.open({ dataDir: dir });
  try {
    const graph = generateGraph({ actors: actorCount });
    await store.importGraph(graph, { by: 'bench' });
    const centres = pickProbes(graph).centres.slice(0, centreCount);
    const config = loadConfig({ store: { kind: 'memory', dataDir: dir }, loadDatasetWhenEmpty: false, production: true }, {});
    console.log(`NODE_ENV=${process.env.NODE_ENV}; graph: ${graph.actors.length} actors, ${graph.relationships.length} relationships; ${centres.length} centres`);
    const r = await measureGraphqlOverhead(store, config, centres);
    const ms = (x: number) => `${x.toFixed(2)} ms`.padStart(10);
    console.log(`depth-2 neighbourhoods (limit 500), the explorer's selection: ${r.meanActors.toFixed(0)} actors, ${r.meanRelationships.toFixed(0)} relationships, ${(r.meanResponseBytes / 1000).toFixed(0)} kB of JSON on average (${r.samples} samples)`);
    console.log('                                      wall median   CPU median');
    console.log(`store.neighborhood                   ${ms(r.storeMedianMs)}   ${ms(r.cpu.storeMs)}`);
    console.log(`every store call the answer needs    ${ms(r.storeAllMedianMs)}   ${ms(r.cpu.storeAllMs)}`);
    console.log(`GraphQL in-process                   ${ms(r.graphqlInProcessMedianMs)}   ${ms(r.cpu.graphqlInProcessMs)}`);
    console.log(`GraphQL over HTTP                    ${ms(r.httpMedianMs)}   ${ms(r.cpu.httpMs)}`);
    console.log(`JSON floor (stringify + parse)       ${ms(r.jsonFloorMedianMs)}   ${ms(r.cpu.jsonFloorMs)}`);
    console.log(`JSON floor over HTTP (pre-serialised)${ms(r.httpFloorMedianMs)}   ${ms(r.cpu.httpFloorMs)}`);
    console.log(`GraphQL over HTTP, GET                 ${ms(r.httpGetMedianMs)}   ${ms(r.cpu.httpGetMs)}`);
    console.log(`GET revalidated (If-None-Match → 304)  ${ms(r.revalidateMedianMs)}   ${ms(r.cpu.revalidateMs)}`);
    console.log(`full answer: GraphQL over HTTP ÷ JSON floor over HTTP: ${r.floorHttpRatio.toFixed(2)}× wall, ${r.cpu.floorHttpRatio.toFixed(2)}× CPU (target ≤ 1.5×)`);
    console.log(`revalidated: 304 ÷ JSON floor over HTTP: ${(r.revalidateMedianMs / r.httpFloorMedianMs).toFixed(2)}× wall, ${(r.cpu.revalidateMs / r.cpu.httpFloorMs).toFixed(2)}× CPU`);
    console.log(`GraphQL over HTTP ÷ store call: ${r.ratio.toFixed(2)}× wall, ${r.cpu.ratio.toFixed(2)}× CPU`);
    console.log(`  against every store call the answer needs: ${(r.httpMedianMs / r.storeAllMedianMs).toFixed(2)}× wall`);
    console.log(`  floor for any JSON-over-HTTP API, (store + JSON floor) ÷ store: ${r.floorRatio.toFixed(2)}×`);
    console.log(`the explorer's own request (depth ${r.explorer.depth}, limit ${r.explorer.limit}): ${ms(r.explorer.httpMs).trim()} vs store ${ms(r.explorer.storeMs).trim()} = ${r.explorer.ratio.toFixed(2)}×`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /graphql-overhead\.ts$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

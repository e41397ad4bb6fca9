/**
 * GraphQL over HTTP for the Fetch API (`Request` → `Response`), used by
 * app/api/graphql/route.ts and by the API tests. Before Apollo sees a request
 * it checks what Apollo cannot: the body size (before reading it whole or
 * parsing it), the content type, and the JSON itself. Then Apollo's
 * `executeHTTPGraphQLRequest` does the rest (GET/POST rules, CSRF prevention,
 * content negotiation between application/graphql-response+json and
 * application/json, status codes).
 *
 * Status codes (application/graphql-response+json): malformed requests get 400
 * (bad JSON, no query, parse or validation errors, variables of the wrong type,
 * QUERY_TOO_COMPLEX; with legacy application/json, a well-formed request
 * whose document or variables are wrong gets 200 as the spec advises), 405
 * (a mutation over GET, other methods), 406, 413 (body too large), 415 (POST
 * without a JSON content type); a mutation without the admin token gets 401
 * (UNAUTHENTICATED) or 403 (FORBIDDEN on a read-only server). Once execution
 * starts the status is 200 and errors, including STORE_UNAVAILABLE, are in
 * `errors` next to whatever `data` could be resolved, as the GraphQL-over-HTTP
 * spec asks for application/graphql-response+json. When the store cannot be
 * opened at all, nothing executes and the answer is 503 STORE_UNAVAILABLE
 * with Retry-After.
 *
 * GET answers carry an ETag derived from the store's version and are
 * revalidated with If-None-Match (304 without executing): http-cache.ts.
 */
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { SteppeConfig } from '../config';
import { StoreUnavailableError, isSteppeError } from '../core/errors';
import type { GraphStore } from '../core/store';
import { adminTokensOf, authenticateAs } from './auth';
import { createApiCaches, createContext, type ApiContext } from './context';
import { httpError } from './format-error';
import { matchesEtag, readCacheHeaders, readEtags } from './http-cache';
import type { ExecutorStats } from './jit-gateway';
import { loadSchemaText } from './schema';
import { createApolloServer } from './server';
import { storeVersion, type StoreVersion } from './store-version';

/** A store, or a function that opens (or re-opens) it for each request. */
export type StoreSource = GraphStore | (() => Promise<GraphStore>);

export interface GraphqlApiOptions {
  store: StoreSource;
  config: SteppeConfig;
}

export type GraphqlHandler = (request: Request) => Promise<Response>;

export interface ExecuteResult<T> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface GraphqlApi {
  /** Serves one HTTP request. */
  handle: GraphqlHandler;
  /** Runs an operation in-process (server components): same schema, resolvers, limits and error codes; never allowed to write. */
  execute<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<ExecuteResult<T>>;
  server: ApolloServer<ApiContext>;
  /** How many operations ran interpreted (a document's first time) and compiled (jit-gateway.ts). */
  executions: ExecutorStats;
}

const MEDIA_GRAPHQL_RESPONSE = 'application/graphql-response+json';
const MEDIA_JSON = 'application/json';

/** The media type for an error we answer ourselves: graphql-response+json when the client accepts it. */
function responseMediaType(accept: string | null): string {
  return accept && accept.toLowerCase().includes(MEDIA_GRAPHQL_RESPONSE) ? MEDIA_GRAPHQL_RESPONSE : MEDIA_JSON;
}

function requestError(request: Request, status: number, message: string, extraHeaders: Record<string, string> = {}): Response {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  return new Response(body, {
    status,
    headers: { 'content-type': `${responseMediaType(request.headers.get('accept'))}; charset=utf-8`, 'cache-control': 'no-store', ...extraHeaders },
  });
}

class BodyTooLarge extends Error {}

/** Reads at most `limit` bytes of the body; throws BodyTooLarge past that, without buffering the rest. */
async function readBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

/** GET from a browser tab with no query: send people to the playground rather than a JSON error. */
function wantsPlayground(request: Request, url: URL): boolean {
  if (request.method !== 'GET' || url.searchParams.has('query')) return false;
  const accept = request.headers.get('accept') ?? '';
  return accept.includes('text/html') && !accept.includes(MEDIA_GRAPHQL_RESPONSE);
}

/** Errors of a well-formed request: the document or variables were wrong, not the HTTP request. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'QUERY_TOO_COMPLEX']);

/**
 * Apollo answers parse, validation and variable errors with 400 whatever the
 * media type. For legacy `application/json` responses the GraphQL-over-HTTP
 * spec asks for 200 on any well-formed request, so those become 200 there;
 * `application/graphql-response+json` keeps 400.
 */
function statusFor(result: HTTPGraphQLResponse, status: number, contentType: string | null): number {
  if (status !== 400 || result.body.kind !== 'complete' || !contentType?.startsWith(MEDIA_JSON)) return status;
  try {
    const errors = (JSON.parse(result.body.string) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
    return errors.length && errors.every((e) => REQUEST_ERROR_CODES.has(e.extensions?.code ?? '')) ? 200 : status;
  } catch {
    return status;
  }
}

const utf8 = new TextEncoder();

/** `cacheHeaders`: for a GET read, the headers that let a 200 answer without errors be revalidated (http-cache.ts). */
function toResponse(result: HTTPGraphQLResponse, cacheHeaders?: Record<string, string>): Response {
  const headers = new Headers();
  for (const [k, v] of result.headers) headers.set(k, v);
  const status = statusFor(result, result.status ?? 200, headers.get('content-type'));
  // Apollo writes `errors` first, so an answer with errors starts with it.
  if (cacheHeaders && status === 200 && result.body.kind === 'complete' && !result.body.string.startsWith('{"errors"')) {
    for (const [k, v] of Object.entries(cacheHeaders)) headers.set(k, v);
  }
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  // Encoded here rather than handed over as a string: a string body makes undici scan it for lone
  // surrogates (webidl toUSVString) before encoding, which cost as much as serialising a 300 kB answer
  // (JSON.stringify escapes lone surrogates, so the scan can find nothing). TextEncoder, not
  // Buffer.from: about 3× faster on the two-byte strings that Cyrillic names make.
  if (result.body.kind === 'complete') return new Response(utf8.encode(result.body.string), { status, headers });
  const chunks = result.body.asyncIterator;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, { status, headers });
}

export function createGraphqlApi({ store, config }: GraphqlApiOptions): GraphqlApi {
  const executions: ExecutorStats = { interpreted: 0, compiled: 0 };
  const server = createApolloServer(config, executions);
  server.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
  const caches = createApiCaches(config);
  const etagOf = readEtags(loadSchemaText());

  /** The store for this request; an outage while opening it becomes STORE_UNAVAILABLE (503) before anything runs. */
  async function openStore(): Promise<GraphStore> {
    try {
      return typeof store === 'function' ? await store() : store;
    } catch (e) {
      const err = isSteppeError(e) && e.code === 'STORE_UNAVAILABLE' ? e : new StoreUnavailableError('The graph store cannot be reached', { cause: e });
      if (err !== e) console.error('graphql: cannot open store:', e);
      throw httpError(err, 503, { 'retry-after': '5' });
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const { status: auth, name: writer } = authenticateAs(request.headers.get('authorization'), adminTokensOf(config));
    // Writers may send whole source files (evidence intake); anonymous bodies stay small.
    const maxBodyBytes = auth === 'ADMIN' ? Math.max(config.limits.maxBodyBytes, config.limits.maxAdminBodyBytes) : config.limits.maxBodyBytes;
    if (wantsPlayground(request, url)) return new Response(null, { status: 302, headers: { location: '/playground' } });

    let body: unknown = undefined;
    if (method === 'GET') {
      if (url.search.length > maxBodyBytes) return requestError(request, 414, `The query string is longer than ${maxBodyBytes} bytes.`);
    } else if (method === 'POST') {
      const contentType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (contentType !== MEDIA_JSON) {
        return requestError(request, 415, 'POST requests need "Content-Type: application/json" with a JSON body {"query": "...", "variables": {...}}.');
      }
      // JSON is UTF-8 (RFC 8259); a body declared as another charset would otherwise be read as UTF-8 and silently garbled.
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers.get('content-type') ?? '')?.[1].toLowerCase();
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
        return requestError(request, 415, `The request body must be UTF-8 JSON; charset=${charset.slice(0, 40)} is not supported.`);
      }
      let text: string;
      try {
        text = await readBody(request, maxBodyBytes);
      } catch (e) {
        if (e instanceof BodyTooLarge) return requestError(request, 413, `The request body is larger than ${maxBodyBytes} bytes.`);
        return requestError(request, 400, 'The request body is not valid UTF-8.');
      }
      try {
        body = JSON.parse(text);
      } catch {
        return requestError(request, 400, 'The request body is not valid JSON.');
      }
    }

    // A GET read learns the store's version first (one read of the store, which the request's caches then reuse).
    const read = method === 'GET' ? await readVersion() : undefined;
    let cacheHeaders: Record<string, string> | undefined;
    if (read) {
      const admin = auth === 'ADMIN';
      cacheHeaders = readCacheHeaders(etagOf(read.version, { search: url.search, admin, accept: request.headers.get('accept') ?? '' }), admin);
      if (matchesEtag(request.headers.get('if-none-match'), cacheHeaders.etag)) return new Response(null, { status: 304, headers: cacheHeaders });
    }

    const headers = new HeaderMap();
    request.headers.forEach((value, key) => headers.set(key, value));
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => createContext(read?.store ?? (await openStore()), config, auth, caches, writer, read?.version),
    });
    return toResponse(result, cacheHeaders);
  }

  /** The store and its version; undefined when the store cannot say (no caching then: Apollo reports the outage). */
  async function readVersion(): Promise<{ store: GraphStore; version: StoreVersion } | undefined> {
    try {
      const opened = await openStore();
      return { store: opened, version: await storeVersion(opened) };
    } catch {
      return undefined;
    }
  }

  async function execute<T>(query: string, variables?: Record<string, unknown>): Promise<ExecuteResult<T>> {
    let contextValue: ApiContext;
    try {
      contextValue = createContext(await openStore(), config, 'ANONYMOUS', caches);
    } catch (e) {
      return { errors: [{ message: (e as Error).message, extensions: { code: 'STORE_UNAVAILABLE' } }] };
    }
    // Server-rendered pages only read: a caller passing a mutation gets FORBIDDEN/UNAUTHENTICATED like an anonymous client.
    if (!adminTokensOf(config).length) contextValue.auth = 'READ_ONLY_SERVER';
    const response = await server.executeOperation<T>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') return { errors: [{ message: 'Incremental delivery is not supported in-process', extensions: { code: 'BAD_REQUEST' } }] };
    const { data, errors } = response.body.singleResult;
    return { data, errors };
  }

  return { handle, execute, server, executions };
}

/** `(request) => Promise<Response>` serving GraphQL over HTTP against `store`. */
export function createGraphqlHandler(options: GraphqlApiOptions): GraphqlHandler {
  return createGraphqlApi(options).handle;
}

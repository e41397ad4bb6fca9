/**
 * The browser's only way to reach data: POST /api/graphql. Failures become a
 * `GraphQLClientError` whose `code` is the API's `extensions.code` (NOT_FOUND,
 * STORE_UNAVAILABLE, …) or one of the client's own (NETWORK_ERROR, HTTP_ERROR,
 * BAD_RESPONSE), so callers branch on codes, never on message text.
 */
import type { ErrorCode } from '@/graph/core/errors';
import { documentText, type Document } from './graphql';

export const GRAPHQL_ENDPOINT = '/api/graphql';

export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'HTTP_ERROR' | 'BAD_RESPONSE' | 'UNKNOWN';

interface GraphQLErrorPayload {
  message: string;
  path?: (string | number)[];
  /** A CONFLICT from a write based on an old version also carries the stored record (graph/api/format-error.ts). */
  extensions?: { code?: string; currentVersion?: unknown; current?: unknown };
}

export class GraphQLClientError extends Error {
  constructor(
    message: string,
    readonly code: ClientErrorCode,
    /** HTTP status, when a response arrived. */
    readonly status?: number,
    /** Every GraphQL error the response carried. */
    readonly errors: GraphQLErrorPayload[] = [],
  ) {
    super(message);
    this.name = 'GraphQLClientError';
  }

  /** Worth a retry button: the server or the network may recover. */
  get retryable(): boolean {
    return ['NETWORK_ERROR', 'HTTP_ERROR', 'STORE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'BAD_RESPONSE', 'UNKNOWN'].includes(this.code);
  }
}

export function isAbortError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

const KNOWN_CODES: ReadonlySet<string> = new Set<ClientErrorCode>([
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'STORE_UNAVAILABLE',
  'CONFIG_INVALID',
  'INTERNAL_SERVER_ERROR',
]);

function toCode(raw: string | undefined): ClientErrorCode {
  return raw && KNOWN_CODES.has(raw) ? (raw as ClientErrorCode) : raw === 'GRAPHQL_VALIDATION_FAILED' || raw === 'GRAPHQL_PARSE_FAILED' ? 'BAD_USER_INPUT' : 'UNKNOWN';
}

/**
 * Runs one typed document (./graphql.ts), so `data` has the shape the document
 * selects. Resolves with `data` when the response has no errors; otherwise
 * throws GraphQLClientError (an AbortError passes through untouched).
 */
export async function graphqlRequest<TData, TVariables>(
  document: Document<TData, TVariables>,
  variables: TVariables,
  options: { signal?: AbortSignal; /** Admin token for writes (sent as a bearer token). */ token?: string } = {},
): Promise<TData> {
  let response: Response;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: documentText(document), variables }),
      signal: options.signal,
    });
  } catch (e) {
    if (isAbortError(e)) throw e;
    throw new GraphQLClientError('The server could not be reached.', 'NETWORK_ERROR');
  }

  let body: { data?: TData | null; errors?: GraphQLErrorPayload[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch (e) {
    if (isAbortError(e)) throw e;
    body = undefined;
  }

  const errors = Array.isArray(body?.errors) ? body.errors : [];
  if (errors.length) {
    const first = errors[0];
    throw new GraphQLClientError(first.message || 'The request failed.', toCode(first.extensions?.code), response.status, errors);
  }
  if (!response.ok) throw new GraphQLClientError(`The server answered ${response.status}.`, 'HTTP_ERROR', response.status);
  if (!body || body.data === undefined || body.data === null) {
    throw new GraphQLClientError('The server sent an unreadable answer.', 'BAD_RESPONSE', response.status);
  }
  return body.data;
}

/** What a write based on an old version was refused with: the stored record's version and the record itself. */
export interface VersionConflict {
  currentVersion: number;
  current: Record<string, unknown>;
}

/** The version conflict behind an error, or null when it is another error (a CONFLICT such as a taken id has no current version). */
export function versionConflictOf(e: unknown): VersionConflict | null {
  if (!(e instanceof GraphQLClientError) || e.code !== 'CONFLICT') return null;
  const ext = e.errors[0]?.extensions;
  if (typeof ext?.currentVersion !== 'number' || typeof ext.current !== 'object' || ext.current === null) return null;
  return { currentVersion: ext.currentVersion, current: ext.current as Record<string, unknown> };
}

/** A sentence for people, by code. */
export function describeError(e: unknown): string {
  if (!(e instanceof GraphQLClientError)) return 'Something went wrong.';
  switch (e.code) {
    case 'NETWORK_ERROR':
      return 'The server could not be reached. Check your connection and try again.';
    case 'STORE_UNAVAILABLE':
      return 'The graph store is unavailable right now. Try again in a moment.';
    case 'NOT_FOUND':
      return 'Nothing with that id exists. It may have been merged, renamed or deleted.';
    case 'QUERY_TOO_COMPLEX':
      return 'That request is too large for the server. Narrow it down and try again.';
    case 'BAD_USER_INPUT':
    case 'CONFLICT':
      return e.message;
    case 'UNAUTHENTICATED':
      return 'That needs a valid admin token. Enter it and try again.';
    case 'FORBIDDEN':
      return 'This server is read-only: no admin token is configured, so nothing can be written.';
    case 'HTTP_ERROR':
      return `The server had a problem (HTTP ${e.status ?? '?'}). Try again.`;
    default:
      return 'The server had a problem answering. Try again.';
  }
}

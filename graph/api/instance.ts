/**
 * The app's one GraphQL API: the configured store (`getStore()`, opened
 * lazily and re-tried after a failure) and `loadConfig()`. The route handler
 * serves it over HTTP; server components call `executeQuery` to run the same
 * schema, resolvers and limits in-process.
 */
import { loadConfig } from '../config';
import { getStore } from '../open-store';
import { createGraphqlApi, type ExecuteResult, type GraphqlApi } from './handler';

let api: GraphqlApi | undefined;

export function getGraphqlApi(): GraphqlApi {
  api ??= createGraphqlApi({ store: getStore, config: loadConfig() });
  return api;
}

/** Serves one GraphQL-over-HTTP request (GET or POST). */
export function handleGraphqlRequest(request: Request): Promise<Response> {
  return getGraphqlApi().handle(request);
}

/**
 * Runs a query in-process, read-only, with the same validation, limits and
 * error codes as /api/graphql. Returns `{ data, errors }` as a client would see them.
 */
export function executeQuery<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<ExecuteResult<T>> {
  return getGraphqlApi().execute<T>(query, variables);
}

/** The dataset's counts for /api/health, read once per store version (dataset-counts.ts). */
export { datasetCounts } from './dataset-counts';

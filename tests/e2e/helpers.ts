/**
 * Shared constants and helpers for the browser specs. The server under test is
 * started by playwright.config.ts with these values.
 */
import type { APIRequestContext } from '@playwright/test';

/** Port of the production server the specs run against. Env `STEPPE_E2E_PORT`, default 3310. */
export const E2E_PORT = Number(process.env.STEPPE_E2E_PORT || 3310);

/** Admin token the test server is started with; lets specs write through the API. */
export const ADMIN_TOKEN = 'e2e-admin-token-not-a-secret';

/** Well-known actors and sources of the bundled dataset. */
export const DATASET = {
  tokayev: 'kassym-jomart-tokayev',
} as const;

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs a GraphQL operation to /api/graphql; `admin` adds the bearer token. */
export async function graphql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  options: { admin?: boolean } = {},
): Promise<GraphQLResponse<T>> {
  const response = await request.post('/api/graphql', {
    data: { query, variables },
    headers: {
      'content-type': 'application/json',
      ...(options.admin ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {}),
    },
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Like `graphql` but fails with the server's error codes when the response has errors. */
export async function graphqlData<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  options: { admin?: boolean } = {},
): Promise<T> {
  const body = await graphql<T>(request, query, variables, options);
  if (body.errors?.length || !body.data) {
    const codes = (body.errors ?? []).map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; ');
    throw new Error(`GraphQL request failed: ${codes || 'no data'}`);
  }
  return body.data;
}

/**
 * /api/graphql: GraphQL over HTTP (GET for queries, POST for queries and
 * mutations). Everything lives in graph/api; see graph/api/handler.ts for the
 * status codes and limits.
 */
import { handleGraphqlRequest } from '@/graph/api/instance';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handleGraphqlRequest;
export const POST = handleGraphqlRequest;

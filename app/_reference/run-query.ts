/**
 * Runs a read-only GraphQL operation in-process for a server component.
 * An unknown id is not an error here: the API answers `null` for that field
 * with a NOT_FOUND error, and the page turns the null into a 404. Any other
 * error is thrown, carrying the API's stable codes (never a stack trace).
 */
import { documentText, type Document } from '@/app/_lib/graphql';
import { executeQuery } from '@/graph/api/instance';

export class GraphQueryError extends Error {
  constructor(readonly codes: string[]) {
    super(`The graph could not be read (${codes.join(', ')})`);
    this.name = 'GraphQueryError';
  }
}

/** Runs one typed document (app/_lib/graphql.ts), so `data` has the shape the document selects. */
export async function runQuery<TData, TVariables>(document: Document<TData, TVariables>, variables: TVariables): Promise<TData> {
  const { data, errors } = await executeQuery<TData>(documentText(document), variables as Record<string, unknown>);
  const blocking = (errors ?? []).filter((e) => e.extensions?.code !== 'NOT_FOUND');
  if (blocking.length || !data) {
    throw new GraphQueryError(blocking.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')));
  }
  return data;
}

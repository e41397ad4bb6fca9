/**
 * Typed GraphQL documents for the front end (gql.tada). `graphql()` infers each
 * document's result and variable types from schema.graphql through
 * graphql-env.d.ts, which `npm run codegen` writes from the schema
 * (tests/api/client-types.test.ts fails when it is stale). So no result type
 * in app/ is written by hand: each is `ResultOf` a document or fragment.
 */
import { print, type DocumentNode } from '@0no-co/graphql.web';
import { initGraphQLTada, type TadaDocumentNode } from 'gql.tada';
import type { introspection } from './graphql-env';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { JSON: unknown };
  // Records from several documents meet in one place (the explorer's graph, a map's records), so a
  // fragment's fields stay visible where it is spread rather than behind readFragment().
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';

/** Any typed document, with its result and variables. */
export type Document<TData = unknown, TVariables = Record<string, unknown>> = TadaDocumentNode<TData, TVariables>;

const printed = new WeakMap<object, string>();

/** The document as the text sent to the API (printed once per document). */
export function documentText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** Whether the document's operation only reads (a query), so it may go as a GET that HTTP caches revalidate. */
export function isQueryDocument(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
  return operations.length === 1 && operations[0].operation === 'query';
}

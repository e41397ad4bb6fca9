/**
 * Executes operations with graphql-jit instead of graphql-js's `execute`.
 * graphql-jit compiles an operation once into plain JavaScript (field reads,
 * null checks and list loops inlined; resolvers called directly), which cuts
 * the per-field cost that dominates large answers such as a 500-actor
 * neighbourhood (about 5× less CPU for GraphQL's own work there).
 *
 * Compiling costs more than executing once (about 10 ms for the explorer's
 * neighbourhood query, 70 ms for a full introspection query), so a document
 * runs through graphql-js the first time it is seen and is compiled when it
 * comes back: clients that repeat their queries (the explorer, the
 * playground) get compiled code, while one-off or endlessly varied documents
 * never pay for compilation. Compiled operations are kept per document text
 * and operation name, least recently used dropped first.
 *
 * It plugs into Apollo Server 5 through its supported gateway interface: Apollo
 * still parses, validates (with our limit rules), runs the plugins (cost and
 * write checks), formats errors and speaks HTTP; only execution is ours.
 * Before compiled code runs, variables are coerced by graphql-js, whose errors
 * point at the variable definition, so Apollo answers them as it always has
 * (400 BAD_USER_INPUT).
 */
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { GraphQLError, execute, getVariableValues, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ApiContext } from './context';

type Gateway = ApolloServerOptionsWithGateway<ApiContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<Executor>[0];
type SchemaListener = Parameters<Gateway['onSchemaLoadOrUpdate']>[0];

/** Compiled operations kept (each a few kilobytes of generated code); as many documents seen once are remembered. */
export const COMPILED_QUERY_CACHE_SIZE = 500;

/** Most recently used first out: a Map iterates in insertion order, so a hit is moved to the end. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly max: number) {}
  take(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  put(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** How an executor ran each operation, for tests: graphql-js the first time a document is seen, compiled afterwards. */
export interface ExecutorStats {
  interpreted: number;
  compiled: number;
}

/** A gateway executor running `schema`'s resolvers through graphql-js once per document, then through compiled queries. */
export function createJitExecutor(schema: GraphQLSchema, maxEntries = COMPILED_QUERY_CACHE_SIZE, stats: ExecutorStats = { interpreted: 0, compiled: 0 }): Executor {
  const compiled = new Lru<CompiledQuery | ExecutionResult>(maxEntries);
  const seenOnce = new Lru<true>(maxEntries);

  const interpret = (request: ExecutorRequest) => {
    stats.interpreted++;
    return execute({
      schema,
      document: request.document,
      operationName: request.request.operationName,
      variableValues: request.request.variables,
      contextValue: request.context,
    });
  };

  return async (request) => {
    // queryHash is the SHA-256 of the document text.
    const key = `${request.queryHash}\n${request.operationName ?? ''}`;
    let query = compiled.take(key);
    if (!query) {
      // No operation resolved (a wrong operationName): graphql-js reports it as always.
      if (!request.operation || !seenOnce.take(key)) {
        seenOnce.put(key, true);
        return interpret(request);
      }
      seenOnce.delete(key);
      query = compileQuery(schema, request.document, request.operationName ?? undefined);
      compiled.put(key, query);
    }
    if (!isCompiledQuery(query)) return query;
    const variables = request.request.variables ?? {};
    const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    stats.compiled++;
    const result = await query.query(undefined, request.context, variables);
    return result.errors ? { ...result, errors: result.errors.map(standardError) } : result;
  };
}

/**
 * graphql-jit's errors only look like graphql-js's (no `extensions` object
 * when the cause has none, which Apollo's error formatting needs): rebuilt as
 * real GraphQLErrors with the same message, locations, path and cause.
 */
function standardError(error: GraphQLError): GraphQLError {
  const standard = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  return Object.assign(standard, { locations: error.locations });
}

/** The gateway Apollo Server loads: one fixed schema, executed by createJitExecutor. */
export function jitGateway(schema: GraphQLSchema, schemaText: string, stats?: ExecutorStats): Gateway {
  const listeners = new Set<SchemaListener>();
  return {
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: schemaText });
      return { executor: createJitExecutor(schema, COMPILED_QUERY_CACHE_SIZE, stats) };
    },
    async stop() {
      listeners.clear();
    },
  };
}

/**
 * The Apollo Server instance: schema.graphql + resolvers executed as compiled
 * queries (jit-gateway.ts), limits as validation
 * rules, CSRF prevention, error formatting, and one plugin that, after the
 * operation is known and before anything executes, checks its cost (with the
 * request's variables) and whether a mutation may write. No landing page (the
 * hosted Sandbox cannot load offline; /playground is the local one) and no
 * reporting to Apollo's servers, no cache-control plugin.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { SteppeConfig } from '../config';
import { QueryTooComplexError, isSteppeError } from '../core/errors';
import { assertMayWrite } from './auth';
import type { ApiContext } from './context';
import { createFormatError, httpError } from './format-error';
import { MAX_TOKENS, costLimitMessage, estimateCost, maxAliasesRule, maxDepthRule, maxOperationsRule } from './limits';
import { buildExecutableSchema } from './executable-schema';
import { jitGateway, type ExecutorStats } from './jit-gateway';
import { resolvers } from './resolvers';
import { loadSchemaText } from './schema';

/** Checks, per operation and before execution, the cost limit and the caller's right to write. */
function operationGuards(config: SteppeConfig): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (operation?.operation === 'mutation') {
            try {
              assertMayWrite(contextValue.auth);
            } catch (e) {
              if (!isSteppeError(e)) throw e;
              const unauthenticated = e.code === 'UNAUTHENTICATED';
              throw httpError(e, unauthenticated ? 401 : 403, unauthenticated ? { 'www-authenticate': 'Bearer realm="steppe"' } : {});
            }
          }
          if (operation) {
            const { maxQueryCost } = config.limits;
            if (estimateCost(schema, document, operation, request.variables, maxQueryCost) > maxQueryCost) {
              throw httpError(new QueryTooComplexError(costLimitMessage(maxQueryCost)), 400);
            }
          }
        },
      };
    },
  };
}

/** `stats` counts how operations were executed (interpreted the first time a document is seen, compiled afterwards). */
export function createApolloServer(config: SteppeConfig, stats?: ExecutorStats): ApolloServer<ApiContext> {
  const schemaText = loadSchemaText();
  return new ApolloServer<ApiContext>({
    // Execution by compiled queries (jit-gateway.ts); parsing, validation, plugins and HTTP stay Apollo's.
    gateway: jitGateway(buildExecutableSchema(schemaText, resolvers), schemaText, stats),
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: !config.production,
    formatError: createFormatError(config.production),
    parseOptions: { maxTokens: MAX_TOKENS },
    maxRecursiveSelections: true,
    validationRules: [
      maxOperationsRule(),
      maxDepthRule(config.limits.maxQueryDepth),
      maxAliasesRule(config.limits.maxAliases),
    ],
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP cache hints: responses are `no-store`. Also keeps Apollo from wrapping every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      operationGuards(config),
    ],
  });
}

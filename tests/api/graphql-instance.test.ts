/**
 * One graphql-js in the process: our modules, Apollo Server and graphql-jit
 * must share it, since graphql-js recognises its schemas, types and errors
 * with instanceof. Node loads the CommonJS build for Apollo and graphql-jit;
 * vitest.config.ts (resolve.alias) and next.config.js (serverExternalPackages)
 * make our modules load the same one. With two copies, Apollo would reject the
 * executable schema and our errors would lose their codes.
 */
import { createRequire } from 'node:module';
import * as graphql from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildExecutableSchema } from '@/graph/api/executable-schema';
import { resolvers } from '@/graph/api/resolvers';
import { loadSchemaText } from '@/graph/api/schema';

const requireFrom = (pkg: string) => createRequire(createRequire(import.meta.url).resolve(pkg));

describe('graphql-js', () => {
  it('is the copy Apollo Server and graphql-jit load', () => {
    for (const pkg of ['@apollo/server', 'graphql-jit']) {
      const theirs = requireFrom(pkg)('graphql') as typeof graphql;
      expect(theirs.GraphQLError, pkg).toBe(graphql.GraphQLError);
      expect(theirs.GraphQLSchema, pkg).toBe(graphql.GraphQLSchema);
    }
  });

  it('accepts the executable schema as its own', () => {
    const apolloGraphql = requireFrom('@apollo/server')('graphql') as typeof graphql;
    const schema = buildExecutableSchema(loadSchemaText(), resolvers);
    expect(apolloGraphql.validateSchema(schema)).toEqual([]);
    expect(apolloGraphql.isObjectType(schema.getType('Actor'))).toBe(true);
  });
});

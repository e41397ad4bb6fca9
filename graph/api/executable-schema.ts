/**
 * schema.graphql with the resolver map attached: the GraphQLSchema both
 * Apollo (validation) and the compiled executor (jit-gateway.ts) use. Fields
 * without a resolver read the property of the same name, as graphql-js does.
 * A resolver for a type or field the schema lacks is a startup error.
 */
import { GraphQLScalarType, buildSchema, isObjectType, isScalarType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Resolvers } from './generated/schema-types';

export function buildExecutableSchema(typeDefs: string, resolvers: Resolvers): GraphQLSchema {
  const schema = buildSchema(typeDefs);
  for (const [typeName, entry] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (entry instanceof GraphQLScalarType) {
      if (!isScalarType(type)) throw new Error(`Resolver map: schema.graphql has no scalar ${typeName}`);
      // buildSchema gives custom scalars pass-through coercion; take the implementation's.
      type.serialize = entry.serialize;
      type.parseValue = entry.parseValue;
      type.parseLiteral = entry.parseLiteral;
      continue;
    }
    if (!isObjectType(type)) throw new Error(`Resolver map: schema.graphql has no object type ${typeName}`);
    const fields = type.getFields();
    for (const [fieldName, resolve] of Object.entries(entry as Record<string, GraphQLFieldResolver<unknown, unknown>>)) {
      if (!fields[fieldName]) throw new Error(`Resolver map: ${typeName} has no field ${fieldName} in schema.graphql`);
      fields[fieldName].resolve = resolve;
    }
  }
  return schema;
}

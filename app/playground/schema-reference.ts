/**
 * The schema reference the playground lists, read from schema.graphql on the
 * server (the same file the API serves), so it needs no introspection request.
 */
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLNamedType,
} from 'graphql';
import { loadSchemaText } from '@/graph/api/schema';

export interface ReferenceField {
  name: string;
  /** `actor(id: ID!): Actor` */
  signature: string;
  description: string | null;
}

export interface ReferenceType {
  name: string;
  kind: 'operations' | 'object' | 'input' | 'enum' | 'scalar';
  description: string | null;
  fields: ReferenceField[];
}

function argList(args: readonly GraphQLArgument[]): string {
  if (!args.length) return '';
  return `(${args.map((a) => `${a.name}: ${String(a.type)}${a.defaultValue !== undefined ? ` = ${JSON.stringify(a.defaultValue)}` : ''}`).join(', ')})`;
}

function describe(t: GraphQLNamedType, operations: boolean): ReferenceType {
  if (isObjectType(t)) {
    return {
      name: t.name,
      kind: operations ? 'operations' : 'object',
      description: t.description ?? null,
      fields: Object.values(t.getFields()).map((f) => ({ name: f.name, signature: `${f.name}${argList(f.args)}: ${String(f.type)}`, description: f.description ?? null })),
    };
  }
  if (isInputObjectType(t)) {
    return {
      name: t.name,
      kind: 'input',
      description: t.description ?? null,
      fields: Object.values(t.getFields()).map((f) => ({ name: f.name, signature: `${f.name}: ${String(f.type)}`, description: f.description ?? null })),
    };
  }
  if (isEnumType(t)) {
    return { name: t.name, kind: 'enum', description: t.description ?? null, fields: t.getValues().map((v) => ({ name: v.name, signature: v.name, description: v.description ?? null })) };
  }
  return { name: t.name, kind: 'scalar', description: t.description ?? null, fields: [] };
}

let built: ReferenceType[] | undefined;

/**
 * Query and Mutation first, then every other type by name. Built once per
 * process: the schema file is fixed while the server runs, and the nonce CSP
 * renders the playground per request, so rebuilding it each time showed.
 */
export function schemaReference(): ReferenceType[] {
  return (built ??= buildReference());
}

function buildReference(): ReferenceType[] {
  const schema = buildSchema(loadSchemaText());
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((t): t is NonNullable<typeof t> => !!t);
  const others = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && !roots.includes(t as never) && !(isScalarType(t) && !t.astNode))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...roots.map((t) => describe(t, true)), ...others.map((t) => describe(t, false))];
}

/**
 * schema.graphql as the source of truth: the generated resolver types are up
 * to date, the enums equal the model's lists, everything is documented, and
 * the resolver map matches the schema field for field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isObjectType, isScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generateSchemaTypes } from '@/graph/api/codegen';
import { resolvers } from '@/graph/api/resolvers';
import { loadSchemaText } from '@/graph/api/schema';
import { ACTOR_KINDS, RELATIONSHIP_TYPES } from '@/graph/core/model';

const text = loadSchemaText();
const schema = buildSchema(text);

describe('schema.graphql', () => {
  it('matches the generated resolver types (run `npx tsx graph/api/codegen.ts` after editing the schema)', () => {
    const onDisk = readFileSync(path.join(process.cwd(), GENERATED_FILE), 'utf8');
    expect(onDisk).toBe(generateSchemaTypes(text));
  });

  it('lists exactly the model’s relationship types and actor kinds, in order', () => {
    const values = (name: string) => {
      const t = schema.getType(name);
      if (!isEnumType(t)) throw new Error(`${name} is not an enum`);
      return t.getValues().map((v) => v.value);
    };
    expect(values('RelationshipType')).toEqual([...RELATIONSHIP_TYPES]);
    expect(values('ActorKind')).toEqual([...ACTOR_KINDS]);
  });

  it('documents every type, field, argument, input field and enum value', () => {
    const undocumented: string[] = [];
    const need = (what: string, description: string | null | undefined) => {
      if (!description || description.trim().length < 3) undocumented.push(what);
    };
    for (const t of Object.values(schema.getTypeMap())) {
      if (t.name.startsWith('__') || (isScalarType(t) && ['ID', 'String', 'Int', 'Float', 'Boolean'].includes(t.name))) continue;
      need(t.name, t.description);
      if (isObjectType(t)) {
        for (const f of Object.values(t.getFields())) {
          need(`${t.name}.${f.name}`, f.description);
          for (const a of f.args) need(`${t.name}.${f.name}(${a.name})`, a.description);
        }
      } else if (isInputObjectType(t)) {
        for (const f of Object.values(t.getFields())) need(`${t.name}.${f.name}`, f.description);
      } else if (isEnumType(t)) {
        for (const v of t.getValues()) need(`${t.name}.${v.name}`, v.description);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('has a resolver for every root field and no resolver for a field it lacks', () => {
    const map = resolvers as unknown as Record<string, Record<string, unknown>>;
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      expect(Object.keys(map[root.name]).sort()).toEqual(Object.keys(root.getFields()).sort());
    }
    for (const [typeName, fields] of Object.entries(map)) {
      const t = schema.getType(typeName);
      expect(t, typeName).toBeDefined();
      if (isObjectType(t)) for (const f of Object.keys(fields)) expect(t.getFields()[f], `${typeName}.${f}`).toBeDefined();
    }
  });
});

/**
 * Limits, each with a clear QUERY_TOO_COMPLEX or BAD_USER_INPUT error: query
 * depth, estimated cost (neighborhood depth × limit counts, variables are
 * read), page size ≤ 500, aliases, operations per document, tokens. Limits
 * come from config, so this suite also checks they are configurable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_SIZES, PAGE_SETTERS } from '@/graph/api/limits';
import { loadSchemaText } from '@/graph/api/schema';
import { buildSchema, getIntrospectionQuery, getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';
import { gql } from './http-harness';
import { startApi, startRoute, testConfig } from './setup';

/** The production route with the default limits. */
let api: Awaited<ReturnType<typeof startRoute>>;
/** The same handler over the same store with small configured limits. */
let small: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  api = await startRoute({});
  small = await startApi(api.store, testConfig(process.env.STEPPE_DATA_DIR!, { limits: { maxQueryDepth: 3, maxQueryCost: 50, maxAliases: 2 } }));
});

afterAll(async () => {
  await small?.close();
  await api?.close();
});

function tooComplex(r: Awaited<ReturnType<typeof gql>>) {
  expect(r.status).toBe(400);
  expect(r.codes).toEqual(['QUERY_TOO_COMPLEX']);
  expect(r.body.data).toBeUndefined();
  expect(r.body.errors![0].message.length).toBeGreaterThan(20);
}

describe('depth', () => {
  it('allows the configured depth and refuses one more, also through fragments', async () => {
    // depth 8: actor > relationships > nodes > source > relationships > nodes > target > country
    const eight = '{ actor(id: "tokayev") { relationships(first: 5) { nodes { source { relationships(first: 5) { nodes { target { country { id } } } } } } } } }';
    const ok = await gql(api.url, eight);
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    tooComplex(await gql(api.url, eight.replace('country { id }', 'country { country { id } }')));
    tooComplex(await gql(api.url, 'fragment Deep on Actor { country { country { country { id } } } } { actor(id: "tokayev") { ...Deep } }'.replace('{ actor(id: "tokayev") { ...Deep } }', '{ actor(id: "tokayev") { relationships(first: 5) { nodes { source { relationships(first: 5) { nodes { target { ...Deep } } } } } } } }')));
    expect((await gql(small.url, '{ actor(id: "tokayev") { country { country { id } } } }')).status).toBe(200);
    const configured = await gql(small.url, '{ actor(id: "tokayev") { country { country { country { id } } } } }');
    tooComplex(configured);
    expect(configured.body.errors![0].message).toMatch(/3 levels/);
  });

  it('does not count introspection against the depth limit (playgrounds need it)', async () => {
    const r = await gql(small.url, '{ __type(name: "Query") { fields { name type { name ofType { name ofType { name } } } } } }');
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });
});

describe('introspection', () => {
  it('lets the standard introspection query through (playground, codegen, IDEs) within the default cost', async () => {
    const r = await gql(api.url, getIntrospectionQuery());
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.__schema.queryType.name).toBe('Query');
  });

  it('counts each __schema in the cost, so aliased copies cannot multiply a 70 KB answer', async () => {
    const copies = Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ');
    tooComplex(await gql(api.url, `{ ${copies} }`));
    const five = Array.from({ length: 6 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ');
    tooComplex(await gql(api.url, `{ ${five} }`));
    expect((await gql(api.url, '{ a: __schema { queryType { name } } b: __schema { queryType { name } } }')).status).toBe(200);
  });
});

describe('cost', () => {
  it('refuses nested full pages', async () => {
    tooComplex(await gql(api.url, '{ actors(first: 500) { nodes { relationships(first: 500) { nodes { id } } } } }'));
  });

  it('counts neighborhood depth × limit', async () => {
    const cheap = await gql(small.url, '{ neighborhood(actorId: "tokayev", depth: 1, limit: 10) { truncated } }');
    expect(cheap.status).toBe(200);
    tooComplex(await gql(small.url, '{ neighborhood(actorId: "tokayev", depth: 3, limit: 20) { truncated } }'));
    tooComplex(await gql(api.url, '{ neighborhood(actorId: "tokayev", depth: 3, limit: 500) { nodes { neighbors(limit: 500) { id } } } }'));
  });

  it('reads page sizes from variables', async () => {
    const q = 'query($n: Int) { actors(first: $n) { nodes { relationships(first: $n) { nodes { id } } } } }';
    const ok = await gql(api.url, q, { variables: { n: 5 } });
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    tooComplex(await gql(api.url, q, { variables: { n: 400 } }));
    // An omitted variable falls back to the argument's default (50): 50 × 50 is within 5000? No: 1 + 50 × (1 + 1 + 50 × 1) = 2601.
    expect((await gql(api.url, q)).status).toBe(200);
  });

  it('lets the 500-relationship page with sources, targets and citations through', async () => {
    const r = await gql(api.url, '{ relationships(first: 500) { nodes { id source { id name } target { id name } citations { excerpt source { id title } } } } }');
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
  });

  it('has a size for every list of objects in the schema', () => {
    const schema = buildSchema(loadSchemaText());
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        let t: GraphQLOutputType = field.type;
        if (isNonNullType(t)) t = t.ofType;
        if (isListType(t) && isObjectType(getNamedType(t)) && !(`${type.name}.${field.name}` in LIST_SIZES)) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
    for (const coordinate of [...Object.keys(LIST_SIZES), ...Object.keys(PAGE_SETTERS)]) {
      const [typeName, fieldName] = coordinate.split('.');
      const type = schema.getType(typeName);
      expect(isObjectType(type) && type.getFields()[fieldName], coordinate).toBeTruthy();
    }
  });
});

describe('page size', () => {
  it('accepts 500 and refuses 501, 0 and negatives with BAD_USER_INPUT', async () => {
    expect((await gql(api.url, '{ actors(first: 500) { totalCount } }')).body.errors).toBeUndefined();
    for (const q of [
      '{ actors(first: 501) { totalCount } }',
      '{ relationships(first: 0) { totalCount } }',
      '{ changes(first: -1) { totalCount } }',
      '{ neighborhood(actorId: "tokayev", limit: 501) { truncated } }',
      '{ timeline(limit: 501) { date } }',
      '{ actor(id: "tokayev") { relationships(first: 501) { totalCount } } }',
      '{ actor(id: "tokayev") { neighbors(limit: 501) { id } } }',
      '{ paths(from: "tokayev", to: "russia", limit: 51) { length } }',
      '{ paths(from: "tokayev", to: "russia", maxLength: 7) { length } }',
    ]) {
      const r = await gql(api.url, q);
      expect(r.codes, q).toEqual(['BAD_USER_INPUT']);
      expect(r.body.errors![0].extensions!.problems![0].message, q).toMatch(/from \d+ to \d+/);
    }
  });
});

describe('aliases, operations, tokens', () => {
  it('refuses more aliases than configured', async () => {
    const ok = await gql(small.url, '{ a: stats { actors } b: stats { sources } }');
    expect(ok.status).toBe(200);
    tooComplex(await gql(small.url, '{ a: stats { actors } b: stats { sources } c: stats { relationships } }'));
    const many = Array.from({ length: 31 }, (_, i) => `a${i}: actor(id: "tokayev") { id }`).join(' ');
    tooComplex(await gql(api.url, `{ ${many} }`));
  });

  it('refuses documents with more than 10 operations', async () => {
    const doc = Array.from({ length: 11 }, (_, i) => `query Q${i} { stats { actors } }`).join('\n');
    tooComplex(await gql(api.url, doc, { operationName: 'Q0' }));
  });

  it('stops parsing after 10 000 tokens', async () => {
    tooComplex(await gql(api.url, `{ ${'a '.repeat(12_000)} }`));
  });

  it('stops graphql-js validation work on a flood of repeated fields', async () => {
    tooComplex(await gql(api.url, `{ ${Array.from({ length: 6000 }, () => '__typename').join(' ')} }`));
  });
});

/**
 * Both execution engines give the same answers. A document runs through
 * graphql-js the first time the API sees it and through graphql-jit's compiled
 * code afterwards (graph/api/jit-gateway.ts), so each query here is sent twice
 * over HTTP: the first answer must come from graphql-js, the second from
 * compiled code, and status and body must be identical, for data, nested and
 * root errors, null propagation, variables (valid, wrong type, missing),
 * directives, fragments, introspection, the JSON scalar, mutations and
 * unexpected errors in production and development. One known difference: when
 * a non-null field nulls the whole answer, graphql-js may drop errors of
 * sibling fields still running; graphql-jit reports them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@/graph/core/store';
import { gql, type GqlOptions, type GqlResponse } from './http-harness';
import { ADMIN_TOKEN, openLoadedStore, startApi, testConfig } from './setup';

let api: Awaited<ReturnType<typeof startApi>>;
let buggyProd: Awaited<ReturnType<typeof startApi>>;
let buggyDev: Awaited<ReturnType<typeof startApi>>;
let closeStore: () => Promise<void>;

/** The real store, except that getActors fails the way a bug would. */
function buggy(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'getActors') return () => Promise.reject(new TypeError('Cannot read properties of undefined'));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  const opened = await openLoadedStore();
  closeStore = opened.close;
  api = await startApi(opened.store, testConfig(opened.dir, { adminToken: ADMIN_TOKEN }));
  buggyProd = await startApi(buggy(opened.store), testConfig(opened.dir, { production: true }));
  buggyDev = await startApi(buggy(opened.store), testConfig(opened.dir, { production: false }));
});

afterAll(async () => {
  for (const s of [api, buggyProd, buggyDev]) await s?.close();
  await closeStore?.();
});

/** Sends the query twice; checks the engines used and returns both answers. */
async function twice(server: Awaited<ReturnType<typeof startApi>>, query: string, options: GqlOptions = {}, executes = true): Promise<[GqlResponse, GqlResponse]> {
  const before = { ...server.api.executions };
  const first = await gql(server.url, query, options);
  const middle = { ...server.api.executions };
  const second = await gql(server.url, query, options);
  const after = { ...server.api.executions };
  if (executes) {
    expect(middle, 'first run').toEqual({ interpreted: before.interpreted + 1, compiled: before.compiled });
    expect(after, 'second run').toEqual({ interpreted: middle.interpreted, compiled: middle.compiled + 1 });
  }
  return [first, second];
}

async function same(query: string, options: GqlOptions = {}, executes = true): Promise<GqlResponse> {
  const [first, second] = await twice(api, query, options, executes);
  expect(second.status).toBe(first.status);
  expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
  expect(second.body).toEqual(first.body);
  return first;
}

const NEIGHBORHOOD = `
  query Around($actorId: ID!, $depth: Int!, $limit: Int!) {
    neighborhood(actorId: $actorId, depth: $depth, limit: $limit) { truncated nodes { ...A } edges { ...R } }
  }
  fragment A on Actor { id kind name category aliases summary tags degree country { id name } }
  fragment R on Relationship {
    id type symmetric role start end amount currency
    source { id name kind } target { id name kind }
    citations { excerpt source { id title publisher author published url } }
  }`;

describe('graphql-js and compiled execution agree', () => {
  it('on data through fragments and variables', async () => {
    const r = await same(NEIGHBORHOOD, { variables: { actorId: 'tokayev', depth: 2, limit: 50 } });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.neighborhood.nodes.length).toBeGreaterThan(5);
  });

  it('on root and nested NOT_FOUND, with partial data', async () => {
    const r = await same('{ a: actor(id: "ghost") { id } b: actor(id: "tokayev") { id country { name } } s: source(id: "nope") { id } }');
    expect(r.body.data).toEqual({ a: null, b: { id: 'tokayev', country: { name: 'Kazakhstan' } }, s: null });
    expect(r.codes).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });

  it('on null propagation through non-null fields', async () => {
    const r = await same('{ apiInfo { readOnly } stats { actors analytics { central(first: 0) { rank } } } }');
    expect(r.body.data).toBeNull();
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors![0].path).toEqual(['stats', 'analytics', 'central']);
  });

  it('on the data when a non-null root field fails; compiled code may report more of the sibling errors', async () => {
    const [first, second] = await twice(api, '{ a: actor(id: "ghost") { id } b: diff(from: "2023", to: "2022") { from } }');
    for (const r of [first, second]) {
      expect(r.status).toBe(200);
      expect(r.body.data).toBeNull();
      expect(r.codes).toContain('BAD_USER_INPUT');
    }
    // graphql-js stops collecting once the non-null `diff` has nulled the whole answer; graphql-jit reports `a` too.
    for (const code of first.codes) expect(second.codes).toContain(code);
  });

  it('on argument errors inside lists', async () => {
    const r = await same('{ actors(first: 3) { nodes { id relationships(first: 0) { totalCount } } } }');
    expect(r.codes.length).toBeGreaterThan(0);
    expect(r.codes.every((c) => c === 'BAD_USER_INPUT')).toBe(true);
    expect(r.body.data).toBeNull();
  });

  it('on variables of the wrong type and missing variables (400 BAD_USER_INPUT, nothing executed)', async () => {
    for (const variables of [{ actorId: 'tokayev', depth: 'two', limit: 5 }, { actorId: 'tokayev', limit: 5 }]) {
      const r = await same(NEIGHBORHOOD, { variables }, false);
      expect(r.status).toBe(400);
      expect(r.codes).toEqual(['BAD_USER_INPUT']);
      expect(r.body.data).toBeUndefined();
    }
  });

  it('on directives, inline fragments, aliases and __typename', async () => {
    const q = 'query($full: Boolean!) { actor(id: "massimov") { __typename id ... on Actor { name @include(if: $full) tags @skip(if: $full) } n: neighbors(limit: 2) { id } } }';
    const full = await same(q, { variables: { full: true } });
    expect(full.body.data!.actor).toEqual({ __typename: 'Actor', id: 'massimov', name: 'Karim Massimov', n: [{ id: 'tokayev' }, expect.any(Object)] });
    const lean = await same(q, { variables: { full: false } }, false);
    expect(lean.body.data!.actor.tags).toEqual([]);
  });

  it('on enums, input objects, lists and the JSON scalar', async () => {
    const r = await same('{ relationships(filter: { types: [APPOINTED, DISMISSED], asOf: "2022" }) { totalCount nodes { type } } changes(first: 1) { nodes { op after } } }');
    expect(r.body.data!.relationships.nodes.every((n: { type: string }) => ['APPOINTED', 'DISMISSED'].includes(n.type))).toBe(true);
    expect(r.body.data!.changes.nodes[0]).toMatchObject({ op: 'IMPORT', after: expect.any(Object) });
  });

  it('on introspection', async () => {
    const r = await same('{ __type(name: "Actor") { name fields { name type { kind name ofType { name } } } } __schema { queryType { name } } }');
    expect(r.body.data!.__type.fields.map((f: { name: string }) => f.name)).toContain('metrics');
  });

  it('on mutations, run in order', async () => {
    const r = await same('mutation { a: updateActor(id: "smailov", patch: { summary: "One." }) { summary } b: updateActor(id: "smailov", patch: { summary: "Two." }) { summary degree } }', { token: ADMIN_TOKEN });
    expect(r.body.data).toEqual({ a: { summary: 'One.' }, b: { summary: 'Two.', degree: 1 } });
  });

  it('on an unknown operation name', async () => {
    const r = await same('query A { stats { actors } } query B { stats { sources } }', { operationName: 'C' }, false);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
  });

  it('on unexpected errors: generic in production, explained with a stack in development', async () => {
    const q = '{ relationship(id: "r01") { id source { name } } }';
    const [p1, p2] = await twice(buggyProd, q);
    expect(p2.body).toEqual(p1.body);
    expect(p1.codes).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(p1.body.errors![0].locations).toEqual([{ line: 1, column: 32 }]);
    const [d1, d2] = await twice(buggyDev, q);
    const withoutStack = (r: GqlResponse) => r.body.errors!.map(({ extensions, ...e }) => ({ ...e, code: extensions!.code }));
    expect(withoutStack(d2)).toEqual(withoutStack(d1));
    for (const d of [d1, d2]) expect(d.body.errors![0].extensions!.stacktrace!.length).toBeGreaterThan(1);
  });
});

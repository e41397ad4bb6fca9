/**
 * Every stable `extensions.code` once, over HTTP, and how errors are
 * formatted: no stack traces in production (none at all for expected errors),
 * unexpected errors hidden behind a generic message in production and
 * explained (with a stack) in development. The unexpected error comes from a
 * Proxy over the real store whose getActors throws a TypeError, as a bug would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_INTERNAL_MESSAGE } from '@/graph/api/format-error';
import type { GraphStore } from '@/graph/core/store';
import { gql, type GqlOptions, type GqlResponse } from './http-harness';
import { ADMIN_TOKEN, openLoadedStore, startApi, testConfig } from './setup';

const SECRET = 'password=hunter2 at /srv/steppe/graph/secret.ts:12';
let prod: Awaited<ReturnType<typeof startApi>>;
let dev: Awaited<ReturnType<typeof startApi>>;
let readOnly: Awaited<ReturnType<typeof startApi>>;
let closed: Awaited<ReturnType<typeof startApi>>;
const cleanups: (() => Promise<void>)[] = [];

/** The real store, except that getActors fails the way a bug would. */
function buggy(store: GraphStore): GraphStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'getActors') return () => Promise.reject(new TypeError(`Cannot read properties of undefined (${SECRET})`));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  const opened = await openLoadedStore();
  const lost = await openLoadedStore();
  prod = await startApi(buggy(opened.store), testConfig(opened.dir, { adminToken: ADMIN_TOKEN, production: true }));
  dev = await startApi(buggy(opened.store), testConfig(opened.dir, { adminToken: ADMIN_TOKEN, production: false }));
  readOnly = await startApi(opened.store, testConfig(opened.dir, { production: true }));
  closed = await startApi(lost.store, testConfig(lost.dir, { production: true }));
  await lost.store.close();
  cleanups.push(prod.close, dev.close, readOnly.close, closed.close, opened.close, lost.close);
});

afterAll(async () => {
  for (const c of cleanups) await c();
});

describe('every error code', () => {
  const cases: [string, () => Promise<GqlResponse>][] = [
    ['NOT_FOUND', () => gql(prod.url, '{ source(id: "nothing-here") { id } }')],
    ['BAD_USER_INPUT', () => gql(prod.url, '{ actors(first: 9999) { totalCount } }')],
    ['CONFLICT', () => gql(prod.url, 'mutation { deleteSource(id: "src-a") }', { token: ADMIN_TOKEN })],
    ['UNAUTHENTICATED', () => gql(prod.url, 'mutation { deleteSource(id: "src-a") }')],
    ['FORBIDDEN', () => gql(readOnly.url, 'mutation { deleteSource(id: "src-a") }', { token: ADMIN_TOKEN })],
    ['QUERY_TOO_COMPLEX', () => gql(prod.url, '{ actors(first: 500) { nodes { neighbors(limit: 500) { id } } } }')],
    ['STORE_UNAVAILABLE', () => gql(closed.url, '{ actor(id: "tokayev") { id } }')],
    ['INTERNAL_SERVER_ERROR', () => gql(prod.url, '{ actor(id: "tokayev") { id } }')],
  ];
  for (const [code, send] of cases) {
    it(code, async () => {
      const r = await send();
      expect(r.codes).toEqual([code]);
      expect(r.body.errors![0].message.length).toBeGreaterThan(5);
      expect(r.body.errors![0].extensions!.stacktrace).toBeUndefined();
    });
  }
});

describe('formatting', () => {
  it('hides an unexpected error behind a generic message in production', async () => {
    const r = await gql(prod.url, '{ relationship(id: "r01") { id source { name } } }');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ relationship: null });
    expect(r.body.errors).toEqual([{ message: GENERIC_INTERNAL_MESSAGE, locations: [{ line: 1, column: 32 }], path: ['relationship', 'source'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(r.body)).not.toContain('hunter2');
  });

  it('explains it, with a stack trace, in development', async () => {
    const r = await gql(dev.url, '{ relationship(id: "r01") { id source { name } } }');
    const e = r.body.errors![0];
    expect(e.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(e.message).toContain('Cannot read properties of undefined');
    expect(Array.isArray(e.extensions!.stacktrace)).toBe(true);
  });

  it('keeps expected errors free of stack traces even in development, with field problems listed', async () => {
    const r = await gql(dev.url, '{ relationships(filter: { from: "yesterday", to: "2022-02-30" }) { totalCount } }');
    const e = r.body.errors![0];
    expect(e.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'filter.from', message: expect.stringMatching(/partial date/) }],
    });
  });

  it('sends no stack in development for Apollo’s own expected errors either (variables, parse, validation)', async () => {
    const cases: [string, GqlOptions, string][] = [
      ['query($n: Int) { actors(first: $n) { totalCount } }', { variables: { n: 'many' } }, 'BAD_USER_INPUT'],
      ['{ actors(first: 5) { totalCount }', {}, 'GRAPHQL_PARSE_FAILED'],
      ['{ actors { noSuchField } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ];
    for (const [query, options, code] of cases) {
      const r = await gql(dev.url, query, options);
      expect(r.codes, query).toEqual([code]);
      expect(r.body.errors![0].extensions!.stacktrace, query).toBeUndefined();
    }
  });
});

/**
 * HTTP caching of reads (graph/api/http-cache.ts) over real HTTP: GET answers
 * carry an ETag from the store's version and `Cache-Control: no-cache`,
 * `If-None-Match` gets 304 until a write, POST answers and answers with errors
 * are never reusable. Two API instances on one store stand for two replicas:
 * a write through one changes the other's tags, degrees and analytics on its
 * next request (the two-process version on Neo4j is tests/neo4j/replicas.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SRC_A } from '@/tests/fixtures/api-graph';
import { gql, raw, type GqlResponse, type Json } from './http-harness';
import { ADMIN_TOKEN, openLoadedStore, startApi, testConfig } from './setup';

let one: Awaited<ReturnType<typeof startApi>>;
let two: Awaited<ReturnType<typeof startApi>>;
let closeStore: () => Promise<void>;

beforeAll(async () => {
  const opened = await openLoadedStore();
  closeStore = opened.close;
  one = await startApi(opened.store, testConfig(opened.dir, { adminToken: ADMIN_TOKEN }));
  two = await startApi(opened.store, testConfig(opened.dir, { adminToken: ADMIN_TOKEN }));
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  await closeStore?.();
});

const QUERY = '{ actor(id: "smailov") { name degree metrics { degree } } stats { analytics { relationshipCount } } }';

function ok(r: GqlResponse): Record<string, Json> {
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body.data!;
}

/** A GET as a browser-safe client sends it, optionally revalidating `etag`. */
const get = (url: string, query: string, etag?: string, token?: string) => gql(url, query, { method: 'GET', token, headers: etag ? { 'if-none-match': etag } : {} });

let writes = 0;
/** A new SUPPORTED relationship through `url`'s API, each one distinct. */
async function write(url: string): Promise<void> {
  const start = String(2000 + writes++);
  ok(
    await gql(
      url,
      `mutation { createRelationship(input: { type: SUPPORTED, source: "smailov", target: "amanat", start: "${start}", citations: [{ sourceId: "${SRC_A}", excerpt: "Smailov backed Amanat." }] }) { id } }`,
      { token: ADMIN_TOKEN },
    ),
  );
}

describe('ETag and If-None-Match on GET reads', () => {
  it('tags a GET answer, answers 304 with no body to its tag, and a new tag after a write', async () => {
    const first = await get(one.url, QUERY);
    const data = ok(first);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"\d+-[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('vary')).toMatch(/Accept/);

    const again = await get(one.url, QUERY, etag);
    expect(again.status).toBe(304);
    expect(again.body).toEqual({});
    expect(again.headers.get('etag')).toBe(etag);
    // Another URL (other variables) has another tag: one answer's tag never confirms another.
    const other = await get(one.url, '{ actor(id: "tokayev") { name } }', etag);
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);

    await write(one.url);
    const changed = await get(one.url, QUERY, etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(ok(changed).actor.degree).toBe(data.actor.degree + 1);
  });

  it('keeps POST answers, answers with errors and admin answers out of shared caches', async () => {
    const post = await gql(one.url, QUERY);
    ok(post);
    expect(post.headers.get('etag')).toBeNull();
    expect(post.headers.get('cache-control')).toBe('no-store');

    const missing = await get(one.url, '{ neighborhood(actorId: "no-such-actor") { truncated } }');
    expect(missing.codes).toEqual(['NOT_FOUND']);
    expect(missing.headers.get('etag')).toBeNull();
    expect(missing.headers.get('cache-control')).toBe('no-store');

    const admin = await get(one.url, QUERY, undefined, ADMIN_TOKEN);
    ok(admin);
    expect(admin.headers.get('cache-control')).toBe('private, no-cache');
    const anonymous = await get(one.url, QUERY);
    expect(admin.headers.get('etag')).not.toBe(anonymous.headers.get('etag'));
    // The anonymous tag does not revalidate the admin's answer.
    expect((await get(one.url, QUERY, anonymous.headers.get('etag')!, ADMIN_TOKEN)).status).toBe(200);
  });

  it('checks If-None-Match before anything else about the request: a tag list and W/ prefixes match', async () => {
    const first = await get(one.url, QUERY);
    const etag = first.headers.get('etag')!;
    const listed = await raw(`${one.url}?${new URLSearchParams({ query: QUERY })}`, {
      headers: { 'apollo-require-preflight': 'true', accept: 'application/graphql-response+json, application/json;q=0.9', 'if-none-match': `"nope", ${etag.slice(2)}` },
    });
    expect(listed.status).toBe(304);
  });
});

describe('two API instances on one store (replicas)', () => {
  it('a write through one changes the other’s answers, degrees, analytics and tags on its next request', async () => {
    const before = await get(two.url, QUERY);
    const seen = ok(before);
    expect((await get(two.url, QUERY, before.headers.get('etag')!)).status).toBe(304);

    await write(one.url);

    const revalidated = await get(two.url, QUERY, before.headers.get('etag')!);
    expect(revalidated.status).toBe(200);
    const now = ok(revalidated);
    expect(now.actor.degree).toBe(seen.actor.degree + 1);
    expect(now.actor.metrics.degree).toBe(seen.actor.metrics.degree + 1);
    expect(now.stats.analytics.relationshipCount).toBe(seen.stats.analytics.relationshipCount + 1);
    // Both instances now give the same tag for the same request: a load balancer may alternate between them.
    expect((await get(one.url, QUERY)).headers.get('etag')).toBe(revalidated.headers.get('etag'));
  });
});

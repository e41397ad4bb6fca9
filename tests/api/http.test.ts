/**
 * GraphQL over HTTP: media types, status codes for malformed requests, CSRF
 * prevention, body size, and graphql-http's conformance audit (every MUST and
 * SHOULD of the GraphQL-over-HTTP spec it checks).
 */
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, raw } from './http-harness';
import { ADMIN_TOKEN, startRoute } from './setup';

let api: Awaited<ReturnType<typeof startRoute>>;

beforeAll(async () => {
  api = await startRoute({ STEPPE_ADMIN_TOKEN: ADMIN_TOKEN, STEPPE_MAX_BODY_BYTES: '20000' });
});

afterAll(async () => {
  await api?.close();
});

const QUERY = '{ actor(id: "tokayev") { name } }';
const post = (body: string, headers: Record<string, string> = {}) => raw(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('media types', () => {
  it('answers application/graphql-response+json when accepted, application/json otherwise', async () => {
    const modern = await post(JSON.stringify({ query: QUERY }), { accept: 'application/graphql-response+json' });
    expect(modern.status).toBe(200);
    expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(modern.body.data).toEqual({ actor: { name: 'Kassym-Jomart Tokayev' } });
    const legacy = await post(JSON.stringify({ query: QUERY }), { accept: 'application/json' });
    expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
    const none = await raw(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    expect(none.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses an Accept it cannot satisfy with 406', async () => {
    const r = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/csv' }, body: JSON.stringify({ query: QUERY }) });
    expect(r.status).toBe(406);
  });

  it('uses 400 for document errors with graphql-response+json and 200 with application/json', async () => {
    for (const [body, code] of [
      [{ query: '{ actor(id: "x") { name ' }, 'GRAPHQL_PARSE_FAILED'],
      [{ query: '{ actor(id: "x") { nickname } }' }, 'GRAPHQL_VALIDATION_FAILED'],
      [{ query: 'query($id: ID!) { actor(id: $id) { name } }', variables: { id: { not: 'an id' } } }, 'BAD_USER_INPUT'],
    ] as const) {
      const modern = await post(JSON.stringify(body), { accept: 'application/graphql-response+json' });
      expect(modern.status, code).toBe(400);
      expect(modern.codes).toEqual([code]);
      expect(modern.body.data).toBeUndefined();
      const legacy = await post(JSON.stringify(body), { accept: 'application/json' });
      expect(legacy.status, code).toBe(200);
      expect(legacy.codes).toEqual([code]);
    }
  });
});

describe('malformed requests', () => {
  it('bad JSON: 400 BAD_REQUEST', async () => {
    const r = await post('{"query": "{ stats { actors } }"');
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['BAD_REQUEST']);
  });

  it('missing or non-string query, batched arrays, string variables: 400 BAD_REQUEST', async () => {
    for (const body of ['{}', '{"variables": {}}', '{"query": 42}', '[{"query": "{ stats { actors } }"}]', '{"query": "{ stats { actors } }", "variables": "{}"}', 'null', '"query"']) {
      const r = await post(body);
      expect(r.status, body).toBe(400);
      expect(r.codes, body).toEqual(['BAD_REQUEST']);
    }
  });

  it('a mutation over GET: 405 with Allow: POST, nothing written', async () => {
    const r = await gql(api.url, 'mutation { deleteRelationship(id: "r01") }', { method: 'GET', token: ADMIN_TOKEN });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
    expect(r.codes).toEqual(['BAD_REQUEST']);
    const still = await gql(api.url, '{ relationship(id: "r01") { id } }');
    expect(still.body.data).toEqual({ relationship: { id: 'r01' } });
  });

  it('POST without a JSON content type: 415', async () => {
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}] as Record<string, string>[]) {
      const r = await raw(api.url, { method: 'POST', headers: { 'apollo-require-preflight': 'true', ...headers }, body: JSON.stringify({ query: QUERY }) });
      expect(r.status, JSON.stringify(headers)).toBe(415);
      expect(r.codes).toEqual(['BAD_REQUEST']);
    }
  });

  it('JSON declared in a charset other than UTF-8: 415, not silently read as UTF-8', async () => {
    const body = Buffer.from(JSON.stringify({ query: '{ actors(search: "Tokáyev") { totalCount } }' }), 'latin1');
    for (const type of ['application/json; charset=latin1', 'application/json; charset="ISO-8859-1"', 'application/json;charset=utf-16']) {
      const r = await raw(api.url, { method: 'POST', headers: { 'content-type': type }, body });
      expect(r.status, type).toBe(415);
      expect(r.codes).toEqual(['BAD_REQUEST']);
    }
    for (const type of ['application/json; charset=utf-8', 'application/json; charset=UTF-8', 'application/json']) {
      const r = await raw(api.url, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ query: QUERY }) });
      expect(r.status, type).toBe(200);
    }
  });

  it('a body over the limit: 413, whether declared up front or streamed', async () => {
    const big = JSON.stringify({ query: `{ actors(search: "${'x'.repeat(30_000)}") { totalCount } }` });
    const r = await post(big);
    expect(r.status).toBe(413);
    expect(r.codes).toEqual(['BAD_REQUEST']);
    // Without Content-Length (chunked), the limit is enforced while reading.
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        const bytes = new TextEncoder().encode(big);
        for (let i = 0; i < bytes.length; i += 4096) c.enqueue(bytes.slice(i, i + 4096));
        c.close();
      },
    });
    const streamed = await raw(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    // The server still answers.
    expect((await gql(api.url, '{ stats { actors } }')).status).toBe(200);
  });

  it('a GET with a non-JSON content type: 415', async () => {
    const r = await raw(`${api.url}?query=${encodeURIComponent(QUERY)}`, { headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' } });
    expect(r.status).toBe(415);
  });
});

describe('CSRF prevention', () => {
  it('blocks a simple GET (no preflight header, no JSON content type) and allows it with apollo-require-preflight', async () => {
    const blocked = await raw(`${api.url}?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json' } });
    expect(blocked.status).toBe(400);
    expect(blocked.codes).toEqual(['BAD_REQUEST']);
    expect(blocked.body.errors![0].message).toMatch(/Cross-Site Request Forgery/);
    const allowed = await gql(api.url, QUERY, { method: 'GET' });
    expect(allowed.status).toBe(200);
    expect(allowed.body.data).toEqual({ actor: { name: 'Kassym-Jomart Tokayev' } });
  });

  it('sends a browser that opens /api/graphql to the playground', async () => {
    const r = await fetch(api.url, { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/playground');
  });
});

describe('operations', () => {
  it('runs the operation named by operationName', async () => {
    const doc = 'query A { stats { actors } } query B { stats { sources } }';
    const r = await gql(api.url, doc, { operationName: 'B' });
    expect(r.body.data).toEqual({ stats: { sources: 2 } });
    const missing = await gql(api.url, doc);
    expect(missing.status).toBe(400);
  });
});

describe('GraphQL-over-HTTP conformance (graphql-http audit)', () => {
  it('passes every audit, MUST and SHOULD', async () => {
    // A browser-safe client sends a preflight header with GETs; the audit's requests get it here, since CSRF prevention is on.
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('apollo-require-preflight', 'true');
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: api.url, fetchFn });
    const failures = results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });
});

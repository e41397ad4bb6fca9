/**
 * Every mutation over real HTTP: auth (missing, wrong, right token; read-only
 * server), validation, conflicts, and the change-log entry each write leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, tokensMatch } from '@/graph/api/auth';
import type { GraphStore } from '@/graph/core/store';
import { gql, type GqlResponse } from './http-harness';
import { ADMIN_TOKEN, startApi, startRoute, testConfig } from './setup';

/** The production route, with STEPPE_ADMIN_TOKEN set. */
let api: Awaited<ReturnType<typeof startRoute>>;
/** The same handler over the same store, configured without a token. */
let readOnlyApi: Awaited<ReturnType<typeof startApi>>;
let store: GraphStore;

beforeAll(async () => {
  api = await startRoute({ STEPPE_ADMIN_TOKEN: ADMIN_TOKEN });
  store = api.store;
  readOnlyApi = await startApi(store, testConfig(process.env.STEPPE_DATA_DIR!, {}));
});

afterAll(async () => {
  await readOnlyApi?.close();
  await api?.close();
});

const admin = (query: string, variables?: Record<string, unknown>) => gql(api.url, query, { variables, token: ADMIN_TOKEN });
const changeCount = async () => (await store.changes({ first: 1 })).totalCount;
/** The newest change-log entry, read through the API. */
async function lastChange() {
  const total = await changeCount();
  const r = await gql(api.url, 'query($n: Int) { changes(first: $n) { nodes { seq at op entityId before after by } } }', { variables: { n: 500 } });
  const nodes = r.body.data!.changes.nodes;
  expect(nodes).toHaveLength(total);
  return nodes[nodes.length - 1];
}
function ok(r: GqlResponse) {
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body.data!;
}

const NEW_ACTOR = { id: 'test-minister', kind: 'PERSON', name: 'Test Minister', aliases: ['T. Minister'], summary: 'Made up for tests.', country: 'kazakhstan', tags: ['test'] };
const CREATE_ACTOR = 'mutation($input: ActorInput!) { createActor(input: $input) { id name aliases country { id } degree } }';

describe('authorisation', () => {
  it('refuses mutations without a token (401, WWW-Authenticate) and writes nothing', async () => {
    const before = await changeCount();
    const r = await gql(api.url, CREATE_ACTOR, { variables: { input: NEW_ACTOR } });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(r.codes).toEqual(['UNAUTHENTICATED']);
    expect(r.body.data).toBeUndefined();
    expect(await changeCount()).toBe(before);
  });

  it('refuses a wrong token, a token of another length, and other schemes', async () => {
    const before = await changeCount();
    for (const authorization of [`Bearer ${ADMIN_TOKEN}x`, 'Bearer short', `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`, ADMIN_TOKEN]) {
      const r = await gql(api.url, CREATE_ACTOR, { variables: { input: NEW_ACTOR }, headers: { authorization } });
      expect(r.status, authorization).toBe(401);
      expect(r.codes).toEqual(['UNAUTHENTICATED']);
    }
    expect(await changeCount()).toBe(before);
  });

  it('lets queries through without a token', async () => {
    const r = await gql(api.url, '{ apiInfo { readOnly } }');
    expect(ok(r).apiInfo).toEqual({ readOnly: false });
  });

  it('on a server without STEPPE_ADMIN_TOKEN, says it is read-only and refuses every mutation with FORBIDDEN', async () => {
    const before = await changeCount();
    const info = await gql(readOnlyApi.url, '{ apiInfo { readOnly } }');
    expect(ok(info).apiInfo).toEqual({ readOnly: true });
    for (const token of [undefined, ADMIN_TOKEN]) {
      const r = await gql(readOnlyApi.url, CREATE_ACTOR, { variables: { input: NEW_ACTOR }, token });
      expect(r.status).toBe(403);
      expect(r.codes).toEqual(['FORBIDDEN']);
      expect(r.body.errors![0].message).toMatch(/read-only/);
    }
    expect(await changeCount()).toBe(before);
  });

  it('compares tokens in constant time over digests (any length)', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abd')).toBe(false);
    expect(tokensMatch('abc', 'abcdef-much-longer')).toBe(false);
    expect(tokensMatch('', 'abc')).toBe(false);
    expect(authenticate('bearer  abc ', 'abc')).toBe('ADMIN');
    expect(authenticate(undefined, 'abc')).toBe('ANONYMOUS');
    expect(authenticate('Bearer abc', undefined)).toBe('READ_ONLY_SERVER');
  });
});

describe('actors', () => {
  it('creates an actor and logs it with before and after', async () => {
    const r = await admin(CREATE_ACTOR, { input: NEW_ACTOR });
    expect(ok(r).createActor).toEqual({ id: 'test-minister', name: 'Test Minister', aliases: ['T. Minister'], country: { id: 'kazakhstan' }, degree: 0 });
    const change = await lastChange();
    expect(change).toMatchObject({ op: 'UPSERT_ACTOR', entityId: 'test-minister', by: 'api', before: null });
    expect(change.after).toMatchObject({ id: 'test-minister', name: 'Test Minister', kind: 'PERSON' });
    expect(Number.isNaN(Date.parse(change.at))).toBe(false);
  });

  it('refuses a taken id with CONFLICT and invalid input with BAD_USER_INPUT listing every problem', async () => {
    const before = await changeCount();
    const dup = await admin(CREATE_ACTOR, { input: NEW_ACTOR });
    expect(dup.codes).toEqual(['CONFLICT']);
    const bad = await admin(CREATE_ACTOR, { input: { id: 'Bad Id!', kind: 'PERSON', name: ' ', category: 'think tank' } });
    expect(bad.codes).toEqual(['BAD_USER_INPUT']);
    expect(bad.body.errors![0].extensions!.problems!.map((p) => p.path).sort()).toEqual(['category', 'id', 'name']);
    const wrongCountry = await admin(CREATE_ACTOR, { input: { ...NEW_ACTOR, id: 'other-minister', country: 'tokayev' } });
    expect(wrongCountry.codes).toEqual(['BAD_USER_INPUT']);
    expect(await changeCount()).toBe(before);
  });

  it('updates fields, clears optional ones with null, and logs before and after', async () => {
    const r = await admin('mutation { updateActor(id: "test-minister", patch: { name: "Test Minister II", summary: null, tags: ["renamed"] }) { id name summary tags aliases } }');
    expect(ok(r).updateActor).toEqual({ id: 'test-minister', name: 'Test Minister II', summary: null, tags: ['renamed'], aliases: ['T. Minister'] });
    const change = await lastChange();
    expect(change).toMatchObject({ op: 'UPSERT_ACTOR', entityId: 'test-minister' });
    expect(change.before).toMatchObject({ name: 'Test Minister', summary: 'Made up for tests.' });
    expect(change.after).toMatchObject({ name: 'Test Minister II' });
    expect(change.after.summary).toBeUndefined();
  });

  it('refuses to clear a required field and to update an unknown actor', async () => {
    const before = await changeCount();
    expect((await admin('mutation { updateActor(id: "test-minister", patch: { name: null }) { id } }')).codes).toEqual(['BAD_USER_INPUT']);
    expect((await admin('mutation { updateActor(id: "nobody-here", patch: { name: "X" }) { id } }')).codes).toEqual(['NOT_FOUND']);
    expect(await changeCount()).toBe(before);
  });
});

const CITE = [{ sourceId: 'src-a', excerpt: 'Invented test excerpt.' }];
const CREATE_REL = 'mutation($input: RelationshipInput!) { createRelationship(input: $input) { id type role start source { id } target { id } citations { excerpt source { id } } } }';

describe('relationships', () => {
  it('creates a relationship with a generated id and logs it', async () => {
    const r = await admin(CREATE_REL, { input: { type: 'APPOINTED', source: 'tokayev', target: 'test-minister', role: 'Minister of Tests', start: '2023-02', citations: CITE } });
    expect(ok(r).createRelationship).toEqual({
      id: 'appointed--tokayev--test-minister',
      type: 'APPOINTED',
      role: 'Minister of Tests',
      start: '2023-02',
      source: { id: 'tokayev' },
      target: { id: 'test-minister' },
      citations: [{ excerpt: 'Invented test excerpt.', source: { id: 'src-a' } }],
    });
    const change = await lastChange();
    expect(change).toMatchObject({ op: 'UPSERT_RELATIONSHIP', entityId: 'appointed--tokayev--test-minister', before: null, by: 'api' });
    const again = await admin(CREATE_REL, { input: { type: 'APPOINTED', source: 'tokayev', target: 'test-minister', start: '2024', citations: CITE } });
    expect(ok(again).createRelationship.id).toBe('appointed--tokayev--test-minister--2');
  });

  it('requires a citation: omitted, empty, blank or of an unknown source, nothing is written', async () => {
    const before = await changeCount();
    const base = { type: 'SUPPORTED', source: 'russia', target: 'test-minister' };
    const omitted = await admin(CREATE_REL, { input: base });
    expect(omitted.status).toBe(400);
    expect(omitted.codes).toEqual(['BAD_USER_INPUT']);
    const empty = await admin(CREATE_REL, { input: { ...base, citations: [] } });
    expect(empty.codes).toEqual(['BAD_USER_INPUT']);
    expect(empty.body.errors![0].extensions!.problems![0].path).toBe('citations');
    const blank = await admin(CREATE_REL, { input: { ...base, citations: [{ sourceId: 'src-a', excerpt: '' }] } });
    expect(blank.codes).toEqual(['BAD_USER_INPUT']);
    const unknownSource = await admin(CREATE_REL, { input: { ...base, citations: [{ sourceId: 'src-nowhere', excerpt: 'x' }] } });
    expect(unknownSource.codes).toEqual(['BAD_USER_INPUT']);
    const badKinds = await admin(CREATE_REL, { input: { type: 'APPOINTED', source: 'tokayev', target: 'csto', citations: CITE } });
    expect(badKinds.codes).toEqual(['BAD_USER_INPUT']);
    expect(await changeCount()).toBe(before);
  });

  it('refuses a taken explicit id with CONFLICT', async () => {
    const r = await admin(CREATE_REL, { input: { id: 'r01', type: 'SUPPORTED', source: 'russia', target: 'tokayev', citations: CITE } });
    expect(r.codes).toEqual(['CONFLICT']);
  });

  it('updates and clears fields, logging before and after', async () => {
    const r = await admin('mutation { updateRelationship(id: "appointed--tokayev--test-minister", patch: { role: "Chief Tester", start: null, end: "2024" }) { id role start end } }');
    expect(ok(r).updateRelationship).toEqual({ id: 'appointed--tokayev--test-minister', role: 'Chief Tester', start: null, end: '2024' });
    const change = await lastChange();
    expect(change.before).toMatchObject({ role: 'Minister of Tests', start: '2023-02' });
    expect(change.after).toMatchObject({ role: 'Chief Tester', end: '2024' });
    const bad = await admin('mutation { updateRelationship(id: "appointed--tokayev--test-minister", patch: { citations: null }) { id } }');
    expect(bad.codes).toEqual(['BAD_USER_INPUT']);
    const missing = await admin('mutation { updateRelationship(id: "r404", patch: { role: "x" }) { id } }');
    expect(missing.codes).toEqual(['NOT_FOUND']);
  });

  it('deletes a relationship and logs it', async () => {
    const r = await admin('mutation { deleteRelationship(id: "appointed--tokayev--test-minister--2") }');
    expect(ok(r).deleteRelationship).toBe('appointed--tokayev--test-minister--2');
    const change = await lastChange();
    expect(change).toMatchObject({ op: 'DELETE_RELATIONSHIP', entityId: 'appointed--tokayev--test-minister--2', after: null });
    expect(change.before).toMatchObject({ id: 'appointed--tokayev--test-minister--2' });
    const gone = await gql(api.url, '{ relationship(id: "appointed--tokayev--test-minister--2") { id } }');
    expect(gone.codes).toEqual(['NOT_FOUND']);
  });
});

describe('merge and delete actors, sources', () => {
  it('merges one actor into another: relationships move, the name becomes an alias', async () => {
    await admin(CREATE_ACTOR, { input: { id: 'test-minister-dup', kind: 'PERSON', name: 'T. Minister Duplicate' } });
    await admin(CREATE_REL, { input: { type: 'SUPPORTED', source: 'russia', target: 'test-minister-dup', citations: CITE } });
    const r = await admin('mutation { mergeActors(keepId: "test-minister", mergeId: "test-minister-dup") { id aliases neighbors { id } } }');
    const kept = ok(r).mergeActors;
    expect(kept.aliases).toContain('T. Minister Duplicate');
    expect(kept.neighbors.map((n: { id: string }) => n.id).sort()).toEqual(['russia', 'tokayev']);
    expect((await lastChange()).op).toBe('MERGE_ACTORS');
    expect((await gql(api.url, '{ actor(id: "test-minister-dup") { id } }')).codes).toEqual(['NOT_FOUND']);
    expect((await admin('mutation { mergeActors(keepId: "tokayev", mergeId: "tokayev") { id } }')).codes).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses to delete an actor with relationships unless cascading', async () => {
    const refused = await admin('mutation { deleteActor(id: "test-minister") }');
    expect(refused.codes).toEqual(['CONFLICT']);
    const r = await admin('mutation { deleteActor(id: "test-minister", cascade: true) }');
    expect(ok(r).deleteActor).toBe('test-minister');
    expect((await lastChange()).op).toBe('DELETE_ACTOR');
    expect((await admin('mutation { deleteActor(id: "test-minister") }')).codes).toEqual(['NOT_FOUND']);
  });

  it('creates, replaces and deletes a source; a cited source cannot be deleted', async () => {
    const input = { id: 'src-test', title: 'A test source', publisher: 'Nobody', published: '2024-05', url: 'https://example.org/test' };
    const created = await admin('mutation($input: SourceInput!) { upsertSource(input: $input) { id title url relationships { totalCount } } }', { input });
    expect(ok(created).upsertSource).toEqual({ id: 'src-test', title: 'A test source', url: 'https://example.org/test', relationships: { totalCount: 0 } });
    expect((await lastChange()).op).toBe('UPSERT_SOURCE');
    const badUrl = await admin('mutation($input: SourceInput!) { upsertSource(input: $input) { id } }', { input: { ...input, url: 'javascript:alert(1)' } });
    expect(badUrl.codes).toEqual(['BAD_USER_INPUT']);
    expect((await admin('mutation { deleteSource(id: "src-a") }')).codes).toEqual(['CONFLICT']);
    expect(ok(await admin('mutation { deleteSource(id: "src-test") }')).deleteSource).toBe('src-test');
    expect((await lastChange()).op).toBe('DELETE_SOURCE');
  });

  it('runs several mutations of one operation in order, each logged', async () => {
    const before = await changeCount();
    const r = await admin(`mutation {
      a: createActor(input: { id: "seq-one", kind: PERSON, name: "Seq One" }) { id }
      b: updateActor(id: "seq-one", patch: { summary: "second step" }) { summary degree }
      c: deleteActor(id: "seq-one")
    }`);
    expect(ok(r)).toEqual({ a: { id: 'seq-one' }, b: { summary: 'second step', degree: 0 }, c: 'seq-one' });
    expect(await changeCount()).toBe(before + 3);
  });
});

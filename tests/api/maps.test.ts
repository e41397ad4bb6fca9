/**
 * Curated maps and hub paging over real HTTP against a real embedded store:
 * save/list/get/delete, admin-only writes, invalid input refused with nothing
 * written, live resolution (deleted actors and relationships marked on an old
 * map), and RANKED paging through a hub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, GraphData, Relationship, RelationshipType } from '@/graph/core/model';
import { RELATIONSHIP_TYPES } from '@/graph/core/model';
import type { GraphStore } from '@/graph/core/store';
import { apiGraph, SRC_A, SRC_B } from '@/tests/fixtures/api-graph';
import { gql, type GqlResponse, type Json } from './http-harness';
import { ADMIN_TOKEN, openLoadedStore, startApi, testConfig } from './setup';

const HUB_SIZE = 61;
const HUB_TYPES: RelationshipType[] = ['SUPPORTED', 'APPOINTED', 'OPPOSED', 'DISMISSED'];

/** The API graph plus `hub-person-NN` actors tied to Tokayev by HUB_SIZE relationships of mixed types and dates (some undated). */
function hubGraph(): GraphData {
  const data = apiGraph();
  const people: Actor[] = Array.from({ length: HUB_SIZE }, (_, i) => ({ id: `hub-person-${String(i).padStart(2, '0')}`, kind: 'PERSON', name: `Hub Person ${i}`, aliases: [], tags: [] }));
  const rels: Relationship[] = people.map((p, i) => ({
    id: `hub-rel-${String(i).padStart(2, '0')}`,
    type: HUB_TYPES[i % HUB_TYPES.length],
    source: 'tokayev',
    target: p.id,
    ...(i % 5 === 0 ? {} : { start: `20${String(10 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}` }),
    citations: [{ sourceId: i % 2 ? SRC_A : SRC_B, excerpt: `Hub excerpt ${i}.` }],
  }));
  return { ...data, actors: [...data.actors, ...people], relationships: [...data.relationships, ...rels] };
}

let opened: Awaited<ReturnType<typeof openLoadedStore>>;
let store: GraphStore;
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  opened = await openLoadedStore(hubGraph());
  store = opened.store;
  api = await startApi(store, testConfig(opened.dir, { adminToken: ADMIN_TOKEN }));
});

afterAll(async () => {
  await api?.close();
  await opened?.close();
});

const admin = (query: string, variables?: Record<string, unknown>) => gql(api.url, query, { variables, token: ADMIN_TOKEN });
const anon = (query: string, variables?: Record<string, unknown>) => gql(api.url, query, { variables });
const changeCount = async () => (await store.changes({ first: 1 })).totalCount;
function ok(r: GqlResponse): Json {
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body.data!;
}

const SAVE = `mutation($input: MapInput!) { saveMap(input: $input) { id title description asOf createdAt updatedAt
  nodes { actorId savedName savedKind x y deleted actor { id name } }
  edges { relationshipId savedType savedSource savedTarget deleted relationship { id type } }
  annotations { id text target targetId x y } deletedCount sources { id } } }`;
const GET = `query($id: ID!) { map(id: $id) { id title createdAt updatedAt deletedCount
  nodes { actorId savedName savedKind x y deleted actor { id name } }
  edges { relationshipId savedType deleted relationship { id citations { excerpt source { id } } } }
  annotations { id text target targetId x y } sources { id title } } }`;
const LIST = 'query($first: Int, $after: String) { maps(first: $first, after: $after) { totalCount nodes { id title } pageInfo { endCursor hasNextPage } } }';

const CRACKDOWN = {
  title: 'The KNB in January 2022',
  description: 'Who moved against Massimov.',
  asOf: '2022-01',
  nodes: [
    { actorId: 'tokayev', x: 0, y: 0 },
    { actorId: 'massimov', x: 200.5, y: -40 },
    { actorId: 'prosecutor-general', x: 180, y: 160 },
  ],
  relationshipIds: ['r05', 'r04', 'r19'],
  annotations: [
    { id: 'removed', text: 'Massimov was removed from the KNB.', target: 'EDGE', targetId: 'r05' },
    { id: 'who', text: 'Chairman of the KNB until January 2022.', target: 'NODE', targetId: 'massimov' },
    { id: 'note', text: 'Dates are from the first reports.', target: 'CANVAS', x: -120, y: 220 },
  ],
};

describe('saving and reading maps', () => {
  it('saves a map with a slug from its title, saved names taken from the store, and logs SAVE_MAP', async () => {
    const before = await changeCount();
    const m = ok(await admin(SAVE, { input: CRACKDOWN })).saveMap;
    expect(m.id).toBe('the-knb-in-january-2022');
    expect(m.nodes.map((n: Json) => [n.actorId, n.savedName, n.savedKind, n.deleted])).toEqual([
      ['tokayev', 'Kassym-Jomart Tokayev', 'PERSON', false],
      ['massimov', 'Karim Massimov', 'PERSON', false],
      ['prosecutor-general', "Prosecutor General's Office", 'INSTITUTION', false],
    ]);
    expect(m.nodes[1]).toMatchObject({ x: 200.5, y: -40 });
    expect(m.edges.map((e: Json) => [e.relationshipId, e.savedType, e.savedSource, e.savedTarget])).toEqual([
      ['r05', 'DISMISSED', 'tokayev', 'massimov'],
      ['r04', 'PROSECUTED', 'prosecutor-general', 'massimov'],
      ['r19', 'OPPOSED', 'massimov', 'tokayev'],
    ]);
    expect(m.annotations).toEqual([
      { id: 'removed', text: 'Massimov was removed from the KNB.', target: 'EDGE', targetId: 'r05', x: null, y: null },
      { id: 'who', text: 'Chairman of the KNB until January 2022.', target: 'NODE', targetId: 'massimov', x: null, y: null },
      { id: 'note', text: 'Dates are from the first reports.', target: 'CANVAS', targetId: null, x: -120, y: 220 },
    ]);
    expect(m.sources).toEqual([{ id: SRC_A }]);
    expect(m.deletedCount).toBe(0);
    expect(m.createdAt).toBe(m.updatedAt);
    const log = await store.changes({ first: 500 });
    expect(log.totalCount).toBe(before + 1);
    expect(log.items.at(-1)).toMatchObject({ op: 'SAVE_MAP', entityId: m.id, by: 'api' });
  });

  it('gives a second map with the same title the next free slug, and replacing by id keeps createdAt', async () => {
    const second = ok(await admin(SAVE, { input: CRACKDOWN })).saveMap;
    expect(second.id).toBe('the-knb-in-january-2022-2');
    const first = ok(await anon(GET, { id: 'the-knb-in-january-2022' })).map;
    await new Promise((r) => setTimeout(r, 5));
    const replaced = ok(await admin(SAVE, { input: { ...CRACKDOWN, id: first.id, title: 'Renamed', nodes: CRACKDOWN.nodes.slice(0, 2), relationshipIds: ['r05'], annotations: [] } })).saveMap;
    expect(replaced).toMatchObject({ id: first.id, title: 'Renamed', createdAt: first.createdAt });
    expect(replaced.updatedAt > first.updatedAt).toBe(true);
    expect(replaced.nodes).toHaveLength(2);
  });

  it('reads a map anonymously with live records, citations and its sources', async () => {
    const m = ok(await anon(GET, { id: 'the-knb-in-january-2022-2' })).map;
    expect(m.nodes[0].actor).toEqual({ id: 'tokayev', name: 'Kassym-Jomart Tokayev' });
    expect(m.edges[0].relationship.citations[0]).toEqual({ excerpt: 'Massimov was removed from the KNB.', source: { id: SRC_A } });
    expect(m.sources).toEqual([{ id: SRC_A, title: 'Fixture source A' }]);
  });

  it('lists 50 maps with their counts within the cost limit', async () => {
    const r = await anon('{ maps(first: 50) { nodes { id title description asOf updatedAt nodeCount edgeCount annotationCount deletedCount } } }');
    const nodes = ok(r).maps.nodes;
    expect(nodes.find((m: Json) => m.id === 'the-knb-in-january-2022-2')).toMatchObject({ nodeCount: 3, edgeCount: 3, annotationCount: 3, deletedCount: 0 });
  });

  it('lists maps newest first with cursor paging', async () => {
    const page1 = ok(await anon(LIST, { first: 1 })).maps;
    expect(page1.totalCount).toBe(2);
    expect(page1.nodes.map((m: Json) => m.id)).toEqual(['the-knb-in-january-2022']); // replaced last
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok(await anon(LIST, { first: 1, after: page1.pageInfo.endCursor })).maps;
    expect(page2.nodes.map((m: Json) => m.id)).toEqual(['the-knb-in-january-2022-2']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('answers an unknown map with null and NOT_FOUND', async () => {
    for (const id of ['no-such-map', 'Not A Slug']) {
      const r = await anon(GET, { id });
      expect(r.body.data).toEqual({ map: null });
      expect(r.codes).toEqual(['NOT_FOUND']);
    }
  });
});

describe('writes need the admin token', () => {
  it('refuses saveMap and deleteMap without a token or with a wrong one, writing nothing', async () => {
    const before = await changeCount();
    for (const token of [undefined, 'wrong-token']) {
      const save = await gql(api.url, SAVE, { variables: { input: CRACKDOWN }, token });
      expect(save.codes).toEqual(['UNAUTHENTICATED']);
      const del = await gql(api.url, 'mutation { deleteMap(id: "the-knb-in-january-2022") }', { token });
      expect(del.codes).toEqual(['UNAUTHENTICATED']);
    }
    expect(await changeCount()).toBe(before);
    expect((await store.listMaps()).totalCount).toBe(2);
  });
});

describe('invalid maps', () => {
  it('lists every problem with BAD_USER_INPUT and writes nothing', async () => {
    const before = await changeCount();
    const r = await admin(SAVE, {
      input: {
        title: ' ',
        nodes: [
          { actorId: 'tokayev', x: 0, y: 1e12 },
          { actorId: 'no-such-actor', x: 0, y: 0 },
          { actorId: 'tokayev', x: 1, y: 1 },
        ],
        relationshipIds: ['r04', 'no-such-rel'],
        annotations: [
          { id: 'a', text: 'x'.repeat(2001), target: 'NODE', targetId: 'massimov' },
          { id: 'b', text: 'edge', target: 'EDGE', targetId: 'r01' },
          { id: 'c', text: 'floating', target: 'CANVAS' },
        ],
      },
    });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    const paths = (r.body.errors![0].extensions!.problems ?? []).map((p) => p.path).sort();
    expect(paths).toEqual(
      [
        'title',
        'nodes[0].y',
        'nodes[1].actorId',
        'nodes[2].actorId',
        'relationshipIds[0]',
        'relationshipIds[1]',
        'annotations[0].text',
        'annotations[0].targetId',
        'annotations[1].targetId',
        'annotations[2].x',
        'annotations[2].y',
      ].sort(),
    );
    expect(await changeCount()).toBe(before);
    expect((await store.listMaps()).totalCount).toBe(2);
  });

  it('refuses an empty map, a bad id and a bad asOf', async () => {
    const r = await admin(SAVE, { input: { id: 'Bad Id', title: 'Empty', asOf: '2022-13', nodes: [], relationshipIds: [] } });
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect((r.body.errors![0].extensions!.problems ?? []).map((p) => p.path).sort()).toEqual(['asOf', 'id', 'nodes']);
  });
});

describe('an old map after the graph changed', () => {
  it('marks a deleted actor and its deleted relationships, keeps their saved names, and drops their sources', async () => {
    const saved = ok(
      await admin(SAVE, {
        input: {
          id: 'family',
          title: 'Family',
          nodes: [
            { actorId: 'nazarbayev', x: 0, y: 0 },
            { actorId: 'dariga-nazarbayeva', x: 100, y: 0 },
            { actorId: 'tokayev', x: 0, y: 100 },
          ],
          relationshipIds: ['r09', 'r16'],
        },
      }),
    ).saveMap;
    expect(saved.sources).toEqual([{ id: SRC_B }]);
    await store.deleteActor('dariga-nazarbayeva', { cascade: true }, { by: 'test' });
    await store.deleteRelationship('r16', { by: 'test' });
    const m = ok(await anon(GET, { id: 'family' })).map;
    expect(m.deletedCount).toBe(3);
    expect(m.nodes.map((n: Json) => [n.actorId, n.savedName, n.deleted, n.actor?.id ?? null])).toEqual([
      ['nazarbayev', 'Nursultan Nazarbayev', false, 'nazarbayev'],
      ['dariga-nazarbayeva', 'Dariga Nazarbayeva', true, null],
      ['tokayev', 'Kassym-Jomart Tokayev', false, 'tokayev'],
    ]);
    expect(m.edges.map((e: Json) => [e.relationshipId, e.savedType, e.deleted, e.relationship])).toEqual([
      ['r09', 'FAMILY_OF', true, null],
      ['r16', 'SUCCEEDED', true, null],
    ]);
    expect(m.sources).toEqual([]);
  });

  it('deletes a map (and only the map), logging DELETE_MAP; a second delete is NOT_FOUND', async () => {
    const actorsBefore = (await store.stats({ top: 0 })).actors;
    expect(ok(await admin('mutation { deleteMap(id: "family") }')).deleteMap).toBe('family');
    expect((await store.changes({ first: 500 })).items.at(-1)).toMatchObject({ op: 'DELETE_MAP', entityId: 'family' });
    expect((await store.stats({ top: 0 })).actors).toBe(actorsBefore);
    expect((await admin('mutation { deleteMap(id: "family") }')).codes).toEqual(['NOT_FOUND']);
  });
});

describe('map versions over HTTP', () => {
  const SAVE_V = 'mutation($input: MapInput!) { saveMap(input: $input) { id title version } }';

  it('refuses a save or delete based on an old version with CONFLICT, the current version and map in extensions, writing nothing', async () => {
    const input = { ...CRACKDOWN, id: 'versioned', title: 'Mine' };
    expect(ok(await admin(SAVE_V, { input })).saveMap).toEqual({ id: 'versioned', title: 'Mine', version: 1 });
    expect(ok(await admin(SAVE_V, { input: { ...input, title: 'Theirs', expectedVersion: 1 } })).saveMap.version).toBe(2);
    const before = await changeCount();
    const stale = await admin(SAVE_V, { input: { ...input, title: 'Mine again', expectedVersion: 1 } });
    expect(stale.codes).toEqual(['CONFLICT']);
    const ext = stale.body.errors![0].extensions!;
    expect(ext.currentVersion).toBe(2);
    expect(ext.current).toMatchObject({ id: 'versioned', title: 'Theirs', version: 2 });
    const del = await admin('mutation { deleteMap(id: "versioned", expectedVersion: 1) }');
    expect(del.codes).toEqual(['CONFLICT']);
    expect(del.body.errors![0].extensions!.currentVersion).toBe(2);
    expect(await changeCount()).toBe(before);
    expect(ok(await anon('{ map(id: "versioned") { title version } }')).map).toEqual({ title: 'Theirs', version: 2 });
    expect(ok(await admin('mutation { deleteMap(id: "versioned", expectedVersion: 2) }')).deleteMap).toBe('versioned');
  });

  it('lets exactly one of two concurrent saves based on the same version through', async () => {
    const input = { ...CRACKDOWN, id: 'raced', title: 'Start' };
    ok(await admin(SAVE_V, { input }));
    const [a, b] = await Promise.all(['A', 'B'].map((title) => admin(SAVE_V, { input: { ...input, title, expectedVersion: 1 } })));
    const codes = [a, b].map((r) => r.codes[0] ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = [a, b].find((r) => r.codes.length === 0)!.body.data!.saveMap;
    expect(ok(await anon('{ map(id: "raced") { title version } }')).map).toEqual({ title: winner.title, version: 2 });
  });
});

describe('hub paging (Actor.relationships order: RANKED)', () => {
  const PAGE = `query($after: String) { actor(id: "tokayev") { degree relationships(order: RANKED, first: 25, after: $after) {
    totalCount nodes { id type start } pageInfo { endCursor hasNextPage } } } }`;

  it('pages through a hub 25 at a time, reaching every relationship exactly once, most important types first', async () => {
    const seen: { id: string; type: RelationshipType; start: string | null }[] = [];
    let after: string | null = null;
    let pages = 0;
    let degree = 0;
    for (;;) {
      const data = ok(await anon(PAGE, { after }));
      degree = data.actor.degree;
      const conn = data.actor.relationships;
      expect(conn.nodes.length).toBeLessThanOrEqual(25);
      seen.push(...conn.nodes);
      pages++;
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(degree).toBeGreaterThan(HUB_SIZE);
    expect(pages).toBe(Math.ceil(degree / 25));
    expect(seen).toHaveLength(degree);
    expect(new Set(seen.map((s) => s.id)).size).toBe(degree);
    // Type rank never goes down; within a type, dated newest first, undated last.
    const rank = (t: RelationshipType) => RELATIONSHIP_TYPES.indexOf(t);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]];
      expect(rank(a.type)).toBeLessThanOrEqual(rank(b.type));
      if (a.type === b.type && b.start !== null) expect(a.start !== null && a.start >= b.start).toBe(true);
    }
    expect(seen[0].type).toBe('APPOINTED');
  });

  it('keeps START_DATE as the default order and exposes the hub page size in apiInfo', async () => {
    const data = ok(await anon('{ apiInfo { limits { hubPageSize } } actor(id: "tokayev") { relationships(first: 500) { nodes { id } } } }'));
    expect(data.apiInfo.limits.hubPageSize).toBe(25);
    const ids = data.actor.relationships.nodes.map((n: Json) => n.id);
    const sorted = [...(await store.listRelationships({ actorId: 'tokayev' }, { first: 500 })).items.map((x) => x.id)];
    expect(ids).toEqual(sorted);
  });
});

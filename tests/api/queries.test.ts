/**
 * Every query, over real HTTP, against exactly the handlers app/api/graphql/route.ts
 * exports (configured through env as in production, store from getStore()).
 * Expected values come from the fixture or from the store itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_KINDS, INSTITUTION_CATEGORIES, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO } from '@/graph/core/model';
import type { GraphStore } from '@/graph/core/store';
import { MINI_COUNTS, SRC_A, apiGraph } from '@/tests/fixtures/api-graph';
import { gql, type Json } from './http-harness';
import { ADMIN_TOKEN, startRoute, ON_NEO4J } from './setup';

let route: Awaited<ReturnType<typeof startRoute>>;
let store: GraphStore;
let url: string;

beforeAll(async () => {
  route = await startRoute({ STEPPE_ADMIN_TOKEN: ADMIN_TOKEN }, apiGraph());
  store = route.store;
  url = route.url;
});

afterAll(async () => {
  await route?.close();
});

const ACTOR_FIELDS = 'id kind name category aliases summary tags degree country { id name }';

describe('actor', () => {
  it('returns every field, resolving country and degree', async () => {
    const r = await gql(url, `{ actor(id: "tokayev") { ${ACTOR_FIELDS} } }`);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.actor).toEqual({
      id: 'tokayev',
      kind: 'PERSON',
      name: 'Kassym-Jomart Tokayev',
      category: null,
      aliases: ['Tokaev', 'Tokáyev', 'Токаев'],
      summary: 'President of Kazakhstan from 2019.',
      tags: ['president'],
      degree: 8,
      country: { id: 'kazakhstan', name: 'Kazakhstan' },
    });
  });

  it('gives institutions their category', async () => {
    const r = await gql(url, '{ actor(id: "knb") { kind category } }');
    expect(r.body.data!.actor).toEqual({ kind: 'INSTITUTION', category: 'security service' });
  });

  it('answers an unknown id with null and NOT_FOUND', async () => {
    const r = await gql(url, '{ actor(id: "no-such-actor") { id } }');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ actor: null });
    expect(r.codes).toEqual(['NOT_FOUND']);
    expect(r.body.errors![0].path).toEqual(['actor']);
  });

  it('pages through Actor.relationships in start-date order, filtered by type and asOf', async () => {
    const all = await gql(url, '{ actor(id: "tokayev") { relationships(first: 500) { totalCount nodes { id start } } } }');
    const rels = all.body.data!.actor.relationships;
    expect(rels.totalCount).toBe(8);
    expect(rels.nodes.map((n: { id: string }) => n.id)).toEqual(['r07', 'r16', 'r14', 'r17', 'r02', 'r19', 'r05', 'r01']);

    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: Json = await gql(url, 'query($after: String) { actor(id: "tokayev") { relationships(first: 3, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } } }', {
        variables: { after },
      });
      const conn = page.body.data.actor.relationships;
      expect(conn.totalCount).toBe(8);
      seen.push(...conn.nodes.map((n: { id: string }) => n.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(rels.nodes.map((n: { id: string }) => n.id));

    const filtered = await gql(url, '{ actor(id: "tokayev") { relationships(types: [APPOINTED, DISMISSED], asOf: "2022-02") { totalCount nodes { id } } } }');
    expect(filtered.body.data!.actor.relationships.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['r01', 'r02', 'r05']);
  });

  it('lists neighbours, filtered by kind and type, most shared relationships first', async () => {
    const r = await gql(url, `{ actor(id: "massimov") {
      all: neighbors { id }
      people: neighbors(kinds: [PERSON]) { id }
      appointedBy: neighbors(types: [APPOINTED]) { id }
      one: neighbors(limit: 1) { id }
    } }`);
    const a = r.body.data!.actor;
    // tokayev shares two relationships with massimov (r05, r19); everyone else one.
    expect(a.all[0].id).toBe('tokayev');
    expect(a.all.map((n: { id: string }) => n.id).sort()).toEqual(['knb', 'nazarbayev', 'prosecutor-general', 'tokayev']);
    expect(a.people.map((n: { id: string }) => n.id).sort()).toEqual(['nazarbayev', 'tokayev']);
    expect(a.appointedBy).toEqual([{ id: 'nazarbayev' }]);
    expect(a.one).toEqual([{ id: 'tokayev' }]);
  });
});

describe('actors', () => {
  it('finds by alias ignoring case and diacritics, with match kind', async () => {
    const r = await gql(url, '{ actors(search: "tokaev") { totalCount nodes { id } edges { match matchedText node { id } } } }');
    const c = r.body.data!.actors;
    expect(c.nodes[0].id).toBe('tokayev');
    expect(c.edges[0]).toEqual({ match: 'EXACT', matchedText: 'Tokaev', node: { id: 'tokayev' } });
    const accents = await gql(url, '{ actors(search: "TOKÁYEV") { nodes { id } } }');
    expect(accents.body.data!.actors.nodes[0].id).toBe('tokayev');
  });

  it('filters by kind and pages with cursors and totalCount', async () => {
    const states = await gql(url, '{ actors(kinds: [STATE]) { totalCount nodes { id } } }');
    expect(states.body.data!.actors).toEqual({ totalCount: 2, nodes: [{ id: 'kazakhstan' }, { id: 'russia' }] });

    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const r: Json = await gql(url, 'query($after: String) { actors(first: 4, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } }', { variables: { after } });
      const c = r.body.data.actors;
      expect(c.totalCount).toBe(MINI_COUNTS.actors);
      ids.push(...c.nodes.map((n: { id: string }) => n.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(MINI_COUNTS.actors);
    expect(new Set(ids).size).toBe(MINI_COUNTS.actors);
  });
});

describe('relationship and relationships', () => {
  it('resolves source, target, citations with their sources, and symmetry', async () => {
    const r = await gql(url, `{
      r18: relationship(id: "r18") { id type role start end amount currency symmetric source { id } target { id } citations { excerpt source { id title } } }
      r10: relationship(id: "r10") { symmetric source { id } target { id } }
    }`);
    expect(r.body.data!.r18).toEqual({
      id: 'r18',
      type: 'INVESTED_IN',
      role: null,
      start: '2022-03',
      end: null,
      amount: 1000000,
      currency: 'USD',
      symmetric: false,
      source: { id: 'kazakhstan' },
      target: { id: 'samruk-kazyna' },
      citations: [
        { excerpt: 'The state topped up the fund.', source: { id: SRC_A, title: 'Fixture source A' } },
        { excerpt: 'A capital injection of one million dollars.', source: { id: 'src-b', title: 'Fixture source B' } },
      ],
    });
    expect(r.body.data!.r10).toEqual({ symmetric: true, source: { id: 'kazakhstan' }, target: { id: 'russia' } });
  });

  it('answers an unknown relationship with NOT_FOUND', async () => {
    const r = await gql(url, '{ relationship(id: "r99") { id } }');
    expect(r.body.data).toEqual({ relationship: null });
    expect(r.codes).toEqual(['NOT_FOUND']);
  });

  it('filters by types, actor, date range, asOf and source, matching the store', async () => {
    const cases = [
      { types: ['MEMBER_OF'] },
      { actorId: 'nazarbayev' },
      { from: '2022-01-01', to: '2022-01-31' },
      { asOf: '2020' },
      { sourceId: SRC_A },
      { types: ['APPOINTED', 'DISMISSED'], actorId: 'tokayev', asOf: '2022' },
    ];
    for (const filter of cases) {
      const r = await gql(url, 'query($f: RelationshipFilter) { relationships(filter: $f, first: 500) { totalCount nodes { id } } }', { variables: { f: filter } });
      expect(r.body.errors, JSON.stringify(filter)).toBeUndefined();
      const expected = await store.listRelationships(filter as never, { first: 500 });
      expect(r.body.data!.relationships.totalCount, JSON.stringify(filter)).toBe(expected.totalCount);
      expect(r.body.data!.relationships.nodes.map((n: { id: string }) => n.id)).toEqual(expected.items.map((x) => x.id));
    }
  });

  it('pages with first/after', async () => {
    const first = await gql(url, '{ relationships(first: 7) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } }');
    const c1 = first.body.data!.relationships;
    expect(c1.totalCount).toBe(MINI_COUNTS.relationships);
    expect(c1.nodes).toHaveLength(7);
    expect(c1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(url, 'query($a: String) { relationships(first: 7, after: $a) { nodes { id } } }', { variables: { a: c1.pageInfo.endCursor } });
    const ids2 = second.body.data!.relationships.nodes.map((n: { id: string }) => n.id);
    expect(ids2).toHaveLength(7);
    expect(ids2.some((id: string) => c1.nodes.some((n: { id: string }) => n.id === id))).toBe(false);
  });

  it('rejects a bad date with BAD_USER_INPUT naming the argument', async () => {
    const r = await gql(url, '{ relationships(filter: { asOf: "2022-13" }) { totalCount } }');
    expect(r.codes).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors![0].extensions!.problems![0].path).toBe('filter.asOf');
  });
});

describe('neighborhood and paths', () => {
  it('returns nodes, edges and truncation, honouring depth, limit, kinds, types and asOf', async () => {
    const r = await gql(url, `{
      d1: neighborhood(actorId: "tokayev") { center { id } nodes { id } edges { id source { id } target { id } } truncated }
      d2: neighborhood(actorId: "tokayev", depth: 2) { nodes { id } truncated }
      cut: neighborhood(actorId: "tokayev", depth: 2, limit: 3) { nodes { id } truncated }
      people: neighborhood(actorId: "tokayev", kinds: [PERSON]) { nodes { kind } }
      typed: neighborhood(actorId: "tokayev", types: [APPOINTED]) { nodes { id } edges { type } }
      before: neighborhood(actorId: "tokayev", asOf: "2019-06") { edges { id } }
    }`);
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data!;
    expect(d.d1.center).toEqual({ id: 'tokayev' });
    expect(d.d1.nodes[0]).toEqual({ id: 'tokayev' });
    expect(d.d1.nodes).toHaveLength(8); // tokayev + 7 distinct neighbours (massimov twice)
    expect(d.d1.truncated).toBe(false);
    const d1Ids = new Set(d.d1.nodes.map((n: { id: string }) => n.id));
    for (const e of d.d1.edges) expect(d1Ids.has(e.source.id) && d1Ids.has(e.target.id)).toBe(true);
    expect(d.d2.nodes.length).toBeGreaterThan(d.d1.nodes.length);
    expect(d.cut).toEqual({ nodes: expect.any(Array), truncated: true });
    expect(d.cut.nodes).toHaveLength(3);
    expect(new Set(d.people.nodes.map((n: { kind: string }) => n.kind))).toEqual(new Set(['PERSON']));
    expect(d.typed.nodes.map((n: { id: string }) => n.id)).toEqual(['tokayev', 'smailov']);
    expect(d.typed.edges).toEqual([{ type: 'APPOINTED' }]);
    expect(d.before.edges.map((e: { id: string }) => e.id).sort()).toEqual(['r07', 'r16']);
  });

  it('names each citation\'s source by id and lists each cited source once, ordered by id (Neighborhood.sources, Path.sources)', async () => {
    const query = `{
      d1: neighborhood(actorId: "tokayev") { edges { citations { sourceId source { id } } } sources { id title publisher published } }
      d2: neighborhood(actorId: "tokayev", depth: 2) { edges { citations { sourceId } } sources { id } }
      lone: neighborhood(actorId: "tokayev", types: [APPOINTED]) { edges { citations { sourceId } } sources { id } }
      paths(from: "smailov", to: "russia", maxLength: 4, limit: 3) { edges { citations { sourceId } } sources { id } }
    }`;
    const r = await gql(url, query);
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data!;
    type Cited = { citations: { sourceId: string; source?: { id: string } }[] };
    const citedIds = (edges: Cited[]) => [...new Set(edges.flatMap((e) => e.citations.map((c) => c.sourceId)))].sort();
    for (const e of d.d1.edges as Cited[]) for (const c of e.citations) expect(c.sourceId).toBe(c.source!.id);
    // Exactly the sources the store says the returned relationships cite, each once, by id.
    const hood = await store.neighborhood({ actorId: 'tokayev', depth: 2, limit: 100 });
    const stored = [...new Set(hood.relationships.flatMap((rel) => rel.citations.map((c) => c.sourceId)))].sort();
    expect(stored.length).toBeGreaterThan(1);
    expect(d.d2.sources.map((x: { id: string }) => x.id)).toEqual(stored);
    for (const answer of [d.d1, d.d2, d.lone, ...d.paths]) {
      expect(answer.sources.map((x: { id: string }) => x.id)).toEqual(citedIds(answer.edges));
    }
    // The source records are the stored ones, not stubs.
    const [a] = await store.getSources([d.d1.sources[0].id]);
    expect(d.d1.sources[0]).toEqual({ id: a!.id, title: a!.title, publisher: a!.publisher ?? null, published: a!.published ?? null });
    // The same question gets the same order.
    expect((await gql(url, query)).body.data).toEqual(d);
  });

  it('gives NOT_FOUND for an unknown centre and BAD_USER_INPUT for depth 4', async () => {
    const r = await gql(url, '{ a: neighborhood(actorId: "ghost") { truncated } b: neighborhood(actorId: "tokayev", depth: 4) { truncated } }');
    expect(r.body.data).toEqual({ a: null, b: null });
    expect(r.codes.sort()).toEqual(['BAD_USER_INPUT', 'NOT_FOUND']);
  });

  it('finds paths shortest first with nodes and edges in walking order', async () => {
    const r = await gql(url, `{
      paths(from: "smailov", to: "russia", maxLength: 4, limit: 3) { length nodes { id } edges { id source { id } target { id } } }
      none: paths(from: "smailov", to: "russia", maxLength: 1) { length }
      typed: paths(from: "tokayev", to: "russia", types: [SUPPORTED]) { nodes { id } }
    }`);
    expect(r.body.errors).toBeUndefined();
    const paths = r.body.data!.paths;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0].nodes.map((n: { id: string }) => n.id)).toEqual(['smailov', 'tokayev', 'russia']);
    for (let i = 1; i < paths.length; i++) expect(paths[i].length).toBeGreaterThanOrEqual(paths[i - 1].length);
    for (const p of paths) {
      expect(p.edges).toHaveLength(p.length);
      p.edges.forEach((e: { source: { id: string }; target: { id: string } }, i: number) => {
        expect([e.source.id, e.target.id].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
      });
    }
    expect(r.body.data!.none).toEqual([]);
    expect(r.body.data!.typed).toEqual([{ nodes: [{ id: 'tokayev' }, { id: 'russia' }] }]);
  });
});

describe('undated relationships and when a relationship was reported', () => {
  // r09 (Dariga Nazarbayeva FAMILY_OF Nursultan Nazarbayev) has no dates; it cites src-b (published 2023).
  it('leaves undated relationships out of every read under a date unless undated: SHOW', async () => {
    const r = await gql(
      url,
      `{
        hoodHide: neighborhood(actorId: "dariga-nazarbayeva", asOf: "2023") { edges { id } }
        hoodShow: neighborhood(actorId: "dariga-nazarbayeva", asOf: "2023", undated: SHOW) { edges { id } }
        listHide: relationships(filter: { actorId: "dariga-nazarbayeva", asOf: "2023" }) { totalCount }
        listShow: relationships(filter: { actorId: "dariga-nazarbayeva", asOf: "2023", undated: SHOW }) { totalCount }
        rangeHide: relationships(filter: { actorId: "dariga-nazarbayeva", from: "2020", to: "2023" }) { totalCount }
        undatedNoDate: relationships(filter: { actorId: "dariga-nazarbayeva" }) { totalCount }
        pathHide: paths(from: "dariga-nazarbayeva", to: "nazarbayev", asOf: "2023") { length }
        pathShow: paths(from: "dariga-nazarbayeva", to: "nazarbayev", asOf: "2023", undated: SHOW) { length }
        actor(id: "dariga-nazarbayeva") {
          relHide: relationships(asOf: "2023") { totalCount }
          relShow: relationships(asOf: "2023", undated: SHOW) { totalCount }
          nbHide: neighbors(asOf: "2023") { id }
          nbShow: neighbors(asOf: "2023", undated: SHOW) { id }
          mHide: metrics(asOf: "2023") { degree }
          mShow: metrics(asOf: "2023", undated: SHOW) { degree }
        }
        statsHide: stats(filter: { asOf: "2023" }) { relationships analytics { actorCount } }
        statsShow: stats(filter: { asOf: "2023", undated: SHOW }) { relationships analytics { actorCount } }
      }`,
    );
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data as Record<string, Json>;
    expect(d.hoodHide).toEqual({ edges: [] });
    expect(d.hoodShow).toEqual({ edges: [{ id: 'r09' }] });
    expect(d.listHide).toEqual({ totalCount: 0 });
    expect(d.listShow).toEqual({ totalCount: 1 });
    expect(d.rangeHide).toEqual({ totalCount: 0 });
    expect(d.undatedNoDate).toEqual({ totalCount: 1 });
    expect(d.pathHide).toEqual([]);
    expect(d.pathShow).toEqual([{ length: 1 }]);
    expect(d.actor).toEqual({ relHide: { totalCount: 0 }, relShow: { totalCount: 1 }, nbHide: [], nbShow: [{ id: 'nazarbayev' }], mHide: null, mShow: { degree: 1 } });
    const all = await store.stats({ filter: { asOf: '2023', undated: 'SHOW' } });
    expect((d.statsShow as { relationships: number }).relationships).toBe(all.relationships);
    expect((d.statsHide as { relationships: number }).relationships).toBe(all.relationships - 1);
    expect((d.statsShow as { analytics: { actorCount: number } }).analytics.actorCount).toBe(
      (d.statsHide as { analytics: { actorCount: number } }).analytics.actorCount + 1,
    );
  });

  it('refuses an unknown undated mode', async () => {
    const r = await gql(url, '{ neighborhood(actorId: "tokayev", asOf: "2023", undated: MAYBE) { truncated } }');
    expect(r.status).toBe(400);
    expect(r.body.errors?.length).toBeGreaterThan(0);
  });

  it('gives the earliest cited source date as reported, never as the start', async () => {
    const r = await gql(url, '{ undated: relationship(id: "r09") { start reported } both: relationship(id: "r18") { start reported } }');
    expect(r.body.data).toEqual({ undated: { start: null, reported: '2023' }, both: { start: '2022-03', reported: '2022-01-10' } });
  });
});

describe('sources, timeline, stats, changes, reference lists', () => {
  it('lists sources and shows the relationships a source supports', async () => {
    const r = await gql(url, `{ sources { id title publisher authors author published url }
      source(id: "src-a") { id relationships(first: 500) { totalCount nodes { id citations { source { id } } } } } }`);
    expect(r.body.data!.sources.map((s: { id: string }) => s.id)).toEqual(['src-a', 'src-b']);
    expect(r.body.data!.sources[0]).toEqual({
      id: 'src-a',
      title: 'Fixture source A',
      publisher: 'Test Wire',
      authors: ['A. Writer'],
      author: 'A. Writer',
      published: '2022-01-10',
      url: 'https://example.org/a',
    });
    const rels = r.body.data!.source.relationships;
    const expected = await store.listRelationships({ sourceId: 'src-a' }, { first: 500 });
    expect(rels.totalCount).toBe(expected.totalCount);
    for (const n of rels.nodes) expect(n.citations.some((c: { source: { id: string } }) => c.source.id === 'src-a')).toBe(true);
    const missing = await gql(url, '{ source(id: "src-z") { id } }');
    expect(missing.codes).toEqual(['NOT_FOUND']);
  });

  it('orders the timeline and restricts it to [from, to]', async () => {
    const r = await gql(url, '{ timeline(from: "2022-01", to: "2022-01") { date kind relationship { id } } }');
    const events = r.body.data!.timeline;
    const expected = await store.timeline({ from: '2022-01', to: '2022-01', limit: 500 });
    expect(events).toEqual(expected.map((e) => ({ date: e.date, kind: e.kind, relationship: { id: e.relationship.id } })));
    expect(events.length).toBeGreaterThan(3);
    for (const e of events) expect(e.date === '2022' || e.date.startsWith('2022-01')).toBe(true);
  });

  it('counts by kind and type, most connected and date range', async () => {
    const r = await gql(url, '{ stats(top: 3) { actors relationships sources actorsByKind { kind count } relationshipsByType { type count } mostConnected { actor { id } degree } dateRange { min max } } }');
    const s = r.body.data!.stats;
    expect(s.actors).toBe(MINI_COUNTS.actors);
    expect(s.relationships).toBe(MINI_COUNTS.relationships);
    expect(s.sources).toBe(MINI_COUNTS.sources);
    expect(s.actorsByKind).toEqual([
      { kind: 'PERSON', count: 6 },
      { kind: 'INSTITUTION', count: 5 },
      { kind: 'STATE', count: 2 },
    ]);
    expect(s.relationshipsByType.map((t: { type: string }) => t.type)).toEqual([...RELATIONSHIP_TYPES]);
    expect(s.relationshipsByType.find((t: { type: string }) => t.type === 'MEMBER_OF').count).toBe(4);
    expect(s.mostConnected[0]).toEqual({ actor: { id: 'tokayev' }, degree: 8 });
    expect(s.mostConnected).toHaveLength(3);
    expect(s.dateRange).toEqual({ min: '1991', max: '2022-04' });
  });

  it('reads the change log with cursors', async () => {
    const r = await gql(url, '{ changes(first: 1) { totalCount pageInfo { hasNextPage } nodes { seq at op entityId by after } } }');
    const c = r.body.data!.changes;
    expect(c.totalCount).toBeGreaterThanOrEqual(1);
    expect(c.nodes[0]).toMatchObject({ seq: 1, op: 'IMPORT', by: 'test' });
    expect(Number.isNaN(Date.parse(c.nodes[0].at))).toBe(false);
  });

  it('serves relationship types, institution categories and API info from the model and config', async () => {
    const r = await gql(url, '{ relationshipTypes { value label symmetric direction sourceKinds targetKinds } institutionCategories apiInfo { readOnly store limits { maxPageSize maxQueryDepth } } }');
    const d = r.body.data!;
    expect(d.relationshipTypes).toEqual(
      RELATIONSHIP_TYPES.map((value) => {
        const i = RELATIONSHIP_TYPE_INFO[value];
        return { value, label: i.label, symmetric: i.symmetric, direction: i.direction, sourceKinds: [...i.sourceKinds], targetKinds: [...i.targetKinds] };
      }),
    );
    expect(d.institutionCategories).toEqual([...INSTITUTION_CATEGORIES]);
    expect(d.apiInfo).toEqual({ readOnly: false, store: ON_NEO4J ? 'neo4j' : 'memory', limits: { maxPageSize: 500, maxQueryDepth: 8 } });
    expect(ACTOR_KINDS).toHaveLength(3);
  });

  it('answers the same query over GET', async () => {
    const post = await gql(url, 'query($id: ID!) { actor(id: $id) { name degree } }', { variables: { id: 'nazarbayev' } });
    const get = await gql(url, 'query($id: ID!) { actor(id: $id) { name degree } }', { variables: { id: 'nazarbayev' }, method: 'GET' });
    expect(get.status).toBe(200);
    expect(get.body).toEqual(post.body);
    expect(get.body.data).toEqual({ actor: { name: 'Nursultan Nazarbayev', degree: 6 } });
  });
});

/**
 * Graph analytics over real HTTP: centrality rankings, communities, one
 * actor's metrics, brokers and the diff between two partial dates, against
 * the fixture graph (known answers, plus graph/analytics run on the same
 * store); bad arguments and stats filters refused with BAD_USER_INPUT;
 * whole-graph reads weighed by the cost limit; metrics cached across requests
 * until a write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics, diffBetween } from '@/graph/analytics';
import type { GraphStore } from '@/graph/core/store';
import { SRC_A } from '@/tests/fixtures/api-graph';
import { gql, type GqlResponse, type Json } from './http-harness';
import { ADMIN_TOKEN, openLoadedStore, startApi, startRoute, testConfig } from './setup';

let route: Awaited<ReturnType<typeof startRoute>>;
let url: string;
let store: GraphStore;

beforeAll(async () => {
  route = await startRoute({});
  url = route.url;
  store = route.store;
});

afterAll(async () => {
  await route?.close();
});

function ok(r: GqlResponse): Record<string, Json> {
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body.data!;
}

function badInput(r: GqlResponse, path?: string) {
  expect(r.codes).toEqual(['BAD_USER_INPUT']);
  if (path) expect(r.body.errors![0].extensions!.problems!.map((p) => p.path)).toContain(path);
}

describe('centrality', () => {
  it('ranks the fixture’s most central actors by each measure, matching graph/analytics', async () => {
    const d = ok(
      await gql(
        url,
        `{ stats { analytics {
          actorCount tieCount relationshipCount modularity betweennessSampled
          pagerank: central(first: 3) { rank score actor { id name } metrics { pageRank pageRankRank } }
          degree: central(by: DEGREE, first: 3) { rank score actor { id } }
          betweenness: central(by: BETWEENNESS, first: 13) { rank score actor { id } }
        } } }`,
      ),
    );
    const a = d.stats.analytics;
    const expected = await computeMetrics(store);
    expect(a).toMatchObject({ actorCount: 13, tieCount: 18, relationshipCount: 20, betweennessSampled: false });
    expect(a.modularity).toBeCloseTo(expected.modularity, 12);

    // Tokayev is top by every measure on the fixture: 8 relationships, 7 neighbours.
    expect(a.pagerank[0]).toEqual({
      rank: 1,
      score: expected.actors.get('tokayev')!.pageRank,
      actor: { id: 'tokayev', name: 'Kassym-Jomart Tokayev' },
      metrics: { pageRank: expected.actors.get('tokayev')!.pageRank, pageRankRank: 1 },
    });
    expect(a.pagerank.map((x: Json) => x.actor.id)).toEqual(['tokayev', 'nazarbayev', 'kazakhstan']);
    expect(a.degree.map((x: Json) => [x.rank, x.actor.id, x.score])).toEqual([
      [1, 'tokayev', 8],
      [2, 'kazakhstan', 6], // ties with nazarbayev at 6, broken by id
      [3, 'nazarbayev', 6],
    ]);
    expect(a.betweenness.map((x: Json) => x.actor.id)).toEqual(expected.rankings.betweenness);
    const scores = a.betweenness.map((x: Json) => x.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it('lists brokers by communities bridged', async () => {
    const d = ok(await gql(url, '{ stats { analytics { brokers(first: 2) { rank score actor { id } metrics { bridgedCommunities participation } } } } }'));
    const brokers = d.stats.analytics.brokers;
    expect(brokers.map((b: Json) => b.actor.id)).toEqual(['tokayev', 'nazarbayev']);
    expect(brokers[0]).toMatchObject({ rank: 1, score: 2, metrics: { bridgedCommunities: 2, participation: 0.65625 } });
  });

  it('analyses the graph the stats filter selects (asOf and types)', async () => {
    const d = ok(await gql(url, '{ stats(filter: { types: [APPOINTED, DISMISSED], asOf: "2022" }) { relationships analytics { actorCount relationshipCount central(by: DEGREE, first: 1) { actor { id } score } } } }'));
    const expected = await computeMetrics(store, { types: ['APPOINTED', 'DISMISSED'], asOf: '2022' });
    expect(d.stats.analytics.relationshipCount).toBe(expected.relationshipCount);
    expect(d.stats.analytics.actorCount).toBe(expected.actorCount);
    expect(d.stats.analytics.actorCount).toBeLessThan(13);
    expect(d.stats.analytics.central[0]).toEqual({ actor: { id: 'tokayev' }, score: expected.actors.get('tokayev')!.degree });
  });
});

describe('communities', () => {
  it('returns Louvain communities, largest first, each led by its highest-PageRank member', async () => {
    const d = ok(await gql(url, '{ communities { id label size leader { id } members(first: 10) { id } } }'));
    const members = (...list: string[]) => list.map((id) => ({ id }));
    expect(d.communities).toEqual([
      { id: 0, label: 'Kassym-Jomart Tokayev', size: 5, leader: { id: 'tokayev' }, members: members('tokayev', 'massimov', 'knb', 'prosecutor-general', 'smailov') },
      { id: 1, label: 'Kazakhstan', size: 4, leader: { id: 'kazakhstan' }, members: members('kazakhstan', 'russia', 'csto', 'samruk-kazyna') },
      { id: 2, label: 'Nursultan Nazarbayev', size: 4, leader: { id: 'nazarbayev' }, members: members('nazarbayev', 'amanat', 'mamin', 'dariga-nazarbayeva') },
    ]);
    const same = ok(await gql(url, '{ stats { analytics { communities { id size } } } }'));
    expect(same.stats.analytics.communities).toEqual(d.communities.map((c: Json) => ({ id: c.id, size: c.size })));
  });

  it('pages members with first and filters by types and asOf', async () => {
    const d = ok(await gql(url, '{ communities { members(first: 2) { id } } filtered: communities(types: [MEMBER_OF], asOf: "2000") { size members { id } } }'));
    expect(d.communities[0].members).toEqual([{ id: 'tokayev' }, { id: 'massimov' }]);
    const expected = await computeMetrics(store, { types: ['MEMBER_OF'], asOf: '2000' });
    expect(d.filtered.map((c: Json) => c.members.map((m: Json) => m.id))).toEqual(expected.communities.map((c) => c.members));
  });
});

describe('actor metrics', () => {
  it('gives one actor’s metrics and community', async () => {
    const d = ok(
      await gql(url, `{ actor(id: "tokayev") { metrics {
        degree neighbours degreeCentrality betweenness pageRank bridgedCommunities participation
        degreeRank betweennessRank pageRankRank community { id label leader { id } }
      } } }`),
    );
    const m = (await computeMetrics(store)).actors.get('tokayev')!;
    expect(d.actor.metrics).toEqual({
      degree: 8,
      neighbours: 7,
      degreeCentrality: 7 / 12,
      betweenness: m.betweenness,
      pageRank: m.pageRank,
      bridgedCommunities: 2,
      participation: 0.65625,
      degreeRank: 1,
      betweennessRank: 1,
      pageRankRank: 1,
      community: { id: 0, label: 'Kassym-Jomart Tokayev', leader: { id: 'tokayev' } },
    });
  });

  it('is null for an actor no analysed relationship touches, and respects asOf', async () => {
    const d = ok(await gql(url, `{
      dariga: actor(id: "dariga-nazarbayeva") { metrics(types: [APPOINTED]) { degree } }
      smailovBefore: actor(id: "smailov") { metrics(asOf: "2021") { degree } }
      smailovAfter: actor(id: "smailov") { metrics(asOf: "2022-06") { degree } }
    }`));
    expect(d.dariga.metrics).toBeNull();
    expect(d.smailovBefore.metrics).toBeNull();
    expect(d.smailovAfter.metrics).toEqual({ degree: 1 });
  });

  it('computes once for a whole page of actors', async () => {
    const d = ok(await gql(url, '{ actors(first: 500) { nodes { id metrics { pageRankRank } } } }'));
    const ranks = d.actors.nodes.map((n: Json) => n.metrics.pageRankRank).sort((a: number, b: number) => a - b);
    expect(ranks).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });
});

describe('diff', () => {
  it('splits starts and ends into certain and uncertain by partial date, with positions gained and lost', async () => {
    const d = ok(
      await gql(url, `{ diff(from: "2022-01", to: "2022-01") {
        from to
        started { date kind relationship { id } }
        ended { date relationship { id } }
        uncertain { date kind relationship { id } }
        positions { actor { id } gained { type date role counterpart { id } relationship { id } } lost { type date relationship { id } } }
      } }`),
    );
    const diff = d.diff;
    expect([diff.from, diff.to]).toEqual(['2022-01', '2022-01']);
    // `2022-01` (r04, r17) is entirely within January; day dates sort after it.
    expect(diff.started.map((e: Json) => e.relationship.id)).toEqual(['r04', 'r17', 'r02', 'r19', 'r05', 'r11', 'r01']);
    expect(diff.started.every((e: Json) => e.kind === 'START')).toBe(true);
    expect(diff.ended.map((e: Json) => [e.date, e.relationship.id])).toEqual([
      ['2022-01', 'r06'],
      ['2022-01-05', 'r03'],
      ['2022-01-19', 'r11'],
    ]);
    // A start or end dated only `2022` may or may not fall in January.
    expect(diff.uncertain).toEqual([
      { date: '2022', kind: 'START', relationship: { id: 'r14' } },
      { date: '2022', kind: 'END', relationship: { id: 'r15' } },
    ]);
    expect(diff.positions.map((p: Json) => [p.actor.id, p.gained.map((c: Json) => c.relationship.id), p.lost.map((c: Json) => c.relationship.id)])).toEqual([
      ['massimov', [], ['r06', 'r05']],
      ['mamin', [], ['r02', 'r03']],
      ['smailov', ['r01'], []],
    ]);
    expect(diff.positions[2].gained[0]).toEqual({ type: 'APPOINTED', date: '2022-01-11', role: 'Prime Minister', counterpart: { id: 'tokayev' }, relationship: { id: 'r01' } });

    const expected = await diffBetween(store, '2022-01', '2022-01');
    expect(diff.started.map((e: Json) => e.relationship.id)).toEqual(expected.started.map((e) => e.relationship.id));
  });

  it('treats a year range as whole years', async () => {
    const d = ok(await gql(url, '{ diff(from: "2022", to: "2022") { started { relationship { id } } uncertain { relationship { id } } } }'));
    expect(d.diff.uncertain).toEqual([]);
    expect(d.diff.started.map((e: Json) => e.relationship.id)).toContain('r14');
  });
});

describe('bad input', () => {
  it('refuses reversed ranges, invalid dates and out-of-range sizes with BAD_USER_INPUT', async () => {
    badInput(await gql(url, '{ diff(from: "2023", to: "2022") { from } }'), 'to');
    badInput(await gql(url, '{ diff(from: "2022-13", to: "2023") { from } }'), 'from');
    badInput(await gql(url, '{ diff(from: "2022", to: "soon") { from } }'), 'to');
    badInput(await gql(url, '{ communities(asOf: "2022-02-30") { id } }'), 'asOf');
    badInput(await gql(url, '{ actor(id: "tokayev") { metrics(asOf: "last year") { degree } } }'), 'asOf');
    badInput(await gql(url, '{ stats { analytics { central(first: 0) { rank } } } }'), 'first');
    badInput(await gql(url, '{ stats { analytics { brokers(first: 501) { rank } } } }'), 'first');
    badInput(await gql(url, '{ communities { members(first: 0) { id } } }'), 'first');
  });

  it('refuses stats filter fields analytics cannot apply', async () => {
    const r = await gql(url, `{ stats(filter: { actorId: "tokayev", from: "2020", sourceId: "${SRC_A}" }) { analytics { actorCount } } }`);
    badInput(r);
    expect(r.body.errors![0].extensions!.problems!.map((p) => p.path)).toEqual(['filter.actorId', 'filter.from', 'filter.sourceId']);
    // The same filter without analytics is fine.
    ok(await gql(url, '{ stats(filter: { actorId: "tokayev" }) { relationships } }'));
  });
});

describe('cost', () => {
  it('weighs each whole-graph read heavily: four fit in the default limit, six do not', async () => {
    const reads = (n: number) => Array.from({ length: n }, (_, i) => `c${i}: communities(asOf: "${2000 + i}") { id }`).join(' ');
    ok(await gql(url, `{ ${reads(4)} }`));
    const r = await gql(url, `{ ${reads(6)} }`);
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.body.data).toBeUndefined();
  });

  it('multiplies what the analytics lists select', async () => {
    const r = await gql(url, '{ communities { members(first: 500) { relationships(first: 100) { nodes { id } } } } }');
    expect(r.codes).toEqual(['QUERY_TOO_COMPLEX']);
    const diff = await gql(url, '{ diff(from: "2000", to: "2023") { started { relationship { source { relationships(first: 50) { nodes { id } } } } } } }');
    expect(diff.codes).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('cross-request cache', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let closeStore: () => Promise<void>;
  const calls = { exportGraph: 0 };

  beforeAll(async () => {
    const opened = await openLoadedStore();
    closeStore = opened.close;
    const counting = new Proxy(opened.store as GraphStore, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (prop === 'exportGraph') calls.exportGraph++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    api = await startApi(counting, testConfig(opened.dir, { adminToken: ADMIN_TOKEN }));
  });

  afterAll(async () => {
    await api?.close();
    await closeStore?.();
  });

  const QUERY = '{ stats { analytics { relationshipCount } } communities { size } actor(id: "smailov") { metrics { degree } } }';

  it('computes an analysis once for repeated requests and again after any write', async () => {
    calls.exportGraph = 0;
    const first = ok(await gql(api.url, QUERY));
    expect(first.stats.analytics.relationshipCount).toBe(20);
    expect(calls.exportGraph).toBe(1);
    expect(ok(await gql(api.url, QUERY))).toEqual(first);
    expect(calls.exportGraph).toBe(1);

    // Another analysis (another asOf) is computed once too.
    ok(await gql(api.url, '{ communities(asOf: "2022") { size } }'));
    ok(await gql(api.url, '{ communities(asOf: "2022") { size } }'));
    expect(calls.exportGraph).toBe(2);

    const write = await gql(
      api.url,
      `mutation { createRelationship(input: { type: SUPPORTED, source: "smailov", target: "amanat", start: "2023", citations: [{ sourceId: "${SRC_A}", excerpt: "Smailov backed Amanat." }] }) { id } }`,
      { token: ADMIN_TOKEN },
    );
    ok(write);
    const after = ok(await gql(api.url, QUERY));
    expect(calls.exportGraph).toBe(3);
    expect(after.stats.analytics.relationshipCount).toBe(21);
    expect(after.actor.metrics.degree).toBe(2);
    ok(await gql(api.url, QUERY));
    expect(calls.exportGraph).toBe(3);
  });
});

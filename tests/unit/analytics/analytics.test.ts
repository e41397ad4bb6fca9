/**
 * Graph analytics on small graphs whose answers are known by hand, then the
 * same entry points over a real MemoryStore (filters, diff with partial dates,
 * determinism), and invariants on the bundled dataset.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import betweennessOracle from 'graphology-metrics/centrality/betweenness';
import pagerankOracle from 'graphology-metrics/centrality/pagerank';
import { analyseRelationships, computeMetrics, diffBetween, diffRelationships, memoizeMetrics, type GraphMetrics } from '@/graph/analytics';
import { betweenness } from '@/graph/analytics/betweenness';
import { pageRank } from '@/graph/analytics/pagerank';
import { seededRandom } from '@/graph/analytics/seeded-random';
import { buildTieGraph, toGraphology } from '@/graph/analytics/tie-graph';
import { ValidationError } from '@/graph/core/errors';
import { readDatasetDir } from '@/graph/io/dataset';
import { MemoryStore } from '@/graph/memory';
import type { Actor, GraphData, Relationship, RelationshipType } from '@/graph/core/model';
import { miniGraph } from '../../fixtures/mini-graph';

type Tie = [string, string];
const ties = (pairs: Tie[]) => pairs.map(([source, target]) => ({ source, target }));
const analyse = (pairs: Tie[]) => analyseRelationships(ties(pairs), new Map());
const metric = (m: GraphMetrics, id: string) => {
  const a = m.actors.get(id);
  if (!a) throw new Error(`no metrics for ${id}`);
  return a;
};
const sum = (m: GraphMetrics, key: 'pageRank' | 'betweenness') => [...m.actors.values()].reduce((s, a) => s + a[key], 0);

function star(leaves: number): Tie[] {
  return Array.from({ length: leaves }, (_, i) => ['centre', `leaf-${i + 1}`] as Tie);
}

function clique(prefix: string, size: number): Tie[] {
  const out: Tie[] = [];
  for (let i = 1; i <= size; i++) for (let j = i + 1; j <= size; j++) out.push([`${prefix}${i}`, `${prefix}${j}`]);
  return out;
}

/** Three planted groups of 20: dense inside, sparse between. Seeded, so the same every run. */
function plantedPartition(): Tie[] {
  const rng = seededRandom(42);
  const out: Tie[] = [];
  for (let i = 0; i < 60; i++)
    for (let j = i + 1; j < 60; j++) {
      const same = Math.floor(i / 20) === Math.floor(j / 20);
      if (rng() < (same ? 0.5 : 0.02)) out.push([`n${String(i).padStart(2, '0')}`, `n${String(j).padStart(2, '0')}`]);
    }
  return out;
}

describe('centrality on small graphs', () => {
  it('star: the centre has betweenness 1 and every tie; leaves have none', () => {
    const m = analyse(star(5));
    expect(m.actorCount).toBe(6);
    expect(metric(m, 'centre')).toMatchObject({ degree: 5, neighbours: 5, degreeCentrality: 1, betweenness: 1 });
    for (let i = 1; i <= 5; i++) expect(metric(m, `leaf-${i}`)).toMatchObject({ degree: 1, betweenness: 0, degreeCentrality: 0.2 });
    expect(m.rankings.pageRank[0]).toBe('centre');
    expect(m.rankings.betweenness[0]).toBe('centre');
    expect(m.rankings.degree).toEqual(['centre', 'leaf-1', 'leaf-2', 'leaf-3', 'leaf-4', 'leaf-5']);
  });

  it('path a–b–c–d–e: betweenness 0, ½, ⅔, ½, 0', () => {
    const m = analyse([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e']]);
    const values = ['a', 'b', 'c', 'd', 'e'].map((id) => metric(m, id).betweenness);
    [0, 0.5, 2 / 3, 0.5, 0].forEach((want, i) => expect(values[i]).toBeCloseTo(want, 12));
    expect(m.rankings.betweenness.slice(0, 3)).toEqual(['c', 'b', 'd']);
    expect(metric(m, 'c').rank.betweenness).toBe(1);
  });

  it('PageRank sums to 1 and is equal on every node of a cycle (ranked by id)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const m = analyse(ids.map((id, i) => [id, ids[(i + 1) % ids.length]] as Tie));
    expect(sum(m, 'pageRank')).toBeCloseTo(1, 9);
    for (const id of ids) expect(metric(m, id).pageRank).toBeCloseTo(1 / 6, 9);
    for (const id of ids) expect(metric(m, id).betweenness).toBeCloseTo(metric(m, 'a').betweenness, 12);
    expect(m.rankings.pageRank).toEqual(ids);
  });

  it('PageRank sums to 1 on a graph with several components', () => {
    const m = analyse([...star(3), ['x', 'y'], ...clique('k', 4)]);
    expect(sum(m, 'pageRank')).toBeCloseTo(1, 9);
  });

  it('parallel relationships collapse into one weighted tie', () => {
    const m = analyse([['x', 'y'], ['y', 'x'], ['y', 'z']]);
    expect(m.tieCount).toBe(2);
    expect(m.relationshipCount).toBe(3);
    expect(metric(m, 'y')).toMatchObject({ degree: 3, neighbours: 2 });
    expect(metric(m, 'x').degree).toBe(2);
    // The double tie carries twice the walk: x outranks z although both have one neighbour.
    expect(metric(m, 'x').pageRank).toBeGreaterThan(metric(m, 'z').pageRank);
  });

  it('betweenness matches graphology-metrics on a random graph', () => {
    const pairs = plantedPartition();
    const tieGraph = buildTieGraph(ties(pairs));
    const ours = betweenness(tieGraph);
    const oracle = betweennessOracle(toGraphology(tieGraph), { getEdgeWeight: null, normalized: true });
    tieGraph.ids.forEach((id, i) => expect(ours[i]).toBeCloseTo(oracle[id], 10));
  });

  it('weighted PageRank matches graphology-metrics on a random graph with parallel relationships', () => {
    const pairs = plantedPartition();
    const tieGraph = buildTieGraph(ties([...pairs, ...pairs.filter((_, i) => i % 3 === 0)]));
    expect(tieGraph.relationshipCount).toBeGreaterThan(tieGraph.tieCount);
    const ours = pageRank(tieGraph);
    const oracle = pagerankOracle(toGraphology(tieGraph), { getEdgeWeight: 'weight', tolerance: 1e-13, maxIterations: 1000 });
    tieGraph.ids.forEach((id, i) => expect(ours[i]).toBeCloseTo(oracle[id], 9));
  });

  it('sampled betweenness is deterministic and close to the exact values', () => {
    const tieGraph = buildTieGraph(ties(plantedPartition()));
    const exact = betweenness(tieGraph);
    const sampled = betweenness(tieGraph, 30);
    expect([...betweenness(tieGraph, 30)]).toEqual([...sampled]);
    expect([...sampled]).not.toEqual([...exact]);
    const total = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0);
    expect(total(sampled)).toBeCloseTo(total(exact), 1);
  });
});

describe('communities and brokers', () => {
  const bridged: Tie[] = [...clique('a', 4), ...clique('b', 4), ['a1', 'b1']];

  it('two cliques joined by a bridge: two communities, the bridge ends are the brokers', () => {
    const m = analyse(bridged);
    expect(m.communities.map((c) => c.size)).toEqual([4, 4]);
    const members = m.communities.map((c) => [...c.members].sort());
    expect(members).toContainEqual(['a1', 'a2', 'a3', 'a4']);
    expect(members).toContainEqual(['b1', 'b2', 'b3', 'b4']);
    expect(m.modularity).toBeGreaterThan(0.4);
    expect(m.rankings.brokers).toEqual(['a1', 'b1']);
    // Participation: 3 ties home, 1 away → 1 − (3/4)² − (1/4)² = 0.375.
    expect(metric(m, 'a1')).toMatchObject({ participation: 0.375, bridgedCommunities: 1 });
    expect(metric(m, 'a1').betweenness).toBeCloseTo(4 / 7, 12);
    expect(metric(m, 'a2')).toMatchObject({ participation: 0, bridgedCommunities: 0 });
    // Leaders have the highest PageRank in their community: the bridge ends.
    expect(m.communities.map((c) => c.leaderId).sort()).toEqual(['a1', 'b1']);
    for (const c of m.communities) expect(c.members[0]).toBe(c.leaderId);
  });

  it('ranks brokers by communities bridged before participation', () => {
    // Three cliques; h (in clique a) ties into b and c, l (in clique b) only into a.
    const m = analyse([...clique('a', 5), ...clique('b', 5), ...clique('c', 5), ['h', 'a1'], ['h', 'a2'], ['h', 'a3'], ['h', 'b1'], ['h', 'c1'], ['l', 'b2'], ['l', 'a4']]);
    expect(metric(m, 'h').bridgedCommunities).toBe(2);
    expect(m.rankings.brokers[0]).toBe('h');
    for (const id of m.rankings.brokers) expect(metric(m, id).bridgedCommunities).toBeGreaterThan(0);
    expect(m.rankings.brokers).not.toContain('a5');
  });

  it('labels a community with its leader’s name', () => {
    const m = analyseRelationships(ties(bridged), new Map([['a1', 'Alpha One'], ['b1', 'Beta One']]));
    expect(m.communities.map((c) => c.label).sort()).toEqual(['Alpha One', 'Beta One']);
  });

  it('finds the three planted groups', () => {
    const m = analyse(plantedPartition());
    expect(m.communities).toHaveLength(3);
    for (const c of m.communities) {
      const groups = new Set(c.members.map((id) => Math.floor(Number(id.slice(1)) / 20)));
      expect(groups.size).toBe(1);
    }
  });

  it('is deterministic: input order does not change the result', () => {
    const pairs = plantedPartition();
    const shuffled = [...pairs].reverse().map(([a, b], i) => (i % 2 ? ([b, a] as Tie) : ([a, b] as Tie)));
    expect(analyse(shuffled)).toEqual(analyse(pairs));
  });

  it('an empty graph has no actors, no communities and modularity 0', () => {
    const m = analyse([]);
    expect(m).toMatchObject({ actorCount: 0, tieCount: 0, modularity: 0, communities: [] });
    expect(m.rankings.pageRank).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Over a real store
// ---------------------------------------------------------------------------

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function storeWith(data: GraphData): Promise<MemoryStore> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steppe-analytics-'));
  const store = await MemoryStore.open({ dataDir });
  cleanups.push(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  await store.importGraph(data);
  return store;
}

describe('computeMetrics over a store', () => {
  it('analyses every relationship by default', async () => {
    const data = miniGraph();
    const m = await computeMetrics(await storeWith(data));
    expect(m.relationshipCount).toBe(data.relationships.length);
    expect(m.actorCount).toBe(data.actors.length);
    expect(m.asOf).toBeNull();
    expect(sum(m, 'pageRank')).toBeCloseTo(1, 9);
    expect(m).toEqual(analyseRelationships(data.relationships, new Map(data.actors.map((a) => [a.id, a.name]))));
  });

  it('asOf keeps only relationships in force then', async () => {
    const m = await computeMetrics(await storeWith(miniGraph()), { asOf: '2018' });
    // In force during 2018: r06 r08 r09 r10 r12 r13 r15 r20.
    expect(m.relationshipCount).toBe(8);
    expect([...m.actors.keys()]).toEqual(['amanat', 'csto', 'dariga-nazarbayeva', 'kazakhstan', 'knb', 'massimov', 'nazarbayev', 'russia']);
    expect(m.actors.has('smailov')).toBe(false);
    expect(m.asOf).toBe('2018');
    expect(metric(m, 'nazarbayev').degree).toBe(4); // r08, r09, r15, r20
  });

  it('types restricts the graph; an empty list selects nothing', async () => {
    const store = await storeWith(miniGraph());
    const family = await computeMetrics(store, { types: ['FAMILY_OF'] });
    expect([...family.actors.keys()]).toEqual(['dariga-nazarbayeva', 'nazarbayev']);
    expect(family.communities).toHaveLength(1);
    expect(family.types).toEqual(['FAMILY_OF']);
    const none = await computeMetrics(store, { types: [] });
    expect(none.actorCount).toBe(0);
    const all = await computeMetrics(store);
    expect(metric(all, 'nazarbayev').degree).toBeGreaterThan(metric(family, 'nazarbayev').degree);
  });

  it('refuses a bad date or type with ValidationError', async () => {
    const store = await storeWith(miniGraph());
    await expect(computeMetrics(store, { asOf: '2022-13' })).rejects.toBeInstanceOf(ValidationError);
    await expect(computeMetrics(store, { types: ['KNOWS' as RelationshipType] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('memoizeMetrics shares one run between equal options', async () => {
    const memo = memoizeMetrics(await storeWith(miniGraph()));
    const first = memo({ types: ['MEMBER_OF', 'APPOINTED'] });
    expect(memo({ types: ['APPOINTED', 'MEMBER_OF', 'APPOINTED'] })).toBe(first);
    expect(memo({ types: ['APPOINTED'] })).not.toBe(first);
    expect((await first).types).toEqual(['APPOINTED', 'MEMBER_OF']);
  });
});

// ---------------------------------------------------------------------------
// Diff
// ---------------------------------------------------------------------------

const person = (id: string): Actor => ({ id, kind: 'PERSON', name: id.toUpperCase(), aliases: [], tags: [] });
const institution = (id: string): Actor => ({ id, kind: 'INSTITUTION', name: id.toUpperCase(), aliases: [], tags: [], category: 'government body' });
function rel(id: string, type: RelationshipType, source: string, target: string, dates: { start?: string; end?: string; role?: string } = {}): Relationship {
  return { id, type, source, target, ...dates, citations: [{ sourceId: 'src', excerpt: `invented test excerpt for ${id}` }] };
}

/** Hand-made: posts gained and lost in 2022 with dates of every precision, and decoys just outside. */
function changeGraph(): GraphData {
  return {
    sources: [{ id: 'src', title: 'Test source' }],
    actors: [person('p1'), person('p2'), person('p3'), person('p4'), person('p5'), institution('inst1'), institution('inst2')],
    relationships: [
      rel('h1', 'HOLDS_POSITION', 'p1', 'inst1', { start: '2022-03-05', role: 'Minister' }),
      rel('h2', 'HOLDS_POSITION', 'p2', 'inst1', { start: '2019', end: '2022-03', role: 'Minister' }),
      rel('h3', 'HOLDS_POSITION', 'p3', 'inst2', { start: '2021' }),
      rel('h4', 'HOLDS_POSITION', 'p4', 'inst2', { start: '2021-12-31', end: '2023-01' }),
      rel('a1', 'APPOINTED', 'p5', 'p1', { start: '2022', role: 'Minister' }),
      rel('d1', 'DISMISSED', 'p5', 'p2', { start: '2022-01' }),
      rel('al', 'ALLIED_WITH', 'p3', 'p4', { start: '2022-06', end: '2022-12-31' }),
      rel('m1', 'MEMBER_OF', 'p1', 'inst2'),
      rel('s1', 'SUPPORTED', 'p5', 'p3', { start: '2021-06', end: '2022' }),
    ],
  };
}

const ids = (events: { relationship: Relationship }[]) => events.map((e) => e.relationship.id);

describe('diff between two dates', () => {
  it('lists what certainly started and ended within 2022, in date order', () => {
    const d = diffRelationships(changeGraph().relationships, '2022-01-01', '2022-12-31');
    expect(ids(d.started)).toEqual(['a1', 'd1', 'h1', 'al']);
    expect(d.started.map((e) => e.date)).toEqual(['2022', '2022-01', '2022-03-05', '2022-06']);
    expect(ids(d.ended)).toEqual(['s1', 'h2', 'al']);
    expect(d.uncertain).toEqual([]);
  });

  it('lists positions gained and lost per actor', () => {
    const d = diffRelationships(changeGraph().relationships, '2022-01-01', '2022-12-31');
    expect(d.positions.map((p) => p.actorId)).toEqual(['p1', 'p2']);
    const [p1, p2] = d.positions;
    expect(p1.gained.map((c) => [c.type, c.date, c.counterpartId, c.role])).toEqual([
      ['APPOINTED', '2022', 'p5', 'Minister'],
      ['HOLDS_POSITION', '2022-03-05', 'inst1', 'Minister'],
    ]);
    expect(p1.lost).toEqual([]);
    expect(p2.gained).toEqual([]);
    expect(p2.lost.map((c) => [c.type, c.date, c.counterpartId, c.role])).toEqual([
      ['DISMISSED', '2022-01', 'p5', null],
      ['HOLDS_POSITION', '2022-03', 'inst1', 'Minister'],
    ]);
  });

  it('a year given as a partial date is the whole year', () => {
    const rels = changeGraph().relationships;
    expect(diffRelationships(rels, '2022', '2022')).toEqual({ ...diffRelationships(rels, '2022-01-01', '2022-12-31'), from: '2022', to: '2022' });
  });

  it('dates that only partly overlap the range are uncertain, not started or ended', () => {
    const d = diffRelationships(changeGraph().relationships, '2022-03', '2022-12');
    expect(ids(d.started)).toEqual(['h1', 'al']);
    expect(ids(d.ended)).toEqual(['h2', 'al']);
    expect(d.uncertain.map((e) => [e.relationship.id, e.kind, e.date])).toEqual([
      ['a1', 'START', '2022'],
      ['s1', 'END', '2022'],
    ]);
    // The appointment dated only `2022` may predate March: no position is claimed for it.
    expect(d.positions.find((p) => p.actorId === 'p1')!.gained.map((c) => c.relationship.id)).toEqual(['h1']);
  });

  it('refuses a reversed or malformed range', () => {
    const rels = changeGraph().relationships;
    expect(() => diffRelationships(rels, '2023', '2022-12-31')).toThrow(ValidationError);
    expect(() => diffRelationships(rels, '2022-02-30', '2022-12-31')).toThrow(ValidationError);
    try {
      diffRelationships(rels, '2022', 'soon');
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).problems.map((p) => p.path)).toEqual(['to']);
    }
  });

  it('diffBetween reads the store and agrees with the pure diff', async () => {
    const data = changeGraph();
    const store = await storeWith(data);
    const d = await diffBetween(store, '2022-01-01', '2022-12-31');
    expect(d).toEqual(diffRelationships(data.relationships, '2022-01-01', '2022-12-31'));
    await expect(diffBetween(store, '2022-12-31', '2022-01-01')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('the bundled dataset', () => {
  it('gives a consistent analysis: PageRank sums to 1, every actor in exactly one community', async () => {
    const { sources, actors, relationships } = await readDatasetDir(path.resolve(__dirname, '../../../data'));
    const m = await computeMetrics(await storeWith({ sources, actors, relationships }));
    expect(m.actorCount).toBeGreaterThan(10);
    expect(sum(m, 'pageRank')).toBeCloseTo(1, 9);
    const members = m.communities.flatMap((c) => c.members);
    expect(new Set(members).size).toBe(m.actorCount);
    expect(members.length).toBe(m.actorCount);
    for (const [id, a] of m.actors) expect(m.communities[a.community].members).toContain(id);
    expect(m.modularity).toBeGreaterThan(0);
  });
});

/**
 * Neighbourhoods and paths of the embedded store against brute force on
 * random graphs, plus a hub-heavy graph that must not blow up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '@/graph/memory';
import { inForceAsOf, type Actor, type GraphData, type Relationship, type RelationshipType } from '@/graph/core/model';

let seed = 11;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

const TYPES: RelationshipType[] = ['SUPPORTED', 'OPPOSED', 'ALLIED_WITH'];
const DATES = [undefined, '2019', '2020-05', '2021-02-03', '2022'];

function randomGraph(nActors: number, nRels: number): GraphData {
  const actors: Actor[] = Array.from({ length: nActors }, (_, i) => ({
    id: `n${String(i).padStart(2, '0')}`,
    kind: i % 4 === 0 ? 'STATE' : 'PERSON',
    name: `Node ${i}`,
    aliases: [],
    tags: [],
  }));
  const relationships: Relationship[] = [];
  for (let i = 0; i < nRels; i++) {
    const s = pick(actors).id;
    let t = pick(actors).id;
    if (t === s) t = actors[(actors.findIndex((a) => a.id === s) + 1) % nActors].id;
    const start = pick(DATES);
    relationships.push({ id: `e${String(i).padStart(3, '0')}`, type: pick(TYPES), source: s, target: t, ...(start ? { start } : {}), citations: [{ sourceId: 's', excerpt: 'x' }] });
  }
  return { sources: [{ id: 's', title: 'S' }], actors, relationships };
}

/** Every simple path from → to of at most maxLength edges, by brute-force DFS. */
function allPaths(data: GraphData, from: string, to: string, maxLength: number, ok: (r: Relationship) => boolean): string[][] {
  const out: string[][] = [];
  const walk = (v: string, seen: Set<string>, rels: string[]) => {
    if (v === to) return void out.push([...rels]);
    if (rels.length === maxLength) return;
    for (const r of data.relationships) {
      if (!ok(r) || (r.source !== v && r.target !== v)) continue;
      const w = r.source === v ? r.target : r.source;
      if (seen.has(w)) continue;
      seen.add(w);
      walk(w, seen, [...rels, r.id]);
      seen.delete(w);
    }
  };
  walk(from, new Set([from]), []);
  return out;
}

function distances(data: GraphData, from: string, ok: (r: Relationship) => boolean, admit: (id: string) => boolean): Map<string, number> {
  const dist = new Map([[from, 0]]);
  let frontier = [from];
  for (let d = 1; frontier.length; d++) {
    const next: string[] = [];
    for (const v of frontier)
      for (const r of data.relationships) {
        if (!ok(r) || (r.source !== v && r.target !== v)) continue;
        const w = r.source === v ? r.target : r.source;
        if (dist.has(w) || !admit(w)) continue;
        dist.set(w, d);
        next.push(w);
      }
    frontier = next;
  }
  return dist;
}

const dirs: string[] = [];
const stores: MemoryStore[] = [];
async function storeWith(data: GraphData): Promise<MemoryStore> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-trav-'));
  dirs.push(dir);
  const store = await MemoryStore.open({ dataDir: dir });
  stores.push(store);
  await store.importGraph(data);
  return store;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('memory store paths', () => {
  it('agrees with brute force: valid simple paths, shortest first, no shorter path left out', async () => {
    for (let g = 0; g < 4; g++) {
      const data = randomGraph(14, 26);
      const store = await storeWith(data);
      for (let q = 0; q < 12; q++) {
        const from = pick(data.actors).id;
        const to = pick(data.actors).id;
        if (from === to) continue;
        const maxLength = 1 + Math.floor(rnd() * 5);
        const limit = 1 + Math.floor(rnd() * 20);
        const types = rnd() < 0.3 ? [pick(TYPES)] : undefined;
        const asOf = rnd() < 0.3 ? '2020-06' : undefined;
        const ok = (r: Relationship) => (!types || types.includes(r.type)) && (!asOf || inForceAsOf(r, asOf));
        const expected = allPaths(data, from, to, maxLength, ok);
        const got = await store.paths({ from, to, maxLength, limit, types, asOf });
        const key = (rels: string[]) => rels.join('>');
        expect(got.length).toBe(Math.min(limit, expected.length));
        const expectedKeys = new Set(expected.map(key));
        for (const p of got) expect(expectedKeys.has(key(p.relationships.map((r) => r.id)))).toBe(true);
        const lengths = got.map((p) => p.relationships.length);
        expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
        // Shortest first: every path strictly shorter than the longest returned one is returned.
        const longest = Math.max(0, ...lengths);
        expect(got.filter((p) => p.relationships.length < longest)).toHaveLength(expected.filter((p) => p.length < longest).length);
      }
    }
  });

  it('stays fast between two leaves of big hubs', async () => {
    const hubs = ['hub-a', 'hub-b', 'hub-c'];
    const actors: Actor[] = [...hubs, ...Array.from({ length: 3000 }, (_, i) => `leaf-${i}`)].map((id) => ({ id, kind: 'PERSON', name: id, aliases: [], tags: [] }));
    const relationships: Relationship[] = [];
    const add = (source: string, target: string) =>
      relationships.push({ id: `r-${relationships.length}`, type: 'SUPPORTED', source, target, citations: [{ sourceId: 's', excerpt: 'x' }] });
    for (let i = 0; i < 3000; i++) for (const h of hubs) add(h, `leaf-${i}`); // every leaf on every hub
    for (let i = 0; i < 3000; i += 2) add(`leaf-${i}`, `leaf-${i + 1}`);
    const store = await storeWith({ sources: [{ id: 's', title: 'S' }], actors, relationships });
    const started = performance.now();
    const found = await store.paths({ from: 'leaf-10', to: 'leaf-2000', maxLength: 6, limit: 50 });
    expect(found).toHaveLength(50);
    expect(found[0].relationships).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(10_000);
    const hood = await store.neighborhood({ actorId: 'hub-a', depth: 3, limit: 500 });
    expect(hood.actors).toHaveLength(500);
    expect(hood.truncated).toBe(true);
    expect(hood.actors.slice(0, 3).map((a) => a.id)).toEqual(['hub-a', 'leaf-0', 'leaf-1']);
  });
});

describe('memory store neighbourhood', () => {
  it('agrees with brute-force BFS: closest first, all within depth when not truncated', async () => {
    const data = randomGraph(30, 45);
    const store = await storeWith(data);
    const kindOf = new Map(data.actors.map((a) => [a.id, a.kind]));
    for (let q = 0; q < 30; q++) {
      const centre = pick(data.actors).id;
      const depth = 1 + Math.floor(rnd() * 3);
      const limit = rnd() < 0.5 ? 500 : 1 + Math.floor(rnd() * 10);
      const kinds = rnd() < 0.3 ? (['PERSON'] as const) : undefined;
      const asOf = rnd() < 0.3 ? '2021' : undefined;
      const ok = (r: Relationship) => !asOf || inForceAsOf(r, asOf);
      const dist = distances(data, centre, ok, (id) => !kinds || kinds.includes(kindOf.get(id) as 'PERSON'));
      const within = [...dist].filter(([, d]) => d <= depth).map(([id]) => id);
      const hood = await store.neighborhood({ actorId: centre, depth, limit, kinds: kinds ? [...kinds] : undefined, asOf });
      const got = hood.actors.map((a) => a.id);
      expect(got[0]).toBe(centre);
      expect(hood.truncated).toBe(within.length > limit);
      if (!hood.truncated) expect([...got].sort()).toEqual([...within].sort());
      const ds = got.map((id) => dist.get(id)!);
      expect(ds).toEqual([...ds].sort((a, b) => a - b));
      const inside = new Set(got);
      const expectedRels = data.relationships.filter((r) => ok(r) && inside.has(r.source) && inside.has(r.target)).map((r) => r.id).sort();
      expect(hood.relationships.map((r) => r.id)).toEqual(expectedRels);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, degreeStats, generateGraph } from '@/bench/generate';
import {
  ACTOR_KINDS,
  RELATIONSHIP_TYPES,
  checkRelationshipEndpoints,
  isSymmetric,
  validateActor,
  validateRelationship,
  validateSource,
  type Actor,
} from '@/graph/core/model';

const SIZE = 2000;
const graph = generateGraph({ actors: SIZE });

describe('bench graph generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateGraph({ actors: SIZE, seed: DEFAULT_SEED })).toEqual(graph);
    const other = generateGraph({ actors: SIZE, seed: DEFAULT_SEED + 1 });
    expect(other.actors.map((a) => a.id)).not.toEqual(graph.actors.map((a) => a.id));
  });

  it('has the requested size, about five relationships per actor and unique ids', () => {
    expect(graph.actors).toHaveLength(SIZE);
    expect(graph.relationships.length).toBeGreaterThan(SIZE * 4.8);
    expect(graph.relationships.length).toBeLessThanOrEqual(SIZE * 5);
    for (const list of [graph.actors, graph.relationships, graph.sources]) {
      expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
    }
  });

  it('produces only records the model accepts, with kinds fitting each type', () => {
    const byId = new Map<string, Actor>(graph.actors.map((a) => [a.id, a]));
    const sourceIds = new Set(graph.sources.map((s) => s.id));
    for (const s of graph.sources) expect(validateSource(s)).toEqual(s);
    for (const a of graph.actors) {
      expect(validateActor(a)).toEqual(a);
      if (a.country) expect(byId.get(a.country)?.kind).toBe('STATE');
    }
    for (const r of graph.relationships) {
      const valid = validateRelationship(r);
      expect(valid).toEqual(r);
      expect(checkRelationshipEndpoints(valid, (id) => byId.get(id), (id) => sourceIds.has(id))).toEqual([]);
      expect(r.citations).toHaveLength(1);
      if (isSymmetric(r.type)) expect(r.source < r.target).toBe(true);
    }
  });

  it('covers every actor kind and relationship type, and dates over 30 years in every precision', () => {
    expect(new Set(graph.actors.map((a) => a.kind))).toEqual(new Set(ACTOR_KINDS));
    expect(new Set(graph.relationships.map((r) => r.type))).toEqual(new Set(RELATIONSHIP_TYPES));
    const starts = graph.relationships.flatMap((r) => (r.start ? [r.start] : []));
    const years = starts.map((d) => Number(d.slice(0, 4)));
    expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(28);
    expect(new Set(starts.map((d) => d.length))).toEqual(new Set([4, 7, 10]));
    expect(graph.relationships.some((r) => r.end)).toBe(true);
    expect(graph.relationships.some((r) => !r.start)).toBe(true);
  });

  it('has a heavy-tailed degree distribution', () => {
    const d = degreeStats(graph);
    // A random graph with the same mean (≈10) would top out near 25; preferential attachment gives hubs.
    expect(d.max).toBeGreaterThan(8 * d.mean);
    expect(d.top1PercentShare).toBeGreaterThan(0.06);
    expect(d.median).toBeLessThan(d.mean);
  });

  it('gives names search can find by name, alias and prefix', () => {
    const people = graph.actors.filter((a) => a.kind === 'PERSON');
    expect(people.every((p) => /^[A-Z][a-z]+( [A-Z][a-z]+)+$/.test(p.name))).toBe(true);
    expect(people.filter((p) => p.aliases.some((al) => /[\u0400-\u04FF]/.test(al))).length).toBeGreaterThan(people.length * 0.15);
    const surnames = new Set(people.map((p) => p.name.split(' ').at(-1)));
    // Shared surnames make prefix search return many hits, as it does on real data.
    expect(surnames.size).toBeLessThan(people.length * 0.8);
  });
});

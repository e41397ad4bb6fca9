/**
 * The render benchmark's views: the large view has exactly the nodes and edges asked for, every edge
 * between actors of the view, each relationship once, and the view is one connected piece; the ego cut
 * keeps exactly its element count.
 */
import { describe, expect, it } from 'vitest';
import { generateGraph } from '@/bench/generate';
import { egoElements, largeViewElements } from '@/bench/render/elements';

const graph = generateGraph({ actors: 3000, seed: 3 });

describe('render benchmark views', () => {
  it('builds a large view of exactly N nodes and E edges, connected, edges between its own nodes', () => {
    const elements = largeViewElements(graph, 1500, 3000);
    const nodes = elements.filter((e) => e.group === 'nodes');
    const edges = elements.filter((e) => e.group === 'edges');
    expect(nodes).toHaveLength(1500);
    expect(edges).toHaveLength(3000);
    const ids = new Set(nodes.map((n) => n.data.id!));
    expect(ids.size).toBe(1500);
    expect(new Set(edges.map((e) => e.data.id)).size).toBe(3000);
    for (const e of edges) {
      expect(ids.has(e.data.source as string)).toBe(true);
      expect(ids.has(e.data.target as string)).toBe(true);
    }
    // One piece: a walk over the view's edges from its first node reaches every node.
    const adjacent = new Map<string, string[]>();
    for (const e of edges) {
      const [s, t] = [e.data.source as string, e.data.target as string];
      adjacent.set(s, [...(adjacent.get(s) ?? []), t]);
      adjacent.set(t, [...(adjacent.get(t) ?? []), s]);
    }
    const seen = new Set([nodes[0].data.id!]);
    for (const queue = [nodes[0].data.id!]; queue.length; ) {
      for (const next of adjacent.get(queue.pop()!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    expect(seen.size).toBe(1500);
  });

  it('says so when the graph cannot give the view asked for', () => {
    expect(() => largeViewElements(graph, 5000, 6000)).toThrow(/only 3000 actors reachable/);
    expect(() => largeViewElements(graph, 100, 5000)).toThrow(/relationships among them/);
  });

  it('cuts an ego view at exactly the element count', () => {
    expect(egoElements(graph, 1000)).toHaveLength(1000);
  });
});

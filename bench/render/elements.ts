/**
 * Cytoscape elements for the render benchmark, shaped as the explorer's
 * canvas makes them (node: id, label, kind; edge: id, source, target, type,
 * label): an ego network grown breadth-first from one actor of a generated
 * graph, as the explorer shows after a few expansions, cut at exactly `count`
 * elements (nodes plus edges).
 */
import type { ElementDefinition } from 'cytoscape';
import { RELATIONSHIP_TYPE_INFO, type GraphData, type Relationship } from '../../graph/core/model';

export function egoElements(graph: GraphData, count: number): ElementDefinition[] {
  const adjacency = new Map<string, Relationship[]>();
  for (const r of graph.relationships) {
    for (const end of [r.source, r.target]) {
      let list = adjacency.get(end);
      if (!list) adjacency.set(end, (list = []));
      list.push(r);
    }
  }
  const byId = new Map(graph.actors.map((a) => [a.id, a]));
  // A typical actor rather than the biggest hub: the median-degree actor that comes first.
  const degrees = graph.actors.map((a) => adjacency.get(a.id)?.length ?? 0).sort((x, y) => x - y);
  const medianDegree = degrees[Math.floor(degrees.length / 2)];
  const start = graph.actors.find((a) => (adjacency.get(a.id)?.length ?? 0) === medianDegree)!;

  const nodes: ElementDefinition[] = [];
  const edges: ElementDefinition[] = [];
  const included = new Set<string>();
  const addedEdges = new Set<string>();
  const queue = [start.id];
  for (let q = 0; q < queue.length && nodes.length + edges.length < count; q++) {
    const id = queue[q];
    if (included.has(id)) continue;
    included.add(id);
    const actor = byId.get(id)!;
    nodes.push({ group: 'nodes', data: { id, label: actor.name, kind: actor.kind } });
    for (const r of adjacency.get(id) ?? []) {
      const other = r.source === id ? r.target : r.source;
      if (!included.has(other)) queue.push(other);
      else if (!addedEdges.has(r.id)) {
        addedEdges.add(r.id);
        edges.push({ group: 'edges', data: { id: r.id, source: r.source, target: r.target, type: r.type, label: RELATIONSHIP_TYPE_INFO[r.type].label } });
      }
    }
  }
  const all = [...nodes, ...edges];
  if (all.length < count) throw new Error(`the graph has only ${all.length} elements reachable; need ${count}`);
  // Cutting edges only (never nodes) keeps every edge's ends present.
  return [...nodes, ...edges.slice(0, count - nodes.length)];
}

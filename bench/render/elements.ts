/**
 * Cytoscape elements for the render benchmark, shaped as the explorer's
 * canvas makes them (node: id, label, kind; edge: id, source, target, type,
 * label): an ego network grown breadth-first from one actor of a generated
 * graph, as the explorer shows after a few expansions, cut at exactly `count`
 * elements (nodes plus edges).
 */
import type { ElementDefinition } from 'cytoscape';
import { RELATIONSHIP_TYPE_INFO, type GraphData, type Relationship } from '../../graph/core/model';

/** Each actor's relationships, the actors by id, and where a view starts: a typical actor rather than the biggest hub (the first median-degree actor). */
function walkStart(graph: GraphData) {
  const adjacency = new Map<string, Relationship[]>();
  for (const r of graph.relationships) {
    for (const end of [r.source, r.target]) {
      let list = adjacency.get(end);
      if (!list) adjacency.set(end, (list = []));
      list.push(r);
    }
  }
  const byId = new Map(graph.actors.map((a) => [a.id, a]));
  const degrees = graph.actors.map((a) => adjacency.get(a.id)?.length ?? 0).sort((x, y) => x - y);
  const medianDegree = degrees[Math.floor(degrees.length / 2)];
  const start = graph.actors.find((a) => (adjacency.get(a.id)?.length ?? 0) === medianDegree)!;
  return { adjacency, byId, start };
}

export function egoElements(graph: GraphData, count: number): ElementDefinition[] {
  const { adjacency, byId, start } = walkStart(graph);

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

/**
 * A large view of exactly `nodeCount` actors and `edgeCount` relationships of a generated graph, for when an ego
 * cut would not have that shape (an ego network of a preferential-attachment graph is much denser than two edges
 * per node). Actors are taken breadth-first from the median-degree actor, as in `egoElements`; then every actor's
 * first relationship to an actor taken before it (so the view is one connected piece), then the other
 * relationships among the taken actors in the order the walk met them, until `edgeCount`.
 */
export function largeViewElements(graph: GraphData, nodeCount: number, edgeCount: number): ElementDefinition[] {
  const { adjacency, byId, start } = walkStart(graph);

  const order: string[] = [];
  const taken = new Set<string>([start.id]);
  for (let q = [start.id], i = 0; i < q.length && order.length < nodeCount; i++) {
    order.push(q[i]);
    for (const r of adjacency.get(q[i]) ?? []) {
      const other = r.source === q[i] ? r.target : r.source;
      if (!taken.has(other)) {
        taken.add(other);
        q.push(other);
      }
    }
  }
  if (order.length < nodeCount) throw new Error(`the graph has only ${order.length} actors reachable; need ${nodeCount}`);
  const rank = new Map(order.map((id, i) => [id, i]));
  const tree: Relationship[] = [];
  const rest: Relationship[] = [];
  for (const id of order) {
    let linked = id === start.id;
    for (const r of adjacency.get(id) ?? []) {
      const other = r.source === id ? r.target : r.source;
      // Each relationship once: from its later end, towards an actor taken before.
      if ((rank.get(other) ?? Infinity) >= rank.get(id)!) continue;
      if (!linked) {
        tree.push(r);
        linked = true;
      } else rest.push(r);
    }
  }
  const relationships = [...tree, ...rest];
  if (relationships.length < edgeCount) throw new Error(`the ${nodeCount} actors have only ${relationships.length} relationships among them; need ${edgeCount}`);
  const nodes: ElementDefinition[] = order.map((id) => {
    const actor = byId.get(id)!;
    return { group: 'nodes', data: { id, label: actor.name, kind: actor.kind } };
  });
  const edges: ElementDefinition[] = relationships
    .slice(0, edgeCount)
    .map((r) => ({ group: 'edges', data: { id: r.id, source: r.source, target: r.target, type: r.type, label: RELATIONSHIP_TYPE_INFO[r.type].label } }));
  return [...nodes, ...edges];
}

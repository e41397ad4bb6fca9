/**
 * Layout options for each layout the explorer offers, and the placement of
 * nodes added by an expansion (existing nodes never move).
 */
import type { Collection, Core, EdgeSingular, LayoutOptions, Layouts, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { RelationshipType } from '@/graph/core/model';
import { withSeededRandom } from '@/graph/core/seeded-random';
import type { LayoutName } from './url-state';

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  concentric: 'Concentric',
  breadthfirst: 'Breadth-first',
  circle: 'Circle',
  grid: 'Grid',
};

/** Fitting a small graph never zooms in past this: nodes stay node-sized. */
export const MAX_FIT_ZOOM = 1.25;

/** Above this many elements a fit ignores labels (see fitViewport). */
export const LABELLED_FIT_MAX = 1000;

/** Space kept clear at each edge of the canvas (floating controls sit there). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The zoom and pan that show `eles` inside the canvas minus `insets`, zoomed in no further than MAX_FIT_ZOOM. */
export function fitViewport(cy: Core, eles: Pick<Collection, 'empty' | 'boundingBox' | 'length'>, insets: Insets): { zoom: number; pan: Position } | null {
  if (eles.empty()) return null;
  // Measuring every label costs ~0.4 s at 5 000 elements; a graph that large is fitted too small for labels to be drawn.
  const bb = eles.boundingBox(eles.length > LABELLED_FIT_MAX ? { includeLabels: false } : {});
  const w = Math.max(40, cy.width() - insets.left - insets.right);
  const h = Math.max(40, cy.height() - insets.top - insets.bottom);
  const zoom = Math.max(cy.minZoom(), Math.min(w / Math.max(bb.w, 1), h / Math.max(bb.h, 1), MAX_FIT_ZOOM, cy.maxZoom()));
  return {
    zoom,
    pan: { x: insets.left + w / 2 - zoom * (bb.x1 + bb.w / 2), y: insets.top + h / 2 - zoom * (bb.y1 + bb.h / 2) },
  };
}

/** Above this many nodes, layouts skip animation and fCoSE its refinement pass. */
export const LARGE_GRAPH = 800;

/** Hops from the focus over the drawn edges (Infinity when unreachable). */
function hopsFrom(cy: Core, focusId: string): Map<string, number> {
  const hops = new Map<string, number>();
  const root = cy.getElementById(focusId);
  if (root.empty()) return hops;
  cy.elements().bfs({
    roots: root,
    directed: false,
    visit: (v, _e, _u, _i, depth) => {
      hops.set(v.id(), depth);
    },
  });
  return hops;
}

/**
 * fCoSE's ideal edge length (between node outlines, labels included) by type: ties of belonging sit close to
 * what they belong to, acts and alliances between actors get room for their labels.
 */
const SHORT_EDGE: ReadonlySet<RelationshipType | string> = new Set(['HOLDS_POSITION', 'MEMBER_OF', 'FAMILY_OF', 'MORE']);
export function idealEdgeLength(edge: EdgeSingular): number {
  return SHORT_EDGE.has(edge.data('type') as string) ? 70 : 110;
}

/** fCoSE settings shared by the full layout and the settling of new nodes: spacing measured from each node's label. */
const FCOSE_SPACING = {
  nodeDimensionsIncludeLabels: true,
  nodeRepulsion: () => 16000,
  idealEdgeLength,
  edgeElasticity: () => 0.3,
  nodeSeparation: 90,
};

export function layoutOptions(name: LayoutName, cy: Core, focusId: string, opts: { animate: boolean }): LayoutOptions {
  const n = cy.nodes().length;
  const animate = opts.animate && n <= LARGE_GRAPH;
  // The canvas fits the view itself afterwards (fitViewport), clear of the floating controls.
  const common = { animate, animationDuration: 450, fit: false };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        quality: n > LARGE_GRAPH ? 'draft' : 'default',
        randomize: true,
        ...FCOSE_SPACING,
        gravity: 0.2,
        numIter: n > LARGE_GRAPH ? 800 : 2500,
        tile: true,
        packComponents: false,
      } as LayoutOptions;
    case 'concentric': {
      const hops = hopsFrom(cy, focusId);
      return {
        name: 'concentric',
        ...common,
        // One ring per hop from the focus (values 10 000 apart, a ring is 5 000 wide); busiest first within a ring.
        concentric: (node: NodeSingular) => (10 - Math.min(hops.get(node.id()) ?? 9, 9)) * 10_000 + Math.min(node.degree(false), 999),
        levelWidth: () => 5_000,
        minNodeSpacing: 48,
        nodeDimensionsIncludeLabels: true,
        startAngle: (3 / 2) * Math.PI,
      } as LayoutOptions;
    }
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        ...common,
        directed: false,
        roots: cy.getElementById(focusId).nonempty() ? `#${cssEscape(focusId)}` : undefined,
        spacingFactor: 1.05,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: true,
      } as LayoutOptions;
    case 'circle':
      return { name: 'circle', ...common, avoidOverlap: true, nodeDimensionsIncludeLabels: true, sort: (a: NodeSingular, b: NodeSingular) => b.degree(false) - a.degree(false) } as LayoutOptions;
    case 'grid':
      return { name: 'grid', ...common, avoidOverlap: true, nodeDimensionsIncludeLabels: true, sort: (a: NodeSingular, b: NodeSingular) => b.degree(false) - a.degree(false) } as LayoutOptions;
  }
}

function cssEscape(id: string): string {
  // Ids are slugs (a-z, 0-9, -); a leading digit needs escaping in a CSS id selector.
  return /^[0-9]/.test(id) ? `\\3${id[0]} ${id.slice(1)}` : id;
}

/**
 * Gives each new node a starting position next to the placed node it hangs
 * off, fanned out on the side facing away from the rest of the graph. Nodes
 * reachable only through other new nodes are placed after them (paths).
 */
export function placeNewNodes(cy: Core, added: NodeCollection): void {
  const isNew = new Set(added.map((n) => n.id()));
  const placed = cy.nodes().filter((n) => !isNew.has(n.id()));
  const centre = placed.nonempty() ? centroid(placed) : { x: 0, y: 0 };
  let pending = added;
  let guard = 0;
  while (pending.nonempty() && guard++ < 50) {
    // Group pending nodes by the placed neighbour with the most pending neighbours.
    const groups = new Map<string, NodeSingular[]>();
    const still: NodeSingular[] = [];
    pending.forEach((node) => {
      const anchors = node.neighborhood('node').filter((m) => !isNew.has(m.id()));
      if (anchors.empty()) return void still.push(node);
      let best = anchors[0];
      let bestCount = -1;
      anchors.forEach((a) => {
        const count = a.neighborhood('node').filter((m) => isNew.has(m.id())).length;
        if (count > bestCount) {
          best = a;
          bestCount = count;
        }
      });
      const list = groups.get(best.id()) ?? [];
      list.push(node);
      groups.set(best.id(), list);
    });
    if (groups.size === 0) {
      // Nothing connects to the placed graph: put the rest on a ring around the centre.
      still.forEach((node, i) => node.position(onRing(centre, 260, i, still.length, 0, 2 * Math.PI)));
      break;
    }
    for (const [anchorId, nodes] of groups) {
      const anchor = cy.getElementById(anchorId).position();
      const away = Math.atan2(anchor.y - centre.y, anchor.x - centre.x);
      const facing = Math.hypot(anchor.x - centre.x, anchor.y - centre.y) < 1 ? 0 : away;
      // A fan of at most 200° for a few nodes, a full ring for many.
      const arc = Math.min(2 * Math.PI, Math.max(Math.PI / 3, nodes.length * 0.32));
      const radius = 120 + Math.max(0, nodes.length - 12) * 4;
      nodes.forEach((node, i) => {
        node.position(onRing(anchor, radius, i, nodes.length, facing - arc / 2, arc));
        isNew.delete(node.id());
      });
    }
    const stillIds = new Set(still.map((n) => n.id()));
    pending = pending.filter((n) => stillIds.has(n.id()));
  }
}

function onRing(c: Position, r: number, i: number, count: number, start: number, arc: number): Position {
  const full = arc >= 2 * Math.PI - 1e-6;
  const step = count <= 1 ? 0 : arc / (full ? count : count - 1);
  const angle = count <= 1 ? start + arc / 2 : start + i * step;
  return { x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle) };
}

function centroid(nodes: NodeCollection): Position {
  let x = 0;
  let y = 0;
  nodes.forEach((n) => {
    const p = n.position();
    x += p.x;
    y += p.y;
  });
  return { x: x / nodes.length, y: y / nodes.length };
}

/**
 * Refines the new nodes' positions with fCoSE while every other node is held
 * exactly where it is (fixed-node constraints, plus a lock as a guarantee).
 */
export function settleNewNodes(cy: Core, added: NodeCollection, seed: string, onDone: () => void): Layouts | null {
  const isNew = new Set(added.map((n) => n.id()));
  const fixed = cy.nodes().filter((n) => !isNew.has(n.id()));
  if (cy.nodes().length > LARGE_GRAPH || fixed.empty()) {
    onDone();
    return null;
  }
  const constraint = fixed.map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
  fixed.lock();
  const layout = cy.layout({
    name: 'fcose',
    quality: 'proof',
    randomize: false,
    animate: true,
    animationDuration: 350,
    fit: false,
    ...FCOSE_SPACING,
    numIter: 1200,
    fixedNodeConstraint: constraint,
    tile: false,
    packComponents: false,
  } as LayoutOptions);
  layout.one('layoutstop', () => {
    fixed.unlock();
    onDone();
  });
  // Seeded by the view and what was added, so the same steps give the same picture.
  withSeededRandom(`${seed}|${added.map((n) => n.id()).join(',')}`, () => layout.run());
  return layout;
}

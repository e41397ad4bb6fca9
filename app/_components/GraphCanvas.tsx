'use client';

/**
 * The one Cytoscape instance. Created once on mount; every later change
 * (elements, filters, selection, highlight, layout) is a patch applied inside
 * `cy.batch()`. Exposes `window.cy` for tests and `window.__steppeRender` for
 * the render benchmark.
 */
import cytoscape, { type CollectionReturnValue, type Core, type ElementDefinition, type LayoutOptions, type Layouts, type NodeCollection, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import type { ActorKind, RelationshipType } from '@/graph/core/model';
import { LARGE_GRAPH_ELEMENTS } from '@/app/_lib/graph-style';
import type { MORE_KIND } from '@/app/_lib/hub-paging';
import { canvasEdgeLook, canvasNodeData, canvasStylesheet } from '@/app/_lib/map-style';
import { fitViewport, LARGE_GRAPH, layoutOptions, placeNewNodes, settleNewNodes, type Insets } from '@/app/_lib/layouts';
import { withSeededRandom } from '@/graph/core/seeded-random';
import { scheduleThinning, updateEdgeLabels, updateZoomLabels } from '@/app/_lib/edge-labels';
import { canvasState, NO_INSETS } from '@/app/_lib/canvas-state';
import { EXPLORER_RENDERER, rendererOptions, setGestureDrawing, type RendererName } from '@/app/_lib/renderer';
import type { LayoutName, Selection } from '@/app/_lib/url-state';
import styles from './GraphCanvas.module.css';

let extensionsRegistered = false;
function registerExtensions(): void {
  if (extensionsRegistered) return;
  cytoscape.use(fcose);
  // Cytoscape warns, e.g., about edges between nodes that overlap for a frame before a layout; noise for users.
  if (process.env.NODE_ENV === 'production') cytoscape.warnings(false);
  extensionsRegistered = true;
}

export interface CanvasNode {
  id: string;
  label: string;
  /** MORE: a paged hub's "N more" node (hub-paging.ts). */
  kind: ActorKind | typeof MORE_KIND;
  /** Size factor (size by centrality); 1 when absent. */
  scale?: number;
  /** Fill overriding the kind's colour (colour by community). */
  color?: string;
}

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  type: RelationshipType | typeof MORE_KIND;
  label: string;
  /** Partial dates, kept on the element for tests and exports of the canvas model. */
  start: string | null;
  end: string | null;
}

export interface GraphCanvasHandle {
  fit(): void;
  zoomBy(factor: number): void;
  /** Centres the view on these elements (zoomed to fit them, no closer than a plain fit). */
  reveal(ids: readonly string[]): void;
  /** The Cytoscape instance, for tools drawn over the canvas (map notes) and saving positions. */
  core(): Core | null;
  /** Every node's position (model coordinates, rounded to 0.1), for exports. */
  positions(): Record<string, { x: number; y: number }>;
}

interface Props {
  nodes: readonly CanvasNode[];
  edges: readonly CanvasEdge[];
  hidden: ReadonlySet<string>;
  dormant: ReadonlySet<string>;
  /** Relationships without a start shown under a date: drawn as "date unknown" (dashed, faded). */
  undated?: ReadonlySet<string>;
  /** Ids on the found paths; everything else is dimmed while set. */
  pathIds: ReadonlySet<string> | null;
  /** Diff marks: a canvas class (`diff-added`, `diff-removed`) per relationship id. */
  marks?: ReadonlyMap<string, string>;
  focusId: string;
  expandedIds: readonly string[];
  selected: Selection | null;
  layout: LayoutName;
  /** Changes whenever a full layout is wanted (new focus, layout choice, "re-arrange"). */
  layoutKey: string;
  /** Seeds the layout's randomness: the same view gets the same picture on every load. */
  layoutSeed: string;
  /**
   * False while parts of the view (expansions, paths named in the link) are still loading: a full
   * layout waits for all of them, so it does not depend on the order they arrive in.
   */
  ready: boolean;
  /** The element the keyboard is on in a list beside the canvas (side panel): marked, and its edges labelled. */
  keyboardTarget?: string | null;
  /** Positions to use instead of a computed layout (an opened export), when they cover every node. */
  preset?: Readonly<Record<string, { x: number; y: number }>> | null;
  onSelect(selection: Selection | null): void;
  onExpand(actorId: string): void;
  description: string;
  /** Space kept clear of the graph when fitting the view (floating controls over the canvas). */
  insets?: Insets;
  /** Cytoscape's renderer, fixed when the canvas mounts; default EXPLORER_RENDERER (app/_lib/renderer.ts). The render benchmark sets it. */
  renderer?: RendererName;
  ref?: Ref<GraphCanvasHandle>;
}

type RenderTiming = { elements: number; addMs: number; layoutMs: number; drawMs: number; totalMs: number };

declare global {
  interface Window {
    cy?: Core;
    /**
     * Benchmark hook: replaces the canvas content with `elements` (nodes with data `{ id, label, kind }`,
     * edges with `{ id, source, target, type, label }`, styled like the app's), runs the layout (default:
     * the current one, without animation), waits two frames for the draw, and reports each phase in ms.
     * The explorer's own state is not touched: the next change of the view redraws its graph.
     */
    __steppeRender?: (elements: ElementDefinition[], options?: { layout?: LayoutName }) => Promise<RenderTiming>;
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

export function GraphCanvas({ ref, ...props }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const laidOutKey = useRef<string | null>(null);
  /** The layout in progress, stopped when a newer one starts. */
  const running = useRef<Layouts | null>(null);
  /** A new path highlight waits for the layout to settle, then gets the view fitted to it. */
  const pathFitPending = useRef(false);
  const lastPathKey = useRef('');
  // Latest callbacks and focus, read by Cytoscape event handlers bound once.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  // ---- create once
  useEffect(() => {
    registerExtensions();
    const container = containerRef.current!;
    const cy = cytoscape({
      container,
      style: canvasStylesheet(false),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      ...rendererOptions(latest.current.renderer ?? EXPLORER_RENDERER),
    });
    cyRef.current = cy;
    window.cy = cy;
    container.dataset.layoutState = 'idle';

    cy.on('tap', 'node', (e) => latest.current.onSelect({ kind: 'actor', id: e.target.id() }));
    cy.on('tap', 'edge', (e) => latest.current.onSelect({ kind: 'relationship', id: e.target.id() }));
    cy.on('tap', (e) => {
      if (e.target === cy) latest.current.onSelect(null);
    });
    cy.on('dbltap', 'node', (e) => latest.current.onExpand(e.target.id()));
    cy.on('mouseover', 'node, edge', (e) => {
      e.target.addClass('hover');
      updateEdgeLabels(cy);
    });
    cy.on('mouseout', 'node, edge', (e) => {
      e.target.removeClass('hover');
      updateEdgeLabels(cy);
    });
    cy.on('select unselect', () => updateEdgeLabels(cy));
    cy.on('zoom', () => updateZoomLabels(cy));
    // A node dragged by hand moves labels: thin them again where it was dropped.
    cy.on('free', 'node', () => scheduleThinning(cy));
    cy.on('mouseover', 'node, edge', () => container.classList.add(styles.pointer));
    cy.on('mouseout', 'node, edge', () => container.classList.remove(styles.pointer));

    window.__steppeRender = async (elements, options = {}) => {
      const t0 = performance.now();
      // The same per-element style data and edge style as the explorer's own patches give.
      setLarge(cy, elements.length);
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements.map(withStyleData));
      });
      const t1 = performance.now();
      await runLayout(cy, container, options.layout ?? latest.current.layout, latest.current.focusId, latest.current.layoutSeed, false, running);
      const t2 = performance.now();
      await nextFrame();
      const t3 = performance.now();
      laidOutKey.current = null;
      return { elements: elements.length, addMs: t1 - t0, layoutMs: t2 - t1, drawMs: t3 - t2, totalMs: t3 - t0 };
    };

    return () => {
      cy.destroy();
      cyRef.current = null;
      laidOutKey.current = null;
      if (window.cy === cy) delete window.cy;
      delete window.__steppeRender;
    };
  }, []);

  const { insets } = props;
  useEffect(() => {
    if (cyRef.current) canvasState(cyRef.current).insets = insets ?? NO_INSETS;
  }, [insets]);

  // ---- patch elements, then lay out (full when the layout key changed, else place only the new nodes)
  const { nodes, edges, layoutKey, layoutSeed, ready, layout, focusId } = props;
  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return;
    // A full layout is due: draw nothing new until everything the view names has arrived.
    if (laidOutKey.current !== layoutKey && !ready) return;
    const wantNodes = new Map(nodes.map((n) => [n.id, n]));
    const wantEdges = new Map(edges.map((e) => [e.id, e]));
    let added: NodeCollection = cy.collection();
    setLarge(cy, nodes.length + edges.length);
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        if (ele.removed()) return;
        const keep = ele.group() === 'nodes' ? wantNodes.has(ele.id()) : wantEdges.has(ele.id());
        if (!keep) ele.remove();
      });
      const newNodes: ElementDefinition[] = [];
      for (const n of nodes) {
        const ele = cy.getElementById(n.id);
        const data = canvasNodeData(n);
        if (ele.nonempty()) {
          if (ele.data('label') !== data.label || ele.data('kind') !== data.kind || ele.data('w') !== data.w || ele.data('color') !== data.color) ele.data(data);
        } else newNodes.push({ group: 'nodes', data: { id: n.id, ...data } });
      }
      added = cy.add(newNodes).nodes();
      const newEdges: ElementDefinition[] = [];
      for (const e of edges) {
        if (cy.getElementById(e.id).nonempty()) continue;
        newEdges.push({
          group: 'edges',
          data: { id: e.id, source: e.source, target: e.target, type: e.type, label: e.label, start: e.start, end: e.end, ...canvasEdgeLook(e.type) },
        });
      }
      cy.add(newEdges);
    });
    updateZoomLabels(cy, true);
    updateEdgeLabels(cy);

    if (cy.nodes().empty()) return;
    // New elements get their classes before any layout measures them (the focus is drawn larger).
    if (added.nonempty() || laidOutKey.current !== layoutKey) applyClasses(cy, latest.current);
    if (laidOutKey.current !== layoutKey) {
      // A full layout waits until the focus is on the canvas (it roots concentric and breadth-first).
      if (cy.getElementById(focusId).empty()) return;
      // Animate re-layouts only; the first drawing appears in place.
      const animate = laidOutKey.current !== null;
      laidOutKey.current = layoutKey;
      const preset = latest.current.preset;
      const usePreset = !!preset && cy.nodes().filter((n) => !preset[n.id()]).empty();
      void runLayout(cy, container, usePreset ? 'preset' : layout, focusId, layoutSeed, animate, running, preset).then(() => {
        if (pathFitPending.current && !running.current) {
          pathFitPending.current = false;
          fitElements(cy, cy.elements('.path'), true);
        }
      });
    } else if (added.nonempty()) {
      placeNewNodes(cy, added);
      running.current?.stop();
      running.current = null;
      setLayoutState(container, 'running');
      let settling: Layouts | null = null;
      settling = settleNewNodes(cy, added, layoutSeed, () => {
        // A newer layout took over: it reports its own end.
        if (running.current !== settling) return;
        running.current = null;
        setLayoutState(container, 'idle');
        scheduleThinning(cy);
        if (pathFitPending.current) {
          pathFitPending.current = false;
          return fitElements(cy, cy.elements('.path'), true);
        }
        const view = cy.extent();
        const bb = added.boundingBox({});
        const outside = bb.x1 < view.x1 || bb.x2 > view.x2 || bb.y1 < view.y1 || bb.y2 > view.y2;
        if (outside) fitVisible(cy, true);
      });
      running.current = settling;
    }
  }, [nodes, edges, layoutKey, layoutSeed, ready, layout, focusId]);

  // ---- classes: filters, dormant, focus, expanded, path highlight
  const { hidden, dormant, undated = NO_IDS, pathIds, expandedIds, marks = NO_MARKS } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    applyClasses(cy, { hidden, dormant, undated, pathIds, marks, focusId, expandedIds });
    const pathKey = pathIds ? [...pathIds].sort().join(',') : '';
    if (pathKey && pathKey !== lastPathKey.current) pathFitPending.current = true;
    lastPathKey.current = pathKey;
    if (pathFitPending.current && !running.current && cy.elements('.path').nonempty()) {
      pathFitPending.current = false;
      fitElements(cy, cy.elements('.path'), true);
    }
  }, [nodes, edges, hidden, dormant, undated, pathIds, focusId, expandedIds, marks]);

  // ---- the keyboard's place in the side panel's lists, marked on the canvas
  const { keyboardTarget = null } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const want = keyboardTarget ? cy.getElementById(keyboardTarget) : cy.collection();
    cy.batch(() => {
      cy.$('.kbd').difference(want).removeClass('kbd');
      want.addClass('kbd');
    });
    updateEdgeLabels(cy);
  }, [keyboardTarget, nodes, edges]);

  // ---- selection
  const { selected, description } = props;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      const want = selected ? cy.getElementById(selected.id) : cy.collection();
      cy.$(':selected').not(want).unselect();
      if (want.nonempty() && !want.selected()) want.select();
    });
  }, [selected, nodes, edges]);

  useImperativeHandle(
    ref,
    () => ({
      fit() {
        const cy = cyRef.current;
        if (cy) fitVisible(cy, true);
      },
      reveal(ids: readonly string[]) {
        const cy = cyRef.current;
        if (!cy) return;
        let eles = cy.collection();
        for (const id of ids) eles = eles.union(cy.getElementById(id));
        if (eles.nonempty()) fitElements(cy, eles.union(eles.connectedNodes()), true);
      },
      zoomBy(factor: number) {
        const cy = cyRef.current;
        if (!cy) return;
        cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
      core: () => cyRef.current,
      positions() {
        const out: Record<string, { x: number; y: number }> = {};
        cyRef.current?.nodes().forEach((n) => {
          const p = n.position();
          out[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
        });
        return out;
      },
    }),
    [],
  );

  // Keyboard: arrows pan, +/- zoom, 0 fits. The side panel lists every element for keyboard browsing.
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const cy = cyRef.current;
    if (!cy || e.altKey || e.ctrlKey || e.metaKey) return;
    const pan: Record<string, [number, number]> = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
    if (pan[e.key]) {
      cy.panBy({ x: pan[e.key][0], y: pan[e.key][1] });
    } else if (e.key === '+' || e.key === '=') {
      cy.zoom({ level: cy.zoom() * 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    } else if (e.key === '-' || e.key === '_') {
      cy.zoom({ level: cy.zoom() / 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    } else if (e.key === '0') {
      fitVisible(cy, false);
    } else return;
    e.preventDefault();
  }

  return (
    <div className={styles.wrap}>
      <div
        ref={containerRef}
        className={styles.canvas}
        data-testid="graph-canvas"
        role="application"
        aria-roledescription="network graph"
        aria-label={description}
        tabIndex={0}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

/** Switches to the large-graph stylesheet and gesture drawing above LARGE_GRAPH_ELEMENTS elements (and back); only when the side changes. */
function setLarge(cy: Core, count: number): void {
  const large = count > LARGE_GRAPH_ELEMENTS;
  const state = canvasState(cy);
  if (state.large === large) return;
  state.large = large;
  cy.style(canvasStylesheet(large));
  setGestureDrawing(cy, large);
}

/** A benchmark element (data as the canvas props carry it) with the style data the canvas adds. */
function withStyleData(ele: ElementDefinition): ElementDefinition {
  const d = ele.data as Record<string, unknown>;
  const look = ele.group === 'nodes' ? canvasNodeData({ label: String(d.label ?? ''), kind: d.kind as ActorKind }) : canvasEdgeLook(d.type as RelationshipType);
  return { ...ele, data: { ...d, ...look } };
}

const NO_MARKS: ReadonlyMap<string, string> = new Map();
const NO_IDS: ReadonlySet<string> = new Set();

/** Fits `eles` into the view clear of the insets (see fitViewport). */
function fitElements(cy: Core, eles: CollectionReturnValue, animate: boolean): void {
  const viewport = fitViewport(cy, eles, canvasState(cy).insets);
  if (!viewport) return;
  if (animate) cy.animate({ ...viewport, duration: 250 });
  else cy.viewport(viewport);
}

/** Fits the visible elements into view; that zoom is the reference for when every edge gets its label. */
function fitVisible(cy: Core, animate: boolean): void {
  const state = canvasState(cy);
  const viewport = fitViewport(cy, cy.elements(':visible'), state.insets);
  if (!viewport) return;
  state.fitZoom = viewport.zoom;
  // For tests, beside data-layout-state: the zoom edge labels are judged against.
  const container = cy.container();
  if (container) container.dataset.fitZoom = String(viewport.zoom);
  if (animate) cy.animate({ ...viewport, duration: 250 });
  else cy.viewport(viewport);
  updateZoomLabels(cy, false, viewport.zoom);
}

type ClassProps = Pick<Props, 'hidden' | 'dormant' | 'undated' | 'pathIds' | 'marks' | 'focusId' | 'expandedIds'>;

/** Filters, dormant, date unknown, path highlight, diff marks, focus and expanded, as classes. */
function applyClasses(cy: Core, p: ClassProps): void {
  const expanded = new Set(p.expandedIds);
  const undated = p.undated ?? NO_IDS;
  const marks = p.marks ?? NO_MARKS;
  cy.batch(() => {
    cy.elements().forEach((ele) => {
      const id = ele.id();
      ele.toggleClass('filtered', p.hidden.has(id));
      ele.toggleClass('dormant', p.dormant.has(id));
      ele.toggleClass('undated', undated.has(id));
      ele.toggleClass('path', !!p.pathIds?.has(id));
      ele.toggleClass('off-path', !!p.pathIds && !p.pathIds.has(id));
      const mark = marks.get(id);
      ele.toggleClass('diff-added', mark === 'diff-added');
      ele.toggleClass('diff-removed', mark === 'diff-removed');
      if (ele.isNode()) {
        ele.toggleClass('focus', id === p.focusId);
        ele.toggleClass('expanded', expanded.has(id));
      }
    });
  });
}

/**
 * Runs `fn` (a layout) on the view as its link describes it, not as the reader has touched it: no node
 * selected, hovered or keyboard-marked (those show full names, and node sizes include labels), and nothing
 * hidden by a filter (filters hide, they do not move). Then restores all of it.
 */
function asLinked(cy: Core, fn: () => void): void {
  const selected = cy.nodes(':selected');
  const touched = (['hover', 'kbd', 'filtered'] as const).map((c) => [c, cy.elements(`.${c}`)] as const);
  cy.batch(() => {
    selected.unselect();
    for (const [c, eles] of touched) eles.removeClass(c);
  });
  try {
    fn();
  } finally {
    cy.batch(() => {
      selected.select();
      for (const [c, eles] of touched) eles.addClass(c);
    });
  }
}

/** Nodes before edges, each by id. */
function inStableOrder(eles: CollectionReturnValue): CollectionReturnValue {
  return eles.sort((a, b) => (a.isNode() === b.isNode() ? (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0) : a.isNode() ? -1 : 1));
}

function setLayoutState(container: HTMLElement, state: 'running' | 'idle'): void {
  container.dataset.layoutState = state;
  if (state === 'idle') container.dataset.layoutRuns = String(Number(container.dataset.layoutRuns ?? 0) + 1);
}

/**
 * Runs a full layout; resolves when it stops. `data-layout-state` on the container tells tests when it is done.
 * A computed layout depends on the view alone, never on how the reader got there: it starts every node at the
 * origin, measures the view as its link describes it (asLinked), takes the elements in a fixed order and is
 * seeded, then is centred on the origin. Only then is it shown, animated from the old picture on a re-layout.
 */
function runLayout(
  cy: Core,
  container: HTMLElement,
  name: LayoutName | 'preset',
  focusId: string,
  seed: string,
  animate: boolean,
  running: { current: Layouts | null },
  preset?: Readonly<Record<string, { x: number; y: number }>> | null,
): Promise<void> {
  running.current?.stop();
  setLayoutState(container, 'running');
  const target = name === 'preset' ? preset : computeLayout(cy, name, focusId, seed);
  return new Promise((resolve) => {
    const layout = cy.elements().layout({
      name: 'preset',
      positions: (n: NodeSingular) => target?.[n.id()],
      fit: false,
      animate: animate && cy.nodes().length <= LARGE_GRAPH,
      animationDuration: 450,
    } as LayoutOptions);
    running.current = layout;
    layout.one('layoutstop', () => {
      fitVisible(cy, animate);
      scheduleThinning(cy);
      if (running.current === layout) {
        running.current = null;
        setLayoutState(container, 'idle');
      }
      resolve();
    });
    layout.run();
  });
}

/** The positions a layout gives the view (see runLayout), leaving the nodes where they were. */
function computeLayout(cy: Core, name: LayoutName, focusId: string, seed: string): Record<string, { x: number; y: number }> {
  const nodes = cy.nodes();
  const before = new Map(nodes.map((n) => [n.id(), { ...n.position() }]));
  const out: Record<string, { x: number; y: number }> = {};
  asLinked(cy, () => {
    nodes.positions({ x: 0, y: 0 });
    // In a fixed order, not the order elements arrived in: layouts iterate the collection, and their seeded
    // randomness with it. Not animated, so every position is set inside run(): seeding that call seeds the layout.
    const layout = inStableOrder(cy.elements()).layout(layoutOptions(name, cy, focusId, { animate: false }));
    withSeededRandom(`${seed}|${name}`, () => layout.run());
    const bb = nodes.boundingBox({ includeLabels: false, includeOverlays: false });
    const c = { x: bb.x1 + bb.w / 2, y: bb.y1 + bb.h / 2 };
    nodes.forEach((n) => {
      const p = n.position();
      out[n.id()] = { x: p.x - c.x, y: p.y - c.y };
    });
    nodes.positions((n) => before.get(n.id())!);
  });
  return out;
}

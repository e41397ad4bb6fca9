/**
 * The canvas's own bookkeeping for one Cytoscape instance: which stylesheet is
 * on, the last fitted zoom, whether every edge is labelled, a pending label
 * thinning, and the space kept clear of the graph.
 *
 * Kept beside the instance, not in `cy.scratch()`: Cytoscape restyles every
 * element whenever the core's scratch is written (it calls updateStyle on all
 * of them), which cost about 2 s on the first frame of a 30 000-element view
 * and a restyle of the whole graph on every hover.
 */
import type { Core } from 'cytoscape';
import type { Insets } from './layouts';

/** Space kept clear when the canvas is given none. */
export const NO_INSETS: Insets = { top: 24, right: 24, bottom: 24, left: 24 };

export interface CanvasState {
  /** The large-graph stylesheet is on (graph-style.ts: LARGE_GRAPH_ELEMENTS). */
  large: boolean;
  /** The zoom of the last fit: the reference for when every edge gets its label. */
  fitZoom: number | null;
  /** Every edge is labelled (`zoomed`); null until first decided. */
  zoomLabels: boolean | null;
  /** A label thinning is queued for the end of the current turn. */
  thinPending: boolean;
  insets: Insets;
}

const states = new WeakMap<Core, CanvasState>();

export function canvasState(cy: Core): CanvasState {
  let state = states.get(cy);
  if (!state) states.set(cy, (state = { large: false, fitZoom: null, zoomLabels: null, thinPending: false, insets: NO_INSETS }));
  return state;
}

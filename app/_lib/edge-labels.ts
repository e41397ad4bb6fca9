/**
 * Which edges show their label on the canvas. Labels help where the reader
 * looks and clutter everywhere else, so an edge is labelled when it touches
 * the selected, hovered or keyboard-focused node (class `near`), when it is
 * itself hovered, selected or focused (stylesheet), and every edge is once
 * the view is zoomed in far enough to read them and shows few enough of them
 * (class `zoomed`). A selection's labels that would pile up over other nodes
 * are thinned (thinEdgeLabels).
 */
import type { BoundingBox12, Core, EdgeSingular } from 'cytoscape';
import { canvasState } from './canvas-state';

/** Every edge is labelled from this multiple of the fitted zoom… */
export const ZOOM_LABEL_FACTOR = 1.6;
/** …and never below this zoom, where an 8-unit label would render under 9 px. */
export const ZOOM_LABEL_MIN = 1.1;

export function zoomLabelsOn(zoom: number, fitZoom: number): boolean {
  return zoom >= Math.max(ZOOM_LABEL_MIN, fitZoom * ZOOM_LABEL_FACTOR) - 1e-6;
}

/**
 * …and only while the view shows about this many edges or fewer. Past it the labels cover one another, and
 * drawing them all is what made zooming a large view slow: at 10 000 nodes / 20 000 edges, every wheel gesture
 * that crossed the threshold restyled all 20 000 edges twice and drew their labels at each full redraw.
 */
export const ZOOM_LABEL_MAX_EDGES = 400;

/**
 * About how many of `edges` are in view at `zoom`: all of them at the fit, and the share of the fitted area
 * still in view beyond it, (fitZoom / zoom)², as if they were spread evenly. An estimate, so it costs nothing
 * per zoom step; it is low where the graph is dense (an ego view's centre) and high where it is sparse.
 */
export function edgesInView(edges: number, zoom: number, fitZoom: number): number {
  const share = Math.min(1, fitZoom / zoom);
  return edges * share * share;
}

/** Marks the edges of the selected, hovered or keyboard-focused nodes `near`, then thins their labels. */
export function updateEdgeLabels(cy: Core): void {
  const near = cy.nodes(':selected, .hover, .kbd').connectedEdges();
  cy.batch(() => {
    cy.edges('.near').difference(near).removeClass('near');
    near.addClass('near');
  });
  scheduleThinning(cy);
}

/**
 * Thins the labels once the current batch of changes is over (events fire inside `cy.batch()`, where styles
 * and so label sizes are not yet updated); many calls in one turn thin once.
 */
export function scheduleThinning(cy: Core): void {
  const state = canvasState(cy);
  if (state.thinPending) return;
  state.thinPending = true;
  queueMicrotask(() => {
    state.thinPending = false;
    if (!cy.destroyed()) thinEdgeLabels(cy);
  });
}

/** Above this many labelled edges the labels are not thinned (measuring them all would cost more than it helps). */
const THIN_MAX = 300;

/**
 * Hides (class `crowded`) the labels of a selection's edges that would cover another node's body or a
 * label already kept, so a busy actor's edges do not pile their labels over its neighbours. What the reader
 * points at, picked or reached by keyboard is always labelled, and kept first; the rest in id order, so the
 * same view keeps the same labels. The details panel lists every relationship, and hovering an edge shows its
 * label. Off once zoomed in to read every edge (`zoomed`), where the reader has asked for them all.
 */
export function thinEdgeLabels(cy: Core): void {
  const crowded = cy.edges('.crowded');
  if (crowded.nonempty()) cy.batch(() => crowded.removeClass('crowded'));
  if (canvasState(cy).zoomLabels === true) return;
  const shown = cy.edges('.near, .kbd, .hover, :selected').filter((e) => e.visible());
  if (shown.empty() || shown.length > THIN_MAX) return;
  const must = (e: EdgeSingular) => e.selected() || e.hasClass('hover') || e.hasClass('kbd');
  const ordered = (shown.toArray() as EdgeSingular[]).sort((a, b) => Number(must(b)) - Number(must(a)) || (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0));
  const bodies = cy
    .nodes()
    .filter((n) => n.visible())
    .map((n) => ({ id: n.id(), box: n.boundingBox({ includeLabels: false, includeOverlays: false }) }));
  const kept: BoundingBox12[] = [];
  const hide: EdgeSingular[] = [];
  for (const edge of ordered) {
    const box = edge.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    if (!(box.x2 > box.x1)) continue;
    // Over another node's body (its own ends are where the reader's eye already is).
    const ends = new Set([edge.source().id(), edge.target().id()]);
    const overNode = bodies.some((n) => !ends.has(n.id) && overlap(box, n.box));
    if (!must(edge) && (overNode || kept.some((k) => overlap(box, k)))) hide.push(edge);
    else kept.push(box);
  }
  if (hide.length) cy.batch(() => hide.forEach((e) => e.addClass('crowded')));
}

function overlap(a: BoundingBox12, b: BoundingBox12): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Labels every edge (`zoomed`) when `zoom` (default: the current one) is past the threshold for the last
 * fitted zoom and the view shows at most ZOOM_LABEL_MAX_EDGES of them. Only crossings touch the edges, unless
 * `force` (new edges were added).
 */
export function updateZoomLabels(cy: Core, force = false, zoom = cy.zoom()): void {
  const state = canvasState(cy);
  const fitZoom = state.fitZoom ?? zoom;
  // Short-circuits: the edges are counted only once zoomed in past the threshold.
  const on = zoomLabelsOn(zoom, fitZoom) && edgesInView(cy.edges().not('.filtered').length, zoom, fitZoom) <= ZOOM_LABEL_MAX_EDGES;
  if (!force && state.zoomLabels === on) return;
  state.zoomLabels = on;
  const change = on ? cy.edges().not('.zoomed') : cy.edges('.zoomed');
  if (change.nonempty()) cy.batch(() => change.toggleClass('zoomed', on));
  scheduleThinning(cy);
}

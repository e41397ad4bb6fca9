/**
 * Which edges show their label on the canvas. Labels help where the reader
 * looks and clutter everywhere else, so an edge is labelled when it touches
 * the selected, hovered or keyboard-focused node (class `near`), when it is
 * itself hovered, selected or focused (stylesheet), and every edge is once
 * the view is zoomed in far enough to read them (class `zoomed`).
 */
import type { Core } from 'cytoscape';

/** Every edge is labelled from this multiple of the fitted zoom… */
export const ZOOM_LABEL_FACTOR = 1.6;
/** …and never below this zoom, where an 8-unit label would render under 9 px. */
export const ZOOM_LABEL_MIN = 1.1;

export function zoomLabelsOn(zoom: number, fitZoom: number): boolean {
  return zoom >= Math.max(ZOOM_LABEL_MIN, fitZoom * ZOOM_LABEL_FACTOR) - 1e-6;
}

/** Marks the edges of the selected, hovered or keyboard-focused nodes `near`. */
export function updateEdgeLabels(cy: Core): void {
  const near = cy.nodes(':selected, .hover, .kbd').connectedEdges();
  cy.batch(() => {
    cy.edges('.near').difference(near).removeClass('near');
    near.addClass('near');
  });
}

/**
 * Labels every edge (`zoomed`) when `zoom` (default: the current one) is past the threshold for the last
 * fitted zoom. Only crossings touch the edges, unless `force` (new edges were added).
 */
export function updateZoomLabels(cy: Core, force = false, zoom = cy.zoom()): void {
  const fit = (cy.scratch('_steppeFitZoom') as number | undefined) ?? zoom;
  const on = zoomLabelsOn(zoom, fit);
  if (!force && cy.scratch('_steppeZoomLabels') === on) return;
  cy.scratch('_steppeZoomLabels', on);
  const change = on ? cy.edges().not('.zoomed') : cy.edges('.zoomed');
  if (change.nonempty()) cy.batch(() => change.toggleClass('zoomed', on));
}

/**
 * The canvas's bookkeeping must not restyle the graph: Cytoscape restyles every
 * element when the core's scratch is written, which on a 30 000-element view
 * cost seconds per hover and on the first frame. On a headless Cytoscape with
 * the explorer's stylesheet, the bookkeeping calls a hover, a fit and a zoom
 * make restyle only the elements whose classes change.
 */
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { canvasState } from '@/app/_lib/canvas-state';
import { edgesInView, scheduleThinning, updateEdgeLabels, updateZoomLabels } from '@/app/_lib/edge-labels';
import { canvasEdgeLook, canvasNodeData, canvasStylesheet } from '@/app/_lib/map-style';

/** A ring of `n` people on the explorer's stylesheet, its edges' labels decided and thinned. */
async function ring(n: number): Promise<Core> {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStylesheet(false) });
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  cy.add(ids.map((id, i) => ({ group: 'nodes' as const, data: { id, ...canvasNodeData({ label: id, kind: 'PERSON' }) }, position: { x: 100 * Math.cos(i), y: 100 * Math.sin(i) } })));
  cy.add(ids.map((id, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: id, target: ids[(i + 1) % n], label: 'Allied with', ...canvasEdgeLook('ALLIED_WITH') } })));
  updateZoomLabels(cy, true);
  await settled();
  return cy;
}

/** Lets queued microtasks (a scheduled thinning) run. */
async function settled(): Promise<void> {
  await Promise.resolve();
  await Promise.resolve();
}

/** Ids of the elements restyled while `fn` and the microtasks it queues run. */
async function restyledBy(cy: Core, fn: () => void): Promise<Set<string>> {
  const restyled = new Set<string>();
  const listener = (e: cytoscape.EventObject) => void restyled.add(e.target.id());
  cy.on('style', listener);
  fn();
  await settled();
  cy.off('style', listener);
  return restyled;
}

describe('canvas bookkeeping', () => {
  it('a fit, a zoom below the labels threshold and a label thinning restyle nothing', async () => {
    const cy = await ring(40);
    const restyled = await restyledBy(cy, () => {
      canvasState(cy).fitZoom = 0.5;
      updateZoomLabels(cy, false, 0.6);
      scheduleThinning(cy);
      scheduleThinning(cy);
    });
    expect([...restyled]).toEqual([]);
    expect(canvasState(cy).zoomLabels).toBe(false);
    expect(canvasState(cy).thinPending).toBe(false);
  });

  it('hovering a node restyles only it and its edges', async () => {
    const cy = await ring(40);
    const restyled = await restyledBy(cy, () => {
      cy.getElementById('n5').addClass('hover');
      updateEdgeLabels(cy);
    });
    expect([...restyled].sort()).toEqual(['e4', 'e5', 'n5']);
  });

  it('crossing the zoom threshold labels every edge, once', async () => {
    const cy = await ring(40);
    canvasState(cy).fitZoom = 1;
    updateZoomLabels(cy, true, 1);
    const restyled = await restyledBy(cy, () => {
      updateZoomLabels(cy, false, 2);
      updateZoomLabels(cy, false, 2.1);
    });
    expect(restyled.size).toBe(40);
    expect(cy.edges('.zoomed').length).toBe(40);
  });

  it('a view with more edges than can be read waits for a deeper zoom before labelling them, and restyles none until then', async () => {
    const cy = await ring(1000);
    canvasState(cy).fitZoom = 1;
    updateZoomLabels(cy, true, 1);
    // At twice the fit about a quarter of the 1 000 edges are in view: 250, under ZOOM_LABEL_MAX_EDGES (400)…
    expect(edgesInView(1000, 2, 1)).toBe(250);
    // …but 2 000 edges leave 500 at twice the fit, and 400 only from √5 ≈ 2.24 times.
    cy.add(Array.from({ length: 1000 }, (_, i) => ({ group: 'edges' as const, data: { id: `x${i}`, source: `n${i}`, target: `n${(i + 2) % 1000}`, label: 'Allied with', ...canvasEdgeLook('ALLIED_WITH') } })));
    const before = await restyledBy(cy, () => updateZoomLabels(cy, false, 2));
    expect(before.size).toBe(0);
    expect(canvasState(cy).zoomLabels).toBe(false);
    updateZoomLabels(cy, false, 2.25);
    expect(cy.edges('.zoomed').length).toBe(2000);
    // Filtered edges do not count: with half of them hidden, twice the fit is enough.
    cy.edges('[id ^= "x"]').addClass('filtered');
    updateZoomLabels(cy, false, 1);
    updateZoomLabels(cy, false, 2);
    expect(canvasState(cy).zoomLabels).toBe(true);
  });
});

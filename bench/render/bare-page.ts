/**
 * The baseline page: bare Cytoscape with fCoSE, default styles, no React, and
 * the explorer's own layout options (app/_lib/layouts.ts), so both pages do
 * the same layout work, then fitted to the whole graph as the explorer is.
 * Exposes `window.__bareRender` with the same timing
 * protocol as the explorer's `window.__steppeRender`, and `window.cy` for the
 * pan/zoom frames. `?webgl=1` draws with Cytoscape's WebGL renderer.
 */
import cytoscape, { type ElementDefinition, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { layoutOptions } from '../../app/_lib/layouts';
import { rendererOptions, type RendererName } from '../../app/_lib/renderer';
import type { LayoutName } from '../../app/_lib/url-state';
import { nextFrame, type RenderTiming } from './protocol';

cytoscape.use(fcose);
const container = document.getElementById('cy')!;
const renderer: RendererName = new URLSearchParams(location.search).get('webgl') === '1' ? 'webgl' : 'canvas';
const cy = cytoscape({ container, ...rendererOptions(renderer) });
(window as unknown as { cy: typeof cy }).cy = cy;

async function render(elements: ElementDefinition[], options: { layout?: LayoutName } = {}): Promise<RenderTiming> {
  const t0 = performance.now();
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  const t1 = performance.now();
  await new Promise<void>((resolve) => {
    // Whatever the explorer's options say about fitting, the baseline shows the whole graph too (as plain Cytoscape does, with fit).
    const layout = cy.elements().layout({ ...layoutOptions(options.layout ?? 'fcose', cy, '', { animate: false }), fit: true, padding: 48 } as LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
  const t2 = performance.now();
  await nextFrame();
  const t3 = performance.now();
  return { elements: elements.length, addMs: t1 - t0, layoutMs: t2 - t1, drawMs: t3 - t2, totalMs: t3 - t0 };
}

(window as unknown as { __bareRender: typeof render }).__bareRender = render;

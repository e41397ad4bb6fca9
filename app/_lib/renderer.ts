/**
 * Which of Cytoscape's renderers draws the canvas. Cytoscape (3.31+) can draw with WebGL instead of the 2D
 * canvas (`renderer: { name: 'canvas', webgl: true }`, marked experimental); the render benchmark
 * (bench/render) measures both on the same elements.
 */
import type { CytoscapeOptions } from 'cytoscape';

export type RendererName = 'canvas' | 'webgl';

/** The Cytoscape options that pick `renderer` (the `renderer` option is missing from Cytoscape's type definitions). */
export function rendererOptions(renderer: RendererName): Partial<CytoscapeOptions> {
  return renderer === 'webgl' ? ({ renderer: { name: 'canvas', webgl: true } } as Partial<CytoscapeOptions>) : {};
}

/**
 * The explorer draws every view with the 2D canvas, at every size. Measured with `npm run bench -- --render-large`
 * (bench/RESULTS.md, "Large views"; Chromium with --disable-gpu, so WebGL runs on SwiftShader): WebGL drew the
 * explorer's pan/zoom frames more slowly than the canvas (p95 617 vs 300 ms at 1 000 elements) and took longer to
 * render; no size showed a gain to switch at.
 */
export const EXPLORER_RENDERER: RendererName = 'canvas';

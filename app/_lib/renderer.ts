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

/** The renderer the explorer draws a view of `elements` nodes + edges with. */
export function rendererFor(elements: number): RendererName {
  void elements;
  return 'canvas';
}

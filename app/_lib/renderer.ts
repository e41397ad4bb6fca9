/**
 * Which of Cytoscape's renderers draws the canvas. Cytoscape (3.31+) can draw with WebGL instead of the 2D
 * canvas (`renderer: { name: 'canvas', webgl: true }`, marked experimental); the render benchmark
 * (bench/render) measures both on the same elements.
 */
import type { Core, CytoscapeOptions } from 'cytoscape';

export type RendererName = 'canvas' | 'webgl';

/** The Cytoscape options that pick `renderer` (the `renderer` option is missing from Cytoscape's type definitions). */
export function rendererOptions(renderer: RendererName): Partial<CytoscapeOptions> {
  return renderer === 'webgl' ? ({ renderer: { name: 'canvas', webgl: true } } as Partial<CytoscapeOptions>) : {};
}

/**
 * The explorer draws every view with the 2D canvas, at every size. Measured with the render benchmark
 * (`npm run bench -- --render-large`; Chromium with --disable-gpu, so WebGL runs on SwiftShader, on the CPU) on a
 * shared 2-core machine: at 1 000 elements, in two runs, WebGL drew the explorer's pan/zoom frames more slowly than
 * the canvas (p95 617 vs 300 ms; 650 vs 233 ms) and rendered more slowly (1.79 vs 1.65 s; 2.36 vs 1.69 s); at 10 000 nodes / 20 000 edges the WebGL pages had
 * not finished 4 renders each and their pan and zoom after 35 minutes (26 CPU-minutes in SwiftShader), where the
 * canvas pages had finished theirs in 8.5. No size showed a gain to switch at. With a GPU, measure again.
 */
export const EXPLORER_RENDERER: RendererName = 'canvas';

/** The fields of Cytoscape's canvas renderer that decide how it draws during a user's pan or zoom. */
interface GestureDrawing {
  /** Draw a snapshot of the viewport, scaled and moved, until the gesture ends. */
  textureOnViewport: boolean;
  /** Leave edges out while the viewport moves. */
  hideEdgesOnViewport: boolean;
}

/**
 * Large views move by snapshot during a wheel or drag: Cytoscape draws the nodes once into a texture, moves and
 * scales that while the hand moves, and redraws everything, edges included, when the gesture stops. Small views
 * keep drawing every frame in full. Edges are also left out during the canvas's own animated fits on a large view.
 * These are Cytoscape init options (`textureOnViewport`, `hideEdgesOnViewport`) that its renderer reads on every
 * frame; the canvas switches between small and large after init, and Cytoscape has no setter, so they are set on
 * the renderer. Measured with real wheel and drag
 * input (bench/render: gestureFrames) at 5 000 elements, alternating: 3.3–6.5 s for the gesture with them,
 * 7.4–16.2 s without.
 */
export function setGestureDrawing(cy: Core, large: boolean): void {
  const renderer = (cy as unknown as { renderer(): Partial<GestureDrawing> | null }).renderer();
  // Headless Cytoscape has no drawing renderer to tell.
  if (!renderer || !('hideEdgesOnViewport' in renderer)) return;
  renderer.textureOnViewport = large;
  renderer.hideEdgesOnViewport = large;
}

/** What both render pages report for one render: the explorer's `window.__steppeRender` answers the same shape. */
export type RenderTiming = { elements: number; addMs: number; layoutMs: number; drawMs: number; totalMs: number };

/** Resolves after the next frame has been drawn (two animation frames). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** The gesture by hand (render.ts: gestureFrames): wheel steps (the first half zooms in about the centre, the second back out), then drag steps. */
export const GESTURE_STEPS = { wheel: 30, drag: 20 } as const;

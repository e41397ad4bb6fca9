'use client';

/**
 * Re-renders the caller (once per animation frame at most) whenever the
 * Cytoscape view changes: pan, zoom, resize, node moves, elements added or
 * removed. For HTML drawn over the canvas that must follow it.
 */
import type { Core } from 'cytoscape';
import { useEffect, useReducer } from 'react';

const EVENTS = 'viewport resize position add remove style';

export function useCyViewport(cy: Core | null): void {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!cy) return;
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), redraw()));
    };
    cy.on(EVENTS, schedule);
    schedule();
    return () => {
      cy.off(EVENTS, schedule);
      cancelAnimationFrame(frame);
    };
  }, [cy]);
}

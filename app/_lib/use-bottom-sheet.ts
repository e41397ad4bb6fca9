'use client';

/**
 * The state of the explorer's bottom sheet on narrow screens (peek, half,
 * full; details or path finder and filters), and the moves that keep the graph
 * in view: a tapped element opens the details half-way and is panned clear of
 * the sheet; Escape lowers the sheet to its peek and returns focus to its handle.
 * On wide screens the state exists but nothing shows it (the CSS ignores it).
 */
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { Core } from 'cytoscape';

export type SheetState = 'peek' | 'half' | 'full';
export type SheetView = 'details' | 'tools';

/** Must match the narrow-screen breakpoint in Explorer.module.css. */
export const NARROW_QUERY = '(max-width: 56rem)';

/** Room kept around a revealed element (the floating controls are hidden while the sheet is up). */
const REVEAL_MARGIN_PX = 24;
/** After React has drawn the sheet at its new height. */
const SETTLE_MS = 60;

export function isNarrow(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(NARROW_QUERY).matches;
}

export function useBottomSheet() {
  const [state, setState] = useState<SheetState>('peek');
  const [view, setView] = useState<SheetView>('details');
  const handleRef = useRef<HTMLButtonElement>(null);

  /** Shows `view` at least half-way (narrow screens only). */
  const open = useCallback((next: SheetView) => {
    if (!isNarrow()) return;
    setView(next);
    setState((s) => (s === 'peek' ? 'half' : s));
  }, []);

  /** Lowers the sheet to its peek with `view` chosen, e.g. so a found path is seen whole. */
  const lower = useCallback((next: SheetView) => {
    if (!isNarrow()) return;
    setView(next);
    setState('peek');
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      // The details panel's own Escape (closing a selection) comes first.
      if (e.key !== 'Escape' || e.defaultPrevented || state === 'peek' || !isNarrow()) return;
      e.preventDefault();
      setState('peek');
      handleRef.current?.focus();
    },
    [state],
  );

  return { state, view, setState, setView, open, lower, onKeyDown, handleRef };
}

/**
 * Once the sheet has settled, pans the canvas so the element `id` sits in the part of the graph the
 * sheet leaves visible (between the toolbar and the sheet's top). Returns a cancel function.
 */
export function revealAboveSheet(cy: Core | null, id: string, sheet: HTMLElement | null): () => void {
  const timer = window.setTimeout(() => {
    if (!cy || !sheet || !isNarrow()) return;
    const ele = cy.getElementById(id);
    if (ele.empty()) return;
    const box = ele.renderedBoundingBox({ includeLabels: false });
    const containerTop = cy.container()!.getBoundingClientRect().top;
    const bottom = Math.min(cy.height(), sheet.getBoundingClientRect().top - containerTop) - REVEAL_MARGIN_PX;
    const top = REVEAL_MARGIN_PX;
    if (bottom <= top) return;
    if (box.y1 >= top && box.y2 <= bottom && box.x1 >= 0 && box.x2 <= cy.width()) return;
    const dy = (top + bottom) / 2 - (box.y1 + box.y2) / 2;
    const dx = cy.width() / 2 - (box.x1 + box.x2) / 2;
    cy.animate({ panBy: { x: box.x1 < 0 || box.x2 > cy.width() ? dx : 0, y: dy }, duration: 200 });
  }, SETTLE_MS);
  return () => window.clearTimeout(timer);
}

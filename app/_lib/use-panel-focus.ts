'use client';

/**
 * Focus for a details panel that opens and closes over a default view:
 * opening (the content changes to a selection) moves focus to the new
 * content's heading once it is drawn, so keyboard and screen-reader users land
 * on what they opened; closing returns focus to what opened it (the canvas, a
 * list button), or to the same item in the restored list when that button was
 * replaced, or else to the restored heading.
 */
import { useCallback, useEffect, useRef } from 'react';

const HEADING = '#panel-title';
/** How long a return waits for the opener's list item to load before focusing the heading. */
const RETURN_WAIT_MS = 4000;

export function usePanelFocus(contentKey: string, opened: boolean, onClose: () => void) {
  const panelRef = useRef<HTMLElement>(null);
  /** The element focused last outside the panel's heading, kept up to date by a focusin listener. */
  const lastFocused = useRef<HTMLElement | null>(null);
  const opener = useRef<{ el: HTMLElement | null; itemSelector: string | null } | null>(null);
  const pending = useRef<'heading' | 'return' | null>(null);
  const shownKey = useRef(contentKey);
  const returnStarted = useRef(0);

  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && !e.target.matches(HEADING)) lastFocused.current = e.target;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  // The content changed: a new selection takes focus to its heading (remembering where it came from).
  useEffect(() => {
    if (shownKey.current === contentKey) return;
    shownKey.current = contentKey;
    if (!opened || pending.current === 'return') return;
    const el = lastFocused.current;
    const item = el?.closest<HTMLElement>('[data-relationship-id]')?.dataset.relationshipId;
    // Only record a fresh opener: moving on from one selection to the next keeps the first opener.
    if (!opener.current) opener.current = { el, itemSelector: item ? `[data-relationship-id="${CSS.escape(item)}"] [data-opens-details]` : null };
    pending.current = 'heading';
  }, [contentKey, opened]);

  // Finish a pending move once its target is drawn: details load asynchronously, inside child components, so
  // watch the panel's DOM until the heading appears.
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const settle = (): boolean => {
      if (!pending.current) return true;
      const heading = panel.querySelector<HTMLElement>(HEADING);
      if (!heading) return false;
      if (pending.current === 'heading') heading.focus();
      else {
        const back = opener.current;
        const item = back?.itemSelector ? panel.querySelector<HTMLElement>(back.itemSelector) : null;
        // The restored list loads after its heading: wait for the item a while before settling for the heading.
        if (!back?.el?.isConnected && back?.itemSelector && !item && Date.now() - returnStarted.current < RETURN_WAIT_MS) return false;
        const target = (back?.el?.isConnected ? back.el : null) ?? item ?? heading;
        target.focus();
        opener.current = null;
      }
      pending.current = null;
      return true;
    };
    if (settle()) return;
    const watch = new MutationObserver(() => {
      if (settle()) watch.disconnect();
    });
    watch.observe(panel, { childList: true, subtree: true });
    const fallback = window.setTimeout(() => settle() && watch.disconnect(), RETURN_WAIT_MS + 50);
    return () => {
      watch.disconnect();
      window.clearTimeout(fallback);
    };
  });

  const close = useCallback(() => {
    pending.current = 'return';
    returnStarted.current = Date.now();
    onClose();
  }, [onClose]);

  return { panelRef, close };
}

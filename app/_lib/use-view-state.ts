'use client';

/**
 * The explorer's view, mirrored into the address bar. A new focus adds a
 * history entry (Back returns to the previous actor); every other change
 * replaces the current entry. Date changes are written at most every
 * URL_WRITE_DELAY_MS so dragging the slider does not flood the history API.
 */
import { useEffect, useRef, useState } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './url-state';

const URL_WRITE_DELAY_MS = 200;

export function useViewState(initial: ViewState): [ViewState, (update: (view: ViewState) => ViewState) => void] {
  const [view, setView] = useState(initial);
  const written = useRef(initial);

  useEffect(() => {
    const write = () => {
      const query = serializeViewState(view);
      const pushes = view.actor !== written.current.actor;
      written.current = view;
      if (window.location.search.replace(/^\?/, '') === query) return;
      const url = `${window.location.pathname}?${query}`;
      if (pushes) window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    };
    // Only date changes come in bursts (slider drags, play); everything else is written at once,
    // so a link followed right after a click never races a pending write.
    const onlyDateChanged = serializeViewState({ ...view, asOf: written.current.asOf }) === serializeViewState(written.current);
    if (!onlyDateChanged) return write();
    const timer = window.setTimeout(write, URL_WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [view]);

  useEffect(() => {
    const onPop = () => {
      const next = parseViewState(window.location.search);
      written.current = next;
      setView(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  return [view, (update) => setView((v) => update(v))];
}

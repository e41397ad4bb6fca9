'use client';

/**
 * The explorer's export and open actions, kept out of the Explorer component:
 * PNG and SVG drawn by the curated maps' renderer, JSON with positions, and
 * opening such a JSON again (the view it was taken of, at its positions).
 */
import { useCallback, useState } from 'react';
import { download, svgToPng } from './download';
import { explorerDrawing, explorerJson, readExplorerJson, type Positions } from './explorer-export';
import type { LoadedGraph, Visibility } from './graph-view';
import { renderMapSvg } from './map-svg';
import type { ViewState } from './url-state';

interface Options {
  graph: LoadedGraph;
  visibility: Visibility;
  view: ViewState;
  /** The canvas's node positions now (model coordinates). */
  positions(): Positions;
  /** Restores an opened export: its view, then its positions. */
  onOpen(view: Partial<ViewState> & { actor: string }, positions: Positions): void;
}

export function useExplorerExports({ graph, visibility, view, positions, onOpen }: Options) {
  const [error, setError] = useState<string | null>(null);
  const base = `steppe-${view.actor}${view.asOf ? `-as-of-${view.asOf}` : ''}`;

  const svg = () =>
    renderMapSvg(explorerDrawing(graph, visibility, view, positions()), { chrome: true, link: window.location.href, credit: 'Steppe explorer' });

  return {
    error,
    dismissError: useCallback(() => setError(null), []),
    exportSvg() {
      download(new Blob([svg()], { type: 'image/svg+xml' }), `${base}.svg`);
    },
    exportPng() {
      setError(null);
      svgToPng(svg())
        .then((png) => download(png, `${base}.png`))
        .catch(() => setError('The PNG could not be drawn in this browser. Download the SVG instead.'));
    },
    exportJson() {
      const body = explorerJson(graph, visibility, view, positions(), new Date());
      download(new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }), `${base}.json`);
    },
    async openJson(file: File) {
      setError(null);
      const opened = readExplorerJson(await file.text());
      if (!opened) return setError(`${file.name} is not a Steppe explorer export (JSON with a view and positions).`);
      onOpen(opened.view, opened.positions);
    },
  };
}

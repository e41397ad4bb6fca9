'use client';

/**
 * Export a map: JSON in the shape `saveMap` takes (so it can be saved again),
 * the self-contained SVG (title, legend, notes, sources) and a PNG of that SVG.
 * Without JavaScript the SVG link still downloads the server-drawn file.
 */
import { useState } from 'react';
import { mapToInput, type MapRecord } from '@/app/_lib/map-records';
import { drawingFromMap, renderMapSvg } from '@/app/_lib/map-svg';
import { Icon } from '@/app/_components/Icon';
import { download, svgToPng } from '@/app/_lib/download';

export function MapExport({ map }: { map: MapRecord }) {
  const [error, setError] = useState<string | null>(null);
  const base = `steppe-map-${map.id}`;
  const svg = () => renderMapSvg(drawingFromMap(map), { chrome: true, link: `${window.location.origin}/maps/${map.id}` });

  return (
    <div className="map-export" role="group" aria-label="Export this map">
      <button type="button" className="button" data-testid="map-export-json" onClick={() => download(new Blob([JSON.stringify(mapToInput(map), null, 2)], { type: 'application/json' }), `${base}.json`)}>
        <Icon name="download" size={14} /> JSON
      </button>
      <a
        className="button"
        href={`/maps/${encodeURIComponent(map.id)}/map.svg`}
        download={`${base}.svg`}
        data-testid="map-export-svg"
        onClick={(e) => {
          e.preventDefault();
          download(new Blob([svg()], { type: 'image/svg+xml' }), `${base}.svg`);
        }}
      >
        <Icon name="download" size={14} /> SVG
      </a>
      <button
        type="button"
        className="button"
        data-testid="map-export-png"
        onClick={() => {
          setError(null);
          svgToPng(svg())
            .then((png) => download(png, `${base}.png`))
            .catch(() => setError('The PNG could not be drawn in this browser. Download the SVG instead.'));
        }}
      >
        <Icon name="download" size={14} /> PNG
      </button>
      {error ? (
        <p role="alert" className="map-export-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * /maps/[id]/embed: the map alone, for an iframe on another site (the only
 * route next.config.js lets be framed). No site chrome: the title, the map and
 * a link back to the full page.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { drawingFromMap, renderMapSvg } from '@/app/_lib/map-svg';
import { getMap } from '@/app/_reference/maps';
import { MapViewer } from '@/app/_maps/MapViewer';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const map = await getMap((await params).id);
  return map ? { title: map.title, robots: { index: false } } : { title: 'Map not found' };
}

export default async function MapEmbedPage({ params }: Props) {
  const { id } = await params;
  const map = await getMap(id);
  if (!map) notFound();
  const svg = renderMapSvg(drawingFromMap(map), { chrome: false });
  const href = `/maps/${encodeURIComponent(map.id)}`;
  // The embed shows no quotes, but says when some of the evidence behind it is not in its publisher's words.
  const notVerbatim = map.sources.filter((s) => s.wordingWarning);
  return (
    <div className="embed-root">
      <header className="embed-header">
        <h1 className="embed-title">{map.title}</h1>
        {/* target _top: leave the iframe, not navigate inside it */}
        <a className="embed-link" href={href} target="_top" data-testid="embed-view-on-steppe">
          View on Steppe
        </a>
      </header>
      {notVerbatim.length ? (
        <p className="embed-note" role="note" data-testid="wording-warning">
          Some quotes behind this map come from {notVerbatim.map((s) => s.title).join('; ')}: {notVerbatim[0].wordingWarning}
        </p>
      ) : null}
      <MapViewer map={map} svg={svg} embed />
    </div>
  );
}

/**
 * /maps/[id]: one curated map, read-only. Server-rendered with the map drawn
 * as SVG (works without JavaScript and as a link preview), the relationships
 * with their quoted evidence and the sources; the interactive canvas takes
 * over in the browser.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { editMapHref, exploreFromMap } from '@/app/_lib/map-records';
import { drawingFromMap, renderMapSvg } from '@/app/_lib/map-svg';
import { DEFAULT_VIEW, viewHref } from '@/app/_lib/url-state';
import { plural } from '@/app/_reference/format';
import { getMap } from '@/app/_reference/maps';
import { PartialDate } from '@/app/_reference/PartialDate';
import { OriginalLink, WordingWarning } from '@/app/_reference/Provenance';
import { RelationshipItem } from '@/app/_reference/RelationshipItem';
import { MapExport } from '@/app/_maps/MapExport';
import { MapViewer } from '@/app/_maps/MapViewer';

type Props = { params: Promise<{ id: string }> };

function summary(map: { description: string | null; nodes: unknown[]; edges: unknown[] }): string {
  const counts = `${plural(map.nodes.length, 'actor')} and ${plural(map.edges.length, 'relationship')}, each quoted from its sources.`;
  return map.description ? `${map.description} ${counts}` : `A curated map of ${counts}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const map = await getMap((await params).id);
  if (!map) return { title: 'Map not found' };
  const description = summary(map).slice(0, 300);
  return {
    title: map.title,
    description,
    alternates: { canonical: `/maps/${encodeURIComponent(map.id)}` },
    openGraph: { type: 'article', title: map.title, description, siteName: 'Steppe', modifiedTime: map.updatedAt },
    twitter: { card: 'summary', title: map.title, description },
  };
}

export default async function MapPage({ params }: Props) {
  const { id } = await params;
  const map = await getMap(id);
  if (!map) notFound();
  const svg = renderMapSvg(drawingFromMap(map), { chrome: false });
  const start = exploreFromMap(map);
  const exploreHref = start ? viewHref({ ...DEFAULT_VIEW, ...start, asOf: map.asOf }) : '/';
  const live = map.edges.filter((e) => e.relationship);
  const deletedNodes = map.nodes.filter((n) => n.deleted);
  const deletedEdges = map.edges.filter((e) => e.deleted);
  const name = (actorId: string) => map.nodes.find((n) => n.actorId === actorId)?.savedName ?? actorId;

  return (
    <article className="page page-wide map-page" aria-labelledby="map-title">
      <header className="page-header">
        <p className="eyebrow">
          <Link href="/maps">Maps</Link>
        </p>
        <h1 id="map-title">{map.title}</h1>
        {map.description ? <p className="lede">{map.description}</p> : null}
        <p className="muted map-facts">
          {plural(map.nodes.length, 'actor')} · {plural(map.edges.length, 'relationship')}
          {map.annotations.length ? ` · ${plural(map.annotations.length, 'note')}` : ''}
          {map.asOf ? (
            <>
              {' '}
              · as of <PartialDate value={map.asOf} />
            </>
          ) : null}{' '}
          · updated <time dateTime={map.updatedAt}>{new Date(map.updatedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}</time>
          {map.version > 1 ? <span data-testid="map-revision"> · revision {map.version}</span> : null}
        </p>
        {map.deletedCount > 0 ? (
          <p className="map-deleted-note" role="note" data-testid="map-deleted-note">
            {plural(map.deletedCount, 'element')} on this map {map.deletedCount === 1 ? 'was' : 'were'} deleted from the graph since it was saved. They are
            drawn grey and crossed out.
          </p>
        ) : null}
        <div className="page-actions">
          <Link className="button button-primary" href={editMapHref(map, start?.actor)} data-testid="open-map-in-explorer" title="Change this map in the explorer: add or remove actors and relationships, move them, edit the notes, then save it again or as a copy">
            Open in explorer
          </Link>
          <Link className="button" href={exploreHref} data-testid="explore-from-map">
            Explore from here
          </Link>
          <MapExport map={map} />
          <Link className="button" href={`/maps/${encodeURIComponent(map.id)}/embed`} prefetch={false}>
            Embed view
          </Link>
        </div>
      </header>

      <MapViewer map={map} svg={svg} />

      <section className="section" aria-labelledby="map-rels">
        <h2 id="map-rels">Relationships on this map</h2>
        <ul className="rel-list">
          {live.map((e) => (
            <RelationshipItem key={e.relationshipId} rel={e.relationship!} />
          ))}
        </ul>
        {deletedNodes.length || deletedEdges.length ? (
          <>
            <h3>Deleted since the map was saved</h3>
            <ul className="map-deleted-list" data-testid="map-deleted-list">
              {deletedNodes.map((n) => (
                <li key={n.actorId}>
                  <s>{n.savedName}</s> <span className="muted">(actor)</span>
                </li>
              ))}
              {deletedEdges.map((e) => (
                <li key={e.relationshipId}>
                  <s>
                    {name(e.savedSource)} – {name(e.savedTarget)}
                  </s>{' '}
                  <span className="muted">(relationship)</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {map.sources.length ? (
        <section className="section" aria-labelledby="map-sources">
          <h2 id="map-sources">Sources</h2>
          <ol className="map-sources">
            {map.sources.map((s) => (
              <li key={s.id}>
                <Link href={`/sources/${encodeURIComponent(s.id)}`} prefetch={false}>
                  {s.title}
                </Link>
                {s.publisher ? <span className="muted"> · {s.publisher}</span> : null}
                {s.published ? (
                  <span className="muted">
                    {' '}
                    · <PartialDate value={s.published} />
                  </span>
                ) : null}
                {' · '}
                <OriginalLink source={s} />
                <WordingWarning source={s} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}

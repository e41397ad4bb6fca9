/** /maps: the curated maps, server-rendered (works without JavaScript). */
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { editMapHref } from '@/app/_lib/map-records';
import { plural } from '@/app/_reference/format';
import { getMapList, LIST_SIZE } from '@/app/_reference/maps';
import { PartialDate } from '@/app/_reference/PartialDate';

export const metadata: Metadata = {
  title: 'Maps',
  description: 'Curated maps: chosen actors and relationships, laid out by hand and annotated, each relationship quoted from its sources.',
  openGraph: { title: 'Curated maps · Steppe', description: 'Annotated, shareable maps of political power in Kazakhstan, every relationship cited.' },
};

export default async function MapsPage() {
  await connection();
  const { maps, totalCount } = await getMapList();

  return (
    <div className="page">
      <header className="page-header">
        <h1>Maps</h1>
        <p className="lede">
          Curated views of the graph: chosen actors and relationships, laid out by hand, with notes. Each map keeps live links to the data and marks
          what was deleted since it was saved. {plural(totalCount, 'map')}.
        </p>
        <p className="muted">
          To make one, arrange a view in the <Link href="/">explorer</Link> and choose “Save as map”. To change one, open it in the explorer.
        </p>
      </header>
      {maps.length === 0 ? (
        <p className="empty-state card">No maps yet. Save one from the explorer.</p>
      ) : (
        <ul className="map-list" aria-label="Maps">
          {maps.map((m) => (
            <li key={m.id} className="card map-card">
              <h2 className="map-card-title">
                <Link href={`/maps/${encodeURIComponent(m.id)}`}>{m.title}</Link>
              </h2>
              {m.description ? <p className="map-card-desc">{m.description}</p> : null}
              <p className="muted map-card-meta">
                {plural(m.nodeCount, 'actor')} · {plural(m.edgeCount, 'relationship')}
                {m.annotationCount ? ` · ${plural(m.annotationCount, 'note')}` : ''}
                {m.asOf ? (
                  <>
                    {' '}
                    · as of <PartialDate value={m.asOf} />
                  </>
                ) : null}
                {m.deletedCount > 0 ? <span className="map-deleted-badge"> · {m.deletedCount} deleted since saved</span> : null}
              </p>
              <p className="map-card-actions">
                <Link href={editMapHref(m)} data-testid="open-in-explorer" aria-label={`Open “${m.title}” in the explorer`}>
                  Open in explorer
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      {totalCount > maps.length ? (
        <p className="muted">
          Showing the {LIST_SIZE} most recently updated of {totalCount} maps.
        </p>
      ) : null}
    </div>
  );
}

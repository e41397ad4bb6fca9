/** /sources: every document the graph cites, with how many relationships each supports. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { formatPartialDate, plural } from '@/app/_reference/format';
import { PartialDate } from '@/app/_reference/PartialDate';
import { getSourceList } from '@/app/_reference/queries';

export const metadata: Metadata = {
  title: 'Sources',
  description: 'The documents behind every relationship in Steppe, with the number of relationships each supports.',
};

export default async function SourcesPage() {
  // The list lives in the store: render per request, never at build time.
  await connection();
  const { sources, relationships } = await getSourceList();

  return (
    <div className="page">
      <header className="page-header">
        <h1>Sources</h1>
        <p className="lede">
          Every relationship in Steppe quotes at least one of these documents, word for word: {plural(sources.length, 'source')} back{' '}
          {plural(relationships, 'relationship')}.
        </p>
      </header>
      {sources.length === 0 ? (
        <p className="empty-state card">No sources yet. Import a dataset or add sources through the API.</p>
      ) : (
        <div className="card table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Sources and the number of relationships each supports</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col" className="hide-narrow">
                  Publisher
                </th>
                <th scope="col" className="hide-narrow">
                  Published
                </th>
                <th scope="col" className="num">
                  Relationships
                </th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="title-cell">
                    <Link href={`/sources/${encodeURIComponent(s.id)}`} prefetch={false}>
                      {s.title}
                    </Link>
                    {s.author && <div className="muted cell-sub">{s.author}</div>}
                    <div className="muted cell-sub show-narrow">
                      {[s.publisher, s.published && formatPartialDate(s.published)].filter(Boolean).join(' · ')}
                    </div>
                  </th>
                  <td className="hide-narrow">{s.publisher ?? <span className="muted">—</span>}</td>
                  <td className="nowrap hide-narrow">{s.published ? <PartialDate value={s.published} /> : <span className="muted">—</span>}</td>
                  <td className="num">{s.relationships.totalCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

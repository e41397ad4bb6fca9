/** /sources: every document the graph cites, with how many relationships each supports. */
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { plural } from '@/app/_reference/format';
import { getSourceList } from '@/app/_reference/queries';
import { SourceTable } from '@/app/_reference/SourceTable';

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
          Every relationship in Steppe quotes at least one of these documents, word for word, as we hold its text.{' '}
          {plural(sources.length, 'source')} back {plural(relationships, 'relationship')}. Where the text we hold is a
          paraphrased copy or a translation, every quote from it says so.
        </p>
      </header>
      {sources.length === 0 ? (
        <p className="empty-state card">No sources yet. Import a dataset or add sources through the API.</p>
      ) : (
        <SourceTable
          sources={sources}
          caption="Sources, their provenance and the number of relationships each supports"
          href={(s) => `/sources/${encodeURIComponent(s.id)}`}
          columns={[{ label: 'Relationships', numeric: true, cell: (s) => s.relationships.totalCount }]}
          testId="sources-table"
        />
      )}
    </div>
  );
}

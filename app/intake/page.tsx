/**
 * /intake: the documents added with their full text, and the form to add one.
 * Each opens its review page, where proposals computed from the text are
 * accepted into the graph with their quotes.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { graphql } from '@/app/_lib/graphql';
import { plural } from '@/app/_reference/format';
import { PartialDate } from '@/app/_reference/PartialDate';
import { runQuery } from '@/app/_reference/run-query';
import { AddSourceForm } from './AddSourceForm';
import styles from './intake.module.css';

export const metadata: Metadata = {
  title: 'Evidence intake',
  description: 'Add a document with its full text, review the relationships it states, and accept them into the graph with their quotes.',
};

const QUERY = graphql(`
  query IntakeSources {
    sources { id title publisher published hasText textLength textUpdatedAt relationships(first: 1) { totalCount } }
  }
`);

export default async function IntakePage() {
  await connection();
  const { sources } = await runQuery(QUERY, {});
  const withText = sources.filter((s) => s.hasText).sort((a, b) => (b.textUpdatedAt ?? '').localeCompare(a.textUpdatedAt ?? ''));

  return (
    <div className="page page-wide">
      <header className="page-header">
        <h1>Evidence intake</h1>
        <p className="lede">
          Add a document with its full text. Steppe reads it for the actors it already knows and proposes the relationships the
          text states, each with the sentence as its quote. Nothing enters the graph until you accept it.
        </p>
      </header>
      <div className={styles.layout}>
        <section className={styles.main} aria-labelledby="documents-heading">
          <div className="section-header">
            <h2 id="documents-heading">
              Documents with text <span className="count">{withText.length}</span>
            </h2>
          </div>
          {withText.length === 0 ? (
            <p className="empty-state card">No documents yet. Add the first one with the form.</p>
          ) : (
            <div className="card table-wrap">
              <table className="data-table" data-testid="intake-sources">
                <caption className="visually-hidden">Documents with stored text</caption>
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col" className="hide-narrow">
                      Published
                    </th>
                    <th scope="col" className="num hide-narrow">
                      Length
                    </th>
                    <th scope="col" className="num">
                      Accepted
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {withText.map((s) => (
                    <tr key={s.id}>
                      <th scope="row" className="title-cell">
                        <Link href={`/intake/${encodeURIComponent(s.id)}`} prefetch={false}>
                          {s.title}
                        </Link>
                        {s.publisher && <div className="muted cell-sub">{s.publisher}</div>}
                      </th>
                      <td className="nowrap hide-narrow">{s.published ? <PartialDate value={s.published} /> : <span className="muted">—</span>}</td>
                      <td className="num hide-narrow">{plural(s.textLength ?? 0, 'character')}</td>
                      <td className="num">{s.relationships.totalCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted cell-sub">
            The bundled sources keep excerpts only; documents added here keep their full text, so every quote can be checked
            against it when the text changes.
          </p>
        </section>
        <aside className={styles.side} aria-labelledby="add-heading">
          <AddSourceForm headingId="add-heading" />
        </aside>
      </div>
    </div>
  );
}

/**
 * /sources/[id]: one document and every relationship it supports, each with
 * the passage quoted from it. Server-rendered; works without JavaScript.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { plural, safeHttpUrl } from '@/app/_reference/format';
import { PartialDate } from '@/app/_reference/PartialDate';
import { getSourcePage, MAX_LISTED } from '@/app/_reference/queries';
import { RelationshipItem } from '@/app/_reference/RelationshipItem';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getSourcePage((await params).id);
  if (!data) return { title: 'Source not found' };
  return { title: data.source.title };
}

export default async function SourcePage({ params }: Props) {
  const { id } = await params;
  const data = await getSourcePage(id);
  if (!data) notFound();
  const { source, relationships, totalCount } = data;
  const url = safeHttpUrl(source.url);
  const actorCount = new Set(relationships.flatMap((r) => [r.source.id, r.target.id])).size;

  return (
    <article className="page page-wide" aria-labelledby="source-title">
      <header className="page-header">
        <nav className="eyebrow" aria-label="Breadcrumb">
          <Link href="/sources">Sources</Link>
          <span aria-hidden="true">/</span>
          <span>{source.publisher ?? 'Unknown publisher'}</span>
        </nav>
        <h1 id="source-title">{source.title}</h1>
        {url && (
          <div className="page-actions">
            <a className="button" href={url} rel="noopener noreferrer nofollow" target="_blank">
              Read the original
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </div>
        )}
      </header>

      <div className="page-body">
        <aside className="page-aside" aria-label="About this source">
          <dl className="facts facts-stacked card">
            <dt>Publisher</dt>
            <dd>{source.publisher ?? <span className="muted">Not recorded</span>}</dd>
            <dt>Author</dt>
            <dd>{source.author ?? <span className="muted">Not recorded</span>}</dd>
            <dt>Published</dt>
            <dd>{source.published ? <PartialDate value={source.published} /> : <span className="muted">Not recorded</span>}</dd>
            <dt>Address</dt>
            <dd>
              {url ? (
                <a href={url} rel="noopener noreferrer nofollow">
                  {url}
                </a>
              ) : (
                <span className="muted">No public address recorded</span>
              )}
            </dd>
            <dt>Supports</dt>
            <dd>
              {plural(totalCount, 'relationship')} between {plural(actorCount, 'actor')}
            </dd>
            <dt>Identifier</dt>
            <dd>
              <code>{source.id}</code>
            </dd>
          </dl>
        </aside>

        <section className="page-main" aria-labelledby="supported-heading">
          <div className="section-header">
            <h2 id="supported-heading">
              Relationships this source supports <span className="count">{totalCount}</span>
            </h2>
          </div>
          {totalCount > relationships.length && (
            <p className="notice">
              Showing the first {MAX_LISTED} of {totalCount} relationships. Use the API for the rest.
            </p>
          )}
          {relationships.length === 0 ? (
            <p className="empty-state card">No relationship cites this source yet.</p>
          ) : (
            <ul className="rel-list">
              {relationships.map((rel) => (
                <RelationshipItem key={rel.id} rel={rel} onlySourceId={source.id} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}

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
import { groupByType, RelationshipGroups, RelationshipTypeToc } from '@/app/_reference/RelationshipGroups';
import { SOURCE_TEXT_KIND_INFO } from '@/graph/core/model';

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
  const groups = groupByType(relationships);

  return (
    <article className="page page-wide" aria-labelledby="source-title">
      <header className="page-header">
        <nav className="eyebrow" aria-label="Breadcrumb">
          <Link href="/sources">Sources</Link>
          <span aria-hidden="true">/</span>
          <span>{source.publisher ?? 'Unknown publisher'}</span>
        </nav>
        <h1 id="source-title">{source.title}</h1>
        {source.wordingWarning && (
          <p className="notice notice-warning" role="note" data-testid="wording-warning">
            {source.wordingWarning} Every quote below is verbatim from the copy we hold; check the original before quoting it.
          </p>
        )}
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
            <dt>{source.authors.length > 1 ? 'Authors' : 'Author'}</dt>
            <dd>{source.authors.length ? source.authors.join(', ') : <span className="muted">Not recorded</span>}</dd>
            <dt>Published</dt>
            <dd>{source.published ? <PartialDate value={source.published} /> : <span className="muted">Not recorded</span>}</dd>
            {source.updated && (
              <>
                <dt>Last updated</dt>
                <dd>
                  <PartialDate value={source.updated} />
                </dd>
              </>
            )}
            <dt>Text we quote</dt>
            <dd data-testid="text-kind">
              {source.textKind ? SOURCE_TEXT_KIND_INFO[source.textKind].label : <span className="muted">Not recorded</span>}
              {source.textNote && <div className="muted cell-sub">{source.textNote}</div>}
            </dd>
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
          <RelationshipTypeToc groups={groups} />
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
            <RelationshipGroups groups={groups} onlySourceId={source.id} />
          )}
        </section>
      </div>
    </article>
  );
}

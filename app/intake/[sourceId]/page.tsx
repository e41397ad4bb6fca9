/**
 * /intake/[sourceId]: the review page of one document with stored text.
 * The header is server-rendered; proposals are computed on the server when
 * the board asks for them, and nothing is written until a reviewer accepts.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { graphql } from '@/app/_lib/graphql';
import { SourceFields } from '@/app/_lib/queries';
import { safeHttpUrl } from '@/app/_reference/format';
import { PartialDate } from '@/app/_reference/PartialDate';
import { runQuery } from '@/app/_reference/run-query';
import { ReviewBoard } from './ReviewBoard';

type Props = { params: Promise<{ sourceId: string }> };

const QUERY = graphql(
  `
    query IntakeSource($id: ID!) {
      source(id: $id) { ...SourceFields hasText }
    }
  `,
  [SourceFields],
);

async function getSource(id: string) {
  return (await runQuery(QUERY, { id })).source;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await getSource(decodeURIComponent((await params).sourceId));
  return { title: source ? `Review: ${source.title}` : 'Source not found' };
}

export default async function ReviewPage({ params }: Props) {
  await connection();
  const id = decodeURIComponent((await params).sourceId);
  const source = await getSource(id);
  if (!source) notFound();
  const url = safeHttpUrl(source.url);

  return (
    <article className="page page-wide" aria-labelledby="review-title">
      <header className="page-header">
        <nav className="eyebrow" aria-label="Breadcrumb">
          <Link href="/intake">Evidence intake</Link>
          <span aria-hidden="true">/</span>
          <span>Review</span>
        </nav>
        <h1 id="review-title">{source.title}</h1>
        <p className="eyebrow">
          {source.publisher && <span className="eyebrow-item">{source.publisher}</span>}
          {source.authors.length > 0 && <span className="eyebrow-item">{source.authors.join(", ")}</span>}
          {source.published && (
            <span className="eyebrow-item">
              <PartialDate value={source.published} />
            </span>
          )}
        </p>
        <div className="page-actions">
          <Link className="button" href={`/sources/${encodeURIComponent(source.id)}`} prefetch={false}>
            Source page
          </Link>
          {url && (
            <a className="button" href={url} rel="noopener noreferrer nofollow" target="_blank">
              Original document
            </a>
          )}
        </div>
      </header>
      {source.hasText ? (
        <ReviewBoard sourceId={source.id} />
      ) : (
        <p className="empty-state card">
          This source keeps excerpts only (it was bundled with the dataset), so there is no text to review. Add documents with their text on the{' '}
          <Link href="/intake">intake page</Link>.
        </p>
      )}
    </article>
  );
}

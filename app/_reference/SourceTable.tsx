/**
 * The sources table shared by /sources and /intake: title (with authors),
 * publisher, date (published, or last updated), what text we quote, and one
 * count column. Authors and publishers are source metadata, shown here as
 * text, never as actors of the graph.
 */
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SourceRecord } from '@/app/_lib/queries';
import { SOURCE_TEXT_KIND_INFO } from '@/graph/core/model';
import { formatPartialDate } from './format';
import { PartialDate } from './PartialDate';

export type SourceTableRow = Pick<SourceRecord, 'id' | 'title' | 'publisher' | 'published' | 'updated' | 'textKind' | 'wordingWarning'> & {
  authors?: string[];
};

interface Column<T> {
  label: string;
  cell(source: T): ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** Hidden on narrow screens. */
  wide?: boolean;
}

interface Props<T extends SourceTableRow> {
  sources: readonly T[];
  caption: string;
  /** Where a title links. */
  href(source: T): string;
  /** Columns after the shared ones (counts, lengths). */
  columns: Column<T>[];
  testId?: string;
}

/** "23 Nov 2022", or "updated 22 Nov 2022" when only the update is dated. */
function SourceDate({ source }: { source: SourceTableRow }) {
  if (source.published) return <PartialDate value={source.published} />;
  if (source.updated) return <>updated <PartialDate value={source.updated} /></>;
  return <span className="muted">—</span>;
}

function TextKind({ source }: { source: SourceTableRow }) {
  if (!source.textKind) return <span className="muted">Not recorded</span>;
  const label = SOURCE_TEXT_KIND_INFO[source.textKind].label;
  return source.wordingWarning ? (
    <span className="text-kind text-kind-warning" title={source.wordingWarning}>
      {label}
      <span className="visually-hidden">: {source.wordingWarning}</span>
    </span>
  ) : (
    <span className="text-kind">{label}</span>
  );
}

export function SourceTable<T extends SourceTableRow>({ sources, caption, href, columns, testId }: Props<T>) {
  const cls = (c: Column<T>) => [c.numeric ? 'num' : '', c.wide ? 'hide-narrow' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="card table-wrap">
      <table className="data-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col" className="hide-narrow">
              Publisher
            </th>
            <th scope="col" className="hide-narrow">
              Date
            </th>
            <th scope="col" className="hide-narrow">
              Text quoted
            </th>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={cls(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id}>
              <th scope="row" className="title-cell">
                <Link href={href(s)} prefetch={false}>
                  {s.title}
                </Link>
                {s.authors && s.authors.length > 0 && <div className="muted cell-sub">{s.authors.join(', ')}</div>}
                <div className="muted cell-sub show-narrow">
                  {[s.publisher, s.published ? formatPartialDate(s.published) : s.updated && `updated ${formatPartialDate(s.updated)}`].filter(Boolean).join(' · ')}
                </div>
              </th>
              <td className="hide-narrow">{s.publisher ?? <span className="muted">—</span>}</td>
              <td className="nowrap hide-narrow">
                <SourceDate source={s} />
              </td>
              <td className="hide-narrow">
                <TextKind source={s} />
              </td>
              {columns.map((c) => (
                <td key={c.label} className={cls(c)}>
                  {c.cell(s)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Quoted evidence for one relationship: each excerpt verbatim, linking to the
 * source's page. Text is rendered as text (React escapes it), never as HTML.
 */
import Link from 'next/link';
import type { CitationRecord } from '@/app/_lib/queries';
import { formatDate } from './TimeSlider';
import styles from './SidePanel.module.css';

export function CitationList({ citations }: { citations: readonly CitationRecord[] }) {
  return (
    <ul className={styles.citations} aria-label="Citations">
      {citations.map((c, i) => (
        <li key={`${c.source.id}-${i}`} className={styles.citation}>
          <blockquote className={styles.excerpt}>
            <p>{c.excerpt}</p>
          </blockquote>
          <p className={styles.citedFrom}>
            <Link href={`/sources/${encodeURIComponent(c.source.id)}`} className={styles.sourceLink} prefetch={false}>
              {c.source.title}
            </Link>
            {c.source.publisher ? <span>{c.source.publisher}</span> : null}
            {c.source.published ? <span>{formatDate(c.source.published)}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

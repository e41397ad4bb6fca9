/**
 * Quoted evidence for one relationship: each excerpt verbatim (to the text we
 * hold), with its provenance: the wording warning when that text is not the
 * publisher's, the source's page and its original address. Text is rendered
 * as text (React escapes it), never as HTML.
 */
import Link from 'next/link';
import type { CitationRecord } from '@/app/_lib/queries';
import { OriginalLink, WordingWarning } from '@/app/_reference/Provenance';
import { formatDate } from './TimeSlider';
import styles from './SidePanel.module.css';

export function CitationList({ citations }: { citations: readonly CitationRecord[] }) {
  return (
    <ul className={styles.citations} aria-label="Citations">
      {citations.map((c, i) => (
        <li key={`${c.source.id}-${i}`} className={styles.citation} data-testid="citation" data-source-id={c.source.id}>
          <blockquote className={styles.excerpt} cite={c.source.url ?? undefined}>
            <p>{c.excerpt}</p>
          </blockquote>
          <WordingWarning source={c.source} />
          <p className={styles.citedFrom}>
            <Link href={`/sources/${encodeURIComponent(c.source.id)}`} className={styles.sourceLink} prefetch={false}>
              {c.source.title}
            </Link>
            {c.source.publisher ? <span>{c.source.publisher}</span> : null}
            {c.source.published ? <span>{formatDate(c.source.published)}</span> : null}
            <OriginalLink source={c.source} />
          </p>
        </li>
      ))}
    </ul>
  );
}

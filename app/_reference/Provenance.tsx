/**
 * Where a quote comes from, shown with every quote (explorer panels, path
 * finder, reference pages, maps): the warning when the text we quote is not
 * in the publisher's words (a paraphrased copy, a translation), and a link to
 * the original address when one is recorded. No hooks: server pages and
 * client islands both render it.
 */
import { Icon } from '@/app/_components/Icon';
import type { SourceRecord } from '@/app/_lib/queries';
import { safeHttpUrl } from './format';
import styles from './Provenance.module.css';

type ProvenanceSource = Pick<SourceRecord, 'title' | 'url' | 'wordingWarning' | 'textNote'>;

/** The visible warning under a quote whose wording is not the publisher's; nothing otherwise. */
export function WordingWarning({ source }: { source: ProvenanceSource }) {
  if (!source.wordingWarning) return null;
  return (
    <p className={styles.warning} role="note" data-testid="wording-warning" title={source.textNote ?? undefined}>
      <Icon name="alert" size={14} className={styles.icon} />
      <span>{source.wordingWarning}</span>
    </p>
  );
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** A link to the source's original address ("Original at ecfr.eu"), or a plain note that none is recorded. */
export function OriginalLink({ source }: { source: ProvenanceSource }) {
  const url = safeHttpUrl(source.url);
  if (!url) {
    return (
      <span className={styles.none} data-testid="no-original">
        No original address recorded
      </span>
    );
  }
  return (
    <a className={styles.original} href={url} target="_blank" rel="noopener noreferrer nofollow" data-testid="original-link">
      Original at {hostOf(url)}
      <Icon name="external" size={12} className={styles.icon} />
      <span className="visually-hidden"> ({source.title}; opens in a new tab)</span>
    </a>
  );
}

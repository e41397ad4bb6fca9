'use client';

/**
 * What node size, node colour and the diff marks mean, under the legend in
 * the rail. Shown only while one of them is in use.
 */
import { SIZE_BY_LABELS, communityColor, type SizeBy } from '@/app/_lib/insights';
import { MarkSwatch } from './ChangesPanel';
import styles from './Insights.module.css';

export interface KeyCommunity {
  id: number;
  label: string;
  /** Actors of this community in view. */
  inView: number;
}

interface Props {
  sizeBy: SizeBy;
  /** Communities in view, largest in view first; null when colouring by kind. */
  communities: KeyCommunity[] | null;
  diff: boolean;
}

/** Communities listed by name; the rest are summed up. */
const NAMED = 8;

export function ViewKey({ sizeBy, communities, diff }: Props) {
  if (sizeBy === 'none' && !communities && !diff) return null;
  return (
    <section className={styles.viewKey} aria-labelledby="view-key-title" data-testid="view-key">
      <h2 id="view-key-title" className={`rail-heading ${styles.keyHeading}`}>
        On the graph
      </h2>
      {sizeBy !== 'none' ? (
        <div className={styles.keyGroup} data-testid="size-key">
          <p className={styles.keyLabel}>Size: {SIZE_BY_LABELS[sizeBy]}</p>
          <p className={styles.sizeScale}>
            <svg width="64" height="22" viewBox="0 0 64 22" aria-hidden="true">
              <circle cx="6" cy="15" r="4" fill="#9aa3ad" />
              <circle cx="22" cy="13" r="6.5" fill="#9aa3ad" />
              <circle cx="47" cy="11" r="10" fill="#9aa3ad" />
            </svg>
            <span>less → more central</span>
          </p>
        </div>
      ) : null}
      {communities ? (
        <div className={styles.keyGroup} data-testid="community-key">
          <p className={styles.keyLabel}>Colour: community</p>
          <ul className={styles.communities}>
            {communities.slice(0, NAMED).map((c) => (
              <li key={c.id} className={styles.community} data-community-id={c.id}>
                <span className={styles.swatch} style={{ background: communityColor(c.id) }} aria-hidden="true" />
                <span className={styles.name}>{c.label}</span>
                <span className={styles.count}>{c.inView}</span>
              </li>
            ))}
          </ul>
          {communities.length > NAMED ? (
            <p className={styles.note}>
              and {communities.length - NAMED} smaller {communities.length - NAMED === 1 ? 'community' : 'communities'} ({communities.slice(NAMED).reduce((n, c) => n + c.inView, 0)} actors)
            </p>
          ) : null}
        </div>
      ) : null}
      {diff ? (
        <ul className={styles.key} aria-label="Changes">
          <li>
            <MarkSwatch mark="added" /> + started in the range
          </li>
          <li>
            <MarkSwatch mark="removed" /> − ended in the range
          </li>
        </ul>
      ) : null}
    </section>
  );
}

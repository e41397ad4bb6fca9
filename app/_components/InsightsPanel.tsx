'use client';

/**
 * The Insights tab: how nodes are sized and coloured, the most central actors
 * (by the chosen measure, with score bars), the brokers between communities,
 * and the communities themselves. Choosing an actor focuses it.
 */
import { formatDate } from './TimeSlider';
import { AsyncPanel } from './AsyncPanel';
import { SIZE_BY, SIZE_BY_LABELS, communityColor, type ColorBy, type SizeBy } from '@/app/_lib/insights';
import type { AnalyticsRecord, RankedActorRecord } from '@/app/_lib/queries';
import { latestData, type AsyncState } from '@/app/_lib/use-async';
import styles from './Insights.module.css';

/** Ranked rows shown. */
export const CENTRAL_SHOWN = 10;

interface Props {
  sizeBy: SizeBy;
  colorBy: ColorBy;
  onSizeBy(v: SizeBy): void;
  onColorBy(v: ColorBy): void;
  analytics: AsyncState<AnalyticsRecord> & { retry(): void };
  asOf: string | null;
  typesFiltered: boolean;
  onFocus(id: string): void;
}

/** A score as people read it: counts as integers, shares (0–1) as percentages. */
export function formatScore(score: number, measure: SizeBy): string {
  if (measure === 'degree') return String(Math.round(score));
  return `${(score * 100).toFixed(score >= 0.1 ? 1 : 2)} %`;
}

export function InsightsPanel(props: Props) {
  const { analytics } = props;
  const measure: SizeBy = props.sizeBy === 'none' ? 'pagerank' : props.sizeBy;
  const data = latestData(analytics);
  const scope = `${props.asOf ? `as of ${formatDate(props.asOf)}` : 'over all dates'}${props.typesFiltered ? ', shown relationship types only' : ''}`;

  return (
    <div className={styles.scroll} data-testid="insights-panel">
      <section className={styles.section} aria-labelledby="insights-map">
        <h2 id="insights-map" className={styles.heading}>
          Map the network
        </h2>
        <div className={styles.controls}>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>Size by</span>
            <select className={styles.select} value={props.sizeBy} onChange={(e) => props.onSizeBy(e.target.value as SizeBy)} data-testid="size-by">
              {SIZE_BY.map((s) => (
                <option key={s} value={s}>
                  {SIZE_BY_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>Colour by</span>
            <select className={styles.select} value={props.colorBy} onChange={(e) => props.onColorBy(e.target.value as ColorBy)} data-testid="colour-by">
              <option value="kind">Kind</option>
              <option value="community">Community</option>
            </select>
          </label>
        </div>
        <p className={styles.note}>Scores are computed on the whole dataset {scope}.</p>
      </section>

      <AsyncPanel state={analytics} data={data} spinnerOverData={false} loading="Analysing the network…" error="The analysis could not be loaded" />

      {data ? (
        <>
          <section className={styles.section} aria-labelledby="insights-central">
            <h3 id="insights-central" className={styles.heading}>
              Most central <span className={styles.sub}>by {SIZE_BY_LABELS[measure]}</span>
            </h3>
            <RankedList rows={data.central.slice(0, CENTRAL_SHOWN)} measure={measure} onFocus={props.onFocus} testId="central-list" />
          </section>

          <section className={styles.section} aria-labelledby="insights-brokers">
            <h3 id="insights-brokers" className={styles.heading}>
              Brokers <span className={styles.sub}>tied into other communities</span>
            </h3>
            {data.brokers.length ? (
              <ol className={styles.ranked} data-testid="broker-list">
                {data.brokers.map((b) => (
                  <li key={b.actor.id}>
                    <button type="button" className={styles.row} onClick={() => props.onFocus(b.actor.id)} data-actor-id={b.actor.id}>
                      <span className={styles.rank}>{b.rank}</span>
                      <span className={styles.rowMain}>
                        <span className={styles.name}>{b.actor.name}</span>
                        <span className={styles.detail}>
                          bridges {b.score} other {b.score === 1 ? 'community' : 'communities'} · member of {b.metrics.community.label}’s
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ol>
            ) : (
              <p className={styles.note}>No actor is tied into more than one community.</p>
            )}
          </section>

          <section className={styles.section} aria-labelledby="insights-communities">
            <h3 id="insights-communities" className={styles.heading}>
              Communities <span className={styles.sub}>{data.communities.length} · modularity {data.modularity.toFixed(2)}</span>
            </h3>
            <p className={styles.note}>Groups more tied to each other than to the rest (Louvain), named after their most central member.</p>
            <ul className={styles.communities}>
              {data.communities.map((c) => (
                <li key={c.id} className={styles.community}>
                  <span className={styles.swatch} style={{ background: communityColor(c.id) }} aria-hidden="true" />
                  <span className={styles.name}>{c.label}</span>
                  <span className={styles.count}>{c.size}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}

function RankedList({ rows, measure, onFocus, testId }: { rows: RankedActorRecord[]; measure: SizeBy; onFocus(id: string): void; testId: string }) {
  const top = Math.max(...rows.map((r) => r.score), Number.MIN_VALUE);
  return (
    <ol className={styles.ranked} data-testid={testId}>
      {rows.map((r) => (
        <li key={r.actor.id}>
          <button type="button" className={styles.row} onClick={() => onFocus(r.actor.id)} data-actor-id={r.actor.id} title={`Focus the graph on ${r.actor.name}`}>
            <span className={styles.rank}>{r.rank}</span>
            <span className={styles.rowMain}>
              <span className={styles.nameLine}>
                <span className={styles.name}>{r.actor.name}</span>
                <span className={styles.score}>{formatScore(r.score, measure)}</span>
              </span>
              <span className={styles.bar} aria-hidden="true">
                <span className={styles.barFill} style={{ width: `${Math.max(2, (r.score / top) * 100)}%` }} />
              </span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}

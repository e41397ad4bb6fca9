'use client';

/**
 * The Timeline tab: the dated starts and ends of the relationships in view,
 * in order, synced with the date slider. The event at (or just before) the
 * slider's date is highlighted and scrolled into view; choosing an event moves
 * the slider to its date and centres its two actors on the graph.
 */
import { useEffect, useRef } from 'react';
import { TYPE_STYLES } from '@/app/_lib/graph-style';
import type { TimelineEntry } from '@/app/_lib/insights';
import { formatDate } from './TimeSlider';
import styles from './Insights.module.css';

interface Props {
  events: TimelineEntry[];
  current: number;
  asOf: string | null;
  /** Relationships in view with no date at all (not on the timeline). */
  undated: number;
  onPick(event: TimelineEntry): void;
}

export function TimelinePanel({ events, current, asOf, undated, onPick }: Props) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>('[aria-current="true"]');
    // Centred, so the events around it show too (the explorer page itself does not scroll).
    el?.scrollIntoView({ block: 'center' });
  }, [current, events]);

  return (
    <div className={styles.scroll} data-testid="timeline-panel">
      <section className={styles.section} aria-labelledby="timeline-title">
        <h2 id="timeline-title" className={styles.heading}>
          Timeline <span className={styles.sub}>{events.length} events</span>
        </h2>
        <p className={styles.note}>
          Starts and ends of the relationships in view. {asOf ? `The slider is at ${formatDate(asOf)}.` : 'Move the date slider, or choose an event, to step through time.'}
          {undated ? ` ${undated} undated ${undated === 1 ? 'relationship is' : 'relationships are'} not listed.` : ''}
        </p>
      </section>
      {events.length ? (
        <ol ref={list} className={styles.timeline} data-testid="timeline-list">
          {events.map((e, i) => {
            const r = e.relationship;
            const isCurrent = i === current && asOf !== null;
            return (
              <li key={e.key} className={styles.timelineItem} data-past={i <= current}>
                <button
                  type="button"
                  className={styles.event}
                  aria-current={isCurrent ? 'true' : undefined}
                  onClick={() => onPick(e)}
                  data-relationship-id={r.id}
                  data-date={e.date}
                >
                  <span className={styles.date}>
                    {formatDate(e.date)} · <span className={e.kind === 'START' ? styles.plus : styles.minus}>{e.kind === 'START' ? 'starts' : 'ends'}</span>
                  </span>
                  <span className={styles.eventText}>
                    <span className={styles.name}>{r.source.name}</span> <span className={styles.type}>{TYPE_STYLES[r.type].label.toLowerCase()}</span>{' '}
                    <span className={styles.name}>{r.target.name}</span>
                  </span>
                  {r.role ? <span className={styles.role}>{r.role}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className={styles.note}>No relationship in view has a date.</p>
      )}
    </div>
  );
}

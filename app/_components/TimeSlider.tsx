'use client';

/**
 * The "as of" control: a labelled range input across the dataset's dates,
 * a play button that steps through time (from the chosen date, or the start),
 * and a button back to "all dates". The value is a day (`YYYY-MM-DD`); a partial date from a
 * shared link (`2022`) is shown as such until the slider moves.
 */
import { useEffect, useState } from 'react';
import { earliestDay, latestDay, type PartialDate } from '@/graph/core/model';
import { Icon } from './Icon';
import styles from './TimeSlider.module.css';

const DAY_MS = 86_400_000;
const PLAY_STEP_MS = 900;

function toDayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** `5 Jan 2022`, `Jan 2022` or `2022`, by precision. */
export function formatDate(date: PartialDate): string {
  const [y, m, d] = date.split('-');
  const monthName = m ? new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' }) : '';
  if (d) return `${Number(d)} ${monthName} ${y}`;
  if (m) return `${monthName} ${y}`;
  return y;
}

/** A whole play-through takes about this many steps, whatever the dataset's span. */
const PLAY_STEPS = 60;

/** The first day of the month `months` after `day`'s month. */
function addMonths(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

interface Props {
  range: { min: PartialDate; max: PartialDate };
  asOf: PartialDate | null;
  onChange(asOf: PartialDate | null): void;
  /** Relationships in force at the chosen date, out of those loaded. */
  inForce?: { shown: number; total: number };
}

export function TimeSlider({ range, asOf, onChange, inForce }: Props) {
  const first = earliestDay(range.min);
  const last = latestDay(range.max);
  const min = toDayNumber(first);
  const max = toDayNumber(last);
  const value = asOf ? Math.min(max, Math.max(min, toDayNumber(earliestDay(asOf)))) : max;
  const [playing, setPlaying] = useState(false);
  const spanMonths = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7));
  const stepMonths = Math.max(1, Math.round(spanMonths / PLAY_STEPS));

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const current = asOf ? earliestDay(asOf) : first;
      if (current >= last) {
        setPlaying(false);
        return;
      }
      const next = addMonths(current, stepMonths);
      onChange(next > last ? last : next);
      if (next >= last) setPlaying(false);
    }, PLAY_STEP_MS);
    return () => window.clearInterval(timer);
  }, [playing, asOf, first, last, stepMonths, onChange]);

  function togglePlay() {
    if (!playing && (!asOf || earliestDay(asOf) >= last)) onChange(first);
    setPlaying((p) => !p);
  }

  // Year ticks at a round step, about six across the track.
  const firstYear = Number(first.slice(0, 4));
  const lastYear = Number(last.slice(0, 4));
  const span = lastYear - firstYear;
  const step = [1, 2, 5, 10, 20, 50].find((s) => span / s <= 6) ?? 100;
  const years: number[] = [];
  for (let y = Math.ceil((firstYear + 1) / step) * step; y <= lastYear; y += step) years.push(y);
  const label = asOf ? formatDate(asOf) : 'All dates';

  return (
    <div className={styles.bar} role="group" aria-labelledby="time-heading">
      <button
        type="button"
        className={styles.play}
        onClick={togglePlay}
        aria-pressed={playing}
        aria-label={playing ? 'Pause' : 'Play through time'}
        title={playing ? 'Pause' : `Play: step through time, ${stepMonths === 1 ? 'a month' : `${stepMonths} months`} at a time`}
      >
        <Icon name={playing ? 'pause' : 'play'} size={14} />
      </button>
      <div className={styles.readout}>
        <span id="time-heading" className={styles.caption}>
          As of
        </span>
        <output htmlFor="as-of-slider" className={styles.date} data-testid="as-of-value" aria-live="off">
          {label}
        </output>
      </div>
      <div className={styles.track}>
        <input
          id="as-of-slider"
          className={styles.range}
          type="range"
          min={min}
          max={max}
          step={1}
          value={value}
          aria-label="As of date"
          aria-valuetext={asOf ? formatDate(asOf) : `All dates (${formatDate(fromDayNumber(max))})`}
          onChange={(e) => {
            setPlaying(false);
            onChange(fromDayNumber(Number(e.target.value)));
          }}
          data-all={asOf ? undefined : 'true'}
        />
        <div className={styles.ticks} aria-hidden="true">
          <span style={{ left: 0 }}>{formatDate(range.min)}</span>
          {years.map((y) => {
            const pos = ((toDayNumber(`${y}-01-01`) - min) / Math.max(1, max - min)) * 100;
            return pos > 8 && pos < 92 ? (
              <span key={y} style={{ left: `${pos}%` }} className={styles.year}>
                {y}
              </span>
            ) : null;
          })}
          <span style={{ right: 0 }}>{formatDate(range.max)}</span>
        </div>
      </div>
      {inForce ? (
        <span className={styles.inForce}>
          {inForce.shown} of {inForce.total} shown
        </span>
      ) : null}
      <button type="button" className={styles.all} onClick={() => (setPlaying(false), onChange(null))} disabled={!asOf}>
        All dates
      </button>
    </div>
  );
}

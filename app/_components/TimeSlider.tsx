'use client';

/**
 * The "as of" control: a labelled range input across the span of the dated
 * relationships in view (a button widens it to the dataset's whole span), a
 * date field to type a date, a play button that steps through time from the
 * range start (or resumes where it was paused), the switch for undated
 * relationships, and a button back to "all dates". The value is a day
 * (`YYYY-MM-DD`); a partial date from a shared link (`2022`) is shown as such
 * until the slider moves.
 *
 * Keys on the slider: arrows step a day, PageUp/PageDown a month,
 * Shift+PageUp/PageDown a year, Home/End jump to the range's ends.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { earliestDay, latestDay, type PartialDate, type UndatedMode } from '@/graph/core/model';
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

/** The same day `months` later (or earlier), clamped to the target month's length: 31 Jan + 1 month = 28/29 Feb. */
export function shiftMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const lastOfMonth = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastOfMonth))).toISOString().slice(0, 10);
}

type Range = { min: PartialDate; max: PartialDate };

interface Props {
  /** Span of the dated relationships in view: the default range. Null when none is dated. */
  viewRange: Range | null;
  /** The dataset's whole span, for widening. */
  fullRange: Range;
  asOf: PartialDate | null;
  onChange(asOf: PartialDate | null): void;
  /** Relationships in force at the chosen date, out of those loaded. */
  inForce?: { shown: number; total: number };
  /** Relationships in view without a start date, and whether a date hides them or draws them as undated. */
  undated?: { count: number; mode: UndatedMode; onChange(mode: UndatedMode): void };
}

export function TimeSlider({ viewRange, fullRange, asOf, onChange, inForce, undated }: Props) {
  const ids = useId();
  const [wide, setWide] = useState(false);
  const range = wide || !viewRange ? fullRange : viewRange;
  // A date outside the range (a shared link, a typed date) stretches it rather than being misplaced.
  const first = asOf && earliestDay(asOf) < earliestDay(range.min) ? earliestDay(asOf) : earliestDay(range.min);
  const last = asOf && earliestDay(asOf) > latestDay(range.max) ? earliestDay(asOf) : latestDay(range.max);
  const min = toDayNumber(first);
  const max = toDayNumber(last);
  const value = asOf ? Math.min(max, Math.max(min, toDayNumber(earliestDay(asOf)))) : max;
  const [playing, setPlaying] = useState(false);
  // Play starts at the range start, unless the user paused it: then it resumes.
  const [paused, setPaused] = useState(false);
  const canWiden = viewRange !== null && (earliestDay(viewRange.min) > earliestDay(fullRange.min) || latestDay(viewRange.max) < latestDay(fullRange.max));
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
    if (playing) {
      setPlaying(false);
      setPaused(true);
      return;
    }
    if (!(paused && asOf && earliestDay(asOf) < last)) onChange(first);
    setPaused(false);
    setPlaying(true);
  }

  /** A date chosen by hand: stops playing, and Play starts over from the range start. */
  function choose(day: string) {
    setPlaying(false);
    setPaused(false);
    onChange(day);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
    e.preventDefault();
    const months = (e.key === 'PageUp' ? 1 : -1) * (e.shiftKey ? 12 : 1);
    const next = shiftMonths(fromDayNumber(value), months);
    choose(next < first ? first : next > last ? last : next);
  }

  function onTyped(text: string) {
    // A date input gives '' until the date is complete and valid.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return;
    if (viewRange && !wide && (text < earliestDay(viewRange.min) || text > latestDay(viewRange.max))) setWide(true);
    choose(text);
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
        aria-label={playing ? 'Pause' : paused ? 'Resume playing through time' : 'Play through time from the start'}
        title={playing ? 'Pause' : `Play from ${paused ? 'here' : formatDate(first)}: ${stepMonths === 1 ? 'a month' : `${stepMonths} months`} at a time`}
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
          aria-describedby={`${ids}-keys`}
          aria-valuetext={asOf ? formatDate(asOf) : `All dates (${formatDate(fromDayNumber(max))})`}
          onChange={(e) => choose(fromDayNumber(Number(e.target.value)))}
          onKeyDown={onKeyDown}
          data-all={asOf ? undefined : 'true'}
        />
        <div className={styles.ticks} aria-hidden="true">
          <span style={{ left: 0 }}>{formatDate(first)}</span>
          {years.map((y) => {
            const pos = ((toDayNumber(`${y}-01-01`) - min) / Math.max(1, max - min)) * 100;
            // Clear of the full dates at both ends ("1 Jan 1991", "30 Nov 2022"), which take about a tenth of the track each.
            return pos > 12 && pos < 86 ? (
              <span key={y} style={{ left: `${pos}%` }} className={styles.year}>
                {y}
              </span>
            ) : null;
          })}
          <span style={{ right: 0 }}>{formatDate(last)}</span>
        </div>
        <span id={`${ids}-keys`} className="visually-hidden">
          Arrow keys step a day, Page Up and Page Down a month, Shift with Page Up or Page Down a year.
        </span>
      </div>
      <input
        type="date"
        className={styles.typed}
        aria-label="Type an as-of date"
        value={asOf ? earliestDay(asOf) : ''}
        onChange={(e) => onTyped(e.target.value)}
        data-testid="as-of-typed"
      />
      {canWiden ? (
        <button
          type="button"
          className={styles.all}
          aria-pressed={wide}
          onClick={() => setWide((w) => !w)}
          title={wide ? `Fit the slider to the dated relationships in view (${formatDate(viewRange!.min)} – ${formatDate(viewRange!.max)})` : `Widen the slider to every date in the dataset (${formatDate(fullRange.min)} – ${formatDate(fullRange.max)})`}
        >
          {wide ? 'Fit to view' : 'Widen'}
        </button>
      ) : null}
      {undated && undated.count > 0 ? (
        <label
          className={styles.switch}
          title="Relationships whose start no source dates. Under a date they are hidden; switched on, they are drawn dotted as “date unknown”, never as in force."
        >
          <input type="checkbox" checked={undated.mode === 'SHOW'} onChange={(e) => undated.onChange(e.target.checked ? 'SHOW' : 'HIDE')} data-testid="show-undated" />
          Undated ({undated.count})
        </label>
      ) : null}
      {inForce ? (
        <span className={styles.inForce}>
          {inForce.shown} of {inForce.total} shown
        </span>
      ) : null}
      <button type="button" className={styles.all} onClick={() => (setPlaying(false), setPaused(false), onChange(null))} disabled={!asOf}>
        All dates
      </button>
    </div>
  );
}

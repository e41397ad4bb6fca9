'use client';

/**
 * The Changes tab: what changed between two dates (the API's `diff`):
 * relationships started and ended, posts gained and lost, and the starts and
 * ends that may fall in the range (partial dates) listed apart. Started and
 * ended relationships in view are marked on the canvas; choosing one selects it.
 */
import { useState } from 'react';
import { DIFF_STYLES, TYPE_STYLES, dashArray } from '@/app/_lib/graph-style';
import { formatPeriod } from '@/app/_lib/graph-view';
import type { DiffEvent, DiffRecord, PositionChangeRecord } from '@/app/_lib/queries';
import type { AsyncState } from '@/app/_lib/use-async';
import { AsyncPanel } from './AsyncPanel';
import { formatDate } from './TimeSlider';
import styles from './Insights.module.css';

interface Props {
  range: { from: string; to: string };
  bounds: { min: string; max: string } | null;
  onRange(range: { from: string; to: string }): void;
  diff: AsyncState<DiffRecord> & { retry(): void };
  /** Relationships drawn on the canvas now. */
  inView: ReadonlySet<string>;
  onPick(relationship: DiffEvent['relationship']): void;
}

export function ChangesPanel(props: Props) {
  const { diff, range } = props;
  const [draft, setDraft] = useState(range);
  const [draftKey, setDraftKey] = useState(`${range.from}~${range.to}`);
  if (draftKey !== `${range.from}~${range.to}`) {
    setDraftKey(`${range.from}~${range.to}`);
    setDraft(range);
  }
  const invalid = !draft.from || !draft.to || draft.from > draft.to;
  const apply = (next: { from: string; to: string }) => {
    setDraft(next);
    if (next.from && next.to && next.from <= next.to) props.onRange(next);
  };
  const data = diff.status === 'ready' ? diff.data : undefined;
  const marked = data ? [...data.started, ...data.ended].filter((e) => props.inView.has(e.relationship.id)).length : 0;

  return (
    <div className={styles.scroll} data-testid="changes-panel">
      <section className={styles.section} aria-labelledby="changes-title">
        <h2 id="changes-title" className={styles.heading}>
          What changed between
        </h2>
        <div className={styles.controls}>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>From</span>
            <input
              type="date"
              className={styles.input}
              value={draft.from}
              min={props.bounds?.min}
              max={props.bounds?.max}
              onChange={(e) => apply({ ...draft, from: e.target.value })}
              aria-invalid={invalid}
              data-testid="diff-from"
            />
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>To</span>
            <input
              type="date"
              className={styles.input}
              value={draft.to}
              min={props.bounds?.min}
              max={props.bounds?.max}
              onChange={(e) => apply({ ...draft, to: e.target.value })}
              aria-invalid={invalid}
              data-testid="diff-to"
            />
          </label>
        </div>
        {invalid ? (
          <p className={styles.error} role="alert">
            Choose a start date on or before the end date.
          </p>
        ) : null}
        <DiffKey />
        {data ? (
          <p className={styles.note} data-testid="diff-summary">
            {data.started.length} started, {data.ended.length} ended{data.uncertain.length ? `, ${data.uncertain.length} uncertain` : ''} in the whole dataset;{' '}
            {marked ? `${marked} of them marked on the graph.` : 'none of them is on the graph now.'}
          </p>
        ) : null}
      </section>

      <AsyncPanel state={diff} loading="Comparing…" error="The changes could not be loaded" />

      {data ? (
        <>
          <EventList title="Started" mark="added" events={data.started} inView={props.inView} onPick={props.onPick} testId="diff-started" />
          <EventList title="Ended" mark="removed" events={data.ended} inView={props.inView} onPick={props.onPick} testId="diff-ended" />
          {data.positions.length ? (
            <section className={styles.section} aria-labelledby="changes-positions">
              <h3 id="changes-positions" className={styles.heading}>
                Posts gained and lost <span className={styles.sub}>{data.positions.length}</span>
              </h3>
              <ul className={styles.events} data-testid="diff-positions">
                {data.positions.map((p) => (
                  <li key={p.actor.id} className={styles.position}>
                    <span className={styles.name}>{p.actor.name}</span>
                    {p.gained.map((g) => (
                      <PositionLine key={`g${g.relationship.id}`} change={g} sign="+" onPick={() => props.onPick({ ...relOf(g, p.actor) })} />
                    ))}
                    {p.lost.map((g) => (
                      <PositionLine key={`l${g.relationship.id}`} change={g} sign="−" onPick={() => props.onPick({ ...relOf(g, p.actor) })} />
                    ))}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {data.uncertain.length ? (
            <EventList
              title="Uncertain"
              hint="Dated only to a year or month that overlaps the range: they may fall just outside it."
              events={data.uncertain}
              inView={props.inView}
              onPick={props.onPick}
              testId="diff-uncertain"
            />
          ) : null}
          {!data.started.length && !data.ended.length && !data.uncertain.length ? (
            <p className={styles.note}>No relationship started or ended between {formatDate(range.from)} and {formatDate(range.to)}.</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** A position change carries only the relationship id; the pick needs its ends for focusing. */
function relOf(change: PositionChangeRecord, actor: DiffEvent['relationship']['source']): DiffEvent['relationship'] {
  return { id: change.relationship.id, type: change.type, role: change.role, start: null, end: null, source: actor, target: change.counterpart };
}

function PositionLine({ change, sign, onPick }: { change: PositionChangeRecord; sign: '+' | '−'; onPick(): void }) {
  const what = change.type === 'HOLDS_POSITION' ? `${change.role ?? 'post'} at ${change.counterpart.name}` : `${TYPE_STYLES[change.type].label.toLowerCase()} by ${change.counterpart.name}${change.role ? ` (${change.role})` : ''}`;
  return (
    <button type="button" className={styles.positionLine} onClick={onPick} data-relationship-id={change.relationship.id}>
      <span className={sign === '+' ? styles.plus : styles.minus} aria-label={sign === '+' ? 'gained' : 'lost'}>
        {sign}
      </span>{' '}
      {what} <span className={styles.date}>{formatDate(change.date)}</span>
    </button>
  );
}

function EventList(props: {
  title: string;
  hint?: string;
  mark?: 'added' | 'removed';
  events: DiffEvent[];
  inView: ReadonlySet<string>;
  onPick(r: DiffEvent['relationship']): void;
  testId: string;
}) {
  const id = `changes-${props.testId}`;
  if (!props.events.length) return null;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        {props.mark ? <MarkSwatch mark={props.mark} /> : null}
        {props.title} <span className={styles.sub}>{props.events.length}</span>
      </h3>
      {props.hint ? <p className={styles.note}>{props.hint}</p> : null}
      <ul className={styles.events} data-testid={props.testId}>
        {props.events.map((e) => {
          const r = e.relationship;
          return (
            <li key={`${r.id}:${e.kind}`}>
              <button type="button" className={styles.event} onClick={() => props.onPick(r)} data-relationship-id={r.id} data-in-view={props.inView.has(r.id)}>
                <span className={styles.date}>
                  {formatDate(e.date)}
                  {props.mark ? null : e.kind === 'START' ? ' · start' : ' · end'}
                </span>
                <span className={styles.eventText}>
                  <span className={styles.name}>{r.source.name}</span> <span className={styles.type}>{TYPE_STYLES[r.type].label.toLowerCase()}</span>{' '}
                  <span className={styles.name}>{r.target.name}</span>
                </span>
                {r.role ? <span className={styles.role}>{r.role}</span> : null}
                <span className={styles.period}>
                  {formatPeriod(r.start, r.end)}
                  {props.inView.has(r.id) ? <span className={styles.onGraph}> · on the graph</span> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The canvas look of a diff mark, as a legend swatch. */
export function MarkSwatch({ mark }: { mark: 'added' | 'removed' }) {
  const s = DIFF_STYLES[mark];
  return (
    <svg className={styles.markSwatch} width="26" height="10" viewBox="0 0 26 10" aria-hidden="true">
      <line x1="1" y1="5" x2="25" y2="5" stroke={s.color} strokeWidth="3" strokeDasharray={dashArray(s.line)} />
    </svg>
  );
}

function DiffKey() {
  return (
    <ul className={styles.key} aria-label="Marks on the graph">
      <li>
        <MarkSwatch mark="added" /> + {DIFF_STYLES.added.label} in the range
      </li>
      <li>
        <MarkSwatch mark="removed" /> − {DIFF_STYLES.removed.label} in the range
      </li>
    </ul>
  );
}

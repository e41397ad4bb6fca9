'use client';

/**
 * One relationship proposal: the sentence with both actor mentions and the
 * cue highlighted, why it was proposed, and accept / edit / reject. Editing
 * changes type, direction, ends (actor search), dates and role before
 * accepting; the quote stays the verbatim sentence.
 */
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { SearchBox } from '@/app/_components/SearchBox';
import type { IntakeActor, NewRelationship, RelationshipProposalView } from '@/app/_lib/intake';
import { isPartialDate, RELATIONSHIP_TYPES, RELATIONSHIP_TYPE_INFO, type RelationshipType } from '@/graph/core/model';
import styles from '../intake.module.css';

export type ProposalStatus = { kind: 'open' } | { kind: 'accepted'; relationshipId: string } | { kind: 'rejected' };

interface Props {
  proposal: RelationshipProposalView;
  sourceId: string;
  status: ProposalStatus;
  /** Writes the relationship; resolves with its id, or rejects with a message to show. */
  onAccept(input: NewRelationship): Promise<void>;
  onReject(): void;
  onRestore(): void;
}

type Part = { text: string; mark?: 'source' | 'target' | 'cue' };

/** The excerpt split into plain and highlighted parts (mentions from the offsets, the cue found by its words). */
export function highlightParts(p: RelationshipProposalView): Part[] {
  const spans: { start: number; end: number; mark: Part['mark'] }[] = [];
  const local = ([s, e]: [number, number]) => [Math.max(0, s - p.excerptStart), Math.min(p.excerpt.length, e - p.excerptStart)] as const;
  for (const [span, mark] of [
    [p.sourceSpan, 'source'],
    [p.targetSpan, 'target'],
  ] as const) {
    const [s, e] = local(span);
    if (e > s) spans.push({ start: s, end: e, mark });
  }
  const lower = p.excerpt.toLowerCase();
  const cue = p.cue.toLowerCase();
  for (let at = lower.indexOf(cue); cue && at >= 0; at = lower.indexOf(cue, at + 1)) {
    const end = at + cue.length;
    if (!spans.some((s) => at < s.end && end > s.start)) {
      spans.push({ start: at, end, mark: 'cue' });
      break;
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const parts: Part[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue;
    if (s.start > pos) parts.push({ text: p.excerpt.slice(pos, s.start) });
    parts.push({ text: p.excerpt.slice(s.start, s.end), mark: s.mark });
    pos = s.end;
  }
  if (pos < p.excerpt.length) parts.push({ text: p.excerpt.slice(pos) });
  return parts;
}

const MARK_CLASS = { source: styles.markSource, target: styles.markTarget, cue: styles.markCue } as const;
const MARK_LABEL = { source: 'source actor', target: 'target actor', cue: 'cue' } as const;

export function Quote({ proposal }: { proposal: RelationshipProposalView }) {
  return (
    <blockquote className={styles.quote}>
      {highlightParts(proposal).map((part, i) =>
        part.mark ? (
          <mark key={i} className={MARK_CLASS[part.mark]} title={MARK_LABEL[part.mark]}>
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </blockquote>
  );
}

interface Draft {
  type: RelationshipType;
  source: IntakeActor;
  target: IntakeActor;
  start: string;
  end: string;
  role: string;
}

export function ProposalCard({ proposal, sourceId, status, onAccept, onReject, onRestore }: Props) {
  const ids = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => ({ type: proposal.type, source: proposal.source, target: proposal.target, start: proposal.start ?? '', end: '', role: proposal.role ?? '' }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const info = RELATIONSHIP_TYPE_INFO[proposal.type];
  const headingId = `${ids}-heading`;
  const accepted = status.kind === 'accepted';

  async function accept(d: Draft) {
    setError('');
    const problems = [d.start && !isPartialDate(d.start) && 'Start must be YYYY, YYYY-MM or YYYY-MM-DD.', d.end && !isPartialDate(d.end) && 'End must be YYYY, YYYY-MM or YYYY-MM-DD.', d.source.id === d.target.id && 'Source and target must differ.'].filter(Boolean);
    if (problems.length) {
      setError(problems.join(' '));
      return;
    }
    const input: NewRelationship = { type: d.type, source: d.source.id, target: d.target.id, citations: [{ sourceId, excerpt: proposal.excerpt }] };
    if (d.role.trim()) input.role = d.role.trim();
    if (d.start) input.start = d.start;
    if (d.end) input.end = d.end;
    setBusy(true);
    try {
      await onAccept(input);
      setEditing(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const submitEdit = (e: FormEvent) => {
    e.preventDefault();
    void accept(draft);
  };

  if (status.kind === 'rejected') {
    return (
      <li className={`card ${styles.proposal}`} data-testid="proposal" data-status="rejected" aria-labelledby={headingId}>
        <p id={headingId} className={styles.meta}>
          Rejected: {proposal.source.name} · {info.label.toLowerCase()} · {proposal.target.name}
        </p>
        <div className={styles.actions}>
          <button type="button" className="button" onClick={onRestore}>
            Restore
          </button>
        </div>
      </li>
    );
  }

  const explorerHref = accepted ? `/?focus=${encodeURIComponent(proposal.source.id)}&sel=rel:${encodeURIComponent(status.relationshipId)}` : '';

  return (
    <li className={`card ${styles.proposal}`} data-testid="proposal" data-status={status.kind} data-type={proposal.type} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.proposalHead}>
        <span>{proposal.source.name}</span>
        <span className={styles.verb}>{info.label.toLowerCase()}</span>
        <span>{proposal.target.name}</span>
        {accepted && <span className={`${styles.status} ${styles.statusAccepted}`}>Accepted</span>}
        {!accepted && proposal.existing.length > 0 && (
          <span className={`${styles.status} ${styles.statusExisting}`} title="A relationship of this type between these actors is already in the graph, citing another quote">
            Already in graph
          </span>
        )}
      </h3>
      <Quote proposal={proposal} />
      <p className={styles.meta}>
        <span className={styles.confidence}>Confidence {Math.round(proposal.confidence * 100)}%</span>
        <span>Cue “{proposal.cue}”</span>
        <span>Rule {proposal.basis}</span>
        {proposal.start && <span>Dated {proposal.start}</span>}
        {proposal.role && <span>Role: {proposal.role}</span>}
        <span>{info.direction}</span>
      </p>

      {editing && !accepted && (
        <form className={styles.editor} onSubmit={submitEdit} aria-label="Edit before accepting">
          <div className={styles.editorGrid}>
            <div className={styles.field}>
              <label className={styles.label} htmlFor={`${ids}-type`}>
                Type
              </label>
              <select id={`${ids}-type`} className={styles.select} value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as RelationshipType })}>
                {RELATIONSHIP_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {RELATIONSHIP_TYPE_INFO[t].label} ({RELATIONSHIP_TYPE_INFO[t].direction})
                  </option>
                ))}
              </select>
            </div>
            <div className={styles.field}>
              <label className={styles.label} htmlFor={`${ids}-role`}>
                Role <span className={styles.optional}>(optional)</span>
              </label>
              <input id={`${ids}-role`} className={styles.input} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })} />
            </div>
            <div className={styles.field}>
              <label className={styles.label} htmlFor={`${ids}-start`}>
                Start <span className={styles.optional}>(YYYY[-MM[-DD]])</span>
              </label>
              <input id={`${ids}-start`} className={styles.input} value={draft.start} onChange={(e) => setDraft({ ...draft, start: e.target.value.trim() })} />
            </div>
            <div className={styles.field}>
              <label className={styles.label} htmlFor={`${ids}-end`}>
                End <span className={styles.optional}>(YYYY[-MM[-DD]])</span>
              </label>
              <input id={`${ids}-end`} className={styles.input} value={draft.end} onChange={(e) => setDraft({ ...draft, end: e.target.value.trim() })} />
            </div>
          </div>
          <div className={styles.ends}>
            <div className={styles.field}>
              <span className={styles.label}>Source: {draft.source.name}</span>
              <SearchBox id={`${ids}-source`} label="Change source actor" placeholder="Search actors" onPick={(a) => setDraft({ ...draft, source: a })} clearOnPick />
            </div>
            <button type="button" className="button" onClick={() => setDraft({ ...draft, source: draft.target, target: draft.source })} aria-label="Swap direction">
              ⇄ Swap
            </button>
            <div className={styles.field}>
              <span className={styles.label}>Target: {draft.target.name}</span>
              <SearchBox id={`${ids}-target`} label="Change target actor" placeholder="Search actors" onPick={(a) => setDraft({ ...draft, target: a })} clearOnPick />
            </div>
          </div>
          <div className={styles.actions}>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Saving…' : 'Accept with changes'}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}

      <div className={styles.actions}>
        {accepted ? (
          <Link className="button" href={explorerHref} prefetch={false}>
            Show in explorer
          </Link>
        ) : (
          <>
            {!editing && (
              <button type="button" className="button button-primary" onClick={() => void accept(draft)} disabled={busy}>
                {busy ? 'Accepting…' : 'Accept'}
              </button>
            )}
            {!editing && (
              <button type="button" className="button" onClick={() => setEditing(true)}>
                Edit
              </button>
            )}
            <button type="button" className={`button ${styles.buttonDanger}`} onClick={onReject}>
              Reject
            </button>
          </>
        )}
      </div>
    </li>
  );
}

'use client';

/**
 * The review page's working area: proposals computed on the server from the
 * source's text, each accepted (createRelationship with the verbatim
 * sentence as citation), edited first, or rejected (hidden, remembered in
 * this browser); proposed new actors; citations flagged after a text edit;
 * and replacing the text. Every write needs the admin token; results are
 * announced in a live region.
 */
import Link from 'next/link';
import { useCallback, useId, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { AdminTokenForm } from '@/app/_components/AdminTokenForm';
import { VersionConflictNotice } from '@/app/_components/VersionConflictNotice';
import { ErrorState, LoadingState } from '@/app/_components/States';
import { useAdminToken } from '@/app/_lib/admin-token';
import { describeError, GraphQLClientError, versionConflictOf } from '@/app/_lib/graphql-client';
import { changedFields, type FieldChange } from '@/app/_lib/version-conflict';
import { latestData, useAsync } from '@/app/_lib/use-async';
import { createActor, createRelationship, fetchIntake, fetchSourceTextState, replaceSourceText, type IntakeView, type NewRelationship } from '@/app/_lib/intake';
import { RELATIONSHIP_TYPE_INFO, type ActorKind } from '@/graph/core/model';
import styles from '../intake.module.css';
import { ActorProposalItem } from './ActorProposalItem';
import { ProposalCard, type ProposalStatus } from './ProposalCard';

const NO_TOKEN = 'Enter the admin token above to write to the graph: nothing was saved.';

/** Rejections are a reviewer's working state, not data: kept per source in this browser (localStorage). */
const rejectionListeners = new Set<() => void>();
function subscribeRejections(listener: () => void): () => void {
  rejectionListeners.add(listener);
  return () => rejectionListeners.delete(listener);
}

function useRejected(sourceId: string) {
  const key = `steppe.intake.rejected.${sourceId}`;
  const read = useCallback(() => {
    try {
      return localStorage.getItem(key) ?? '[]';
    } catch {
      return '[]'; // storage disabled
    }
  }, [key]);
  const raw = useSyncExternalStore(subscribeRejections, read, () => '[]');
  const rejected = useMemo(() => {
    try {
      return new Set(JSON.parse(raw) as string[]);
    } catch {
      return new Set<string>();
    }
  }, [raw]);
  const update = (fn: (s: Set<string>) => void) => {
    const next = new Set(rejected);
    fn(next);
    try {
      localStorage.setItem(key, JSON.stringify([...next]));
    } catch {
      /* storage disabled: nothing to remember */
    }
    for (const l of rejectionListeners) l();
  };
  return { rejected, reject: (id: string) => update((s) => s.add(id)), restore: (id: string) => update((s) => s.delete(id)) };
}

export function ReviewBoard({ sourceId }: { sourceId: string }) {
  const { token } = useAdminToken();
  // Keyed by the token too: entering it lets the server compute proposals it had not computed yet.
  const intake = useAsync(`${sourceId}\n${token ? 'admin' : ''}`, (signal) => fetchIntake(sourceId, signal, token));
  const [announcement, setAnnouncement] = useState('');
  const [acceptedHere, setAcceptedHere] = useState<Map<string, string>>(new Map());
  const [showRejected, setShowRejected] = useState(false);
  const { rejected, reject, restore } = useRejected(sourceId);

  const load = intake.retry;
  const data: IntakeView | null | undefined = latestData(intake);

  const statusOf = useCallback(
    (id: string, acceptedAs: { id: string } | null): ProposalStatus => {
      const here = acceptedHere.get(id) ?? acceptedAs?.id;
      if (here) return { kind: 'accepted', relationshipId: here };
      if (rejected.has(id)) return { kind: 'rejected' };
      return { kind: 'open' };
    },
    [acceptedHere, rejected],
  );

  const counts = useMemo(() => {
    const c = { open: 0, accepted: 0, rejected: 0 };
    for (const p of data?.relationships ?? []) c[statusOf(p.id, p.acceptedAs).kind]++;
    return c;
  }, [data, statusOf]);

  if (intake.status === 'error') {
    // Proposals not computed yet for this text: only the admin token can start that, so offer the form right here.
    const needsToken = !token && intake.error instanceof GraphQLClientError && intake.error.code === 'UNAUTHENTICATED';
    return (
      <>
        <ErrorState error={intake.error} title={needsToken ? 'Proposals not computed yet' : 'Could not compute proposals'} onRetry={load} />
        {needsToken && (
          <section className={`card ${styles.panel}`} aria-label="Reviewer token">
            <AdminTokenForm purpose="to compute proposals for this text" />
          </section>
        )}
      </>
    );
  }
  if (data === undefined) return <LoadingState label="Reading the text for proposals…" />;
  if (data === null) return <p className="empty-state card">This source has no text to review.</p>;

  async function accept(proposalId: string, input: NewRelationship) {
    if (!token) {
      setAnnouncement(NO_TOKEN);
      throw new Error(NO_TOKEN);
    }
    try {
      const id = await createRelationship(input, token);
      setAcceptedHere((m) => new Map(m).set(proposalId, id));
      setAnnouncement(`Accepted: ${RELATIONSHIP_TYPE_INFO[input.type].label} relationship ${id} added to the graph with its quote.`);
    } catch (e) {
      const message = describeError(e);
      setAnnouncement(`Not accepted: ${message}`);
      throw new Error(message);
    }
  }

  async function addActor(input: { id: string; name: string; kind: ActorKind; category?: string }) {
    if (!token) {
      setAnnouncement(NO_TOKEN);
      throw new Error(NO_TOKEN);
    }
    try {
      const actor = await createActor(input, token);
      setAnnouncement(`Created actor ${actor.name}. Proposals were recomputed with it.`);
      load();
    } catch (e) {
      const message = describeError(e);
      setAnnouncement(`Actor not created: ${message}`);
      throw new Error(message);
    }
  }

  const stale = data.source.textCheck?.stale ?? [];
  const visible = data.relationships.filter((p) => showRejected || statusOf(p.id, p.acceptedAs).kind !== 'rejected');

  return (
    <div className={styles.layout}>
      <div className={styles.main}>
        <p className={styles.srStatus} role="status" aria-live="polite" data-testid="review-announcement">
          {announcement}
        </p>
        {stale.length > 0 && (
          <section className={styles.warning} aria-labelledby="stale-heading" data-testid="stale-citations">
            <h2 id="stale-heading">
              {stale.length === 1 ? '1 quote no longer matches the text' : `${stale.length} quotes no longer match the text`}
            </h2>
            <p className={styles.hint}>The text was edited after these relationships were accepted. Check each relationship and re-quote it from the new text.</p>
            <ul className={styles.staleList}>
              {stale.map((s) => (
                <li key={`${s.relationship.id}:${s.citationIndex}`}>
                  <strong>
                    {s.relationship.source.name} · {RELATIONSHIP_TYPE_INFO[s.relationship.type].label.toLowerCase()} · {s.relationship.target.name}
                  </strong>{' '}
                  <span className="muted">({s.reason === 'SPACING' ? 'only spacing differs' : 'words changed or removed'})</span>{' '}
                  <Link href={`/?focus=${encodeURIComponent(s.relationship.source.id)}&sel=rel:${encodeURIComponent(s.relationship.id)}`} prefetch={false}>
                    Open in explorer
                  </Link>
                  <blockquote className={styles.quote}>{s.excerpt}</blockquote>
                </li>
              ))}
            </ul>
          </section>
        )}

        <div className={styles.toolbar}>
          <h2 id="proposals-heading" style={{ margin: 0 }}>
            Proposed relationships <span className="count">{data.relationships.length}</span>
          </h2>
          <p className={styles.meta} data-testid="proposal-counts">
            <span>{counts.open} to review</span>
            <span>{counts.accepted} accepted</span>
            <span>{counts.rejected} rejected</span>
            {counts.rejected > 0 && (
              <label>
                <input type="checkbox" checked={showRejected} onChange={(e) => setShowRejected(e.target.checked)} /> Show rejected
              </label>
            )}
          </p>
        </div>
        <p className={styles.legend} aria-hidden="true">
          <span>
            <mark className={styles.markSource}>source actor</mark>
          </span>
          <span>
            <mark className={styles.markTarget}>target actor</mark>
          </span>
          <span>
            <mark className={styles.markCue}>cue words</mark>
          </span>
        </p>
        {data.relationships.length === 0 ? (
          <p className="empty-state card">No relationships found: no sentence names two known actors with a cue word. Create the actors proposed on the right, then look again.</p>
        ) : (
          <ul className={styles.proposals} aria-labelledby="proposals-heading">
            {visible.map((p) => (
              <ProposalCard
                key={p.id}
                proposal={p}
                sourceId={sourceId}
                status={statusOf(p.id, p.acceptedAs)}
                onAccept={(input) => accept(p.id, input)}
                onReject={() => {
                  reject(p.id);
                  setAnnouncement(`Rejected: ${p.source.name} ${RELATIONSHIP_TYPE_INFO[p.type].label.toLowerCase()} ${p.target.name}. It is hidden; tick “Show rejected” to restore it.`);
                }}
                onRestore={() => {
                  restore(p.id);
                  setAnnouncement('Proposal restored.');
                }}
              />
            ))}
          </ul>
        )}
      </div>
      <aside className={`${styles.side} ${styles.sticky}`} aria-label="Reviewer tools">
        <section className={`card ${styles.panel}`} aria-labelledby="token-heading">
          <h2 id="token-heading" className={styles.panelTitle}>
            Reviewer
          </h2>
          <AdminTokenForm purpose="to accept proposals and create actors" />
          <p className={styles.hint}>
            {data.sentenceCount.toLocaleString('en')} sentences · {(data.source.textLength ?? 0).toLocaleString('en')} characters ·{' '}
            {data.source.textCheck?.checkedCitations ?? 0} quotes checked against the text
          </p>
        </section>
        <section className={`card ${styles.panel}`} aria-labelledby="actors-heading">
          <h2 id="actors-heading" className={styles.panelTitle}>
            Possible new actors <span className="count">{data.actors.length}</span>
          </h2>
          {data.actors.length === 0 ? (
            <p className={styles.hint}>Every recurring name in the text is already an actor.</p>
          ) : (
            <ul className={styles.actorProposals}>
              {data.actors.map((a) => (
                <ActorProposalItem key={a.name} proposal={a} onCreate={addActor} />
              ))}
            </ul>
          )}
        </section>
        <ReplaceText
          sourceId={sourceId}
          token={token}
          loaded={data.source}
          onReplaced={(message) => {
            setAnnouncement(message);
            load();
          }}
          onReload={load}
        />
      </aside>
    </div>
  );
}

/** The source fields a text editor is shown as changed when a save is refused (CONFLICT), in reading order. */
const SOURCE_FIELD_LABELS = {
  title: 'Title',
  publisher: 'Publisher',
  authors: 'Authors',
  published: 'Published',
  updated: 'Updated',
  url: 'Address',
  textKind: 'Text kind',
  textNote: 'Note on the text',
  text: 'Full text',
} as const;

type LoadedSource = IntakeView['source'];

/** The stored text as the conflict table shows it: its length and when it was saved. */
function textSummary(length: number | null | undefined, updatedAt: string | null | undefined): string | null {
  if (length === null || length === undefined) return null;
  const when = updatedAt ? `, saved ${new Date(updatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })} UTC` : '';
  return `${length.toLocaleString('en')} characters${when}`;
}

/**
 * Replaces the stored text (pasted); every quote of the source is re-checked
 * and flagged when it no longer matches. The save names the source version
 * this page loaded, so a text or record someone else saved meanwhile is never
 * overwritten unseen: the refusal lists what changed and the draft stays.
 */
function ReplaceText({
  sourceId,
  token,
  loaded,
  onReplaced,
  onReload,
}: {
  sourceId: string;
  token: string;
  loaded: LoadedSource;
  onReplaced(message: string): void;
  onReload(): void;
}) {
  const id = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  // The version this editor's draft is based on: what the page loaded, or later, what the editor saved or chose to load.
  const [seenVersion, setSeenVersion] = useState(0);
  const basedOn = Math.max(loaded.version, seenVersion);
  const [conflict, setConflict] = useState<{ loadedVersion: number; currentVersion: number; changes: FieldChange[] } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    setNotice('');
    if (!token) return setError(NO_TOKEN);
    if (!text.trim()) return setError('Paste the corrected text first.');
    setBusy(true);
    try {
      const r = await replaceSourceText(sourceId, { text }, token, basedOn);
      setText('');
      setConflict(null);
      setSeenVersion(r.source.version);
      onReplaced(`Text replaced (${r.length.toLocaleString('en')} characters). ${r.textCheck.stale.length} of ${r.textCheck.checkedCitations} quotes no longer match.`);
    } catch (err) {
      const refused = versionConflictOf(err);
      if (!refused) return setError(describeError(err));
      const now = await fetchSourceTextState(sourceId).catch(() => null);
      const before = { ...loaded, text: textSummary(loaded.textLength, loaded.textUpdatedAt) };
      const current = { ...refused.current, text: now ? textSummary(now.textLength, now.textUpdatedAt) : before.text };
      setConflict({ loadedVersion: basedOn, currentVersion: refused.currentVersion, changes: changedFields(before, current, SOURCE_FIELD_LABELS) });
    } finally {
      setBusy(false);
    }
  }

  function loadCurrent() {
    if (!conflict) return;
    setSeenVersion(conflict.currentVersion);
    setConflict(null);
    setNotice(`Loaded version ${conflict.currentVersion}. Your draft is still here: save it to replace the current text.`);
    onReload();
    textareaRef.current?.focus();
  }

  return (
    <details className={`card ${styles.panel}`}>
      <summary className={styles.label}>Replace the text</summary>
      <form className={styles.form} onSubmit={submit} data-testid="replace-text-form">
        {conflict && (
          <VersionConflictNotice
            what="source"
            loadedVersion={conflict.loadedVersion}
            currentVersion={conflict.currentVersion}
            changes={conflict.changes}
            onLoadCurrent={loadCurrent}
          />
        )}
        <div className={styles.field}>
          <label className={styles.label} htmlFor={id}>
            Corrected full text
          </label>
          <textarea id={id} ref={textareaRef} className={styles.textarea} value={text} onChange={(e) => setText(e.target.value)} />
          <p className={styles.hint}>
            Quotes already accepted are checked against the new text; those that no longer match are flagged. Editing version {basedOn} of this source.
          </p>
        </div>
        {error && (
          <p className={styles.error} role="alert">
            {error}
          </p>
        )}
        <p className={styles.hint} role="status">
          {notice}
        </p>
        <div className={styles.actions}>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Replacing…' : 'Replace text'}
          </button>
        </div>
      </form>
    </details>
  );
}

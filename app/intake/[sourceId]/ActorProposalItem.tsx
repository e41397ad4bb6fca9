'use client';

/** A recurring name that matches no actor: confirm its name and kind to create it. */
import { useId, useState, type FormEvent } from 'react';
import { slugify, type ActorProposalView } from '@/app/_lib/intake';
import { ACTOR_KINDS, INSTITUTION_CATEGORIES, type ActorKind } from '@/graph/core/model';
import styles from '../intake.module.css';

const KIND_LABEL: Record<ActorKind, string> = { PERSON: 'Person', INSTITUTION: 'Institution', STATE: 'State' };

export function ActorProposalItem({ proposal, onCreate }: { proposal: ActorProposalView; onCreate(input: { id: string; name: string; kind: ActorKind; category?: string }): Promise<void> }) {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(proposal.name);
  const [kind, setKind] = useState<ActorKind>(proposal.guessedKind);
  const [category, setCategory] = useState<string>(INSTITUTION_CATEGORIES[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    if (!name.trim()) {
      setError('Give the actor a name.');
      return;
    }
    setBusy(true);
    try {
      await onCreate({ id: slugify(name), name: name.trim(), kind, ...(kind === 'INSTITUTION' ? { category } : {}) });
      setOpen(false);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={styles.actorProposal} data-testid="actor-proposal">
      <div className={styles.actions} style={{ justifyContent: 'space-between' }}>
        <span>
          <span className={styles.actorName}>{proposal.name}</span>{' '}
          <span className="muted">
            · {KIND_LABEL[proposal.guessedKind].toLowerCase()}? · {proposal.occurrences}×
          </span>
        </span>
        {!open && (
          <button type="button" className="button" onClick={() => setOpen(true)} aria-label={`Create actor ${proposal.name}`}>
            Create…
          </button>
        )}
      </div>
      {open && (
        <form className={styles.form} onSubmit={submit} aria-label={`Create actor ${proposal.name}`}>
          <div className={styles.field}>
            <label className={styles.label} htmlFor={`${ids}-name`}>
              Name
            </label>
            <input id={`${ids}-name`} className={styles.input} value={name} onChange={(e) => setName(e.target.value)} />
            <p className={styles.hint}>Id: {slugify(name) || '—'}</p>
          </div>
          <div className={styles.field}>
            <label className={styles.label} htmlFor={`${ids}-kind`}>
              Kind
            </label>
            <select id={`${ids}-kind`} className={styles.select} value={kind} onChange={(e) => setKind(e.target.value as ActorKind)}>
              {ACTOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </div>
          {kind === 'INSTITUTION' && (
            <div className={styles.field}>
              <label className={styles.label} htmlFor={`${ids}-category`}>
                Category
              </label>
              <select id={`${ids}-category`} className={styles.select} value={category} onChange={(e) => setCategory(e.target.value)}>
                {INSTITUTION_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
          )}
          {error && (
            <p className={styles.error} role="alert">
              {error}
            </p>
          )}
          <div className={styles.actions}>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create actor'}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

'use client';

/** Asks for the admin token once per browser session; shows who is signed in otherwise. */
import { useId, useState, type FormEvent } from 'react';
import { useAdminToken } from '@/app/_lib/admin-token';
import styles from './AdminTokenForm.module.css';

export function AdminTokenForm({ purpose }: { /** What the token unlocks, e.g. "to accept proposals". */ purpose: string }) {
  const { token, setToken, clear } = useAdminToken();
  const [draft, setDraft] = useState('');
  const id = useId();

  if (token) {
    return (
      <p className={styles.status} data-testid="admin-token-status">
        Admin token set for this tab.{' '}
        <button type="button" className={styles.link} onClick={clear}>
          Forget it
        </button>
      </p>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) setToken(draft.trim());
    setDraft('');
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Admin token">
      <label htmlFor={id} className={styles.label}>
        Admin token <span className={styles.hint}>{purpose}</span>
      </label>
      <div className={styles.row}>
        <input
          id={id}
          type="password"
          autoComplete="off"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          className={styles.input}
          data-testid="admin-token-input"
        />
        <button type="submit" className={styles.button} disabled={!draft.trim()}>
          Use token
        </button>
      </div>
    </form>
  );
}

'use client';

/**
 * Shown when a save was refused because someone else changed the record
 * after this editor loaded it (CONFLICT with the current record). Says that
 * nothing was saved, lists each field whose stored value now differs from the
 * one loaded (loaded vs now), and offers "Load the current version"; the
 * editor's draft stays where it is. It takes focus when it appears, so
 * keyboard and screen-reader users land on it.
 */
import { useEffect, useRef } from 'react';
import type { FieldChange } from '@/app/_lib/version-conflict';
import styles from './VersionConflictNotice.module.css';

export function VersionConflictNotice({
  what,
  loadedVersion,
  currentVersion,
  changes,
  onLoadCurrent,
}: {
  /** "source", "actor", … */
  what: string;
  loadedVersion: number;
  currentVersion: number;
  changes: FieldChange[];
  onLoadCurrent(): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [currentVersion]);

  return (
    <div ref={ref} className={styles.notice} role="alert" tabIndex={-1} aria-labelledby="version-conflict-title" data-testid="version-conflict">
      <h3 id="version-conflict-title" className={styles.title}>
        Not saved: this {what} changed while you were editing
      </h3>
      <p className={styles.text}>
        You loaded version {loadedVersion}; someone has since saved version {currentVersion}. Your draft is kept below, unchanged.
      </p>
      {changes.length > 0 ? (
        <table className={styles.table}>
          <caption className={styles.caption}>What changed since you loaded it</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">When you loaded it</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field} data-field={c.field}>
                <th scope="row">{c.label}</th>
                <td>{c.loaded}</td>
                <td>{c.current}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className={styles.text}>No field shown here differs; the change was saved again unchanged or is elsewhere in the record.</p>
      )}
      <div className={styles.actions}>
        <button type="button" className="button button-primary" onClick={onLoadCurrent}>
          Load the current version
        </button>
        <span className={styles.hint}>Then check the changes and save again to replace them with your draft.</span>
      </div>
    </div>
  );
}

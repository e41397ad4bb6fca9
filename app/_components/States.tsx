/**
 * The three states every data view can be in besides "ready": loading, empty
 * and error (with retry). One look everywhere; `inline` for panels and lists,
 * `overlay` for the canvas.
 */
import type { ReactNode } from 'react';
import { describeError, GraphQLClientError } from '@/app/_lib/graphql-client';
import { Icon } from './Icon';
import styles from './States.module.css';

type Variant = 'inline' | 'overlay';

export function LoadingState({ label, variant = 'inline' }: { label: string; variant?: Variant }) {
  return (
    <div className={`${styles.state} ${styles[variant]}`} role="status" aria-live="polite" data-state="loading">
      <span className={styles.spinner} aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children, variant = 'inline' }: { title: string; children?: ReactNode; variant?: Variant }) {
  return (
    <div className={`${styles.state} ${styles[variant]} ${styles.column}`} role="status" data-state="empty">
      <p className={styles.title}>{title}</p>
      {children ? <div className={styles.body}>{children}</div> : null}
    </div>
  );
}

export function ErrorState({
  error,
  title = 'Could not load this',
  onRetry,
  variant = 'inline',
  children,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  variant?: Variant;
  children?: ReactNode;
}) {
  const code = error instanceof GraphQLClientError ? error.code : undefined;
  const retryable = !(error instanceof GraphQLClientError) || error.retryable;
  return (
    <div className={`${styles.state} ${styles[variant]} ${styles.column} ${styles.error}`} role="alert" data-state="error" data-error-code={code}>
      <p className={styles.title}>
        <Icon name="alert" size={16} className={styles.alertIcon} />
        {title}
      </p>
      <p className={styles.body}>{describeError(error)}</p>
      <div className={styles.actions}>
        {onRetry && retryable ? (
          <button type="button" className="button" onClick={onRetry}>
            <Icon name="reset" size={14} />
            Try again
          </button>
        ) : null}
        {children}
      </div>
    </div>
  );
}

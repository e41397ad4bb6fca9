/**
 * The loading and error scaffolding every panel that asks the API repeats:
 * a spinner with a label while the answer is on its way, the error with
 * "Try again" when it failed, and then (optionally) the panel drawn from
 * the answer. One look and one set of rules for all of them (States.tsx).
 */
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from './States';

/** A request's state: useAsync's, or any status-only state with the same names. */
export type AsyncLike<T> = ({ status: 'idle' | 'loading' } | { status: 'ready'; data?: T } | { status: 'error'; error: unknown }) & { retry?(): void };

export function AsyncPanel<T>({
  state,
  loading,
  error,
  onRetry,
  data,
  spinnerOverData = true,
  children,
}: {
  state: AsyncLike<T>;
  /** The spinner's label, e.g. "Loading actor…". */
  loading: string;
  /** The error's title, e.g. "Could not load this actor". */
  error: string;
  /** Defaults to the state's own retry. */
  onRetry?: () => void;
  /** What to draw: by default the answer once ready; pass the last answer (or a record at hand) to draw it meanwhile. */
  data?: T;
  /** Show the spinner while data is drawn too (false: the data stands in for it). */
  spinnerOverData?: boolean;
  children?: (data: T) => ReactNode;
}) {
  const shown = data !== undefined ? data : state.status === 'ready' ? state.data : undefined;
  const waiting = state.status === 'loading' || state.status === 'idle';
  return (
    <>
      {state.status === 'error' ? <ErrorState error={state.error} title={error} onRetry={onRetry ?? state.retry} /> : null}
      {waiting && (spinnerOverData || shown === undefined) ? <LoadingState label={loading} /> : null}
      {shown !== undefined && children ? children(shown) : null}
    </>
  );
}

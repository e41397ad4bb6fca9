'use client';

/**
 * One request keyed by a string: a new key aborts the previous request and
 * starts a new one; `retry()` runs the same key again. While a request runs,
 * the last answer (for any key) stays available as `stale`, so views can keep
 * showing it under a loading indicator.
 */
import { useEffect, useRef, useState } from 'react';
import { isAbortError } from './graphql-client';

export type AsyncState<T> =
  | { status: 'idle' }
  | { status: 'loading'; stale?: T }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown };

/** The answer to show: the current one when ready, the last one while loading, none when idle or failed. */
export function latestData<T>(state: AsyncState<T>): T | undefined {
  return state.status === 'ready' ? state.data : state.status === 'loading' ? state.stale : undefined;
}

interface Settled<T> {
  key: string;
  attempt: number;
  result: { ok: true; data: T } | { ok: false; error: unknown };
}

export function useAsync<T>(key: string | null, run: (signal: AbortSignal) => Promise<T>): AsyncState<T> & { retry(): void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [lastData, setLastData] = useState<T | undefined>(undefined);
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    runRef.current(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setSettled({ key, attempt, result: { ok: true, data } });
        setLastData(data);
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setSettled({ key, attempt, result: { ok: false, error } });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = () => setAttempt((a) => a + 1);
  if (key === null) return { status: 'idle', retry };
  if (!settled || settled.key !== key || settled.attempt !== attempt) return { status: 'loading', stale: lastData, retry };
  return settled.result.ok ? { status: 'ready', data: settled.result.data, retry } : { status: 'error', error: settled.result.error, retry };
}

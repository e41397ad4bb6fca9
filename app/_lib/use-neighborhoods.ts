'use client';

/**
 * Loads and caches the neighbourhood of each wanted actor (the focus and every
 * expanded actor). Requests that start together are sent together; a cached
 * neighbourhood is reused when an actor is collapsed and expanded again.
 */
import { useEffect, useRef, useState } from 'react';
import { fetchNeighborhood, type Subgraph } from './queries';

export type NeighborhoodEntry = { status: 'loading' } | { status: 'ready'; data: Subgraph } | { status: 'error'; error: unknown };

export function useNeighborhoods(ids: readonly string[]): {
  /** Changes identity whenever any entry changes (a memo dependency). */
  version: ReadonlyMap<string, NeighborhoodEntry>;
  get(id: string): NeighborhoodEntry;
  retry(id: string): void;
} {
  const [cache, setCache] = useState<ReadonlyMap<string, NeighborhoodEntry>>(() => new Map());
  const inflight = useRef(new Set<string>());
  const idsKey = ids.join(',');

  useEffect(() => {
    const missing = idsKey.split(',').filter((id) => id && !cache.has(id) && !inflight.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) inflight.current.add(id);
    void Promise.allSettled(missing.map((id) => fetchNeighborhood(id))).then((results) => {
      for (const id of missing) inflight.current.delete(id);
      setCache((prev) => {
        const next = new Map(prev);
        results.forEach((r, i) =>
          next.set(missing[i], r.status === 'fulfilled' ? { status: 'ready', data: r.value } : { status: 'error', error: r.reason }),
        );
        return next;
      });
    });
  }, [idsKey, cache]);

  return {
    version: cache,
    get: (id) => cache.get(id) ?? { status: 'loading' },
    retry: (id) =>
      setCache((prev) => {
        const next = new Map(prev);
        next.delete(id);
        return next;
      }),
  };
}

'use client';

/**
 * Loads and caches the neighbourhood of each wanted actor (the focus and every
 * expanded actor), with its first page of ranked relationships (hub paging,
 * see hub-paging.ts); `loadMore` appends the next page. Requests that start
 * together are sent together; a cached neighbourhood is reused when an actor
 * is collapsed and expanded again.
 */
import { useEffect, useRef, useState } from 'react';
import { fetchHubNeighborhood, fetchNextHubPage, type HubNeighborhood } from './hub-paging';

export type NeighborhoodEntry =
  | { status: 'loading' }
  | { status: 'ready'; data: HubNeighborhood & { loadingMore?: boolean; moreError?: unknown } }
  | { status: 'error'; error: unknown };

export function useNeighborhoods(
  ids: readonly string[],
  pageSize: number,
): {
  /** Changes identity whenever any entry changes (a memo dependency). */
  version: ReadonlyMap<string, NeighborhoodEntry>;
  get(id: string): NeighborhoodEntry;
  retry(id: string): void;
  /** Loads the next ranked page of a hub (no-op while one is loading or none is left). */
  loadMore(id: string): void;
} {
  const [cache, setCache] = useState<ReadonlyMap<string, NeighborhoodEntry>>(() => new Map());
  const inflight = useRef(new Set<string>());
  const idsKey = ids.join(',');

  useEffect(() => {
    const missing = idsKey.split(',').filter((id) => id && !cache.has(id) && !inflight.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) inflight.current.add(id);
    void Promise.allSettled(missing.map((id) => fetchHubNeighborhood(id, pageSize))).then((results) => {
      for (const id of missing) inflight.current.delete(id);
      setCache((prev) => {
        const next = new Map(prev);
        results.forEach((r, i) =>
          next.set(missing[i], r.status === 'fulfilled' ? { status: 'ready', data: r.value } : { status: 'error', error: r.reason }),
        );
        return next;
      });
    });
  }, [idsKey, cache, pageSize]);

  const setData = (id: string, patch: (data: HubNeighborhood) => HubNeighborhood & { loadingMore?: boolean; moreError?: unknown }) =>
    setCache((prev) => {
      const entry = prev.get(id);
      if (entry?.status !== 'ready') return prev;
      return new Map(prev).set(id, { status: 'ready', data: patch(entry.data) });
    });

  return {
    version: cache,
    get: (id) => cache.get(id) ?? { status: 'loading' },
    retry: (id) =>
      setCache((prev) => {
        const next = new Map(prev);
        next.delete(id);
        return next;
      }),
    loadMore: (id) => {
      const entry = cache.get(id);
      if (entry?.status !== 'ready' || entry.data.loadingMore || !entry.data.hasNextPage) return;
      setData(id, (d) => ({ ...d, loadingMore: true, moreError: undefined }));
      fetchNextHubPage(id, entry.data, pageSize).then(
        (next) => setData(id, () => next),
        (error: unknown) => setData(id, (d) => ({ ...d, loadingMore: false, moreError: error })),
      );
    },
  };
}

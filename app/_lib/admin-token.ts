'use client';

/**
 * The admin token the editing pages (intake review, saving maps) send with
 * writes. Kept in sessionStorage: it survives reloads in the tab but not the
 * browser session, and never goes into a URL or a cookie.
 */
import { useCallback, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'steppe.adminToken';
const listeners = new Set<() => void>();

function read(): string {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return ''; // storage disabled: the token lives only as long as the page
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAdminToken(): { token: string; setToken(token: string): void; clear(): void } {
  const token = useSyncExternalStore(subscribe, read, () => '');
  const setToken = useCallback((next: string) => {
    try {
      if (next) sessionStorage.setItem(STORAGE_KEY, next);
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      /* storage disabled */
    }
    for (const l of listeners) l();
  }, []);
  return { token, setToken, clear: () => setToken('') };
}

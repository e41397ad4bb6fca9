/**
 * VersionedCache (graph/api/store-version.ts): entries hold for one store
 * version; a newer version drops them, an older one (a request that started
 * before a write) gets no cache, and a store that was wiped and refilled (its
 * change log began at another time) never sees the old entries even when its
 * log is as long as the old one. And http-cache.ts's If-None-Match matching.
 */
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '@/graph/core/store';
import { matchesEtag, readEtag } from '@/graph/api/http-cache';
import { VersionedCache } from '@/graph/api/store-version';

// Only the identity of the store object matters to the cache: it is a WeakMap key.
const store = {} as GraphStore;
const v = (count: number, origin = '2026-01-01T00:00:00.000Z') => ({ count, origin });

describe('VersionedCache', () => {
  it('keeps entries for one version, drops them at a newer one, and serves no cache to an older reader', () => {
    const cache = new VersionedCache<number>();
    cache.at(store, v(3))!.set('a', 1);
    expect(cache.at(store, v(3))!.get('a')).toBe(1);
    expect(cache.at(store, v(4))!.get('a')).toBeUndefined();
    expect(cache.at(store, v(3))).toBeUndefined();
  });

  it('forgets everything when the change log began at another time (a wiped and refilled store)', () => {
    const cache = new VersionedCache<number>();
    cache.at(store, v(5))!.set('a', 1);
    const refilled = cache.at(store, v(5, '2026-02-02T00:00:00.000Z'));
    expect(refilled).toBeDefined();
    expect(refilled!.get('a')).toBeUndefined();
    // Also when the new log is shorter than the old one.
    cache.at(store, v(5, '2026-02-02T00:00:00.000Z'))!.set('b', 2);
    expect(cache.at(store, v(1, '2026-03-03T00:00:00.000Z'))!.get('b')).toBeUndefined();
  });
});

describe('ETags', () => {
  const request = { search: '?query=%7B+stats+%7B+actors+%7D+%7D', admin: false, accept: 'application/json' };
  const tag = readEtag(v(7), 'type Query { a: Int }', request);

  it('change with the version, the history, the request, the caller and the schema', () => {
    expect(readEtag(v(7), 'type Query { a: Int }', request)).toBe(tag);
    for (const other of [
      readEtag(v(8), 'type Query { a: Int }', request),
      readEtag(v(7, 'another history'), 'type Query { a: Int }', request),
      readEtag(v(7), 'type Query { a: Int }', { ...request, search: '?query=%7B+sources+%7B+id+%7D+%7D' }),
      readEtag(v(7), 'type Query { a: Int }', { ...request, admin: true }),
      readEtag(v(7), 'type Query { a: Int }', { ...request, accept: 'application/graphql-response+json' }),
      readEtag(v(7), 'type Query { a: Int, b: Int }', request),
    ]) {
      expect(other).not.toBe(tag);
    }
  });

  it('If-None-Match matches weakly, in a list, or with *', () => {
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(tag.replace(/^W\//, ''), tag)).toBe(true);
    expect(matchesEtag(`"other", ${tag}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"other"', tag)).toBe(false);
    expect(matchesEtag(null, tag)).toBe(false);
  });
});

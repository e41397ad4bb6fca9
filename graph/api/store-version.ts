/**
 * Values derived from the store and kept across requests until its next
 * write. The store's version is read from the store itself, never counted in
 * this process: the length of its change log, which every write extends
 * (writes through other processes too, since the log lives in the store:
 * replicas on one Neo4j see each other's writes on their next request), and
 * when the log's first change was written, which tells a wiped and refilled
 * store from the one before it even when their logs are equally long. A
 * request reads the version once, the first time it needs one, and keeps it:
 * one request sees one graph. Writes that bypass the store (Cypher run by
 * hand against Neo4j) leave no log entry and go unnoticed until the next
 * logged write.
 */
import type { GraphStore } from '../core/store';

export interface StoreVersion {
  /** Length of the change log: only grows while the store is not wiped. */
  count: number;
  /** When the log's first change was written ('' while it is empty). */
  origin: string;
}

/** The store's version, as the store reports it (one read). */
export async function storeVersion(store: GraphStore): Promise<StoreVersion> {
  const page = await store.changes({ first: 1 });
  return { count: page.totalCount, origin: page.items[0]?.at ?? '' };
}

/** One request's reading of the store version: read at most once, forgotten after the request writes. */
export interface RequestVersion {
  get(): Promise<StoreVersion>;
  forget(): void;
}

/** `known`: the version this request already read, if any. */
export function requestVersion(store: GraphStore, known?: StoreVersion): RequestVersion {
  let version: Promise<StoreVersion> | undefined = known && Promise.resolve(known);
  return {
    get: () => (version ??= storeVersion(store)),
    forget() {
      version = undefined;
    },
  };
}

/**
 * Entries per store, valid for one store version. Seeing a higher version
 * drops every older entry; a request holding an older version than the cache
 * (it started before a write) gets no entries, so it computes without caching
 * rather than evicting newer results. With `maxEntries`, the least recently
 * used entry goes first.
 */
export class VersionedCache<V> {
  private readonly byStore = new WeakMap<GraphStore, { version: StoreVersion; entries: Map<string, V> }>();

  constructor(private readonly maxEntries = Number.POSITIVE_INFINITY) {}

  /** The entries valid at `version`, or undefined when the cache already holds a newer version. */
  at(store: GraphStore, version: StoreVersion): CacheView<V> | undefined {
    let slot = this.byStore.get(store);
    // Another origin is another history (the store was wiped): nothing cached from the old one holds.
    if (!slot || version.origin !== slot.version.origin || version.count > slot.version.count) this.byStore.set(store, (slot = { version, entries: new Map() }));
    else if (version.count < slot.version.count) return undefined;
    const { entries } = slot;
    const max = this.maxEntries;
    return {
      get(key) {
        const value = entries.get(key);
        if (value !== undefined && max !== Number.POSITIVE_INFINITY) {
          entries.delete(key);
          entries.set(key, value);
        }
        return value;
      },
      set(key, value) {
        entries.set(key, value);
        while (entries.size > max) entries.delete(entries.keys().next().value!);
      },
      delete(key, value) {
        if (entries.get(key) === value) entries.delete(key);
      },
    };
  }
}

export interface CacheView<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  /** Removes `key` if it still holds `value`. */
  delete(key: string, value: V): void;
}

/**
 * The promise cached under `key`, or `compute()`'s, cached when there is a
 * view. A rejected promise (a store outage) is forgotten, so the next caller
 * tries again rather than being served the failure until the next write.
 */
export function rememberPromise<V>(view: CacheView<Promise<V>> | undefined, key: string, compute: () => Promise<V>): Promise<V> {
  const cached = view?.get(key);
  if (cached) return cached;
  const run = compute();
  if (view) {
    view.set(key, run);
    run.catch(() => view.delete(key, run));
  }
  return run;
}

/**
 * Values derived from the store and kept across requests until its next
 * write. The store's version is the length of its change log, which every
 * write extends (writes from other processes too, since the log lives in the
 * store). A request reads the version once, the first time it needs one, and
 * keeps it: one request sees one graph. Writes that bypass the store (Cypher
 * run by hand against Neo4j) leave no log entry and go unnoticed until the
 * next logged write.
 */
import type { GraphStore } from '../core/store';

/** The store's version: its change-log length, which only grows. */
export async function storeVersion(store: GraphStore): Promise<number> {
  return (await store.changes({ first: 1 })).totalCount;
}

/** One request's reading of the store version: read at most once, forgotten after the request writes. */
export interface RequestVersion {
  get(): Promise<number>;
  forget(): void;
}

export function requestVersion(store: GraphStore): RequestVersion {
  let version: Promise<number> | undefined;
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
  private readonly byStore = new WeakMap<GraphStore, { version: number; entries: Map<string, V> }>();

  constructor(private readonly maxEntries = Number.POSITIVE_INFINITY) {}

  /** The entries valid at `version`, or undefined when the cache already holds a newer version. */
  at(store: GraphStore, version: number): CacheView<V> | undefined {
    let slot = this.byStore.get(store);
    if (!slot || version > slot.version) this.byStore.set(store, (slot = { version, entries: new Map() }));
    else if (version < slot.version) return undefined;
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

/**
 * A sorted array kept up to date by binary-search insert/remove, built lazily
 * from its source on first read. Bulk loads call `invalidate()` instead of
 * inserting one by one (which would be quadratic); the next read rebuilds.
 *
 * The order is a comparator, or a string key (`{ key }`; omitted, the item
 * itself is the key). Keys are computed when needed rather than stored with
 * each item: at a million actors a stored key per relationship costs hundreds
 * of megabytes, and a binary search needs only about twenty of them.
 */
export type Order<T> = { compare: (a: T, b: T) => number } | { key: (item: T) => string };

export class SortedIndex<T> {
  private items: T[] | null = null;
  private readonly cmp: (a: T, b: T) => number;

  constructor(
    private readonly source: () => Iterable<T>,
    /** Total order; must never put two different items level. */
    private readonly order: Order<T> = { key: (item) => item as unknown as string },
  ) {
    if ('compare' in order) this.cmp = order.compare;
    else {
      const key = order.key;
      this.cmp = (a, b) => {
        const ka = key(a);
        const kb = key(b);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      };
    }
  }

  /** The sorted items. Callers must not mutate the array. */
  all(): readonly T[] {
    if (!this.items) {
      const items = [...this.source()];
      this.items = 'compare' in this.order ? items.sort(this.order.compare) : sortByKey(items, this.order.key);
    }
    return this.items;
  }

  /** False until the first read builds the array; writes may then skip computing keys. */
  get built(): boolean {
    return this.items !== null;
  }

  /** First position whose item is not less than `probe`. */
  lowerBound(probe: T): number {
    return firstNotBefore(this.all(), (item) => this.cmp(item, probe) < 0);
  }

  /** Inserts `item` and returns its position, or -1 when the array is not built yet (nothing to keep up to date). */
  insert(item: T): number {
    if (!this.items) return -1;
    const at = this.lowerBound(item);
    this.items.splice(at, 0, item);
    return at;
  }

  remove(item: T): void {
    if (!this.items) return;
    const i = this.lowerBound(item);
    if (i < this.items.length && this.cmp(this.items[i], item) === 0) this.items.splice(i, 1);
  }

  invalidate(): void {
    this.items = null;
  }
}

/** Binary search: the first position in `items` whose item is not `before` the one sought (`items` sorted so that those come first). */
export function firstNotBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sorts `items` in place by `keyOf`, computing each key once (a plain
 * comparator would compute two per comparison). Returns `items`.
 */
export function sortByKey<T>(items: T[], keyOf: (item: T) => string): T[] {
  if (items.length < 2) return items;
  const keys = items.map(keyOf);
  const order = Array.from(items.keys()).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const sorted = order.map((i) => items[i]);
  for (let i = 0; i < items.length; i++) items[i] = sorted[i];
  return items;
}

/** Items of a sorted string index that start with `prefix`, in order. */
export function* withPrefix(index: SortedIndex<string>, prefix: string): Generator<string> {
  const items = index.all();
  for (let i = index.lowerBound(prefix); i < items.length && items[i].startsWith(prefix); i++) yield items[i];
}

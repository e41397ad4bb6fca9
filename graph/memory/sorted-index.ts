/**
 * A sorted array kept up to date by binary-search insert/remove, built lazily
 * from its source on first read. Bulk loads call `invalidate()` instead of
 * inserting one by one (which would be quadratic); the next read rebuilds.
 */
export class SortedIndex<T> {
  private items: T[] | null = null;

  constructor(
    private readonly source: () => Iterable<T>,
    /** Total order; must never return 0 for two different items. Omit for plain string order. */
    private readonly compare?: (a: T, b: T) => number,
  ) {}

  /** The sorted items. Callers must not mutate the array. */
  all(): readonly T[] {
    if (!this.items) {
      const items = [...this.source()];
      this.items = this.compare ? items.sort(this.compare) : items.sort();
    }
    return this.items;
  }

  /** False until the first read builds the array; writes may then skip computing keys. */
  get built(): boolean {
    return this.items !== null;
  }

  /** First position whose item is not less than `probe`. */
  lowerBound(probe: T): number {
    const items = this.all();
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cmp(items[mid], probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(item: T): void {
    if (!this.items) return;
    this.items.splice(this.lowerBound(item), 0, item);
  }

  remove(item: T): void {
    if (!this.items) return;
    const i = this.lowerBound(item);
    if (i < this.items.length && this.cmp(this.items[i], item) === 0) this.items.splice(i, 1);
  }

  invalidate(): void {
    this.items = null;
  }

  private cmp(a: T, b: T): number {
    if (this.compare) return this.compare(a, b);
    return a < b ? -1 : a > b ? 1 : 0;
  }
}

/** Items of a sorted string index that start with `prefix`, in order. */
export function* withPrefix(index: SortedIndex<string>, prefix: string): Generator<string> {
  const items = index.all();
  for (let i = index.lowerBound(prefix); i < items.length && items[i].startsWith(prefix); i++) yield items[i];
}

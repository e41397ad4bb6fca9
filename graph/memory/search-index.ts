/**
 * Token index over actor names and aliases, so search stays fast at 100k
 * actors. It only narrows the candidates: the final match and ranking are
 * always those of `matchActor`/`compareHits` from graph/core/search.ts, the one
 * ranking every store shares (names are kept tokenized here for
 * `matchTokenizedNames`, and one-word queries read match kinds straight from
 * the index; see `wordCandidates`).
 *
 * - Prefix candidates: tokens in a sorted array starting with the query word.
 * - Fuzzy candidates (query words of 5+ letters, one edit allowed on a prefix
 *   of a name word): either the edit is after the first two letters, so the
 *   name word starts with the query's first two letters; or it is in the first
 *   two letters, so the rest of the query (from its third letter) starts the
 *   name word at offset 1, 2 or 3. A second sorted array of those shifted
 *   tails (`tail \0 token`) finds the latter. Each candidate token is then
 *   confirmed with `matchTokens` on that single word.
 */
import type { Actor } from '../core/model';
import { matchTokens, tokenizeNames, tokens, type TokenizedNames } from '../core/search';
import { firstNotBefore, SortedIndex, withPrefix } from './sorted-index';

const FUZZY_MIN = 5;
const SHIFTS = [1, 2, 3];
/** A shifted tail shorter than this can never match (query tails are ≥ FUZZY_MIN − 2 letters). */
const MIN_TAIL = FUZZY_MIN - 2;
const SEP = '\u0000';
/**
 * A multi-word search intersects the next word's candidates with those it has while that word brings at most this
 * many times as many: a membership check costs a fraction of matching one candidate's names.
 */
const INTERSECT_FACTOR = 32;
const NO_ENTRIES: ReadonlySet<IndexedActor> = new Set();
/** Ranks stay small integers (V8 keeps them unboxed in every entry); `setNameOrder` spreads the actors over them. */
const MAX_RANK = 2 ** 30;

function distinctTokens(names: TokenizedNames): Set<string> {
  const out = new Set<string>();
  for (const [, tokens] of names) for (const t of tokens) out.add(t);
  return out;
}

/**
 * The longest common prefix of each pair of neighbours among an actor's
 * distinct tokens in sorted order, where they share one: the tokens starting
 * with any given prefix are neighbours there, so an actor with k of them
 * gives exactly k − 1 pairs whose common prefix starts with it (see
 * `SearchIndex.prefixCount`).
 */
function* neighbourPrefixes(distinct: Set<string>): Generator<string> {
  const sorted = [...distinct].sort();
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    let n = 0;
    while (n < a.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
    if (n > 0) yield a.slice(0, n);
  }
}

/** The names (name or aliases) of an actor that are a single word, as that word, once each. */
function soloWords(names: TokenizedNames): Set<string> {
  const out = new Set<string>();
  for (const [, tokens] of names) if (tokens.length === 1) out.add(tokens[0]);
  return out;
}

/** Whether one of the names repeats a word ("Ali Ali"). Pairwise, with no set: every actor passes here at open, and names are short. */
function repeatsAWord(names: TokenizedNames): boolean {
  for (const [, tokens] of names) {
    for (let i = 1; i < tokens.length; i++) for (let j = 0; j < i; j++) if (tokens[i] === tokens[j]) return true;
  }
  return false;
}

/** Where `rank` is or would go in a list sorted by rank (the first entry not ranked below it). */
function rankPosition(list: readonly IndexedActor[], rank: number): number {
  return firstNotBefore(list, (e) => e.rank < rank);
}

function* shiftedTails(token: string): Generator<string> {
  for (const k of SHIFTS) if (token.length - k >= MIN_TAIL) yield token.slice(k) + SEP + token;
}

export interface IndexedActor {
  actor: Actor;
  names: TokenizedNames;
  /**
   * Orders the actors by name (`compareByName`): spread out with gaps by `setNameOrder`, so an actor added
   * later takes a number among its neighbours' (`add`). See `firstInNameOrder`.
   */
  rank: number;
  /** The search that last collected this entry (see `SearchIndex.collect`): dedupes and intersects without sets of ids. */
  mark: number;
}

export class SearchIndex {
  /**
   * token → the entries of actors with that token in their name or an alias. Entries, not ids: a search at a
   * million actors reads thousands of candidates, and a lookup by id for each was a third of its time.
   */
  private readonly postings = new Map<string, Set<IndexedActor>>();
  /** actor id → the actor and its name and aliases with their tokens, normalized once here rather than on every search. */
  private readonly indexed = new Map<string, IndexedActor>();
  /** Each distinct token once, so actors' tokenized names share it. */
  private readonly words = new Map<string, string>();
  private readonly sortedTokens = new SortedIndex<string>(() => this.postings.keys());
  private readonly tails = new SortedIndex<string>(() => this.allTails());
  /** word → entries of actors with a name or alias that is just that word: a one-word search's exact hits. */
  private readonly soloNames = new Map<string, Set<IndexedActor>>();
  /** `neighbourPrefixes` of every actor, counted, and sorted: how many actors a prefix counts twice. */
  private readonly shared = new Map<string, number>();
  private readonly sortedShared = new SortedIndex<string>(() => this.shared.keys());
  /** Entries of actors with a name that repeats a word (see `withTokensFor`). */
  private readonly repeating = new Set<IndexedActor>();
  /** Last mark handed out; each collecting pass takes a new one. */
  private marks = 0;
  /**
   * token → its entries by `rank`: all listed by the first `setNameOrder`. A write puts its actor into its
   * tokens' lists, or, when no name order is kept (bulk loads), drops them (sorted again when needed).
   */
  private readonly rankedPostings = new Map<string, IndexedActor[]>();
  /** Whether an actor was added without a rank since the last `setNameOrder` (see `add`). */
  nameOrderStale = true;

  /**
   * Indexes an actor. `order`, every actor in name order with this one at
   * `at` (when the caller keeps that order), lets it take a rank among its
   * neighbours' (`rankAmong`) and its place in its tokens' lists, so the
   * order stays current; without it the name order is marked stale and
   * renumbered by the next `setNameOrder`.
   */
  add(actor: Actor, order?: { actors: readonly Actor[]; at: number }): void {
    const tokenized = tokenizeNames(actor);
    const distinct = distinctTokens(tokenized);
    for (const t of distinct) {
      if (this.postings.has(t)) continue;
      this.postings.set(t, new Set());
      this.words.set(t, t);
      this.sortedTokens.insert(t);
      for (const tail of shiftedTails(t)) this.tails.insert(tail);
    }
    // Each actor's tokens share the index's copy of the word (names share first names and stems).
    const names = tokenized.map(([text, words]) => [text, words.map((w) => this.canonicalToken(w))] as const);
    const entry: IndexedActor = { actor, names, rank: 0, mark: 0 };
    for (const t of distinct) this.postings.get(t)!.add(entry);
    this.indexed.set(actor.id, entry);
    if (repeatsAWord(names)) this.repeating.add(entry);
    if (order && !this.nameOrderStale && this.rankAmong(order.actors, order.at)) {
      for (const t of distinct) {
        const list = this.rankedPostings.get(t);
        if (list) list.splice(rankPosition(list, entry.rank), 0, entry);
      }
    } else {
      for (const t of distinct) this.rankedPostings.delete(t);
      this.nameOrderStale = true;
    }
    for (const word of soloWords(names)) {
      let entries = this.soloNames.get(word);
      if (!entries) this.soloNames.set(word, (entries = new Set()));
      entries.add(entry);
    }
    for (const p of neighbourPrefixes(distinct)) {
      const n = this.shared.get(p);
      this.shared.set(p, (n ?? 0) + 1);
      if (n === undefined) this.sortedShared.insert(p);
    }
  }

  private canonicalToken(word: string): string {
    return this.words.get(word) ?? word;
  }

  remove(actor: Actor): void {
    const entry = this.indexed.get(actor.id);
    if (!entry) return;
    this.indexed.delete(actor.id);
    this.repeating.delete(entry);
    const distinct = distinctTokens(entry.names);
    for (const word of soloWords(entry.names)) {
      const entries = this.soloNames.get(word)!;
      entries.delete(entry);
      if (entries.size === 0) this.soloNames.delete(word);
    }
    for (const p of neighbourPrefixes(distinct)) {
      const n = this.shared.get(p)! - 1;
      if (n > 0) this.shared.set(p, n);
      else {
        this.shared.delete(p);
        this.sortedShared.remove(p);
      }
    }
    // The others keep their ranks and their order: the entry only leaves its tokens' lists.
    for (const t of distinct) {
      const list = this.rankedPostings.get(t);
      if (list) {
        const at = rankPosition(list, entry.rank);
        if (list[at] === entry) list.splice(at, 1);
        else this.rankedPostings.delete(t);
      }
      const entries = this.postings.get(t);
      if (!entries) continue;
      entries.delete(entry);
      if (entries.size === 0) {
        this.postings.delete(t);
        this.words.delete(t);
        this.sortedTokens.remove(t);
        for (const tail of shiftedTails(t)) this.tails.remove(tail);
      }
    }
  }

  /** An indexed actor with its tokenized names (for `matchTokenizedNames`). */
  entryOf(actorId: string): IndexedActor {
    return this.indexed.get(actorId)!;
  }

  /** Drop the sorted arrays before a bulk load; they rebuild on the next search. */
  invalidate(): void {
    this.sortedTokens.invalidate();
    this.tails.invalidate();
    this.sortedShared.invalidate();
    this.rankedPostings.clear();
  }

  /**
   * Ranks every actor by its position in name order (`actors`, every indexed
   * actor sorted by `compareByName`), spread evenly over 0…MAX_RANK so that
   * later writes can rank an actor between its neighbours (`add`). The first
   * time after a load it also lists every token's entries in that order,
   * read straight off it: sorting a token's entries when a search first needs
   * them cost that search up to 10 ms at a million actors. Later, only actors
   * added without a name order (bulk loads) make this run again: they dropped
   * their tokens' lists, and every other actor keeps its order, so the other
   * lists stay sorted under the new ranks and the dropped ones are sorted
   * again when needed.
   */
  setNameOrder(actors: readonly Actor[]): void {
    const listAll = this.rankedPostings.size === 0;
    const gap = Math.floor(MAX_RANK / (actors.length + 1));
    for (let i = 0; i < actors.length; i++) {
      const entry = this.indexed.get(actors[i].id)!;
      entry.rank = (i + 1) * gap;
      if (!listAll) continue;
      for (const t of distinctTokens(entry.names)) {
        const list = this.rankedPostings.get(t);
        if (list) list.push(entry);
        else this.rankedPostings.set(t, [entry]);
      }
    }
    this.nameOrderStale = false;
  }

  /**
   * The first `n` actors in name order with a token starting with `word`,
   * leaving out `skip`: a merge of each such token's entries in name order,
   * so it reads about `n` entries per token instead of every candidate.
   * Needs a current `setNameOrder`.
   */
  firstInNameOrder(word: string, n: number, skip: ReadonlySet<IndexedActor>): IndexedActor[] {
    const lists = [...this.prefixTokens(word)].map((t) => this.inRankOrder(t));
    const at = new Array<number>(lists.length).fill(0);
    // A min-heap of list numbers, by the rank of each list's next entry.
    const heap = lists.map((_, i) => i);
    const head = (h: number) => lists[heap[h]][at[heap[h]]].rank;
    const siftDown = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        let top = i;
        if (l < heap.length && head(l) < head(top)) top = l;
        if (l + 1 < heap.length && head(l + 1) < head(top)) top = l + 1;
        if (top === i) return;
        [heap[i], heap[top]] = [heap[top], heap[i]];
        i = top;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
    const mark = ++this.marks;
    const out: IndexedActor[] = [];
    while (out.length < n && heap.length > 0) {
      const list = heap[0];
      const e = lists[list][at[list]++];
      if (at[list] === lists[list].length) {
        heap[0] = heap[heap.length - 1];
        heap.pop();
      }
      if (heap.length > 0) siftDown(0);
      // An actor with two tokens starting with `word` comes up once from each list.
      if (e.mark === mark) continue;
      e.mark = mark;
      if (!skip.has(e)) out.push(e);
    }
    return out;
  }

  /**
   * Ranks `actors[at]`, just added, between its neighbours: halfway between
   * theirs while they differ by two or more, else a window of actors around
   * it, doubled until its span has room for twice as many, is spread evenly
   * over that span (they keep their order, so every token's list stays
   * sorted). False only if the whole order has no room, which 2^30 ranks
   * rule out for any store this size of machine holds.
   */
  private rankAmong(actors: readonly Actor[], at: number): boolean {
    const rankOf = (i: number) => (i < 0 ? 0 : i >= actors.length ? MAX_RANK : this.indexed.get(actors[i].id)!.rank);
    const entry = this.indexed.get(actors[at].id)!;
    const low = rankOf(at - 1);
    const high = rankOf(at + 1);
    if (high - low >= 2) {
      entry.rank = low + Math.floor((high - low) / 2);
      return true;
    }
    for (let w = 1; ; w *= 2) {
      const first = Math.max(0, at - w);
      const last = Math.min(actors.length - 1, at + w);
      const below = rankOf(first - 1);
      const span = rankOf(last + 1) - below;
      const count = last - first + 1;
      if (span > 2 * count) {
        const step = Math.floor(span / (count + 1));
        for (let i = first; i <= last; i++) this.indexed.get(actors[i].id)!.rank = below + (i - first + 1) * step;
        return true;
      }
      if (first === 0 && last === actors.length - 1) return false;
    }
  }

  private inRankOrder(token: string): IndexedActor[] {
    let list = this.rankedPostings.get(token);
    if (!list) this.rankedPostings.set(token, (list = [...this.postings.get(token)!].sort((a, b) => a.rank - b.rank)));
    return list;
  }

  /**
   * How many actors have a token starting with `word`, without collecting
   * them: each such token's actors, less the actors counted more than once
   * (`neighbourPrefixes`).
   */
  prefixCount(word: string): number {
    let count = this.countUnder([...this.prefixTokens(word)]);
    for (const p of withPrefix(this.sortedShared, word)) count -= this.shared.get(p)!;
    return count;
  }

  /** Entries of actors whose name or an alias is just the word `word` (the EXACT hits of a one-word search). */
  exactMatches(word: string): ReadonlySet<IndexedActor> {
    return this.soloNames.get(word) ?? NO_ENTRIES;
  }

  /**
   * How many actors have a token one edit from `word` and none starting with
   * it (the FUZZY hits of a one-word search): `wordCandidates`, which tells
   * them apart by marks. Reading each candidate's names to rule out the
   * prefix hits cost a five-letter word tens of milliseconds at a million
   * actors. Shorter words forgive no edit, and collect nothing here.
   */
  fuzzyOnlyCount(word: string): number {
    return word.length < FUZZY_MIN ? 0 : this.wordCandidates(word).fuzzy.length;
  }

  /**
   * Entries of actors that may match every word of the query (a superset of
   * the real matches), or null when the query has no words. Every match has
   * each word's candidate tokens, so the rarest word's candidates are
   * narrowed by the next rarest words' while that is cheaper than matching
   * names; the caller's name matching checks the rest.
   */
  candidates(query: string): IndexedActor[] | null {
    const words = tokens(query);
    if (words.length === 0) return null;
    // Words ordered by their prefix candidates; a word's fuzzy tokens (a scan of every token sharing its first two
    // letters) are looked up only when the word is used or may be the rarest.
    const perWord = [...new Set(words)].map((word) => {
      const prefix = [...this.prefixTokens(word)];
      return { word, prefix, count: this.countUnder(prefix), all: null as string[] | null };
    });
    perWord.sort((a, b) => a.count - b.count);
    const allTokens = (w: (typeof perWord)[number]) => (w.all ??= [...w.prefix, ...this.fuzzyTokens(w.word)]);
    // A typo ("Sergi") has no prefix candidates but thousands one edit away: start from the word with the fewest
    // candidates of both kinds, looking up fuzzy tokens only for words whose prefix candidates alone are fewer.
    let startCount = this.countUnder(allTokens(perWord[0]));
    for (let i = 1; i < perWord.length && perWord[i].count < startCount; i++) {
      const count = this.countUnder(allTokens(perWord[i]));
      if (count < startCount) {
        startCount = count;
        perWord.unshift(...perWord.splice(i, 1));
      }
    }
    const first = allTokens(perWord[0]);
    let out = this.collect(first);
    // Every token the narrowing words can take, and how many words took part.
    const taken = new Set(first);
    let narrowing = 1;
    for (let i = 1; i < perWord.length && perWord[i].count <= out.length * INTERSECT_FACTOR; i++) {
      const found = allTokens(perWord[i]);
      if (this.countUnder(found) > out.length * INTERSECT_FACTOR) break;
      // Entries still marked as collected and found again take the new mark; the rest drop out.
      const previous = this.marks;
      const mark = ++this.marks;
      for (const t of found) for (const e of this.postings.get(t) ?? NO_ENTRIES) if (e.mark === previous) e.mark = mark;
      out = out.filter((e) => e.mark === mark);
      for (const t of found) taken.add(t);
      narrowing++;
    }
    return narrowing > 1 ? this.withTokensFor(out, taken, narrowing) : out;
  }

  /**
   * The entries of `out` (the last collecting pass) with at least `words`
   * distinct tokens among `taken`: each query word takes a word of its own in
   * the name, so "Sergei Ser" needs a second word starting with "ser" besides
   * "sergei", which most actors called Sergei lack. Counted by marks, with no
   * names read: each entry climbs one mark per token it holds, up to `words`.
   * Names that repeat a word ("Ali Ali") hold fewer tokens than words and are
   * always kept; the caller's name matching decides.
   */
  private withTokensFor(out: IndexedActor[], taken: ReadonlySet<string>, words: number): IndexedActor[] {
    const base = this.marks;
    this.marks += words;
    for (const t of taken) {
      for (const e of this.postings.get(t) ?? NO_ENTRIES) {
        if (e.mark >= base && e.mark < base + words) e.mark++;
      }
    }
    return out.filter((e) => e.mark === base + words || this.repeating.has(e));
  }

  /** Entries under the tokens, counting an actor once per token. */
  private countUnder(tokens: readonly string[]): number {
    let count = 0;
    for (const t of tokens) count += this.postings.get(t)?.size ?? 0;
    return count;
  }

  /**
   * Candidates for a one-word query, split by how they can match, so a
   * search need not read their names: `prefix` actors have a word starting
   * with `word` and match at least by prefix (exactly only if they are in
   * `exact`, the actors with a name or alias that is just that word);
   * `fuzzy` actors have a word one edit away and none starting with `word`.
   */
  wordCandidates(word: string): { prefix: IndexedActor[]; exact: ReadonlySet<IndexedActor>; fuzzy: IndexedActor[] } {
    const prefix = this.collect(this.prefixTokens(word));
    // The same mark: actors already collected by prefix are not collected again as fuzzy.
    const fuzzy = this.collect(this.fuzzyTokens(word), this.marks);
    return { prefix, exact: this.exactMatches(word), fuzzy };
  }

  /** Each entry under the tokens once, in a new pass (or continuing pass `mark`). */
  private collect(tokens: Iterable<string>, mark = ++this.marks): IndexedActor[] {
    const out: IndexedActor[] = [];
    for (const t of tokens) {
      for (const e of this.postings.get(t) ?? NO_ENTRIES) {
        if (e.mark === mark) continue;
        e.mark = mark;
        out.push(e);
      }
    }
    return out;
  }

  private prefixTokens(word: string): Iterable<string> {
    return withPrefix(this.sortedTokens, word);
  }

  /** Tokens one edit from `word` (see the module comment) that do not start with it; none for words under FUZZY_MIN letters. */
  private fuzzyTokens(word: string): string[] {
    if (word.length < FUZZY_MIN) return [];
    const out: string[] = [];
    const seen = new Set<string>();
    const consider = (token: string) => {
      if (seen.has(token) || token.startsWith(word)) return;
      seen.add(token);
      if (token.length >= word.length - 1 && matchTokens([word], [token])) out.push(token);
    };
    for (const t of withPrefix(this.sortedTokens, word.slice(0, 2))) consider(t);
    for (const entry of withPrefix(this.tails, word.slice(2))) consider(entry.slice(entry.indexOf(SEP) + 1));
    return out;
  }

  private *allTails(): Generator<string> {
    for (const t of this.postings.keys()) yield* shiftedTails(t);
  }
}

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
 *   confirmed with `matchName` on that single word.
 */
import type { Actor } from '../core/model';
import { matchName, tokenizeNames, tokens, type TokenizedNames } from '../core/search';
import { SortedIndex, withPrefix } from './sorted-index';

const FUZZY_MIN = 5;
const SHIFTS = [1, 2, 3];
/** A shifted tail shorter than this can never match (query tails are ≥ FUZZY_MIN − 2 letters). */
const MIN_TAIL = FUZZY_MIN - 2;
const SEP = '\u0000';
const NO_IDS: ReadonlySet<string> = new Set();

function distinctTokens(names: TokenizedNames): Set<string> {
  const out = new Set<string>();
  for (const [, tokens] of names) for (const t of tokens) out.add(t);
  return out;
}

function* shiftedTails(token: string): Generator<string> {
  for (const k of SHIFTS) if (token.length - k >= MIN_TAIL) yield token.slice(k) + SEP + token;
}

export interface IndexedActor {
  actor: Actor;
  names: TokenizedNames;
}

export class SearchIndex {
  /** token → ids of actors with that token in their name or an alias. */
  private readonly postings = new Map<string, Set<string>>();
  /** actor id → the actor and its name and aliases with their tokens, normalized once here rather than on every search. */
  private readonly indexed = new Map<string, IndexedActor>();
  /** Each distinct token once, so actors' tokenized names share it. */
  private readonly words = new Map<string, string>();
  private readonly sortedTokens = new SortedIndex<string>(() => this.postings.keys());
  private readonly tails = new SortedIndex<string>(() => this.allTails());

  add(actor: Actor): void {
    const tokenized = tokenizeNames(actor);
    for (const t of distinctTokens(tokenized)) {
      let ids = this.postings.get(t);
      if (!ids) {
        ids = new Set();
        this.postings.set(t, ids);
        this.words.set(t, t);
        this.sortedTokens.insert(t);
        for (const tail of shiftedTails(t)) this.tails.insert(tail);
      }
      ids.add(actor.id);
    }
    // Each actor's tokens share the index's copy of the word (names share first names and stems).
    const names = tokenized.map(([text, words]) => [text, words.map((w) => this.canonicalToken(w))] as const);
    this.indexed.set(actor.id, { actor, names });
  }

  private canonicalToken(word: string): string {
    return this.words.get(word) ?? word;
  }

  remove(actor: Actor): void {
    const names = this.indexed.get(actor.id)?.names ?? tokenizeNames(actor);
    this.indexed.delete(actor.id);
    for (const t of distinctTokens(names)) {
      const ids = this.postings.get(t);
      if (!ids) continue;
      ids.delete(actor.id);
      if (ids.size === 0) {
        this.postings.delete(t);
        this.words.delete(t);
        this.sortedTokens.remove(t);
        for (const tail of shiftedTails(t)) this.tails.remove(tail);
      }
    }
  }

  /** An indexed actor with its tokenized names (for `matchTokenizedNames`): one lookup per search candidate. */
  entryOf(actorId: string): IndexedActor {
    return this.indexed.get(actorId)!;
  }

  /** Drop the sorted arrays before a bulk load; they rebuild on the next search. */
  invalidate(): void {
    this.sortedTokens.invalidate();
    this.tails.invalidate();
  }

  /**
   * Ids of actors that may match every word of the query (a superset of the
   * real matches), or null when the query has no words. Only the word with
   * the fewest candidates is looked up: every match has it, and matching
   * each candidate's names checks the other words.
   */
  candidates(query: string): Set<string> | null {
    const words = tokens(query);
    if (words.length === 0) return null;
    let fewest: string[] = [];
    let fewestCount = Infinity;
    for (const word of new Set(words)) {
      const found = [...this.prefixTokens(word), ...this.fuzzyTokens(word)];
      let count = 0;
      for (const t of found) count += this.postings.get(t)?.size ?? 0;
      if (count < fewestCount) [fewest, fewestCount] = [found, count];
    }
    const out = new Set<string>();
    for (const t of fewest) this.addIds(t, out);
    return out;
  }

  /**
   * Candidates for a one-word query, split by how they can match, so a
   * search need not read their names: `prefix` actors have a word starting
   * with `word` and match at least by prefix (exactly only if they are in
   * `exact`, the actors with that very word); `fuzzy` actors have a word one
   * edit away and none starting with `word`.
   */
  wordCandidates(word: string): { prefix: Set<string>; exact: ReadonlySet<string>; fuzzy: Set<string> } {
    const prefix = new Set<string>();
    for (const t of this.prefixTokens(word)) this.addIds(t, prefix);
    const fuzzy = new Set<string>();
    for (const t of this.fuzzyTokens(word)) this.addIds(t, fuzzy);
    for (const id of prefix) fuzzy.delete(id);
    return { prefix, exact: this.postings.get(word) ?? NO_IDS, fuzzy };
  }

  private addIds(token: string, out: Set<string>): void {
    for (const id of this.postings.get(token) ?? NO_IDS) out.add(id);
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
      if (token.length >= word.length - 1 && matchName([word], token)) out.push(token);
    };
    for (const t of withPrefix(this.sortedTokens, word.slice(0, 2))) consider(t);
    for (const entry of withPrefix(this.tails, word.slice(2))) consider(entry.slice(entry.indexOf(SEP) + 1));
    return out;
  }

  private *allTails(): Generator<string> {
    for (const t of this.postings.keys()) yield* shiftedTails(t);
  }
}

/**
 * Name matching shared by every store, so search ranks the same everywhere:
 * case- and diacritics-insensitive, exact > prefix > fuzzy (one edit allowed in
 * query words of five or more letters).
 */
import type { Actor } from './model';
import type { MatchKind } from './store';

/** Lower-case, strip diacritics, turn punctuation and hyphens into spaces, collapse whitespace. */
/** Latin letters that Unicode does not decompose into a base letter plus a mark. */
const UNDECOMPOSABLE: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ı: 'i', İ: 'i' };

export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁøØđĐßæÆœŒıİ]/g, (c) => UNDECOMPOSABLE[c])
    .replace(/[’'‘`]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function tokens(text: string): string[] {
  const n = normalizeText(text);
  return n ? n.split(' ') : [];
}

/**
 * The words a search looks for, or null for no search at all (no text, or
 * only spaces: every actor, match ALL). Text with nothing searchable in it
 * ("$", an emoji) gives no words, and so matches no actor, in every store.
 */
export function searchWords(text: string | null | undefined): string[] | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  return tokens(text);
}

/** Levenshtein distance capped at 2 (we only care whether it is ≤ 1). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < la && j < lb) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (la > lb) i++;
    else if (lb > la) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (la - i) + (lb - j) <= 1;
}

/** Query words this long or longer forgive one edit; shorter ones must be a prefix of a name word. */
export const FUZZY_MIN_LENGTH = 5;

/** Query word `q` fuzzily matches name word `w`: one edit of the word, or of a prefix of it as long as `q`. */
function fuzzyWord(q: string, w: string): boolean {
  if (q.length < FUZZY_MIN_LENGTH) return false;
  if (withinOneEdit(q, w)) return true;
  // "tokaye" typed as "tokaev…": compare against same-length and ±1 prefixes.
  for (const len of [q.length - 1, q.length, q.length + 1]) {
    if (len > 0 && len < w.length && withinOneEdit(q, w.slice(0, len))) return true;
  }
  return false;
}

const RANK: Record<MatchKind, number> = { EXACT: 3, PREFIX: 2, FUZZY: 1, ALL: 0 };

export function matchRank(kind: MatchKind): number {
  return RANK[kind];
}

/**
 * How one normalized query matches one name. EXACT: the whole name equals the
 * query. PREFIX: every query word is a prefix of a distinct name word, in order
 * of appearance not required (so "tokayev kassym" works). FUZZY: as PREFIX but
 * words of five or more letters may be one edit off.
 */
export function matchName(queryTokens: string[], name: string): MatchKind | null {
  return matchTokens(queryTokens, tokens(name));
}

/**
 * `matchName` for a name already split by `tokens`, so a store can tokenize
 * each name once rather than on every search.
 */
export function matchTokens(queryTokens: readonly string[], nameTokens: readonly string[]): MatchKind | null {
  return matchBetterThan(queryTokens, nameTokens, 0);
}

/**
 * `matchTokens`, but only a match ranked above `floor` (a RANK value) counts:
 * once a name matched by prefix, an alias can only matter if it is exact, so
 * the prefix and one-edit searches are skipped. Plain loops and a bitmask for
 * the taken name words, no closures: stores call this for every candidate of
 * a short prefix, thousands of times per keystroke.
 */
function matchBetterThan(queryTokens: readonly string[], nameTokens: readonly string[], floor: number): MatchKind | null {
  const nq = queryTokens.length;
  const nn = nameTokens.length;
  if (nq === 1) return matchOneWordBetterThan(queryTokens[0], nameTokens, floor);
  if (nq === 0) return null;
  if (nn === nq) {
    let same = true;
    for (let i = 0; i < nq && same; i++) same = nameTokens[i] === queryTokens[i];
    if (same) return 'EXACT';
  }
  if (floor >= RANK.PREFIX) return null;
  const allowFuzzy = floor < RANK.FUZZY;
  // Each query word takes a distinct name word: bit i of `used` (a Set for names of more than 31 words).
  let used = 0;
  const many = nn > 31 ? new Set<number>() : null;
  let fuzzy = false;
  for (let qi = 0; qi < nq; qi++) {
    const q = queryTokens[qi];
    let idx = -1;
    for (let i = 0; i < nn && idx < 0; i++) {
      if ((many ? !many.has(i) : (used & (1 << i)) === 0) && nameTokens[i].startsWith(q)) idx = i;
    }
    if (idx < 0) {
      if (!allowFuzzy) return null;
      for (let i = 0; i < nn && idx < 0; i++) {
        if ((many ? !many.has(i) : (used & (1 << i)) === 0) && fuzzyWord(q, nameTokens[i])) idx = i;
      }
      if (idx < 0) return null;
      fuzzy = true;
    }
    if (many) many.add(idx);
    else used |= 1 << idx;
  }
  return fuzzy ? 'FUZZY' : 'PREFIX';
}

/** `matchBetterThan` for a one-word query, the common case while typing: no word bookkeeping needed. */
function matchOneWordBetterThan(q: string, nameTokens: readonly string[], floor: number): MatchKind | null {
  const nn = nameTokens.length;
  if (nn === 1 && nameTokens[0] === q) return 'EXACT';
  if (floor >= RANK.PREFIX) return null;
  for (let i = 0; i < nn; i++) if (nameTokens[i].startsWith(q)) return 'PREFIX';
  if (floor >= RANK.FUZZY) return null;
  for (let i = 0; i < nn; i++) if (fuzzyWord(q, nameTokens[i])) return 'FUZZY';
  return null;
}

/** An actor's name and aliases, in that order, each with its `tokens`. */
export type TokenizedNames = readonly (readonly [text: string, tokens: readonly string[]])[];

export function tokenizeNames(actor: Pick<Actor, 'name' | 'aliases'>): TokenizedNames {
  return [actor.name, ...actor.aliases].map((text) => [text, tokens(text)] as const);
}

/** Best match of a query over an actor's name and aliases, or null. */
export function matchActor(query: string, actor: Pick<Actor, 'name' | 'aliases'>): { match: MatchKind; matchedText: string } | null {
  return matchTokenizedNames(tokens(query), tokenizeNames(actor));
}

/** `matchActor` with the query and the names already tokenized (see `tokenizeNames`): the same result, without re-normalizing text. */
export function matchTokenizedNames(queryTokens: readonly string[], names: TokenizedNames): { match: MatchKind; matchedText: string } | null {
  let best: MatchKind | null = null;
  let bestText = '';
  for (let i = 0; i < names.length; i++) {
    const m = matchBetterThan(queryTokens, names[i][1], best === null ? 0 : RANK[best]);
    if (m) {
      best = m;
      bestText = names[i][0];
      if (m === 'EXACT') break;
    }
  }
  return best === null ? null : { match: best, matchedText: bestText };
}

/** An ASCII letter's code folded to lower case, a space's code (it collates before every letter), or -1. */
function letterOrSpace(code: number): number {
  if (code === 32) return 32;
  const lower = code | 32;
  return lower >= 97 && lower <= 122 ? lower : -1;
}

/**
 * English collation, made once: `a.localeCompare(b, 'en')` gives the same
 * order but sets up a collator on every call, about eight times slower.
 */
const ENGLISH = new Intl.Collator('en');

/** Names in English collation (`ENGLISH.compare`). */
export const compareEnglish = ENGLISH.compare;

/**
 * `compareEnglish(a, b)`, decided without the collator while both names
 * run on in ASCII letters and spaces: English collation weighs characters
 * before case, puts a space before any letter and has no contractions among
 * them, so the first that differs, ignoring case, orders the names whatever
 * follows. Ranking thousands of hits, or sorting a million names, mostly
 * compares names that differ early.
 */
function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = letterOrSpace(a.charCodeAt(i));
    const y = letterOrSpace(b.charCodeAt(i));
    if (x < 0 || y < 0) break;
    if (x !== y) return x - y;
  }
  return compareEnglish(a, b);
}

/** Sort order for hits: better match first, then name, then id. */
export function compareHits(
  a: { actor: Pick<Actor, 'id' | 'name'>; match: MatchKind },
  b: { actor: Pick<Actor, 'id' | 'name'>; match: MatchKind },
): number {
  return RANK[b.match] - RANK[a.match] || compareByName(a.actor, b.actor);
}

/** Actors by name, then id: the order of equally ranked hits, and of every actor when a search has no text. */
export function compareByName(a: Pick<Actor, 'id' | 'name'>, b: Pick<Actor, 'id' | 'name'>): number {
  return compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

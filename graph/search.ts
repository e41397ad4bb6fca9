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

/** Query word `q` fuzzily matches name word `w`: one edit of the word, or of a prefix of it as long as `q`. */
function fuzzyWord(q: string, w: string): boolean {
  if (q.length < 5) return false;
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
  if (queryTokens.length === 0) return null;
  const nameTokens = tokens(name);
  if (nameTokens.join(' ') === queryTokens.join(' ')) return 'EXACT';
  const used = new Set<number>();
  let fuzzy = false;
  for (const q of queryTokens) {
    let idx = nameTokens.findIndex((w, i) => !used.has(i) && w.startsWith(q));
    if (idx < 0) {
      idx = nameTokens.findIndex((w, i) => !used.has(i) && fuzzyWord(q, w));
      if (idx < 0) return null;
      fuzzy = true;
    }
    used.add(idx);
  }
  return fuzzy ? 'FUZZY' : 'PREFIX';
}

/** Best match of a query over an actor's name and aliases, or null. */
export function matchActor(query: string, actor: Pick<Actor, 'name' | 'aliases'>): { match: MatchKind; matchedText: string } | null {
  const q = tokens(query);
  let best: { match: MatchKind; matchedText: string } | null = null;
  for (const text of [actor.name, ...actor.aliases]) {
    const m = matchName(q, text);
    if (m && (!best || RANK[m] > RANK[best.match])) best = { match: m, matchedText: text };
    if (best?.match === 'EXACT') break;
  }
  return best;
}

/** Sort order for hits: better match first, then name, then id. */
export function compareHits(
  a: { actor: Pick<Actor, 'id' | 'name'>; match: MatchKind },
  b: { actor: Pick<Actor, 'id' | 'name'>; match: MatchKind },
): number {
  return RANK[b.match] - RANK[a.match] || a.actor.name.localeCompare(b.actor.name, 'en') || (a.actor.id < b.actor.id ? -1 : a.actor.id > b.actor.id ? 1 : 0);
}

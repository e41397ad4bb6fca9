/**
 * Word tokens with character offsets into the original text, normalised the
 * same way search normalises names (graph/core/search.ts `normalizeText`), so an
 * alias and a passage of text compare token by token.
 */
import { normalizeText } from '../core/search';

export interface Token {
  /** Offsets into the text that was tokenised: `text.slice(start, end) === surface`. */
  start: number;
  end: number;
  surface: string;
  /** Normalised form (lower case, no diacritics); a trailing possessive `’s` is not part of it. */
  norm: string;
  /** Normalised form with the possessive kept (`people’s` → `peoples`), for aliases that spell it. */
  fullNorm: string;
  /** The word carried a possessive `’s` / `'s`, which lies between `end` and `possessiveEnd`. */
  possessive: boolean;
  possessiveEnd: number;
}

// Letters, digits and marks, with inner apostrophes kept inside the word (O’Brien, didn’t, Tokayev’s).
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’‘`][\p{L}\p{N}\p{M}]+)*/gu;
const POSSESSIVE = /['’‘`][sS]$/;

/** Tokenises `text[from, to)`; offsets stay relative to the whole `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    let surface = m[0];
    const start = m.index;
    let end = start + surface.length;
    if (end > to) {
      surface = surface.slice(0, to - start);
      end = to;
    }
    const fullNorm = normalizeText(surface);
    let possessive = false;
    const possessiveEnd = end;
    if (surface.length > 2 && POSSESSIVE.test(surface)) {
      possessive = true;
      surface = surface.slice(0, -2);
      end -= 2;
    }
    const norm = possessive ? normalizeText(surface) : fullNorm;
    if (norm) out.push({ start, end, surface, norm, fullNorm, possessive, possessiveEnd });
  }
  return out;
}

/** First letter is not lower case (upper case, or a script without case such as Han or Arabic). */
export function isCapitalised(word: string): boolean {
  const first = /\p{L}/u.exec(word)?.[0];
  return first !== undefined && !/\p{Ll}/u.test(first);
}

/** Every letter upper case, at least two letters: an acronym such as `EU` or `CSTO`. */
export function isAcronym(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && !/\p{Ll}/u.test(letters) && /\p{Lu}/u.test(letters);
}

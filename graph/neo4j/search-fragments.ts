/**
 * What Neo4j is asked for a search: fragments every match must contain, so
 * the text index can find candidates and the database can drop most of the
 * rest before they are sent. graph/core/search.ts then ranks the candidates,
 * the same as in the embedded store; these fragments only ever admit more
 * actors than it matches, never fewer (tests/unit/neo4j/search-fragments.test.ts
 * checks this against it).
 *
 * A query word matches a name word that starts with it (prefix), or, in words
 * of FUZZY_MIN_LENGTH letters or more, a name word with a prefix one edit away.
 * One edit changes at most one of the query word's three pieces, so a fuzzy
 * match holds the first two pieces at the start of a word, or the last two,
 * or the first at the start of a word and the last.
 */
import { FUZZY_MIN_LENGTH } from '../core/search';
import { SEARCH_TEXT_LINE_BREAK as LINE_BREAK } from './records';

/**
 * Marks a fragment that must start a word. It is the space normalizeText puts
 * between words, and the filter puts one before each name as well, so every
 * word start follows it.
 */
export const WORD_START = ' ';

/** Per query word, alternatives of which one must hold; each alternative is fragments that must all occur. */
export type WordTerms = string[][];

export interface CandidateSearch {
  terms: WordTerms[];
  /** Text-index seeks that together find every candidate: `searchText` contains one of `contains` or starts with one of `starts`. */
  contains: string[];
  starts: string[];
  /** The filter puts `wordStart` before every word of `searchText`, whose names are separated by `lineBreak`. */
  wordStart: string;
  lineBreak: string;
}

/** The alternatives for one normalized query word (see the module comment). */
export function wordTerms(word: string): WordTerms {
  if (word.length < FUZZY_MIN_LENGTH) return [[WORD_START + word]];
  // Pieces [0, i), [i, i + 1), [i + 1, n): a one-letter middle leaves the
  // other two as long as they can be, the first (marked) the shorter.
  const i = Math.floor((word.length - 1) / 2);
  const j = i + 1;
  return [[WORD_START + word.slice(0, j)], [word.slice(i)], [WORD_START + word.slice(0, i), word.slice(j)]];
}

/** How selective a fragment is: its length, a word-start mark included. */
const selectivity = (fragment: string) => fragment.length;

/** The most selective fragment of each alternative: seeking those finds every actor the word can match. */
function seekFragments(alternatives: WordTerms): string[] {
  return alternatives.map((alt) => alt.reduce((best, f) => (selectivity(f) > selectivity(best) ? f : best)));
}

/**
 * Fragments for a search of normalized words (at least one), and the seeks
 * for the word whose weakest seek is strongest. Every fragment has two
 * characters or more (a word-start mark counts), and even a two-character
 * seek beats scanning: at 100 000 actors, " b" 245 ms against 329 ms, " ab"
 * 39 ms against 195 ms.
 */
export function candidateSearch(words: readonly string[]): CandidateSearch {
  const terms = words.map(wordTerms);
  const weakest = (alts: WordTerms) => Math.min(...seekFragments(alts).map(selectivity));
  const best = terms.reduce((a, b) => (weakest(b) > weakest(a) ? b : a));
  // A fragment containing another one finds a subset of its actors: the shorter seek alone will do.
  const fragments = [...new Set(seekFragments(best))];
  const needed = fragments.filter((f) => !fragments.some((g) => g !== f && f.includes(g)));
  const contains: string[] = [];
  const starts: string[] = [];
  for (const f of needed) {
    if (!f.startsWith(WORD_START)) {
      contains.push(f);
      continue;
    }
    // In `searchText` a word follows a space (the mark itself), or starts a name: the text, or after a line break.
    const bare = f.slice(WORD_START.length);
    contains.push(f, LINE_BREAK + bare);
    starts.push(bare);
  }
  return { terms, contains, starts, wordStart: WORD_START, lineBreak: LINE_BREAK };
}

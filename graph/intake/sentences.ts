/**
 * Sentences with character offsets into the ORIGINAL text, so every excerpt
 * the intake proposes is an exact substring of the stored source text.
 *
 * `sentence-splitter` (npm) does the splitting: it knows abbreviations ("Mr.",
 * "Dr.", "Jan."), initials ("Maria A. Blackwood") and dotted acronyms ("U.S.").
 * Three gaps found while checking it are closed here:
 * - a period after a number ends a sentence ("… in 2011. Nazarbayev’s …"); the
 *   library treats every "<digits>." as a list number;
 * - a closing quote after . ! ? ends a sentence ("… bound.” Then …");
 * - a line break ends a sentence unless the next line starts in lower case
 *   (headings, bylines and list items have no final period).
 */
import { split } from 'sentence-splitter';
import { MAX_EXCERPT_LENGTH } from '../core/model';

export interface Sentence {
  index: number;
  /** `text.slice(start, end)` is the sentence, trimmed of surrounding space and list bullets. */
  start: number;
  end: number;
  text: string;
  /** Sentences separated by a blank line (or a heading) are in different paragraphs. */
  paragraph: number;
}

const LEADING_JUNK = /^[\s•·▪‣◦●○■□*–—-]+/u;
const TRAILING_SPACE = /\s+$/u;

/** Splits `text` into sentences; offsets refer to `text` itself. */
export function splitSentences(text: string): Sentence[] {
  const ranges: [number, number][] = [];
  for (const [from, to] of blocks(text)) {
    for (const node of split(text.slice(from, to))) {
      if (node.type !== 'Sentence') continue;
      for (const [s0, e0] of refine(text, from + node.range[0], from + node.range[1])) ranges.push(...capLength(text, s0, e0));
    }
  }
  const out: Sentence[] = [];
  let paragraph = 0;
  let prevEnd = 0;
  for (const [s0, e0] of ranges) {
    const raw = text.slice(s0, e0);
    const lead = LEADING_JUNK.exec(raw)?.[0].length ?? 0;
    const trail = TRAILING_SPACE.exec(raw)?.[0].length ?? 0;
    const start = s0 + lead;
    const end = e0 - trail;
    if (end <= start || !/[\p{L}\p{N}]/u.test(text.slice(start, end))) continue;
    if (out.length && /\n\s*\n/.test(text.slice(prevEnd, start))) paragraph++;
    out.push({ index: out.length, start, end, text: text.slice(start, end), paragraph });
    prevEnd = end;
  }
  return out;
}

/** Longest block handed to sentence-splitter in one call (its cost grows with the quotes and brackets seen so far in a call). */
const MAX_BLOCK_LENGTH = 20_000;

/**
 * The text cut at blank lines (no sentence crosses one) into blocks of at most
 * MAX_BLOCK_LENGTH characters where possible; a paragraph longer than that is
 * cut after the last ". " (or else the last space) before the limit.
 */
function blocks(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (text.length - from > MAX_BLOCK_LENGTH) {
    const limit = from + MAX_BLOCK_LENGTH;
    let cut = text.lastIndexOf('\n\n', limit);
    if (cut > from) cut += 2;
    else {
      const stop = text.lastIndexOf('. ', limit);
      const space = text.lastIndexOf(' ', limit);
      cut = stop > from ? stop + 2 : space > from ? space + 1 : limit;
    }
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, text.length]);
  return out;
}

const NUMBER_STOP = /\d\.(?=\s+["“‘(]?\p{Lu})/gu;
const QUOTE_STOP = /(?<=[.!?]["”’»])(?=\s+["“‘«(]?\p{Lu})/gu;

/**
 * Longest sentence handed on (the seed texts' longest is 516 characters). A
 * longer run has lost its punctuation (a table, a list, a hostile paste); every
 * per-sentence step after this compares mentions and cues pairwise, so cutting
 * such runs into pieces keeps the whole analysis linear in the text's length.
 */
export const MAX_SENTENCE_LENGTH = 1000;

/** `[start, end)` cut into pieces of at most MAX_SENTENCE_LENGTH characters, each at the last space before the limit when there is one. */
function capLength(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  while (end - from > MAX_SENTENCE_LENGTH) {
    let cut = from + MAX_SENTENCE_LENGTH;
    const space = text.lastIndexOf(' ', cut);
    if (space > from + MAX_SENTENCE_LENGTH / 2) cut = space;
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, end]);
  return out;
}

const SPACE = /\s/;

/** Extra boundaries inside one sentence-splitter sentence; one pass each, so a huge unpunctuated text costs linear time. */
function refine(text: string, start: number, end: number): [number, number][] {
  const slice = text.slice(start, end);
  const cuts = new Set<number>();
  for (const m of slice.matchAll(NUMBER_STOP)) {
    // "…in 2011. Next" ends a sentence; "2. Item" at the start of a line is a list number.
    if (!isListNumber(slice, m.index)) cuts.add(m.index + 2);
  }
  for (const m of slice.matchAll(QUOTE_STOP)) cuts.add(m.index);
  // Last non-space character before each position and first one after it, found once rather than by trimming per line break.
  const lastBefore = new Int32Array(slice.length + 1);
  for (let i = 0, last = -1; i <= slice.length; i++) {
    lastBefore[i] = last;
    if (i < slice.length && !SPACE.test(slice[i])) last = i;
  }
  const firstFrom = new Int32Array(slice.length + 1);
  for (let i = slice.length, first = -1; i >= 0; i--) {
    if (i < slice.length && !SPACE.test(slice[i])) first = i;
    firstFrom[i] = first;
  }
  for (const m of slice.matchAll(/\n/g)) {
    const before = lastBefore[m.index];
    const after = firstFrom[m.index];
    if (before < 0 || after < 0) continue;
    if (/[.!?:"”’]/.test(slice[before]) || !/^\p{Ll}/u.test(slice.slice(after, after + 2))) cuts.add(m.index);
  }
  const points = [...cuts].filter((c) => c > 0 && c < slice.length).sort((a, b) => a - b);
  const out: [number, number][] = [];
  let from = 0;
  for (const c of points) {
    out.push([start + from, start + c]);
    from = c;
  }
  out.push([start + from, end]);
  return out;
}

/** Whether the digit at `digitAt` (followed by ".") is all its line holds before it, spaces aside: walks back over one number and one run of spaces only. */
function isListNumber(slice: string, digitAt: number): boolean {
  let i = digitAt;
  while (i > 0 && /\d/.test(slice[i - 1])) i--;
  while (i > 0 && slice[i - 1] !== '\n' && SPACE.test(slice[i - 1])) i--;
  return i === 0 || slice[i - 1] === '\n';
}

/**
 * The excerpt for a proposal: the whole sentence when it fits in
 * MAX_EXCERPT_LENGTH characters, otherwise the widest run of whole clauses
 * (cut at , ; : – — and brackets) around `[focusStart, focusEnd)` that fits,
 * otherwise a word-bounded window around the focus. Always an exact substring
 * of `text`; null when even the focus is longer than the limit.
 */
export function excerptRange(
  text: string,
  sentence: Pick<Sentence, 'start' | 'end'>,
  focusStart: number,
  focusEnd: number,
  max = MAX_EXCERPT_LENGTH,
): { start: number; end: number } | null {
  if (sentence.end - sentence.start <= max) return { start: sentence.start, end: sentence.end };
  if (focusEnd - focusStart > max) return null;
  const clauseCuts = boundaries(text, sentence, /[,;:()–—]\s+|\s+[–—(]\s*/g);
  const window = widest(clauseCuts, focusStart, focusEnd, max) ?? widest(boundaries(text, sentence, /\s+/g), focusStart, focusEnd, max);
  if (!window) return null;
  return trimRange(text, window.start, window.end);
}

/** Cut points (offsets into `text`) where a window may start or end, sentence ends included. */
function boundaries(text: string, sentence: Pick<Sentence, 'start' | 'end'>, pattern: RegExp): number[] {
  const cuts = [sentence.start, sentence.end];
  const slice = text.slice(sentence.start, sentence.end);
  for (const m of slice.matchAll(pattern)) {
    cuts.push(sentence.start + m.index, sentence.start + m.index + m[0].length);
  }
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/** Widest [cut, cut] window containing the focus and no longer than max; grows right first (objects follow verbs), then left. */
function widest(cuts: number[], focusStart: number, focusEnd: number, max: number): { start: number; end: number } | null {
  let lo = -1;
  let hi = -1;
  for (let i = 0; i < cuts.length; i++) if (cuts[i] <= focusStart) lo = i;
  for (let i = cuts.length - 1; i >= 0; i--) if (cuts[i] >= focusEnd) hi = i;
  if (lo < 0 || hi < 0 || cuts[hi] - cuts[lo] > max) return null;
  let grew = true;
  while (grew) {
    grew = false;
    if (hi + 1 < cuts.length && cuts[hi + 1] - cuts[lo] <= max) {
      hi++;
      grew = true;
    }
    if (lo - 1 >= 0 && cuts[hi] - cuts[lo - 1] <= max) {
      lo--;
      grew = true;
    }
  }
  return { start: cuts[lo], end: cuts[hi] };
}

function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s,;:–—]/.test(text[start])) start++;
  while (end > start && /[\s,;:–—(]/.test(text[end - 1])) end--;
  return { start, end };
}

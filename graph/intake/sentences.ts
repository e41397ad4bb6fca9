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
  for (const node of split(text)) {
    if (node.type !== 'Sentence') continue;
    for (const r of refine(text, node.range[0], node.range[1])) ranges.push(r);
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

const NUMBER_STOP = /\d\.(?=\s+["“‘(]?\p{Lu})/gu;
const QUOTE_STOP = /(?<=[.!?]["”’»])(?=\s+["“‘«(]?\p{Lu})/gu;

/** Extra boundaries inside one sentence-splitter sentence. */
function refine(text: string, start: number, end: number): [number, number][] {
  const slice = text.slice(start, end);
  const cuts = new Set<number>();
  for (const m of slice.matchAll(NUMBER_STOP)) {
    // "…in 2011. Next" ends a sentence; "2. Item" at the start of a line is a list number.
    const lineStart = slice.lastIndexOf('\n', m.index) + 1;
    if (!/^\d+$/.test(slice.slice(lineStart, m.index + 1).trim())) cuts.add(m.index + 2);
  }
  for (const m of slice.matchAll(QUOTE_STOP)) cuts.add(m.index);
  for (const m of slice.matchAll(/\n/g)) {
    const before = slice.slice(0, m.index).trimEnd();
    const after = slice.slice(m.index).trimStart();
    if (!before || !after) continue;
    if (/[.!?:"”’]$/.test(before) || !/^\p{Ll}/u.test(after)) cuts.add(m.index);
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

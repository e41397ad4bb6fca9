/**
 * Names the text uses again and again but no known actor owns: runs of
 * capitalised words ("Roskomnadzor", "Mikhail Gorbachev", "Central Asia
 * Barometer") outside any actor mention, counted across the text. A bare
 * surname later on counts for the full name it ends. The kind is a guess from
 * the words (Ministry, Party, Republic, a title before the name …) for the
 * user to confirm.
 */
import type { ActorKind } from '../core/model';
import type { Mention } from './mentions';
import type { Sentence } from './sentences';
import { isCapitalised, tokenize, type Token } from './tokens';

export interface ActorProposal {
  /** The name as first written in the text. */
  name: string;
  occurrences: number;
  guessedKind: ActorKind;
  /** Offset of the first occurrence, for highlighting. */
  firstStart: number;
}

export const MIN_NEW_ACTOR_OCCURRENCES = 2;
export const MAX_NEW_ACTOR_PROPOSALS = 50;

const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'de', 'del', 'von', 'van', 'al', 'on', 'bin', 'ibn']);
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'from', 'with', 'as', 'if', 'it', 'its', 'he', 'she',
  'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'some', 'many', 'most', 'all', 'other',
  'another', 'while', 'when', 'since', 'after', 'before', 'although', 'though', 'however', 'yet', 'so', 'no', 'not', 'there', 'here',
  'what', 'which', 'who', 'why', 'how', 'one', 'two', 'three', 'first', 'last', 'next', 'new', 'about', 'image', 'photo', 'related',
]);
const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'prime', 'general', 'sir', 'senator', 'governor', 'ambassador', 'chairman', 'professor', 'prof', 'judge', 'king', 'queen', 'prince', 'sheikh', 'emir']);
const ORG_WORDS = new Set([
  'ministry', 'party', 'council', 'committee', 'union', 'bank', 'fund', 'company', 'court', 'agency', 'organization', 'organisation',
  'commission', 'parliament', 'office', 'institute', 'university', 'center', 'centre', 'group', 'corporation', 'corp', 'inc', 'ltd', 'llc',
  'forum', 'association', 'foundation', 'service', 'department', 'assembly', 'movement', 'front', 'alliance', 'news', 'times', 'tv',
  'radio', 'channel', 'police', 'army', 'guard', 'navy', 'forces', 'government', 'administration', 'authority', 'board', 'bureau',
  'chamber', 'senate', 'congress', 'club', 'church', 'network', 'press', 'media', 'programme', 'program', 'barometer', 'international',
  'holding', 'holdings', 'airlines', 'energy', 'oil', 'gas', 'mining', 'telecom', 'post', 'journal', 'review', 'institution', 'school',
]);
const STATE_WORDS = new Set(['republic', 'republics', 'kingdom', 'emirates', 'states', 'federation', 'principality', 'sultanate', 'confederation']);

interface Run {
  tokens: Token[];
  titled: boolean;
  /** Starts the sentence, where any word is capitalised. */
  initial: boolean;
  /** The word after the run, normalised ('' at the end of the sentence or before punctuation). */
  next: string;
}

const ADJECTIVE_ENDING = /(?:ern|ian|an|ese|ish|ic|al|ist)$/;
const SPEECH = new Set(['said', 'says', 'told', 'added', 'wrote', 'argued', 'explained', 'noted', 'stated']);

/** Proposes new actors for capitalised names that recur and match no known actor. */
export function proposeNewActors(text: string, sentences: Sentence[], mentions: Mention[]): ActorProposal[] {
  const lowerWords = new Set(tokenize(text).filter((t) => !isCapitalised(t.surface)).map((t) => t.norm));
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) if (m.via !== 'pronoun' && m.via !== 'implied') (bySentence.get(m.sentence) ?? bySentence.set(m.sentence, []).get(m.sentence)!).push(m);
  const runs: Run[] = [];

  for (const s of sentences) {
    const here = bySentence.get(s.index) ?? [];
    const covered = (t: Token) => here.some((m) => m.start < t.end && t.start < m.end);
    const toks = tokenize(text, s.start, s.end);
    // Headings and bylines are written in title case; their capitals say nothing.
    if (toks.length && toks.filter((t) => isCapitalised(t.surface)).length / toks.length > 0.7 && !/[.!?]["”’]?$/.test(s.text)) continue;
    let run: Token[] = [];
    let titled = false;
    const flush = () => {
      while (run.length && CONNECTORS.has(run[run.length - 1].norm)) run.pop();
      while (run.length && (FUNCTION_WORDS.has(run[0].norm) || TITLES.has(run[0].norm))) {
        if (TITLES.has(run[0].norm)) titled = true;
        run.shift();
      }
      if (run.length) {
        const last = run[run.length - 1];
        const k = toks.indexOf(last);
        const after = toks[k + 1];
        const next = after && /^\s+$/.test(text.slice(last.possessiveEnd, after.start)) ? after.norm : '';
        runs.push({ tokens: run, titled, initial: toks.indexOf(run[0]) === 0, next });
      }
      run = [];
      titled = false;
    };
    toks.forEach((t, k) => {
      const joined = k > 0 && run.length > 0 && /^[\s\-‐.]{0,2}$/.test(text.slice(toks[k - 1].possessiveEnd, t.start)) && !toks[k - 1].possessive;
      if (run.length && !joined) flush();
      if (covered(t) || /^\p{N}+$/u.test(t.norm)) return flush();
      const cap = isCapitalised(t.surface);
      const sentenceInitial = k === 0 || /[:“"‘(]\s*$/.test(text.slice(s.start, t.start));
      if (cap && sentenceInitial && lowerWords.has(t.norm)) {
        if (TITLES.has(t.norm)) titled = true;
        return flush();
      }
      if (cap) {
        if (run.length === 0 && k > 0 && TITLES.has(toks[k - 1].norm)) titled = true;
        run.push(t);
        if (t.possessive) flush();
      } else if (run.length && CONNECTORS.has(t.norm) && toks[k + 1] && isCapitalised(toks[k + 1].surface)) {
        run.push(t);
      } else flush();
    });
    flush();
  }

  interface Entry {
    name: string;
    count: number;
    first: number;
    titled: boolean;
    spoke: boolean;
    words: string[];
    /** Occurrences not at the start of a sentence, and those followed straight by a lower-case content word ("Western democracies"). */
    inner: number;
    adjectival: number;
  }
  const byKey = new Map<string, Entry>();
  for (const r of runs) {
    const words = r.tokens.map((t) => t.norm);
    if (words.every((w) => CALENDAR.has(w) || FUNCTION_WORDS.has(w)) || words.some((w) => CALENDAR.has(w))) continue;
    if (words.join('').length < 3) continue;
    const key = words.join(' ');
    const first = r.tokens[0];
    const last = r.tokens[r.tokens.length - 1];
    const entry = byKey.get(key) ?? { name: text.slice(first.start, last.end), count: 0, first: first.start, titled: false, spoke: false, words, inner: 0, adjectival: 0 };
    entry.count++;
    entry.titled ||= r.titled;
    entry.spoke ||= SPEECH.has(r.next);
    if (!r.initial) entry.inner++;
    if (r.next && !FUNCTION_WORDS.has(r.next) && !CONNECTORS.has(r.next) && !SPEECH.has(r.next) && lowerWords.has(r.next)) entry.adjectival++;
    byKey.set(key, entry);
  }
  // One word that only ever starts sentences ("Finally", "Despite") or is an adjective qualifying a noun ("Western democracies") is not a name.
  for (const [key, e] of byKey) {
    if (e.words.length === 1 && (e.inner === 0 || (ADJECTIVE_ENDING.test(key) && e.adjectival * 2 > e.count))) byKey.delete(key);
  }
  // A bare surname counts for the one longer name it ends ("Gorbachev" → "Mikhail Gorbachev").
  for (const [key, entry] of byKey) {
    if (entry.words.length !== 1) continue;
    const owners = [...byKey.values()].filter((e) => e.words.length > 1 && e.words.length <= 3 && e.words[e.words.length - 1] === key && !e.words.some((w) => ORG_WORDS.has(w) || STATE_WORDS.has(w) || CONNECTORS.has(w)));
    if (owners.length === 1) {
      owners[0].count += entry.count;
      owners[0].titled = true; // used by surname alone: a person
      byKey.delete(key);
    }
  }
  return [...byKey.values()]
    .filter((e) => e.count >= MIN_NEW_ACTOR_OCCURRENCES)
    .map((e) => ({ name: e.name, occurrences: e.count, guessedKind: guessKind(e), firstStart: e.first }))
    .sort((a, b) => b.occurrences - a.occurrences || a.firstStart - b.firstStart)
    .slice(0, MAX_NEW_ACTOR_PROPOSALS);
}

/** Institution words win; then state words; a person needs evidence (a title before the name, speech after it, or the surname used alone). */
function guessKind(e: { words: string[]; titled: boolean; spoke: boolean }): ActorKind {
  if (e.words.some((w) => ORG_WORDS.has(w))) return 'INSTITUTION';
  if (e.words.some((w) => STATE_WORDS.has(w))) return 'STATE';
  if ((e.titled || e.spoke) && e.words.length <= 4) return 'PERSON';
  if (e.words.length === 1 && /stan$/.test(e.words[0])) return 'STATE';
  return 'INSTITUTION';
}

/**
 * Finds where known actors are mentioned: by name and alias, token by token,
 * ignoring case and diacritics the way search does, so "Tokayev's",
 * "Tokayev’s", "TOKAYEV" and "Nazarbayev-era" all hit. Longest match wins.
 *
 * Guards against common words: an alias word written with a capital must be
 * capitalised in the text ("Congress" is not "congress"), and an acronym
 * alias must be upper case in the text ("US" is not "us").
 *
 * Beyond names and aliases:
 * - a bare surname ("Kortunov") matches a person when no other actor claims it;
 * - adjectives of nationality ("Russian", "Chinese") are marked `demonym`, for
 *   the few patterns that may use them ("Chinese leader Xi Jinping");
 * - he/she/his/her in a sentence that names no person before the pronoun
 *   stand for the first person named in the nearest of the two previous
 *   sentences of the same paragraph (`pronoun`).
 */
import type { Actor, ActorKind } from '../core/model';
import { demonymsOf } from './demonyms';
import type { Sentence } from './sentences';
import { isAcronym, isCapitalised, tokenize, type Token } from './tokens';

/** `implied`: not written in the text but implied by it, e.g. the country of "President Tokayev" or of "his country". */
export type MentionVia = 'name' | 'alias' | 'surname' | 'short' | 'demonym' | 'pronoun' | 'implied';

export interface Mention {
  actorId: string;
  kind: ActorKind;
  /** `text.slice(start, end)` is the words that matched (a possessive ’s excluded). */
  start: number;
  end: number;
  /** End including a possessive ’s when there is one. */
  possessiveEnd: number;
  possessive: boolean;
  surface: string;
  /** The name, alias, surname, adjective or pronoun that matched. */
  matched: string;
  via: MentionVia;
  sentence: number;
  /** Written as the first half of a hyphenated adjective ("US-trained", "Nazarbayev-era"): a modifier, not a participant. */
  compound?: boolean;
  /** An adjective of nationality that stands for the state ("the Kazakh economy", "the Russian side"). */
  asState?: boolean;
}

type CaseRule = 'upper' | 'cap' | 'any';

interface Entry {
  actorId: string;
  label: string;
  via: Exclude<MentionVia, 'pronoun' | 'implied'>;
  rules: CaseRule[];
  /** A shortened institution name ("the presidential administration"): any case, but only after "the". */
  article?: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
}

const RANK: Record<Entry['via'], number> = { name: 4, alias: 3, surname: 2, short: 2, demonym: 1 };
/** Only spaces, hyphens and dots may separate the words of one name ("Kassym-Jomart", "U.S.", "Mr. Tokayev"). */
const JOIN = /^[\s.\-‐‑]{0,3}$/u;
const PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her']);
const HOMELAND = new Set(['country', 'nation', 'homeland']);
/** Nouns after which an adjective of nationality means the state itself: "the Kazakh economy", "the Russian side". */
const STATE_NOUNS = new Set(['economy', 'market', 'markets', 'state', 'side', 'leadership', 'diplomacy', 'territory', 'sovereignty', 'budget', 'treasury']);

export interface ActorMatcher {
  actors: ReadonlyMap<string, Actor>;
  /** Institutions whose `country` is the given state. */
  institutionsOf(country: string): readonly Actor[];
  /** Mentions in each sentence, in text order; overlapping matches resolved longest-first. */
  find(text: string, sentences: Sentence[]): Mention[];
}

function caseRule(word: string, single: boolean): CaseRule {
  if (isAcronym(word) && (single || word.length > 1)) return 'upper';
  return isCapitalised(word) ? 'cap' : 'any';
}

function casePasses(rule: CaseRule, surface: string): boolean {
  if (rule === 'any') return true;
  if (rule === 'upper') return !/\p{Ll}/u.test(surface);
  return isCapitalised(surface);
}

/** Builds the alias index once per actor list; reuse it for many texts. */
export function buildActorMatcher(actorList: readonly Actor[]): ActorMatcher {
  const root: TrieNode = { next: new Map(), entries: [] };
  const actors = new Map(actorList.map((a) => [a.id, a]));
  const explicit = new Map<string, Set<string>>(); // one-word normalised alias → actors claiming it

  const add = (actorId: string, label: string, via: Entry['via'], article = false) => {
    const toks = tokenize(label);
    if (toks.length === 0 || toks.map((t) => t.fullNorm).join('').length < 2) return;
    let node = root;
    for (const t of toks) {
      let child = node.next.get(t.fullNorm);
      if (!child) node.next.set(t.fullNorm, (child = { next: new Map(), entries: [] }));
      node = child;
    }
    if (node.entries.some((e) => e.actorId === actorId && RANK[e.via] >= RANK[via])) return;
    node.entries.push({ actorId, label, via, rules: toks.map((t) => caseRule(t.surface, toks.length === 1)), ...(article ? { article } : {}) });
  };

  for (const a of actorList) {
    add(a.id, a.name, 'name');
    for (const alias of a.aliases) add(a.id, alias, 'alias');
    for (const label of [a.name, ...a.aliases]) {
      const toks = tokenize(label);
      if (toks.length === 1) (explicit.get(toks[0].fullNorm) ?? explicit.set(toks[0].fullNorm, new Set()).get(toks[0].fullNorm)!).add(a.id);
    }
  }

  // Bare surnames: the last word of a person's multi-word name, when only one actor could own it.
  const surnames = new Map<string, { actorIds: Set<string>; label: string }>();
  for (const a of actorList) {
    if (a.kind !== 'PERSON') continue;
    for (const label of [a.name, ...a.aliases]) {
      const toks = tokenize(label);
      if (toks.length < 2) continue;
      const last = toks[toks.length - 1];
      if (last.fullNorm.length < 3 || !isCapitalised(last.surface)) continue;
      const s = surnames.get(last.fullNorm) ?? { actorIds: new Set<string>(), label: last.surface };
      s.actorIds.add(a.id);
      surnames.set(last.fullNorm, s);
    }
  }
  for (const [norm, s] of surnames) {
    const [only] = s.actorIds;
    const claimed = explicit.get(norm);
    if (s.actorIds.size === 1 && (!claimed || (claimed.size === 1 && claimed.has(only)))) add(only, s.label, 'surname');
  }

  // Adjectives of nationality for states, unless the word already names an actor.
  for (const a of actorList) {
    if (a.kind !== 'STATE') continue;
    const seen = new Set<string>();
    for (const label of [a.name, ...a.aliases]) {
      const norm = tokenize(label).map((t) => t.fullNorm).join(' ');
      for (const adj of demonymsOf(norm)) {
        const key = adj.toLowerCase();
        if (seen.has(key) || explicit.has(key)) continue;
        seen.add(key);
        add(a.id, adj, 'demonym');
      }
    }
  }

  // Short names: "Presidential Administration of Kazakhstan" is "the presidential administration" in a text about Kazakhstan.
  const stateNames = new Set<string>();
  for (const a of actorList) if (a.kind === 'STATE') for (const label of [a.name, ...a.aliases]) stateNames.add(tokenize(label).map((t) => t.fullNorm).join(' '));
  for (const a of actorList) {
    if (a.kind !== 'INSTITUTION') continue;
    for (const label of [a.name, ...a.aliases]) {
      const m = /^(.+?)\s+of\s+(?:the\s+)?(.+)$/u.exec(label);
      if (!m || !stateNames.has(tokenize(m[2]).map((t) => t.fullNorm).join(' '))) continue;
      if (tokenize(m[1]).length >= 2) add(a.id, m[1], 'short', true);
    }
  }

  const institutions = new Map<string, Actor[]>();
  for (const a of actorList) if (a.kind === 'INSTITUTION' && a.country) (institutions.get(a.country) ?? institutions.set(a.country, []).get(a.country)!).push(a);

  return {
    actors,
    institutionsOf: (country) => institutions.get(country) ?? [],
    find(text, sentences) {
      const out: Mention[] = [];
      for (const s of sentences) out.push(...matchSentence(root, actors, text, s));
      resolvePronouns(text, sentences, out, actors);
      return out.sort((x, y) => x.start - y.start || x.end - y.end);
    },
  };
}

function matchSentence(root: TrieNode, actors: ReadonlyMap<string, Actor>, text: string, s: Sentence): Mention[] {
  const toks = tokenize(text, s.start, s.end);
  const out: Mention[] = [];
  const mention = (entry: Entry, from: number, last: number, usedFullNorm: boolean, startAt = toks[from].start): Mention => {
    const t = toks[last];
    const end = usedFullNorm ? t.possessiveEnd : t.end;
    const possessive = t.possessive && !usedFullNorm;
    const m: Mention = {
      actorId: entry.actorId,
      kind: actors.get(entry.actorId)!.kind,
      start: startAt,
      end,
      possessiveEnd: t.possessiveEnd,
      possessive,
      surface: text.slice(startAt, end),
      matched: entry.label,
      via: entry.via,
      sentence: s.index,
    };
    if (!possessive && /^[-‐‑]\p{L}/u.test(text.slice(end, end + 2))) m.compound = true;
    if (entry.via === 'demonym' && STATE_NOUNS.has(toks[last + 1]?.norm ?? '') && /^\s+$/.test(text.slice(end, toks[last + 1].start))) m.asState = true;
    return m;
  };
  let i = 0;
  while (i < toks.length) {
    const hit = longestAt(root, actors, text, toks, i);
    if (!hit) {
      i++;
      continue;
    }
    if (hit.statePrefix) {
      // "Chinese President Xi", "Kazakh President Kassym-Jomart Tokayev": the state is named too.
      out.push(mention(hit.statePrefix.entry, i, hit.statePrefix.last, false));
      out.push(mention(hit.entry, i, hit.last, hit.usedFullNorm, toks[hit.statePrefix.last + 1].start));
    } else out.push(mention(hit.entry, i, hit.last, hit.usedFullNorm));
    i = hit.last + 1;
  }
  return out;
}

interface Hit {
  entry: Entry;
  last: number;
  usedFullNorm: boolean;
  /** A state named at the start of a person's alias ("Chinese" in "Chinese President Xi"). */
  statePrefix?: { entry: Entry; last: number };
}

/** The longest alias starting at token i whose case rules the text satisfies; null when none or ambiguous. */
function longestAt(root: TrieNode, actors: ReadonlyMap<string, Actor>, text: string, toks: Token[], i: number): Hit | null {
  const candidates: { node: TrieNode; last: number; usedFullNorm: boolean }[] = [];
  // Walk both spellings of a possessive word: "People’s Republic" continues on `peoples`, "Tokayev’s" ends on `tokayev`.
  const walk = (node: TrieNode, j: number, prevEnd: number) => {
    const t = toks[j];
    if (j > i && !JOIN.test(text.slice(prevEnd, t.start))) return;
    const plain = node.next.get(t.norm);
    if (plain) {
      if (plain.entries.length) candidates.push({ node: plain, last: j, usedFullNorm: false });
      if (!t.possessive && j + 1 < toks.length) walk(plain, j + 1, t.end);
    }
    if (t.possessive) {
      const full = node.next.get(t.fullNorm);
      if (full) {
        if (full.entries.length) candidates.push({ node: full, last: j, usedFullNorm: true });
        if (j + 1 < toks.length) walk(full, j + 1, t.possessiveEnd);
      }
    }
  };
  walk(root, i, toks[i].start);
  candidates.sort((a, b) => b.last - a.last);
  const afterThe = i > 0 && toks[i - 1].norm === 'the' && /^\s+$/.test(text.slice(toks[i - 1].end, toks[i].start));
  const pick = (c: (typeof candidates)[number]): Entry | null | undefined => {
    const valid = c.node.entries.filter((e) => (e.article && afterThe) || e.rules.every((r, k) => casePasses(r, toks[i + k].surface)));
    if (!valid.length) return undefined;
    const best = Math.max(...valid.map((e) => RANK[e.via]));
    const top = valid.filter((e) => RANK[e.via] === best);
    if (new Set(top.map((e) => e.actorId)).size > 1) return null; // ambiguous: two actors share this alias
    return top[0];
  };
  for (const c of candidates) {
    const entry = pick(c);
    if (entry === undefined) continue;
    if (entry === null) return null;
    const hit: Hit = { entry, last: c.last, usedFullNorm: c.usedFullNorm };
    if (actors.get(entry.actorId)?.kind === 'PERSON') {
      for (const shorter of candidates) {
        if (shorter.last >= c.last || shorter.usedFullNorm) continue;
        const prefix = pick(shorter);
        if (prefix && actors.get(prefix.actorId)?.kind === 'STATE') {
          hit.statePrefix = { entry: prefix, last: shorter.last };
          break;
        }
      }
    }
    return hit;
  }
  return null;
}

/**
 * he/she/his/her stand for a person named earlier: in the same clause when
 * exactly one person is named there before the pronoun, otherwise (when the
 * sentence names no person before it) the first person of the nearest of the
 * two previous sentences in the paragraph. "his country" / "her nation"
 * stand for that person's country.
 */
function resolvePronouns(text: string, sentences: Sentence[], mentions: Mention[], actors: ReadonlyMap<string, Actor>): void {
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) (bySentence.get(m.sentence) ?? bySentence.set(m.sentence, []).get(m.sentence)!).push(m);
  const firstPerson = (idx: number) => bySentence.get(idx)?.find((m) => m.kind === 'PERSON');
  for (const s of sentences) {
    const own = bySentence.get(s.index) ?? [];
    let previous: Mention | undefined;
    for (let back = 1; back <= 2 && !previous; back++) {
      const prev = sentences[s.index - back];
      if (!prev || prev.paragraph !== s.paragraph) break;
      previous = firstPerson(prev.index);
    }
    const toks = tokenize(text, s.start, s.end);
    toks.forEach((t, k) => {
      if (!PRONOUNS.has(t.norm)) return;
      const before = own.filter((m) => m.kind === 'PERSON' && m.end <= t.start);
      let antecedent: Mention | undefined;
      if (!before.length) antecedent = previous;
      else {
        const semicolon = text.slice(s.start, t.start).lastIndexOf(';');
        const clauseStart = semicolon < 0 ? s.start - 1 : s.start + semicolon;
        const inClause = new Set(before.filter((m) => m.start > clauseStart && !m.possessive).map((m) => m.actorId));
        if (inClause.size === 1) antecedent = before.filter((m) => m.start > clauseStart && !m.possessive).pop();
      }
      if (!antecedent) return;
      const next = toks[k + 1];
      if (POSSESSIVE_PRONOUNS.has(t.norm) && next && HOMELAND.has(next.norm) && /^\s+$/.test(text.slice(t.end, next.start))) {
        const country = actors.get(antecedent.actorId)?.country;
        const state = country ? actors.get(country) : undefined;
        if (state) {
          mentions.push({
            actorId: state.id, kind: state.kind, start: t.start, end: next.end, possessiveEnd: next.possessiveEnd, possessive: next.possessive,
            surface: text.slice(t.start, next.end), matched: state.name, via: 'pronoun', sentence: s.index,
          });
        }
        return;
      }
      // Inside a sentence only possessives add anything (the possessor of a cue noun); across sentences every pronoun does.
      if (before.length && !POSSESSIVE_PRONOUNS.has(t.norm)) return;
      mentions.push({
        actorId: antecedent.actorId,
        kind: actors.get(antecedent.actorId)!.kind,
        start: t.start,
        end: t.end,
        possessiveEnd: t.end,
        possessive: POSSESSIVE_PRONOUNS.has(t.norm),
        surface: t.surface,
        matched: antecedent.matched,
        via: 'pronoun',
        sentence: s.index,
      });
    });
  }
}

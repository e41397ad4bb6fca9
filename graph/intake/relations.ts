/**
 * Relationship candidates in one sentence: each cue from the cue table picks
 * the actors its words relate (see the forms in cues.ts), the direction comes
 * from word order, voice, prepositions and possessives, and the type's kind
 * rules (RELATIONSHIP_TYPE_INFO) have the last word: a candidate that breaks
 * them is dropped, or retyped when the cue names a fallback type, or (only
 * when the direction was a guess) flipped.
 *
 * A few rules use what the actor records say (`country`, `category`, names),
 * never what the dataset's relationships say:
 * - a national title next to a person ("President Tokayev", "the state
 *   secretary, Erlan Karin") implies the person's country as the place;
 * - a post described by country ("the prosecutor of Kazakhstan", "left her
 *   seat as a senator") goes to that country's one institution named like the
 *   post ("Prosecutor General’s Office of Kazakhstan", "Senate of Kazakhstan");
 * - an alliance between a person (or a government body) and a foreign state is
 *   proposed between its country and that state ("Tokayev visited Qatar");
 * - forces called in by a person intervene in the person's country;
 * - a prosecution with no prosecutor named ("X was detained") is proposed with
 *   the person's own state as the prosecuting authority;
 * - nobody allies with, supports, opposes or invades their own state.
 * These carry less confidence than what a sentence says outright, and each
 * proposal names the rule that made it (`basis`).
 */
import type { Actor, RelationshipType, RelationshipTypeInfo } from '../core/model';
import { CUE_PATTERNS, type CueRule, type Role } from './cues';
import type { ActorMatcher, Mention } from './mentions';
import { tokenize } from './tokens';

export interface CueHit {
  rule: CueRule;
  start: number;
  end: number;
  text: string;
}

export interface Candidate {
  type: RelationshipType;
  source: Mention;
  target: Mention;
  cue: CueHit;
  confidence: number;
  role?: string;
  /** Which rule produced it, for reviewers and tuning: e.g. `verb`, `noun:possessor+complement`, `title:implied-country`. */
  basis: string;
}

type TypeInfo = Record<RelationshipType, RelationshipTypeInfo>;
type Span = { start: number; end: number };

/** How far (characters) a cue reaches for its actors. */
const REACH = 150;
const NO_BREAK = /^[^;]*$/;
/** Words that make the next actor an object of a preposition, not a subject. */
const PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:of|to|with|by|from|for|in|into|on|at|against|towards?|between|among|amongst|under|over|via|than|like|about|within|without|despite|amid|during)\s+(?:the\s+|a\s+|an\s+)?$/iu;
/** A verb (past tense or -ing) right before the actor: the actor is its object ("advised Tokayev"). */
const VERB_BEFORE = /(?:^|[^\p{L}])[\p{L}]{3,}(?:ed|ing)\s+$/iu;
/** Posts that belong to a state itself, so "President Tokayev" or "the state secretary, Erlan Karin" implies the person's country. */
const NATIONAL_TITLES = /^(?:(?:vice[- ])?president|prime\s+minister|premier|chancellor|king|queen|emir|sultan|leader|ruler|state\s+secretary|secretary\s+of\s+state)$/i;
/** Words that qualify a post without naming it ("deputy head", "first deputy minister"). */
const POST_MODIFIERS = new Set(['deputy', 'first', 'former', 'acting', 'vice', 'senior', 'chief']);
const OWN_STATE_EXCLUDED = new Set<RelationshipType>(['ALLIED_WITH', 'SUPPORTED', 'OPPOSED', 'INTERVENED_IN']);
/** Institutions that act for their state abroad: their alliances are their country's. */
const ACTS_FOR_STATE = new Set(['government body', 'head of state office']);
const VIA_FACTOR: Record<Mention['via'], number> = { name: 1, alias: 1, surname: 0.95, short: 0.95, demonym: 0.9, pronoun: 0.8, implied: 0.75 };

/**
 * The text with Markdown link syntax blanked out, same length, so cues and
 * gaps read "[criticized](#) this" as "criticized this" while offsets still
 * point into the original.
 */
export function readableView(text: string): string {
  return text.replace(/\]\([^()\s]*\)|\[(?=[^\]\n]{1,200}\]\()/g, (m) => ' '.repeat(m.length));
}

export function cueHits(view: string, from: number, to: number, mentions: Mention[]): CueHit[] {
  const slice = view.slice(from, to);
  const hits: CueHit[] = [];
  for (const { rule, pattern } of CUE_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
      const start = from + m.index;
      const end = start + m[0].length;
      // Words inside a name are not cues ("European Council on Foreign Relations"), except a title inside a person's alias ("President Tokayev").
      const inside = mentions.find((x) => x.via !== 'implied' && x.start < end && start < x.end);
      if (inside && !(rule.form === 'title' && inside.kind === 'PERSON')) continue;
      hits.push({ rule, start, end, text: m[0] });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function distance(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

/** Confidence falls from 1 next to the cue to 0.5 at the edge of its reach. */
function proximity(...d: number[]): number {
  const far = Math.max(0, ...d);
  return 1 - 0.5 * Math.min(1, far / REACH);
}

export class SentenceRelations {
  readonly out: Candidate[] = [];
  /** Actors that can take part: written names, aliases and pronouns, not adjectives or hyphenated modifiers. */
  private readonly named: Mention[];
  private readonly actors: ReadonlyMap<string, Actor>;

  constructor(
    private readonly view: string,
    private readonly sentence: Span,
    private readonly mentions: Mention[],
    private readonly matcher: ActorMatcher,
    private readonly typeInfo: TypeInfo,
  ) {
    this.named = mentions.filter((m) => (m.via !== 'demonym' || m.asState) && !m.compound);
    this.actors = matcher.actors;
  }

  /** Applies every cue found in the sentence; then the two-actor fallback. */
  run(found: CueHit[]): Candidate[] {
    const hits = found.map((h) => this.unlessNegated(h)).filter((h): h is CueHit => h !== null);
    for (const hit of hits) {
      if (hit.rule.form === 'verb') this.verb(hit);
      else if (hit.rule.form === 'noun') this.noun(hit);
      else if (hit.rule.form === 'title') this.title(hit);
      else if (hit.rule.form === 'kin') this.kin(hit);
      else this.led(hit);
    }
    this.possessiveParty();
    this.fallback(hits);
    return this.out;
  }

  /** "Nazarbayev’s Nur Otan": a person's party (a pattern, not a cue word). */
  private possessiveParty(): void {
    for (const person of this.named) {
      if (person.kind !== 'PERSON' || !person.possessive || person.via === 'pronoun') continue;
      const party = this.named.find((m) => m.start >= person.possessiveEnd && /^\s+$/.test(this.view.slice(person.possessiveEnd, m.start)));
      if (!party || this.actors.get(party.actorId)?.category !== 'political party') continue;
      const cue: CueHit = { rule: { type: 'MEMBER_OF', form: 'title', words: '’s', weight: 0.6 }, start: person.end, end: person.possessiveEnd, text: this.view.slice(person.end, person.possessiveEnd) };
      this.add('MEMBER_OF', person, party, cue, cue.rule.weight, 'possessive:party', { directed: true });
    }
  }

  /** "would not assist Russia": negated support is opposition; any other negated cue says nothing. */
  private unlessNegated(hit: CueHit): CueHit | null {
    const before = this.view.slice(Math.max(this.sentence.start, hit.start - 40), hit.start);
    if (!/(?:(?:^|[^\p{L}])(?:not|never|no longer)|n[’']t|(?:^|[^\p{L}])(?:refused|refuses|refusing|declined|declines|declining) to)\s+(?:[\p{L}]+\s+){0,2}$/iu.test(before)) return hit;
    if (hit.rule.type !== 'SUPPORTED') return null;
    return { ...hit, rule: { ...hit.rule, type: 'OPPOSED', otherwise: undefined, weight: 0.9 * hit.rule.weight } };
  }

  // --- finding actors around a cue -------------------------------------------------

  private before(m: Span): string {
    return this.view.slice(Math.max(this.sentence.start, m.start - 30), m.start);
  }

  /** An actor that reads as a subject: not the object of a preposition or of a verb. */
  private subjectLike(m: Mention): boolean {
    const b = this.before(m);
    return !PREPOSITION_BEFORE.test(b) && !VERB_BEFORE.test(b);
  }

  /**
   * The subject for a cue: the nearest actor before it that reads as a subject, else the agent of
   * a participle before it ("Reforms introduced by Tokayev are annulling …").
   */
  private subjectOf(lefts: Mention[], except?: string): Mention | undefined {
    const pool = lefts.filter((m) => m.actorId !== except);
    return pool.find((m) => this.subjectLike(m)) ?? pool.find((m) => /(?:^|[^\p{L}])by\s+(?:the\s+)?$/iu.test(this.before(m)));
  }

  private left(at: Span, pool = this.named, reach = REACH): Mention[] {
    return pool
      .filter((m) => m.possessiveEnd <= at.start && at.start - m.possessiveEnd <= reach && NO_BREAK.test(this.view.slice(m.possessiveEnd, at.start)))
      .sort((a, b) => b.start - a.start);
  }

  private right(at: Span, pool = this.named, reach = REACH): Mention[] {
    return pool
      .filter((m) => m.start >= at.end && m.start - at.end <= reach && NO_BREAK.test(this.view.slice(at.end, m.start)))
      .sort((a, b) => a.start - b.start);
  }

  /** The mention plus those listed with it ("Russia, Armenia, Belarus and Tajikistan"); a comma alone is not a list without an "and". */
  private group(first: Mention): Mention[] {
    const sep = /^(?:\s+(?:in|on|since|from)\s+[^,;]{1,25}?)?\s*(,|and|or|&|, and|, or|as well as)\s*(?:the\s+)?$/i;
    const chain = (dir: 1 | -1) => {
      const items: Mention[] = [];
      let conjunction = false;
      let cur = first;
      for (;;) {
        const next =
          dir > 0
            ? this.named.find((m) => m.start >= cur.possessiveEnd && sep.test(this.view.slice(cur.possessiveEnd, m.start)))
            : this.named.find((m) => m.possessiveEnd <= cur.start && sep.test(this.view.slice(m.possessiveEnd, cur.start)));
        if (!next || next.kind !== first.kind || next.actorId === first.actorId || items.includes(next)) break;
        const s = sep.exec(dir > 0 ? this.view.slice(cur.possessiveEnd, next.start) : this.view.slice(next.possessiveEnd, cur.start))!;
        if (s[1] !== ',') conjunction = true;
        items.push(next);
        cur = next;
      }
      return conjunction ? items : [];
    };
    return [first, ...chain(1), ...chain(-1)];
  }

  // --- forms ------------------------------------------------------------------------

  private verb(hit: CueHit): void {
    const { rule } = hit;
    const before = this.view.slice(Math.max(this.sentence.start, hit.start - 40), hit.start);
    const passive = /(?:^|[^\p{L}])(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:[\p{L}]+ly\s+)?$/iu.test(before);
    const lefts = this.left(hit);
    const rights = this.right(hit);
    const agent = rights.find((m) => m.start - hit.end <= 80 && /(?:^|[^\p{L}])by\s+(?:the\s+)?$/iu.test(this.view.slice(hit.end, m.start)));
    if (agent) {
      const patient = lefts.find((m) => m.actorId !== agent.actorId);
      if (patient) this.add(rule.type, agent, patient, hit, rule.weight * proximity(distance(agent, hit), distance(patient, hit)), 'verb:by-agent', { directed: true });
      return;
    }
    if (passive) {
      const patient = lefts.find((m) => this.subjectLike(m));
      if (!patient) return;
      const other = rights[0];
      // "Y was appointed minister of X": no agent, but Y holds a post at X.
      if (other && rule.otherwise === 'HOLDS_POSITION') this.add(rule.otherwise, patient, other, hit, 0.7 * rule.weight * proximity(distance(other, hit)), 'verb:passive', { role: this.roleAfter(hit) });
      // "X was detained": the prosecuting authority is the person's own state unless the sentence names one.
      if (rule.type === 'PROSECUTED' && patient.kind === 'PERSON') {
        const state = this.impliedCountry(patient, hit);
        if (state) this.add(rule.type, state, patient, hit, 0.55 * rule.weight, 'verb:passive-implied-state', { directed: true });
      }
      return;
    }
    const subject = this.subjectOf(lefts);
    // The object follows the verb closely: a handful of words, no comma …
    let object = rights.find((m) => /^[^,;:]*$/.test(this.view.slice(hit.end, m.start)) && this.view.slice(hit.end, m.start).trim().split(/\s+/).filter(Boolean).length <= 6);
    // … or heads a relative clause before the subject: "an alliance to which Kazakhstan belongs".
    if (!object && subject && /(?:^|[^\p{L}])(?:to|of|in) which\s+$/iu.test(this.before(subject))) {
      object = this.left(subject, this.named, 80).find((m) => m.actorId !== subject.actorId);
    }
    if (!subject || !object) return;
    const conf = rule.weight * proximity(distance(subject, hit), distance(object, hit));
    const role = this.roleAfter(object);
    for (const s of this.group(subject)) {
      for (const o of this.group(object)) {
        if (rule.subjectIsTarget) this.add(rule.type, o, s, hit, conf, 'verb', { role, directed: true });
        else this.add(rule.type, s, o, hit, conf, 'verb', { role, directed: true });
      }
    }
  }

  private noun(hit: CueHit): void {
    const { rule } = hit;
    const possessorRole: Role = rule.possessor ?? 'source';
    // The possessor: "Russia’s invasion", "his shares", or the word just before the noun ("a U.S. partner", "Russian troops").
    const possessor = this.left(hit, this.mentions.filter((m) => m.via !== 'implied'), 40).find((m) => {
      const between = this.view.slice(m.possessiveEnd, hit.start);
      if (m.possessive) return /^[\s\p{L}\p{N}-]*$/u.test(between);
      return /^\.?[\s-]{1,3}$/u.test(between);
    });
    let complement: Mention | undefined;
    let complementRole: Role = rule.complement ?? 'target';
    let between = false;
    for (const m of this.right(hit, this.named, 60)) {
      const g = this.view.slice(hit.end, m.start);
      const prep = /^\s+(?:[\p{L}-]+\s+)?(of|to|for|in|into|on|with|within|at|against|from|by|between|towards?)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}$/iu.exec(g);
      if (prep && !/(?:^|\s)(?:which|who|whom|whose|that)\s/i.test(g)) {
        complement = m;
        if (/^(?:from|by)$/i.test(prep[1])) complementRole = 'source';
        between = /^between$/i.test(prep[1]);
        break;
      }
    }
    const sym = this.typeInfo[rule.type].symmetric;
    const emit = (a: Mention, aRole: Role, b: Mention, conf: number, basis: string) => {
      if (aRole === 'source') this.add(rule.type, a, b, hit, conf, basis, { directed: !sym });
      else this.add(rule.type, b, a, hit, conf, basis, { directed: !sym });
    };
    // "ties between Russia and Kazakhstan", "disputes between Tajikistan and Uzbekistan or between …": each named pair.
    if (between) {
      const pairs = this.betweenPairs(hit);
      for (const [a, b] of pairs) this.add(rule.type, a, b, hit, rule.weight * proximity(distance(b, hit)), 'noun:between', { directed: !sym });
      if (pairs.length) return;
    }
    // "U.S.-Kazakhstan relations", "the EU-Kazakhstan dialogue": the hyphenated pair.
    if (possessor && !possessor.possessive) {
      const first = this.mentions.find((m) => m.compound && m.actorId !== possessor.actorId && /^\.?[-‐‑]$/.test(this.view.slice(m.end, possessor.start)));
      if (first) {
        this.add(rule.type, first, possessor, hit, rule.weight, 'noun:pair', { directed: false });
        return;
      }
    }
    if (possessor && complement) {
      if (!sym && possessorRole === complementRole) return; // "Russian troops from Belarus": both would be the source
      for (const c of this.group(complement)) emit(possessor, possessorRole, c, rule.weight * proximity(distance(possessor, hit), distance(c, hit)), 'noun:possessor+complement');
      return;
    }
    const subject = this.subjectOf(this.left(possessor ?? hit), possessor?.actorId);
    if (possessor) {
      const other = subject ?? this.right(hit, this.named, 60)[0];
      if (other) emit(possessor, possessorRole, other, 0.85 * rule.weight * proximity(distance(other, hit)), 'noun:possessor');
      return;
    }
    if (complement) {
      if (subject) for (const c of this.group(complement)) emit(c, complementRole, subject, 0.9 * rule.weight * proximity(distance(subject, hit), distance(c, hit)), 'noun:complement');
      return;
    }
    if (sym) {
      const l = this.left(hit, this.named, 80)[0];
      const r = this.right(hit, this.named, 80).find((m) => /(?:^|[^\p{L}])(?:with|and|between)\s+(?:the\s+)?$/iu.test(this.view.slice(hit.end, m.start)));
      if (l && r) this.add(rule.type, l, r, hit, 0.7 * rule.weight * proximity(distance(l, hit), distance(r, hit)), 'noun:around');
    }
  }

  /** Pairs written "between A and B" after the cue (several when repeated: "between A and B or between A and C"). */
  private betweenPairs(hit: CueHit): [Mention, Mention][] {
    const pairs: [Mention, Mention][] = [];
    const tail = this.view.slice(hit.end, Math.min(this.sentence.end, hit.end + 160));
    for (const m of tail.matchAll(/(?:^|[^\p{L}])between\s+/giu)) {
      const at = hit.end + m.index + m[0].length;
      const a = this.named.find((x) => x.start >= at && /^(?:the\s+)?$/i.test(this.view.slice(at, x.start)));
      const b = a && this.named.find((x) => x.start >= a.possessiveEnd && /^\s+and\s+(?:the\s+)?$/i.test(this.view.slice(a.possessiveEnd, x.start)));
      if (a && b && a.actorId !== b.actorId) pairs.push([a, b]);
    }
    return pairs;
  }

  /** A post next to an institution or state, and the person who holds it. */
  private title(hit: CueHit): void {
    const isMember = hit.rule.type === 'MEMBER_OF';
    const places = this.mentions.filter((m) => m.kind !== 'PERSON' && m.via !== 'implied' && !(m.compound && m.via !== 'demonym'));
    const afterTitle = [
      // "president of the European Council", "director of the Wider Europe programme on the European Council …", "headed the …"
      /^\s+(?:(?:of|at|in|on|for|within|to|from)\s+)?(?:the\s+)?(?:[^,;:()–—.]{0,40}?\s(?:of|at|in|on|for|within)\s+(?:the\s+)?)?$/iu,
      // "president of the nation’s main business lobby, the Atameken Union"
      /^\s+of\s+(?:the\s+)?[^,;:()–—.]{0,60},\s+(?:the\s+)?$/iu,
      // "a diplomat, including within the UN framework"
      /^,\s+(?:[\p{L}-]+\s+){0,2}(?:of|at|in|on|for|within|with)\s+(?:the\s+)?$/iu,
    ];
    const beforeTitle = /^(?:\s+[\p{L}-]+){0,2}\s+$/u;
    const clear = (a: number, b: number) => !this.mentions.some((m) => m.via !== 'implied' && m.end > a && m.start < b);
    let place = places.find(
      (m) => m.via !== 'demonym' && m.start >= hit.end && m.start - hit.end <= 60 && afterTitle.some((re) => re.test(this.view.slice(hit.end, m.start))) && clear(hit.end, m.start),
    );
    let adjacency = place ? place.start - hit.end : 0;
    if (!place) {
      place = places
        .filter((m) => m.possessiveEnd <= hit.start && (m.possessive || m.via === 'demonym' || hit.start - m.possessiveEnd <= 2) && beforeTitle.test(this.view.slice(m.possessiveEnd, hit.start)))
        .sort((a, b) => b.start - a.start)[0];
      adjacency = place ? hit.start - place.possessiveEnd : 0;
    }
    if (place && isMember && place.kind !== 'INSTITUTION') return;
    // Holders: people (any actor for membership); not "his" in "his first deputy", which names someone else's post.
    const holders = this.named.filter((m) => (isMember || m.kind === 'PERSON') && m.actorId !== place?.actorId && !(m.via === 'pronoun' && m.possessive));
    const span = place ? { start: Math.min(hit.start, place.start), end: Math.max(hit.end, place.possessiveEnd) } : hit;
    // The holder: inside the title's own span ("President Tokayev"), in apposition next to post and place, or before the post — not an object of another verb.
    const holder = holders
      .map((m) => ({ m, d: m.start < span.end && span.start < m.end ? 0 : distance(m, span) }))
      .filter(({ m, d }) => d <= 110 && NO_BREAK.test(this.view.slice(Math.min(m.end, span.end), Math.max(m.start, span.start))) && (d === 0 || this.subjectLike(m) || m.start >= span.end))
      // A member is named before "member of …" ("X is a member of Y", "X, a member of Y"), not after it.
      .filter(({ m }) => !isMember || m.end <= hit.start)
      .sort((a, b) => a.d - b.d)[0];
    if (!holder) return;
    const role = isMember ? undefined : hit.text.toLowerCase();
    if (!place) {
      if (isMember) return;
      const state = this.impliedCountry(holder.m, hit);
      if (!state) return;
      if (NATIONAL_TITLES.test(hit.text)) {
        // "President Tokayev", "former President Nursultan Nazarbayev", "the state secretary, Erlan Karin": the person's country.
        const apposition = /^\s*,?\s*(?:(?:the|former|then|late)\s+)*$/i;
        const adjacent = holder.d === 0 || apposition.test(holder.m.start >= hit.end ? this.view.slice(hit.end, holder.m.start) : this.view.slice(holder.m.possessiveEnd, hit.start));
        if (adjacent) this.add(hit.rule.type, holder.m, state, hit, 0.8 * hit.rule.weight, 'title:implied-country', { role });
        return;
      }
      // "… left her seat as a senator": the one institution of the person's country named after the post.
      const institution = holder.d <= 60 ? this.institutionNamedLike(state.actorId, hit.text, state) : undefined;
      if (institution) this.add(hit.rule.type, holder.m, institution, hit, 0.7 * hit.rule.weight * proximity(holder.d), 'title:institution-of-country', { role });
      return;
    }
    const refined = isMember || NATIONAL_TITLES.test(hit.text) ? undefined : this.institutionFor(place, hit, holder.m);
    if (refined) this.add(hit.rule.type, holder.m, refined, hit, 0.9 * hit.rule.weight * proximity(holder.d), 'title:institution-of-state', { role });
    else this.add(hit.rule.type, holder.m, place, hit, hit.rule.weight * proximity(holder.d, adjacency), 'title', { role });
  }

  /**
   * A post described by country ("head of Kazakhstan’s intelligence agency (the KNB)", "Kazakhstan’s minister of labour")
   * belongs to that country's institution: one named between the post and its holder, or one whose name starts with
   * the post's head word and shares another word with it.
   */
  private institutionFor(place: Mention, hit: CueHit, holder: Mention): Mention | undefined {
    if (place.kind !== 'STATE') return undefined;
    const lo = Math.min(hit.start, place.start);
    const hi = Math.max(hit.end, place.end, holder.start);
    const named = this.named.find((m) => m.kind === 'INSTITUTION' && m.start >= lo && m.end <= hi && this.actors.get(m.actorId)?.country === place.actorId);
    if (named) return named;
    const phrase = this.view.slice(hit.start, Math.max(hit.end, Math.min(holder.start > hit.end ? holder.start : hit.end + 60, hit.end + 60))).split(/[,;(]/)[0];
    return this.institutionNamedLike(place.actorId, phrase, place);
  }

  /**
   * The one institution of `country` whose name starts like the post ("senator" → Senate, "prosecutor" → Prosecutor
   * General’s Office, "minister of labour" → Ministry of Labour …): the head words share a stem, and unless they are
   * the same word another word of the post is in the name too.
   */
  private institutionNamedLike(country: string, post: string, at: Mention): Mention | undefined {
    const words = tokenize(post).map((t) => t.norm).filter((w) => w.length > 3 && !POST_MODIFIERS.has(w));
    if (!words.length) return undefined;
    const stem = (w: string) => w.slice(0, 5);
    const matches = this.matcher.institutionsOf(country).filter((a) => {
      const name = tokenize(a.name).map((t) => t.norm).filter((w) => w.length > 3);
      if (!name.length || stem(name[0]) !== stem(words[0])) return false;
      return name[0] === words[0] || words.length === 1 || words.slice(1).some((w) => name.includes(w));
    });
    if (matches.length !== 1) return undefined;
    return { ...at, actorId: matches[0].id, kind: 'INSTITUTION', via: 'implied', matched: matches[0].name, possessive: false, compound: false };
  }

  private kin(hit: CueHit): void {
    const persons = this.mentions.filter((m) => m.kind === 'PERSON' && !m.compound);
    const role = hit.text.toLowerCase();
    // The relative named by possession: "Nazarbayev’s nephew", "nephew of Nazarbayev", "his nephew".
    const owner =
      persons.find((m) => m.possessive && m.possessiveEnd <= hit.start && hit.start - m.possessiveEnd <= 30 && /^[\s\p{L}-]*$/u.test(this.view.slice(m.possessiveEnd, hit.start))) ??
      persons.find((m) => m.start >= hit.end && /^\s+of\s+(?:the\s+)?$/iu.test(this.view.slice(hit.end, m.start)));
    if (owner) {
      // The other person, in apposition: "nephew, Samat Abish", "Samat Abish, Nazarbayev’s nephew".
      const other =
        persons.find((m) => m.actorId !== owner.actorId && m.start >= hit.end && /^\s*,?\s*$/.test(this.view.slice(hit.end, m.start))) ??
        persons.find((m) => m.actorId !== owner.actorId && m.possessiveEnd <= Math.min(owner.start, hit.start) && /^\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}$/iu.test(this.view.slice(m.possessiveEnd, Math.min(owner.start, hit.start))));
      if (other) {
        this.add('FAMILY_OF', owner, other, hit, hit.rule.weight, 'kin:apposition', { role });
        return;
      }
    }
    const l = this.left(hit, persons, 60)[0];
    const r = this.right(hit, persons, 60)[0];
    if (l && r) this.add('FAMILY_OF', l, r, hit, 0.6 * hit.rule.weight * proximity(distance(l, hit), distance(r, hit)), 'kin:around', { role });
  }

  /** "Russia-led alliance", "the CSTO, a Russian-dominated alliance": the state is a leading member. */
  private led(hit: CueHit): void {
    if (!/[-‐]$/.test(this.view.slice(hit.start - 1, hit.start))) return;
    const leader = this.mentions.find((m) => m.end === hit.start - 1 && m.kind !== 'PERSON');
    if (!leader) return;
    const orgs = this.named.filter((m) => m.kind === 'INSTITUTION' && m.actorId !== leader.actorId);
    const org = [...this.right(hit, orgs, 60), ...this.left(leader, orgs, 60)].sort((a, b) => distance(a, hit) - distance(b, hit))[0];
    if (org) this.add(hit.rule.type, leader, org, hit, hit.rule.weight * proximity(distance(org, hit)), 'led', { role: 'leading member', directed: true });
  }

  /** A sentence naming exactly two actors and holding a verb cue that found no pair: the nearest verb's type, with less confidence. */
  private fallback(hits: CueHit[]): void {
    const present = this.named.filter((m) => m.via !== 'implied');
    const ids = [...new Set(present.map((m) => m.actorId))];
    if (ids.length !== 2 || this.out.length || !hits.length) return;
    const a = present.find((m) => m.actorId === ids[0])!;
    const b = present.find((m) => m.actorId === ids[1])!;
    const [first, second] = a.start < b.start ? [a, b] : [b, a];
    const pair = { start: first.start, end: second.end };
    const usable = hits.filter((h) => h.rule.form === 'verb');
    const hit = usable.sort((x, y) => distance(x, pair) - distance(y, pair))[0];
    if (!hit) return;
    const conf = 0.5 * hit.rule.weight * proximity(distance(hit, pair));
    // The actor that reads as the subject is the source; otherwise text order decides.
    const firstIsObject = !this.subjectLike(first) && this.subjectLike(second) && second.end <= hit.start;
    const reverse = hit.rule.subjectIsTarget !== firstIsObject || (hit.rule.form === 'noun' && first.possessive && hit.rule.possessor === 'target');
    if (reverse) this.add(hit.rule.type, second, first, hit, conf, 'fallback');
    else this.add(hit.rule.type, first, second, hit, conf, 'fallback');
  }

  // --- output -----------------------------------------------------------------------

  /** The actor's country as a stand-in mention, placed at the cue. */
  private impliedCountry(person: Mention, at: Span): Mention | undefined {
    const country = this.actors.get(person.actorId)?.country;
    const state = country ? this.actors.get(country) : undefined;
    if (!state || state.kind !== 'STATE') return undefined;
    return { ...person, actorId: state.id, kind: 'STATE', start: at.start, end: at.end, possessiveEnd: at.end, possessive: false, via: 'implied', matched: state.name, compound: false };
  }

  /** Text after the appointee naming the post: "Alikhan Smailov as prime minister". */
  private roleAfter(after: { end: number }): string | undefined {
    const m = /^\s+as\s+((?:the\s+)?[\p{Ll} -]{2,60}?)(?=[,.;]|\s+(?:in|on|after|following|by|from|until)\s|$)/u.exec(this.view.slice(after.end, after.end + 80));
    return m?.[1].trim();
  }

  /** Records a candidate after checking the type's kind rules (retype, flip when the direction was only a guess, or drop). */
  private add(type: RelationshipType, source: Mention, target: Mention, cue: CueHit, confidence: number, basis: string, opts: { role?: string; directed?: boolean } = {}): void {
    if (source.actorId === target.actorId) return;
    // An actor does not ally with, support, oppose or invade its own state; that tie is a post or a membership.
    const own = (a: Mention, b: Mention) => this.actors.get(a.actorId)?.country === b.actorId;
    if (OWN_STATE_EXCLUDED.has(type) && (own(source, target) || own(target, source))) return;
    // An alliance between a person and a foreign state is one between the person's country and that state.
    if (type === 'ALLIED_WITH') {
      const actsForState = (m: Mention) => m.kind === 'PERSON' || ACTS_FOR_STATE.has(this.actors.get(m.actorId)?.category ?? '');
      const [person, state] = actsForState(source) && target.kind === 'STATE' ? [source, target] : actsForState(target) && source.kind === 'STATE' ? [target, source] : [];
      if (person && state) {
        const home = this.impliedCountry(person, person);
        if (!home || home.actorId === state.actorId) return;
        return this.add(type, home, state, cue, 0.85 * confidence, `${basis}+country`, opts);
      }
    }
    // "Tokayev called in forces from the CSTO": the force intervened in Tokayev's country (and supported him, via the cue's fallback type below).
    if (type === 'INTERVENED_IN' && target.kind === 'PERSON' && source.kind !== 'PERSON') {
      const home = this.impliedCountry(target, target);
      if (home && home.actorId !== source.actorId) this.add(type, source, home, cue, 0.85 * confidence, `${basis}+country`, opts);
    }
    const fits = (t: RelationshipType, s: Mention, o: Mention) => {
      const info = this.typeInfo[t];
      return info.sourceKinds.includes(s.kind) && info.targetKinds.includes(o.kind) && (!info.sameKind || s.kind === o.kind);
    };
    const via = Math.min(VIA_FACTOR[source.via], VIA_FACTOR[target.via]);
    const push = (t: RelationshipType, s: Mention, o: Mention, c: number, how: string) => {
      let [src, tgt] = [s, o];
      if (this.typeInfo[t].symmetric && src.actorId > tgt.actorId) [src, tgt] = [tgt, src];
      this.out.push({ type: t, source: src, target: tgt, cue, confidence: c * via, role: opts.role, basis: how });
    };
    const symmetric = this.typeInfo[type].symmetric;
    if (fits(type, source, target)) return push(type, source, target, confidence, basis);
    if (fits(type, target, source) && (symmetric || !opts.directed)) return push(type, target, source, symmetric ? confidence : 0.8 * confidence, `${basis}+flipped`);
    const other = cue.rule.otherwise;
    if (other && other !== type) {
      if (fits(other, source, target)) return push(other, source, target, 0.8 * confidence, `${basis}+${other}`);
      if (fits(other, target, source)) return push(other, target, source, 0.8 * confidence, `${basis}+${other}`);
    }
  }
}

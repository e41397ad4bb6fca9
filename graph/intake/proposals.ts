/**
 * Evidence intake, the whole pipeline as one pure function: sentences →
 * actor mentions → cue-driven relationship proposals (each with its sentence
 * as the verbatim excerpt) and proposals for new actors. Nothing is written
 * anywhere; a reviewer accepts, edits or rejects each proposal.
 */
import { RELATIONSHIP_TYPE_INFO, type Actor, type PartialDate, type RelationshipType, type RelationshipTypeInfo } from '../core/model';
import { documentDate, nearestDate, statedDates } from './dates';
import { explain, ruleOf } from './reasons';
import { buildActorMatcher, type ActorMatcher, type Mention } from './mentions';
import { describedInstitutions } from './institutions';
import { proposeNewActors, type ActorProposal } from './new-actors';
import { cueHits, newDocumentMemory, readableView, SentenceRelations, type Candidate, type DocumentMemory } from './relations';
import { excerptRange, splitSentences, type Sentence } from './sentences';
import { checkSourceText } from '../core/source-text';

export interface RelationshipProposal {
  /** Stable for the same text and actors: type, ends and excerpt position. */
  id: string;
  type: RelationshipType;
  /** Actor ids; symmetric types in canonical order (source < target), as stored. */
  source: string;
  target: string;
  /** Verbatim: `text.slice(excerptStart, excerptEnd) === excerpt`, at most MAX_EXCERPT_LENGTH characters. */
  excerpt: string;
  excerptStart: number;
  excerptEnd: number;
  sentence: number;
  /** 0–1: how strongly the cue and the word order support the proposal. */
  confidence: number;
  /** The words that suggested the type, as written. */
  cue: string;
  /** Which rule made the proposal (e.g. `verb`, `title:implied-country`), to show reviewers why. */
  basis: string;
  /** Offsets of the two mentions, for highlighting. */
  sourceSpan: [number, number];
  targetSpan: [number, number];
  role?: string;
  /** Only when the sentence states a date, with the precision it states. */
  start?: PartialDate;
  /** When the sentence states no date: the date the document says it was written, i.e. when the fact was reported (never a start). */
  reported?: PartialDate;
  /** The words naming the source and target actors, as written ("his", "Astana", "the Kazakhstani"). */
  sourceText: string;
  targetText: string;
  /** The rule that related them, in words (the `basis` explained). */
  rule: string;
  /** Why it was proposed, in one line: which words played which part, and the rule. */
  reason: string;
}

export interface IntakeResult {
  sentences: Sentence[];
  mentions: Mention[];
  relationshipProposals: RelationshipProposal[];
  actorProposals: ActorProposal[];
}

export interface IntakeOptions {
  /** A matcher built once with `buildActorMatcher(actors)`, to skip rebuilding it per text. */
  matcher?: ActorMatcher;
  /** Proposals below this confidence are not returned. */
  minConfidence?: number;
}

/** Default floor: below it the cue is too far from the actors or too weak to be worth a reviewer's time. */
export const MIN_PROPOSAL_CONFIDENCE = 0.25;
/** A second type for the same pair in the same sentence must be at least this fraction as confident as the first. */
const RUNNER_UP = 0.75;

export function proposeFromText(
  text: string,
  actors: readonly Actor[],
  typeInfo: Record<RelationshipType, RelationshipTypeInfo> = RELATIONSHIP_TYPE_INFO,
  options: IntakeOptions = {},
): IntakeResult {
  checkSourceText(text);
  const minConfidence = options.minConfidence ?? MIN_PROPOSAL_CONFIDENCE;
  const matcher = options.matcher ?? buildActorMatcher(actors);
  const sentences = splitSentences(text);
  // Page furniture inside a sentence (see sentences.ts) is blanked from the view and names no actor.
  const skips = sentences.flatMap((s) => s.skip ?? []);
  const inSkip = (m: Mention) => skips.some(([a, b]) => m.start < b && a < m.end);
  const named = skips.length ? matcher.find(text, sentences).filter((m) => !inSkip(m)) : matcher.find(text, sentences);
  const mentions = [...named, ...describedInstitutions(text, sentences, named, matcher)].sort((x, y) => x.start - y.start || x.end - y.end);
  const view = blank(readableView(text), skips);

  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) (bySentence.get(m.sentence) ?? bySentence.set(m.sentence, []).get(m.sentence)!).push(m);

  const relationshipProposals: RelationshipProposal[] = [];
  const memory: DocumentMemory = newDocumentMemory();
  for (const s of sentences) {
    const here = bySentence.get(s.index) ?? [];
    // One actor is enough right after a list of someone's relatives ("The youngest daughter, Aliya …"), or for "his
    // predecessor" once the text said whom he succeeded.
    const recentKin = memory.kinOwner !== undefined && s.index - memory.kinOwner.sentence <= 2;
    const remembered = recentKin || (memory.predecessorOf.size > 0 && /predecessor/i.test(s.text));
    if (new Set(here.map((m) => m.actorId)).size < (remembered ? 1 : 2)) continue;
    const hits = cueHits(view, s.start, s.end, here);
    const candidates = new SentenceRelations(view, s, here, matcher, typeInfo, memory).run(hits);
    const dates = statedDates(text, s.start, s.end);
    for (const c of pickPerPair(candidates)) {
      if (c.confidence < minConfidence) continue;
      const p = toProposal(text, s, c, dates);
      if (p) relationshipProposals.push(p);
    }
  }
  const reported = documentDate(text);
  if (reported) for (const p of relationshipProposals) if (!p.start) p.reported = reported.value;
  relationshipProposals.sort((a, b) => a.excerptStart - b.excerptStart || b.confidence - a.confidence || a.id.localeCompare(b.id));

  return { sentences, mentions, relationshipProposals, actorProposals: proposeNewActors(text, sentences, mentions) };
}

/** The words naming an actor as written, or its name marked as implied (the country of "President Tokayev"). */
function written(text: string, m: Mention): string {
  return m.via === 'implied' ? `${m.matched} (implied)` : text.slice(m.start, m.end);
}

/** `view` with the given ranges replaced by spaces (same length, so offsets still point into the text). */
function blank(view: string, ranges: [number, number][]): string {
  if (!ranges.length) return view;
  const parts: string[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    parts.push(view.slice(at, a), ' '.repeat(b - a));
    at = b;
  }
  parts.push(view.slice(at));
  return parts.join('');
}

/** One candidate per type and pair (the most confident); a second type for a pair only when nearly as confident as the best. */
function pickPerPair(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.type}|${c.source.actorId}|${c.target.actorId}`;
    const prev = best.get(key);
    if (!prev || c.confidence > prev.confidence) best.set(key, { ...c, role: c.role ?? prev?.role });
  }
  const pairTop = new Map<string, number>();
  const pairKey = (c: Candidate) => [c.source.actorId, c.target.actorId].sort().join('|');
  for (const c of best.values()) pairTop.set(pairKey(c), Math.max(pairTop.get(pairKey(c)) ?? 0, c.confidence));
  return [...best.values()].filter((c) => c.confidence >= RUNNER_UP * pairTop.get(pairKey(c))!);
}

function toProposal(text: string, s: Sentence, c: Candidate, dates: ReturnType<typeof statedDates>): RelationshipProposal | null {
  const focusStart = Math.min(c.source.start, c.target.start, c.cue.start);
  const focusEnd = Math.max(c.source.end, c.target.end, c.cue.end);
  const range = excerptRange(text, s, focusStart, focusEnd);
  if (!range) return null;
  const date = c.cue.rule.event ? nearestDate(dates, c.cue.start, c.cue.end) : undefined;
  const proposal: RelationshipProposal = {
    id: `${c.type.toLowerCase()}:${c.source.actorId}:${c.target.actorId}:${range.start}`,
    type: c.type,
    source: c.source.actorId,
    target: c.target.actorId,
    excerpt: text.slice(range.start, range.end),
    excerptStart: range.start,
    excerptEnd: range.end,
    sentence: s.index,
    confidence: Math.round(c.confidence * 100) / 100,
    cue: c.cue.text,
    basis: c.basis,
    sourceSpan: [c.source.start, c.source.end],
    targetSpan: [c.target.start, c.target.end],
    sourceText: written(text, c.source),
    targetText: written(text, c.target),
    rule: ruleOf(c.basis),
    reason: '',
  };
  proposal.reason = explain(proposal);
  if (c.role) proposal.role = c.role;
  if (date) proposal.start = date.value;
  return proposal;
}

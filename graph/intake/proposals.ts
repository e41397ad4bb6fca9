/**
 * Evidence intake, the whole pipeline as one pure function: sentences →
 * actor mentions → cue-driven relationship proposals (each with its sentence
 * as the verbatim excerpt) and proposals for new actors. Nothing is written
 * anywhere; a reviewer accepts, edits or rejects each proposal.
 */
import { RELATIONSHIP_TYPE_INFO, type Actor, type PartialDate, type RelationshipType, type RelationshipTypeInfo } from '../core/model';
import { nearestDate, statedDates } from './dates';
import { buildActorMatcher, type ActorMatcher, type Mention } from './mentions';
import { proposeNewActors, type ActorProposal } from './new-actors';
import { cueHits, readableView, SentenceRelations, type Candidate } from './relations';
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
  const mentions = matcher.find(text, sentences);
  const view = readableView(text);

  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) (bySentence.get(m.sentence) ?? bySentence.set(m.sentence, []).get(m.sentence)!).push(m);

  const relationshipProposals: RelationshipProposal[] = [];
  for (const s of sentences) {
    const here = bySentence.get(s.index) ?? [];
    if (new Set(here.map((m) => m.actorId)).size < 2) continue;
    const hits = cueHits(view, s.start, s.end, here);
    const candidates = new SentenceRelations(view, s, here, matcher, typeInfo).run(hits);
    const dates = statedDates(text, s.start, s.end);
    for (const c of pickPerPair(candidates)) {
      if (c.confidence < minConfidence) continue;
      const p = toProposal(text, s, c, dates);
      if (p) relationshipProposals.push(p);
    }
  }
  relationshipProposals.sort((a, b) => a.excerptStart - b.excerptStart || b.confidence - a.confidence || a.id.localeCompare(b.id));

  return { sentences, mentions, relationshipProposals, actorProposals: proposeNewActors(text, sentences, mentions) };
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
  };
  if (c.role) proposal.role = c.role;
  if (date) proposal.start = date.value;
  return proposal;
}

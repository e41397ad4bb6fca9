/**
 * The hand-reviewed gold list for the five seed documents (tests/fixtures/intake-gold/<sourceId>.jsonl) and the
 * sentence-level scorer the quality test uses.
 *
 * A gold line names a fact one sentence states: `quote` (verbatim words of that sentence; `occurrence` picks the
 * n-th when the words repeat), `type`, `source`, `target` (each a value or a list of acceptable values). Flags:
 * - `optional`: a fair reading but not one the sentence states plainly (implied, modal, a past post); a proposal
 *   of it is not an error, and missing it is not a miss;
 * - `not`: a reading the sentence rules out (negated, or the opposite of what it says): proposing it is an
 *   opposite-relation error;
 * - `undirected`: the sentence names no direction ("disputes between A and B"), either way is right.
 *
 * Scoring: a proposal is right when a gold line of the same sentence (the sentences the quote falls in, as the
 * engine splits them) has its type, source and target (either order for symmetric types). Anything else is wrong;
 * a proposal matching a `not` line, or the same pair with the contrary type of a gold line, is an opposite error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isSymmetric, type RelationshipType } from '@/graph/core/model';
import type { RelationshipProposal } from '@/graph/intake';

export interface GoldLine {
  quote: string;
  occurrence?: number;
  type: RelationshipType | RelationshipType[];
  source: string | string[];
  target: string | string[];
  optional?: boolean;
  not?: boolean;
  undirected?: boolean;
}

export interface GoldFact extends GoldLine {
  /** Where the sentence(s) holding the quote lie in the text. */
  start: number;
  end: number;
}

export const GOLD_DIR = path.resolve(import.meta.dirname, '../../fixtures/intake-gold');

export function readGold(sourceId: string): GoldLine[] {
  return readFileSync(path.join(GOLD_DIR, `${sourceId}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldLine);
}

const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** Places each gold line on the sentences its quote falls in; throws when a quote is not in the text. */
export function placeGold(text: string, lines: GoldLine[], sentences: { start: number; end: number }[]): GoldFact[] {
  return lines.map((g) => {
    // Any run of white space in the quote matches any run in the text (line and page breaks).
    const re = new RegExp(g.quote.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
    let m: RegExpExecArray | null = null;
    for (let n = 0; n < (g.occurrence ?? 1); n++) m = re.exec(text);
    if (!m) throw new Error(`gold quote not in text: ${g.quote}`);
    const at = m.index;
    const end = at + m[0].length;
    const hit = sentences.filter((s) => s.start < end && at < s.end);
    return { ...g, start: Math.min(at, ...hit.map((s) => s.start)), end: Math.max(end, ...hit.map((s) => s.end)) };
  });
}

/** Types that say the contrary of each other about one pair. */
const CONTRARY: Partial<Record<RelationshipType, RelationshipType[]>> = {
  SUPPORTED: ['OPPOSED', 'CRITICIZED'],
  ALLIED_WITH: ['OPPOSED', 'CRITICIZED'],
  COOPERATED_WITH: ['OPPOSED', 'CRITICIZED'],
  OPPOSED: ['SUPPORTED', 'ALLIED_WITH', 'COOPERATED_WITH'],
  CRITICIZED: ['SUPPORTED', 'ALLIED_WITH', 'COOPERATED_WITH'],
};

function sameEnds(p: RelationshipProposal, g: GoldFact, symmetric: boolean): boolean {
  const s = list(g.source);
  const t = list(g.target);
  if (s.includes(p.source) && t.includes(p.target)) return true;
  return (symmetric || !!g.undirected) && s.includes(p.target) && t.includes(p.source);
}

const inSentence = (p: RelationshipProposal, g: GoldFact) => p.excerptStart < g.end && g.start < p.excerptEnd;

export type Verdict = 'right' | 'wrong' | 'opposite';

export function judge(p: RelationshipProposal, gold: GoldFact[]): Verdict {
  const here = gold.filter((g) => inSentence(p, g));
  const sym = isSymmetric(p.type);
  if (here.some((g) => g.not && list(g.type).includes(p.type) && sameEnds(p, g, sym))) return 'opposite';
  if (here.some((g) => !g.not && list(g.type).includes(p.type) && sameEnds(p, g, sym))) return 'right';
  const contrary = here.some((g) => !g.not && list(g.type).some((t) => CONTRARY[t]?.includes(p.type)) && sameEnds(p, g, true));
  return contrary ? 'opposite' : 'wrong';
}

/** Gold lines that count for recall: stated plainly, and every actor they name is a known actor. */
export function required(gold: GoldFact[], known: ReadonlySet<string>): GoldFact[] {
  return gold.filter((g) => !g.optional && !g.not && list(g.source).some((a) => known.has(a)) && list(g.target).some((a) => known.has(a)));
}

export function found(g: GoldFact, proposals: RelationshipProposal[]): boolean {
  return proposals.some((p) => inSentence(p, g) && list(g.type).includes(p.type) && sameEnds(p, g, isSymmetric(p.type)));
}

export interface DocumentScore {
  sourceId: string;
  proposals: number;
  right: number;
  opposite: number;
  gold: number;
  recalled: number;
  wrongList: { verdict: Verdict; p: RelationshipProposal }[];
  missed: GoldFact[];
}

export function scoreDocument(sourceId: string, text: string, sentences: { start: number; end: number }[], proposals: RelationshipProposal[], known: ReadonlySet<string>): DocumentScore {
  const gold = placeGold(text, readGold(sourceId), sentences);
  const verdicts = proposals.map((p) => ({ p, verdict: judge(p, gold) }));
  const req = required(gold, known);
  const missed = req.filter((g) => !found(g, proposals));
  return {
    sourceId,
    proposals: proposals.length,
    right: verdicts.filter((v) => v.verdict === 'right').length,
    opposite: verdicts.filter((v) => v.verdict === 'opposite').length,
    gold: req.length,
    recalled: req.length - missed.length,
    wrongList: verdicts.filter((v) => v.verdict !== 'right'),
    missed,
  };
}

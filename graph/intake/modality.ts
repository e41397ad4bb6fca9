/**
 * Whether a cue states a fact or only mentions one: negated ("would not assist", "a lack of support for"),
 * wished or advised ("the EU should help", "Congress could consider … support"), framed as a prospect ("does not
 * close the door to a closer alliance"), or reversed by what is done to it ("seeks to minimize the impact of those
 * sanctions on"). A cue that does not state its relation proposes nothing — never its opposite, since "did not
 * help" says no more about opposition than about support.
 *
 * Every test reads only the words of the cue's own clause just before it (and a few after), with bounded
 * patterns, so the cost per cue is constant.
 */

/** How far back (characters) the clause before a cue is read. */
const LOOKBACK = 70;

/** The clause just before the cue: from the last clause break (, ; : — – or an opening quote) within LOOKBACK. */
export function clauseBefore(view: string, sentenceStart: number, cueStart: number): string {
  const from = Math.max(sentenceStart, cueStart - LOOKBACK);
  const text = view.slice(from, cueStart);
  const cut = Math.max(text.lastIndexOf(','), text.lastIndexOf(';'), text.lastIndexOf(':'), text.lastIndexOf('—'), text.lastIndexOf(' – '), text.lastIndexOf('“'));
  return cut < 0 ? text : text.slice(cut + 1);
}

/** "not", "never", "n't", "refused to", "no intention of being", "a lack of" … up to three words before the cue; not "not only". */
const NEGATED = new RegExp(
  String.raw`(?:(?:^|[^\p{L}])(?:not(?!\s+(?:only|solely|just|merely)\b)|never|no\s+longer|no|neither|nor|without|instead\s+of|rather\s+than|far\s+from)|n[’']t|(?:^|[^\p{L}])(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|fail(?:s|ed|ing)?)\s+to|(?:^|[^\p{L}])(?:lack|absence|scarcity|dearth)\s+of)\s+(?:[\p{L}’'-]+\s+){0,3}$`,
  'iu',
);

/** A modal or wish governing the cue: "should help", "could consider … support", "wants to join". */
const MODAL = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:should|ought\s+to|could|might|can|would|must|shall|wish(?:es)?\s+to|wants?\s+to|hopes?\s+to|urged?\s+\S+\s+to|calls?\s+on\s+\S+\s+to|expects?\s+\S+\s+to|if|unless|whether)\s+(?:[\p{L}’'.-]+\s+){0,5}$`,
  'iu',
);

/** "may" in lower case only: "in May 2022" is a date. */
const MAY = /(?:^|[^\p{L}])may\s+(?:[\p{L}’'.-]+\s+){0,5}$/u;

/** A prospect, not a fact: "the door to a closer alliance", "a prelude to …", "the possibility of …". */
const PROSPECT = /(?:^|[^\p{L}])(?:door|prelude|possibility|prospects?|opportunit(?:y|ies)|chance|potential|risk|fear|hopes?|avenue)\s+(?:to|of|for)\s+(?:[\p{L}’'-]+\s+){0,3}$/iu;

/** Done to the relation rather than by it: "minimize the impact of those sanctions on". */
const UNDONE = /(?:^|[^\p{L}])(?:minimi[sz]e|reduce|limit|mitigate|ease|lift|avoid|evade|bypass|circumvent|escape|offset|soften)\s+(?:the\s+)?(?:(?:impact|effects?|consequences|burden|costs?)\s+of\s+)?(?:the\s+|those\s+|these\s+|such\s+)?(?:[\p{L}-]+\s+){0,1}$/iu;
/** "sanctions evasion", "aid cuts": the noun names what is avoided. */
const UNDONE_AFTER = /^\s+(?:evasion|avoidance|relief|cuts?|freeze)(?![\p{L}])/iu;

export type Unstated = 'negated' | 'modal' | 'prospect' | 'undone';

/**
 * Why a cue does not state its relation, or null when it does. Titles and kin words are read only for negation
 * ("The EU ought to take President Tokayev at his word" still calls Tokayev president).
 */
export function unstated(view: string, sentenceStart: number, cueStart: number, cueEnd: number, factual: boolean): Unstated | null {
  const clause = clauseBefore(view, sentenceStart, cueStart);
  if (NEGATED.test(clause)) return 'negated';
  if (factual) return null;
  if (MODAL.test(clause) || MAY.test(clause)) return 'modal';
  if (PROSPECT.test(clause)) return 'prospect';
  if (UNDONE.test(clause) || UNDONE_AFTER.test(view.slice(cueEnd, cueEnd + 20))) return 'undone';
  return null;
}

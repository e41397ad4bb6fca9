/**
 * One line a reviewer reads to judge a proposal at a glance: which words were taken as the source and the target,
 * the cue, and the rule that related them (from the proposal's `basis`, e.g. `verb:by-agent+country`).
 */
import type { RelationshipProposal } from './proposals';

/** The rule behind each basis, as a reviewer would say it. */
const RULES: Record<string, string> = {
  verb: 'subject and object of the verb',
  'verb:by-agent': 'passive: the agent after “by” acts',
  'verb:passive': 'passive without an agent: the post is named',
  'verb:passive-implied-state': 'passive without an agent: the person’s own state is assumed to act',
  'verb:chosen-successor': '“successor to” names who chose',
  'noun:possessor+complement': 'owner and complement of the noun',
  'noun:possessor': 'owner of the noun and the actor it is said of',
  'noun:complement': 'subject, and the complement of the noun',
  'noun:fronted': 'opening phrase: its subject follows the comma',
  'noun:between': 'a pair written “between A and B”',
  'noun:pair': 'a hyphenated pair (“A-B relations”)',
  'noun:joint-subject': 'actors named together as the subject',
  'noun:sent-from-to': 'sent from one state, arrived in another',
  'noun:around': 'the actors on either side of the noun',
  title: 'a post named with its place',
  'title:implied-country': 'a national title: the person’s country',
  'title:institution-of-state': 'a post of the state’s institution named like it',
  'title:institution-of-country': 'a post at the one institution of the person’s country named like it',
  'kin:apposition': 'a family word between two people',
  'kin:previous-owner': 'a family word continuing the previous sentence’s list of relatives',
  'kin:around': 'a family word between two people',
  led: 'a “-led” body: the state leads it',
  'possessive:party': 'a person’s party (“X’s party”)',
};

/** What the suffixes of a basis add. */
const SUFFIXES: Record<string, string> = {
  country: 'lifted to the person’s country',
  flipped: 'direction set by the kinds of the actors',
};

/** The rule a basis names, in words ("passive: the agent after “by” acts; lifted to the person’s country"). */
export function ruleOf(basis: string): string {
  const [head, ...extras] = basis.split('+');
  const notes = extras.map((x) => SUFFIXES[x] ?? `retyped as ${x.toLowerCase().replaceAll('_', ' ')} for these kinds of actor`);
  return [RULES[head] ?? head, ...notes].join('; ');
}

export function explain(p: Pick<RelationshipProposal, 'basis' | 'cue' | 'sourceText' | 'targetText'>): string {
  return `source “${p.sourceText}”, cue “${p.cue}”, target “${p.targetText}” — ${ruleOf(p.basis)}`;
}

/**
 * THE cue table: which words in a sentence suggest which relationship type,
 * and how the words relate the actors around them (`form`). Every type's cues
 * live here and nowhere else; proposals.ts only reads this table.
 *
 * Forms:
 * - `verb`: "X appointed Y" (X is the source); passive "Y was appointed by X"
 *   (the actor after "by" is the source).
 * - `noun`: "X’s invasion of Y", "ties with Y", "a U.S. partner": the
 *   possessor or the adjective before the noun plays `possessor`, the actor
 *   after of/to/for/in/on/with/against plays `complement`, any other actor the
 *   opposite of `complement`. "from"/"by" always introduce the source.
 * - `title`: a post ("president", "head", "member") between or next to a
 *   person and an institution or state: the person holds it there.
 * - `kin`: a family word between two people ("Nazarbayev’s nephew, Samat Abish").
 * - `led`: "Russian-led alliance": the state is a (leading) member.
 */
import type { RelationshipType } from '../core/model';

export type CueForm = 'verb' | 'noun' | 'title' | 'kin' | 'led';
export type Role = 'source' | 'target';

export interface CueRule {
  type: RelationshipType;
  form: CueForm;
  /** Regular-expression alternatives, matched case-insensitively as whole words. */
  words: string;
  /** Prior confidence that these words state this type (0–1). */
  weight: number;
  /** Type to propose instead when the actors' kinds rule `type` out ("appointed minister of <institution>" → HOLDS_POSITION). */
  otherwise?: RelationshipType;
  /** Nouns: which end the possessor ("X’s successor") and the complement ("successor to Y") are. Default source, target. */
  possessor?: Role;
  complement?: Role;
  /** Verbs: the grammatical subject is the target ("X handed power to Y": Y succeeded X). */
  subjectIsTarget?: boolean;
  /** Dated event: a date stated in the sentence becomes the proposal's start. */
  event?: boolean;
}

export const CUES: readonly CueRule[] = [
  // Appointments
  { type: 'APPOINTED', form: 'verb', weight: 0.85, event: true, otherwise: 'HOLDS_POSITION',
    words: String.raw`(?:re)?appoint(?:s|ed|ing)?|nominat(?:e|es|ed|ing)|install(?:s|ed)|designat(?:e|es|ed)|hand-picked|anoint(?:s|ed)|promot(?:e|es|ed)` },
  { type: 'APPOINTED', form: 'verb', weight: 0.7, event: true, otherwise: 'HOLDS_POSITION',
    words: String.raw`named(?!\s+(?:after|for|in|on|by)\s)` },
  { type: 'APPOINTED', form: 'noun', weight: 0.6, event: true, otherwise: 'HOLDS_POSITION',
    words: String.raw`(?:re)?appointments?|nominations?|appointee` },
  // Dismissals
  { type: 'DISMISSED', form: 'verb', weight: 0.85, event: true, otherwise: 'HOLDS_POSITION',
    words: String.raw`dismiss(?:es|ed|ing)?|sack(?:s|ed|ing)?|fired|ous?ted|relieved of|demoted|purged|removed from (?:office|(?:his|her|their) (?:post|position|place))` },
  { type: 'DISMISSED', form: 'noun', weight: 0.6, event: true, otherwise: 'HOLDS_POSITION',
    words: String.raw`dismissals?|ouster|purges?` },
  // Prosecution
  { type: 'PROSECUTED', form: 'verb', weight: 0.8, event: true,
    words: String.raw`arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|charg(?:ed|es)|sentenc(?:ed|es)|prosecut(?:e|es|ed|ing)|convict(?:s|ed)|indict(?:s|ed)|jail(?:s|ed)|imprison(?:s|ed)|investigat(?:e|es|ed|ing)|extradit(?:e|es|ed)|raid(?:s|ed)` },
  { type: 'PROSECUTED', form: 'noun', weight: 0.6, event: true,
    words: String.raw`arrests?|detention|prosecutions?|criminal (?:case|charges)|trial|investigations?|indictment|legal proceedings|lawsuits?|probe` },
  // Alliances and partnerships (symmetric)
  { type: 'ALLIED_WITH', form: 'noun', weight: 0.75,
    words: String.raw`all(?:y|ies)|allied|alliances?|partners?|partnerships?|strategic partner|friendship|rapprochement|alignment|aligned` },
  { type: 'ALLIED_WITH', form: 'verb', weight: 0.5,
    words: String.raw`visit(?:s|ed)|paid (?:a|an|his|her|their) (?:first |official |state )?visit to` },
  { type: 'ALLIED_WITH', form: 'noun', weight: 0.55,
    words: String.raw`cooperation|co-operation|cooperat(?:e|es|ed|ing)|ties|relations|relationships?|bonds|bilateral|agreements?` },
  // Money
  { type: 'INVESTED_IN', form: 'verb', weight: 0.8, event: true,
    words: String.raw`invest(?:s|ed|ing)?|financ(?:e|es|ed|ing)|acquir(?:e|es|ed)|bought|owns|owned` },
  { type: 'INVESTED_IN', form: 'noun', weight: 0.7,
    words: String.raw`investments?|investors?|stakes?|shares|shareholders?|shareholding|ownership|funding` },
  // Membership
  { type: 'MEMBER_OF', form: 'title', weight: 0.75,
    words: String.raw`members?|member states?|membership|affiliated (?:with|to)|seats? (?:in|within)` },
  { type: 'MEMBER_OF', form: 'verb', weight: 0.75, event: true,
    words: String.raw`joined|joins|belongs?(?: to)?|acceded to|signed up to` },
  { type: 'MEMBER_OF', form: 'led', weight: 0.7,
    words: String.raw`led|dominated` },
  // Positions
  { type: 'HOLDS_POSITION', form: 'title', weight: 0.75,
    words: String.raw`(?:vice[- ])?president|prime minister|(?:deputy |first deputy |foreign |finance |economy |defen[cs]e )?ministers?|(?:deputy )?head|ruler|second-in-command|chief|chair(?:man|woman|person)?|director(?:-general)?|secretary (?:of state|general)|(?:state |general )?secretary|leader|ambassador|governor|mayor|senator|speaker|spokes(?:man|woman|person)|commander|advis[eo]r|analyst|assistant|editor|founder|chief executive|ceo|official|envoy|(?:general )?prosecutor(?: general)?|judge|member of parliament|mp|chancellor|premier|correspondent|researcher|fellow|professor|diplomat|owner|headed|heads|chaired|chairs|ran|runs|works? (?:at|for)|worked (?:at|for)` },
  // Family (symmetric; the word becomes the role)
  { type: 'FAMILY_OF', form: 'kin', weight: 0.85,
    words: String.raw`(?:son|daughter|brother|sister|father|mother)s?-in-law|in-laws?|nephews?|nieces?|sons?|daughters?|brothers?|sisters?|wife|husband|spouse|widow|father|mother|uncle|aunt|cousins?|grand(?:son|daughter|child|father|mother)(?:ren|s)?|relatives?|married|siblings?` },
  // Succession
  { type: 'SUCCEEDED', form: 'verb', weight: 0.8, event: true,
    words: String.raw`succeed(?:s|ed|ing)?|replac(?:e|es|ed|ing)|took over from` },
  { type: 'SUCCEEDED', form: 'verb', weight: 0.7, event: true, subjectIsTarget: true,
    words: String.raw`hand(?:s|ed|ing)? over (?:power|the presidency|office)|handing over (?:power|the presidency|office)|handed (?:power|the presidency|office)` },
  { type: 'SUCCEEDED', form: 'noun', weight: 0.8, possessor: 'target', complement: 'target',
    words: String.raw`successors?|succession` },
  { type: 'SUCCEEDED', form: 'noun', weight: 0.75, possessor: 'source', complement: 'source',
    words: String.raw`predecessors?` },
  // Military intervention (target must be a state)
  { type: 'INTERVENED_IN', form: 'verb', weight: 0.8, event: true, otherwise: 'SUPPORTED',
    words: String.raw`deploy(?:s|ed|ing)?|interven(?:e|es|ed|ing)|invad(?:e|es|ed|ing)|occup(?:y|ies|ied)|annex(?:es|ed)?|bomb(?:s|ed)|shell(?:s|ed)|sent troops|send troops` },
  { type: 'INTERVENED_IN', form: 'noun', weight: 0.75, event: true, otherwise: 'SUPPORTED',
    words: String.raw`deployments?|troops|forces|soldiers|interventions?|invasion|occupation|annexation|war(?:fare)?|offensive|incursion|military operation|peacekeepers|mission` },
  // Support
  { type: 'SUPPORTED', form: 'verb', weight: 0.65,
    words: String.raw`support(?:s|ed|ing)?|back(?:s|ed|ing)|endors(?:e|es|ed|ing)|aid(?:s|ed)|assist(?:s|ed|ing)?|help(?:s|ed|ing)?|sponsor(?:s|ed)?|fund(?:s|ed)|defend(?:s|ed)|concurred with|sided with|stood by|favou?r(?:s|ed)` },
  { type: 'SUPPORTED', form: 'noun', weight: 0.6,
    words: String.raw`support|backing|aid|assistance|help|sponsor|patronage|endorsement|protection|loyal(?:ty)?|allegiance|solidarity|in favou?r of` },
  // Opposition
  { type: 'OPPOSED', form: 'verb', weight: 0.7,
    words: String.raw`oppos(?:e|es|ed|ing)|criticis(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|sanction(?:ed|ing)|curtail(?:s|ed|ing)?|weaken(?:s|ed|ing)?|sideline(?:s|d)?|undermin(?:e|es|ed|ing)|annul(?:s|led|ling)?|denounc(?:e|es|ed)|accus(?:e|es|ed)|distanc(?:e|es|ed|ing)|reject(?:s|ed)|question(?:s|ed|ing)|raised questions (?:on|about|over)|cast(?:s|ing)? doubt (?:on|over)|protest(?:s|ed)|threaten(?:s|ed)|confront(?:s|ed)|boycott(?:s|ed)|refus(?:e|es|ed|ing) to recogni[sz]e|(?:would|will|does|did) not recogni[sz]e|wouldn’t recogni[sz]e` },
  { type: 'OPPOSED', form: 'noun', weight: 0.6,
    words: String.raw`opposition|aggression|criticism|condemnation|sanctions|accusations?|hostility|rivalry|rivals?|tensions?|disputes?|confrontation|threats?|in opposition to|against` },
  // Cooperation short of alliance, criticism, visits and meetings: narrow first cues (issue 21 widens them).
  { type: 'COOPERATED_WITH', form: 'verb', weight: 0.6,
    words: String.raw`cooperated with|collaborated with` },
  { type: 'CRITICIZED', form: 'verb', weight: 0.6,
    words: String.raw`rebuk(?:e|es|ed)|censur(?:e|es|ed)|lambast(?:s|ed)?|decr(?:y|ies|ied)` },
  { type: 'VISITED', form: 'verb', weight: 0.7, event: true,
    words: String.raw`paid (?:a|an|his|her|their) (?:first |official |state )?visit to` },
  { type: 'MET_WITH', form: 'verb', weight: 0.6, event: true,
    words: String.raw`met with|held talks with` },
];

/** Compiled patterns, one per rule, in table order. */
export const CUE_PATTERNS: readonly { rule: CueRule; pattern: RegExp }[] = CUES.map((rule) => ({
  rule,
  // Whole words only; \b is ASCII-only in JavaScript, so use Unicode-aware lookarounds.
  // Any run of white space between the words of a phrase ("concurred   with" once link markup is blanked).
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${rule.words.replaceAll(' ', String.raw`\s+`)})(?![\p{L}\p{N}])`, 'giu'),
}));

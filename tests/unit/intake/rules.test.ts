/**
 * The general rules of issue 21, each on sentences written for this test (none from the seed documents), with
 * actors from another region so nothing leans on the seeds' names.
 */
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPE_INFO, type Actor } from '@/graph/core/model';
import { proposeFromText, splitSentences, type RelationshipProposal } from '@/graph/intake';

const actor = (id: string, kind: Actor['kind'], name: string, aliases: string[] = [], extra: Partial<Actor> = {}): Actor => ({ id, kind, name, aliases, tags: [], ...extra });

const ACTORS: Actor[] = [
  actor('armenia', 'STATE', 'Armenia', ['Yerevan']),
  actor('azerbaijan', 'STATE', 'Azerbaijan', ['Baku']),
  actor('georgia', 'STATE', 'Georgia', ['Tbilisi']),
  actor('iran', 'STATE', 'Iran', ['Tehran']),
  actor('turkey', 'STATE', 'Turkey', ['Ankara']),
  actor('france', 'STATE', 'France', ['Paris']),
  actor('mongolia', 'STATE', 'Mongolia'),
  actor('eu', 'INSTITUTION', 'European Union', ['EU'], { category: 'international organisation' }),
  actor('pashinyan', 'PERSON', 'Nikol Pashinyan', ['Pashinyan'], { country: 'armenia' }),
  actor('sarkissian', 'PERSON', 'Armen Sarkissian', ['Sarkissian'], { country: 'armenia' }),
  actor('ilham', 'PERSON', 'Ilham Aliyev', [], { country: 'azerbaijan' }),
  actor('heydar', 'PERSON', 'Heydar Aliyev', [], { country: 'azerbaijan' }),
  actor('mehriban', 'PERSON', 'Mehriban Aliyeva', ['Aliyeva'], { country: 'azerbaijan' }),
  actor('leyla', 'PERSON', 'Leyla Aliyeva', [], { country: 'azerbaijan' }),
  actor('macron', 'PERSON', 'Emmanuel Macron', ['Macron'], { country: 'france' }),
  actor('kocharyan', 'PERSON', 'Robert Kocharyan', ['Kocharyan'], { country: 'armenia' }),
  actor('artsakh', 'INSTITUTION', 'Artsakh Republic', [], { category: 'region' }),
  actor('abkhazia', 'INSTITUTION', 'Abkhazia Republic', [], { category: 'region' }),
  actor('gov-armenia', 'INSTITUTION', 'Government of Armenia', ['Armenian government'], { category: 'government body', country: 'armenia' }),
];

const propose = (text: string) => proposeFromText(text, ACTORS, RELATIONSHIP_TYPE_INFO).relationshipProposals;
const brief = (ps: RelationshipProposal[]) => ps.map((p) => `${p.type} ${p.source}→${p.target}`).sort();

describe('direction from clause structure', () => {
  it('passive with an agent, and a control verb’s object as the next verb’s subject', () => {
    expect(brief(propose('Pashinyan was appointed by Sarkissian in 2018.'))).toContain('APPOINTED sarkissian→pashinyan');
    expect(brief(propose('The protests helped him succeed Kocharyan, though few expected it.'.replace('him', 'Pashinyan')))).toContain('SUCCEEDED pashinyan→kocharyan');
  });

  it('the one named after "anointed successor to" did the choosing', () => {
    expect(brief(propose('It was a landslide for Ilham Aliyev, anointed successor to Heydar Aliyev.'))).toContain('APPOINTED heydar→ilham');
  });

  it('a possessor is not the subject of a later verb, and an actor after a verb cue is its object', () => {
    expect(brief(propose('The EU’s understanding of the region would help Armenia.'))).not.toContain('SUPPORTED eu→armenia');
    expect(brief(propose('Ten per cent back Armenia and five per cent back Azerbaijan.'))).toEqual([]);
  });

  it('an actor right before an -ing verb is its subject even after a preposition', () => {
    expect(brief(propose('Ankara cut flights in response to Georgia distancing itself from Iran.'))).toContain('OPPOSED georgia→iran');
  });

  it('an opening phrase leaves the subject after its comma', () => {
    expect(brief(propose('Visiting Tbilisi in May, the French president, Emmanuel Macron, praised the reforms.'))).toContain('VISITED macron→georgia');
    expect(brief(propose('In a long discussion with Emmanuel Macron in Paris, Pashinyan asked for arms.'))).toContain('MET_WITH macron→pashinyan');
  });
});

describe('negation, modality and opposite meaning', () => {
  it('never proposes the opposite of a negated or undone cue', () => {
    expect(brief(propose('Yerevan refused to support Tehran at the summit.'))).toEqual([]);
    expect(brief(propose('France seeks to minimize the impact of those sanctions on Georgia.'))).toEqual([]);
    expect(brief(propose('Georgia has no intention of being aligned with Iran.'))).toEqual([]);
    expect(brief(propose('Its abstention reflects a lack of support for Iran by Armenia.'))).toEqual([]);
  });

  it('advice and possibilities are not facts', () => {
    expect(brief(propose('The EU should help Armenia reform its courts.'))).toEqual([]);
    expect(brief(propose('France and its partners might use their programmes and help Georgia.'))).toEqual([]);
    expect(brief(propose('Baku does not close the door to a closer alliance with Ankara.'))).toEqual([]);
  });

  it('"not only" is not a negation', () => {
    expect(brief(propose('Georgia has not only kept relations with Iran, it has strengthened its ties with Turkey.'))).toContain('COOPERATED_WITH georgia→turkey');
  });
});

describe('mentions', () => {
  it('"his eldest daughter" after a list of someone’s relatives is that someone’s daughter', () => {
    const ps = brief(propose('Examples include Heydar Aliyev’s son, Ilham Aliyev, who kept his post; and his eldest granddaughter, Leyla Aliyeva, who left her seat.'));
    expect(ps).toContain('FAMILY_OF heydar→leyla');
    expect(ps).not.toContain('FAMILY_OF ilham→leyla');
  });

  it('"The youngest daughter, X" right after a list of Y’s relatives is Y’s daughter', () => {
    const text = 'Ilham Aliyev’s wife, Mehriban Aliyeva, became vice-president. The eldest daughter, Leyla Aliyeva, runs a foundation.';
    expect(brief(propose(text))).toContain('FAMILY_OF ilham→leyla');
  });

  it('names sharing their tail: "the Artsakh and Abkhazia Republics"', () => {
    expect(brief(propose('Armenia will not recognize the Artsakh and Abkhazia Republics as states.'))).toEqual(['OPPOSED armenia→abkhazia', 'OPPOSED armenia→artsakh']);
  });

  it('shared nationality adjectives: "the Armenian and the Georgian governments … cooperation"', () => {
    expect(brief(propose('Both the Armenian and the Georgian governments have kept up bilateral cooperation.'))).toContain('COOPERATED_WITH armenia→georgia');
  });

  it('a list cut by a page break is read as one sentence, its running head skipped', () => {
    const text = 'A mission of 900 troops from Turkey, Iran,\n\nRegional Security Review\n\n<https://example.org/review>\n\nP-1042\n\nFrance, and Georgia arrived in May and remained in Armenia for a week.';
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(1);
    expect(sentences[0].skip).toHaveLength(1);
    expect(brief(propose(text))).toEqual(['INTERVENED_IN france→armenia', 'INTERVENED_IN georgia→armenia', 'INTERVENED_IN iran→armenia', 'INTERVENED_IN turkey→armenia']);
  });
});

describe('cooperation, criticism, visits and meetings', () => {
  it('have their own cues; ties, relations and balance are not alliance', () => {
    expect(brief(propose('Ankara pursued a balanced relationship with Tehran.'))).toEqual([]);
    expect(brief(propose('Georgia cannot cut its ties with Iran.'))).toEqual([]);
    expect(brief(propose('Close economic ties between Georgia and Turkey shape the region.'))).toEqual(['COOPERATED_WITH georgia→turkey']);
    expect(brief(propose('Armenia will bet on closer cooperation with France.'))).toEqual(['COOPERATED_WITH armenia→france']);
    expect(brief(propose('Macron condemned Azerbaijan for the offensive.'))).toEqual(['CRITICIZED macron→azerbaijan']);
    expect(brief(propose('Pashinyan visited Paris in March, Ankara in April, and Tehran in May.'))).toEqual(['VISITED pashinyan→france', 'VISITED pashinyan→iran', 'VISITED pashinyan→turkey']);
    expect(brief(propose('Macron met with Ilham Aliyev in Brussels.'))).toEqual(['MET_WITH ilham→macron']);
  });
});

describe('document date', () => {
  it('is offered as the reported date of proposals whose sentence states none, never as their start', () => {
    const text = 'Caucasus Brief\nUpdated March 4, 2023\n\nMacron met with Ilham Aliyev in Brussels. In May 2021 Pashinyan visited Tehran.';
    const [met, visited] = propose(text);
    expect(met).toMatchObject({ type: 'MET_WITH', reported: '2023-03-04' });
    expect(met.start).toBeUndefined();
    expect(visited).toMatchObject({ type: 'VISITED', start: '2021-05' });
    expect(visited.reported).toBeUndefined();
  });

  it('is only taken from a dateline near the top, not from any date in the text', () => {
    const text = 'Caucasus Brief\n\nIn May 2021 the talks stalled. Macron met with Ilham Aliyev in Brussels.';
    expect(propose(text).map((p) => p.reported)).toEqual([undefined]);
  });
});

describe('descriptions of offices', () => {
  const withOffices: Actor[] = [
    ...ACTORS,
    actor('pgo-armenia', 'INSTITUTION', 'Prosecutor General’s Office of Armenia', [], { category: 'prosecutor', country: 'armenia' }),
    actor('mfa-armenia', 'INSTITUTION', 'Ministry of Foreign Affairs of Armenia', [], { category: 'government body', country: 'armenia' }),
    actor('gasparyan', 'PERSON', 'Artur Gasparyan', ['Gasparyan'], { country: 'armenia' }),
  ];
  const proposeHere = (text: string) => proposeFromText(text, withOffices, RELATIONSHIP_TYPE_INFO).relationshipProposals;

  it('"the general prosecutor" and "the foreign ministry" stand for the institutions of the state the text is about', () => {
    const text = 'Armenia held elections in June. Armenia counted the votes. Later the general prosecutor charged Gasparyan with fraud. The foreign ministry criticized Baku.';
    expect(brief(proposeHere(text))).toEqual(['CRITICIZED mfa-armenia→azerbaijan', 'PROSECUTED pgo-armenia→gasparyan']);
  });

  it('are left alone when no institution of that state is named like them', () => {
    expect(brief(propose('Armenia held elections. Armenia counted votes. The general prosecutor charged Pashinyan.'))).toEqual([]);
  });
});

describe('"his predecessor"', () => {
  it('is whom the text already said he succeeded', () => {
    const text = 'In 2018 Pashinyan succeeded Sarkissian. Pashinyan later undid the rules of his predecessor.';
    const ps = propose(text).filter((p) => p.type === 'SUCCEEDED');
    expect(ps.map((p) => `${p.source}→${p.target} ${p.basis}`)).toEqual(['pashinyan→sarkissian verb', 'pashinyan→sarkissian noun:possessor']);
    expect(ps[1].targetText).toBe('Armen Sarkissian (implied)');
  });

  it('is nobody when the text named no predecessor, or two', () => {
    expect(propose('Pashinyan undid the rules of his predecessor.')).toEqual([]);
    const two = 'Pashinyan succeeded Sarkissian. Pashinyan succeeded Kocharyan. Pashinyan undid the rules of his predecessor.';
    expect(propose(two).filter((p) => p.basis === 'noun:possessor')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/graph/core/errors';
import { MAX_EXCERPT_LENGTH, RELATIONSHIP_TYPE_INFO, type Actor } from '@/graph/core/model';
import { MAX_SOURCE_TEXT_LENGTH } from '@/graph/core/source-text';
import { CUES, proposeFromText, type RelationshipProposal } from '@/graph/intake';
import { nearestDate, statedDates } from '@/graph/intake/dates';

const actor = (id: string, kind: Actor['kind'], name: string, aliases: string[] = [], extra: Partial<Actor> = {}): Actor => ({ id, kind, name, aliases, tags: [], ...extra });

const ACTORS: Actor[] = [
  actor('kazakhstan', 'STATE', 'Kazakhstan', ['Astana']),
  actor('russia', 'STATE', 'Russia', ['Moscow', 'the Kremlin']),
  actor('ukraine', 'STATE', 'Ukraine'),
  actor('qatar', 'STATE', 'Qatar'),
  actor('tokayev', 'PERSON', 'Kassym-Jomart Tokayev', ['Tokayev'], { country: 'kazakhstan' }),
  actor('nazarbayev', 'PERSON', 'Nursultan Nazarbayev', ['Nazarbayev'], { country: 'kazakhstan' }),
  actor('smailov', 'PERSON', 'Alikhan Smailov', ['Smailov'], { country: 'kazakhstan' }),
  actor('abish', 'PERSON', 'Samat Abish', ['Abish'], { country: 'kazakhstan' }),
  actor('masimov', 'PERSON', 'Karim Masimov', ['Masimov'], { country: 'kazakhstan' }),
  actor('putin', 'PERSON', 'Vladimir Putin', ['Putin'], { country: 'russia' }),
  actor('knb', 'INSTITUTION', 'National Security Committee', ['KNB'], { category: 'security service', country: 'kazakhstan' }),
  actor('senate', 'INSTITUTION', 'Senate of Kazakhstan', [], { category: 'parliament', country: 'kazakhstan' }),
  actor('csto', 'INSTITUTION', 'Collective Security Treaty Organization', ['CSTO'], { category: 'military alliance' }),
  actor('amanat', 'INSTITUTION', 'Amanat', ['Nur Otan'], { category: 'political party', country: 'kazakhstan' }),
];

const propose = (text: string) => proposeFromText(text, ACTORS, RELATIONSHIP_TYPE_INFO).relationshipProposals;
const brief = (ps: RelationshipProposal[]) => ps.map((p) => `${p.type} ${p.source}→${p.target}`);

describe('relationship proposals', () => {
  it('"X appointed Y": the appointer is the source, the sentence is the verbatim excerpt, the post is the role', () => {
    const text = 'Background first. In January 2022 Tokayev appointed Smailov as prime minister. More later.';
    const [p] = propose(text);
    expect(p).toMatchObject({ type: 'APPOINTED', source: 'tokayev', target: 'smailov', cue: 'appointed', role: 'prime minister', start: '2022-01' });
    expect(p.excerpt).toBe('In January 2022 Tokayev appointed Smailov as prime minister.');
    expect(text.slice(p.excerptStart, p.excerptEnd)).toBe(p.excerpt);
    expect(text.slice(...p.sourceSpan)).toBe('Tokayev');
    expect(text.slice(...p.targetSpan)).toBe('Smailov');
  });

  it('passive voice with "by" reverses the word order', () => {
    expect(brief(propose('Smailov was appointed by Tokayev.'))).toEqual(['APPOINTED tokayev→smailov']);
    expect(brief(propose('Abish was dismissed by Tokayev on 5 January 2022.'))).toEqual(['DISMISSED tokayev→abish']);
  });

  it('dates only as precise as the sentence states them', () => {
    expect(propose('On 8 January 2022, Tokayev dismissed Masimov.')[0].start).toBe('2022-01-08');
    expect(propose('On 5 January, Tokayev dismissed Masimov.')[0].start).toBeUndefined();
    expect(propose('Tokayev dismissed Masimov.')[0].start).toBeUndefined();
  });

  it('family words in apposition give FAMILY_OF with the word as role, in canonical order', () => {
    for (const text of ['Nazarbayev’s nephew, Samat Abish, lost his post.', 'Samat Abish, Nazarbayev’s nephew, lost his post.']) {
      expect(propose(text).filter((p) => p.type === 'FAMILY_OF')).toMatchObject([{ source: 'abish', target: 'nazarbayev', role: 'nephew' }]);
    }
  });

  it('posts: a person holds a post at the institution named with it', () => {
    expect(propose('Abish was second-in-command within the KNB.')).toMatchObject([{ type: 'HOLDS_POSITION', source: 'abish', target: 'knb', role: 'second-in-command' }]);
    expect(propose('President Tokayev spoke to Putin.').filter((p) => p.type === 'HOLDS_POSITION')).toMatchObject([{ source: 'tokayev', target: 'kazakhstan', basis: 'title:implied-country' }]);
  });

  it('respects the kind rules: nobody appoints an institution; the post is proposed instead', () => {
    const ps = propose('Tokayev appointed the KNB to lead the inquiry.');
    expect(ps.some((p) => p.type === 'APPOINTED')).toBe(false);
    for (const p of propose('Russia’s invasion of Ukraine shocked Astana. Tokayev appointed Smailov. Putin backed Nazarbayev.')) {
      const info = RELATIONSHIP_TYPE_INFO[p.type];
      const kind = (id: string) => ACTORS.find((a) => a.id === id)!.kind;
      const fits = info.sourceKinds.includes(kind(p.source)) && info.targetKinds.includes(kind(p.target));
      expect(fits || (info.symmetric && info.sourceKinds.includes(kind(p.target)) && info.targetKinds.includes(kind(p.source)))).toBe(true);
    }
  });

  it('reads possession and prepositions for nouns: "Russia’s invasion of Ukraine"', () => {
    expect(brief(propose('Russia’s invasion of Ukraine shocked many.'))).toEqual(['INTERVENED_IN russia→ukraine']);
  });

  it('turns negated support into opposition and drops other negated cues', () => {
    expect(brief(propose('Tokayev said he would not support Russia in the war.'))).toEqual(['OPPOSED tokayev→russia']);
    expect(brief(propose('Tokayev did not appoint Smailov.'))).toEqual([]);
  });

  it('lifts an alliance between a person and a foreign state to the person’s country', () => {
    expect(brief(propose('Tokayev visited Qatar in June 2022.'))).toEqual(['ALLIED_WITH kazakhstan→qatar']);
  });

  it('proposes nothing for a sentence naming one actor or without a cue', () => {
    expect(propose('Tokayev appointed a new cabinet.')).toEqual([]);
    expect(propose('Tokayev and Putin were in the same room.')).toEqual([]);
  });

  it('keeps excerpts verbatim and within the limit for long sentences', () => {
    const filler = Array.from({ length: 12 }, (_, i) => `clause number ${i} says nothing new about anyone`).join(', ');
    const text = `${filler}, and then Tokayev appointed Smailov, ${filler}.`;
    const [p] = propose(text);
    expect(p).toMatchObject({ type: 'APPOINTED', source: 'tokayev', target: 'smailov' });
    expect(p.excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH);
    expect(text.slice(p.excerptStart, p.excerptEnd)).toBe(p.excerpt);
    expect(p.excerpt).toContain('Tokayev appointed Smailov');
  });

  it('is deterministic', () => {
    const text = 'Tokayev appointed Smailov. Russia’s invasion of Ukraine followed. Nazarbayev’s Nur Otan lost seats.';
    expect(proposeFromText(text, ACTORS)).toEqual(proposeFromText(text, ACTORS));
  });

  it('refuses empty and oversized text with a ValidationError', () => {
    expect(() => propose('   ')).toThrow(ValidationError);
    expect(() => propose('x'.repeat(MAX_SOURCE_TEXT_LENGTH + 1))).toThrow(ValidationError);
  });
});

describe('stated dates', () => {
  const values = (t: string) => statedDates(t).map((d) => d.value);

  it('keep the precision the text gives', () => {
    expect(values('On 8 January 2022 and on June 17, 2022, then in March 2023, back in 2011.')).toEqual(['2022-01-08', '2022-06-17', '2023-03', '2011']);
    expect(values('Sept. 5th, 2019 and 1 Dec 2020')).toEqual(['2019-09-05', '2020-12-01']);
  });

  it('skip what is not a stated date: a day without a year, numbers; an impossible day keeps only its month', () => {
    expect(values('On 5 January, 2,500 troops and 81.3% of 20000 voters.')).toEqual([]);
    expect(values('It happened on 31 February 2022.')).toEqual(['2022-02']);
  });

  it('pick the date nearest the cue', () => {
    const text = 'In 2019 he left; on 8 January 2022 he was detained.';
    expect(nearestDate(statedDates(text), text.indexOf('detained'))?.value).toBe('2022-01-08');
    expect(nearestDate([], 0)).toBeUndefined();
  });
});

describe('the cue table', () => {
  it('covers every relationship type and the cue words the issue names', () => {
    const types = new Set(CUES.map((c) => c.type));
    for (const t of Object.keys(RELATIONSHIP_TYPE_INFO)) expect(types.has(t as never)).toBe(true);
    const sample: [string, string][] = [
      ['Tokayev named Smailov as prime minister.', 'APPOINTED'],
      ['Tokayev sacked Masimov.', 'DISMISSED'],
      ['The KNB arrested Masimov.', 'PROSECUTED'],
      ['The KNB detained Masimov.', 'PROSECUTED'],
      ['The KNB charged Masimov with treason.', 'PROSECUTED'],
      ['The KNB sentenced Masimov.', 'PROSECUTED'],
      ['Russia invested in Kazakhstan.', 'INVESTED_IN'],
      ['Putin succeeded Nazarbayev.', 'SUCCEEDED'],
      ['Russia deployed troops to Kazakhstan.', 'INTERVENED_IN'],
      ['Russia is an ally of Kazakhstan.', 'ALLIED_WITH'],
      ['Putin backed Tokayev.', 'SUPPORTED'],
      ['Tokayev criticised Putin.', 'OPPOSED'],
      ['Smailov is the son-in-law of Nazarbayev.', 'FAMILY_OF'],
      ['Kazakhstan joined the CSTO.', 'MEMBER_OF'],
    ];
    for (const [text, type] of sample) expect(propose(text).map((p) => p.type), text).toContain(type);
  });
});

describe('new actor proposals', () => {
  it('proposes capitalised names that recur and match no actor, with a guessed kind', () => {
    const text =
      'Roskomnadzor asked Kazakh sites to remove content. Critics said Roskomnadzor overreached. ' +
      'President Mikhail Gorbachev was cited. Later, Gorbachev said little. The Central Asia Barometer polled voters; the Central Asia Barometer found a split. ' +
      'Tokayev spoke. Tokayev left.';
    const { actorProposals } = proposeFromText(text, ACTORS);
    const byName = Object.fromEntries(actorProposals.map((a) => [a.name, a]));
    expect(byName['Roskomnadzor']).toMatchObject({ occurrences: 2 });
    expect(byName['Mikhail Gorbachev']).toMatchObject({ occurrences: 2, guessedKind: 'PERSON' });
    expect(byName['Central Asia Barometer']).toMatchObject({ occurrences: 2, guessedKind: 'INSTITUTION' });
    expect(Object.keys(byName)).not.toContain('Tokayev'); // a known actor
    expect(Object.keys(byName)).not.toContain('Critics'); // only ever starts a sentence
  });
});

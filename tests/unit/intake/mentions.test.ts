import { describe, expect, it } from 'vitest';
import type { Actor } from '@/graph/core/model';
import { buildActorMatcher, splitSentences, type Mention } from '@/graph/intake';

const actor = (id: string, kind: Actor['kind'], name: string, aliases: string[] = [], extra: Partial<Actor> = {}): Actor => ({ id, kind, name, aliases, tags: [], ...extra });

const ACTORS: Actor[] = [
  actor('kazakhstan', 'STATE', 'Kazakhstan', ['Astana', 'Republic of Kazakhstan']),
  actor('china', 'STATE', 'China', ['Beijing']),
  actor('russia', 'STATE', 'Russia', ['Moscow']),
  actor('united-states', 'STATE', 'United States', ['U.S.', 'US', 'America']),
  actor('tokayev', 'PERSON', 'Kassym-Jomart Tokayev', ['Tokayev', 'President Tokayev'], { country: 'kazakhstan' }),
  actor('nazarbayev', 'PERSON', 'Nursultan Nazarbayev', ['Nazarbayev'], { country: 'kazakhstan' }),
  actor('dariga', 'PERSON', 'Dariga Nazarbayeva', [], { country: 'kazakhstan' }),
  actor('aliya', 'PERSON', 'Aliya Nazarbayeva', [], { country: 'kazakhstan' }),
  actor('kortunov', 'PERSON', 'Andrey Kortunov', []),
  actor('xi', 'PERSON', 'Xi Jinping', ['Xi', 'Chinese President Xi'], { country: 'china' }),
  actor('congress', 'INSTITUTION', 'United States Congress', ['Congress'], { category: 'parliament', country: 'united-states' }),
  actor('eu', 'INSTITUTION', 'European Union', ['EU'], { category: 'international organisation' }),
  actor('admin', 'INSTITUTION', 'Presidential Administration of Kazakhstan', [], { category: 'head of state office', country: 'kazakhstan' }),
  actor('csto', 'INSTITUTION', 'Collective Security Treaty Organization', ['CSTO'], { category: 'military alliance' }),
];

const matcher = buildActorMatcher(ACTORS);

function find(text: string): Mention[] {
  return matcher.find(text, splitSentences(text));
}
const ids = (text: string) => find(text).map((m) => m.actorId);

describe('mentions by name and alias', () => {
  it('match whatever the case, diacritics, apostrophe or possessive', () => {
    for (const text of ['Tokayev’s reforms.', "Tokayev's reforms.", 'TOKAYEV spoke.', 'Tokáyev spoke.', 'Kassym Jomart Tokayev spoke.']) {
      expect(ids(text)).toEqual(['tokayev']);
    }
    const [m] = find('Then Tokayev’s reforms began.');
    expect(m).toMatchObject({ surface: 'Tokayev', possessive: true });
    expect('Then Tokayev’s reforms began.'.slice(m.start, m.end)).toBe('Tokayev');
  });

  it('match the first half of a hyphenated word, marked as a modifier', () => {
    const [m] = find('The Nazarbayev-era elite held on.');
    expect(m).toMatchObject({ actorId: 'nazarbayev', compound: true, surface: 'Nazarbayev' });
  });

  it('prefer the longest name: one mention for a full name, not one per word', () => {
    expect(find('Kassym-Jomart Tokayev spoke in the Republic of Kazakhstan.').map((m) => m.surface)).toEqual(['Kassym-Jomart Tokayev', 'Republic of Kazakhstan']);
  });

  it('do not read common words as aliases: "us" is not the US, "congress" is not Congress', () => {
    expect(ids('Let us hold a party congress in spring.')).toEqual([]);
    expect(ids('The US and Congress disagreed.')).toEqual(['united-states', 'congress']);
    expect(ids('The U.S. Congress met.')).toEqual(['united-states', 'congress']);
  });

  it('find a bare surname when only one actor owns it, not when two do', () => {
    expect(find('Mr. Kortunov adds that.')).toMatchObject([{ actorId: 'kortunov', via: 'surname' }]);
    expect(ids('Nazarbayeva left the senate.')).toEqual([]); // Dariga or Aliya?
    expect(ids('Nazarbayev left.')).toEqual(['nazarbayev']); // an explicit alias wins over a surname guess
  });

  it('find a shortened institution name only after "the"', () => {
    expect(find('He headed the presidential administration.')).toMatchObject([{ actorId: 'admin', via: 'short' }]);
    expect(ids('A presidential administration is a large office.')).toEqual([]);
  });

  it('mark adjectives of nationality, and split a state off a titled alias', () => {
    expect(find('Russian troops arrived.')).toMatchObject([{ actorId: 'russia', via: 'demonym' }]);
    expect(find('The Kazakh economy grew.')).toMatchObject([{ actorId: 'kazakhstan', via: 'demonym', asState: true }]);
    const ms = find('Chinese President Xi landed in Astana.');
    expect(ms.map((m) => [m.actorId, m.surface])).toEqual([
      ['china', 'Chinese'],
      ['xi', 'President Xi'],
      ['kazakhstan', 'Astana'],
    ]);
  });
});

describe('pronouns', () => {
  it('stand for the person named in the previous sentence of the paragraph', () => {
    const ms = find('Tokayev spoke first. He then met the CSTO.');
    expect(ms.filter((m) => m.via === 'pronoun')).toMatchObject([{ actorId: 'tokayev', surface: 'He', sentence: 1 }]);
  });

  it('do not reach into another paragraph', () => {
    expect(find('Tokayev spoke first.\n\nHe then met the CSTO.').filter((m) => m.via === 'pronoun')).toEqual([]);
  });

  it('read "his country" as the person’s country', () => {
    const ms = find('President Tokayev said his country would not join.');
    expect(ms.find((m) => m.via === 'pronoun')).toMatchObject({ actorId: 'kazakhstan', surface: 'his country' });
  });

  it('stay unresolved when two people could be meant', () => {
    const ms = find('Tokayev met Nazarbayev. Later his allies left.');
    expect(ms.filter((m) => m.via === 'pronoun').map((m) => m.actorId)).toEqual(['tokayev']); // the subject of the previous sentence
    expect(find('Tokayev met Nazarbayev and his allies.').filter((m) => m.via === 'pronoun')).toEqual([]);
  });
});

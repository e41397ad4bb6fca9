import { describe, expect, it } from 'vitest';
import { compareHits, matchActor, normalizeText } from '@/graph/core/search';

const tokayev = { id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', aliases: ['Tokaev', 'Токаев', 'Qasym-Jomart Toqaev'] };

describe('search matching', () => {
  it('folds case, diacritics and punctuation', () => {
    expect(normalizeText('  Tokáyev’s  Nur-Sultan ')).toBe('tokayevs nur sultan');
    expect(normalizeText('Śmigły–Rydz')).toBe('smigly rydz');
  });
  it('finds exact names and aliases', () => {
    expect(matchActor('tokaev', tokayev)).toEqual({ match: 'EXACT', matchedText: 'Tokaev' });
    expect(matchActor('KASSYM JOMART TOKAYEV', tokayev)?.match).toBe('EXACT');
    expect(matchActor('токаев', tokayev)?.match).toBe('EXACT');
  });
  it('matches word prefixes in any order', () => {
    expect(matchActor('toka', tokayev)?.match).toBe('PREFIX');
    expect(matchActor('tokayev kass', tokayev)?.match).toBe('PREFIX');
  });
  it('allows one typo in words of five or more letters only', () => {
    expect(matchActor('tokeyev', tokayev)?.match).toBe('FUZZY');
    expect(matchActor('kasym', tokayev)?.match).toBe('FUZZY');
    expect(matchActor('tokxyzv', tokayev)).toBeNull();
    expect(matchActor('qsym', tokayev)).toBeNull();
  });
  it('ranks exact before prefix before fuzzy', () => {
    const hits = [
      { actor: { id: 'c', name: 'C' }, match: 'FUZZY' as const },
      { actor: { id: 'a', name: 'A' }, match: 'PREFIX' as const },
      { actor: { id: 'b', name: 'B' }, match: 'EXACT' as const },
    ].sort(compareHits);
    expect(hits.map((h) => h.match)).toEqual(['EXACT', 'PREFIX', 'FUZZY']);
  });
});

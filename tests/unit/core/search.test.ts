import { describe, expect, it } from 'vitest';
import { compareEnglish, compareHits, matchActor, normalizeText } from '@/graph/core/search';

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

  it('orders equally ranked hits by name exactly as English collation does, then by id', () => {
    // compareHits decides most names without the collator (ASCII letters and spaces); it must never disagree with it.
    let seed = 5;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const chars = ['a', 'A', 'b', 'B', 'k', 'K', 'z', 'Z', ' ', ' ', '-', '’', "'", '.', 'é', 'É', '0', '9', 'ı', 'İ', 'ß', 'ø', '\t', 'Ж'];
    const name = () => Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => chars[Math.floor(rnd() * chars.length)]).join('');
    const names = [...Array.from({ length: 3000 }, name), 'Ivan Ivanov', 'Ivan  Ivanov', 'Ivanov Ivan', 'ivan ivanov', 'Ivan-Ivanov', 'Ivana', 'Iván'];
    let compared = 0;
    for (let i = 0; i < 60_000; i++) {
      const a = names[Math.floor(rnd() * names.length)];
      // Half the pairs share a prefix, so the comparison runs past the first letter.
      const b = rnd() < 0.5 ? names[Math.floor(rnd() * names.length)] : a.slice(0, Math.floor(rnd() * a.length)) + name();
      const got = Math.sign(compareHits({ actor: { id: 'x', name: a }, match: 'PREFIX' }, { actor: { id: 'x', name: b }, match: 'PREFIX' }));
      expect(got, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(Math.sign(compareEnglish(a, b)));
      compared++;
    }
    expect(compared).toBe(60_000);
    expect(compareHits({ actor: { id: 'a', name: 'Same' }, match: 'ALL' }, { actor: { id: 'b', name: 'Same' }, match: 'ALL' })).toBeLessThan(0);
  });
});

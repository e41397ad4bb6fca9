/**
 * The fragments Neo4j's search asks for must admit every actor that
 * graph/core/search.ts matches (the ranking runs on the candidates, so a
 * missing candidate is a missing hit), through both the text-index seeks and
 * the filter. Checked against the matcher itself on generated names, with
 * every prefix and a typo at every position of every long word.
 */
import { describe, expect, it } from 'vitest';
import { generateGraph } from '@/bench/generate';
import type { Actor } from '@/graph/core/model';
import { matchTokenizedNames, searchWords, tokenizeNames } from '@/graph/core/search';
import { searchTextOf } from '@/graph/neo4j/records';
import { candidateSearch, wordTerms } from '@/graph/neo4j/search-fragments';
import { foundBySeeks, passesTerms, searchTextsFor } from '@/tests/fixtures/search-candidates';

type Named = Pick<Actor, 'id' | 'name' | 'aliases'>;

const HAND_PICKED: Named[] = [
  { id: 'tokayev', name: 'Kassym-Jomart Tokayev', aliases: ['Токаев', 'Tokaev'] },
  { id: 'smailov', name: 'Älihan Smaiylov', aliases: [] },
  { id: 'short', name: 'Li Bo', aliases: ['B. Li'] },
  { id: 'oneword', name: 'Samruk', aliases: ['Samruk-Kazyna JSC'] },
];

function names(): Named[] {
  const generated = generateGraph({ actors: 400, seed: 5 }).actors;
  return [...HAND_PICKED, ...generated];
}

describe('search fragments for Neo4j', () => {
  it('splits a word of five or more letters into three pieces, a short word into one prefix', () => {
    expect(wordTerms('baimu')).toEqual([[' bai'], ['imu'], [' ba', 'mu']]);
    expect(wordTerms('nazarbayev')).toEqual([[' nazar'], ['rbayev'], [' naza', 'bayev']]);
    expect(wordTerms('abi')).toEqual([[' abi']]);
  });

  it('seeks the query word whose weakest fragment is longest, and drops a seek another one covers', () => {
    const search = candidateSearch(['b', 'nazarbayev']);
    expect(search.terms).toHaveLength(2);
    // ' nazar' contains ' naza': the shorter seek finds everything the longer one does.
    expect(search.contains.sort()).toEqual(['\nnaza', ' naza', 'rbayev'].sort());
    expect(search.starts).toEqual(['naza']);
  });

  it('admits every actor the matcher matches, through the seeks and the filter', () => {
    const actors = names();
    const texts = new Map(actors.map((a) => [a.id, searchTextOf(a)]));
    const tokenized = new Map(actors.map((a) => [a.id, tokenizeNames(a)]));
    const queries = new Set<string>();
    for (const a of [...HAND_PICKED, ...actors.slice(HAND_PICKED.length).filter((_, i) => i % 10 === 0)]) {
      for (const name of [a.name, ...a.aliases]) for (const q of searchTextsFor(name)) queries.add(q);
    }
    const missed: string[] = [];
    let matched = 0;
    let admittedWithoutMatch = 0;
    for (const q of queries) {
      const words = searchWords(q);
      if (!words?.length) continue;
      const search = candidateSearch(words);
      for (const a of actors) {
        const text = texts.get(a.id)!;
        const admitted = foundBySeeks(text, search) && passesTerms(text, search);
        if (matchTokenizedNames(words, tokenized.get(a.id)!)) {
          matched++;
          if (!admitted) missed.push(`${JSON.stringify(q)} misses ${a.id} (${a.name})`);
        } else if (admitted) admittedWithoutMatch++;
      }
    }
    expect(missed).toEqual([]);
    // Enough queries and hits that the check means something, and a filter that does filter.
    expect(queries.size).toBeGreaterThan(1000);
    expect(matched).toBeGreaterThan(queries.size);
    expect(admittedWithoutMatch).toBeLessThan(matched);
  });

  it('admits nothing for a word no name holds', () => {
    const search = candidateSearch(['zzzzzz']);
    const texts = names().map(searchTextOf);
    expect(texts.filter((t) => foundBySeeks(t, search) || passesTerms(t, search))).toEqual([]);
  });
});

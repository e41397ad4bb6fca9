/**
 * The embedded store's token index only narrows candidates; results must be
 * exactly what matchActor/compareHits give over every actor. Checked against
 * a brute-force scan for prefixes and for one-letter typos at every position
 * (including the first two letters, which the index finds another way).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '@/graph/memory';
import type { Actor } from '@/graph/core/model';
import { compareByName, compareHits, matchActor, tokens } from '@/graph/core/search';
import { SearchIndex } from '@/graph/memory/search-index';

let seed = 7;
function rnd(): number {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
}
const SYLLABLES = ['ka', 'zy', 'mur', 'at', 'bek', 'nur', 'sul', 'tan', 'as', 'khan', 'ali', 'dar', 'ta', 'er', 'lan', 'ö', 'ş', 'já'];
const word = () => {
  let w = '';
  for (let i = 0, n = 2 + Math.floor(rnd() * 3); i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return w[0].toUpperCase() + w.slice(1);
};

const actors: Actor[] = Array.from({ length: 600 }, (_, i) => ({
  id: `a-${i}`,
  kind: i % 3 === 0 ? 'INSTITUTION' : 'PERSON',
  ...(i % 3 === 0 ? { category: 'company' } : {}),
  name: `${word()} ${word()}`,
  aliases: rnd() < 0.4 ? [`${word()}-${word()}`] : [],
  tags: [],
}));

function bruteForce(query: string): [string, string][] {
  const hits = actors.flatMap((actor) => {
    const m = matchActor(query, actor);
    return m ? [{ actor, match: m.match }] : [];
  });
  return hits.sort(compareHits).map((h) => [h.actor.id, h.match]);
}

/** Queries derived from real name words: prefixes, and every single-letter typo kind at every position. */
function queries(): string[] {
  const out = new Set<string>(['a', 'ka', 'kazy', 'zzzzzz', 'tan ka', 'nur-as']);
  for (let i = 0; i < 12; i++) {
    const a = actors[Math.floor(rnd() * actors.length)];
    const w = tokens(a.name)[0];
    out.add(w.slice(0, 3));
    for (let p = 0; p < Math.min(w.length, 6); p++) {
      out.add(w.slice(0, p) + 'x' + w.slice(p + 1)); // substitution
      out.add(w.slice(0, p) + w.slice(p + 1)); // deletion
      out.add(w.slice(0, p) + 'q' + w.slice(p)); // insertion
    }
    out.add(`${tokens(a.name)[1]} ${w.slice(0, 4)}`);
    // Two words, one with a typo: the rarer word's candidates are narrowed by the other's, fuzzy tokens included.
    out.add(`${tokens(a.name)[1].slice(0, 2)} ${w.slice(0, 2)}x${w.slice(3)}`);
    out.add(`${w.slice(1)} ${tokens(a.name)[1]}`);
  }
  return [...out];
}

let dir: string;
let store: MemoryStore;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-search-'));
  store = await MemoryStore.open({ dataDir: dir });
  await store.importGraph({ sources: [], actors, relationships: [] });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('memory store search index', () => {
  it('returns exactly the brute-force matches, in compareHits order', async () => {
    let withFuzzy = 0;
    for (const q of queries()) {
      const page = await store.findActors({ search: q, first: 500 });
      const expected = bruteForce(q);
      expect(page.items.map((h) => [h.actor.id, h.match]), q).toEqual(expected.slice(0, 500));
      expect(page.totalCount, q).toBe(expected.length);
      if (expected.some(([, m]) => m === 'FUZZY')) withFuzzy++;
    }
    expect(withFuzzy).toBeGreaterThan(10); // the typo queries really exercised fuzzy matching
  });

  it('pages through small pages with the same hits, match kinds, matched texts and kinds filter', async () => {
    // Small pages take the partial-sort path, and one-word queries the path that reads match kinds from the index.
    // One-word texts make one-word queries match exactly ("kazy" is also a prefix of many names).
    const oneWord: Actor[] = [
      { id: 'a-one-word', kind: 'PERSON', name: 'Kazy Tanas', aliases: ['Kazy'], tags: [] },
      { id: 'a-one-word-2', kind: 'INSTITUTION', category: 'company', name: 'Kazy', aliases: [], tags: [] },
      // Exact hits of a prefix that many names share: its first pages are read in name order, and these come first.
      { id: 'a-one-word-3', kind: 'PERSON', name: 'Zyka A', aliases: ['A'], tags: [] },
      { id: 'a-one-word-4', kind: 'PERSON', name: 'A', aliases: [], tags: [] },
    ];
    for (const a of oneWord) {
      actors.push(a);
      await store.upsertActor(a);
    }
    for (const q of [...queries(), 'Kazy', 'kaz', 'kazyx']) {
      for (const kinds of [undefined, ['PERSON' as const]]) {
        const expected = actors
          .filter((a) => !kinds || kinds.includes(a.kind as 'PERSON'))
          .flatMap((actor) => {
            const m = matchActor(q, actor);
            return m ? [{ actor, ...m }] : [];
          })
          .sort(compareHits)
          .map((h) => [h.actor.id, h.match, h.matchedText]);
        const got: (string | undefined)[][] = [];
        let after: string | null = null;
        do {
          const page = await store.findActors({ search: q, kinds, first: 7, after });
          expect(page.totalCount, q).toBe(expected.length);
          got.push(...page.items.map((h) => [h.actor.id, h.match, h.matchedText]));
          after = page.hasNextPage ? page.endCursor : null;
        } while (after);
        expect(got, `${q} ${kinds ?? ''}`).toEqual(expected);
      }
    }
  });

  it('counts the one-edit hits of a broad five-letter prefix once each, and gives each query word a name word of its own', async () => {
    const extra: Actor[] = [
      // "nurla": enough prefix hits that its first page is merged in name order and its count comes from the index.
      ...Array.from({ length: 40 }, (_, i): Actor => ({ id: `a-nurlan-${i}`, kind: 'PERSON', name: `Nurlan ${word()}`, aliases: [], tags: [] })),
      // One edit from "nurla" at the end, in the middle and in the first two letters, and one with both kinds of word.
      ...['Nurlxan Ata', 'Nuurlan Bek', 'Murlan Dar', 'Nurlan Nurlxan', 'Murla'].map((name, i): Actor => ({ id: `a-nurla-typo-${i}`, kind: 'PERSON', name, aliases: [], tags: [] })),
      // Names where one word could serve two query words but may not, and names that repeat a word.
      ...['Sergei Ivanov', 'Sergei Sergeev', 'Sergei Sergei', 'Sergey Serikov', 'Ali Ali', 'Ali Khan'].map((name, i): Actor => ({ id: `a-two-words-${i}`, kind: 'PERSON', name, aliases: i === 0 ? ['Serik Sergei'] : [], tags: [] })),
    ];
    for (const a of extra) {
      actors.push(a);
      await store.upsertActor(a);
    }
    for (const q of ['nurla', 'Nurla', 'nurlx', 'sergei ser', 'ser sergei', 'sergey ser', 'sergei sergei', 'ali al', 'al ali', 'ali ali']) {
      const expected = bruteForce(q);
      for (const first of [1, 3]) {
        const page = await store.findActors({ search: q, first });
        expect(page.totalCount, q).toBe(expected.length);
        expect(page.items.map((h) => [h.actor.id, h.match]), q).toEqual(expected.slice(0, first));
      }
      const all = await store.findActors({ search: q, first: 500 });
      expect(all.items.map((h) => [h.actor.id, h.match]), q).toEqual(expected);
    }
    // The cases above really happen: typo hits beside broad prefix hits, and repeated-word names matching two words.
    expect(bruteForce('nurla').filter(([, m]) => m === 'FUZZY').length).toBeGreaterThanOrEqual(4);
    expect(bruteForce('sergei ser').map(([id]) => id)).toEqual(expect.arrayContaining(['a-two-words-1', 'a-two-words-2', 'a-two-words-0']));
    expect(bruteForce('ali al').map(([id]) => id)).toContain('a-two-words-4');
  });

  it('keeps first pages in name order while writes fill one gap between ranks and neighbours are spread out again', async () => {
    // Each new name sorts just before the previous one, so every insert halves the same gap; deletes and renames go between.
    const check = async () => {
      for (const q of ['zzq', 'zz', 'z']) {
        const expected = bruteForce(q);
        for (const first of [1, 2]) {
          const page = await store.findActors({ search: q, first });
          expect(page.totalCount, q).toBe(expected.length);
          expect(page.items.map((h) => [h.actor.id, h.match]), q).toEqual(expected.slice(0, first));
        }
      }
    };
    for (let i = 60; i > 0; i--) {
      const a: Actor = { id: `a-gap-${i}`, kind: 'PERSON', name: `Zzq ${String(i).padStart(2, '0')}`, aliases: [], tags: [] };
      actors.push(a);
      await store.upsertActor(a);
      if (i % 7 === 0) {
        // The first "Zzq" name goes, the next first is renamed out of the z's, and an older actor renamed into the gap.
        await store.deleteActor(actors.splice(actors.indexOf(a), 1)[0].id);
        await check();
        const next = actors.findIndex((x) => x.id === `a-gap-${i + 1}`);
        if (next >= 0) {
          actors[next] = { ...actors[next], name: `Yy ${i}` };
          await store.upsertActor(actors[next]);
        }
        actors[i] = { ...actors[i], name: `Zzq ${i}a` };
        await store.upsertActor(actors[i]);
        await check();
      }
    }
    await check();
  });

  it('ranks every added actor among its neighbours, spreading a window of them when one gap is used up', () => {
    const person = (id: string, name: string): Actor => ({ id, kind: 'PERSON', name, aliases: [], tags: [] });
    const index = new SearchIndex();
    const ordered = [person('p1', 'Kaz A'), person('p2', 'Kaz C'), person('p3', 'Kaz E')];
    for (const a of ordered) index.add(a);
    index.setNameOrder(ordered);
    const rankOf = (a: Actor) => index.entryOf(a.id).rank;
    // Each one sorts just after "Kaz A" and before the one added last: the same gap halves every time (2^28 at first).
    let spread = 0;
    for (let added = 0; added < 80; added++) {
      const a = person(`q${added}`, `Kaz B${String(99 - added).padStart(2, '0')}`);
      const before = ordered.map(rankOf);
      ordered.splice(1, 0, a);
      index.add(a, { actors: ordered, at: 1 });
      if (ordered.slice(2).some((x, i) => rankOf(x) !== before[i + 1])) spread++;
      expect(index.nameOrderStale).toBe(false);
      const ranks = ordered.map(rankOf);
      expect(ranks.every((r, i) => i === 0 || r > ranks[i - 1]), `ranks after ${added + 1} inserts`).toBe(true);
      expect(index.firstInNameOrder('kaz', ordered.length, new Set()).map((e) => e.actor.id)).toEqual(ordered.map((x) => x.id));
    }
    // 28 halvings fit in the first gap; after that, windows of neighbours were spread out again.
    expect(spread).toBeGreaterThan(0);
    // Without the name order (a bulk load), an add leaves the order stale until the next setNameOrder.
    index.add(person('r1', 'Kaz D'));
    expect(index.nameOrderStale).toBe(true);
  });

  it('stays exact after renames and deletes (incremental index updates)', async () => {
    const target = actors[10];
    await store.upsertActor({ ...target, name: 'Zhanibek Qwertyuiop', aliases: ['Wertyuiop'] });
    expect((await store.findActors({ search: 'qwertyuiop' })).items.map((h) => h.actor.id)).toEqual([target.id]);
    expect((await store.findActors({ search: 'xwertyuiop' })).items.map((h) => [h.actor.id, h.match])).toEqual([[target.id, 'FUZZY']]);
    const oldWord = tokens(target.name).join(' ');
    expect((await store.findActors({ search: oldWord, first: 500 })).items.map((h) => h.actor.id)).not.toContain(target.id);
    await store.deleteActor(target.id);
    expect((await store.findActors({ search: 'qwertyuiop' })).totalCount).toBe(0);
    await store.upsertActor(target); // put it back for other cases
  });

  it('counts and pages broad prefixes exactly after renames and deletes (prefix counts kept up to date)', async () => {
    // Broad one-word prefixes read their first page in name order and take their count from the index.
    for (let i = 0; i < 40; i++) {
      const k = 20 + i * 7;
      // Some new names sort first, so they land on the first pages the merge reads.
      const renamed = { ...actors[k], name: `${i % 4 ? '' : 'Aa'}${word()} ${word()}`, aliases: i % 2 ? [`${word()} ${word()}`] : [] };
      actors[k] = renamed;
      await store.upsertActor(renamed);
    }
    // An actor renamed into a word that names already use, at the head of that word's list in name order.
    const first = [...actors].sort(compareByName).find((a) => tokens(a.name)[0].startsWith('a'))!;
    const joiner = { ...actors[5], name: `${tokens(first.name)[0]} A` };
    actors[5] = joiner;
    await store.upsertActor(joiner);
    for (const victim of actors.splice(300, 15)) await store.deleteActor(victim.id);
    for (const q of ['a', 'k', 'ka', 'n', 'nur', 'ta', 't', 'b', 'z', 'd']) {
      const expected = bruteForce(q);
      const page = await store.findActors({ search: q, first: 7 });
      expect(page.totalCount, q).toBe(expected.length);
      expect(page.items.map((h) => [h.actor.id, h.match]), q).toEqual(expected.slice(0, 7));
    }
  });
});

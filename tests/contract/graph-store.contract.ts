/**
 * The GraphStore contract: one suite every store must pass (embedded, Neo4j).
 * Each case opens a fresh store through `makeStore`, builds what it needs
 * (usually the mini fixture graph) and checks behaviour documented in
 * graph/core/store.ts and graph/core/model.ts. Errors are checked by class and `code`,
 * never by message text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError, VersionConflictError, type ErrorCode } from '@/graph/core/errors';
import { withoutVersion } from '@/graph/core/versions';
import type { Actor, GraphData, Relationship, Source } from '@/graph/core/model';
import type { MapInput } from '@/graph/core/maps';
import { MAX_REPORTED_PROBLEMS } from '@/graph/core/plan';
import type { Change, GraphStore, Path } from '@/graph/core/store';
import { miniGraph, MINI_COUNTS, SRC_A, SRC_B } from '../fixtures/mini-graph';

export type StoreHandle = { store: GraphStore; cleanup?: () => Promise<void> };

type ErrorClass = abstract new (...args: never[]) => Error;

/** Awaits a promise that must reject with `cls` and `code`; returns the error. */
async function rejection(promise: Promise<unknown>, cls: ErrorClass, code: ErrorCode): Promise<Error & { code: string }> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected a ${code} rejection, got a result: ${JSON.stringify(outcome.value)?.slice(0, 200)}`);
  const error = outcome.error as Error & { code: string };
  expect(error).toBeInstanceOf(cls);
  expect(error.code).toBe(code);
  return error;
}

const ids = (records: { id: string }[]) => records.map((r) => r.id);
const sortedIds = (records: { id: string }[]) => ids(records).sort();

function person(id: string, name: string, extra: Partial<Actor> = {}): Actor {
  return { id, kind: 'PERSON', name, aliases: [], tags: [], ...extra };
}

function rel(id: string, type: Relationship['type'], source: string, target: string, extra: Partial<Relationship> = {}): Relationship {
  return { id, type, source, target, citations: [{ sourceId: SRC_A, excerpt: `Evidence for ${id}.` }], ...extra };
}

export function defineGraphStoreContract(name: string, makeStore: () => Promise<StoreHandle>): void {
  describe(name, () => {
    const opened: StoreHandle[] = [];

    async function open(): Promise<GraphStore> {
      const handle = await makeStore();
      opened.push(handle);
      return handle.store;
    }

    async function openMini(): Promise<GraphStore> {
      const store = await open();
      await store.importGraph(miniGraph());
      return store;
    }

    afterEach(async () => {
      for (const handle of opened.splice(0)) {
        await handle.store.close().catch(() => undefined);
        await handle.cleanup?.();
      }
    });

    /** Everything observable about a store's contents, to prove a failed write changed nothing. */
    async function snapshot(store: GraphStore): Promise<{ data: GraphData; changes: number }> {
      return { data: await store.exportGraph(), changes: (await store.changes({ first: 1 })).totalCount };
    }

    async function expectRejectedUnchanged(store: GraphStore, write: () => Promise<unknown>, cls: ErrorClass, code: ErrorCode) {
      const before = await snapshot(store);
      const error = await rejection(write(), cls, code);
      expect(await snapshot(store)).toEqual(before);
      return error;
    }

    async function allChanges(store: GraphStore): Promise<Change[]> {
      return (await store.changes({ first: 500 })).items;
    }

    async function lastChange(store: GraphStore): Promise<Change> {
      const all = await allChanges(store);
      expect(all.length).toBeGreaterThan(0);
      return all[all.length - 1];
    }

    async function relIds(store: GraphStore, filter: Parameters<GraphStore['listRelationships']>[0]): Promise<string[]> {
      return sortedIds((await store.listRelationships(filter, { first: 500 })).items);
    }

    // -----------------------------------------------------------------------
    describe('actors and sources: CRUD', () => {
      it('creates, reads, replaces an actor and reports its kind', async () => {
        const store = await open();
        expect(['memory', 'neo4j']).toContain(store.kind);
        await store.upsertActor({ id: 'ruritania', kind: 'STATE', name: 'Ruritania', aliases: [], tags: [] });
        const created = await store.upsertActor(person('jan-novak', '  Jan Novák ', { aliases: ['Novak', 'Novak'], tags: ['x'], country: 'ruritania', summary: 'A minister.' }));
        expect(created).toEqual({ id: 'jan-novak', kind: 'PERSON', name: 'Jan Novák', aliases: ['Novak'], tags: ['x'], country: 'ruritania', summary: 'A minister.', version: 1 });
        expect(await store.getActor('jan-novak')).toEqual(created);

        const replaced = await store.upsertActor(person('jan-novak', 'Jan Novák Jr.', { aliases: [] }));
        expect(replaced.name).toBe('Jan Novák Jr.');
        expect(replaced.version).toBe(2);
        const read = await store.getActor('jan-novak');
        expect(read).toEqual(replaced);
        expect(read.country).toBeUndefined();
        expect(read.summary).toBeUndefined();
      });

      it('stores an institution with its category', async () => {
        const store = await open();
        const inst: Actor = { id: 'ministry', kind: 'INSTITUTION', category: 'government body', name: 'Ministry of Tests', aliases: ['MoT'], tags: [] };
        await store.upsertActor(inst);
        expect(await store.getActor('ministry')).toEqual({ ...inst, version: 1 });
      });

      it('getActors returns actors in input order with null for unknown ids', async () => {
        const store = await openMini();
        const got = await store.getActors(['smailov', 'no-such-actor', 'kazakhstan', 'smailov']);
        expect(got.map((a) => a?.id ?? null)).toEqual(['smailov', null, 'kazakhstan', 'smailov']);
        expect(got[2]?.kind).toBe('STATE');
      });

      it('getActor of an unknown id throws NotFoundError', async () => {
        const store = await openMini();
        await rejection(store.getActor('no-such-actor'), NotFoundError, 'NOT_FOUND');
      });

      it('rejects invalid actors with ValidationError and writes nothing', async () => {
        const store = await openMini();
        await expectRejectedUnchanged(store, () => store.upsertActor(person('Bad Id', 'Bad')), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(store, () => store.upsertActor(person('no-name', '   ')), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(store, () => store.upsertActor(person('cat', 'Cat', { category: 'company' })), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(
          store,
          () => store.upsertActor({ id: 'robot', kind: 'ROBOT', name: 'Robot', aliases: [], tags: [] } as unknown as Actor),
          ValidationError,
          'BAD_USER_INPUT',
        );
      });

      it('rejects a country that is not a STATE actor, writing nothing', async () => {
        const store = await openMini();
        await expectRejectedUnchanged(store, () => store.upsertActor(person('p1', 'P One', { country: 'tokayev' })), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(store, () => store.upsertActor(person('p2', 'P Two', { country: 'atlantis' })), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.getActor('p1'), NotFoundError, 'NOT_FOUND');
      });

      it('creates, reads, lists and replaces sources', async () => {
        const store = await open();
        const b: Source = { id: 'src-b', title: 'B', published: '2023-02' };
        const a: Source = { id: 'src-a', title: 'A', publisher: 'Wire', authors: ['Writer'], published: '2022', url: 'https://example.org/a' };
        expect(await store.upsertSource(b)).toEqual({ ...b, version: 1 });
        await store.upsertSource(a);
        expect(await store.getSource('src-a')).toEqual({ ...a, version: 1 });
        expect(ids(await store.listSources())).toEqual(['src-a', 'src-b']);
        expect((await store.getSources(['src-b', 'nope'])).map((s) => s?.id ?? null)).toEqual(['src-b', null]);
        await store.upsertSource({ id: 'src-a', title: 'A, revised' });
        expect(await store.getSource('src-a')).toEqual({ id: 'src-a', title: 'A, revised', version: 2 });
        await rejection(store.getSource('nope'), NotFoundError, 'NOT_FOUND');
        await expectRejectedUnchanged(store, () => store.upsertSource({ id: 'src-c', title: 'C', url: 'ftp://example.org' }), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(store, () => store.upsertSource({ id: 'src-c', title: 'C', published: '2022-13' }), ValidationError, 'BAD_USER_INPUT');
      });

      it('keeps a source\'s provenance; an older single author becomes authors', async () => {
        const store = await open();
        const full: Source = {
          id: 'src-p',
          title: 'P',
          publisher: 'Think Tank',
          authors: ['First Author', 'Second Author'],
          published: '2023-04',
          updated: '2023-05-02',
          url: 'https://example.org/p',
          textKind: 'PARAPHRASED_COPY',
          textNote: 'Machine-paraphrased copy of the published paper.',
        };
        expect(await store.upsertSource(full)).toEqual({ ...full, version: 1 });
        expect(await store.getSource('src-p')).toEqual({ ...full, version: 1 });
        expect((await store.exportGraph()).sources).toEqual([full]);
        const legacy = { id: 'src-old', title: 'Old', author: 'Solo Writer' } as unknown as Source;
        expect(await store.upsertSource(legacy)).toEqual({ id: 'src-old', title: 'Old', authors: ['Solo Writer'], version: 1 });
        expect(await store.getSource('src-old')).toEqual({ id: 'src-old', title: 'Old', authors: ['Solo Writer'], version: 1 });
        await expectRejectedUnchanged(store, () => store.upsertSource({ ...full, id: 'src-q', textKind: 'SUMMARY' as never }), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(store, () => store.upsertSource({ ...full, id: 'src-q', updated: '2023-03' }), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(store, () => store.upsertSource({ ...legacy, id: 'src-q', authors: ['Two'] } as Source), ValidationError, 'BAD_USER_INPUT');
      });

      it('imports files written before authors: a single author becomes authors', async () => {
        const store = await open();
        const data = miniGraph();
        (data.sources[0] as unknown as Record<string, unknown>).author = 'A. Writer';
        delete data.sources[0].authors;
        await store.importGraph(data);
        expect((await store.getSource(SRC_A)).authors).toEqual(['A. Writer']);
      });

      it('deletes an actor without relationships; unknown ids throw NotFoundError', async () => {
        const store = await openMini();
        await store.upsertActor(person('loner', 'Lone Actor'));
        await store.deleteActor('loner');
        await rejection(store.getActor('loner'), NotFoundError, 'NOT_FOUND');
        await rejection(store.deleteActor('loner'), NotFoundError, 'NOT_FOUND');
        await rejection(store.deleteRelationship('no-such-rel'), NotFoundError, 'NOT_FOUND');
        await rejection(store.deleteSource('no-such-source'), NotFoundError, 'NOT_FOUND');
      });

      it('deleting an actor with relationships throws ConflictError unless cascade', async () => {
        const store = await openMini();
        await expectRejectedUnchanged(store, () => store.deleteActor('massimov'), ConflictError, 'CONFLICT');
        await store.deleteActor('massimov', { cascade: true });
        await rejection(store.getActor('massimov'), NotFoundError, 'NOT_FOUND');
        const left = await store.exportGraph();
        expect(left.actors).toHaveLength(MINI_COUNTS.actors - 1);
        expect(sortedIds(left.relationships)).toEqual(
          ['r01', 'r02', 'r03', 'r07', 'r08', 'r09', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'r16', 'r17', 'r18'],
        );
        await rejection(store.getRelationship('r04'), NotFoundError, 'NOT_FOUND');
      });

      it('deleting a cited source throws ConflictError; uncited sources delete', async () => {
        const store = await openMini();
        await expectRejectedUnchanged(store, () => store.deleteSource(SRC_A), ConflictError, 'CONFLICT');
        await store.upsertSource({ id: 'src-unused', title: 'Unused' });
        await store.deleteSource('src-unused');
        await rejection(store.getSource('src-unused'), NotFoundError, 'NOT_FOUND');
        // Once nothing cites it, the source can go.
        for (const id of await relIds(store, { sourceId: SRC_A })) await store.deleteRelationship(id);
        await store.deleteSource(SRC_A);
        expect(ids(await store.listSources())).toEqual([SRC_B]);
      });
    });

    // -----------------------------------------------------------------------
    describe('relationships: CRUD and validation', () => {
      it('creates, reads and replaces a relationship with amount, dates and citations', async () => {
        const store = await openMini();
        const r = rel('x1', 'INVESTED_IN', 'russia', 'samruk-kazyna', {
          role: 'loan',
          start: '2022-02',
          end: '2023',
          amount: 250.5,
          currency: 'EUR',
          citations: [
            { sourceId: SRC_A, excerpt: 'A loan was agreed.' },
            { sourceId: SRC_B, excerpt: 'The loan, in euros.' },
          ],
        });
        expect(await store.upsertRelationship(r)).toEqual({ ...r, version: 1 });
        expect(await store.getRelationship('x1')).toEqual({ ...r, version: 1 });
        const replaced = { ...r, role: 'grant', amount: undefined, currency: undefined, end: undefined };
        await store.upsertRelationship(replaced);
        const read = await store.getRelationship('x1');
        expect(read.role).toBe('grant');
        expect(read.version).toBe(2);
        expect(read.amount).toBeUndefined();
        expect(read.currency).toBeUndefined();
        expect(read.end).toBeUndefined();
        expect(read.citations).toEqual(r.citations);
      });

      it('getRelationships keeps input order with null for unknown ids; getRelationship throws NotFoundError', async () => {
        const store = await openMini();
        const got = await store.getRelationships(['r10', 'nope', 'r01']);
        expect(got.map((r) => r?.id ?? null)).toEqual(['r10', null, 'r01']);
        expect(got[2]).toEqual({ ...miniGraph().relationships.find((r) => r.id === 'r01'), version: 1 });
        await rejection(store.getRelationship('nope'), NotFoundError, 'NOT_FOUND');
      });

      it('getRelationships of an import-sized id list (over 1 000 ids: the count-store check first) keeps input order, finds every type, null for unknown ids', async () => {
        const store = await openMini();
        const mini = miniGraph().relationships.map((r) => r.id);
        const unknown = Array.from({ length: 1000 }, (_, i) => `no-such-rel-${i}`);
        const ids = [...unknown.slice(0, 500), ...mini.slice().reverse(), ...unknown.slice(500)];
        const got = await store.getRelationships(ids);
        expect(got.map((r) => r?.id ?? null)).toEqual(ids.map((id) => (mini.includes(id) ? id : null)));
        expect(got[ids.indexOf('r01')]).toEqual({ ...miniGraph().relationships.find((r) => r.id === 'r01'), version: 1 });
      });

      it('replacing a relationship may change its type and ends; the old edge is gone', async () => {
        const store = await openMini();
        const r01 = await store.getRelationship('r01');
        await store.upsertRelationship({ ...r01, type: 'SUPPORTED', target: 'mamin' });
        const read = await store.getRelationship('r01');
        expect([read.type, read.source, read.target]).toEqual(['SUPPORTED', 'tokayev', 'mamin']);
        expect(await relIds(store, { types: ['APPOINTED'] })).toEqual(['r03', 'r20']);
        expect(await relIds(store, { actorId: 'smailov' })).toEqual([]);
        const exported = await store.exportGraph();
        expect(exported.relationships.filter((r) => r.id === 'r01')).toHaveLength(1);
        expect(exported.relationships).toHaveLength(MINI_COUNTS.relationships);
      });

      it('deletes a relationship', async () => {
        const store = await openMini();
        await store.deleteRelationship('r09');
        await rejection(store.getRelationship('r09'), NotFoundError, 'NOT_FOUND');
        expect(await relIds(store, { actorId: 'dariga-nazarbayeva' })).toEqual([]);
        expect((await store.exportGraph()).relationships).toHaveLength(MINI_COUNTS.relationships - 1);
      });

      const badRelationships: [string, Relationship][] = [
        ['without a citation', rel('bad', 'SUPPORTED', 'russia', 'smailov', { citations: [] })],
        ['with an unknown actor', rel('bad', 'SUPPORTED', 'russia', 'nobody')],
        ['citing an unknown source', rel('bad', 'SUPPORTED', 'russia', 'smailov', { citations: [{ sourceId: 'src-nope', excerpt: 'Text.' }] })],
        ['with the date 2022-13', rel('bad', 'SUPPORTED', 'russia', 'smailov', { start: '2022-13' })],
        ['ending before it starts', rel('bad', 'SUPPORTED', 'russia', 'smailov', { start: '2022-05', end: '2022-04' })],
        ['of kinds its type forbids (FAMILY_OF person–state)', rel('bad', 'FAMILY_OF', 'smailov', 'russia')],
        ['with an excerpt over 400 characters', rel('bad', 'SUPPORTED', 'russia', 'smailov', { citations: [{ sourceId: SRC_A, excerpt: 'x'.repeat(401) }] })],
        ['of an unknown type', rel('bad', 'BEFRIENDED' as Relationship['type'], 'russia', 'smailov')],
        ['looping on one actor', rel('bad', 'SUPPORTED', 'russia', 'russia')],
      ];
      for (const [what, bad] of badRelationships) {
        it(`rejects a relationship ${what} with ValidationError and writes nothing`, async () => {
          const store = await openMini();
          await expectRejectedUnchanged(store, () => store.upsertRelationship(bad), ValidationError, 'BAD_USER_INPUT');
          await rejection(store.getRelationship('bad'), NotFoundError, 'NOT_FOUND');
        });
      }

      it('rejects an invalid replacement of an existing relationship and keeps the old one', async () => {
        const store = await openMini();
        const r02 = await store.getRelationship('r02');
        await expectRejectedUnchanged(store, () => store.upsertRelationship({ ...r02, citations: [] }), ValidationError, 'BAD_USER_INPUT');
        expect(await store.getRelationship('r02')).toEqual(r02);
      });

      it('accepts an exactly 400-character excerpt', async () => {
        const store = await openMini();
        const r = rel('long-quote', 'SUPPORTED', 'russia', 'smailov', { citations: [{ sourceId: SRC_A, excerpt: 'y'.repeat(400) }] });
        expect((await store.upsertRelationship(r)).citations[0].excerpt).toHaveLength(400);
      });
    });

    // -----------------------------------------------------------------------
    describe('symmetric relationships', () => {
      it('are readable from both ends', async () => {
        const store = await openMini();
        expect(await relIds(store, { actorId: 'nazarbayev', types: ['FAMILY_OF'] })).toEqual(['r09']);
        expect(await relIds(store, { actorId: 'dariga-nazarbayeva', types: ['FAMILY_OF'] })).toEqual(['r09']);
        expect(await relIds(store, { actorId: 'russia', types: ['ALLIED_WITH'] })).toEqual(['r10']);
        const byActor = await store.relationshipsOfActors(['russia', 'kazakhstan'], { types: ['ALLIED_WITH'] });
        expect(ids(byActor.get('russia') ?? [])).toEqual(['r10']);
        expect(ids(byActor.get('kazakhstan') ?? [])).toEqual(['r10']);
      });

      it('are stored once: upserting b→a with the id of a→b keeps one relationship', async () => {
        const store = await openMini();
        await store.upsertRelationship(rel('ally', 'ALLIED_WITH', 'smailov', 'mamin'));
        await store.upsertRelationship(rel('ally', 'ALLIED_WITH', 'mamin', 'smailov', { role: 'reversed' }));
        const exported = (await store.exportGraph()).relationships.filter((r) => r.id === 'ally');
        expect(exported).toHaveLength(1);
        expect(exported[0].role).toBe('reversed');
        expect([exported[0].source, exported[0].target].sort()).toEqual(['mamin', 'smailov']);
        expect(await relIds(store, { actorId: 'mamin', types: ['ALLIED_WITH'] })).toEqual(['ally']);
        expect(await relIds(store, { actorId: 'smailov', types: ['ALLIED_WITH'] })).toEqual(['ally']);
        const hood = await store.neighborhood({ actorId: 'mamin', types: ['ALLIED_WITH'] });
        expect(sortedIds(hood.actors)).toEqual(['mamin', 'smailov']);
        expect(ids(hood.relationships)).toEqual(['ally']);
      });

      it('accept kinds in either order for a symmetric type', async () => {
        const store = await openMini();
        // ALLIED_WITH takes any kinds; FAMILY_OF needs two people whichever is named first.
        await store.upsertRelationship(rel('fam', 'FAMILY_OF', 'smailov', 'mamin'));
        const read = await store.getRelationship('fam');
        expect([read.source, read.target].sort()).toEqual(['mamin', 'smailov']);
      });
    });

    // -----------------------------------------------------------------------
    describe('search', () => {
      it('ignores case and diacritics and matches aliases', async () => {
        const store = await openMini();
        for (const q of ['tokaev', 'Tokáyev', 'TOKAYEV', 'Токаев']) {
          const page = await store.findActors({ search: q });
          expect(ids(page.items.map((h) => h.actor)), q).toContain('tokayev');
          expect(page.items[0].actor.id, q).toBe('tokayev');
          expect(page.items[0].match, q).toBe('EXACT');
        }
        const hit = (await store.findActors({ search: 'tokaev' })).items[0];
        expect(hit.matchedText).toBe('Tokaev');
      });

      it('matches prefixes of name words, in any order', async () => {
        const store = await openMini();
        const page = await store.findActors({ search: 'nazarb' });
        expect(sortedIds(page.items.map((h) => h.actor))).toEqual(['dariga-nazarbayeva', 'nazarbayev']);
        expect(page.items.every((h) => h.match === 'PREFIX')).toBe(true);
        const twoWords = await store.findActors({ search: 'tokayev kass' });
        expect(twoWords.items.map((h) => [h.actor.id, h.match])).toEqual([['tokayev', 'PREFIX']]);
      });

      it('allows one typo in words of five or more letters, not in shorter words, not two typos', async () => {
        const store = await openMini();
        const fuzzy = await store.findActors({ search: 'Smaylov' });
        expect(fuzzy.items.map((h) => [h.actor.id, h.match])).toEqual([['smailov', 'FUZZY']]);
        expect((await store.findActors({ search: 'smaylof' })).totalCount).toBe(0);
        expect((await store.findActors({ search: 'mamn' })).totalCount).toBe(0);
        expect((await store.findActors({ search: 'zzzzzz' })).items).toEqual([]);
      });

      it('ranks exact > prefix > fuzzy, whatever the alphabetical order', async () => {
        const store = await open();
        await store.upsertActor(person('kerem', 'Kerem'));
        await store.upsertActor({ id: 'aardvark', kind: 'INSTITUTION', category: 'company', name: 'Aardvark Holdings', aliases: ['Kerem Group'], tags: [] });
        await store.upsertActor(person('aaron-kerim', 'Aaron Kerim'));
        await store.upsertActor(person('unrelated', 'Someone Else'));
        const page = await store.findActors({ search: 'kerem' });
        expect(page.items.map((h) => [h.actor.id, h.match])).toEqual([
          ['kerem', 'EXACT'],
          ['aardvark', 'PREFIX'],
          ['aaron-kerim', 'FUZZY'],
        ]);
        expect(page.items[1].matchedText).toBe('Kerem Group');
        expect(page.totalCount).toBe(3);
      });

      it('filters by kinds', async () => {
        const store = await openMini();
        const people = await store.findActors({ search: 'nazarbay', kinds: ['PERSON'] });
        expect(people.totalCount).toBe(2);
        expect((await store.findActors({ search: 'nazarbay', kinds: ['INSTITUTION', 'STATE'] })).totalCount).toBe(0);
        const states = await store.findActors({ kinds: ['STATE'] });
        expect(states.items.map((h) => h.actor.id)).toEqual(['kazakhstan', 'russia']);
        const institutions = await store.findActors({ kinds: ['INSTITUTION'], first: 500 });
        expect(institutions.totalCount).toBe(5);
        expect(institutions.items.every((h) => h.actor.kind === 'INSTITUTION')).toBe(true);
      });

      it('a relationships filter naming an unknown source is NOT_FOUND, like an unknown actor', async () => {
        const store = await openMini();
        await rejection(store.listRelationships({ sourceId: 'no-such-source' }), NotFoundError, 'NOT_FOUND');
        await rejection(store.listRelationships({ actorId: 'no-such-actor' }), NotFoundError, 'NOT_FOUND');
        await rejection(store.stats({ filter: { sourceId: 'no-such-source' } }), NotFoundError, 'NOT_FOUND');
      });

      it('search text with nothing searchable in it ("$", an emoji, punctuation) matches no actor, rather than all', async () => {
        const store = await openMini();
        for (const search of ['$', '🙂', '🇰🇿🙂', '—?!', '"']) {
          const page = await store.findActors({ search, first: 500 });
          expect(page.totalCount, search).toBe(0);
          expect(page.items, search).toEqual([]);
          expect(page.hasNextPage).toBe(false);
        }
      });

      it('without search text lists every actor by name with match ALL', async () => {
        const store = await openMini();
        const expected = miniGraph()
          .actors.slice()
          .sort((a, b) => a.name.localeCompare(b.name, 'en'))
          .map((a) => a.id);
        for (const search of [undefined, '', '   ']) {
          const page = await store.findActors({ search, first: 500 });
          expect(page.totalCount).toBe(MINI_COUNTS.actors);
          expect(page.items.map((h) => h.actor.id)).toEqual(expected);
          expect(page.items.every((h) => h.match === 'ALL')).toBe(true);
          expect(page.hasNextPage).toBe(false);
        }
      });

      it('paginates with totalCount, endCursor and hasNextPage', async () => {
        const store = await openMini();
        const all = (await store.findActors({ first: 500 })).items.map((h) => h.actor.id);
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        for (;;) {
          const page = await store.findActors({ first: 5, after });
          pages++;
          expect(page.totalCount).toBe(MINI_COUNTS.actors);
          expect(page.items.length).toBeLessThanOrEqual(5);
          seen.push(...page.items.map((h) => h.actor.id));
          if (!page.hasNextPage) break;
          expect(page.endCursor).toEqual(expect.any(String));
          after = page.endCursor;
          expect(pages).toBeLessThan(10);
        }
        expect(pages).toBe(3);
        expect(seen).toEqual(all);
      });

      it('paginates ranked search results without losing or repeating hits', async () => {
        const store = await openMini();
        const all = await store.findActors({ search: 'ka', first: 500 });
        expect(all.items.map((h) => h.actor.id).sort()).toEqual(['kazakhstan', 'massimov', 'samruk-kazyna', 'tokayev']);
        const first = await store.findActors({ search: 'ka', first: 2 });
        expect(first.hasNextPage).toBe(true);
        const rest = await store.findActors({ search: 'ka', first: 500, after: first.endCursor });
        expect(rest.hasNextPage).toBe(false);
        expect([...first.items, ...rest.items].map((h) => h.actor.id)).toEqual(all.items.map((h) => h.actor.id));
      });

      it('rejects a bad cursor and a page size outside 1–500 with ValidationError', async () => {
        const store = await openMini();
        await rejection(store.findActors({ after: '%%%not-a-cursor%%%' }), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.findActors({ first: 0 }), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.findActors({ first: 501 }), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.listRelationships({}, { after: '%%%not-a-cursor%%%' }), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.changes({ after: '%%%not-a-cursor%%%' }), ValidationError, 'BAD_USER_INPUT');
      });

      it('an empty result has no cursor and no next page', async () => {
        const store = await openMini();
        const page = await store.findActors({ search: 'qqqqqq' });
        expect(page).toEqual({ items: [], totalCount: 0, endCursor: null, hasNextPage: false });
      });
    });

    // -----------------------------------------------------------------------
    describe('relationship filters', () => {
      it('lists by start date (undated last), ties by id, less precise dates first', async () => {
        const store = await openMini();
        const page = await store.listRelationships({});
        expect(page.totalCount).toBe(MINI_COUNTS.relationships);
        expect(ids(page.items)).toEqual([
          'r08', 'r10', 'r12', 'r13', 'r15', 'r06', 'r20', 'r03', 'r07', 'r16',
          'r14', 'r04', 'r17', 'r02', 'r19', 'r05', 'r11', 'r01', 'r18', 'r09',
        ]);
      });

      it('paginates relationships', async () => {
        const store = await openMini();
        const all = ids((await store.listRelationships({}, { first: 500 })).items);
        const p1 = await store.listRelationships({}, { first: 7 });
        const p2 = await store.listRelationships({}, { first: 7, after: p1.endCursor });
        const p3 = await store.listRelationships({}, { first: 7, after: p2.endCursor });
        expect([p1.hasNextPage, p2.hasNextPage, p3.hasNextPage]).toEqual([true, true, false]);
        expect(p3.items).toHaveLength(6);
        expect([...ids(p1.items), ...ids(p2.items), ...ids(p3.items)]).toEqual(all);
        expect(p2.totalCount).toBe(MINI_COUNTS.relationships);
      });

      it('filters by types and by actor (either end)', async () => {
        const store = await openMini();
        expect(await relIds(store, { types: ['MEMBER_OF'] })).toEqual(['r12', 'r13', 'r14', 'r15']);
        expect(await relIds(store, { types: ['MEMBER_OF', 'PROSECUTED'] })).toEqual(['r04', 'r12', 'r13', 'r14', 'r15']);
        expect(await relIds(store, { actorId: 'massimov' })).toEqual(['r04', 'r05', 'r06', 'r19', 'r20']);
        expect(await relIds(store, { actorId: 'massimov', types: ['DISMISSED', 'APPOINTED'] })).toEqual(['r05', 'r20']);
        await rejection(store.listRelationships({ actorId: 'nobody' }), NotFoundError, 'NOT_FOUND');
      });

      it('filters by a from/to range of partial dates', async () => {
        const store = await openMini();
        // r09 has no start: a date range leaves it out unless undated relationships are asked for.
        expect(await relIds(store, { from: '2023', to: '2023' })).toEqual(
          ['r01', 'r02', 'r04', 'r05', 'r07', 'r10', 'r12', 'r13', 'r16', 'r17', 'r18', 'r19', 'r20'],
        );
        expect(await relIds(store, { from: '2023', to: '2023', undated: 'SHOW' })).toEqual(
          ['r01', 'r02', 'r04', 'r05', 'r07', 'r09', 'r10', 'r12', 'r13', 'r16', 'r17', 'r18', 'r19', 'r20'],
        );
        expect(await relIds(store, { to: '1993' })).toEqual(['r08', 'r10']);
        expect(await relIds(store, { to: '1993', undated: 'SHOW' })).toEqual(['r08', 'r09', 'r10']);
        // r06 ended in 2022-01, so it overlaps a range starting 2022-01-31 but not one starting 2022-02.
        expect(await relIds(store, { from: '2022-01-31', actorId: 'knb' })).toEqual(['r06']);
        expect(await relIds(store, { from: '2022-02', actorId: 'knb' })).toEqual([]);
      });

      async function openWithUndated(): Promise<GraphStore> {
        const store = await openMini();
        await store.upsertActor(person('p-one', 'Person One'));
        await store.upsertActor(person('p-two', 'Person Two'));
        await store.upsertRelationship(rel('starts-2022', 'SUPPORTED', 'p-one', 'p-two', { start: '2022' }));
        await store.upsertRelationship(rel('ends-2022-01', 'OPPOSED', 'p-one', 'p-two', { end: '2022-01' }));
        await store.upsertRelationship(rel('undated', 'ALLIED_WITH', 'p-one', 'p-two'));
        await store.upsertRelationship(rel('starts-2023', 'APPOINTED', 'p-one', 'p-two', { start: '2023-01-01' }));
        return store;
      }

      it('asOf follows inForceAsOf for partial dates; without a start a relationship is hidden by default', async () => {
        const store = await openWithUndated();
        expect(await relIds(store, { actorId: 'p-one', asOf: '2022-06-01' })).toEqual(['starts-2022']);
        expect(await relIds(store, { actorId: 'p-one', asOf: '2022-01-31' })).toEqual(['starts-2022']);
        expect(await relIds(store, { actorId: 'p-one', asOf: '2021' })).toEqual([]);
        expect(await relIds(store, { actorId: 'p-one', asOf: '2023', undated: 'HIDE' })).toEqual(['starts-2022', 'starts-2023']);
        // Without a date the mode changes nothing.
        expect(await relIds(store, { actorId: 'p-one', undated: 'HIDE' })).toEqual(['ends-2022-01', 'starts-2022', 'starts-2023', 'undated']);
      });

      it('undated SHOW keeps relationships without a start unless their end rules them out', async () => {
        const store = await openWithUndated();
        const show = (asOf: string) => relIds(store, { actorId: 'p-one', asOf, undated: 'SHOW' });
        expect(await show('2022-06-01')).toEqual(['starts-2022', 'undated']);
        expect(await show('2022-02-01')).toEqual(['starts-2022', 'undated']);
        expect(await show('2022-01-31')).toEqual(['ends-2022-01', 'starts-2022', 'undated']);
        expect(await show('2021')).toEqual(['ends-2022-01', 'undated']);
        expect(await show('2023')).toEqual(['starts-2022', 'starts-2023', 'undated']);
        await rejection(store.listRelationships({ asOf: '2022', undated: 'MAYBE' as never }), ValidationError, 'BAD_USER_INPUT');
      });

      it('the undated mode applies to every date-restricted read alike', async () => {
        const store = await openWithUndated();
        const grouped = async (undated?: 'HIDE' | 'SHOW') => sortedIds((await store.relationshipsOfActors(['p-one'], { asOf: '2021', undated })).get('p-one') ?? []);
        expect(await grouped()).toEqual([]);
        expect(await grouped('SHOW')).toEqual(['ends-2022-01', 'undated']);
        const hood = async (undated?: 'HIDE' | 'SHOW') => sortedIds((await store.neighborhood({ actorId: 'p-one', asOf: '2021', undated })).relationships);
        expect(await hood()).toEqual([]);
        expect(await hood('SHOW')).toEqual(['ends-2022-01', 'undated']);
        const walk = async (undated?: 'HIDE' | 'SHOW') => (await store.paths({ from: 'p-one', to: 'p-two', asOf: '2021', undated })).map((p) => ids(p.relationships));
        expect(await walk()).toEqual([]);
        expect((await walk('SHOW')).flat().sort()).toEqual(['ends-2022-01', 'undated']);
        const counted = async (undated?: 'HIDE' | 'SHOW') => (await store.stats({ filter: { actorId: 'p-one', asOf: '2021', undated } })).relationships;
        expect(await counted()).toBe(0);
        expect(await counted('SHOW')).toBe(2);
      });

      it('asOf on the fixture: who was in post in mid-2022', async () => {
        const store = await openMini();
        expect(await relIds(store, { asOf: '2022-06-01', types: ['HOLDS_POSITION', 'MEMBER_OF', 'APPOINTED'] })).toEqual(
          ['r01', 'r07', 'r12', 'r13', 'r15', 'r20'],
        );
      });

      it('filters by cited source', async () => {
        const store = await openMini();
        expect(await relIds(store, { sourceId: SRC_A })).toEqual(['r01', 'r02', 'r04', 'r05', 'r11', 'r17', 'r18', 'r19']);
        expect(await relIds(store, { sourceId: SRC_B, actorId: 'samruk-kazyna' })).toEqual(['r18']);
        await rejection(store.listRelationships({ sourceId: 'src-unknown' }), NotFoundError, 'NOT_FOUND');
      });

      it('relationshipsOfActors groups filtered relationships per actor', async () => {
        const store = await openMini();
        const map = await store.relationshipsOfActors(['mamin', 'smailov', 'knb'], { asOf: '2023' });
        expect(sortedIds(map.get('mamin') ?? [])).toEqual(['r02']);
        expect(sortedIds(map.get('smailov') ?? [])).toEqual(['r01']);
        expect(map.get('knb') ?? []).toEqual([]);
        const all = await store.relationshipsOfActors(['tokayev']);
        expect(sortedIds(all.get('tokayev') ?? [])).toEqual(['r01', 'r02', 'r05', 'r07', 'r14', 'r16', 'r17', 'r19']);
      });

      it('degrees counts every relationship at each actor, in input order, 0 for unknown ids', async () => {
        const store = await openMini();
        const ids = ['tokayev', 'knb', 'no-such-actor', 'mamin', 'tokayev'];
        const lists = await store.relationshipsOfActors(ids);
        expect(await store.degrees(ids)).toEqual(ids.map((id) => lists.get(id)?.length ?? 0));
        expect((await store.degrees(ids))[0]).toBe(8);
        expect(await store.degrees([])).toEqual([]);
      });
    });

    // -----------------------------------------------------------------------
    describe('neighborhood', () => {
      it('depth 1: the centre, its neighbours and the relationships among them, centre first', async () => {
        const store = await openMini();
        const hood = await store.neighborhood({ actorId: 'smailov' });
        expect(ids(hood.actors)).toEqual(['smailov', 'tokayev']);
        expect(ids(hood.relationships)).toEqual(['r01']);
        expect(hood.truncated).toBe(false);
      });

      it('depth 2 adds neighbours of neighbours, closest first, with every relationship among them', async () => {
        const store = await openMini();
        const hood = await store.neighborhood({ actorId: 'smailov', depth: 2 });
        expect(ids(hood.actors).slice(0, 2)).toEqual(['smailov', 'tokayev']);
        expect(sortedIds(hood.actors)).toEqual(['amanat', 'kazakhstan', 'mamin', 'massimov', 'nazarbayev', 'russia', 'smailov', 'tokayev']);
        expect(sortedIds(hood.relationships)).toEqual(
          ['r01', 'r02', 'r03', 'r05', 'r07', 'r08', 'r10', 'r14', 'r15', 'r16', 'r17', 'r19', 'r20'],
        );
        expect(hood.truncated).toBe(false);
        // Optional: where a store returns the cited sources, they are each source the relationships cite, whole, and no other.
        if (hood.sources) {
          const cited = [...new Set(hood.relationships.flatMap((r) => r.citations.map((c) => c.sourceId)))].sort();
          expect([...hood.sources.keys()].sort()).toEqual(cited);
          expect([...hood.sources.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(await store.getSources(cited));
        }
      });

      it('depth 3 reaches the whole fixture graph', async () => {
        const store = await openMini();
        const hood = await store.neighborhood({ actorId: 'smailov', depth: 3 });
        expect(hood.actors).toHaveLength(MINI_COUNTS.actors);
        expect(hood.relationships).toHaveLength(MINI_COUNTS.relationships);
        const depthTwo = new Set(['amanat', 'kazakhstan', 'mamin', 'massimov', 'nazarbayev', 'russia']);
        const order = ids(hood.actors);
        const lastDepthTwo = Math.max(...order.map((id, i) => (depthTwo.has(id) ? i : -1)));
        expect(lastDepthTwo).toBe(7); // depth-3 actors come after all depth-2 actors
      });

      it('follows symmetric relationships from the stored target end', async () => {
        const store = await openMini();
        const hood = await store.neighborhood({ actorId: 'nazarbayev', types: ['FAMILY_OF'] });
        expect(ids(hood.actors)).toEqual(['nazarbayev', 'dariga-nazarbayeva']);
      });

      it('filters by relationship types, neighbour kinds and asOf', async () => {
        const store = await openMini();
        const typed = await store.neighborhood({ actorId: 'tokayev', types: ['APPOINTED', 'DISMISSED'] });
        expect(sortedIds(typed.actors)).toEqual(['mamin', 'massimov', 'smailov', 'tokayev']);
        expect(sortedIds(typed.relationships)).toEqual(['r01', 'r02', 'r05']);

        const states = await store.neighborhood({ actorId: 'tokayev', kinds: ['STATE'] });
        expect(ids(states.actors)[0]).toBe('tokayev');
        expect(sortedIds(states.actors)).toEqual(['kazakhstan', 'russia', 'tokayev']);
        expect(sortedIds(states.relationships)).toEqual(['r07', 'r10', 'r17']);

        const midYear = await store.neighborhood({ actorId: 'tokayev', asOf: '2022-06-01' });
        expect(sortedIds(midYear.actors)).toEqual(['kazakhstan', 'mamin', 'massimov', 'nazarbayev', 'russia', 'smailov', 'tokayev']);
        expect(ids(midYear.relationships)).not.toContain('r14');
      });

      it('limit cuts actors off and sets truncated', async () => {
        const store = await openMini();
        const cut = await store.neighborhood({ actorId: 'tokayev', limit: 3 });
        expect(cut.actors).toHaveLength(3);
        expect(cut.actors[0].id).toBe('tokayev');
        expect(cut.truncated).toBe(true);
        const kept = new Set(ids(cut.actors));
        expect(cut.relationships.every((r) => kept.has(r.source) && kept.has(r.target))).toBe(true);

        const deeper = await store.neighborhood({ actorId: 'smailov', depth: 2, limit: 3 });
        expect(ids(deeper.actors).slice(0, 2)).toEqual(['smailov', 'tokayev']);
        expect(['amanat', 'kazakhstan', 'mamin', 'massimov', 'nazarbayev', 'russia']).toContain(deeper.actors[2].id);
        expect(deeper.truncated).toBe(true);

        const exact = await store.neighborhood({ actorId: 'smailov', limit: 2 });
        expect(exact.truncated).toBe(false);
      });

      it('rejects depth 0 or 4 and limits outside 1–500; unknown centre throws NotFoundError', async () => {
        const store = await openMini();
        await rejection(store.neighborhood({ actorId: 'tokayev', depth: 0 }), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.neighborhood({ actorId: 'tokayev', depth: 4 }), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.neighborhood({ actorId: 'tokayev', limit: 0 }), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.neighborhood({ actorId: 'tokayev', limit: 501 }), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.neighborhood({ actorId: 'nobody' }), NotFoundError, 'NOT_FOUND');
      });

      it('an isolated actor is its own neighborhood', async () => {
        const store = await openMini();
        await store.upsertActor(person('hermit', 'The Hermit'));
        const hood = await store.neighborhood({ actorId: 'hermit', depth: 3 });
        const { degrees, sources, ...rest } = hood;
        expect(rest).toEqual({ actors: [await store.getActor('hermit')], relationships: [], truncated: false });
        // Degrees and cited sources are optional; where a store returns them they must be right.
        if (degrees) expect([...degrees]).toEqual([['hermit', 0]]);
        if (sources) expect(sources.size).toBe(0);
      });
    });

    // -----------------------------------------------------------------------
    describe('paths', () => {
      function checkWalk(path: Path, from: string, to: string): void {
        expect(path.actorIds[0]).toBe(from);
        expect(path.actorIds[path.actorIds.length - 1]).toBe(to);
        expect(path.relationships).toHaveLength(path.actorIds.length - 1);
        expect(new Set(path.actorIds).size).toBe(path.actorIds.length);
        path.relationships.forEach((r, i) => {
          expect([r.source, r.target].sort()).toEqual([path.actorIds[i], path.actorIds[i + 1]].sort());
        });
      }

      it('finds simple paths, shortest first, within maxLength', async () => {
        const store = await openMini();
        const paths = await store.paths({ from: 'smailov', to: 'mamin', maxLength: 3 });
        paths.forEach((p) => checkWalk(p, 'smailov', 'mamin'));
        expect(paths.map((p) => p.actorIds)).toEqual([
          ['smailov', 'tokayev', 'mamin'],
          ['smailov', 'tokayev', 'nazarbayev', 'mamin'],
        ]);
        expect(paths.map((p) => ids(p.relationships))).toEqual([
          ['r01', 'r02'],
          ['r01', 'r16', 'r03'],
        ]);
      });

      it('respects maxLength and limit, longer paths after shorter ones', async () => {
        const store = await openMini();
        expect((await store.paths({ from: 'smailov', to: 'mamin', maxLength: 2 })).map((p) => p.actorIds)).toEqual([['smailov', 'tokayev', 'mamin']]);
        expect(await store.paths({ from: 'smailov', to: 'mamin', maxLength: 1 })).toEqual([]);
        expect((await store.paths({ from: 'smailov', to: 'mamin', limit: 1 })).map((p) => p.actorIds)).toEqual([['smailov', 'tokayev', 'mamin']]);
        const many = await store.paths({ from: 'smailov', to: 'mamin', maxLength: 6, limit: 50 });
        expect(many.length).toBeGreaterThan(2);
        many.forEach((p) => checkWalk(p, 'smailov', 'mamin'));
        const lengths = many.map((p) => p.relationships.length);
        expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
        expect(Math.max(...lengths)).toBeLessThanOrEqual(6);
        const keys = many.map((p) => ids(p.relationships).join('>'));
        expect(new Set(keys).size).toBe(keys.length);
      });

      it('filters by types and asOf', async () => {
        const store = await openMini();
        const typed = await store.paths({ from: 'smailov', to: 'mamin', types: ['APPOINTED', 'SUCCEEDED'] });
        expect(typed.map((p) => ids(p.relationships))).toEqual([['r01', 'r16', 'r03']]);
        const later = await store.paths({ from: 'smailov', to: 'mamin', maxLength: 3, asOf: '2023' });
        expect(later.map((p) => ids(p.relationships))).toEqual([['r01', 'r02']]);
      });

      it('walks symmetric relationships and edges against their stored direction', async () => {
        const store = await openMini();
        const paths = await store.paths({ from: 'dariga-nazarbayeva', to: 'smailov', maxLength: 3 });
        expect(paths.map((p) => ids(p.relationships))).toEqual([['r09', 'r16', 'r01']]);
      });

      it('returns [] when no path exists and NotFoundError for unknown ids', async () => {
        const store = await openMini();
        await store.upsertActor(person('hermit', 'The Hermit'));
        expect(await store.paths({ from: 'smailov', to: 'hermit', maxLength: 6 })).toEqual([]);
        await rejection(store.paths({ from: 'nobody', to: 'smailov' }), NotFoundError, 'NOT_FOUND');
        await rejection(store.paths({ from: 'smailov', to: 'nobody' }), NotFoundError, 'NOT_FOUND');
        // Both unknown: every store names the start.
        const both = await rejection(store.paths({ from: 'nobody-from', to: 'nobody-to' }), NotFoundError, 'NOT_FOUND');
        expect(both.message).toContain('nobody-from');
      });
    });

    // -----------------------------------------------------------------------
    describe('timeline and stats', () => {
      it('orders events by date, START before END on the same date, then by id', async () => {
        const store = await openMini();
        const events = await store.timeline({ actorIds: ['massimov'] });
        expect(events.map((e) => [e.relationship.id, e.kind, e.date])).toEqual([
          ['r06', 'START', '2016-09'],
          ['r20', 'START', '2016-09-08'],
          ['r04', 'START', '2022-01'],
          ['r06', 'END', '2022-01'],
          ['r19', 'START', '2022-01-05'],
          ['r05', 'START', '2022-01-06'],
        ]);
        const mamin = await store.timeline({ actorIds: ['mamin'] });
        expect(mamin.map((e) => [e.relationship.id, e.kind])).toEqual([
          ['r03', 'START'],
          ['r02', 'START'],
          ['r03', 'END'],
        ]);
      });

      it('filters events by types, date range and limit', async () => {
        const store = await openMini();
        const held = await store.timeline({ types: ['HOLDS_POSITION'] });
        expect(held.map((e) => [e.relationship.id, e.kind])).toEqual([
          ['r08', 'START'],
          ['r06', 'START'],
          ['r08', 'END'],
          ['r07', 'START'],
          ['r06', 'END'],
        ]);
        const in2019 = await store.timeline({ from: '2019', to: '2019' });
        expect(in2019.map((e) => [e.relationship.id, e.kind])).toEqual([
          ['r03', 'START'],
          ['r08', 'END'],
          ['r07', 'START'],
          ['r16', 'START'],
        ]);
        const firstTwo = await store.timeline({ limit: 2 });
        expect(firstTwo.map((e) => [e.relationship.id, e.kind])).toEqual([
          ['r08', 'START'],
          ['r10', 'START'],
        ]);
        expect(firstTwo[0].relationship).toEqual({ ...miniGraph().relationships.find((r) => r.id === 'r08'), version: 1 });
      });

      it('counts actors, relationships and sources by kind and type', async () => {
        const store = await openMini();
        const stats = await store.stats();
        expect([stats.actors, stats.relationships, stats.sources]).toEqual([13, 20, 2]);
        expect(stats.actorsByKind).toEqual({ PERSON: 6, INSTITUTION: 5, STATE: 2 });
        expect(stats.relationshipsByType).toEqual({
          APPOINTED: 3,
          DISMISSED: 2,
          PROSECUTED: 1,
          ALLIED_WITH: 1,
          INVESTED_IN: 1,
          MEMBER_OF: 4,
          HOLDS_POSITION: 3,
          FAMILY_OF: 1,
          SUCCEEDED: 1,
          INTERVENED_IN: 1,
          SUPPORTED: 1,
          OPPOSED: 1,
          COOPERATED_WITH: 0,
          CRITICIZED: 0,
          VISITED: 0,
          MET_WITH: 0,
        });
        expect(stats.dateRange?.min).toBe('1991');
        const filtered = await store.stats({ filter: { types: ['MEMBER_OF'] } });
        expect(filtered.relationships).toBe(4);
        expect(filtered.relationshipsByType.MEMBER_OF).toBe(4);
        expect(filtered.relationshipsByType.APPOINTED).toBe(0);
      });

      it('ranks the most connected actors, ties by id', async () => {
        const store = await openMini();
        const stats = await store.stats({ top: 4 });
        expect(stats.mostConnected.map((m) => [m.actor.id, m.degree])).toEqual([
          ['tokayev', 8],
          ['kazakhstan', 6],
          ['nazarbayev', 6],
          ['massimov', 5],
        ]);
        expect((await store.stats()).mostConnected).toHaveLength(10);
      });

      it('an empty store has zero counts and no date range', async () => {
        const store = await open();
        const stats = await store.stats();
        expect([stats.actors, stats.relationships, stats.sources]).toEqual([0, 0, 0]);
        expect(stats.mostConnected).toEqual([]);
        expect(stats.dateRange).toBeNull();
        expect(await store.exportGraph()).toEqual({ sources: [], actors: [], relationships: [], maps: [] });
        expect((await store.health()).ok).toBe(true);
      });
    });

    // -----------------------------------------------------------------------
    describe('change log', () => {
      it('records each write with op, entity, before/after and author, in sequence', async () => {
        const store = await open();
        const src: Source = { id: 'src-a', title: 'A' };
        await store.upsertSource(src, { by: 'tester' });
        const a = await store.upsertActor(person('ann', 'Ann'), { by: 'tester' });
        const b = await store.upsertActor(person('bob', 'Bob'));
        const a2 = await store.upsertActor({ ...a, name: 'Ann B.' });
        const r = await store.upsertRelationship(rel('ann-bob', 'SUPPORTED', 'ann', 'bob'));
        await store.deleteRelationship('ann-bob');
        await store.deleteActor('bob');
        await store.deleteSource('src-a');

        const log = await allChanges(store);
        expect(log.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        expect(log.map((c) => [c.op, c.entityId])).toEqual([
          ['UPSERT_SOURCE', 'src-a'],
          ['UPSERT_ACTOR', 'ann'],
          ['UPSERT_ACTOR', 'bob'],
          ['UPSERT_ACTOR', 'ann'],
          ['UPSERT_RELATIONSHIP', 'ann-bob'],
          ['DELETE_RELATIONSHIP', 'ann-bob'],
          ['DELETE_ACTOR', 'bob'],
          ['DELETE_SOURCE', 'src-a'],
        ]);
        expect(log[0].by).toBe('tester');
        expect(log[1].by).toBe('tester');
        expect(log[0].after).toEqual({ ...src, version: 1 });
        expect(log[1].before == null).toBe(true);
        expect(log[1].after).toEqual(a);
        expect(log[3].before).toEqual(a);
        expect(log[3].after).toEqual(a2);
        expect(log[4].after).toEqual(r);
        expect(log[5].before).toEqual(r);
        expect(log[5].after == null).toBe(true);
        expect(log[6].before).toEqual(b);
        expect(log[7].before).toEqual({ ...src, version: 1 });
        expect([a.version, a2.version]).toEqual([1, 2]);
        for (const c of log) expect(Number.isNaN(Date.parse(c.at))).toBe(false);
      });

      it('a rejected write adds no entry; changes paginate', async () => {
        const store = await openMini();
        const before = (await store.changes()).totalCount;
        await rejection(store.upsertRelationship(rel('bad', 'SUPPORTED', 'russia', 'nobody')), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.deleteActor('tokayev'), ConflictError, 'CONFLICT');
        expect((await store.changes()).totalCount).toBe(before);
        await store.upsertActor(person('c1', 'C One'));
        await store.upsertActor(person('c2', 'C Two'));
        const p1 = await store.changes({ first: 1 });
        const p2 = await store.changes({ first: 500, after: p1.endCursor });
        expect(p1.totalCount).toBe(before + 2);
        expect([...p1.items, ...p2.items].map((c) => c.seq)).toEqual(Array.from({ length: before + 2 }, (_, i) => i + 1));
        expect(p2.items.at(-1)?.entityId).toBe('c2');
      });

      it('records imports and merges', async () => {
        const store = await openMini();
        const imported = (await allChanges(store)).find((c) => c.op === 'IMPORT');
        expect(imported?.entityId).toBe('');
        await store.upsertActor(person('dup', 'Duplicate Tokayev'));
        await store.mergeActors('tokayev', 'dup', { by: 'editor' });
        const merge = await lastChange(store);
        expect([merge.op, merge.entityId, merge.by]).toEqual(['MERGE_ACTORS', 'tokayev', 'editor']);
      });
    });

    // -----------------------------------------------------------------------
    describe('record versions', () => {
      /** A write that must fail with VersionConflictError, change nothing, and carry the current record. */
      async function expectVersionConflict(store: GraphStore, write: () => Promise<unknown>, currentVersion: number, current: object) {
        const e = (await expectRejectedUnchanged(store, write, VersionConflictError, 'CONFLICT')) as unknown as VersionConflictError;
        expect(e).toBeInstanceOf(ConflictError);
        expect(e.currentVersion).toBe(currentVersion);
        expect(e.current).toEqual(current);
        return e;
      }

      it('starts every record at 1 and adds one on each change, imports included', async () => {
        const store = await openMini();
        expect((await store.getActor('tokayev')).version).toBe(1);
        expect((await store.getRelationship('r01')).version).toBe(1);
        expect((await store.getSource(SRC_A)).version).toBe(1);
        const a = await store.upsertActor({ ...(await store.getActor('smailov')), summary: 'Prime Minister.' });
        expect(a.version).toBe(2);
        expect((await store.upsertRelationship({ ...(await store.getRelationship('r01')), role: 'PM' })).version).toBe(2);
        // A citation change is a change of the relationship.
        const r01 = await store.getRelationship('r01');
        expect((await store.upsertRelationship({ ...r01, citations: [...r01.citations, { sourceId: SRC_B, excerpt: 'More.' }] })).version).toBe(3);
        expect((await store.upsertSource({ ...(await store.getSource(SRC_B)), publisher: 'Other' })).version).toBe(2);
        // Setting a source's full text changes the source.
        await store.setSourceText(SRC_B, 'Some text. More.');
        expect((await store.getSource(SRC_B)).version).toBe(3);
        // Re-importing records that are stored replaces them at their next version; new ones start at 1.
        const data = miniGraph();
        await store.importGraph({ sources: [], actors: [data.actors.find((x) => x.id === 'smailov')!, person('newcomer', 'New Comer')], relationships: [] });
        expect((await store.getActor('smailov')).version).toBe(3);
        expect((await store.getActor('newcomer')).version).toBe(1);
        expect((await store.findActors({ search: 'smailov' })).items[0].actor.version).toBe(3);
      });

      it('moves the kept actor, the moved relationships and the merged actor\'s citizens to their next versions on a merge', async () => {
        const store = await openMini();
        await store.upsertActor({ id: 'kz', kind: 'STATE', name: 'KZ duplicate', aliases: [], tags: [] });
        await store.upsertActor(person('citizen', 'Citizen', { country: 'kz' }));
        await store.upsertRelationship(rel('kz-ally', 'ALLIED_WITH', 'kz', 'russia'));
        const kept = await store.mergeActors('kazakhstan', 'kz');
        expect(kept.version).toBe(2);
        expect((await store.getActor('kazakhstan')).version).toBe(2);
        expect((await store.getRelationship('kz-ally')).version).toBe(2);
        expect(await store.getActor('citizen')).toMatchObject({ country: 'kazakhstan', version: 2 });
      });

      it('refuses each kind of write based on an old version, carrying the current record and writing nothing', async () => {
        const store = await openMini();
        const actor = await store.upsertActor({ ...(await store.getActor('smailov')), summary: 'Theirs.' });
        const relationship = await store.upsertRelationship({ ...(await store.getRelationship('r01')), role: 'Theirs' });
        const source = await store.upsertSource({ ...(await store.getSource(SRC_B)), publisher: 'Theirs' });
        const other = await store.upsertActor({ ...(await store.getActor('mamin')), summary: 'Theirs.' });

        await expectVersionConflict(store, () => store.upsertActor({ ...actor, summary: 'Mine.' }, { expectedVersion: 1 }), 2, actor);
        await expectVersionConflict(store, () => store.deleteActor('smailov', { cascade: true }, { expectedVersion: 1 }), 2, actor);
        await expectVersionConflict(store, () => store.mergeActors('smailov', 'mamin', { expectedVersion: 1 }), 2, actor);
        await expectVersionConflict(store, () => store.mergeActors('smailov', 'mamin', { expectedVersion: 2, expectedMergeVersion: 1 }), 2, other);
        await expectVersionConflict(store, () => store.upsertRelationship({ ...relationship, role: 'Mine' }, { expectedVersion: 1 }), 2, relationship);
        await expectVersionConflict(store, () => store.deleteRelationship('r01', { expectedVersion: 1 }), 2, relationship);
        await expectVersionConflict(store, () => store.upsertSource({ ...source, publisher: 'Mine' }, { expectedVersion: 1 }), 2, source);
        await expectVersionConflict(store, () => store.setSourceText(SRC_B, 'Mine.', {}, { expectedVersion: 1 }), 2, source);
        await store.upsertSource({ id: 'uncited', title: 'Uncited' });
        await store.upsertSource({ id: 'uncited', title: 'Uncited, revised' });
        await expectVersionConflict(store, () => store.deleteSource('uncited', { expectedVersion: 1 }), 2, { id: 'uncited', title: 'Uncited, revised', version: 2 });
      });

      it('lets a write based on the current version through, and answers NOT_FOUND when the record was deleted since', async () => {
        const store = await openMini();
        expect((await store.upsertActor({ ...(await store.getActor('smailov')), summary: 'Mine.' }, { expectedVersion: 1, by: 'me' })).version).toBe(2);
        expect((await store.upsertRelationship({ ...(await store.getRelationship('r01')), role: 'Mine' }, { expectedVersion: 1 })).version).toBe(2);
        expect((await store.setSourceText(SRC_B, 'Text.', {}, { expectedVersion: 1 })).check.sourceId).toBe(SRC_B);
        await store.deleteRelationship('r01', { expectedVersion: 2 });
        await expectRejectedUnchanged(store, () => store.upsertRelationship((miniGraph().relationships[0]), { expectedVersion: 2 }), NotFoundError, 'NOT_FOUND');
        await expectRejectedUnchanged(store, () => store.deleteRelationship('r01', { expectedVersion: 2 }), NotFoundError, 'NOT_FOUND');
        await store.upsertActor(person('gone', 'Gone'));
        await store.deleteActor('gone', {}, { expectedVersion: 1 });
        await expectRejectedUnchanged(store, () => store.upsertActor(person('gone', 'Gone'), { expectedVersion: 1 }), NotFoundError, 'NOT_FOUND');
        // Without an expected version a write applies to whatever is stored, as before versions.
        expect((await store.upsertActor(person('gone', 'Gone'))).version).toBe(1);
      });

      it('lets exactly one of concurrent updates based on the same version through', async () => {
        const store = await openMini();
        const base = await store.getRelationship('r01');
        const outcomes = await Promise.allSettled(['One', 'Two', 'Three', 'Four'].map((role) => store.upsertRelationship({ ...base, role }, { expectedVersion: base.version })));
        const won = outcomes.filter((o): o is PromiseFulfilledResult<Relationship> => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((o) => [(o.reason as VersionConflictError).code, (o.reason as VersionConflictError).currentVersion])).toEqual([
          ['CONFLICT', 2],
          ['CONFLICT', 2],
          ['CONFLICT', 2],
        ]);
        expect(await store.getRelationship('r01')).toEqual(won[0].value);
        expect((await allChanges(store)).filter((c) => c.entityId === 'r01' && c.op === 'UPSERT_RELATIONSHIP')).toHaveLength(1);
      });
    });

    // -----------------------------------------------------------------------
    describe('merge', () => {
      it('moves relationships and aliases to the kept actor and drops self-loops', async () => {
        const store = await openMini();
        await store.upsertActor(person('k-tokayev', 'Kassym Tokayev', { aliases: ['Toqaev'] }));
        await store.upsertRelationship(rel('m1', 'SUPPORTED', 'k-tokayev', 'smailov'));
        await store.upsertRelationship(rel('m2', 'ALLIED_WITH', 'k-tokayev', 'tokayev'));
        await store.upsertRelationship(rel('m3', 'APPOINTED', 'mamin', 'k-tokayev'));
        await store.upsertRelationship(rel('m4', 'FAMILY_OF', 'k-tokayev', 'dariga-nazarbayeva'));

        const kept = await store.mergeActors('tokayev', 'k-tokayev');
        expect(kept.id).toBe('tokayev');
        expect(kept.aliases).toEqual(expect.arrayContaining(['Tokaev', 'Kassym Tokayev', 'Toqaev']));
        expect(await store.getActor('tokayev')).toEqual(kept);
        await rejection(store.getActor('k-tokayev'), NotFoundError, 'NOT_FOUND');

        expect([(await store.getRelationship('m1')).source, (await store.getRelationship('m1')).target]).toEqual(['tokayev', 'smailov']);
        expect((await store.getRelationship('m3')).target).toBe('tokayev');
        const m4 = await store.getRelationship('m4');
        expect([m4.source, m4.target].sort()).toEqual(['dariga-nazarbayeva', 'tokayev']);
        await rejection(store.getRelationship('m2'), NotFoundError, 'NOT_FOUND');
        expect(await relIds(store, { actorId: 'dariga-nazarbayeva', types: ['FAMILY_OF'] })).toEqual(['m4', 'r09']);
        expect((await store.findActors({ search: 'toqaev' })).items.map((h) => h.actor.id)).toEqual(['tokayev']);
        expect((await store.exportGraph()).actors).toHaveLength(MINI_COUNTS.actors);
      });

      it('throws NotFoundError for unknown ids and writes nothing', async () => {
        const store = await openMini();
        await expectRejectedUnchanged(store, () => store.mergeActors('tokayev', 'nobody'), NotFoundError, 'NOT_FOUND');
        await expectRejectedUnchanged(store, () => store.mergeActors('nobody', 'tokayev'), NotFoundError, 'NOT_FOUND');
      });
    });

    // -----------------------------------------------------------------------
    describe('writes that clash with stored data', () => {
      it('changing an actor kind its relationships no longer fit throws ConflictError', async () => {
        const store = await openMini();
        // r01 APPOINTED tokayev → smailov needs a PERSON at the head.
        await expectRejectedUnchanged(store, () => store.upsertActor({ id: 'smailov', kind: 'STATE', name: 'Smailovia', aliases: [], tags: [] }), ConflictError, 'CONFLICT');
        // A kind change that every relationship still fits is fine.
        await store.upsertActor({ id: 'knb', kind: 'INSTITUTION', category: 'government body', name: 'National Security Committee', aliases: [], tags: [] });
        expect((await store.getActor('knb')).category).toBe('government body');
      });

      it('a STATE named as some actor’s country must stay a STATE and cannot be deleted without cascade', async () => {
        const store = await open();
        await store.upsertActor({ id: 'ruritania', kind: 'STATE', name: 'Ruritania', aliases: [], tags: [] });
        await store.upsertActor(person('rudolf', 'Rudolf', { country: 'ruritania' }));
        await expectRejectedUnchanged(
          store,
          () => store.upsertActor({ id: 'ruritania', kind: 'INSTITUTION', category: 'other', name: 'Ruritania', aliases: [], tags: [] }),
          ConflictError,
          'CONFLICT',
        );
        await expectRejectedUnchanged(store, () => store.deleteActor('ruritania'), ConflictError, 'CONFLICT');
        await store.deleteActor('ruritania', { cascade: true });
        // Losing its country is a change of the actor: its next version.
        expect(await store.getActor('rudolf')).toEqual({ ...person('rudolf', 'Rudolf'), version: 2 });
      });

      it('merging a state moves the actors that name it as country; merging an actor into itself is rejected', async () => {
        const store = await openMini();
        await store.upsertActor({ id: 'kz-dup', kind: 'STATE', name: 'Republic of Kazakhstan', aliases: [], tags: [] });
        await store.upsertActor(person('citizen', 'A Citizen', { country: 'kz-dup' }));
        await store.mergeActors('kazakhstan', 'kz-dup');
        expect((await store.getActor('citizen')).country).toBe('kazakhstan');
        expect((await store.getActor('kazakhstan')).aliases).toContain('Republic of Kazakhstan');
        await expectRejectedUnchanged(store, () => store.mergeActors('tokayev', 'tokayev'), ValidationError, 'BAD_USER_INPUT');
      });

      it('an import repeating an id is rejected with the path of the repeat', async () => {
        const store = await open();
        const data = miniGraph();
        data.actors.push({ ...data.actors[2] });
        const error = await expectRejectedUnchanged(store, () => store.importGraph(data), ValidationError, 'BAD_USER_INPUT');
        expect((error as ValidationError).problems.map((p) => p.path)).toContain(`actors[${MINI_COUNTS.actors}].id`);
      });
    });

    // -----------------------------------------------------------------------
    describe('import and export', () => {
      it('imports the fixture and exports every list ordered by id', async () => {
        const store = await open();
        expect(await store.importGraph(miniGraph(), { by: 'loader' })).toEqual(MINI_COUNTS);
        const out = await store.exportGraph();
        const fixture = miniGraph();
        const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(out.sources).toEqual(byId(fixture.sources));
        expect(out.actors).toEqual(byId(fixture.actors));
        expect(out.relationships).toEqual(byId(fixture.relationships));
      });

      it('is all or nothing: one bad record rejects the import with its path and writes nothing', async () => {
        const store = await open();
        await store.upsertSource({ id: 'src-a', title: 'Already here' });
        const bad = miniGraph();
        bad.relationships[7].citations[0].excerpt = 'x'.repeat(401);
        const error = await expectRejectedUnchanged(store, () => store.importGraph(bad), ValidationError, 'BAD_USER_INPUT');
        expect((error as ValidationError).problems.map((p) => p.path)).toContain('relationships[7].citations[0].excerpt');
        expect((await store.exportGraph()).actors).toEqual([]);
      });

      it('reports bad actors and dangling references by record path', async () => {
        const store = await openMini();
        const badKind = miniGraph();
        (badKind.actors[3] as { kind: string }).kind = 'ROBOT';
        const e1 = await expectRejectedUnchanged(store, () => store.importGraph(badKind), ValidationError, 'BAD_USER_INPUT');
        expect((e1 as ValidationError).problems.map((p) => p.path)).toContain('actors[3].kind');

        const dangling = miniGraph();
        dangling.relationships[2].target = 'nobody';
        const e2 = await expectRejectedUnchanged(store, () => store.importGraph(dangling), ValidationError, 'BAD_USER_INPUT');
        expect((e2 as ValidationError).problems.some((p) => p.path.startsWith('relationships[2]'))).toBe(true);
      });

      it('relationships in an import may use actors and sources from the same import in any order', async () => {
        const store = await open();
        const data = miniGraph();
        data.actors.reverse();
        data.sources.reverse();
        await store.importGraph(data);
        expect((await store.stats()).relationships).toBe(MINI_COUNTS.relationships);
      });

      it('export → import into a fresh store gives the same export', async () => {
        const first = await openMini();
        await first.upsertActor(person('extra', 'Extra Person', { aliases: ['Ékstra'], summary: 'Added after import.' }));
        await first.upsertRelationship(rel('extra-rel', 'FAMILY_OF', 'smailov', 'extra', { role: 'cousin' }));
        const exported = await first.exportGraph();
        const second = await open();
        await second.importGraph(exported);
        expect(await second.exportGraph()).toEqual(exported);
      });

      it('re-importing the same data leaves the graph as it was', async () => {
        const store = await openMini();
        const before = await store.exportGraph();
        expect(await store.importGraph(miniGraph())).toEqual(MINI_COUNTS);
        expect(await store.exportGraph()).toEqual(before);
      });
    });

    // -----------------------------------------------------------------------
    // ----- source texts (evidence intake) -----------------------------------------
    describe('source texts', () => {
      /** Every excerpt the mini graph cites from source A, one per line. */
      const A_TEXT = miniGraph()
        .relationships.flatMap((r) => r.citations.filter((c) => c.sourceId === SRC_A).map((c) => c.excerpt))
        .join('\n');
      const A_CITATIONS = A_TEXT.split('\n').length;

      it('creates a source with its text in one write; the text stays out of source records', async () => {
        const store = await open();
        const source: Source = { id: 'doc-1', title: 'A new report', publisher: 'Wire' };
        const before = (await store.changes({ first: 1 })).totalCount;
        const result = await store.setSourceText('doc-1', '\r\n  First line.\r\nSecond line.  \n', { source }, { by: 'test' });
        expect(result.info).toMatchObject({ sourceId: 'doc-1', length: 'First line.\nSecond line.'.length });
        expect(Number.isNaN(Date.parse(result.info.updatedAt))).toBe(false);
        expect(result.check).toEqual({ sourceId: 'doc-1', checked: 0, stale: [] });
        expect(await store.getSource('doc-1')).toEqual({ ...source, version: 1 });
        expect(await store.listSources()).toEqual([{ ...source, version: 1 }]);
        expect(await store.getSourceText('doc-1')).toBe('First line.\nSecond line.');
        expect(await store.sourceTextInfo(['nope', 'doc-1'])).toEqual([null, result.info]);

        const log = (await store.changes({ first: 500 })).items.slice(before);
        expect(log.map((c) => c.op)).toEqual(['UPSERT_SOURCE', 'SET_SOURCE_TEXT']);
        expect(log[1]).toMatchObject({ entityId: 'doc-1', by: 'test', after: { sourceId: 'doc-1', length: 24, checked: 0, stale: 0 } });
        expect(JSON.stringify(log[1])).not.toContain('Second line');
      });

      it('sources without text report none; unknown sources throw NotFoundError', async () => {
        const store = await openMini();
        expect(await store.getSourceText(SRC_A)).toBeNull();
        expect(await store.verifySourceCitations(SRC_A)).toBeNull();
        expect(await store.sourceTextInfo([SRC_A, SRC_B])).toEqual([null, null]);
        await rejection(store.getSourceText('nope'), NotFoundError, 'NOT_FOUND');
        await rejection(store.verifySourceCitations('nope'), NotFoundError, 'NOT_FOUND');
      });

      it('setting or replacing a text re-verifies every citation of the source', async () => {
        const store = await openMini();
        const first = await store.setSourceText(SRC_A, A_TEXT);
        expect(first.check.checked).toBe(A_CITATIONS);
        expect(first.check.stale).toEqual([]);

        // An edit: one sentence reworded, one only re-spaced.
        const edited = A_TEXT.replace('was dismissed', 'was sacked').replace('removed from the KNB', 'removed from\nthe KNB');
        const second = await store.setSourceText(SRC_A, edited);
        expect(second.check.stale).toEqual([
          { relationshipId: 'r02', citationIndex: 0, excerpt: 'The government of Mamin was dismissed.', reason: 'missing' },
          { relationshipId: 'r05', citationIndex: 0, excerpt: 'Massimov was removed from the KNB.', reason: 'spacing' },
        ].sort((a, b) => (a.relationshipId < b.relationshipId ? -1 : 1)));
        expect((await lastChange(store)).after).toEqual({ sourceId: SRC_A, length: edited.length, checked: A_CITATIONS, stale: 2 });
        expect((await lastChange(store)).before).toMatchObject({ sourceId: SRC_A, length: A_TEXT.length });

        expect((await store.verifySourceCitations(SRC_A))?.stale).toEqual(second.check.stale);
        // The check is computed at read time: once the stale relationship is deleted, it is no longer flagged.
        await store.deleteRelationship('r02');
        const now = await store.verifySourceCitations(SRC_A);
        expect(now?.checked).toBe(A_CITATIONS - 1);
        expect(now?.stale.map((x) => x.relationshipId)).toEqual(['r05']);
        expect(await store.getSourceText(SRC_A)).toBe(edited);
      });

      it('refuses empty, oversized or unknown-source texts and writes nothing', async () => {
        const store = await openMini();
        await store.setSourceText(SRC_A, A_TEXT);
        await expectRejectedUnchanged(store, () => store.setSourceText(SRC_A, '  \n '), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(store, () => store.setSourceText(SRC_A, 'x'.repeat(1_000_001)), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(store, () => store.setSourceText('nope', 'Some text.'), NotFoundError, 'NOT_FOUND');
        // A new source with an invalid text: neither the source nor the text is written.
        await expectRejectedUnchanged(store, () => store.setSourceText('doc-2', '', { source: { id: 'doc-2', title: 'T' } }), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(store, () => store.setSourceText('doc-2', 'Text.', { source: { id: 'doc-3', title: 'T' } }), ValidationError, 'BAD_USER_INPUT');
        await expectRejectedUnchanged(store, () => store.setSourceText('doc-2', 'Text.', { source: { id: 'doc-2', title: '' } }), ValidationError, 'BAD_USER_INPUT');
        await rejection(store.getSource('doc-2'), NotFoundError, 'NOT_FOUND');
        expect(await store.getSourceText(SRC_A)).toBe(A_TEXT);
      });

      it('new citations of a source with text must quote it verbatim; stored ones do not block other edits', async () => {
        const store = await openMini();
        await store.setSourceText(SRC_A, A_TEXT);
        const quoted = rel('r90', 'ALLIED_WITH', 'smailov', 'mamin', { citations: [{ sourceId: SRC_A, excerpt: 'Tokayev appointed Smailov prime minister.' }] });
        expect((await store.upsertRelationship(quoted)).citations).toEqual(quoted.citations);

        const invented = rel('r91', 'ALLIED_WITH', 'smailov', 'massimov', { citations: [{ sourceId: SRC_A, excerpt: 'Smailov and Massimov are allies.' }] });
        const e = await expectRejectedUnchanged(store, () => store.upsertRelationship(invented), ValidationError, 'BAD_USER_INPUT');
        expect((e as ValidationError).problems.map((p) => p.path)).toEqual(['citations[0].excerpt']);
        const imported = await expectRejectedUnchanged(store, () => store.importGraph({ sources: [], actors: [], relationships: [invented] }), ValidationError, 'BAD_USER_INPUT');
        expect((imported as ValidationError).problems.map((p) => p.path)).toEqual(['relationships[0].citations[0].excerpt']);
        // Sources without text are not checked (the bundled dataset keeps excerpts only).
        await store.upsertRelationship({ ...invented, citations: [{ sourceId: SRC_B, excerpt: 'Smailov and Massimov are allies.' }] });

        // After an edit makes r02's quote stale, r02 can still be corrected field by field.
        await store.setSourceText(SRC_A, A_TEXT.replace('was dismissed', 'was sacked'));
        const r02 = await store.getRelationship('r02');
        expect((await store.upsertRelationship({ ...r02, role: 'Prime Minister (until January 2022)' })).role).toBe('Prime Minister (until January 2022)');
      });

      it('deleting a source deletes its text', async () => {
        const store = await open();
        await store.setSourceText('doc-1', 'Some text.', { source: { id: 'doc-1', title: 'T' } });
        await store.deleteSource('doc-1');
        expect(await store.sourceTextInfo(['doc-1'])).toEqual([null]);
        await store.setSourceText('doc-1', 'Other.', { source: { id: 'doc-1', title: 'T' } });
        expect(await store.getSourceText('doc-1')).toBe('Other.');
      });
    });
    // ----- end source texts -----------------------------------------------------------
    // ----- curated maps ------------------------------------------------------------------
    describe('curated maps', () => {
      const KNB_MAP: MapInput = {
        title: 'The KNB in January 2022',
        description: 'Who moved against Massimov.',
        asOf: '2022-01',
        nodes: [
          { actorId: 'tokayev', x: 0, y: 0 },
          { actorId: 'massimov', x: 200.5, y: -40 },
          { actorId: 'prosecutor-general', x: 180, y: 160 },
        ],
        relationshipIds: ['r05', 'r04'],
        annotations: [
          { id: 'removed', text: 'Removed from the KNB.', target: 'EDGE', targetId: 'r05' },
          { id: 'who', text: 'Chairman until January 2022.', target: 'NODE', targetId: 'massimov' },
          { id: 'note', text: 'First reports.', target: 'CANVAS', x: -120, y: 220 },
        ],
      };
      const tick = () => new Promise((r) => setTimeout(r, 3));

      it('saves a map with a slug id, saved names and kinds from the store, and reads it back', async () => {
        const store = await openMini();
        const saved = await store.saveMap(KNB_MAP, { by: 'test' });
        expect(saved).toMatchObject({ id: 'the-knb-in-january-2022', title: KNB_MAP.title, description: KNB_MAP.description, asOf: '2022-01' });
        expect(saved.nodes).toEqual([
          { actorId: 'tokayev', savedName: 'Kassym-Jomart Tokayev', savedKind: 'PERSON', x: 0, y: 0 },
          { actorId: 'massimov', savedName: 'Karim Massimov', savedKind: 'PERSON', x: 200.5, y: -40 },
          { actorId: 'prosecutor-general', savedName: "Prosecutor General's Office", savedKind: 'INSTITUTION', x: 180, y: 160 },
        ]);
        expect(saved.edges).toEqual([
          { relationshipId: 'r05', savedType: 'DISMISSED', savedSource: 'tokayev', savedTarget: 'massimov' },
          { relationshipId: 'r04', savedType: 'PROSECUTED', savedSource: 'prosecutor-general', savedTarget: 'massimov' },
        ]);
        expect(saved.annotations).toEqual([
          { id: 'removed', text: 'Removed from the KNB.', target: 'EDGE', targetId: 'r05' },
          { id: 'who', text: 'Chairman until January 2022.', target: 'NODE', targetId: 'massimov' },
          { id: 'note', text: 'First reports.', target: 'CANVAS', x: -120, y: 220 },
        ]);
        expect(Number.isNaN(Date.parse(saved.createdAt))).toBe(false);
        expect(saved.updatedAt).toBe(saved.createdAt);
        expect(await store.getMap(saved.id)).toEqual(saved);
        expect(saved.version).toBe(1);
        // Exports hold data, not store bookkeeping: no versions.
        expect((await store.exportGraph()).maps).toEqual([withoutVersion(saved)]);
        const last = (await allChanges(store)).at(-1)!;
        expect(last).toMatchObject({ op: 'SAVE_MAP', entityId: saved.id, after: saved, by: 'test' });
        expect(last.before).toBeUndefined();
      });

      it('gives a repeated title the next free slug; saving with an id replaces that map and keeps createdAt', async () => {
        const store = await openMini();
        const first = await store.saveMap(KNB_MAP);
        expect((await store.saveMap(KNB_MAP)).id).toBe('the-knb-in-january-2022-2');
        expect((await store.saveMap({ ...KNB_MAP, title: 'Ünïcode — ča' })).id).toBe('unicode-ca');
        await tick();
        const replaced = await store.saveMap({ ...KNB_MAP, id: first.id, title: 'Renamed', annotations: [] });
        expect(replaced).toMatchObject({ id: first.id, title: 'Renamed', createdAt: first.createdAt, annotations: [] });
        expect(replaced.updatedAt > first.updatedAt).toBe(true);
        expect((await allChanges(store)).at(-1)).toMatchObject({ op: 'SAVE_MAP', entityId: first.id, before: first, after: replaced });
        expect((await store.listMaps()).totalCount).toBe(3);
      });

      it('lists maps most recently updated first, with cursor paging', async () => {
        const store = await openMini();
        for (const title of ['Alpha', 'Beta', 'Gamma']) {
          await store.saveMap({ ...KNB_MAP, title });
          await tick();
        }
        await store.saveMap({ ...KNB_MAP, id: 'alpha', title: 'Alpha again' });
        const page1 = await store.listMaps({ first: 2 });
        expect(ids(page1.items)).toEqual(['alpha', 'gamma']);
        expect(page1).toMatchObject({ totalCount: 3, hasNextPage: true });
        const page2 = await store.listMaps({ first: 2, after: page1.endCursor });
        expect(ids(page2.items)).toEqual(['beta']);
        expect(page2.hasNextPage).toBe(false);
        await rejection(store.listMaps({ first: 0 }), ValidationError, 'BAD_USER_INPUT');
      });

      it('refuses an invalid map listing every problem, and writes nothing', async () => {
        const store = await openMini();
        const error = (await expectRejectedUnchanged(
          store,
          () =>
            store.saveMap({
              title: '',
              description: 'x'.repeat(5001),
              asOf: '2022-02-30',
              nodes: [
                { actorId: 'tokayev', x: Number.NaN, y: 0 },
                { actorId: 'ghost', x: 0, y: 0 },
                { actorId: 'massimov', x: 0, y: Number.POSITIVE_INFINITY },
              ],
              relationshipIds: ['r05', 'r01', 'missing-rel', 'r05'],
              annotations: [
                { id: 'a', text: '', target: 'NODE', targetId: 'smailov' },
                { id: 'a', text: 'twice', target: 'EDGE', targetId: 'r05', x: 3, y: 4 },
                { id: 'Bad Id', text: 'x', target: 'CANVAS', targetId: 'tokayev', x: 0, y: 0 },
              ],
            }),
          ValidationError,
          'BAD_USER_INPUT',
        )) as unknown as ValidationError;
        expect(error.problems.map((p) => p.path).sort()).toEqual(
          [
            'title',
            'description',
            'asOf',
            'nodes[0].x',
            'nodes[1].actorId',
            'nodes[2].y',
            'relationshipIds[1]',
            'relationshipIds[2]',
            'relationshipIds[3]',
            'annotations[0].text',
            'annotations[0].targetId',
            'annotations[1].x',
            'annotations[1].id',
            'annotations[2].id',
            'annotations[2].targetId',
          ].sort(),
        );
        expect((await store.listMaps()).totalCount).toBe(0);
      });

      it('refuses too many nodes, a missing node list and a non-object', async () => {
        const store = await openMini();
        const many = Array.from({ length: 501 }, () => ({ actorId: 'tokayev', x: 0, y: 0 }));
        const e1 = (await rejection(store.saveMap({ title: 'Big', nodes: many, relationshipIds: [] }), ValidationError, 'BAD_USER_INPUT')) as unknown as ValidationError;
        expect(e1.problems.map((p) => p.path)).toContain('nodes');
        const e2 = (await rejection(store.saveMap({ title: 'None' } as unknown as MapInput), ValidationError, 'BAD_USER_INPUT')) as unknown as ValidationError;
        expect(e2.problems.map((p) => p.path).sort()).toEqual(['nodes', 'relationshipIds']);
        await rejection(store.saveMap(null as unknown as MapInput), ValidationError, 'BAD_USER_INPUT');
        expect((await store.listMaps()).totalCount).toBe(0);
      });

      it('keeps a map as saved when its actors and relationships are deleted', async () => {
        const store = await openMini();
        const saved = await store.saveMap(KNB_MAP);
        await store.deleteActor('massimov', { cascade: true });
        expect(await store.getMap(saved.id)).toEqual(saved);
      });

      it('deletes a map (only the map) and logs DELETE_MAP; unknown ids are NOT_FOUND', async () => {
        const store = await openMini();
        const saved = await store.saveMap(KNB_MAP);
        const actors = (await store.stats({ top: 0 })).actors;
        await store.deleteMap(saved.id, { by: 'test' });
        expect((await allChanges(store)).at(-1)).toMatchObject({ op: 'DELETE_MAP', entityId: saved.id, before: saved, by: 'test' });
        await rejection(store.getMap(saved.id), NotFoundError, 'NOT_FOUND');
        await expectRejectedUnchanged(store, () => store.deleteMap(saved.id), NotFoundError, 'NOT_FOUND');
        expect((await store.stats({ top: 0 })).actors).toBe(actors);
        expect((await store.exportGraph()).maps).toEqual([]);
      });

      it('imports maps with the graph, counts them, and exports them ordered by id', async () => {
        const source = await openMini();
        const b = await source.saveMap({ ...KNB_MAP, id: 'b-map' });
        const a = await source.saveMap({ ...KNB_MAP, id: 'a-map', annotations: [] });
        const exported = await source.exportGraph();
        expect(ids(exported.maps!)).toEqual(['a-map', 'b-map']);
        const target = await open();
        expect(await target.importGraph(exported)).toEqual({ ...MINI_COUNTS, maps: 2 });
        expect(await target.getMap('a-map')).toEqual(a);
        expect(await target.getMap('b-map')).toEqual(b);
        expect(await target.exportGraph()).toEqual(exported);
      });

      it('refuses an import with a broken map (path maps[i]…), writing nothing', async () => {
        const store = await openMini();
        const good = await store.saveMap(KNB_MAP);
        const broken = { ...good, id: 'broken', nodes: good.nodes.slice(0, 1), annotations: [{ id: 'n', text: 'x', target: 'NODE' as const, targetId: 'massimov' }] };
        const error = (await expectRejectedUnchanged(
          store,
          () => store.importGraph({ sources: [], actors: [], relationships: [], maps: [broken] }),
          ValidationError,
          'BAD_USER_INPUT',
        )) as unknown as ValidationError;
        expect(error.problems.map((p) => p.path).sort()).toEqual(['maps[0].annotations[0].targetId', 'maps[0].edges[0].savedTarget', 'maps[0].edges[1].savedSource', 'maps[0].edges[1].savedTarget'].sort());
      });

      it('re-points maps showing a merged actor to the kept one, logging SAVE_MAP; other maps are untouched', async () => {
        const store = await openMini();
        await store.upsertActor(person('karim-masimov', 'Karim Masimov'));
        await store.upsertRelationship(rel('masimov-ally', 'ALLIED_WITH', 'karim-masimov', 'smailov'));
        const both = await store.saveMap({
          id: 'both',
          title: 'Both spellings',
          nodes: [
            { actorId: 'massimov', x: 0, y: 0 },
            { actorId: 'karim-masimov', x: 50, y: 50 },
            { actorId: 'smailov', x: 100, y: 0 },
          ],
          relationshipIds: ['masimov-ally'],
          annotations: [{ id: 'n', text: 'Note on the duplicate.', target: 'NODE', targetId: 'karim-masimov' }],
        });
        const only = await store.saveMap({ id: 'only', title: 'Duplicate only', nodes: [{ actorId: 'karim-masimov', x: 7, y: 8 }], relationshipIds: [] });
        const untouched = await store.saveMap({ id: 'untouched', title: 'Untouched', nodes: [{ actorId: 'tokayev', x: 0, y: 0 }], relationshipIds: [] });
        await store.mergeActors('massimov', 'karim-masimov', { by: 'test' });

        const a = await store.getMap('both');
        expect(a.nodes.map((n) => n.actorId)).toEqual(['massimov', 'smailov']);
        expect(a.edges).toEqual([{ relationshipId: 'masimov-ally', savedType: 'ALLIED_WITH', savedSource: 'massimov', savedTarget: 'smailov' }]);
        expect(a.annotations[0].targetId).toBe('massimov');
        expect(a.updatedAt).toBe(both.updatedAt);
        const b = await store.getMap('only');
        expect(b.nodes).toEqual([{ actorId: 'massimov', savedName: 'Karim Massimov', savedKind: 'PERSON', x: 7, y: 8 }]);
        expect(await store.getMap('untouched')).toEqual(untouched);
        const saves = (await allChanges(store)).filter((c) => c.op === 'SAVE_MAP' && c.by === 'test');
        expect(saves.map((c) => [c.entityId, c.before])).toEqual([
          ['both', both],
          ['only', only],
        ]);
      });

      it('versions a map: 1 on create, +1 on every save and on a merge that re-points it', async () => {
        const store = await openMini();
        const saved = await store.saveMap({ ...KNB_MAP, id: 'knb' });
        expect(saved.version).toBe(1);
        const second = await store.saveMap({ ...KNB_MAP, id: 'knb', title: 'Second', expectedVersion: 1 });
        expect(second.version).toBe(2);
        expect((await store.getMap('knb')).version).toBe(2);
        expect((await store.listMaps()).items[0].version).toBe(2);
        await store.upsertActor(person('karim-masimov', 'Karim Masimov'));
        await store.saveMap({ ...KNB_MAP, id: 'knb', nodes: [...KNB_MAP.nodes, { actorId: 'karim-masimov', x: 9, y: 9 }] });
        await store.mergeActors('massimov', 'karim-masimov');
        expect((await store.getMap('knb')).version).toBe(4);
        // A new map with an expected version has nothing to conflict with.
        expect((await store.saveMap({ ...KNB_MAP, id: 'fresh', expectedVersion: 7 })).version).toBe(1);
      });

      it('refuses a save or delete based on an old version with a VersionConflictError carrying the current map, writing nothing', async () => {
        const store = await openMini();
        await store.saveMap({ ...KNB_MAP, id: 'knb' });
        const current = await store.saveMap({ ...KNB_MAP, id: 'knb', title: 'Theirs', expectedVersion: 1 });
        const stale = { ...KNB_MAP, id: 'knb', title: 'Mine', expectedVersion: 1 };
        const e1 = (await expectRejectedUnchanged(store, () => store.saveMap(stale), VersionConflictError, 'CONFLICT')) as unknown as VersionConflictError;
        expect(e1).toBeInstanceOf(ConflictError);
        expect(e1).toMatchObject({ entity: 'Map', id: 'knb', expectedVersion: 1, currentVersion: 2, current });
        const e2 = (await expectRejectedUnchanged(store, () => store.deleteMap('knb', { expectedVersion: 1 }), VersionConflictError, 'CONFLICT')) as unknown as VersionConflictError;
        expect(e2).toMatchObject({ currentVersion: 2, current });
        // The context's expected version works for saves too (the API passes the input's).
        await expectRejectedUnchanged(store, () => store.saveMap({ ...stale, expectedVersion: undefined }, { expectedVersion: 1 }), VersionConflictError, 'CONFLICT');
        await store.deleteMap('knb', { expectedVersion: 2, by: 'test' });
        await rejection(store.getMap('knb'), NotFoundError, 'NOT_FOUND');
      });

      it('lets exactly one of two concurrent saves based on the same version through', async () => {
        const store = await openMini();
        await store.saveMap({ ...KNB_MAP, id: 'knb' });
        const outcomes = await Promise.allSettled(
          ['One', 'Two', 'Three'].map((title) => store.saveMap({ ...KNB_MAP, id: 'knb', title, expectedVersion: 1 })),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((o) => (o.reason as VersionConflictError).code)).toEqual(['CONFLICT', 'CONFLICT']);
        const stored = await store.getMap('knb');
        expect(stored.version).toBe(2);
        expect(stored.title).toBe((won[0] as PromiseFulfilledResult<{ title: string }>).value.title);
      });

      it('keeps the previous revision of a replaced map in the change log, with who replaced it', async () => {
        const store = await openMini();
        const first = await store.saveMap({ ...KNB_MAP, id: 'knb' }, { by: 'alice' });
        const second = await store.saveMap({ ...KNB_MAP, id: 'knb', title: 'Revised', annotations: [] }, { by: 'bob', expectedVersion: 1 });
        const saves = (await allChanges(store)).filter((c) => c.op === 'SAVE_MAP' && c.entityId === 'knb');
        expect(saves.map((c) => [c.by, c.before, c.after])).toEqual([
          ['alice', undefined, first],
          ['bob', first, second],
        ]);
      });

      it('returns copies of maps', async () => {
        const store = await openMini();
        const saved = await store.saveMap(KNB_MAP);
        const copy = structuredClone(saved);
        saved.nodes[0].x = 999;
        saved.annotations.length = 0;
        const read = await store.getMap(saved.id);
        read.edges.length = 0;
        (await store.listMaps()).items[0].title = 'tampered';
        expect(await store.getMap(saved.id)).toEqual(copy);
      });
    });

    // ----- hubs: every relationship of a busy actor, for RANKED paging in the API ----------------
    describe('hub relationships', () => {
      it('relationshipsOfActors returns every relationship of a hub, from either end, symmetric ones once', async () => {
        const store = await openMini();
        const people = Array.from({ length: 40 }, (_, i) => person(`hub-${String(i).padStart(2, '0')}`, `Hub ${i}`));
        const rels = people.map((p, i) =>
          i % 4 === 0 ? rel(`hub-r${i}`, 'FAMILY_OF', p.id, 'tokayev') : rel(`hub-r${i}`, i % 2 ? 'APPOINTED' : 'SUPPORTED', 'tokayev', p.id, i % 3 ? { start: `201${i % 10}` } : {}),
        );
        await store.importGraph({ sources: [], actors: people, relationships: rels });
        const all = (await store.relationshipsOfActors(['tokayev'])).get('tokayev')!;
        const expected = (await store.listRelationships({ actorId: 'tokayev' }, { first: 500 })).items;
        expect(sortedIds(all)).toEqual(sortedIds(expected));
        expect(all.length).toBe(expected.length);
        expect(new Set(ids(all)).size).toBe(all.length);
        for (const r of rels) expect(ids(all)).toContain(r.id);
      });
    });

    describe('returned records are copies', () => {
      it('mutating inputs or results never changes the store', async () => {
        const store = await openMini();
        const input = person('mutable', 'Mutable', { aliases: ['One'] });
        const returned = await store.upsertActor(input);
        input.aliases.push('Two');
        input.name = 'Changed';
        returned.aliases.push('Three');
        const read = await store.getActor('mutable');
        read.tags.push('tampered');
        expect(await store.getActor('mutable')).toEqual({ ...person('mutable', 'Mutable', { aliases: ['One'] }), version: 1 });

        const r = await store.getRelationship('r18');
        r.citations[0].excerpt = 'tampered';
        r.citations.push({ sourceId: SRC_A, excerpt: 'more' });
        const [batch] = await store.getRelationships(['r18']);
        batch!.amount = 1;
        const hit = (await store.findActors({ search: 'tokaev' })).items[0];
        hit.actor.aliases.length = 0;
        const exported = await store.exportGraph();
        exported.relationships[0].citations.length = 0;
        const hood = await store.neighborhood({ actorId: 'smailov' });
        hood.actors[0].name = 'tampered';
        const fresh = miniGraph();
        expect(await store.getRelationship('r18')).toEqual({ ...fresh.relationships.find((x) => x.id === 'r18'), version: 1 });
        expect(await store.getActor('tokayev')).toEqual({ ...fresh.actors.find((x) => x.id === 'tokayev'), version: 1 });
        expect(await store.getActor('smailov')).toEqual({ ...fresh.actors.find((x) => x.id === 'smailov'), version: 1 });
        expect((await store.exportGraph()).relationships[0].citations.length).toBeGreaterThan(0);
      });
    });
    // Write rules beyond CRUD that the shared planner (graph/core/plan.ts) enforces for every store:
    // country references, kind changes that would break stored relationships, merges of states,
    // and how import problems are reported.
    describe('write rules: countries, kind changes, merges, import problems', () => {
      const state = (id: string): Actor => ({ id, kind: 'STATE', name: id, aliases: [], tags: [] });

      async function problemPaths(write: Promise<unknown>): Promise<string[]> {
        const e = (await rejection(write, ValidationError, 'BAD_USER_INPUT')) as unknown as ValidationError;
        return e.problems.map((p) => p.path);
      }

      it('a STATE named as country cannot be deleted without cascade; cascade clears the references', async () => {
        const store = await openMini();
        await store.upsertActor(state('ruritania'));
        await store.upsertActor(person('rudolf', 'Rudolf', { country: 'ruritania' }));
        await expectRejectedUnchanged(store, () => store.deleteActor('ruritania'), ConflictError, 'CONFLICT');
        await store.deleteActor('ruritania', { cascade: true });
        expect((await store.getActor('rudolf')).country).toBeUndefined();
        const ops = (await allChanges(store)).slice(-2).map((c) => [c.op, c.entityId]);
        expect(ops).toEqual([
          ['UPSERT_ACTOR', 'rudolf'],
          ['DELETE_ACTOR', 'ruritania'],
        ]);
      });

      it('a STATE that is someone’s country cannot change kind', async () => {
        const store = await openMini();
        await store.upsertActor(state('ruritania')); // no relationships: only the country reference is in the way
        await store.upsertActor(person('rudolf', 'Rudolf', { country: 'ruritania' }));
        await expectRejectedUnchanged(store, () => store.upsertActor({ ...state('ruritania'), kind: 'INSTITUTION', category: 'region' }), ConflictError, 'CONFLICT');
        await store.upsertActor(person('rudolf', 'Rudolf'));
        await store.upsertActor({ ...state('ruritania'), kind: 'INSTITUTION', category: 'region' });
        expect((await store.getActor('ruritania')).kind).toBe('INSTITUTION');
      });

      it('a kind change that breaks a stored relationship is a conflict; one that fits is fine', async () => {
        const store = await openMini();
        // smailov is the target of APPOINTED (targets must be people).
        const smailov = await store.getActor('smailov');
        await expectRejectedUnchanged(store, () => store.upsertActor({ ...smailov, kind: 'INSTITUTION', category: 'other' }), ConflictError, 'CONFLICT');
        await store.upsertActor(person('loner', 'Loner'));
        await store.upsertActor({ id: 'loner', kind: 'INSTITUTION', category: 'other', name: 'Loner Inc', aliases: [], tags: [] });
        expect((await store.getActor('loner')).kind).toBe('INSTITUTION');
      });

      it('merging states moves citizens to the kept state', async () => {
        const store = await openMini();
        await store.upsertActor(state('kazakh-ssr'));
        await store.upsertActor(person('old-timer', 'Old Timer', { country: 'kazakh-ssr' }));
        await store.mergeActors('kazakhstan', 'kazakh-ssr');
        expect((await store.getActor('old-timer')).country).toBe('kazakhstan');
        expect((await store.getActor('kazakhstan')).aliases).toContain('kazakh-ssr');
      });

      it('refuses to merge a state with citizens into a non-state', async () => {
        const store = await openMini();
        await expectRejectedUnchanged(store, () => store.mergeActors('tokayev', 'kazakhstan'), ConflictError, 'CONFLICT');
        expect((await store.getActor('kazakhstan')).kind).toBe('STATE');
      });

      it('refuses to merge an actor into itself', async () => {
        const store = await openMini();
        await expectRejectedUnchanged(store, () => store.mergeActors('tokayev', 'tokayev'), ValidationError, 'BAD_USER_INPUT');
      });

      it('import problems name repeated ids', async () => {
        const store = await openMini();
        const data = miniGraph();
        data.actors.push({ ...data.actors[3] });
        expect(await problemPaths(store.importGraph(data))).toEqual([`actors[${data.actors.length - 1}].id`]);
      });

      it('import problems name a replacement that would break stored relationships', async () => {
        const store = await openMini();
        const paths = await problemPaths(store.importGraph({ sources: [], actors: [{ ...miniGraph().actors[5], kind: 'STATE' }], relationships: [] }));
        expect(paths).toEqual(['actors[0].kind']); // smailov: target of APPOINTED r01
      });

      it('import checks countries against the import and the store', async () => {
        const store = await openMini();
        const paths = await problemPaths(
          store.importGraph({
            sources: [],
            actors: [person('p1', 'P1', { country: 'tokayev' }), person('p2', 'P2', { country: 'new-state' }), state('new-state')],
            relationships: [],
          }),
        );
        expect(paths).toEqual(['actors[0].country']);
      });

      it(`import lists at most ${MAX_REPORTED_PROBLEMS} problems and counts the rest`, async () => {
        const store = await openMini();
        const actors = Array.from({ length: 300 }, (_, i) => ({ id: `Bad ${i}`, kind: 'PERSON', name: 'x', aliases: [], tags: [] }) as Actor);
        const e = (await rejection(store.importGraph({ sources: [], actors, relationships: [] }), ValidationError, 'BAD_USER_INPUT')) as unknown as ValidationError;
        expect(e.problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
        expect(e.problems.at(-1)!.message).toContain('100 more');
      });

      it('import rejects a non-list', async () => {
        const store = await openMini();
        expect(await problemPaths(store.importGraph({ sources: 'nope', actors: [], relationships: [] } as never))).toEqual(['sources']);
      });
    });
  });
}

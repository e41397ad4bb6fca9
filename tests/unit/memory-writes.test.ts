/**
 * Write rules of the embedded store beyond the shared contract: country
 * references, kind changes that would break stored relationships, merges of
 * states, and how import problems are reported.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '@/graph/core/errors';
import { MemoryStore } from '@/graph/memory';
import { MAX_REPORTED_PROBLEMS } from '@/graph/core/plan';
import type { Actor } from '@/graph/core/model';
import { miniGraph } from '../fixtures/mini-graph';

let dir: string;
let store: MemoryStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'steppe-writes-'));
  store = await MemoryStore.open({ dataDir: dir });
  await store.importGraph(miniGraph());
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function problemPaths(write: Promise<unknown>): Promise<string[]> {
  const e = await write.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).problems.map((p) => p.path);
}

const state = (id: string): Actor => ({ id, kind: 'STATE', name: id, aliases: [], tags: [] });

describe('country references', () => {
  it('a STATE named as country cannot be deleted without cascade; cascade clears the references', async () => {
    await store.upsertActor(state('ruritania'));
    await store.upsertActor({ id: 'rudolf', kind: 'PERSON', name: 'Rudolf', aliases: [], tags: [], country: 'ruritania' });
    await expect(store.deleteActor('ruritania')).rejects.toBeInstanceOf(ConflictError);
    await store.deleteActor('ruritania', { cascade: true });
    expect((await store.getActor('rudolf')).country).toBeUndefined();
    const ops = (await store.changes({ first: 500 })).items.slice(-2).map((c) => [c.op, c.entityId]);
    expect(ops).toEqual([
      ['UPSERT_ACTOR', 'rudolf'],
      ['DELETE_ACTOR', 'ruritania'],
    ]);
  });

  it('a STATE that is someone’s country cannot change kind', async () => {
    await store.upsertActor(state('ruritania')); // no relationships: only the country reference is in the way
    await store.upsertActor({ id: 'rudolf', kind: 'PERSON', name: 'Rudolf', aliases: [], tags: [], country: 'ruritania' });
    await expect(store.upsertActor({ ...state('ruritania'), kind: 'INSTITUTION', category: 'region' })).rejects.toBeInstanceOf(ConflictError);
    await store.upsertActor({ id: 'rudolf', kind: 'PERSON', name: 'Rudolf', aliases: [], tags: [] });
    await store.upsertActor({ ...state('ruritania'), kind: 'INSTITUTION', category: 'region' });
  });

  it('a kind change that breaks a stored relationship is a conflict; one that fits is fine', async () => {
    // smailov is the target of APPOINTED (targets must be people).
    await expect(store.upsertActor({ ...(await store.getActor('smailov')), kind: 'INSTITUTION', category: 'other' })).rejects.toBeInstanceOf(ConflictError);
    await store.upsertActor({ id: 'loner', kind: 'PERSON', name: 'Loner', aliases: [], tags: [] });
    await store.upsertActor({ id: 'loner', kind: 'INSTITUTION', category: 'other', name: 'Loner Inc', aliases: [], tags: [] });
    expect((await store.getActor('loner')).kind).toBe('INSTITUTION');
  });
});

describe('merging states', () => {
  it('moves citizens to the kept state', async () => {
    await store.upsertActor(state('kazakh-ssr'));
    await store.upsertActor({ id: 'old-timer', kind: 'PERSON', name: 'Old Timer', aliases: [], tags: [], country: 'kazakh-ssr' });
    await store.mergeActors('kazakhstan', 'kazakh-ssr');
    expect((await store.getActor('old-timer')).country).toBe('kazakhstan');
    expect((await store.getActor('kazakhstan')).aliases).toContain('kazakh-ssr');
  });

  it('refuses to merge a state with citizens into a non-state', async () => {
    await expect(store.mergeActors('tokayev', 'kazakhstan')).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getActor('kazakhstan')).kind).toBe('STATE');
  });

  it('refuses to merge an actor into itself', async () => {
    await expect(store.mergeActors('tokayev', 'tokayev')).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('import problems', () => {
  it('names repeated ids', async () => {
    const data = miniGraph();
    data.actors.push({ ...data.actors[3] });
    expect(await problemPaths(store.importGraph(data))).toEqual([`actors[${data.actors.length - 1}].id`]);
  });

  it('names a replacement that would break stored relationships', async () => {
    const paths = await problemPaths(store.importGraph({ sources: [], actors: [{ ...miniGraph().actors[5], kind: 'STATE' }], relationships: [] }));
    expect(paths).toEqual(['actors[0].kind']); // smailov: target of APPOINTED r01
  });

  it('checks countries against the import and the store', async () => {
    const paths = await problemPaths(
      store.importGraph({
        sources: [],
        actors: [
          { id: 'p1', kind: 'PERSON', name: 'P1', aliases: [], tags: [], country: 'tokayev' },
          { id: 'p2', kind: 'PERSON', name: 'P2', aliases: [], tags: [], country: 'new-state' },
          state('new-state'),
        ],
        relationships: [],
      }),
    );
    expect(paths).toEqual(['actors[0].country']);
  });

  it(`lists at most ${MAX_REPORTED_PROBLEMS} problems and counts the rest`, async () => {
    const actors = Array.from({ length: 300 }, (_, i) => ({ id: `Bad ${i}`, kind: 'PERSON', name: 'x', aliases: [], tags: [] }) as Actor);
    const e = (await store.importGraph({ sources: [], actors, relationships: [] }).catch((x: unknown) => x)) as ValidationError;
    expect(e.problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(e.problems.at(-1)!.message).toContain('100 more');
  });

  it('rejects a non-list', async () => {
    expect(await problemPaths(store.importGraph({ sources: 'nope', actors: [], relationships: [] } as never))).toEqual(['sources']);
  });
});

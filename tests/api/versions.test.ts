/**
 * Edits that cannot silently overwrite, over real HTTP against a real
 * embedded store: every record exposes `version`; a write based on an old
 * version fails with CONFLICT carrying the current record and writes nothing;
 * of two concurrent updates based on the same version exactly one succeeds;
 * and every change-log entry names the admin token that made it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '@/graph/core/store';
import { SRC_A, SRC_B } from '@/tests/fixtures/api-graph';
import { gql, type GqlResponse, type Json } from './http-harness';
import { openLoadedStore, startApi, testConfig } from './setup';

const AIGERIM = 'token-of-aigerim-0123456789';
const DANIYAR = 'token-of-daniyar-0123456789';

let opened: Awaited<ReturnType<typeof openLoadedStore>>;
let store: GraphStore;
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  opened = await openLoadedStore();
  store = opened.store;
  api = await startApi(
    store,
    testConfig(opened.dir, {
      adminTokens: [
        { name: 'aigerim', token: AIGERIM },
        { name: 'daniyar', token: DANIYAR },
      ],
    }),
  );
});

afterAll(async () => {
  await api?.close();
  await opened?.close();
});

const as = (token: string) => (query: string, variables?: Record<string, unknown>) => gql(api.url, query, { variables, token });
const aigerim = as(AIGERIM);
const daniyar = as(DANIYAR);
const changeCount = async () => (await store.changes({ first: 1 })).totalCount;
function ok(r: GqlResponse): Json {
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  expect(r.status).toBe(200);
  return r.body.data!;
}
function conflict(r: GqlResponse): { currentVersion: number; current: Json } {
  expect(r.codes).toEqual(['CONFLICT']);
  const ext = r.body.errors![0].extensions!;
  return { currentVersion: ext.currentVersion as number, current: ext.current };
}

const UPDATE_REL = 'mutation($id: ID!, $patch: RelationshipPatch!, $v: Int) { updateRelationship(id: $id, patch: $patch, expectedVersion: $v) { id role version } }';

describe('versions over HTTP', () => {
  it('exposes version on actors, relationships and sources', async () => {
    const d = ok(await gql(api.url, `{ actor(id: "smailov") { version } relationship(id: "r01") { version } source(id: "${SRC_A}") { version } }`));
    expect(d).toEqual({ actor: { version: 1 }, relationship: { version: 1 }, source: { version: 1 } });
  });

  it('lets exactly one of two concurrent updateRelationship calls based on the same version through', async () => {
    const before = await changeCount();
    const [a, b] = await Promise.all([
      aigerim(UPDATE_REL, { id: 'r02', patch: { role: 'Aigerim’s role' }, v: 1 }),
      daniyar(UPDATE_REL, { id: 'r02', patch: { role: 'Daniyar’s role' }, v: 1 }),
    ]);
    const winner = [a, b].find((r) => r.codes.length === 0)!;
    const loser = [a, b].find((r) => r.codes.length > 0)!;
    expect(winner).toBeDefined();
    expect(loser).toBeDefined();
    const won = winner.body.data!.updateRelationship;
    expect(won.version).toBe(2);
    const { currentVersion, current } = conflict(loser);
    expect(currentVersion).toBe(2);
    expect(current).toMatchObject({ id: 'r02', role: won.role, version: 2 });
    expect(await changeCount()).toBe(before + 1);
    expect(ok(await gql(api.url, '{ relationship(id: "r02") { role version } }')).relationship).toEqual({ role: won.role, version: 2 });
  });

  it('refuses updates and deletes of actors and sources based on an old version, writing nothing', async () => {
    ok(await aigerim('mutation { updateActor(id: "mamin", patch: { summary: "Theirs." }, expectedVersion: 1) { version } }'));
    const before = await changeCount();
    const stale = conflict(await daniyar('mutation { updateActor(id: "mamin", patch: { summary: "Mine." }, expectedVersion: 1) { version } }'));
    expect(stale).toMatchObject({ currentVersion: 2, current: { id: 'mamin', summary: 'Theirs.', version: 2 } });
    conflict(await daniyar('mutation { deleteActor(id: "mamin", cascade: true, expectedVersion: 1) }'));
    conflict(await daniyar('mutation { mergeActors(keepId: "smailov", mergeId: "mamin", expectedMergeVersion: 1) { id } }'));
    conflict(await daniyar('mutation { deleteRelationship(id: "r02", expectedVersion: 1) }'));
    ok(await aigerim(`mutation { upsertSource(input: { id: "${SRC_B}", title: "B, revised" }, expectedVersion: 1) { version } }`));
    conflict(await daniyar(`mutation { upsertSource(input: { id: "${SRC_B}", title: "B, mine" }, expectedVersion: 1) { version } }`));
    conflict(await daniyar(`mutation { setSourceText(sourceId: "${SRC_B}", text: { text: "Mine." }, expectedVersion: 1) { length } }`));
    conflict(await daniyar(`mutation { deleteSource(id: "${SRC_B}", expectedVersion: 1) }`));
    expect(await changeCount()).toBe(before + 1);
    // Without expectedVersion the write applies to whatever is stored, as before.
    expect(ok(await daniyar('mutation { updateActor(id: "mamin", patch: { summary: "Mine." }) { summary version } }')).updateActor).toEqual({ summary: 'Mine.', version: 3 });
  });

  it('answers NOT_FOUND when the record was deleted since it was loaded', async () => {
    ok(await aigerim('mutation { createActor(input: { id: "short-lived", kind: PERSON, name: "Short Lived" }) { version } }'));
    ok(await aigerim('mutation { deleteActor(id: "short-lived", expectedVersion: 1) }'));
    expect((await daniyar('mutation { deleteActor(id: "short-lived", expectedVersion: 1) }')).codes).toEqual(['NOT_FOUND']);
  });
});

describe('the change log names who made each change', () => {
  it('records the named token of every API write, cascaded entries included, and keeps a replaced map’s previous revision', async () => {
    const before = await changeCount();
    const writes: [typeof aigerim, string][] = [
      [aigerim, 'mutation { createActor(input: { id: "by-test-state", kind: STATE, name: "By-Test State" }) { id } }'],
      [aigerim, 'mutation { createActor(input: { id: "by-test-person", kind: PERSON, name: "By Test", country: "by-test-state" }) { id } }'],
      [daniyar, 'mutation { createActor(input: { id: "by-test-dup", kind: STATE, name: "By-Test Duplicate" }) { id } }'],
      [daniyar, `mutation { createRelationship(input: { id: "by-test-rel", type: ALLIED_WITH, source: "by-test-dup", target: "russia", citations: [{ sourceId: "${SRC_A}", excerpt: "An ally." }] }) { id } }`],
      [aigerim, 'mutation { saveMap(input: { id: "by-test-map", title: "By test", nodes: [{ actorId: "by-test-dup", x: 0, y: 0 }, { actorId: "russia", x: 1, y: 1 }], relationshipIds: ["by-test-rel"] }) { id } }'],
      [daniyar, 'mutation { mergeActors(keepId: "by-test-state", mergeId: "by-test-dup") { id } }'],
      [aigerim, 'mutation { updateRelationship(id: "by-test-rel", patch: { role: "ally" }) { id } }'],
      [daniyar, 'mutation { addSource(input: { id: "by-test-src", title: "By test" }, text: { text: "A short text." }) { length } }'],
      [aigerim, 'mutation { setSourceText(sourceId: "by-test-src", text: { text: "A shorter text." }) { length } }'],
      [daniyar, 'mutation { deleteSource(id: "by-test-src") }'],
      [aigerim, 'mutation { deleteActor(id: "by-test-state", cascade: true) }'],
      [daniyar, 'mutation { deleteMap(id: "by-test-map") }'],
    ];
    const expected: string[] = [];
    for (const [who, query] of writes) {
      const n = await changeCount();
      ok(await who(query));
      const made = (await store.changes({ first: 500 })).items.slice(n);
      expect(made.length).toBeGreaterThan(0);
      expected.push(...made.map(() => (who === aigerim ? 'aigerim' : 'daniyar')));
    }
    const log = ok(await gql(api.url, 'query($n: Int) { changes(first: $n) { nodes { op entityId before after by } } }', { variables: { n: 500 } })).changes.nodes.slice(before);
    expect(log.map((c: Json) => c.by)).toEqual(expected);
    // Cascades are the writer's too: the merge re-pointed the map, the delete removed the person's country.
    expect(log.filter((c: Json) => c.op === 'SAVE_MAP').map((c: Json) => c.by)).toEqual(['aigerim', 'daniyar']);
    const saves = log.filter((c: Json) => c.op === 'SAVE_MAP' && c.entityId === 'by-test-map');
    // The revision the merge replaced is retrievable whole from the log.
    expect(saves[1].before).toEqual(saves[0].after);
    expect(saves[1].before).toMatchObject({ version: 1, nodes: [{ actorId: 'by-test-dup' }, { actorId: 'russia' }] });
    expect(saves[1].after).toMatchObject({ version: 2, nodes: [{ actorId: 'by-test-state' }, { actorId: 'russia' }] });
  });
});

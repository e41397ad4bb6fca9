/**
 * Query plans on the launched Neo4j: every statement that Steppe's id-keyed reads send
 * (neighbourhoods, paths, actor pages, relationships of actors, timelines of actors, maps,
 * sources) is captured with its real parameters and run again under PROFILE. None may scan a
 * whole label, index or relationship type: an id seek exists for each of them.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jExecutor, openNeo4jStore, type ServerVersion } from '@/graph/neo4j';
import { statementName } from '@/graph/neo4j/cypher';
import { Neo4jStore } from '@/graph/neo4j/store';
import type { QueryRunner, TransactionExecutor } from '@/graph/neo4j/executor';
import { apiGraph, bulkActorId, SRC_A } from '@/tests/fixtures/api-graph';
import { neo4jTestConfig, wipeNeo4j } from './server';

const config = neo4jTestConfig();
/** Operators that read every node of a label, every entry of an index or every relationship of a type. */
const WHOLE_SCANS = /^(AllNodesScan|NodeByLabelScan|NodeIndexScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|.*RelationshipTypeScan|.*RelationshipIndexScan|.*AllRelationshipsScan|PartitionedNodeByLabelScan|PartitionedNodeIndexScan)/;

interface Captured {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

/** The real executor, recording what each read sends. */
function recording(exec: TransactionExecutor, into: Captured[]): TransactionExecutor {
  const wrap = (q: QueryRunner): QueryRunner => ({
    run: (cypher, params = {}) => {
      into.push({ name: statementName(cypher), cypher, params });
      return q.run(cypher, params);
    },
  });
  return {
    read: (work) => exec.read((q) => work(wrap(q))),
    write: (work) => exec.write(work),
    close: () => exec.close(),
  };
}

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}
const operators = (p: PlanNode): string[] => [p.operatorType.replace(/@.*$/, ''), ...p.children.flatMap(operators)];

describe('query plans of id-keyed reads', () => {
  const captured: Captured[] = [];
  let exec: Neo4jExecutor;
  let store: Neo4jStore;

  beforeAll(async () => {
    await wipeNeo4j(config);
    const loader = await openNeo4jStore(config);
    // Enough actors that a scan would show, few enough to load in seconds.
    await loader.importGraph(apiGraph({ people: 1500, relationships: 3000 }), { by: 'test' });
    await loader.close();
    // Plans cached by earlier suites were made when the database held a dozen actors, where a scan is
    // the cheaper plan; fresh statistics and an empty plan cache make these plans the ones a grown graph gets.
    const admin = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    try {
      for (const call of ['CALL db.awaitIndexes(300)', 'CALL db.resampleOutdatedIndexes()', 'CALL db.clearQueryCaches()']) await admin.executeQuery(call, {}, { database: config.database });
    } finally {
      await admin.close();
    }
    exec = Neo4jExecutor.create(config);
    const server: ServerVersion = await exec.connect();
    store = new Neo4jStore(recording(exec, captured), server);
  });

  afterAll(async () => {
    await exec?.close();
  });

  it('seek by id: no whole label, index or type scan in any PROFILE', async () => {
    const hub = 'tokayev';
    await store.getActor(hub);
    await store.getActors([hub, bulkActorId(1), bulkActorId(2)]);
    await store.neighborhood({ actorId: hub, depth: 2, limit: 500 });
    await store.neighborhood({ actorId: bulkActorId(7), depth: 2, limit: 100, asOf: '2022-06' });
    await store.paths({ from: hub, to: bulkActorId(3), maxLength: 4 });
    await store.listRelationships({ actorId: hub }, { first: 50 });
    await store.relationshipsOfActors([hub, bulkActorId(4)]);
    await store.timeline({ actorIds: [hub], limit: 50 });
    await store.getSources([SRC_A]);
    await store.verifySourceCitations(SRC_A);
    await store.sourceTextInfo([SRC_A]);
    await store.getRelationships(['r01', 'r02']);
    await store.listMaps({ first: 5 });

    const idKeyed = captured.filter((c) => /\$(ids|id|actorId|actorIds)\b/.test(c.cypher));
    const names = [...new Set(idKeyed.map((c) => c.name))];
    expect(names.length).toBeGreaterThan(5);

    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    const scans: string[] = [];
    try {
      const seen = new Set<string>();
      for (const c of idKeyed) {
        if (seen.has(c.name)) continue;
        seen.add(c.name);
        const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
        try {
          const result = await session.run(`PROFILE ${c.cypher}`, c.params);
          const ops = operators(result.summary.profile as unknown as PlanNode);
          const bad = ops.filter((o) => WHOLE_SCANS.test(o));
          if (bad.length) scans.push(`${c.name}: ${bad.join(', ')} (plan: ${ops.join(' < ')})`);
        } finally {
          await session.close();
        }
      }
    } finally {
      await driver.close();
    }
    console.log(`[neo4j plans] profiled ${seen(names)} id-keyed statements`);
    expect(scans).toEqual([]);
  });
});

describe('query plan of search', () => {
  // One letter, a short prefix, a word whose fuzzy pieces are short, a typo, two words: each seeks the text index.
  const SEARCHES: [text: string, expectedId: string][] = [
    ['n', 'nazarbayev'],
    ['naz', 'nazarbayev'],
    ['Nazar', 'nazarbayev'],
    ['Nazrbayev', 'nazarbayev'],
    ['kassym tokay', 'tokayev'],
  ];

  it.each(SEARCHES)('a search for %j seeks the text index instead of reading every actor', async (text, expectedId) => {
    const captured: Captured[] = [];
    const exec = Neo4jExecutor.create(config);
    try {
      const store = new Neo4jStore(recording(exec, captured), await exec.connect());
      const page = await store.findActors({ search: text, first: 500 });
      expect(page.items.map((h) => h.actor.id)).toContain(expectedId);
      const search = captured.find((c) => c.name === 'FIND_ACTOR_CANDIDATES');
      expect(search, `statements sent: ${captured.map((c) => c.name).join(', ')}`).toBeDefined();
      const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
      try {
        const result = await driver.executeQuery(`PROFILE ${search!.cypher}`, search!.params, { database: config.database });
        const ops = operators(result.summary.profile as unknown as PlanNode);
        expect(ops).toContain('NodeIndexContainsScan');
        expect(ops.filter((o) => WHOLE_SCANS.test(o))).toEqual([]);
      } finally {
        await driver.close();
      }
    } finally {
      await exec.close();
    }
  });
});

function seen(names: string[]): string {
  return `${names.length} (${names.join(', ')})`;
}

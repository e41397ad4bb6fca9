/**
 * Traversal parity: neighbourhoods and paths from the Neo4j adapter must equal the
 * embedded store's on the same generated graph, across depths, limits, kinds, types and
 * as-of dates. The contract suite's fixture is small; this graph (400 actors, ~2,000
 * relationships, hubs included) makes levels larger than the limits, so ordering by
 * degree, truncation and the kinds rule (excluded actors are not walked through) all matter.
 * Search is compared on the same graph: Neo4j finds candidates by fragments
 * (graph/neo4j/search-fragments.ts), so a missed candidate would show as a missing hit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '@/bench/generate';
import type { GraphStore, NeighborhoodQuery, PathQuery } from '@/graph/core/store';
import type { ActorKind, RelationshipType } from '@/graph/core/model';
import { searchTextsFor } from '@/tests/fixtures/search-candidates';

export interface ParityStores {
  reference: GraphStore;
  candidate: GraphStore;
  /** Whether the candidate's neighbourhoods carry the degrees it counted while walking. */
  degreesExpected: boolean;
  close(): Promise<void>;
}

const KINDS: (ActorKind[] | undefined)[] = [undefined, ['PERSON'], ['INSTITUTION', 'STATE']];
const TYPES: (RelationshipType[] | undefined)[] = [undefined, ['APPOINTED', 'ALLIED_WITH', 'MEMBER_OF']];
const LIMITS = [1, 7, 60, 500];

export function defineTraversalParity(name: string, open: () => Promise<ParityStores>): void {
  describe(name, () => {
    let stores: ParityStores;
    let centres: string[];
    let pairs: [string, string][];
    let names: string[];

    beforeAll(async () => {
      const graph = generateGraph({ actors: 400, seed: 11 });
      stores = await open();
      await stores.reference.importGraph(graph);
      await stores.candidate.importGraph(graph);
      const ids = graph.actors.map((a) => a.id);
      names = graph.actors.filter((_, i) => i % 80 === 0).flatMap((a) => [a.name, ...a.aliases]);
      const degree = new Map<string, number>();
      for (const r of graph.relationships) for (const end of [r.source, r.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
      const byDegree = [...ids].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0));
      // The two best connected (hubs fill every limit), two from the middle and the least connected.
      centres = [byDegree[0], byDegree[1], byDegree[150], byDegree[151], byDegree[399]];
      pairs = [
        [ids[3], ids[350]],
        [ids[120], ids[240]],
        [byDegree[399], byDegree[0]],
        [ids[77], ids[78]],
      ];
      return () => stores.close();
    }, 120_000);

    it('neighbourhoods: same actors in the same order, same relationships, same truncation', async () => {
      let compared = 0;
      let truncatedSeen = 0;
      let degreesChecked = 0;
      for (const actorId of centres) {
        for (const depth of [1, 2, 3]) {
          for (const limit of LIMITS) {
            for (const kinds of KINDS) {
              const q: NeighborhoodQuery = { actorId, depth, limit, kinds };
              const want = await stores.reference.neighborhood(q);
              const got = await stores.candidate.neighborhood(q);
              expect({ q, ids: got.actors.map((a) => a.id), truncated: got.truncated }).toEqual({ q, ids: want.actors.map((a) => a.id), truncated: want.truncated });
              expect(got.relationships.map((r) => r.id)).toEqual(want.relationships.map((r) => r.id));
              // Degrees counted on the way, where a store offers them, are every returned actor's and right.
              if (got.degrees) {
                const ids = want.actors.map((a) => a.id);
                expect(ids.map((id) => got.degrees!.get(id))).toEqual(await stores.reference.degrees(ids));
                degreesChecked++;
              }
              compared++;
              if (want.truncated) truncatedSeen++;
            }
          }
        }
      }
      // The cases must exercise the limit, or the ordering rules went untested.
      expect(truncatedSeen).toBeGreaterThan(compared / 4);
      expect(degreesChecked).toBe(stores.degreesExpected ? compared : 0);
    }, 120_000);

    it('neighbourhoods with type and as-of filters', async () => {
      for (const actorId of centres) {
        for (const types of TYPES) {
          for (const asOf of [undefined, '2022-06', '2015']) {
            const q: NeighborhoodQuery = { actorId, depth: 2, limit: 60, types, asOf, kinds: ['PERSON', 'INSTITUTION'] };
            const want = await stores.reference.neighborhood(q);
            const got = await stores.candidate.neighborhood(q);
            expect({ q, ids: got.actors.map((a) => a.id), rels: got.relationships.map((r) => r.id), truncated: got.truncated }).toEqual({
              q,
              ids: want.actors.map((a) => a.id),
              rels: want.relationships.map((r) => r.id),
              truncated: want.truncated,
            });
          }
        }
      }
    }, 120_000);

    it('search: the same hits, ranks, matched names and counts, for prefixes, typos at every position and two words', async () => {
      const texts = [...new Set(names.flatMap(searchTextsFor))];
      let hits = 0;
      for (const search of texts) {
        for (const kinds of [undefined, ['PERSON'] as ActorKind[]]) {
          const q = { search, kinds, first: 500 };
          const shape = (page: Awaited<ReturnType<GraphStore['findActors']>>) => ({
            q,
            total: page.totalCount,
            hits: page.items.map((h) => `${h.actor.id} ${h.match} ${h.matchedText}`),
          });
          const want = shape(await stores.reference.findActors(q));
          expect(shape(await stores.candidate.findActors(q))).toEqual(want);
          hits += want.total;
        }
      }
      expect(texts.length).toBeGreaterThan(200);
      expect(hits).toBeGreaterThan(texts.length);
    }, 120_000);

    it('paths: the same paths in the same order', async () => {
      let found = 0;
      for (const [from, to] of pairs) {
        for (const maxLength of [2, 3, 4]) {
          const q: PathQuery = { from, to, maxLength, limit: 12 };
          const want = await stores.reference.paths(q);
          const got = await stores.candidate.paths(q);
          const shape = (ps: typeof want) => ps.map((p) => ({ actors: p.actorIds, rels: p.relationships.map((r) => r.id) }));
          expect({ q, paths: shape(got) }).toEqual({ q, paths: shape(want) });
          found += want.length;
        }
      }
      expect(found).toBeGreaterThan(0);
    }, 120_000);
  });
}

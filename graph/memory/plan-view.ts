/**
 * The graph state as write plans read it (graph/core/plan-reads.ts): the
 * state's own maps and indexes, with each relationship a plan looks at
 * unpacked into a Relationship (the state keeps citations packed, see
 * packed-citations.ts). Plans may put what they read into change records,
 * so they get records of their own.
 */
import type { PlanReads } from '../core/plan-reads';
import { unpackRelationship } from './packed-citations';
import type { GraphState } from './state';

export function planView(state: GraphState): PlanReads {
  return {
    actors: state.actors,
    sources: state.sources,
    texts: state.texts,
    maps: state.maps,
    rels: {
      get(id) {
        const e = state.rels.get(id);
        return e && { rel: unpackRelationship(e.rel) };
      },
    },
    incidentIds: (actorId) => state.incidentIds(actorId),
    citizensOf: (stateId) => state.citizensOf(stateId),
    idsCiting: (sourceId) => state.idsCiting(sourceId),
    entriesCiting: (sourceId) => [...state.entriesCiting(sourceId)].map((e) => ({ rel: unpackRelationship(e.rel) })),
  };
}

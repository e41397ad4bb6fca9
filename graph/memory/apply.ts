/**
 * Applies a persisted write (a list of changes, plus the records an IMPORT
 * brings) to the in-memory state. The same code serves live writes and
 * journal replay, so what is on disk and what is in memory cannot drift.
 */
import type { CuratedMap } from '../core/maps';
import type { Actor, GraphData, Relationship, Source } from '../core/model';
import type { Change } from '../core/store';
import type { GraphState } from './state';

/** One journal record: the changes of one write, applied together or not at all. */
export interface WriteRecord {
  changes: Change[];
  data?: GraphData;
  /** The text of a SET_SOURCE_TEXT change. */
  sourceText?: { sourceId: string; text: string };
}

/** Above this many records a write rebuilds sorted indexes lazily instead of inserting one by one. */
const BULK = 2000;

export function applyImportData(state: GraphState, data: GraphData): void {
  if (data.sources.length + data.actors.length + data.relationships.length > BULK) state.invalidateSorted();
  for (const s of data.sources) state.putSource(s);
  for (const a of data.actors) state.putActor(a);
  for (const r of data.relationships) state.putRelationship(r);
  for (const m of data.maps ?? []) state.maps.set(m.id, m);
}

export function applyRecord(state: GraphState, record: WriteRecord): void {
  if (record.changes.length > BULK) state.invalidateSorted();
  for (const c of record.changes) {
    switch (c.op) {
      case 'UPSERT_ACTOR':
        state.putActor(c.after as Actor);
        break;
      case 'DELETE_ACTOR':
        state.removeActor(c.entityId);
        break;
      case 'MERGE_ACTORS':
        state.putActor(c.after as Actor);
        state.removeActor((c.before as { merged: Actor }).merged.id);
        break;
      case 'UPSERT_RELATIONSHIP':
        // The change keeps its record (changes() hands it out); the state packs a copy's citations.
        state.putRelationship({ ...(c.after as Relationship) });
        break;
      case 'DELETE_RELATIONSHIP':
        state.removeRelationship(c.entityId);
        break;
      case 'UPSERT_SOURCE':
        state.putSource(c.after as Source);
        break;
      case 'DELETE_SOURCE':
        state.removeSource(c.entityId);
        break;
      case 'IMPORT':
        if (record.data) applyImportData(state, record.data);
        break;
      case 'SET_SOURCE_TEXT':
        if (record.sourceText?.sourceId === c.entityId) state.texts.set(c.entityId, { text: record.sourceText.text, updatedAt: c.at });
        break;
      // ----- curated maps -----
      case 'SAVE_MAP':
        state.maps.set(c.entityId, c.after as CuratedMap);
        break;
      case 'DELETE_MAP':
        state.maps.delete(c.entityId);
        break;
    }
    state.changes.push(c);
  }
}

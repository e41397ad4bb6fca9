'use client';

/**
 * A saved map opened in the explorer for editing (`?map=<id>`): the map's live
 * actors and relationships as the explorer's base subgraph, its saved
 * positions (the first layout uses them), and the elements taken off it since
 * it was opened. Notes are edited in MapTools, which starts from `record`.
 */
import { useMemo, useState } from 'react';
import type { Positions } from './explorer-export';
import type { LoadedGraph } from './graph-view';
import { GraphQLClientError, graphqlRequest } from './graphql-client';
import { MAP_QUERY, type MapRecord } from './map-records';
import type { Subgraph } from './queries';
import { latestData, useAsync } from './use-async';

export interface MapDraft {
  /** 'none' outside map editing. */
  status: 'none' | 'loading' | 'ready' | 'error';
  error: unknown;
  retry(): void;
  /** The map as loaded (or as last saved from here). */
  record: MapRecord | null;
  /** Its live actors and relationships, minus those taken off. */
  subgraph: Subgraph | undefined;
  /** Saved positions of its actors (model coordinates). */
  positions: Positions | null;
  /** Element ids taken off the map since it was opened. */
  removed: ReadonlySet<string>;
  /** Takes an actor (with its relationships) or a relationship off the map. */
  remove(id: string): void;
  /** After a save as the same map: the stored record is now this one. */
  saved(record: Pick<MapRecord, 'title' | 'description' | 'updatedAt' | 'version'>): void;
}

async function fetchMap(id: string, signal: AbortSignal): Promise<MapRecord> {
  const data = await graphqlRequest(MAP_QUERY, { id }, { signal });
  if (!data.map) throw new GraphQLClientError(`There is no map “${id}”.`, 'NOT_FOUND');
  return data.map;
}

export function useMapDraft(mapId: string | null): MapDraft {
  const loaded = useAsync(mapId ? `map:${mapId}` : null, (signal) => fetchMap(mapId!, signal));
  const [removed, setRemoved] = useState<ReadonlySet<string>>(() => new Set());
  /** What a save from here changed in the stored map (title, description…), for the map it was saved to. */
  const [patch, setPatch] = useState<{ id: string; fields: Partial<MapRecord> } | null>(null);
  // While another map id loads (after a save as a copy) the last one stays drawn.
  const base = latestData(loaded) ?? null;
  const record = useMemo(() => (base ? { ...base, ...(patch?.id === base.id ? patch.fields : {}) } : null), [base, patch]);

  const subgraph = useMemo<Subgraph | undefined>(() => {
    if (!base) return undefined;
    return {
      actors: base.nodes.flatMap((n) => (n.actor ? [n.actor] : [])),
      relationships: base.edges.flatMap((e) => (e.relationship ? [e.relationship] : [])),
      truncated: false,
    };
  }, [base]);
  const positions = useMemo<Positions | null>(
    () => (base ? Object.fromEntries(base.nodes.filter((n) => n.actor).map((n) => [n.actorId, { x: n.x, y: n.y }])) : null),
    [base],
  );

  return {
    status: mapId === null ? 'none' : loaded.status === 'ready' ? 'ready' : loaded.status === 'error' ? 'error' : 'loading',
    error: loaded.status === 'error' ? loaded.error : null,
    retry: loaded.retry,
    record,
    subgraph,
    positions,
    removed,
    remove: (id) => setRemoved((prev) => new Set(prev).add(id)),
    saved: ({ title, description, updatedAt, version }) => base && setPatch({ id: base.id, fields: { title, description, updatedAt, version } }),
  };
}

/** The loaded graph without what was taken off the map (an actor takes its relationships with it). */
export function withoutRemoved(graph: LoadedGraph, removed: ReadonlySet<string>): LoadedGraph {
  if (removed.size === 0) return graph;
  const actors = new Map([...graph.actors].filter(([id]) => !removed.has(id)));
  const relationships = new Map(
    [...graph.relationships].filter(([id, r]) => !removed.has(id) && actors.has(r.source.id) && actors.has(r.target.id)),
  );
  return { actors, relationships };
}
